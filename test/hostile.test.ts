// Hostile input, end to end: each case is a real tree on disk scanned by scan() (or run by the CLI's run()), and
// ends with exact findings or one line on stderr: no stack trace, no hang (the test timeout is the hang guard).
// Unit-level cases live beside their stage: discover.test.ts (symlink, size, NUL, UTF-16 and UTF-8 guards;
// names with spaces, quotes and newlines), dotenv.test.ts (linear parsing of large and malformed files),
// report.test.ts (workflow-command escaping of any string). Large inputs are generated here, in temp dirs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitListedRoot } from '../src/cli/args.js';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { listGitFiles } from '../src/discover/git-listing.js';
import type { Logger } from '../src/logger.js';
import type { Finding, Report } from '../src/model.js';
import { type RawOptions, resolveOptions } from '../src/policy/options.js';
import { MAX_JSON_DEPTH } from '../src/parse/json.js';
import { scan } from '../src/scan.js';
import { renderGithub } from '../src/report/github.js';
import { renderJson } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderSarif } from '../src/report/sarif.js';
import { renderText } from '../src/report/text.js';
import { RULES } from '../src/rules/index.js';
import { workflowCommands } from './helpers/runner.js';
import { stressIt } from './helpers/stress.js';

const MIB = 1024 * 1024;
const NOW = new Date('2026-06-01T00:00:00Z');
const POSIX = process.platform !== 'win32';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccp-hostile-'));
  dirs.push(dir);
  return dir;
}

/** A temp directory holding `files` (path relative to it, with `/`). */
function tree(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  for (const [relative, content] of Object.entries(files)) put(root, relative, content);
  return root;
}

