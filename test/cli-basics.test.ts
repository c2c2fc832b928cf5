// The command-line conventions users of gitleaks, zizmor, ruff and trivy look for: `rules`, `explain RULE`, -V,
// -q, --color/--no-color, files as PATH, help with examples, and one-line errors for bad option values and
// mistyped commands.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import type { Report } from '../src/model.js';
import { RULES } from '../src/rules/index.js';
import { docsUrl, TOOL_VERSION } from '../src/version.js';
import { useTempTrees } from './support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ESC = '\u001b[';

const tree = useTempTrees('ccp-basics-');

async function cli(argv: string[], options: { cwd?: string; env?: CliIo['env']; isTty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? ROOT,
    isTty: options.isTty ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const found = (report: Report) => report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

describe('rules', () => {
  it('prints the catalogue as a table, one row per rule in registry order', async () => {
    const { code, stdout, stderr } = await cli(['rules']);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE +SEVERITY +POLICIES +TITLE$/);
    expect(lines[1]).toMatch(
      /^NET001 +error +nonessential-traffic,zdr +Non-essential traffic is not disabled$/,
    );
    const ids = lines.slice(1, 1 + RULES.length).map((line) => line.split(' ')[0]);
    expect(ids).toEqual(RULES.map((r) => r.id));
    expect(stdout).toContain('explain RULE');
  });

  it('prints JSON with --format json', async () => {
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { id: string; severity: string; docsUrl: string }[];
    expect(list.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(list[0]).toEqual({
      id: 'NET001',
      title: 'Non-essential traffic is not disabled',
      policies: ['nonessential-traffic', 'zdr'],
      severity: 'error',
      docsUrl: docsUrl('NET001'),
    });
  });

  it('is a command, not a PATH, and refuses a PATH or another format in one line', async () => {
    expect(await cli(['rules', '.'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'claude-code-policy: rules takes no PATH (got ".")\n',
    });
    expect((await cli(['rules', '--format', 'sarif'])).stderr).toBe(
      'claude-code-policy: --format must be one of text, json for rules\n',
    );
  });
});

describe('explain', () => {
  it('prints the rule page, whatever the case of the id, and its URL', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'net001']);
    expect([code, stderr]).toEqual([0, '']);
    const page = readFileSync(path.join(ROOT, 'docs/rules/NET001.md'), 'utf8');
    expect(stdout).toBe(`${page.trimEnd()}\n\n${docsUrl('NET001')}\n`);
  });

  it('makes headings bold with --color, and nothing else', async () => {
    const { stdout } = await cli(['explain', 'ZDR004', '--color']);
    expect(stdout.split('\n')[0]).toMatch(/^\u001b\[1m# ZDR004: .*\u001b\[0m$/);
  });

  it('suggests the nearest rule for a typo, and needs exactly one id', async () => {
    expect(await cli(['explain', 'NET01'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'claude-code-policy: unknown rule "NET01" (did you mean NET001?); `claude-code-policy rules` lists them\n',
    });
    expect((await cli(['explain'])).stderr).toBe(
      'claude-code-policy: explain takes one rule id, e.g. `claude-code-policy explain NET001`\n',
    );
  });
});

describe('version and help', () => {
  it('-V, --version and `version` print the version', async () => {
    for (const argv of [['-V'], ['--version'], ['version']]) {
      expect(await cli(argv)).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
    }
  });

  it('--help and `help` show examples, every command and the documentation URL', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:\n');
    expect(help.stdout).toContain('claude-code-policy explain NET001');
    expect(help.stdout).toContain(
      'Documentation: https://github.com/claude-code-policy/claude-code-policy#readme\n',
    );
    for (const flag of ['-q, --quiet', '--color, --no-color', '-V, --version', 'rules', 'explain RULE'])
      expect(help.stdout).toContain(flag);
    expect(await cli(['help'])).toEqual(help);
    expect((await cli(['help', 'init'])).stdout).toContain('--dry-run');
  });
});

describe('one-line errors', () => {
  it('a negative number for a number option is a value, with its one-line reason', async () => {
    expect(await cli(['examples/compliant', '--max-file-size', '-5'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'claude-code-policy: max-file-size must be a whole number of at least 1\n',
    });
    expect((await cli(['fix', '--max-retention-days', '-1', 'examples/compliant'])).stderr).toBe(
      'claude-code-policy: max-retention-days must be a whole number of at least 1\n',
    );
  });

  it('an empty value is a value left out, not the default', async () => {
    for (const argv of [['--policy='], ['--zdr-org-uuid', ''], ['--include', 'a/**', '--include', '']]) {
      const name = argv[0]!.replace(/=$/, '');
      expect(await cli(['examples/compliant', ...argv])).toEqual({
        code: 2,
        stdout: '',
        stderr: `claude-code-policy: ${name} needs a value (see --help)\n`,
      });
    }
    expect((await cli(['fix', 'examples/compliant', '--config='])).stderr).toBe(
      'claude-code-policy: --config needs a value (see --help)\n',
    );
  });

  it('an option without its value is one line', async () => {
    const { code, stderr } = await cli(['--format']);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toMatch(
      /^claude-code-policy: Option '--format <value>' argument missing \(see --help\)\n$/,
    );
  });

  it('a mistyped command is suggested, not scanned as a PATH', async () => {
    const dir = tree({ '.claude/settings.json': '{}\n' });
    expect(await cli(['fxi'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'claude-code-policy: "fxi" is neither a PATH nor a command (did you mean `fix`?)\n',
    });
    expect((await cli(['scan', 'rule'], { cwd: dir })).stderr).toBe(
      'claude-code-policy: "rule" is neither a PATH nor a command (did you mean `rules`?)\n',
    );
  });

  it('a folder named like a command is a PATH', async () => {
    const dir = tree({ 'fix/.claude/settings.json': '{}\n' });
    const { code, stdout } = await cli(['fix', '--dry-run', 'fix'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('+++ b/.claude/settings.json');
    const scan = await cli(['scan', 'fix', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(scan.stdout).root).toBe('fix');
  });
});

describe('--quiet', () => {
  it('prints nothing when the check passes, and the report when it fails', async () => {
    expect(await cli(['-q', 'examples/compliant'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const failed = await cli(['--quiet', 'examples/non-compliant']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('NET001');
  });

  it('keeps machine formats whole', async () => {
    const { code, stdout } = await cli(['-q', 'examples/compliant', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.passed).toBe(true);
  });
});

describe('colour', () => {
  const failing = ['examples/non-compliant'];
  const coloured = async (argv: string[], env: CliIo['env'], isTty = false) =>
    (await cli([...failing, ...argv], { env, isTty })).stdout.includes(ESC);

  it('follows the terminal, then NO_COLOR and FORCE_COLOR, then --color and --no-color', async () => {
    expect(await coloured([], {}, false)).toBe(false);
    expect(await coloured([], {}, true)).toBe(true);
    expect(await coloured([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured([], { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured(['--color'], { NO_COLOR: '1' }, false)).toBe(true);
    expect(await coloured(['--no-color'], { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('refuses both at once', async () => {
    expect((await cli(['--color', '--no-color'])).stderr).toBe(
      'claude-code-policy: --color and --no-color contradict each other\n',
    );
  });
});

describe('a file as PATH', () => {
  it('is checked in its place in the repository: only its findings, worked out with the files beside it', async () => {
    const { code, stdout, stderr } = await cli([
      'examples/non-compliant/.claude/settings.local.json',
      '--format',
      'json',
    ]);
    expect([code, stderr]).toEqual([1, '']);
    const report = JSON.parse(stdout) as Report;
    // The repository is this checkout (it holds .git); the empty string unsets the shared file's "1": NET001.
    expect(found(report)).toEqual([
      'CFG006 examples/non-compliant/.claude/settings.local.json:1',
      'NET001 examples/non-compliant/.claude/settings.local.json:3',
    ]);
    expect(report.files).toEqual(['examples/non-compliant/.claude/settings.local.json']);
    expect(report.summary).toMatchObject({
      files: 1,
      scopes: 1,
      errors: 1,
      warnings: 1,
      notices: 0,
      passed: false,
    });
    expect(report.scopes.map((s) => s.id)).toEqual(['examples/non-compliant']);
  });

  it('takes several files from the repository root, as a pre-commit hook passes them', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.claude/settings.json':
        '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1", "CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1" }, "skipWebFetchPreflight": true }\n',
      '.claude/settings.local.json': '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "" } }\n',
      '.env': 'DISABLE_TELEMETRY=0\n',
      'README.md': '# x\n',
    });
    mkdirSync(path.join(dir, 'sub'));
    const both = await cli(
      [
        '.claude/settings.json',
        '.env',
        '--format',
        'json',
        '--policy',
        'nonessential-traffic',
        '--fail-on',
        'warning',
      ],
      {
        cwd: dir,
      },
    );
    expect(both.code).toBe(1);
    expect(found(JSON.parse(both.stdout) as Report)).toEqual(['NET003 .env:1']);
    // From a subfolder, the repository is still the one around the file.
    const local = await cli(
      ['../.claude/settings.local.json', '--format', 'json', '--policy', 'nonessential-traffic'],
      {
        cwd: path.join(dir, 'sub'),
      },
    );
    expect(found(JSON.parse(local.stdout) as Report)).toEqual(['NET001 .claude/settings.local.json:1']);
    const readme = await cli(['README.md'], { cwd: dir });
    expect(readme.code).toBe(0);
    expect(readme.stderr).toBe(
      'claude-code-policy: warning: README.md was not checked: it is not a file Claude Code or this check reads\n',
    );
  });

  it('outside a git work tree, is checked from the project folder around .claude/, not from the working directory', async () => {
    const dir = tree({
      '.claude/settings.json':
        '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1", "DISABLE_AUTOUPDATER": "1", "CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1" } }\n',
      '.claude/settings.local.json': '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "" } }\n',
    });
    const file = path.join(dir, '.claude/settings.local.json');
    const { stdout } = await cli([file, '--format', 'json', '--policy', 'nonessential-traffic'], {
      cwd: path.dirname(dir),
    });
    const report = JSON.parse(stdout) as Report;
    expect(path.resolve(path.dirname(dir), report.root)).toBe(dir);
    expect(found(report)).toEqual(['NET001 .claude/settings.local.json:1']);
  });

  it('takes files under a folder whose name starts with two dots as files of the repository', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.env': 'DISABLE_TELEMETRY=0\n',
      '..x/.env': 'DISABLE_TELEMETRY=0\n',
    });
    const { code, stdout, stderr } = await cli(
      ['.env', '..x/.env', '--format', 'json', '--policy', 'nonessential-traffic'],
      {
        cwd: dir,
      },
    );
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as Report;
    expect(report.files).toEqual(['..x/.env', '.env']);
    expect(found(report)).toEqual(['NET003 ..x/.env:1', 'NET003 .env:1']);
  });

  it('takes one directory or only files', async () => {
    const dir = tree({ '.claude/settings.json': '{}\n', 'a/b.json': '{}\n' });
    expect((await cli(['.claude/settings.json', 'a'], { cwd: dir })).stderr).toBe(
      'claude-code-policy: expected one directory or any number of files, got the directory a among 2 PATHs\n',
    );
    expect((await cli(['.claude/settings.json', 'missing.json'], { cwd: dir })).stderr).toBe(
      'claude-code-policy: PATH missing.json not found\n',
    );
  });
});
