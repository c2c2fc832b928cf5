// The pipeline's own decisions (src/scan.ts), besides what each stage does: which notes a report carries, how a
// report is narrowed to the files given as PATH, how CFG010 findings join a report, what a settings file that was
// not read contributes, and what the code check adds from workflows' `run:` blocks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedFile } from '../src/discover/discover.js';
import { createSourceFile } from '../src/discover/source.js';
import { silentLogger } from '../src/logger.js';
import type { Finding, Report, SuppressedFinding } from '../src/model.js';
import type { SkippedFile } from '../src/parse/files.js';
import { resolveOptions } from '../src/policy/options.js';
import type { Relaxation } from '../src/policy/relaxations.js';
import { ZDR_LOGIN_NOTE } from '../src/rules/zdr004.js';
import { analyse, analyseTree, narrowReport, reportNotes, withRelaxations } from '../src/scan.js';
import type { Scope } from '../src/scope/scope.js';
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ccp-scan-pipeline-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function finding(file: string | null, line: number, scope: string | null, ruleId = 'NET001'): Finding {
  return {
    ruleId,
    policy: 'nonessential-traffic',
    severity: 'error',
    message: `m ${file}:${line}`,
    fix: 'f',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    scope,
    scopes: scope === null ? [] : [scope],
    docsUrl: 'https://example.com/NET001',
  };
}

function suppressedFinding(file: string | null, line: number, scope: string | null): SuppressedFinding {
  return {
    ...finding(file, line, scope),
    reason: 'r',
    suppressedBy: 'x:1',
    suppressionKind: 'config',
  };
}

function report(parts: Partial<Report>): Report {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: '.',
    policies: ['nonessential-traffic'],
    failOn: 'error',
    summary: { files: 0, scopes: 0, errors: 0, warnings: 0, notices: 0, suppressed: 0, passed: true },
    files: [],
    scopes: [],
    findings: [],
    suppressed: [],
    notes: [],
    ...parts,
  };
}

const scope = (id: string, kind: Scope['kind']) => ({ id, kind }) as unknown as Scope;
const noFiles = { files: [], skipped: [] };

describe('the notes a report carries', () => {
  it('names the scanned path as given, and "." for an empty one', () => {
    const options = { ...resolveOptions({ path: '.', policy: ['hygiene'] }), path: '' };
    expect(reportNotes(options, noFiles, [])).toEqual([
      'No Claude Code configuration found under .: no settings file, workflow step or dev container that runs Claude Code.',
    ]);
  });

  it('says an --include matched nothing only when nothing was read or skipped', () => {
    const options = resolveOptions({ path: '.', policy: ['hygiene'], include: ['a/**', 'b.json'] });
    const project = [scope('.', 'project')];
    expect(reportNotes(options, noFiles, project)).toEqual([
      '--include a/**, b.json matched no file that configures Claude Code.',
    ]);
    const loaded = {
      candidate: { kind: 'env' },
      source: createSourceFile('.env', ''),
    } as unknown as LoadedFile;
    expect(reportNotes(options, { files: [loaded], skipped: [] }, project)).toEqual([]);
    const skipped: SkippedFile = {
      path: '.env',
      reason: 'too large',
      location: { line: 1, column: 1 },
    } as SkippedFile;
    expect(reportNotes(options, { files: [], skipped: [skipped] }, project)).toEqual([]);
  });

  it('adds the ZDR login note only under zdr, with ZDR004 on, for a scope outside managed settings', () => {
    const zdr = resolveOptions({ path: '.', policy: ['zdr'] });
    expect(reportNotes(zdr, noFiles, [scope('.', 'project')])).toEqual([ZDR_LOGIN_NOTE]);
    expect(reportNotes(zdr, noFiles, [scope('managed-settings.json', 'managed')])).toEqual([]);
    const off = { ...zdr, rules: { ...zdr.rules, ZDR004: 'off' as const } };
    expect(reportNotes(off, noFiles, [scope('.', 'project')])).toEqual([]);
    const hygiene = resolveOptions({ path: '.', policy: ['hygiene'] });
    expect(reportNotes(hygiene, noFiles, [scope('.', 'project')])).toEqual([]);
  });
});