function put(root: string, relative: string, content: string | Uint8Array): void {
  const target = path.join(root, ...relative.split('/'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

function link(root: string, relative: string, target: string): void {
  const at = path.join(root, ...relative.split('/'));
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
}

function git(root: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', ...args],
    { cwd: root, stdio: 'pipe' },
  );
}

function commitAll(root: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--no-gpg-sign', '-m', 'hostile');
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { debug() {}, info() {}, warning: (message) => warnings.push(message), warnings };
}

async function scanTree(
  root: string,
  raw: RawOptions = {},
): Promise<{ report: Report; found: string[]; warnings: string[] }> {
  const logger = recordingLogger();
  const report = await scan(resolveOptions({ path: root, ...raw }), { cwd: root, logger, now: NOW });
  return { report, found: report.findings.map(where), warnings: logger.warnings };
}

/** `RULE file:line:column`. */
function where(finding: Finding): string {
  return `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`;
}

function messageOf(report: Report, ruleId: string, file: string): string | undefined {
  return report.findings.find((f) => f.ruleId === ruleId && f.file === file)?.message;
}

/** Every renderer copes with the report (a crash here would be a stack trace in the user's face). */
function renderAll(report: Report): void {
  expect(() => renderJson(report)).not.toThrow();
  expect(() => renderText(report, { color: false })).not.toThrow();
  expect(() => renderMarkdown(report, {})).not.toThrow();
  expect(() => renderSarif(report, RULES)).not.toThrow();
  expect(() => renderGithub(report, RULES)).not.toThrow();
}

const LEAVES_ROOT = 'a symlink that leaves the scanned root; not followed';
const BROKEN_LINK = 'a broken symlink; not followed';
const notChecked = (file: string, reason: string) => `\`${file}\` was not checked: ${reason}.`;

// A credential-shaped value: if a file holding it were ever read, SEC001 would report it.
const OUTSIDE_SECRET = `ANTHROPIC_API_KEY=sk-ant-api03-${'Q7vR2mK9pL4xT8wN'.repeat(4)}\n`;

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe.each(['walk', 'git'] as const)('hostile trees (%s)', (mode) => {
  const options: RawOptions = { policy: 'hygiene', gitignore: mode === 'walk' ? false : undefined };
  const prepare = (root: string) => {
    if (mode === 'git') commitAll(root);
    return root;
  };

  it.skipIf(!POSIX)('reports links that leave the root (CFG008) and never opens their targets', async () => {
    const outside = tree({ 'secret.env': OUTSIDE_SECRET });
    // Opening a FIFO with no writer blocks: had the scanner opened this target, the test would hang.
    mkfifo(path.join(outside, 'pipe'));
    const root = tree({ 'README.md': 'x' });
    link(root, '.env', path.join(outside, 'secret.env'));
    link(root, '.claude/settings.json', path.join(outside, 'pipe'));
    link(root, 'sub/.envrc', '../..');
    const { report, found } = await scanTree(prepare(root), options);
    expect(found).toEqual(['CFG008 .claude/settings.json:1:1', 'CFG008 .env:1:1', 'CFG008 sub/.envrc:1:1']);
    expect(messageOf(report, 'CFG008', '.env')).toBe(notChecked('.env', LEAVES_ROOT));
    expect(renderJson(report)).not.toContain('Q7vR2mK9pL4xT8wN');
    // The unread settings file still forms its scope, contributing nothing, so policy rules cannot be bypassed.
    expect(report.scopes).toEqual([{ id: '.', kind: 'project', files: ['.claude/settings.json'] }]);
  });

  it.skipIf(!POSIX)('ends on symlink loops, of directories and of files', async () => {
    const root = tree({ 'a/.env': 'A=1' });
    link(root, 'a/loop', '..');
    link(root, 'self', '.');
    link(root, '.env', '.env');
    link(root, 'x.env', 'y.env');
    link(root, 'y.env', 'x.env');
    const { report, found } = await scanTree(prepare(root), options);
    expect(found).toEqual(['CFG008 .env:1:1', 'CFG008 x.env:1:1', 'CFG008 y.env:1:1']);
    expect(messageOf(report, 'CFG008', 'x.env')).toBe(notChecked('x.env', BROKEN_LINK));
    expect(report.files).toEqual(['a/.env']);
  });

  it('reports binary files named like configuration (CFG008) and reads nothing from them', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x3d, 0x31]);
    const root = prepare(
      tree({ '.claude/settings.json': png, 'bin/.env': elf, '.mcp.json': new Uint8Array([0x7b, 0, 0x7d]) }),
    );
    const { report, found } = await scanTree(root, options);
    expect(found).toEqual([
      'CFG008 .claude/settings.json:1:1',
      'CFG008 .mcp.json:1:1',
      'CFG008 bin/.env:1:1',
    ]);
    expect(messageOf(report, 'CFG008', 'bin/.env')).toBe(notChecked('bin/.env', 'not a text file'));
    expect(report.files).toEqual([]);
  });

  it('reports UTF-16 and invalid UTF-8 settings files (CFG008) with the reason', async () => {
    const utf16 = (text: string, bom: number[]) =>
      new Uint8Array([...bom, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    const settings = '{"env":{"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC":"1"}}';
    const root = prepare(
      tree({
        'le/.claude/settings.json': utf16(settings, [0xff, 0xfe]),
        'be/.claude/settings.json': new Uint8Array([0xfe, 0xff, 0, 0x7b, 0, 0x7d]),
        'latin1/.claude/settings.json': new Uint8Array([
          ...Buffer.from('{"env":{"A":"caf'),
          0xe9,
          0x22,
          0x7d,
          0x7d,
        ]),
        'overlong/.claude/settings.local.json': new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d]),
        'ok/.claude/settings.json': Buffer.from(`\uFEFF${settings}`),
      }),
    );
    const { report, found } = await scanTree(root, options);
    expect(found).toEqual([
      'CFG008 be/.claude/settings.json:1:1',
      'CFG008 latin1/.claude/settings.json:1:1',
      'CFG008 le/.claude/settings.json:1:1',
      'CFG008 overlong/.claude/settings.local.json:1:1',
    ]);
    const utf16Reason = 'UTF-16 encoded, Claude Code reads UTF-8';
    expect(messageOf(report, 'CFG008', 'le/.claude/settings.json')).toBe(
      notChecked('le/.claude/settings.json', utf16Reason),
    );
    expect(messageOf(report, 'CFG008', 'latin1/.claude/settings.json')).toBe(
      notChecked('latin1/.claude/settings.json', 'not valid UTF-8'),
    );
    expect(report.files).toEqual(['ok/.claude/settings.json']);
  });

  it('reports NUL bytes (CFG008) but reads an escaped \\u0000 in JSON as the text it is', async () => {
    const root = prepare(
      tree({
        'raw/.claude/settings.json': '{"env":{"A":"x\0y"}}',
        'raw/.env': 'A=1\0\nB=2\n',
        'escaped/.claude/settings.json': '{"env":{"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC":"1\\u0000"}}',
      }),
    );
    const { found, report } = await scanTree(root, options);
    expect(found).toEqual(['CFG008 raw/.claude/settings.json:1:1', 'CFG008 raw/.env:1:1']);
    expect(report.files).toEqual(['escaped/.claude/settings.json']);
  });

  it('keeps __proto__, constructor and prototype as plain keys, in settings, env files and paths', async () => {
    const settings =
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1, ' +
      '"env": {"__proto__": {"polluted": "1"}, "constructor": "x", "prototype": "y", ' +
      '"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"}}';
    const root = prepare(
      tree({
        'p/.claude/settings.json': settings,
        'p/.env': '__proto__=polluted\nconstructor=x\nprototype=1\nhasOwnProperty=1\ntoString=2\n',
        '__proto__/.claude/settings.json': '{"env":{"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC":"1"}}',
        'constructor/.claude/settings.local.json': '{"env":{"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC":"1"}}',
        'hasOwnProperty/.env': 'A=1',
      }),
    );
    const { report, found } = await scanTree(root, { ...options, policy: undefined });
    const column = (key: string) => settings.indexOf(key) + 1;
    expect(found.filter((f) => f.includes('p/.claude/settings.json'))).toEqual([
      'NET005 p/.claude/settings.json:1:1',
      `CFG003 p/.claude/settings.json:1:${column('"__proto__"')}`,
      `CFG003 p/.claude/settings.json:1:${column('"constructor"')}`,
      `CFG003 p/.claude/settings.json:1:${column('"prototype": 1')}`,
      `CFG002 p/.claude/settings.json:1:${column('"__proto__": {"polluted": "1"}')}`,
      `CFG002 p/.claude/settings.json:1:${column('"constructor": "x"')}`,
      `CFG002 p/.claude/settings.json:1:${column('"prototype": "y"')}`,
    ]);
    // The env block still counts: no NET001 anywhere, and the odd directory names are ordinary scopes.
    expect(found.filter((f) => f.startsWith('NET001'))).toEqual([]);
    expect(report.scopes.map((s) => s.id)).toEqual(['__proto__', 'constructor', 'p']);
    renderAll(report);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(typeof probe.constructor).toBe('function');
    expect(typeof Object.prototype.hasOwnProperty).toBe('function');
  });

  stressIt(
    'reports JSON nested 200,000 levels deep (CFG008) where it passes the limit, without exhausting the stack',
    async () => {
      const depth = 200_000;
      const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const root = prepare(
        tree({
          'o/.claude/settings.json': objects,
          'm/.mcp.json': arrays,
          'd/.devcontainer/devcontainer.json': `// JSONC\n${arrays}`,
          'w/managed-settings.d/10-deep.json': `{"env":${arrays}}`,
        }),
      );
      const { report, found } = await scanTree(root, options);
      const tooDeep = '{"a":'.length * MAX_JSON_DEPTH + 1;
      expect(found).toEqual([
        `CFG008 d/.devcontainer/devcontainer.json:2:${MAX_JSON_DEPTH + 1}`,
        `CFG008 m/.mcp.json:1:${MAX_JSON_DEPTH + 1}`,
        `CFG008 o/.claude/settings.json:1:${tooDeep}`,
        `CFG008 w/managed-settings.d/10-deep.json:1:${'{"env":'.length + MAX_JSON_DEPTH}`,
      ]);
      expect(messageOf(report, 'CFG008', 'm/.mcp.json')).toBe(
        notChecked('m/.mcp.json', `nested more than ${MAX_JSON_DEPTH} levels deep`),
      );
      renderAll(report);
    },
  );

  stressIt(
    'caps a 60 MB env file (CFG008), and parses it without hanging when the cap is raised',
    async () => {
      const line = `SETTING_VALUE_${'x'.repeat(80)}=${'v'.repeat(20)}\n`;
      const lines = Math.ceil((60 * 1000 * 1000) / line.length);
      const key = `sk-ant-api03-${'Zq7vR2mK9pL4xT8w'.repeat(5)}`;
      const root = tree({ 'big/.env': `${line.repeat(lines)}ANTHROPIC_API_KEY=${key}\n` });
      prepare(root);

      const capped = await scanTree(root, options);
      expect(capped.found).toEqual(['CFG008 big/.env:1:1']);
      expect(messageOf(capped.report, 'CFG008', 'big/.env')).toBe(
        notChecked('big/.env', 'larger than 5 MiB'),
      );

      const raised = await scanTree(root, { ...options, maxFileSize: 64 * MIB });
      expect(raised.found).toEqual([`SEC001 big/.env:${lines + 1}:1`]);
      expect(renderJson(raised.report)).not.toContain(key);
    },
    120_000,
  );

  stressIt(
    'reads a 10 MB single-line settings file under a raised cap, with exact columns',
    async () => {
      const padding = 'p'.repeat(10 * MIB);
      const settings = `{"env":{"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC":"1"},"padding":"${padding}","zzUnknown":1}`;
      const root = prepare(tree({ '.claude/settings.json': settings }));
      const capped = await scanTree(root, options);
      expect(capped.found).toEqual(['CFG008 .claude/settings.json:1:1']);
      const raised = await scanTree(root, { ...options, maxFileSize: 16 * MIB });
      expect(raised.found).toEqual([
        `CFG003 .claude/settings.json:1:${settings.indexOf('"padding"') + 1}`,
        `CFG003 .claude/settings.json:1:${settings.indexOf('"zzUnknown"') + 1}`,
      ]);
      const text = renderText(raised.report, { color: false });
      // Findings name a position; no renderer copies the 10 MB line.
      expect(text.length).toBeLessThan(10_000);
      expect(renderGithub(raised.report, RULES).length).toBeLessThan(10_000);
    },
    60_000,
  );

  it.skipIf(!POSIX)('skips a FIFO named like configuration without blocking on it', async () => {
    const root = tree({ 'a/.env': 'A=1' });
    mkfifo(path.join(root, '.env'));
    mkfifo(path.join(root, 'a', '.envrc'));
    // git does not track FIFOs; its listing simply leaves them out.
    const { report, found } = await scanTree(prepare(root), options);
    expect(found).toEqual([]);
    expect(report.files).toEqual(['a/.env']);
  });
});

