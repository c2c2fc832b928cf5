// Suppressions: config `ignore:` entries (glob, reason, until) and inline comments, what each covers, CFG007 for
// the ones that suppress nothing, the counts, and the hint every finding carries (which, written as shown, works).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/policy/config.js';
import { silentLogger } from '../src/logger.js';
import type { Finding, Report } from '../src/model.js';
import { resolveOptions } from '../src/policy/options.js';
import { scan } from '../src/scan.js';
import {
  applySuppressions,
  collectSuppressions,
  commentSyntax,
  type IgnoreEntry,
  suppressionHint,
} from '../src/policy/suppress.js';
import { docsUrl } from '../src/version.js';
import { RULES } from '../src/rules/index.js';
import { dotenvFile, loadFile, settingsFile } from './support/files.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const KNOWN = new Set(RULES.map((rule) => rule.id));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccp-suppress-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function scanTree(dir: string, now = NOW, raw: Record<string, unknown> = {}): Promise<Report> {
  const config = await loadConfig(undefined, dir, dir);
  return scan(resolveOptions({ path: dir, ...raw }, config.options), { cwd: dir, logger: silentLogger, now });
}

function finding(ruleId: string, file: string | null, line: number, scope: string | null = null): Finding {
  return {
    ruleId,
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    scope,
    scopes: scope === null ? [] : [scope],
    message: 'm',
    fix: 'f',
    policy: 'hygiene',
    severity: 'warning',
    docsUrl: docsUrl(ruleId),
  };
}

const brief = (fs: { ruleId: string; file: string | null; line: number }[]) =>
  fs.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

