// `fix`: edits that keep each file's formatting (2 spaces, 4 spaces, tabs, CRLF), keep every other key, leave a
// re-scan clean of what fix can fix, never touch env files, and change nothing the second time.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/edit/diff.js';
import { detectFormatting, editSettingsText } from '../src/edit/fix.js';
import type { Report } from '../src/model.js';
import { runCli, useTempTrees } from './support/cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'repos');
const NOW = new Date('2026-11-22T00:00:00Z');
const UUID = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';
/** The rules whose findings fix can always remove from a settings file. */
const FIXABLE = ['NET001', 'NET002', 'NET003', 'NET004', 'ZDR007'];

const tree = useTempTrees('ccp-fix-');

function copyFixture(name: string): string {
  const dir = tree();
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

async function findings(dir: string, ...flags: string[]): Promise<Report['findings']> {
  const result = await cli(['scan', dir, '--format', 'json', ...flags], dir);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as Report).findings;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const brief = (fs: Report['findings']) => fs.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

/** A non-compliant settings file, written with `indent` and `eol`. */
function nonCompliant(indent: string, eol: string): string {
  return [
    '{',
    `${indent}"model": "claude-sonnet-4-5",`,
    `${indent}"env": {`,
    `${indent}${indent}"DISABLE_TELEMETRY": "false",`,
    `${indent}${indent}"DISABLE_ERROR_REPORTING": 0,`,
    `${indent}${indent}"MAX_THINKING_TOKENS": 8000`,
    `${indent}},`,
    `${indent}"permissions": { "allow": ["Bash(npm test)"] },`,
    `${indent}"cleanupPeriodDays": 90`,
    '}',
    '',
  ].join(eol);
}

describe('detectFormatting', () => {
  it.each([
    ['2 spaces', '{\n  "a": 1\n}\n', { insertSpaces: true, tabSize: 2, eol: '\n' }],
    ['4 spaces', '{\n    "a": {\n        "b": 1\n    }\n}\n', { insertSpaces: true, tabSize: 4, eol: '\n' }],
    ['tabs', '{\n\t"a": 1\n}\n', { insertSpaces: false, tabSize: 1, eol: '\n' }],
    ['CRLF', '{\r\n  "a": 1\r\n}\r\n', { insertSpaces: true, tabSize: 2, eol: '\r\n' }],
    ['one line', '{"a": 1}', { insertSpaces: true, tabSize: 2, eol: '\n' }],
  ])('%s', (_name, text, expected) => {
    expect(detectFormatting(text)).toEqual(expected);
  });

  it('edits in place and appends in the file’s own style', () => {
    const text = '{\r\n\t"env": {\r\n\t\t"A": "b"\r\n\t}\r\n}\r\n';
    expect(editSettingsText(text, [{ path: ['env', 'C'], value: '1', change: '' }])).toBe(
      '{\r\n\t"env": {\r\n\t\t"A": "b",\r\n\t\t"C": "1"\r\n\t}\r\n}\r\n',
    );
  });
});

describe('fix keeps the formatting of each file', () => {
  it.each([
    ['2-space', '  ', '\n'],
    ['4-space', '    ', '\n'],
    ['tab', '\t', '\n'],
    ['CRLF', '  ', '\r\n'],
    ['CRLF and tab', '\t', '\r\n'],
  ])('%s', async (_name, indent, eol) => {
    const original = nonCompliant(indent, eol);
    const dir = tree({ '.claude/settings.json': original });
    expect(brief(await findings(dir))).toEqual([
      'NET005 .claude/settings.json:1',
      'NET001 .claude/settings.json:3',
      'NET003 .claude/settings.json:4',
      'CFG002 .claude/settings.json:5',
      'NET003 .claude/settings.json:5',
      'CFG002 .claude/settings.json:6',
      'ZDR007 .claude/settings.json:9',
    ]);
    const result = await cli(['fix', dir], dir);
    expect(result.code).toBe(0);
    const after = read(dir, '.claude/settings.json');
    const i = indent;
    expect(after).toBe(
      [
        '{',
        `${i}"model": "claude-sonnet-4-5",`,
        `${i}"env": {`,
        `${i}${i}"DISABLE_TELEMETRY": "1",`,
        `${i}${i}"DISABLE_ERROR_REPORTING": "1",`,
        `${i}${i}"MAX_THINKING_TOKENS": "8000",`,
        `${i}${i}"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"`,
        `${i}},`,
        `${i}"permissions": { "allow": ["Bash(npm test)"] },`,
        `${i}"cleanupPeriodDays": 30`,
        '}',
        '',
      ].join(eol),
    );
    // The WebFetch preflight notice (NET005) stays: turning the check off is a choice, not a safe fix.
    expect(brief(await findings(dir))).toEqual(['NET005 .claude/settings.json:1']);
  });

  it('keeps a UTF-8 BOM', async () => {
    const dir = tree({ '.claude/settings.json': `\uFEFF${nonCompliant('  ', '\n')}` });
    await cli(['fix', dir], dir);
    expect(read(dir, '.claude/settings.json').startsWith('\uFEFF{\n  "model"')).toBe(true);
  });
});

describe('fix on a repository', () => {
  it('fixes a 4-space file, keeps every other key, and a re-scan is clean of NET001–NET003 and ZDR007', async () => {
    const dir = copyFixture('config-fix-four-spaces');
    const before = JSON.parse(read(dir, '.claude/settings.json')) as Record<string, unknown>;
    const result = await cli(['fix', dir], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        '.claude/settings.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env',
        '.claude/settings.json: changed DISABLE_TELEMETRY from "0" to "1" (any value turns it on; "1" says so)',
        '.claude/settings.json: lowered cleanupPeriodDays from 365 to 30',
        '.claude/settings.json: turned the JSON number 1 of DISABLE_ERROR_REPORTING into the string "1"',
        '.claude/settings.json: turned the JSON number 60000 of OTEL_METRIC_EXPORT_INTERVAL into the string "60000"',
        'fleet/managed-settings.d/10-retention.json: lowered cleanupPeriodDays from 60 to 30',
        'services/api/.claude/settings.local.json: replaced the empty CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC (an empty string unsets it) with "1"',
        'fleet/managed-settings.json: login is not pinned; give --zdr-org-uuid UUID to add forceLoginOrgUUID there.',
        '.env:2: ANTHROPIC_API_KEY is committed in plain text in `.env`. Rotate the credential first, then remove it from the file; fix never edits credentials.',
        'fixed: changed 3 files; 7 findings remain that fix cannot change safely (run `claude-code-policy scan` to see them).',
        '',
      ].join('\n'),
    );
    const text = read(dir, '.claude/settings.json');
    expect(text).toBe(`{
    "$schema": "https://json.schemastore.org/claude-code-settings.json",
    "model": "claude-sonnet-4-5",
    "env": {
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "OTEL_METRIC_EXPORT_INTERVAL": "60000",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"
    },
    "permissions": {
        "allow": [
            "Bash(npm test)",
            "Read(./docs/**)"
        ],
        "deny": ["Read(./.env)"]
    },
    "cleanupPeriodDays": 30
}
`);
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after.permissions).toEqual(before.permissions);
    expect(after.model).toBe(before.model);

    const remaining = await findings(dir);
    expect(remaining.filter((f) => FIXABLE.includes(f.ruleId) && f.file?.endsWith('.json'))).toEqual([]);
    expect(brief(remaining)).toEqual([
      'NET005 .claude/settings.json:1',
      'SEC001 .env:2',
      'NET003 .env:3',
      'NET005 fleet/managed-settings.json:1',
      'ZDR004 fleet/managed-settings.json:1',
      'NET005 services/api/.claude/settings.json:1',
      'CFG006 services/api/.claude/settings.local.json:1',
    ]);
    expect(read(dir, '.env')).toBe(
      readFileSync(path.join(FIXTURES, 'config-fix-four-spaces', '.env'), 'utf8'),
    );
    expect(result.stdout).not.toContain('hV4nQ8rT2wL6zX9mB3cJ7k');
  });

  it('is idempotent: the second run changes nothing', async () => {
    const dir = copyFixture('config-fix-four-spaces');
    await cli(['fix', dir, '--zdr-org-uuid', UUID], dir);
    const files = [
      '.claude/settings.json',
      'fleet/managed-settings.json',
      'fleet/managed-settings.d/10-retention.json',
      'services/api/.claude/settings.local.json',
    ];
    const first = files.map((f) => read(dir, f));
    const second = await cli(['fix', dir, '--zdr-org-uuid', UUID], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /^\.env:2: ANTHROPIC_API_KEY is committed .*\nnothing to fix; 6 findings remain/,
    );
    expect(files.map((f) => read(dir, f))).toEqual(first);
    expect((await cli(['fix', dir, '--zdr-org-uuid', UUID, '--dry-run'], dir)).stdout).toBe('');
  });

  it('pins login in managed settings only, with --zdr-org-uuid, and the method only with --login-method', async () => {
    const dir = copyFixture('config-fix-four-spaces');
    const result = await cli(['fix', dir, '--zdr-org-uuid', UUID, '--login-method', 'claudeai'], dir);
    expect(result.stdout).toContain(`fleet/managed-settings.json: added "forceLoginOrgUUID": "${UUID}"\n`);
    expect(result.stdout).toContain('fleet/managed-settings.json: added "forceLoginMethod": "claudeai"\n');
    expect(read(dir, 'fleet/managed-settings.json')).toBe(
      `{\n\t"env": {\n\t\t"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n\t},\n\t"cleanupPeriodDays": 14,\n\t"forceLoginOrgUUID": "${UUID}",\n\t"forceLoginMethod": "claudeai"\n}\n`,
    );
    expect(read(dir, '.claude/settings.json')).not.toContain('forceLogin');
    // Project scopes cannot pin login (only managed settings enforce it): no ZDR004 there, and none left here.
    expect(brief(await findings(dir, '--zdr-org-uuid', UUID)).filter((f) => f.startsWith('ZDR00'))).toEqual(
      [],
    );
  });

  it('--dry-run prints a unified diff that git applies, and writes nothing', async () => {
    const dir = copyFixture('config-fix-four-spaces');
    const crlf = nonCompliant('  ', '\r\n');
    mkdirSync(path.join(dir, 'crlf/.claude'), { recursive: true });
    writeFileSync(path.join(dir, 'crlf/.claude/settings.json'), crlf);
    const snapshot = (root: string) =>
      [
        '.claude/settings.json',
        'crlf/.claude/settings.json',
        'fleet/managed-settings.json',
        'services/api/.claude/settings.local.json',
      ].map((f) => read(root, f));
    const before = snapshot(dir);
    const result = await cli(['fix', dir, '--dry-run'], dir);
    expect(result.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(
      result.stdout.startsWith(
        '--- a/.claude/settings.json\n+++ b/.claude/settings.json\n@@ -2,9 +2,10 @@\n',
      ),
    ).toBe(true);
    expect(result.stderr).toContain('dry run: would change 4 files; 8 findings remain');
    expect(result.stderr).toContain('ANTHROPIC_API_KEY is committed');

    // The patch, applied, gives exactly what fix writes.
    const patched = copyFixture('config-fix-four-spaces');
    mkdirSync(path.join(patched, 'crlf/.claude'), { recursive: true });
    writeFileSync(path.join(patched, 'crlf/.claude/settings.json'), crlf);
    writeFileSync(path.join(patched, 'fix.patch'), result.stdout);
    execFileSync('git', ['apply', '--unsafe-paths', '--whitespace=nowarn', 'fix.patch'], { cwd: patched });
    await cli(['fix', dir], dir);
    expect(snapshot(patched)).toEqual(snapshot(dir));
    expect(read(dir, 'crlf/.claude/settings.json')).toContain('"cleanupPeriodDays": 30\r\n}\r\n');
  });

  it('creates the main settings file when a scope has only a local one', async () => {
    const dir = tree({ '.claude/settings.local.json': '{\n    "model": "opus"\n}\n' });
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(result.stdout).toContain(
      '.claude/settings.json: created the file\n.claude/settings.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env\n',
    );
    expect(read(dir, '.claude/settings.json')).toBe(
      '{\n  "env": {\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n  }\n}\n',
    );
    // The WebFetch preflight notice (NET005) stays: turning the check off is a choice, not a safe fix.
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET005 .claude/settings.json:1',
    ]);
  });

  it('leaves a file it cannot edit safely and says why', async () => {
    const dir = tree({
      'a/.claude/settings.json': '{\n  "env": {},\n  // a comment\n}\n',
      'c/.claude/settings.json': '{\n  "env": "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1"\n}\n',
    });
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'a/.claude/settings.json: not edited: it is not valid JSON (CFG001); correct it by hand, then run fix again.\n',
    );
    expect(result.stdout).toContain('c/.claude/settings.json: not edited: its `env` is not an object');
    expect(result.stdout).toContain('nothing to fix;');
  });

  it('edits the occurrence of a duplicated key that Claude Code keeps, and reports the other', async () => {
    const text = '{\n  "env": {},\n  "env": {\n    "DISABLE_TELEMETRY": "1"\n  }\n}\n';
    const dir = tree({ '.claude/settings.json': text });
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic,hygiene'))).toEqual([
      'NET005 .claude/settings.json:1',
      'CFG004 .claude/settings.json:3',
      'NET001 .claude/settings.json:3',
    ]);
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic,hygiene'], dir);
    expect(result.stdout).toBe(
      [
        '.claude/settings.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env',
        '.claude/settings.json: edited the occurrence of each duplicated key that Claude Code keeps (the last); remove the earlier ones by hand (CFG004).',
        'fixed: changed 1 file; 2 findings remain that fix cannot change safely (run `claude-code-policy scan` to see them).',
        '',
      ].join('\n'),
    );
    expect(read(dir, '.claude/settings.json')).toBe(
      '{\n  "env": {},\n  "env": {\n    "DISABLE_TELEMETRY": "1",\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n  }\n}\n',
    );
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic,hygiene'))).toEqual([
      'NET005 .claude/settings.json:1',
      'CFG004 .claude/settings.json:3',
    ]);
  });

  it("adds the variable to the step's env: of a workflow, keeping every other byte", async () => {
    const workflow = [
      '# review every pull request',
      'on: pull_request',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: anthropics/claude-code-action@v1 # pinned by tag',
      '        with:',
      '            anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
      '      - name: second',
      '        uses: anthropics/claude-code-action@v1',
      '        env:',
      '          FOO: bar',
      '',
    ].join('\r\n');
    const dir = tree({ '.github/workflows/claude.yml': workflow });
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET001 .github/workflows/claude.yml:8',
      'NET005 .github/workflows/claude.yml:8',
      'NET001 .github/workflows/claude.yml:12',
      'NET005 .github/workflows/claude.yml:12',
    ]);
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(result.stdout).toBe(
      [
        '.github/workflows/claude.yml: added CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" to the env: of step 2 of job review',
        '.github/workflows/claude.yml: added CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" to the env: of step 3 of job review',
        'fixed: changed 1 file; 2 findings remain that fix cannot change safely (run `claude-code-policy scan` to see them).',
        '',
      ].join('\n'),
    );
    expect(read(dir, '.github/workflows/claude.yml')).toBe(
      [
        '# review every pull request',
        'on: pull_request',
        'jobs:',
        '  review:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: anthropics/claude-code-action@v1 # pinned by tag',
        '        env:',
        '            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"',
        '        with:',
        '            anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
        '      - name: second',
        '        uses: anthropics/claude-code-action@v1',
        '        env:',
        '          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"',
        '          FOO: bar',
        '',
      ].join('\r\n'),
    );
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET005 .github/workflows/claude.yml:8',
      'NET005 .github/workflows/claude.yml:14',
    ]);
  });

  it('sets an emptied umbrella variable in a workflow env: on its own line', async () => {
    const workflow = [
      'on: push',
      'env:',
      "  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '' # unset on purpose?",
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '',
    ].join('\n');
    const dir = tree({ '.github/workflows/claude.yml': workflow });
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET001 .github/workflows/claude.yml:3',
      'NET005 .github/workflows/claude.yml:8',
    ]);
    await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(read(dir, '.github/workflows/claude.yml')).toBe(workflow.replace("TRAFFIC: ''", 'TRAFFIC: "1"'));
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET005 .github/workflows/claude.yml:8',
    ]);
  });

  it("adds the variable to a dev container's containerEnv, keeping comments and layout", async () => {
    const devcontainer = [
      '{',
      '    // Claude Code in a container',
      '    "name": "claude",',
      '    "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1": {} },',
      '    "containerEnv": {',
      '        "NODE_ENV": "development"',
      '    }',
      '}',
      '',
    ].join('\n');
    const dir = tree({ '.devcontainer/devcontainer.json': devcontainer });
    expect(brief(await findings(dir, '--policy', 'nonessential-traffic'))).toEqual([
      'NET001 .devcontainer/devcontainer.json:5',
      'NET005 .devcontainer/devcontainer.json:5',
    ]);
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(result.stdout).toBe(
      '.devcontainer/devcontainer.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under containerEnv\nfixed: changed 1 file; 1 finding remains that fix cannot change safely (run `claude-code-policy scan` to see them).\n',
    );
    expect(read(dir, '.devcontainer/devcontainer.json')).toBe(
      devcontainer.replace(
        '"NODE_ENV": "development"\n',
        '"NODE_ENV": "development",\n        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n',
      ),
    );
  });

  it('where NET001 is silent, writes what the NET002 and NET004 fix sentences say', async () => {
    const dir = tree({
      '.claude/settings.json': '{\n  "env": {\n    "CLAUDE_CODE_USE_VERTEX": "1"\n  }\n}\n',
      '.github/workflows/claude.yml': [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
        '        env:',
        "          DISABLE_AUTOUPDATER: '0'",
        '          CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1"',
        '        with:',
        '          use_vertex: "true"',
        '',
      ].join('\n'),
    });
    const before = await findings(dir, '--policy', 'nonessential-traffic');
    expect(brief(before)).toEqual([
      'NET005 .claude/settings.json:1',
      'NET002 .claude/settings.json:2',
      'NET004 .claude/settings.json:2',
      'NET002 .github/workflows/claude.yml:8',
    ]);
    expect(before.map((f) => f.fix)).toEqual([
      'Add `"skipWebFetchPreflight": true` to `.claude/settings.json`, or add "WebFetch" to permissions.deny.',
      'Add `"DISABLE_AUTOUPDATER": "1"` under `env` in `.claude/settings.json`.',
      'Add `"CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1"` under `env` in `.claude/settings.json`.',
      'Set `"DISABLE_AUTOUPDATER": "1"` on line 8 of `.github/workflows/claude.yml`.',
    ]);
    const result = await cli(['fix', dir, '--policy', 'nonessential-traffic'], dir);
    expect(result.stdout).toBe(
      [
        '.claude/settings.json: added "DISABLE_AUTOUPDATER": "1" under env',
        '.claude/settings.json: added "CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1" under env',
        '.github/workflows/claude.yml: changed DISABLE_AUTOUPDATER from "0" to "1" on line 8',
        'fixed: changed 2 files; 1 finding remains that fix cannot change safely (run `claude-code-policy scan` to see them).',
        '',
      ].join('\n'),
    );
    expect(read(dir, '.github/workflows/claude.yml')).toContain('\n          DISABLE_AUTOUPDATER: "1"\n');
  });

  it('does only what the selected policies and the suppressions ask', async () => {
    const dir = tree({
      '.claude/settings.json': '{\n  "cleanupPeriodDays": 90\n}\n',
      '.claude-code-policy.yml':
        'ignore:\n  - rule: ZDR007\n    path: .claude/settings.json\n    reason: retention is enforced by disk encryption policy\n',
    });
    const result = await cli(['fix', dir, '--policy', 'zdr'], dir);
    expect(result.stdout).toBe(
      '.claude/settings.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env\nfixed: changed 1 file; no findings remain.\n',
    );
    expect(read(dir, '.claude/settings.json')).toContain('"cleanupPeriodDays": 90');
  });

  it('exits 2 on a bad option', async () => {
    const dir = tree();
    expect(await cli(['fix', dir, '--login-method', 'gateway', '--zdr-org-uuid', UUID], dir)).toMatchObject({
      code: 2,
      stderr: 'claude-code-policy: --login-method must be one of claudeai, console\n',
    });
    expect((await cli(['fix', dir, '--format', 'json'], dir)).stderr).toContain("Unknown option '--format'");
    expect((await cli(['fix', path.join(dir, 'missing')], dir)).code).toBe(2);
    expect((await cli(['fix', '--help'], dir)).stdout).toContain('Usage: claude-code-policy fix [PATH]');
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('a.json', 'x\n', 'x\n')).toBe('');
    expect(unifiedDiff('a.json', '{\n  "a": 1\n}', '{\n  "a": 2\n}')).toBe(
      '--- a/a.json\n+++ b/a.json\n@@ -1,3 +1,3 @@\n {\n-  "a": 1\n+  "a": 2\n }\n\\ No newline at end of file\n',
    );
  });

  it('describes a new file from /dev/null', () => {
    expect(unifiedDiff('.claude/settings.json', undefined, '{\n}\n')).toBe(
      '--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1,2 @@\n+{\n+}\n',
    );
  });

  it('splits distant changes into hunks with three lines of context', () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')}\n`;
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
    const diff = unifiedDiff('f', before, after);
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
  });

  it('applies with git apply, whatever the edit', () => {
    const dir = tree();
    const cases: [string, string][] = [
      ['a\nb\nc\n', 'a\nB\nc\nd\n'],
      ['one\r\ntwo\r\n', 'one\r\n2\r\ntwo\r\n'],
      ['x', 'x\ny'],
    ];
    cases.forEach(([before, after], index) => {
      const name = `f${index}.txt`;
      writeFileSync(path.join(dir, name), before);
      writeFileSync(path.join(dir, `${name}.patch`), unifiedDiff(name, before, after));
      execFileSync('git', ['apply', '--unsafe-paths', '--whitespace=nowarn', `${name}.patch`], { cwd: dir });
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(after);
    });
  });
});