describe('content built to be slow, within the size cap', () => {
  stressIt(
    'ends in linear time: backtracking patterns, 100,000 keys, 100,000 keys on lines of a broken file',
    async () => {
      // Each of these took minutes to hours before: /\$\{\{[^}]*\}\}/ on `${{` repeated is quadratic, a lookup
      // property by property is quadratic in an object's keys, and so was one finding per line by list search.
      const credentials = JSON.stringify({
        env: {
          ANTHROPIC_API_KEY: '${{'.repeat(300_000),
          ANTHROPIC_AUTH_TOKEN: '${'.repeat(400_000),
          CLAUDE_CODE_OAUTH_TOKEN: '*'.repeat(1_000_000),
        },
      });
      const manyVariables = JSON.stringify({
        env: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`VARIABLE_${i}`, '1'])),
      });
      const manyKeys = JSON.stringify(
        Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 0])),
      );
      const brokenLines = 100_000;
      const broken = `{ "env": oops\n${'sk-ant-Zq7vR2mK9pL4xT8w\n'.repeat(brokenLines)}`;
      const root = tree({
        'redos/.claude/settings.json': credentials,
        'variables/.claude/settings.json': manyVariables,
        'keys/.claude/settings.json': manyKeys,
        'broken/.claude/settings.json': broken,
      });
      const { found, report } = await scanTree(root, { policy: 'hygiene', gitignore: false });
      const at = (file: string, text: string, key: string) => `${file}:1:${text.indexOf(key) + 1}`;
      const lastIn = (folder: string) => report.findings.filter((f) => f.file?.startsWith(folder)).at(-1)!;
      expect(lastIn('keys/').message).toContain('49981 more CFG003 findings in this file');
      expect(lastIn('broken/').message).toContain('99981 more SEC001 findings in this file');
      expect(found.filter((f) => f.includes('redos/'))).toEqual([
        `SEC001 ${at('redos/.claude/settings.json', credentials, '"ANTHROPIC_API_KEY"')}`,
        `SEC001 ${at('redos/.claude/settings.json', credentials, '"ANTHROPIC_AUTH_TOKEN"')}`,
      ]);
      expect(found.filter((f) => f.includes('variables/'))).toEqual([]);
      const unknown = found.filter((f) => f.includes('keys/'));
      // Capped per rule and file: 19 listed, then one that counts the rest at the first left out (k19).
      expect(unknown).toHaveLength(20);
      expect(unknown[0]).toBe(`CFG003 ${at('keys/.claude/settings.json', manyKeys, '"k0"')}`);
      expect(unknown.at(-1)).toBe(`CFG003 ${at('keys/.claude/settings.json', manyKeys, '"k19"')}`);
      const brokenFindings = found.filter((f) => f.includes('broken/'));
      expect(brokenFindings).toHaveLength(1 + 20);
      expect(brokenFindings[0]).toBe('CFG001 broken/.claude/settings.json:1:10');
      expect(brokenFindings.at(-1)).toBe(`SEC001 broken/.claude/settings.json:21:1`);
    },
    60_000,
  );

  stressIt(
    'one finding per key or line is built for the first ones only, and the counting finding has the true total',
    async () => {
      // 5,000 duplicate keys in settings JSON and in a workflow, 5,000 lines an env file cannot parse, 5,000 wrong
      // env values: each producer builds the first 20 and counts the rest (src/bounded.ts).
      const count = 5_000;
      const json = `{${Array.from({ length: count + 1 }, () => '"a":1').join(',')}}`;
      const workflow = `on: push\nenv:\n${'  A: "1"\n'.repeat(count + 1)}jobs: {}\n`;
      const dotenv = 'not an assignment\n'.repeat(count);
      const values = JSON.stringify({
        env: Object.fromEntries(Array.from({ length: count }, (_, i) => [`V${i}`, i])),
      });
      const root = tree({
        'dup/.claude/settings.json': json,
        '.github/workflows/dup.yml': workflow,
        'lines/.env': dotenv,
        'values/.claude/settings.json': values,
      });
      const { report } = await scanTree(root, { policy: 'hygiene', gitignore: false });
      const of = (ruleId: string, file: string) =>
        report.findings.filter((f) => f.ruleId === ruleId && f.file === file);
      const cases = [
        ['CFG004', 'dup/.claude/settings.json', (i: number) => [1, 8 + 6 * i]],
        ['CFG004', '.github/workflows/dup.yml', (i: number) => [4 + i, 3]],
        ['CFG005', 'lines/.env', (i: number) => [i + 1, 1]],
        ['CFG002', 'values/.claude/settings.json', (i: number) => [1, values.indexOf(`"V${i}"`) + 1]],
      ] as const;
      for (const [ruleId, file, at] of cases) {
        const found = of(ruleId, file);
        expect(
          found.map((f) => [f.line, f.column]),
          file,
        ).toEqual(Array.from({ length: 20 }, (_, i) => at(i)));
        expect(found.at(-1)!.message, file).toBe(
          `${count - 19} more ${ruleId} findings in this file, not listed one by one (the first is here).`,
        );
      }
      // The count stays out of every format but the counting finding's words.
      expect(renderJson(report)).not.toContain('"more"');
    },
    60_000,
  );

  it('a producer that counts what it does not build passes the count on, at any size past the cap', async () => {
    // The test above at a size every run keeps: 25 duplicate keys, bad env lines and wrong values, 20 listed.
    const count = 25;
    const values = JSON.stringify({
      env: Object.fromEntries(Array.from({ length: count }, (_, i) => [`V${i}`, i])),
    });
    const root = tree({
      'dup/.claude/settings.json': `{${Array.from({ length: count + 1 }, () => '"a":1').join(',')}}`,
      'lines/.env': 'not an assignment\n'.repeat(count),
      'values/.claude/settings.json': values,
    });
    const { report } = await scanTree(root, { policy: 'hygiene', gitignore: false });
    const last = (ruleId: string, file: string) =>
      report.findings
        .filter((f) => f.ruleId === ruleId && f.file === file)
        .map(where)
        .at(-1);
    const counted = (ruleId: string, file: string) =>
      report.findings.find((f) => f.ruleId === ruleId && f.file === file && f.message.includes(' more '))
        ?.message;
    expect(last('CFG004', 'dup/.claude/settings.json')).toBe('CFG004 dup/.claude/settings.json:1:122');
    expect(last('CFG005', 'lines/.env')).toBe('CFG005 lines/.env:20:1');
    expect(last('CFG002', 'values/.claude/settings.json')).toBe(
      `CFG002 values/.claude/settings.json:1:${values.indexOf('"V19"') + 1}`,
    );
    for (const [ruleId, file] of [
      ['CFG004', 'dup/.claude/settings.json'],
      ['CFG005', 'lines/.env'],
      ['CFG002', 'values/.claude/settings.json'],
    ] as const) {
      expect(counted(ruleId, file), file).toBe(
        `${count - 19} more ${ruleId} findings in this file, not listed one by one (the first is here).`,
      );
    }
  });

  stressIt(
    '150,000 findings of one rule in one file neither overflow the stack nor lose the count',
    async () => {
      // Collecting them with push(...list) overflowed the stack past ~120,000 (an internal error, exit 2).
      const lines = 150_000;
      const root = tree({
        '.claude/settings.json': `{ "env": oops\n${'sk-ant-Zq7vR2mK9pL4xT8w\n'.repeat(lines)}`,
      });
      const { report, found } = await scanTree(root, { policy: 'hygiene', gitignore: false });
      expect(found).toEqual([
        'CFG001 .claude/settings.json:1:10',
        ...Array.from({ length: 20 }, (_, i) => `SEC001 .claude/settings.json:${i + 2}:1`),
      ]);
      expect(report.findings.at(-1)!.message).toBe(
        `${lines - 19} more SEC001 findings in this file, not listed one by one (the first is here).`,
      );
    },
    60_000,
  );
});