describe('inline comments', () => {
  it('cover their own line when trailing, and the next code line when on a line of their own', () => {
    const file = dotenvFile(
      '.env',
      [
        '# claude-code-policy: ignore NET003 -- reason one', // 1 → 3
        '# claude-code-policy: ignore SEC001 -- reason two', // 2 → 3 (stacked)
        'DISABLE_TELEMETRY=0',
        'DISABLE_ERROR_REPORTING=0 # claude-code-policy: ignore NET003 -- reason three', // 4 → 4
        '',
        '# claude-code-policy: ignore NET003 -- reason four', // 6 → 7
        '',
        'DISABLE_TELEMETRY=off',
      ].join('\n'),
    );
    const suppressions = collectSuppressions([file], [], KNOWN, NOW);
    expect(suppressions.problems).toEqual([]);
    expect(suppressions.inline.map((s) => [s.rule, s.line, s.target, s.reason])).toEqual([
      ['NET003', 1, 3, 'reason one'],
      ['SEC001', 2, 3, 'reason two'],
      ['NET003', 4, 4, 'reason three'],
      ['NET003', 6, 7, 'reason four'],
    ]);
    const { findings, suppressed } = applySuppressions(
      [
        finding('NET003', '.env', 3),
        finding('SEC001', '.env', 3),
        finding('NET003', '.env', 4),
        finding('NET003', '.env', 8),
        finding('NET002', '.env', 3),
      ],
      suppressions,
    );
    expect(brief(findings)).toEqual(['NET003 .env:8', 'NET002 .env:3']);
    expect(suppressed.map((s) => [s.ruleId, s.line, s.suppressedBy, s.reason])).toEqual([
      ['NET003', 3, '.env:1', 'reason one'],
      ['SEC001', 3, '.env:2', 'reason two'],
      ['NET003', 4, '.env:4', 'reason three'],
    ]);
  });

  it('of 5,000 invalid comments in a file, builds the first 20 CFG007 findings and counts the rest', () => {
    const file = dotenvFile('.env', '# claude-code-policy: ignore\n'.repeat(5_000));
    const { problems } = collectSuppressions([file], [], KNOWN, NOW);
    expect(problems.map((p) => [p.ruleId, p.line, p.more])).toEqual(
      Array.from({ length: 20 }, (_, i) => ['CFG007', i + 1, i === 19 ? 4_980 : undefined]),
    );
  });

  it('are CFG007 and suppress nothing without a reason, with an unknown rule, with two rules or without `ignore`', () => {
    const file = dotenvFile(
      '.env',
      [
        '# claude-code-policy: ignore NET003',
        '# claude-code-policy: ignore NET003 --   ',
        '# claude-code-policy: ignore NET003 because it is fine',
        '# claude-code-policy: ignore net003 -- lower case',
        '# claude-code-policy: ignore NET003 SEC001 -- two rules',
        '# claude-code-policy: ignore -- no rule',
        '# claude-code-policy: disable NET003 -- wrong word',
        'DISABLE_TELEMETRY=0',
      ].join('\n'),
    );
    const suppressions = collectSuppressions([file], [], KNOWN, NOW);
    expect(suppressions.inline).toEqual([]);
    expect(suppressions.problems.map((p) => [p.ruleId, p.line, p.column, p.message])).toEqual([
      ['CFG007', 1, 1, 'The suppression of NET003 has no reason, so it suppresses nothing.'],
      ['CFG007', 2, 1, 'The suppression of NET003 has no reason, so it suppresses nothing.'],
      ['CFG007', 3, 1, 'The suppression of NET003 has no reason, so it suppresses nothing.'],
      [
        'CFG007',
        4,
        1,
        'The suppression names "net003", which is not a rule (did you mean NET003?), so it suppresses nothing.',
      ],
      ['CFG007', 5, 1, 'The suppression names more than one rule, so it suppresses nothing.'],
      ['CFG007', 6, 1, 'The suppression names no rule, so it suppresses nothing.'],
      [
        'CFG007',
        7,
        1,
        'This claude-code-policy comment is not an ignore directive, so it suppresses nothing.',
      ],
    ]);
    expect(suppressions.problems[0]!.fix).toBe(
      'Say why after ` -- ` on line 1 of `.env`: `# claude-code-policy: ignore NET003 -- <reason>`.',
    );
  });

  it('are read only from comments: a `#` inside a quoted value is not one', () => {
    const file = dotenvFile(
      '.env',
      'NOTE="# claude-code-policy: ignore NET003 -- not a comment"\nDISABLE_TELEMETRY=0\n',
    );
    expect(collectSuppressions([file], [], KNOWN, NOW)).toEqual({ inline: [], config: [], problems: [] });
  });

  it('work from the source text of any file that has `#` comments, such as a workflow', () => {
    const text = [
      'jobs:',
      '  review:',
      '    steps:',
      '      # claude-code-policy: ignore NET001 -- this job runs on a self-hosted runner without egress',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          ANTHROPIC_BASE_URL: https://gw.example # claude-code-policy: ignore ZDR006 -- our gateway',
    ].join('\n');
    const file = {
      kind: 'workflow',
      source: { path: '.github/workflows/claude.yml', text, lineStarts: lineStarts(text) },
    };
    const suppressions = collectSuppressions([file as never], [], KNOWN, NOW);
    expect(suppressions.inline.map((s) => [s.rule, s.line, s.target])).toEqual([
      ['NET001', 4, 5],
      ['ZDR006', 7, 7],
    ]);
  });

  it('are not read from strict JSON settings files, which cannot carry comments', () => {
    expect(commentSyntax('.claude/settings.json')).toBeUndefined();
    expect(commentSyntax('managed-settings.json')).toBeUndefined();
    expect(commentSyntax('.mcp.json')).toBeUndefined();
    expect(commentSyntax('deploy/prod.env')).toBe('#');
    expect(commentSyntax('.envrc')).toBe('#');
    expect(commentSyntax('.github/workflows/ci.yaml')).toBe('#');
    expect(commentSyntax('.devcontainer/devcontainer.json')).toBe('//');
    expect(commentSyntax('build/Dockerfile')).toBe('#');
    expect(commentSyntax('docker-compose.yml')).toBe('#');
    expect(commentSyntax('tools/job.py')).toBe('#');
    expect(commentSyntax('src/client.ts')).toBe('//');
    expect(commentSyntax('README.md')).toBeUndefined();
    const settings = settingsFile(
      '.claude/settings.json',
      'project',
      '{\n  "note": " # claude-code-policy: ignore NET001 -- in a string"\n}\n',
    );
    expect(collectSuppressions([settings], [], KNOWN, NOW)).toEqual({ inline: [], config: [], problems: [] });
  });

  it('say what to write instead, in the comment syntax of the file, at the exact span of the comment', () => {
    const file = loadFile(
      '.devcontainer/devcontainer.json',
      [
        '{',
        '  "image": "node" // claude-code-policy: disable ignore NET003 -- r', // 2: not a directive
        '  // claude-code-policy: ignored NET003 -- r', // 3: not a directive
        '  // claude-code-policy: ignore', // 4: no rule
        '  // claude-code-policy: ignore net-003 -- r', // 5: close to NET003
        '  // claude-code-policy: ignore QQQ -- r', // 6: close to nothing
        '  // claude-code-policy: ignore NET003 SEC001 -- r', // 7: two rules
        '}',
      ].join('\n'),
    );
    const problems = collectSuppressions([file], [], KNOWN, NOW).problems;
    expect(problems.map((p) => [p.line, p.column, p.endLine, p.endColumn, p.message, p.fix])).toEqual([
      [
        2,
        19,
        2,
        68,
        'This claude-code-policy comment is not an ignore directive, so it suppresses nothing.',
        'Write `// claude-code-policy: ignore <RULE> -- <reason>` on line 2 of `.devcontainer/devcontainer.json`, or remove the comment.',
      ],
      [
        3,
        3,
        3,
        45,
        'This claude-code-policy comment is not an ignore directive, so it suppresses nothing.',
        'Write `// claude-code-policy: ignore <RULE> -- <reason>` on line 3 of `.devcontainer/devcontainer.json`, or remove the comment.',
      ],
      [
        4,
        3,
        4,
        32,
        'The suppression names no rule, so it suppresses nothing.',
        'Name one rule on line 4 of `.devcontainer/devcontainer.json`: `// claude-code-policy: ignore <RULE> -- <reason>`.',
      ],
      [
        5,
        3,
        5,
        45,
        'The suppression names "net-003", which is not a rule (did you mean NET003?), so it suppresses nothing.',
        'Name a rule id from the catalogue on line 5 of `.devcontainer/devcontainer.json`: `// claude-code-policy: ignore NET003 -- <reason>`.',
      ],
      [
        6,
        3,
        6,
        41,
        'The suppression names "QQQ", which is not a rule, so it suppresses nothing.',
        'Name a rule id from the catalogue on line 6 of `.devcontainer/devcontainer.json`: `// claude-code-policy: ignore <RULE> -- <reason>`.',
      ],
      [
        7,
        3,
        7,
        51,
        'The suppression names more than one rule, so it suppresses nothing.',
        'Write one comment per rule on line 7 of `.devcontainer/devcontainer.json`: `// claude-code-policy: ignore NET003 -- <reason>`.',
      ],
    ]);
  });

  it('in an env file, come only from real comments, and a stack of comment lines skips trailing ones', () => {
    const file = dotenvFile(
      '.env',
      [
        'NOTE="a # claude-code-policy: ignore NET003 -- inside quotes" # a plain comment', // 1
        '# see claude-code-policy: ignore NET003 -- a mention, not a marker', // 2
        '# claude-code-policy: ignore NET003 -- first', // 3 → 4
        'DISABLE_TELEMETRY=0 # claude-code-policy: ignore SEC001 -- trailing', // 4 → 4
        '# claude-code-policy: ignore NET003 -- stacked one', // 5 → 7
        '# claude-code-policy: ignore NET003 -- stacked two', // 6 → 7
        'DISABLE_ERROR_REPORTING=0', // 7
      ].join('\n'),
    );
    const suppressions = collectSuppressions([file], [], KNOWN, NOW);
    expect(suppressions.problems).toEqual([]);
    expect(suppressions.inline.map((s) => [s.rule, s.line, s.target, s.reason])).toEqual([
      ['NET003', 3, 4, 'first'],
      ['SEC001', 4, 4, 'trailing'],
      ['NET003', 5, 7, 'stacked one'],
      ['NET003', 6, 7, 'stacked two'],
    ]);
    // Two comments for the same rule and line: the first one is the one reported.
    const { suppressed } = applySuppressions([finding('NET003', '.env', 7)], suppressions);
    expect(suppressed.map((s) => [s.suppressedBy, s.reason])).toEqual([['.env:5', 'stacked one']]);
  });

  it('in a workflow, are not read from a value that mentions the marker outside a comment', () => {
    const file = loadFile(
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo claude-code-policy: ignore NET001\n',
    );
    expect(collectSuppressions([file], [], KNOWN, NOW)).toEqual({ inline: [], config: [], problems: [] });
  });
});

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