describe('a report narrowed to the files given as PATH', () => {
  const full = report({
    summary: { files: 3, scopes: 4, errors: 4, warnings: 0, notices: 0, suppressed: 3, passed: false },
    files: ['a.json', 'b.json', 'c.json'],
    scopes: [
      { id: 'A', kind: 'project', files: ['a.json'] },
      { id: 'B', kind: 'project', files: ['b.json'] },
      { id: 'W', kind: 'workflow', files: ['w.yml'] },
      { id: 'S', kind: 'workflow', files: ['s.yml'] },
      { id: 'C', kind: 'project', files: ['c.json', 'a.json'] },
    ],
    findings: [finding('a.json', 1, 'W'), finding('b.json', 2, 'B'), finding(null, 1, 'A')],
    suppressed: [
      suppressedFinding('a.json', 3, 'S'),
      suppressedFinding('b.json', 4, 'B'),
      suppressedFinding(null, 2, 'A'),
    ],
  });

  it("keeps the files' findings and suppressed findings, their scopes and the scopes their findings are about", () => {
    expect(narrowReport(full, ['a.json'])).toEqual({
      ...full,
      summary: { files: 1, scopes: 4, errors: 1, warnings: 0, notices: 0, suppressed: 1, passed: false },
      files: ['a.json'],
      scopes: [
        { id: 'A', kind: 'project', files: ['a.json'] },
        { id: 'W', kind: 'workflow', files: ['w.yml'] },
        { id: 'S', kind: 'workflow', files: ['s.yml'] },
        { id: 'C', kind: 'project', files: ['c.json', 'a.json'] },
      ],
      findings: [finding('a.json', 1, 'W')],
      suppressed: [suppressedFinding('a.json', 3, 'S')],
    });
  });

  it('keeps a scope a suppressed finding alone is about', () => {
    const only = report({
      files: ['b.json'],
      scopes: [{ id: 'S', kind: 'workflow', files: ['s.yml'] }],
      suppressed: [suppressedFinding('b.json', 4, 'S')],
    });
    expect(narrowReport(only, ['b.json']).scopes).toEqual([{ id: 'S', kind: 'workflow', files: ['s.yml'] }]);
  });
});

describe('CFG010 findings added to a report', () => {
  const CONFIG = '.github/claude-code-policy.yml';
  const relaxation = (line: number): Relaxation => ({
    text: `change ${line}`,
    kind: 'config',
    file: CONFIG,
    line,
    column: 1,
    endColumn: 2,
  });

  it('leaves the report itself when nothing is relaxed', () => {
    const options = resolveOptions({ path: '.' });
    const unsorted = report({ findings: [finding('z.json', 1, '.'), finding('a.json', 1, '.')] });
    expect(withRelaxations(unsorted, [], options, 'main', NOW)).toBe(unsorted);
  });

  it("sorts them among the report's findings and suppressed findings, with the rule's own severity", () => {
    const options = resolveOptions({ path: '.', policy: ['hygiene', 'zdr'] });
    const ignored = {
      ...options,
      ignore: [{ rule: 'CFG010', path: CONFIG, reason: 'owned', file: 'p.yml', line: 9 }],
    } as unknown as typeof options;
    const before = report({
      findings: [finding('z.json', 1, '.')],
      suppressed: [suppressedFinding('z.json', 2, '.')],
    });
    const plain = withRelaxations(before, [relaxation(3)], options, 'main', NOW);
    expect(plain.findings.map((f) => [f.ruleId, f.file, f.line, f.severity, f.policy])).toEqual([
      ['CFG010', CONFIG, 3, 'warning', 'hygiene'],
      ['NET001', 'z.json', 1, 'error', 'nonessential-traffic'],
    ]);
    const quiet = withRelaxations(before, [relaxation(3)], ignored, 'main', NOW);
    expect(quiet.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['NET001', 'z.json', 1]]);
    expect(quiet.suppressed.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['CFG010', CONFIG, 3],
      ['NET001', 'z.json', 2],
    ]);
  });

  it('keeps the first lines when more relaxations than the cap arrive out of order', () => {
    const options = resolveOptions({ path: '.', policy: ['hygiene'] });
    const found = Array.from({ length: 25 }, (_, i) => relaxation(25 - i));
    const result = withRelaxations(report({}), found, options, 'main', NOW);
    expect(result.findings.map((f) => f.line)).toEqual([...Array.from({ length: 19 }, (_, i) => i + 1), 20]);
    expect(result.findings.at(-1)!.message).toContain('6 more CFG010 findings');
  });
});