describe.skipIf(!POSIX)(
  'a parent directory replaced by a link out of the root, after git listed its files',
  () => {
    it('is reported (CFG008) and not followed', async () => {
      const outside = tree({ '.env': OUTSIDE_SECRET, '.claude/settings.json': '{}' });
      const root = tree({ 'linked/.env': 'A=1', 'linked/.claude/settings.json': '{}', 'kept/.env': 'A=1' });
      commitAll(root);
      rmSync(path.join(root, 'linked'), { recursive: true });
      symlinkSync(outside, path.join(root, 'linked'));
      const { report, found } = await scanTree(root, { policy: 'hygiene' });
      expect(found).toEqual(['CFG008 linked/.claude/settings.json:1:1', 'CFG008 linked/.env:1:1']);
      expect(messageOf(report, 'CFG008', 'linked/.env')).toBe(notChecked('linked/.env', LEAVES_ROOT));
      expect(report.files).toEqual(['kept/.env']);
      expect(renderJson(report)).not.toContain('Q7vR2mK9pL4xT8wN');
    });
  },
);

function io(cwd: string): CliIo & { out: string; err: string } {
  const state = {
    out: '',
    err: '',
    cwd,
    isTty: false,
    env: {},
    now: NOW,
    stdout: (text: string) => {
      state.out += text;
    },
    stderr: (text: string) => {
      state.err += text;
    },
  };
  return state;
}