describe('config entries', () => {
  const entry = (over: Partial<IgnoreEntry>): IgnoreEntry => ({
    rule: 'NET001',
    path: 'sandbox/**',
    reason: 'throwaway',
    file: '.github/claude-code-policy.yml',
    line: 6,
    ...over,
  });

  it('match a glob relative to the root (dot files included), or a scope id for a finding without a file', () => {
    const suppressions = collectSuppressions(
      [],
      [entry({}), entry({ rule: 'ZDR004', path: '././ci', line: 9 })],
      KNOWN,
      NOW,
    );
    const { findings, suppressed } = applySuppressions(
      [
        finding('NET001', 'sandbox/.claude/settings.json', 1),
        finding('NET001', 'sandbox/deep/er/.claude/settings.local.json', 3),
        finding('NET002', 'sandbox/.claude/settings.json', 1),
        finding('NET001', 'sandboxed/.claude/settings.json', 1),
        finding('ZDR004', null, 1, 'ci'),
      ],
      suppressions,
    );
    expect(brief(findings)).toEqual([
      'NET002 sandbox/.claude/settings.json:1',
      'NET001 sandboxed/.claude/settings.json:1',
    ]);
    expect(suppressed.map((s) => s.suppressedBy)).toEqual([
      '.github/claude-code-policy.yml:6',
      '.github/claude-code-policy.yml:6',
      '.github/claude-code-policy.yml:9',
    ]);
  });

  // `until` is a UTC day. The suite runs in Pacific/Chatham (vitest.config.ts), where local midnight of the 22nd
  // is 10:15 UTC on the 21st: a date read in local time would end the entry 13 h 45 min early and fail here.
  it('apply through their `until` day (UTC) and expire the day after, as CFG007 at the entry', () => {
    const lastDay = collectSuppressions(
      [],
      [entry({ until: '2026-11-22' })],
      KNOWN,
      new Date('2026-11-22T23:59:59Z'),
    );
    expect(lastDay.config).toEqual([entry({ until: '2026-11-22' })]);
    expect(lastDay.problems).toEqual([]);
    const expired = collectSuppressions(
      [],
      [entry({ until: '2026-11-22' })],
      KNOWN,
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(expired.config).toEqual([]);
    expect(expired.problems).toEqual([
      {
        ruleId: 'CFG007',
        file: '.github/claude-code-policy.yml',
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 1,
        scope: null,
        message:
          'The ignore entry for NET001 on `sandbox/**` expired on 2026-11-22, so it no longer suppresses anything.',
        fix: 'Fix what it covered and remove the entry on line 6 of `.github/claude-code-policy.yml`, or set a later `until` if the reason still holds.',
      },
    ]);
  });
});

describe('suppressions in a scan', () => {
  const SANDBOX = '{\n  "model": "claude-sonnet-4-5"\n}\n';

  it('an ignore with a reason for sandbox/** suppresses the findings there and counts them; an expired one does not and adds CFG007', async () => {
    const config = (until: string) =>
      `policy: [nonessential-traffic, hygiene]\nignore:\n  - rule: NET001\n    path: sandbox/**\n    reason: throwaway experiments\n    until: ${until}\n`;
    const dir = tree({
      'sandbox/.claude/settings.json': SANDBOX,
      '.github/claude-code-policy.yml': config('2027-03-31'),
    });
    const live = await scanTree(dir);
    // The suppressed NET001 suppresses what it covers: NET002 and NET004 of the same scope are not reported.
    // NET005 is not covered by NET001 (the umbrella does not stop the WebFetch preflight): it stays, a notice.
    expect(brief(live.findings)).toEqual(['NET005 sandbox/.claude/settings.json:1']);
    expect(
      live.suppressed.map((s) => [s.ruleId, s.file, s.line, s.severity, s.reason, s.suppressedBy]),
    ).toEqual([
      [
        'NET001',
        'sandbox/.claude/settings.json',
        1,
        'error',
        'throwaway experiments',
        '.github/claude-code-policy.yml:3',
      ],
    ]);
    expect(live.summary).toMatchObject({ errors: 0, warnings: 0, notices: 1, suppressed: 1, passed: true });

    writeFileSync(path.join(dir, '.github/claude-code-policy.yml'), config('2026-03-31'));
    const expired = await scanTree(dir);
    expect(brief(expired.findings)).toEqual([
      'CFG007 .github/claude-code-policy.yml:3',
      'NET001 sandbox/.claude/settings.json:1',
      'NET005 sandbox/.claude/settings.json:1',
    ]);
    expect(expired.suppressed).toEqual([]);
    expect(expired.summary).toMatchObject({ errors: 1, suppressed: 0, passed: false });
  });

  it('an inline ignore with a reason in .env works; one without a reason is CFG007', async () => {
    const dir = tree({
      '.env':
        '# claude-code-policy: ignore NET003 -- kept to document the old value\nDISABLE_TELEMETRY=0\nDISABLE_ERROR_REPORTING=false # claude-code-policy: ignore NET003\n',
    });
    const report = await scanTree(dir);
    expect(brief(report.findings)).toEqual(['NET003 .env:3', 'CFG007 .env:3']);
    expect(report.findings[1]).toMatchObject({ column: 31, severity: 'warning', policy: 'hygiene' });
    expect(report.suppressed.map((s) => [s.ruleId, s.file, s.line, s.suppressedBy, s.reason])).toEqual([
      ['NET003', '.env', 2, '.env:1', 'kept to document the old value'],
    ]);
    expect(report.summary.suppressed).toBe(1);
  });

  it('suppressed findings do not fail the run, whatever their severity', async () => {
    const dir = tree({
      '.env':
        'ANTHROPIC_API_KEY=hV4nQ8rT2wL6zX9mB3cJ7k # claude-code-policy: ignore SEC001 -- revoked key kept for the incident write-up\n',
    });
    const report = await scanTree(dir, NOW, { policy: 'hygiene' });
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => [s.ruleId, s.severity])).toEqual([['SEC001', 'error']]);
    expect(report.summary).toMatchObject({ errors: 0, suppressed: 1, passed: true });
  });

  it('CFG007 follows `rules:` like any rule', async () => {
    const dir = tree({
      '.env': 'DISABLE_TELEMETRY=0 # claude-code-policy: ignore NET003\n',
      '.claude-code-policy.yml': 'rules:\n  CFG007: error\n',
    });
    expect((await scanTree(dir)).findings.find((f) => f.ruleId === 'CFG007')?.severity).toBe('error');
    writeFileSync(path.join(dir, '.claude-code-policy.yml'), 'rules:\n  CFG007: off\n');
    expect(brief((await scanTree(dir)).findings)).toEqual(['NET003 .env:1']);
  });
});