describe('the scanned tree', () => {
  it('keeps a settings file that was not read in its scope, with its role', async () => {
    const settings = '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n';
    const root = tree({
      '.claude/settings.json': settings,
      '.claude/settings.local.json': `${' '.repeat(2000)}${settings}`,
    });
    const options = resolveOptions({ path: root, maxFileSize: 1000, policy: ['nonessential-traffic'] });
    const { report: result, scopes } = await analyseTree(options, {
      cwd: root,
      logger: silentLogger,
      now: NOW,
    });
    expect(result.files).toEqual(['.claude/settings.json']);
    expect(result.scopes).toEqual([
      { id: '.', kind: 'project', files: ['.claude/settings.json', '.claude/settings.local.json'] },
    ]);
    expect(result.tool).toEqual({ name: TOOL_NAME, version: TOOL_VERSION });
    expect(scopes.map((s) => s.files)).toEqual([['.claude/settings.json', '.claude/settings.local.json']]);
  });

  it('reports what an unread settings file leaves missing on the file to fix, as for an empty one', async () => {
    const place = (r: Report) => r.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.scope, f.fix]);
    const fixNet001 =
      'Create `.claude/settings.json` with `{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }`.';
    const localOnly = tree({ '.claude/settings.local.json': ' '.repeat(2000) });
    const options = (root: string) => resolveOptions({ path: root, maxFileSize: 1000 });
    const context = (root: string) => ({ cwd: root, logger: silentLogger, now: NOW });
    const first = (await analyseTree(options(localOnly), context(localOnly))).report;
    expect(first.files).toEqual([]);
    expect(first.scopes).toEqual([{ id: '.', kind: 'project', files: ['.claude/settings.local.json'] }]);
    expect(place(first)).toEqual([
      [
        'CFG008',
        '.claude/settings.local.json',
        1,
        1,
        null,
        'Make `.claude/settings.local.json` a regular UTF-8 text file inside the repository, or exclude it with --exclude.',
      ],
      ['NET001', '.claude/settings.local.json', 1, 1, '.', fixNet001],
      [
        'NET005',
        '.claude/settings.local.json',
        1,
        1,
        '.',
        'Add `"skipWebFetchPreflight": true` to `.claude/settings.json`, or add "WebFetch" to permissions.deny.',
      ],
    ]);
    const projectUnread = tree({
      '.claude/settings.json': ' '.repeat(2000),
      '.claude/settings.local.json': '{}',
    });
    const second = (await analyseTree(options(projectUnread), context(projectUnread))).report;
    expect(second.files).toEqual(['.claude/settings.local.json']);
    expect(second.scopes).toEqual([
      { id: '.', kind: 'project', files: ['.claude/settings.json', '.claude/settings.local.json'] },
    ]);
    expect(second.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.scope])).toEqual([
      ['CFG008', '.claude/settings.json', 1, 1, null],
      ['NET001', '.claude/settings.json', 1, 1, '.'],
      ['NET005', '.claude/settings.json', 1, 1, '.'],
      ['CFG006', '.claude/settings.local.json', 1, 1, '.'],
    ]);
  });

  it('does not count a settings file twice when it was both read and skipped', () => {
    const text = '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n';
    const loaded: LoadedFile = {
      candidate: { kind: 'settings', role: 'project' },
      source: createSourceFile('.claude/settings.json', text),
    } as LoadedFile;
    const skipped = {
      path: '.claude/settings.json',
      reason: 'x',
      location: { line: 1, column: 1 },
    } as SkippedFile;
    const options = resolveOptions({ path: '.', policy: ['nonessential-traffic'] });
    const { report: result } = analyse({ files: [loaded], skipped: [skipped] }, options, NOW);
    expect(result.scopes).toEqual([{ id: '.', kind: 'project', files: ['.claude/settings.json'] }]);
  });

  it('says where a minimum version came from', async () => {
    const root = tree({ '.claude/settings.json': '{}\n' });
    const options = resolveOptions({ path: root, policy: ['hygiene'], minClaudeCodeVersion: '2.0.0' });
    const { scopes } = await analyseTree(options, { cwd: root, logger: silentLogger, now: NOW });
    expect(scopes.map((s) => s.versions)).toEqual([{ min: '2.0.0', minSource: '--min-claude-code-version' }]);
    const none = await analyseTree(resolveOptions({ path: root, policy: ['hygiene'] }), {
      cwd: root,
      logger: silentLogger,
      now: NOW,
    });
    expect(none.scopes.map((s) => s.versions)).toEqual([
      { min: undefined, minSource: undefined, max: undefined },
    ]);
  });

  it('reads no source code when the zdr policy is not checked', async () => {
    const code =
      "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\nawait c.messages.create({});\n";
    const root = tree({ '.claude/settings.json': '{}\n', 'app.ts': code });
    const hygiene = await analyseTree(resolveOptions({ path: root, policy: ['hygiene'] }), {
      cwd: root,
      logger: silentLogger,
      now: NOW,
    });
    expect(hygiene.report.files).toEqual(['.claude/settings.json']);
    expect(hygiene.files.map((f) => [f.kind, f.source.path])).toEqual([
      ['settings', '.claude/settings.json'],
    ]);
  });
});