// The runner's decoding of a workflow command (actions/toolkit command.ts), written out here as the oracle:
// data escapes %, CR and LF; property values escape `:` and `,` as well.
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

describe.skipIf(!POSIX)('file names with spaces, quotes, commas, colons, percent signs and newlines', () => {
  const DIR = 'we,ird: "quoted" 100% it\'s\nnew line';
  const FILE = `${DIR}/.claude/settings.json`;
  const ESCAPED_FILE = 'we%2Cird%3A "quoted" 100%25 it\'s%0Anew line/.claude/settings.json';

  it.each([
    ['git', []],
    ['walk', ['--no-gitignore']],
  ])('annotate the exact file in GitHub workflow commands (%s)', async (_mode, extra) => {
    const root = tree({ [FILE]: '{}', [`${DIR}/.env`]: 'A=1' });
    commitAll(root);
    const args = ['scan', root, '--policy', 'nonessential-traffic', ...extra];
    const json = io(root);
    expect(await run([...args, '--format', 'json'], json)).toBe(1);
    const report = JSON.parse(json.out) as Report;
    // One root cause, one finding: NET001 names update checks and surveys too. NET005 (the WebFetch preflight) is
    // another: the umbrella does not stop it.
    expect(report.findings.map(where)).toEqual([`NET001 ${FILE}:1:1`, `NET005 ${FILE}:1:1`]);
    expect(report.scopes.map((s) => s.id)).toEqual([DIR]);

    const github = io(root);
    expect(await run([...args, '--format', 'github'], github)).toBe(1);
    expect(github.err).toBe('');
    const lines = github.out.split('\n');
    expect(lines.pop()).toBe('');
    const net001 = report.findings[0]!;
    const title = RULES.find((rule) => rule.id === 'NET001')!.title;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `::error file=${ESCAPED_FILE},line=1,endLine=1,title=${escapeProperty(`NET001: ${title}`)}::` +
        escapeData(`${net001.message}\nFix: ${net001.fix}`),
    );
    expect(lines[1]!.startsWith(`::notice file=${ESCAPED_FILE},line=1,endLine=1,title=NET005%3A `)).toBe(
      true,
    );
    // As the runner reads them: two annotations on the exact file, nothing else.
    expect(
      workflowCommands(github.out).map((c) => [c.command, c.properties.file, c.properties.line]),
    ).toEqual([
      ['error', FILE, '1'],
      ['notice', FILE, '1'],
    ]);
  });
});