describe('the hint on every finding', () => {
  it('is the inline comment where the file can hold one, else the exact config entry', () => {
    expect(suppressionHint(finding('NET003', 'deploy/.env.production', 4))).toEqual({
      snippet: '# claude-code-policy: ignore NET003 -- <reason>',
      placement: 'at the end of line 4 or on the line above',
    });
    expect(suppressionHint(finding('NET001', '.claude/settings.json', 3))).toEqual({
      snippet: '- {rule: NET001, path: .claude/settings.json, reason: <reason>}',
      placement: 'under ignore: in .github/claude-code-policy.yml',
    });
    expect(suppressionHint(finding('ZDR004', null, 1, 'ci')).snippet).toBe(
      '- {rule: ZDR004, path: ci, reason: <reason>}',
    );
    expect(suppressionHint(finding('CFG007', '.env', 2)).snippet).toBe(
      '- {rule: CFG007, path: .env, reason: <reason>}',
    );
    expect(suppressionHint(finding('CFG001', 'odd [dir]/.claude/settings.json', 1)).snippet).toBe(
      '- {rule: CFG001, path: "odd \\\\[dir\\\\]/.claude/settings.json", reason: <reason>}',
    );
  });

  it('matches a finding with neither file nor scope with "**", as the entry it suggests', () => {
    const unplaced = finding('CFG010', null, 1);
    const { snippet } = suppressionHint(unplaced);
    expect(snippet).toBe('- {rule: CFG010, path: "**", reason: <reason>}');
    const entry = {
      rule: 'CFG010',
      path: '**',
      reason: 'r',
      file: '.github/claude-code-policy.yml',
      line: 2,
    };
    const { findings, suppressed } = applySuppressions([unplaced], {
      inline: [],
      config: [entry],
      problems: [],
    });
    expect(findings).toEqual([]);
    expect(suppressed.map((f) => [f.ruleId, f.suppressedBy])).toEqual([
      ['CFG010', '.github/claude-code-policy.yml:2'],
    ]);
    // It is matched as the empty path, which `*` (one name, at least one character) does not match.
    const one = applySuppressions([unplaced], {
      inline: [],
      config: [{ ...entry, path: '*' }],
      problems: [],
    });
    expect(brief(one.findings)).toEqual(['CFG010 null:1']);
  });

  it('suppresses the finding when written exactly as shown', async () => {
    const dir = tree({
      'odd [dir], x/.claude/settings.json': '{\n  "env": {\n    "DISABLE_TELEMETRY": 1\n  }\n}\n',
      '.env.local': 'DISABLE_TELEMETRY=false\n',
    });
    const before = await scanTree(dir, NOW, { policy: 'nonessential-traffic,hygiene' });
    expect(brief(before.findings)).toEqual([
      'NET003 .env.local:1',
      'NET005 odd [dir], x/.claude/settings.json:1',
      'NET001 odd [dir], x/.claude/settings.json:2',
      'CFG002 odd [dir], x/.claude/settings.json:3',
    ]);
    const entries: string[] = [];
    const lines = readFileSync(path.join(dir, '.env.local'), 'utf8').split('\n');
    for (const f of before.findings) {
      const hint = suppressionHint(f);
      const snippet = hint.snippet.replace('<reason>', 'accepted in this test');
      if (hint.snippet.startsWith('- {')) entries.push(`  ${snippet}`);
      else lines[f.line - 1] = `${lines[f.line - 1]} ${snippet}`;
    }
    writeFileSync(path.join(dir, '.env.local'), lines.join('\n'));
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    writeFileSync(path.join(dir, '.github/claude-code-policy.yml'), `ignore:\n${entries.join('\n')}\n`);
    const after = await scanTree(dir, NOW, { policy: 'nonessential-traffic,hygiene' });
    expect(after.findings).toEqual([]);
    expect(after.suppressed.map((f) => [f.ruleId, f.file, f.line, f.suppressionKind])).toEqual([
      ['NET003', '.env.local', 1, 'inline'],
      ['NET005', 'odd [dir], x/.claude/settings.json', 1, 'config'],
      ['NET001', 'odd [dir], x/.claude/settings.json', 2, 'config'],
      ['CFG002', 'odd [dir], x/.claude/settings.json', 3, 'config'],
    ]);
  });
});