describe("the code check over workflows' run: blocks", () => {
  it('adds the run: blocks of a workflow only when they call the Claude API, and skips a broken workflow', async () => {
    const root = tree({
      '.github/workflows/a.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo anthropic\n',
      '.github/workflows/b.yml':
        'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl https://api.anthropic.com/v1/messages/batches -d @req.json\n',
      '.github/workflows/c.yml':
        'on: push\njobs:\n  c:\n    steps:\n      - run: curl https://api.anthropic.com/v1/messages/batches\n      - run: [\n',
    });
    const analysis = await analyseTree(resolveOptions({ path: root, policy: ['zdr'] }), {
      cwd: root,
      logger: silentLogger,
      now: NOW,
    });
    expect(analysis.files.map((f) => [f.kind, f.source.path])).toEqual([
      ['workflow', '.github/workflows/a.yml'],
      ['workflow', '.github/workflows/b.yml'],
      ['workflow', '.github/workflows/c.yml'],
      ['code', '.github/workflows/b.yml'],
    ]);
    expect(analysis.report.files).toEqual([
      '.github/workflows/a.yml',
      '.github/workflows/b.yml',
      '.github/workflows/c.yml',
    ]);
    expect(
      analysis.report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.scope, f.message]),
    ).toEqual([
      [
        'ZDR010',
        '.github/workflows/b.yml',
        7,
        11,
        null,
        '`curl https://api.anthropic.com/v1/messages/batches -d @req.json` uses the Message Batches API, outside ZDR: requests and results are kept for 29 days (or until the batch is deleted).',
      ],
    ]);
  });
});

describe('the code check over source files', () => {
  it('parses the files whose language it knows, and leaves type declarations out', async () => {
    const call =
      "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\nawait c.messages.batches.create({ requests: [] });\n";
    const root = tree({ 'app.ts': call, 'types.d.ts': call });
    const warnings: string[] = [];
    const logger = { ...silentLogger, warning: (message: string) => void warnings.push(message) };
    const analysis = await analyseTree(resolveOptions({ path: root, policy: ['zdr'], code: 'all' }), {
      cwd: root,
      logger,
      now: NOW,
    });
    expect(analysis.files.map((f) => [f.kind, f.source.path])).toEqual([['code', 'app.ts']]);
    expect(analysis.report.files).toEqual(['app.ts']);
    expect(analysis.report.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([
      ['ZDR010', 'app.ts', 3, 7],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('the clock a scan runs by', () => {
  it("judges suppressions' end dates by the context's date, not the machine's", async () => {
    const root = tree({ '.claude/settings.json': '{}\n' });
    const options = {
      ...resolveOptions({ path: root, policy: ['nonessential-traffic'] }),
      ignore: [
        { rule: 'NET001', path: '.claude/**', reason: 'later', until: '2998-12-31', file: 'p.yml', line: 3 },
      ],
    };
    const later = new Date('2999-01-01T00:00:00Z');
    const result = (await analyseTree(options, { cwd: root, logger: silentLogger, now: later })).report;
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['NET001', '.claude/settings.json', 1],
      ['NET005', '.claude/settings.json', 1],
    ]);
    expect(result.suppressed).toEqual([]);
  });
});

describe('what a scan logs', () => {
  it('says how many files discovery read, and how it listed them', async () => {
    const root = tree({ '.claude/settings.json': '{}\n', '.env': 'A=1\n' });
    const debug: string[] = [];
    const logger = { ...silentLogger, debug: (message: string) => void debug.push(message) };
    await analyseTree(resolveOptions({ path: root, policy: ['hygiene'] }), { cwd: root, logger, now: NOW });
    expect(debug.filter((m) => m.startsWith('discovered'))).toEqual(['discovered 2 files (walk)']);
  });
});