describe("the CLI entry's early git listing", () => {
  const cwd = path.resolve('/work/tree');
  it.each([
    [[], cwd],
    [['scan'], cwd],
    [['scan', 'a'], path.join(cwd, 'a')],
    [['a', '--format', 'json'], path.join(cwd, 'a')],
    [['--format=json', '--exclude', 'scan', 'b'], path.join(cwd, 'b')],
    [['--output', 'report.json', '/abs'], path.resolve('/abs')],
    [['--no-gitignore', 'a'], undefined],
    [['--help'], undefined],
    [['--version'], undefined],
    [['fix', 'a'], undefined],
    [['init'], undefined],
    [['a', 'b'], undefined],
    [['--bogus', 'a'], undefined],
    [['--format'], undefined],
    [['rules'], undefined],
    [['explain', 'NET001'], undefined],
    [['help'], undefined],
    // A file as PATH is scanned from its repository, which main.ts works out.
    [[path.resolve(import.meta.dirname, '../package.json')], undefined],
  ])('%j lists %s', (argv, expected) => {
    expect(gitListedRoot(argv, cwd)).toBe(expected);
  });

  it('is ignored when it is not of the scanned root', async () => {
    const scanned = tree({ '.claude/settings.json': '{}' });
    const other = tree({ 'x/.claude/settings.json': '{}', 'y/.env': 'A=1' });
    commitAll(scanned);
    commitAll(other);
    const streams = io(scanned);
    expect(await run(['--format', 'json', '--policy', 'hygiene'], streams, listGitFiles(other))).toBe(0);
    expect((JSON.parse(streams.out) as Report).files).toEqual(['.claude/settings.json']);
  });
});

describe('a root that is not a directory', () => {
  const oneLine = (err: string) => {
    expect(err.split('\n')).toHaveLength(2);
    expect(err).not.toMatch(/\bat .*:\d+/);
  };

  it('exits 2 with one line when the root does not exist, even with a git listing started for it', async () => {
    const missing = path.join(tempDir(), 'no', 'such', 'dir');
    for (const listing of [undefined, listGitFiles(missing)]) {
      const streams = io(os.tmpdir());
      expect(await run([missing, '--format', 'json'], streams, listing)).toBe(2);
      expect(streams.out).toBe('');
      expect(streams.err).toBe(`claude-code-policy: path not found: ${missing}\n`);
      oneLine(streams.err);
    }
  });

  it('checks a file as PATH in its own folder, not in the working directory, even with a git listing started for it', async () => {
    const file = path.join(
      tree({ 'f.txt': 'x', '.env': 'ANTHROPIC_API_KEY=sk-ant-api03-' + 'x'.repeat(90) + '\n' }),
      'f.txt',
    );
    for (const listing of [undefined, listGitFiles(file)]) {
      const streams = io(os.tmpdir());
      expect(await run(['scan', file, '--format', 'json'], streams, listing)).toBe(0);
      const report = JSON.parse(streams.out) as { root: string; files: string[]; findings: unknown[] };
      expect(path.resolve(os.tmpdir(), report.root)).toBe(path.dirname(file));
      expect([report.files, report.findings]).toEqual([[], []]);
      expect(streams.err).toBe(
        'claude-code-policy: warning: f.txt was not checked: it is not a file Claude Code or this check reads\n',
      );
    }
  });

  it.skipIf(!POSIX)('exits 2 with one line when the root is a FIFO', async () => {
    const fifo = path.join(tempDir(), 'pipe');
    mkfifo(fifo);
    const streams = io(os.tmpdir());
    expect(await run([fifo], streams)).toBe(2);
    expect(streams.err).toBe(`claude-code-policy: not a directory: ${fifo}\n`);
  });
});

describe.skipIf(!POSIX)('names in the CLI warnings and errors on stderr', () => {
  // A step's stderr reaches the runner as its stdout does: a file name must not become a workflow command there.
  const NAME = 'x\n::set-output name=passed::true\n##[error]y';

  it('a file PATH that is not checked is named inertly', async () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', [`${NAME}/notes.txt`]: 'hello\n' });
    const state = io(root);
    await run([path.join(root, NAME, 'notes.txt')], state);
    expect(state.err).toContain('notes.txt was not checked');
    expect(state.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(workflowCommands(state.err)).toEqual([]);
  });

  it('a PATH that does not exist is named inertly', async () => {
    const root = tempDir();
    const state = io(root);
    expect(await run([NAME], state)).toBe(2);
    expect(state.err).toContain('path not found');
    expect(state.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(workflowCommands(state.err)).toEqual([]);
  });
});

describe.skipIf(!POSIX)('a link whose name starts with two dots', () => {
  it('refuses --output through a committed `..x` that links out of the working folder', async () => {
    const outside = tempDir();
    const root = tree({ '.claude/settings.json': '{}\n' });
    link(root, '..x', outside);
    const streams = io(root);
    expect(await run(['.', '--output', '..x/report.json'], streams)).toBe(2);
    expect(streams.err).toBe(
      'claude-code-policy: cannot write --output ..x/report.json ("..x" is a link that leads outside the working folder: refused)\n',
    );
    expect(readdirSync(outside)).toEqual([]);
  });
});
