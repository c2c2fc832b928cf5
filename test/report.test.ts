// The renderers. Golden files hold every format rendered from a real scan of test/golden/repo/ with the real rule
// catalogue (UPDATE_GOLDEN=1 rewrites them; read the diff). The other tests use a hand-made report with the real
// catalogue, to reach cases a repository cannot hold (a finding without a file, names no file system allows).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/policy/config.js';
import { silentLogger } from '../src/logger.js';
import type { Finding, Report, Severity, SuppressedFinding } from '../src/model.js';
import { resolveOptions } from '../src/policy/options.js';
import { scan } from '../src/scan.js';
import { docsUrl } from '../src/version.js';
import { annotationOverflow, escapeData, escapeProperty, renderGithub } from '../src/report/github.js';
import { renderJson } from '../src/report/json.js';
import { escapeMarkdownText, renderMarkdown } from '../src/report/markdown.js';
import { FINGERPRINT_KEY, MAX_SARIF_RESULTS, pascalCaseName, renderSarif } from '../src/report/sarif.js';
import { renderText } from '../src/report/text.js';
import { truncate } from '../src/report/truncate.js';
import { RULES } from '../src/rules/index.js';
import { parseRunnerLine, runnerLines, type WorkflowCommand, workflowCommands } from './helpers/runner.js';
import { stressIt } from './helpers/stress.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const GOLDEN_REPO = path.join(GOLDEN_DIR, 'repo');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const titleOf = (id: string) => RULES.find((rule) => rule.id === id)!.title;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

const ODD_FILE = 'deploy/prod, eu: west.env';

function finding(
  partial: Omit<Finding, 'docsUrl' | 'endLine' | 'endColumn' | 'scopes'> & Partial<Finding>,
): Finding {
  return {
    endLine: partial.line,
    endColumn: partial.column,
    docsUrl: docsUrl(partial.ruleId),
    scopes: partial.scope === null ? [] : [partial.scope],
    ...partial,
  };
}

function sampleReport(): Report {
  const findings: Finding[] = [
    finding({
      ruleId: 'NET001',
      policy: 'nonessential-traffic',
      severity: 'error',
      message: 'Telemetry, error reporting and /feedback stay on in scope ".".',
      file: '.claude/settings.json',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 30,
      scope: '.',
      scopes: ['.', '.github/workflows/claude.yml#review'],
      fix: 'Add "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under `env` in .claude/settings.json.',
    }),
    finding({
      ruleId: 'ZDR003',
      policy: 'zdr',
      severity: 'error',
      message: 'Conversation content is exported: OTEL_LOG_USER_PROMPTS is on.',
      file: '.claude/settings.json',
      line: 7,
      column: 3,
      endLine: 10,
      endColumn: 4,
      scope: '.',
      fix: 'Remove "OTEL_LOG_USER_PROMPTS" from `env` in .claude/settings.json.',
    }),
    finding({
      ruleId: 'SEC001',
      policy: 'hygiene',
      severity: 'error',
      message: 'A credential is committed in plain text: ANTHROPIC_API_KEY.',
      file: '.env.production',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 41,
      scope: null,
      fix: 'Remove the value of ANTHROPIC_API_KEY from .env.production, rotate the key and load it from a secret store.',
    }),
    finding({
      ruleId: 'NET002',
      policy: 'nonessential-traffic',
      severity: 'warning',
      message: 'Auto-update traffic stays on in scope ".github/workflows/claude.yml#review".',
      file: '.github/workflows/claude.yml',
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 13,
      scope: '.github/workflows/claude.yml#review',
      fix: 'Add DISABLE_AUTOUPDATER: "1" under the step\'s `env:`.',
    }),
    finding({
      ruleId: 'NET004',
      policy: 'nonessential-traffic',
      severity: 'notice',
      message: 'Session quality surveys stay on in scope ".github/workflows/claude.yml#review".',
      file: '.github/workflows/claude.yml',
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 13,
      scope: '.github/workflows/claude.yml#review',
      fix: 'Add CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1" under the step\'s `env:`.',
    }),
    finding({
      ruleId: 'ZDR006',
      policy: 'zdr',
      severity: 'warning',
      message:
        'ANTHROPIC_BASE_URL points at gw.example|<script>alert(1)</script>\nwhich is not api.anthropic.com.',
      file: ODD_FILE,
      line: 4,
      column: 20,
      endLine: 4,
      endColumn: 64,
      scope: null,
      fix: 'Point ANTHROPIC_BASE_URL at https://api.anthropic.com, or pass --allowed-base-url for the gateway.',
    }),
    finding({
      ruleId: 'ZDR004',
      policy: 'zdr',
      severity: 'warning',
      message: 'Login is not pinned to an organisation in scope "sandbox".',
      file: null,
      line: 1,
      column: 1,
      scope: 'sandbox',
      fix: 'Add "forceLoginOrgUUID": "<your org uuid>" to managed-settings.json for sandbox.',
    }),
  ];
  const suppressed: SuppressedFinding[] = [
    {
      ...finding({
        ruleId: 'CFG005',
        policy: 'hygiene',
        severity: 'warning',
        message: 'Line 5 of .env.production cannot be parsed.',
        file: '.env.production',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 12,
        scope: null,
        fix: 'Write line 5 as KEY=value.',
      }),
      reason: 'template placeholder | filled in by the deploy job',
      suppressedBy: '.env.production:4',
      suppressionKind: 'inline',
    },
  ];
  return {
    version: 1,
    tool: { name: 'claude-code-policy', version: '0.1.0' },
    root: '.',
    policies: ['nonessential-traffic', 'zdr', 'hygiene'],
    failOn: 'error',
    summary: { files: 5, scopes: 3, errors: 3, warnings: 3, notices: 1, suppressed: 1, passed: false },
    files: [
      '.claude/settings.json',
      '.env.production',
      '.github/workflows/claude.yml',
      '.mcp.json',
      ODD_FILE,
    ],
    scopes: [
      { id: '.', kind: 'project', files: ['.claude/settings.json'] },
      {
        id: '.github/workflows/claude.yml#review',
        kind: 'workflow',
        files: ['.github/workflows/claude.yml'],
      },
      { id: 'sandbox', kind: 'project', files: [] },
    ],
    findings,
    suppressed,
    notes: [],
  };
}

const NOTE =
  'Not verifiable from a repository: Zero Data Retention also needs login pinned through managed settings.';

function emptyReport(): Report {
  const report = sampleReport();
  return {
    ...report,
    summary: { ...report.summary, errors: 0, warnings: 0, notices: 0, suppressed: 0, passed: true },
    findings: [],
    suppressed: [],
  };
}

const BLOB = 'https://github.com/acme/app/blob/0123456789abcdef0123456789abcdef01234567';

describe('golden reports, from a scan of test/golden/repo', () => {
  let report: Report;
  beforeAll(async () => {
    const config = await loadConfig(undefined, GOLDEN_REPO, GOLDEN_REPO);
    report = await scan(resolveOptions({ path: '.' }, config.options), {
      cwd: GOLDEN_REPO,
      logger: silentLogger,
      now: new Date('2026-11-22T00:00:00Z'),
    });
  });

  it('is a scan with every severity, both kinds of suppression, a shared finding and an awkward file name', () => {
    expect(
      report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}:${f.line} [${f.scopes.join(' ')}]`),
    ).toEqual([
      'notice NET005 .claude/settings.json:1 [. .github/workflows/claude.yml#jobs.review.steps[0]]',
      'error NET001 .claude/settings.json:2 [.]',
      'error ZDR002 .claude/settings.json:3 [. .github/workflows/claude.yml#jobs.review.steps[0]]',
      'error ZDR003 .claude/settings.json:4 [. .github/workflows/claude.yml#jobs.review.steps[0]]',
      'error SEC001 .env.production:2 []',
      'notice ZDR008 .mcp.json:2 []',
      'warning ZDR006 deploy/prod, eu-west.env:3 []',
    ]);
    expect(
      report.suppressed.map((f) => [f.ruleId, f.file, f.line, f.suppressionKind, f.suppressedBy]),
    ).toEqual([
      ['CFG005', '.env.production', 4, 'inline', '.env.production:3'],
      ['ZDR008', '.github/workflows/claude.yml', 7, 'config', '.github/claude-code-policy.yml:3'],
    ]);
    expect(report.notes).toEqual([expect.stringMatching(/^Not verifiable from a repository: /)]);
    expect(report.summary).toEqual({
      files: 5,
      scopes: 2,
      errors: 4,
      warnings: 1,
      notices: 2,
      suppressed: 2,
      passed: false,
    });
  });

  it('text', () => expectGolden('report.txt', renderText(report, { color: false })));
  it('json', () => expectGolden('report.json', renderJson(report)));
  it('sarif', () => expectGolden('report.sarif', renderSarif(report, RULES)));
  it('markdown', () =>
    expectGolden(
      'report.md',
      renderMarkdown(report, { blobBaseUrl: BLOB, marker: '<!-- claude-code-policy -->' }),
    ));
  it('github', () => expectGolden('report.github.txt', renderGithub(report, RULES)));
});

/** The one workflow command the runner reads from a line; fails the test when the line is none. */
function parseCommand(line: string): WorkflowCommand {
  const command = parseRunnerLine(line);
  if (command === undefined) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  return command;
}

describe('the runner model (test/helpers/runner.ts)', () => {
  it('ends lines at CR LF, CR and LF', () => {
    expect(runnerLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads ::name after leading whitespace and the legacy ##[name anywhere, only for commands it knows', () => {
    expect(
      workflowCommands('  ::warning file=a%2Cb::x%0Ay\nsee ##[error]boom\n::not-a-command::z\n').map((c) => [
        c.form,
        c.command,
        c.properties,
        c.message,
      ]),
    ).toEqual([
      ['v2', 'warning', { file: 'a,b' }, 'x\ny'],
      ['legacy', 'error', {}, 'boom'],
    ]);
  });

  it('acts on nothing between ::stop-commands::TOKEN and ::TOKEN::', () => {
    expect(
      workflowCommands('::stop-commands::t0k\n::error::hidden\n::t0k::\n::notice::shown\n').map(
        (c) => c.message,
      ),
    ).toEqual(['shown']);
  });
});

describe('github workflow commands', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    expect(escapeProperty('%3A')).toBe('%253A');
    const names = [
      'a,b: c.env',
      'x\r\ny %0A.env',
      'cr\ronly.env',
      'dir/with space/%2C%25.env',
      '::error::x',
      '##[error]x',
    ];
    for (const name of names) {
      const report = sampleReport();
      report.findings = [{ ...report.findings[0]!, file: name }];
      const commands = workflowCommands(renderGithub(report, RULES));
      expect(commands.map((c) => [c.form, c.command, c.properties.file])).toEqual([['v2', 'error', name]]);
    }
  });

  // Text that a scanned repository controls (file names, messages that quote it) must come out as exactly one
  // annotation per finding, whatever it holds: CR, LF, `::` or `##[` included.
  const hostileText = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(fc.constantFrom('\r', '\n', '\r\n', ' ', '::', 'error', '##[', ']', '%', ',', '=', 'x'), {
        maxLength: 12,
      })
      .map((parts) => parts.join('')),
  );

  it('round-trips any file name and message through the runner, one command per finding', () => {
    fc.assert(
      fc.property(
        hostileText.filter((file) => file !== ''),
        hostileText,
        (file, message) => {
          const report = sampleReport();
          report.findings = [{ ...report.findings[0]!, file, message }];
          const output = renderGithub(report, RULES);
          const commands = workflowCommands(output);
          expect(commands.map((c) => [c.form, c.command])).toEqual([['v2', 'error']]);
          expect(commands[0]!.properties.file).toBe(file);
          expect(commands[0]!.message).toBe(`${message}\nFix: ${report.findings[0]!.fix}`);
          expect(runnerLines(output)).toHaveLength(1);
        },
      ),
    );
  });

  it('keeps awkward file names intact and omits columns on multi-line findings', () => {
    const lines = runnerLines(renderGithub(sampleReport(), RULES)).map(parseCommand);
    const odd = lines.find((l) => l.properties.title?.startsWith('ZDR006'))!;
    expect(odd.properties.file).toBe(ODD_FILE);
    expect(odd.properties.title).toBe(`ZDR006: ${titleOf('ZDR006')}`);
    const multi = lines.find((l) => l.properties.title?.startsWith('ZDR003'))!;
    expect(multi.properties).toMatchObject({ line: '7', endLine: '10' });
    expect(multi.properties.col).toBeUndefined();
    expect(multi.properties.endColumn).toBeUndefined();
    const single = lines.find((l) => l.properties.title?.startsWith('NET001'))!;
    expect(single.properties).toMatchObject({ line: '3', col: '5', endLine: '3', endColumn: '30' });
    const scopeOnly = lines.find((l) => l.properties.title?.startsWith('ZDR004'))!;
    expect(Object.keys(scopeOnly.properties)).toEqual(['title']);
  });

  it('ranks errors, then warnings, then notices, keeping report order within each', () => {
    const commands = workflowCommands(renderGithub(sampleReport(), RULES));
    expect(commands.map((c) => `${c.command} ${c.properties.title?.slice(0, 6)}`)).toEqual([
      'error NET001',
      'error ZDR003',
      'error SEC001',
      'warning NET002',
      'warning ZDR006',
      'warning ZDR004',
      'notice NET004',
    ]);
  });

  it("annotates a pull request's relaxation (CFG010) first among its severity, so GitHub's cap does not hide it", () => {
    const report = sampleReport();
    const warning = report.findings.find((f) => f.ruleId === 'NET002')!;
    const relaxation = {
      ...warning,
      ruleId: 'CFG010',
      policy: 'hygiene' as const,
      file: '.github/claude-code-policy.yml',
      line: 2,
    };
    report.findings = [...report.findings, ...Array.from({ length: 12 }, () => warning), relaxation];
    const commands = workflowCommands(renderGithub(report, RULES)).filter((c) => c.command === 'warning');
    expect(commands.slice(0, 4).map((c) => c.properties.title?.slice(0, 6))).toEqual([
      'CFG010',
      'NET002',
      'ZDR006',
      'ZDR004',
    ]);
  });

  it('says each note once, after the findings, and none when the Action shows them in the summary', () => {
    const report = { ...sampleReport(), notes: ['first note', 'second: 50% of it'] };
    report.findings = [report.findings[3]!];
    const annotation =
      `::warning file=.github/workflows/claude.yml,line=12,col=9,endLine=12,endColumn=13,title=NET002%3A ${titleOf('NET002')}` +
      '::Auto-update traffic stays on in scope ".github/workflows/claude.yml#review".%0AFix: Add DISABLE_AUTOUPDATER: "1" under the step\'s `env:`.\n';
    expect(renderGithub(report, RULES)).toBe(
      `${annotation}::notice title=claude-code-policy::first note\n::notice title=claude-code-policy::second: 50%25 of it\n`,
    );
    expect(renderGithub(report, RULES, { notes: false })).toBe(annotation);
  });

  it('counts the annotations GitHub will not display', () => {
    const report = sampleReport();
    expect(annotationOverflow(report)).toEqual({ shown: 7, hidden: 0 });
    const many = (severity: Severity, n: number) =>
      Array.from({ length: n }, () => ({ ...report.findings[0]!, severity }));
    report.findings = [...many('error', 12), ...many('warning', 3), ...many('notice', 15)];
    expect(annotationOverflow(report)).toEqual({ shown: 23, hidden: 7 });
  });
});

function bigReport(n: number): Report {
  const report = sampleReport();
  const templates = report.findings;
  report.findings = Array.from({ length: n }, (_, i) => {
    const base = templates[i % templates.length]!;
    return { ...base, message: `${base.message} row ${i} — ünïcödé 🚀 日本語`, line: base.line + i };
  });
  report.suppressed = Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({
    ...sampleReport().suppressed[0]!,
    line: i + 1,
  }));
  report.scopes = Array.from({ length: Math.ceil(n / 3) }, (_, i) => ({
    id: `pkg-${i}`,
    kind: 'project' as const,
    files: [`pkg-${i}/.claude/settings.json`],
  }));
  return report;
}

describe('markdown', () => {
  it('puts errors first, one line each with the fix as code, then the rest by severity, with what is not shown', () => {
    const report = sampleReport();
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    const first = lines.indexOf('### Fix first: 3 errors');
    const other = lines.indexOf('### Other findings');
    expect(first).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(first);
    expect(lines.slice(first + 2, first + 5).map((l) => /^- \[([A-Z]+\d+)\]/.exec(l)?.[1])).toEqual([
      'NET001',
      'ZDR003',
      'SEC001',
    ]);
    expect(lines[first + 2]).toContain(' · affects 2 scopes: ');
    expect(lines[first + 2]).toContain('under <code>env</code> in');
    expect(md).not.toContain('\\`');
    const suppressed = lines.findIndex((l) => l.startsWith('### Suppressed'));
    const rows = lines
      .slice(other + 4, suppressed)
      .filter((l) => l.startsWith('| '))
      .map((l) => l.split(' | ')[2]);
    expect(rows).toEqual(['🟡 warning', '🟡 warning', '🟡 warning', '🔵 notice']);
    // Under a size cap, what is cut is counted.
    const capped = renderMarkdown(report, { maxLength: Math.round(utf8(md) / 2) });
    expect(capped).toMatch(/_… and \d+ more findings? not shown/);
    expect(capped).toContain('### Fix first: 3 errors');
  });

  it('starts with the marker and turns into an all-clear without findings', () => {
    const md = renderMarkdown(emptyReport(), { marker: '<!-- claude-code-policy -->' });
    expect(md.split('\n')[0]).toBe('<!-- claude-code-policy -->');
    expect(md).toContain('✅ **All clear**');
    expect(md).not.toContain('| Location |');
  });

  it('keeps user-controlled text inside its table cell and out of HTML', () => {
    const md = renderMarkdown(sampleReport(), {});
    expect(md).not.toContain('<script>');
    const rows = md.split('\n').filter((line) => line.startsWith('| '));
    const header = rows.filter((row) => row.startsWith('| Location | Rule | Severity | Message | Fix |'));
    expect(header).toHaveLength(1);
    for (const row of rows) {
      // Every unescaped pipe is a cell border: 6 for the findings table, 7 for the suppressed table.
      const pipes = row.match(/\|/g)!.length;
      expect([6, 7]).toContain(pipes);
    }
    expect(md).toContain('gw.example&#124;&lt;script&gt;alert(1)&lt;/script&gt;<br>which');
    expect(escapeMarkdownText('ping @octocat for $HOME `x` [a](b) **b** \u001b')).toBe(
      'ping @&#8203;octocat for \\$HOME \\`x\\` \\[a\\](b) \\*\\*b\\*\\* \uFFFD',
    );
  });

  it('links locations and rules', () => {
    const md = renderMarkdown(sampleReport(), { blobBaseUrl: `${BLOB}/` });
    expect(md).toContain(`[.claude/settings.json:3](${BLOB}/.claude/settings.json#L3)`);
    expect(md).toContain(`(${BLOB}/.claude/settings.json#L7-L10)`);
    expect(md).toContain(`(${BLOB}/deploy/prod%2C%20eu%3A%20west.env#L4)`);
    expect(md).toContain(`[NET001](${docsUrl('NET001')})`);
  });

  stressIt('never exceeds maxLength, in UTF-8 bytes or UTF-16 units, and says what it left out', () => {
    const report = bigReport(300);
    const full = renderMarkdown(report, { marker: '<!-- m -->' });
    const fullBytes = Buffer.byteLength(full, 'utf8');
    const sizes = new Set<number>([0, 1, 5, 10, 50, 100, 300, 1000, fullBytes - 1, fullBytes, fullBytes + 1]);
    for (let size = 0; size < fullBytes; size += 997) sizes.add(size);
    for (const maxLength of sizes) {
      const md = renderMarkdown(report, { marker: '<!-- m -->', maxLength });
      expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(maxLength);
      expect(md.length).toBeLessThanOrEqual(maxLength);
      expect(md).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      if (maxLength >= fullBytes) expect(md).toBe(full);
      if (maxLength >= 10) expect(md.startsWith('<!-- m -->')).toBe(true);
      const complete = md.endsWith('</sub>\n');
      if (complete && !md.includes('row 299 —')) {
        expect(md).toMatch(/… and \d+ more findings? not shown \(see the JSON\/SARIF report\)/);
      }
    }
  });

  it('drops finding rows from the end with the count of those left out', () => {
    const report = bigReport(40);
    const full = renderMarkdown(report, {});
    const md = renderMarkdown(report, { maxLength: Math.floor(Buffer.byteLength(full, 'utf8') / 2) });
    const match = /… and (\d+) more findings not shown/.exec(md);
    expect(match).not.toBeNull();
    // The lines and rows kept are the first findings in the order shown (errors first, then by severity, each in
    // report order); with the ones counted as left out they make all 40.
    const rank = { error: 0, warning: 1, notice: 2 } as const;
    const order = report.findings
      .map((f, i) => ({ i, r: rank[f.severity] }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map(({ i }) => i);
    const kept = md
      .split('\n')
      .filter((line) => line.startsWith('| ') || line.startsWith('- ['))
      .flatMap((line) => / row (\d+) — /.exec(line)?.[1] ?? [])
      .map(Number);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(order.slice(0, kept.length));
    expect(kept.length + Number(match![1])).toBe(40);
  });
});

describe('markdown at the edges', () => {
  /** A report of one error and nothing else: every file read belongs to its scope, nothing is suppressed. */
  function errorsOnly(): Report {
    const report = sampleReport();
    report.findings = [report.findings[0]!];
    report.suppressed = [];
    report.files = ['.claude/settings.json'];
    report.scopes = [report.scopes[0]!];
    report.summary = {
      files: 1,
      scopes: 1,
      errors: 1,
      warnings: 0,
      notices: 0,
      suppressed: 0,
      passed: false,
    };
    return report;
  }

  it('leaves out the sections it has nothing for: other findings, suppressed, other files, an empty marker', () => {
    expect(renderMarkdown(errorsOnly(), { marker: '', blobBaseUrl: '' })).toMatchInlineSnapshot(`
      "## Claude Code policy check

      ❌ **Failed**: 1 finding reaches the fail-on level **error**.

      **Policies checked:** <code>nonessential-traffic</code>, <code>zdr</code>, <code>hygiene</code>

      **Findings:** 🔴 1 error · 🟡 0 warnings · 🔵 0 notices

      ### Fix first: 1 error

      - [NET001](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET001.md) at .claude/settings.json:3 · affects 2 scopes: Telemetry, error reporting and /feedback stay on in scope ".".<br>**Fix:** Add "CLAUDE\\_CODE\\_DISABLE\\_NONESSENTIAL\\_TRAFFIC": "1" under <code>env</code> in .claude/settings.json.<br><sub>To suppress: add <code>- {rule: NET001, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>

      <details>
      <summary>Scanned 1 file in 1 scope</summary>

      - <code>.</code> (project): <code>.claude/settings.json</code>

      </details>

      <sub>claude-code-policy 0.1.0 · fail-on: error</sub>
      "
    `);
  });

  it('says "1 more finding" when one is cut, and keeps the error heading when none fit', () => {
    const report = errorsOnly();
    const first = report.findings[0]!;
    report.findings = [first, { ...first, line: 9, message: `Long ${'x'.repeat(4000)}.` }];
    report.summary = { ...report.summary, errors: 2 };
    expect(renderMarkdown(report, { maxLength: 2000 })).toMatchInlineSnapshot(`
      "## Claude Code policy check

      ❌ **Failed**: 2 findings reach the fail-on level **error**.

      **Policies checked:** <code>nonessential-traffic</code>, <code>zdr</code>, <code>hygiene</code>

      **Findings:** 🔴 2 errors · 🟡 0 warnings · 🔵 0 notices

      ### Fix first: 2 errors

      - [NET001](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET001.md) at .claude/settings.json:3 · affects 2 scopes: Telemetry, error reporting and /feedback stay on in scope ".".<br>**Fix:** Add "CLAUDE\\_CODE\\_DISABLE\\_NONESSENTIAL\\_TRAFFIC": "1" under <code>env</code> in .claude/settings.json.<br><sub>To suppress: add <code>- {rule: NET001, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>

      _… and 1 more finding not shown (see the JSON/SARIF report)_

      <details>
      <summary>Scanned 1 file in 1 scope</summary>

      - <code>.</code> (project): <code>.claude/settings.json</code>

      </details>

      <sub>claude-code-policy 0.1.0 · fail-on: error</sub>
      "
    `);
    const heading = renderMarkdown(report, { maxLength: 900 }).split('\n');
    expect(heading.slice(8, 13)).toMatchInlineSnapshot(`
      [
        "### Fix first: 2 errors",
        "",
        "_… and 2 more findings not shown (see the JSON/SARIF report)_",
        "",
        "<details>",
      ]
    `);
  });

  it('renders what fits exactly in its own size the same again', () => {
    const report = sampleReport();
    const full = utf8(renderMarkdown(report));
    for (let maxLength = 600; maxLength < full; maxLength += 101) {
      const cut = renderMarkdown(report, { maxLength });
      expect(renderMarkdown(report, { maxLength: utf8(cut) }), `maxLength ${maxLength}`).toBe(cut);
    }
  });

  it('renders an unclosed backtick as text, the spans before it as code', () => {
    const report = errorsOnly();
    report.findings = [{ ...report.findings[0]!, message: 'Set `a` and `b', fix: 'Use `c`, not `d' }];
    const line = renderMarkdown(report).split('\n')[10]!;
    expect(line.slice(line.indexOf(': Set'))).toMatchInlineSnapshot(
      `": Set <code>a</code> and \\\`b<br>**Fix:** Use <code>c</code>, not \\\`d<br><sub>To suppress: add <code>- {rule: NET001, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>"`,
    );
  });

  it('shows a dash for a finding with neither file nor scope', () => {
    const report = sampleReport();
    report.findings = [{ ...report.findings[6]!, scope: null, scopes: [] }];
    const row = renderMarkdown(report)
      .split('\n')
      .find((l) => l.includes('| 🟡 warning |'))!;
    expect(row.split(' | ')[0]).toBe('| —');
  });

  it('percent-encodes file names and link destinations in upper case, with two digits', () => {
    const report = errorsOnly();
    report.findings = [
      { ...report.findings[0]!, file: "it's (draft)*.env", docsUrl: 'https://docs.example/a|b\tc' },
    ];
    const line = renderMarkdown(report, { blobBaseUrl: BLOB }).split('\n')[10]!;
    expect(line.split(' · ')[0]).toBe(
      `- [NET001](https://docs.example/a%7Cb%09c) at [it's (draft)\\*.env:3](${BLOB}/it%27s%20%28draft%29%2A.env#L3)`,
    );
  });
});

describe('sarif', () => {
  it('gives every registered rule a security-severity for code scanning: critical for SEC001, else by severity', () => {
    const sarif = JSON.parse(renderSarif(emptyReport(), RULES)) as {
      runs: [{ tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } } }];
    };
    const scores = Object.fromEntries(
      sarif.runs[0].tool.driver.rules.map((r) => [r.id, r.properties['security-severity']]),
    );
    expect(Object.keys(scores)).toEqual(RULES.map((r) => r.id));
    const expected: Record<Severity, string> = { error: '7.5', warning: '5.0', notice: '2.0' };
    for (const rule of RULES) {
      expect(scores[rule.id], rule.id).toBe(rule.id === 'SEC001' ? '9.5' : expected[rule.severity]);
    }
    expect(scores.NET001).toBe('7.5');
    expect(scores.ZDR004).toBe('5.0');
    expect(scores.ZDR008).toBe('2.0');
  });

  const sarif = () => JSON.parse(renderSarif(sampleReport(), RULES));

  it('describes every rule and points every result at its own rule', () => {
    const run = sarif().runs[0];
    expect(sarif().version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.tool.driver.rules[0]).toMatchObject({
      name: 'NonEssentialTrafficIsNotDisabled',
      shortDescription: { text: 'Non-essential traffic is not disabled' },
      helpUri: docsUrl('NET001'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['nonessential-traffic', 'zdr', 'security'] },
    });
  });

  it('maps severities to SARIF levels', () => {
    const levels = Object.fromEntries(
      sarif().runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
    );
    expect(levels).toMatchObject({ NET001: 'error', NET002: 'warning', NET004: 'note', CFG005: 'warning' });
  });

  it('marks a suppression written in the file inSource and one in the config file external', () => {
    const report = sampleReport();
    const inline = report.suppressed[0]!;
    report.suppressed.push({
      ...inline,
      ruleId: 'CFG005',
      line: 9,
      reason: 'kept for the migration',
      suppressedBy: '.github/claude-code-policy.yml:4',
      suppressionKind: 'config',
    });
    const run = JSON.parse(renderSarif(report, RULES)).runs[0];
    expect(
      run.results
        .filter((r: { suppressions?: unknown }) => r.suppressions)
        .map(
          (r: {
            ruleId: string;
            locations: { physicalLocation: { region: { startLine: number } } }[];
            suppressions: unknown;
          }) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine, r.suppressions],
        ),
    ).toEqual([
      [
        'CFG005',
        5,
        [{ kind: 'inSource', justification: 'template placeholder | filled in by the deploy job' }],
      ],
      ['CFG005', 9, [{ kind: 'external', justification: 'kept for the migration' }]],
    ]);
  });

  it('keeps locationless findings out of results', () => {
    const run = sarif().runs[0];
    for (const result of run.results) expect(result.locations).toHaveLength(1);
    expect(run.properties.findingsWithoutLocation.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'ZDR004',
    ]);
  });

  it("anchors a fileless finding at its scope's first file when there is one", () => {
    const report = sampleReport();
    report.scopes[2] = { id: 'sandbox', kind: 'project', files: ['sandbox/.claude/settings.local.json'] };
    const run = JSON.parse(renderSarif(report, RULES)).runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'ZDR004');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sandbox/.claude/settings.local.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(run.properties.findingsWithoutLocation).toBeUndefined();
    // Its fingerprint is made with no file, not the file it is anchored at: it must not move if that file changes.
    expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatchInlineSnapshot(
      `"db489b0213fe9f8b03691d5357b6c280"`,
    );
  });

  it('keeps fingerprints when only lines move, and makes them unique within a run', () => {
    const fingerprints = (report: Report) =>
      JSON.parse(renderSarif(report, RULES)).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY],
      );
    const before = sampleReport();
    const after = sampleReport();
    after.findings = after.findings.map((f) => ({
      ...f,
      line: f.line + 7,
      endLine: f.endLine + 7,
      column: 2,
    }));
    expect(fingerprints(after)).toEqual(fingerprints(before));

    const changed = sampleReport();
    changed.findings[0] = { ...changed.findings[0]!, message: 'Telemetry stays on in scope "." (2 files).' };
    expect(fingerprints(changed)[0]).not.toBe(fingerprints(before)[0]);

    const twins = sampleReport();
    twins.findings = [
      twins.findings[0]!,
      { ...twins.findings[0]!, line: 40, endLine: 40 },
      twins.findings[0]!,
    ];
    const values: string[] = fingerprints(twins);
    expect(new Set(values).size).toBe(values.length);
    expect(values[1]!.startsWith(values[0]!)).toBe(true);
  });

  stressIt('truncates to GitHub’s result limit and says so', () => {
    const report = sampleReport();
    const base = report.findings[0]!;
    report.findings = Array.from({ length: MAX_SARIF_RESULTS + 5 }, (_, i) => ({
      ...base,
      severity: i < 5 ? 'notice' : 'error',
      line: i + 1,
      endLine: i + 1,
    }));
    const run = JSON.parse(renderSarif(report, RULES)).runs[0];
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.properties).toMatchObject({ resultsTruncated: true, totalResults: MAX_SARIF_RESULTS + 6 });
    expect(run.results.some((r: { level: string }) => r.level === 'note')).toBe(false);
  });

  it('describes a rule it was not given instead of pointing at nothing', () => {
    const run = JSON.parse(renderSarif(sampleReport(), RULES.slice(0, 2))).runs[0];
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });
});

describe('text', () => {
  it('has no escape sequences without colour, even when a finding carries one', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0]!, message: 'evil \u001b[2J value \u202e' };
    const plain = renderText(report, { color: false });
    expect(plain).not.toContain('\u001b');
    expect(plain).not.toContain('\u202e');
    expect(plain).toContain('evil \\u001b[2J value \\u202e');
    const coloured = renderText(report, { color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  // The Action logs this report, and a CLI run in a workflow prints it: the runner reads every line of it.
  it('prints nothing the runner takes for a workflow command, whatever a file name, message or fix holds', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.constantFrom('\r', '\n', '\r\n', ' ', '\t', '::', 'error', 'warning', '##[', ']', 'x'), {
          maxLength: 12,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, hostile, hostile, (file, message, fix) => {
        const report = sampleReport();
        report.findings = [
          { ...report.findings[0]!, file, message, fix },
          { ...report.findings[6]!, scope: file },
        ];
        expect(workflowCommands(renderText(report, { color: false }))).toEqual([]);
      }),
    );
    const report = sampleReport();
    report.findings = [
      {
        ...report.findings[0]!,
        file: 'a\r::error::x/.env',
        message: 'one\n  ::warning::y',
        fix: 'see ##[error]z',
      },
    ];
    expect(renderText(report, { color: false }).split('\n').slice(0, 4)).toEqual([
      'a\\u000d::error::x/.env',
      '  3:5  error    NET001  one',
      '                          \\u003a:warning::y (affects 2 scopes)',
      '                        fix: see #\\u0023[error]z',
    ]);
  });

  it('lines up positions and rule ids of different widths within a file', () => {
    const report = sampleReport();
    const [net001, , , net002] = report.findings;
    report.findings = [net001!, { ...net002!, ruleId: 'X1', file: '.claude/settings.json' }];
    expect(renderText(report, { color: false }).split('\n').slice(0, 8)).toMatchInlineSnapshot(`
      [
        ".claude/settings.json",
        "  3:5   error    NET001  Telemetry, error reporting and /feedback stay on in scope ".". (affects 2 scopes)",
        "                         fix: Add "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under \`env\` in .claude/settings.json.",
        "                         suppress: add \`- {rule: NET001, path: .claude/settings.json, reason: <reason>}\` under ignore: in .github/claude-code-policy.yml",
        "  12:9  warning  X1      Auto-update traffic stays on in scope ".github/workflows/claude.yml#review".",
        "                         fix: Add DISABLE_AUTOUPDATER: "1" under the step's \`env:\`.",
        "                         suppress: add \`- {rule: X1, path: .claude/settings.json, reason: <reason>}\` under ignore: in .github/claude-code-policy.yml",
        "",
      ]
    `);
  });

  it('counts findings outside any scope: no "no configuration" line while there are some', () => {
    const summaryLine = (counts: Pick<Report['summary'], 'errors' | 'warnings' | 'notices'>) => {
      const report = emptyReport();
      report.summary = { ...report.summary, ...counts, scopes: 0 };
      return renderText(report, { color: false });
    };
    expect(summaryLine({ errors: 1, warnings: 1, notices: 0 })).toBe(
      '✔ 1 error, 1 warning, 0 notices in 5 files (0 scopes) — passed (fail-on: error)\n',
    );
    expect(summaryLine({ errors: 0, warnings: 1, notices: 1 })).toBe(
      '✔ 0 errors, 1 warning, 1 notice in 5 files (0 scopes) — passed (fail-on: error)\n',
    );
    expect(summaryLine({ errors: 0, warnings: 0, notices: 0 })).toBe(
      'No Claude Code configuration found under . — passed\n',
    );
  });

  it('says all clear with the suppressed count', () => {
    const report = emptyReport();
    expect(renderText(report, { color: false })).toBe('✔ no findings in 5 files (3 scopes) — passed\n');
    report.summary.suppressed = 2;
    expect(renderText(report, { color: false })).toBe(
      '✔ no findings, 2 suppressed in 5 files (3 scopes) — passed\n',
    );
  });
});

describe('json', () => {
  it('lists every scope a finding affects, the first being `scope`, and the report notes', () => {
    const parsed = JSON.parse(renderJson({ ...sampleReport(), notes: [NOTE] })) as Report;
    expect(parsed.findings[0]).toMatchObject({
      scope: '.',
      scopes: ['.', '.github/workflows/claude.yml#review'],
    });
    expect(parsed.findings.map((f) => f.scopes.length)).toEqual([2, 1, 0, 1, 1, 0, 1]);
    expect(parsed.notes).toEqual([NOTE]);
  });

  it('writes keys in the SPEC order, then the additions', () => {
    const parsed = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(parsed)).toEqual([
      'version',
      'tool',
      'root',
      'policies',
      'summary',
      'scopes',
      'findings',
      'failOn',
      'files',
      'suppressed',
      'notes',
    ]);
    expect(Object.keys(parsed.summary)).toEqual([
      'files',
      'scopes',
      'errors',
      'warnings',
      'notices',
      'passed',
      'suppressed',
    ]);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'ruleId',
      'policy',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'scope',
      'scopes',
      'fix',
      'docsUrl',
    ]);
    expect(Object.keys(parsed.suppressed[0]).slice(-2)).toEqual(['reason', 'suppressedBy']);
  });
});

// What a reader sees, whole: each render below was read line by line before it was written here.
describe('renders, exactly', () => {
  const esc = (text: string) => text.replaceAll('\u001b', '␛');

  it('text, in colour, with a note, a suppressed count and findings without a file', () => {
    const report = { ...sampleReport(), notes: [NOTE] };
    report.findings.push({
      ...report.findings[6]!,
      ruleId: 'ZDR007',
      scope: null,
      scopes: [],
      message: 'No scope at all.',
      fix: 'First line\nsecond line',
    });
    expect(esc(renderText(report, { color: true }))).toMatchInlineSnapshot(`
      "␛[1;4m.claude/settings.json␛[0m
        ␛[2m3:5␛[0m  ␛[31merror  ␛[0m  ␛[1mNET001␛[0m  Telemetry, error reporting and /feedback stay on in scope ".". (affects 2 scopes)
                              ␛[2mfix: Add "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under \`env\` in .claude/settings.json.␛[0m
                              ␛[2msuppress: add \`- {rule: NET001, path: .claude/settings.json, reason: <reason>}\` under ignore: in .github/claude-code-policy.yml␛[0m
        ␛[2m7:3␛[0m  ␛[31merror  ␛[0m  ␛[1mZDR003␛[0m  Conversation content is exported: OTEL_LOG_USER_PROMPTS is on.
                              ␛[2mfix: Remove "OTEL_LOG_USER_PROMPTS" from \`env\` in .claude/settings.json.␛[0m
                              ␛[2msuppress: add \`- {rule: ZDR003, path: .claude/settings.json, reason: <reason>}\` under ignore: in .github/claude-code-policy.yml␛[0m

      ␛[1;4m.env.production␛[0m
        ␛[2m2:1␛[0m  ␛[31merror  ␛[0m  ␛[1mSEC001␛[0m  A credential is committed in plain text: ANTHROPIC_API_KEY.
                              ␛[2mfix: Remove the value of ANTHROPIC_API_KEY from .env.production, rotate the key and load it from a secret store.␛[0m
                              ␛[2msuppress: add \`# claude-code-policy: ignore SEC001 -- <reason>\` at the end of line 2 or on the line above␛[0m

      ␛[1;4m.github/workflows/claude.yml␛[0m
        ␛[2m12:9␛[0m  ␛[33mwarning␛[0m  ␛[1mNET002␛[0m  Auto-update traffic stays on in scope ".github/workflows/claude.yml#review".
                               ␛[2mfix: Add DISABLE_AUTOUPDATER: "1" under the step's \`env:\`.␛[0m
                               ␛[2msuppress: add \`# claude-code-policy: ignore NET002 -- <reason>\` at the end of line 12 or on the line above␛[0m
        ␛[2m12:9␛[0m  ␛[36mnotice ␛[0m  ␛[1mNET004␛[0m  Session quality surveys stay on in scope ".github/workflows/claude.yml#review".
                               ␛[2mfix: Add CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1" under the step's \`env:\`.␛[0m
                               ␛[2msuppress: add \`# claude-code-policy: ignore NET004 -- <reason>\` at the end of line 12 or on the line above␛[0m

      ␛[1;4mdeploy/prod, eu: west.env␛[0m
        ␛[2m4:20␛[0m  ␛[33mwarning␛[0m  ␛[1mZDR006␛[0m  ANTHROPIC_BASE_URL points at gw.example|<script>alert(1)</script>
                               which is not api.anthropic.com.
                               ␛[2mfix: Point ANTHROPIC_BASE_URL at https://api.anthropic.com, or pass --allowed-base-url for the gateway.␛[0m
                               ␛[2msuppress: add \`# claude-code-policy: ignore ZDR006 -- <reason>\` at the end of line 4 or on the line above␛[0m

      ␛[1;4mscope sandbox (no settings file)␛[0m
        ␛[2m-␛[0m  ␛[33mwarning␛[0m  ␛[1mZDR004␛[0m  Login is not pinned to an organisation in scope "sandbox".
                            ␛[2mfix: Add "forceLoginOrgUUID": "<your org uuid>" to managed-settings.json for sandbox.␛[0m
                            ␛[2msuppress: add \`- {rule: ZDR004, path: sandbox, reason: <reason>}\` under ignore: in .github/claude-code-policy.yml␛[0m

      ␛[1;4m(no file)␛[0m
        ␛[2m-␛[0m  ␛[33mwarning␛[0m  ␛[1mZDR007␛[0m  No scope at all.
                            ␛[2mfix: First line␛[0m
                            ␛[2m     second line␛[0m
                            ␛[2msuppress: add \`- {rule: ZDR007, path: "**", reason: <reason>}\` under ignore: in .github/claude-code-policy.yml␛[0m

      ␛[2mnote: Not verifiable from a repository: Zero Data Retention also needs login pinned through managed settings.␛[0m
      ␛[1;31m✖ 3 errors, 3 warnings, 1 notice, 1 suppressed in 5 files (3 scopes) — failed (fail-on: error)␛[0m
      "
    `);
  });

  it('text verdicts', () => {
    const report = emptyReport();
    expect(esc(renderText(report, { color: true }))).toMatchInlineSnapshot(`
      "␛[1;32m✔ no findings in 5 files (3 scopes) — passed␛[0m
      "
    `);
    report.summary = { ...report.summary, scopes: 0, suppressed: 1 };
    expect(esc(renderText({ ...report, root: 'a\nb' }, { color: true }))).toMatchInlineSnapshot(`
      "␛[1;33mNo Claude Code configuration found under a\\u000ab, 1 suppressed — passed␛[0m
      "
    `);
    const warned = sampleReport();
    warned.summary = { ...warned.summary, passed: true, suppressed: 0 };
    expect(esc(renderText(warned, { color: true }).split('\n').at(-2)!)).toMatchInlineSnapshot(
      `"␛[1;32m✔ 3 errors, 3 warnings, 1 notice in 5 files (3 scopes) — passed (fail-on: error)␛[0m"`,
    );
  });

  it('markdown, with a marker, links, notes and a suppressed finding', () => {
    const report = { ...sampleReport(), notes: [NOTE] };
    report.files.push('extra/.env');
    expect(
      renderMarkdown(report, { marker: '<!-- m -->', blobBaseUrl: 'https://github.com/o/r (x)/blob/s//' }),
    ).toMatchInlineSnapshot(`
      "<!-- m -->
      ## Claude Code policy check

      ❌ **Failed**: 3 findings reach the fail-on level **error**.

      **Policies checked:** <code>nonessential-traffic</code>, <code>zdr</code>, <code>hygiene</code>

      **Findings:** 🔴 3 errors · 🟡 3 warnings · 🔵 1 notice · 1 suppressed

      > ℹ️ Not verifiable from a repository: Zero Data Retention also needs login pinned through managed settings.

      ### Fix first: 3 errors

      - [NET001](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET001.md) at [.claude/settings.json:3](https://github.com/o/r%20%28x%29/blob/s/.claude/settings.json#L3) · affects 2 scopes: Telemetry, error reporting and /feedback stay on in scope ".".<br>**Fix:** Add "CLAUDE\\_CODE\\_DISABLE\\_NONESSENTIAL\\_TRAFFIC": "1" under <code>env</code> in .claude/settings.json.<br><sub>To suppress: add <code>- {rule: NET001, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>
      - [ZDR003](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/ZDR003.md) at [.claude/settings.json:7](https://github.com/o/r%20%28x%29/blob/s/.claude/settings.json#L7-L10): Conversation content is exported: OTEL\\_LOG\\_USER\\_PROMPTS is on.<br>**Fix:** Remove "OTEL\\_LOG\\_USER\\_PROMPTS" from <code>env</code> in .claude/settings.json.<br><sub>To suppress: add <code>- {rule: ZDR003, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>
      - [SEC001](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/SEC001.md) at [.env.production:2](https://github.com/o/r%20%28x%29/blob/s/.env.production#L2): A credential is committed in plain text: ANTHROPIC\\_API\\_KEY.<br>**Fix:** Remove the value of ANTHROPIC\\_API\\_KEY from .env.production, rotate the key and load it from a secret store.<br><sub>To suppress: add <code># claude-code-policy: ignore SEC001 -- &lt;reason&gt;</code> at the end of line 2 or on the line above</sub>

      ### Other findings

      | Location | Rule | Severity | Message | Fix |
      | --- | --- | --- | --- | --- |
      | [.github/workflows/claude.yml:12](https://github.com/o/r%20%28x%29/blob/s/.github/workflows/claude.yml#L12) | [NET002](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET002.md) | 🟡 warning | Auto-update traffic stays on in scope ".github/workflows/claude.yml#review". | Add DISABLE\\_AUTOUPDATER: "1" under the step's <code>env:</code>.<br><sub>To suppress: add <code># claude-code-policy: ignore NET002 -- &lt;reason&gt;</code> at the end of line 12 or on the line above</sub> |
      | [deploy/prod, eu: west.env:4](https://github.com/o/r%20%28x%29/blob/s/deploy/prod%2C%20eu%3A%20west.env#L4) | [ZDR006](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/ZDR006.md) | 🟡 warning | ANTHROPIC\\_BASE\\_URL points at gw.example&#124;&lt;script&gt;alert(1)&lt;/script&gt;<br>which is not api.anthropic.com. | Point ANTHROPIC\\_BASE\\_URL at \`https://api.anthropic.com\`, or pass --allowed-base-url for the gateway.<br><sub>To suppress: add <code># claude-code-policy: ignore ZDR006 -- &lt;reason&gt;</code> at the end of line 4 or on the line above</sub> |
      | scope <code>sandbox</code> | [ZDR004](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/ZDR004.md) | 🟡 warning | Login is not pinned to an organisation in scope "sandbox". | Add "forceLoginOrgUUID": "&lt;your org uuid&gt;" to managed-settings.json for sandbox.<br><sub>To suppress: add <code>- {rule: ZDR004, path: sandbox, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub> |
      | [.github/workflows/claude.yml:12](https://github.com/o/r%20%28x%29/blob/s/.github/workflows/claude.yml#L12) | [NET004](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET004.md) | 🔵 notice | Session quality surveys stay on in scope ".github/workflows/claude.yml#review". | Add CLAUDE\\_CODE\\_DISABLE\\_FEEDBACK\\_SURVEY: "1" under the step's <code>env:</code>.<br><sub>To suppress: add <code># claude-code-policy: ignore NET004 -- &lt;reason&gt;</code> at the end of line 12 or on the line above</sub> |

      ### Suppressed (1)

      | Location | Rule | Severity | Message | Reason | Suppressed by |
      | --- | --- | --- | --- | --- | --- |
      | [.env.production:5](https://github.com/o/r%20%28x%29/blob/s/.env.production#L5) | [CFG005](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/CFG005.md) | 🟡 warning | Line 5 of .env.production cannot be parsed. | template placeholder &#124; filled in by the deploy job | .env.production:4 |

      <details>
      <summary>Scanned 5 files in 3 scopes</summary>

      - <code>.</code> (project): <code>.claude/settings.json</code>
      - <code>.github/workflows/claude.yml#review</code> (workflow): <code>.github/workflows/claude.yml</code>
      - <code>sandbox</code> (project): _no settings file_
      - other files checked: <code>.env.production</code>, <code>.mcp.json</code>, <code>deploy/prod, eu: west.env</code>, <code>extra/.env</code>

      </details>

      <sub>claude-code-policy 0.1.0 · fail-on: error</sub>
      "
    `);
  });

  it('markdown verdicts and counts', () => {
    const line = (report: Report) => renderMarkdown(report).split('\n')[2];
    const warned = sampleReport();
    warned.summary = { ...warned.summary, passed: true };
    expect(line({ ...warned, failOn: 'never' })).toMatchInlineSnapshot(
      `"⚠️ **Passed with findings**: fail-on is **never**, so no finding fails the check."`,
    );
    expect(line({ ...warned, failOn: 'error' })).toMatchInlineSnapshot(
      `"⚠️ **Passed with findings**: none reaches the fail-on level **error**."`,
    );
    const one = sampleReport();
    one.findings = [one.findings[0]!];
    expect(renderMarkdown(one).split('\n').slice(2, 12)).toMatchInlineSnapshot(`
      [
        "❌ **Failed**: 1 finding reaches the fail-on level **error**.",
        "",
        "**Policies checked:** <code>nonessential-traffic</code>, <code>zdr</code>, <code>hygiene</code>",
        "",
        "**Findings:** 🔴 3 errors · 🟡 3 warnings · 🔵 1 notice · 1 suppressed",
        "",
        "### Fix first: 1 error",
        "",
        "- [NET001](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET001.md) at .claude/settings.json:3 · affects 2 scopes: Telemetry, error reporting and /feedback stay on in scope ".".<br>**Fix:** Add "CLAUDE\\_CODE\\_DISABLE\\_NONESSENTIAL\\_TRAFFIC": "1" under <code>env</code> in .claude/settings.json.<br><sub>To suppress: add <code>- {rule: NET001, path: .claude/settings.json, reason: &lt;reason&gt;}</code> under ignore: in .github/claude-code-policy.yml</sub>",
        "",
      ]
    `);
    const notices = sampleReport();
    notices.findings = [notices.findings[4]!];
    notices.suppressed = [];
    notices.summary = { ...notices.summary, passed: true, suppressed: 0 };
    expect(renderMarkdown(notices).split('\n').slice(2, 14)).toMatchInlineSnapshot(`
      [
        "⚠️ **Passed with findings**: none reaches the fail-on level **error**.",
        "",
        "**Policies checked:** <code>nonessential-traffic</code>, <code>zdr</code>, <code>hygiene</code>",
        "",
        "**Findings:** 🔴 3 errors · 🟡 3 warnings · 🔵 1 notice",
        "",
        "### Findings",
        "",
        "| Location | Rule | Severity | Message | Fix |",
        "| --- | --- | --- | --- | --- |",
        "| .github/workflows/claude.yml:12 | [NET004](https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/rules/NET004.md) | 🔵 notice | Session quality surveys stay on in scope ".github/workflows/claude.yml#review". | Add CLAUDE\\_CODE\\_DISABLE\\_FEEDBACK\\_SURVEY: "1" under the step's <code>env:</code>.<br><sub>To suppress: add <code># claude-code-policy: ignore NET004 -- &lt;reason&gt;</code> at the end of line 12 or on the line above</sub> |",
        "",
      ]
    `);
  });

  it('markdown cut to a budget: what is dropped, and the counts of it', () => {
    const report = sampleReport();
    report.suppressed.push({ ...report.suppressed[0]!, line: 8, reason: 'second' });
    const full = renderMarkdown(report);
    const bytes = utf8(full);
    expect(renderMarkdown(report, { maxLength: bytes })).toBe(full);
    const tail = (maxLength: number) => renderMarkdown(report, { maxLength }).split('\n').slice(-12);
    expect(tail(bytes - 1)).toMatchInlineSnapshot(`
      [
        "<details>",
        "<summary>Scanned 5 files in 3 scopes</summary>",
        "",
        "- <code>.</code> (project): <code>.claude/settings.json</code>",
        "- <code>.github/workflows/claude.yml#review</code> (workflow): <code>.github/workflows/claude.yml</code>",
        "- <code>sandbox</code> (project): _no settings file_",
        "- _… and 1 more not shown_",
        "",
        "</details>",
        "",
        "<sub>claude-code-policy 0.1.0 · fail-on: error</sub>",
        "",
      ]
    `);
    expect(tail(bytes - 700)).toMatchInlineSnapshot(`
      [
        "_… and 2 more suppressed findings not shown (see the JSON/SARIF report)_",
        "",
        "<details>",
        "<summary>Scanned 5 files in 3 scopes</summary>",
        "",
        "- <code>.</code> (project): <code>.claude/settings.json</code>",
        "- _… and 3 more not shown_",
        "",
        "</details>",
        "",
        "<sub>claude-code-policy 0.1.0 · fail-on: error</sub>",
        "",
      ]
    `);
    expect(tail(1500)).toMatchInlineSnapshot(`
      [
        "",
        "_… and 1 more suppressed finding not shown (see the JSON/SARIF report)_",
        "",
        "<details>",
        "<summary>Scanned 5 files in 3 scopes</summary>",
        "",
        "- _… and 4 more not shown_",
        "",
        "</details>",
        "",
        "<sub>claude-code-policy 0.1.0 · fail-on: error</sub>",
        "",
      ]
    `);
    // Smaller than the report with nothing listed: its first bytes, never half a character.
    expect(renderMarkdown(report, { maxLength: 7, heading: 'ÿÿÿ' })).toBe('## ÿÿ');
    expect(renderMarkdown(report, { maxLength: 6, heading: 'ÿÿÿ' })).toBe('## ÿ');
    expect(renderMarkdown(report, { maxLength: -1 })).toBe('');
  });
});

describe('sarif, exactly', () => {
  type Run = {
    results: { ruleId: string; level: string; locations: { physicalLocation: { region: object } }[] }[];
    properties: Record<string, unknown>;
    tool: { driver: { rules: object[] } };
  };
  const run = (report: Report, rules = RULES, maxResults?: number): Run =>
    JSON.parse(renderSarif(report, rules, maxResults)).runs[0];

  it('keeps the most severe active findings, in report order, past the result limit, and says how many it left out', () => {
    const report = sampleReport();
    const out = run(report, RULES, 4);
    expect(out.results.map((r) => `${r.ruleId} ${r.level}`)).toEqual([
      'NET001 error',
      'ZDR003 error',
      'SEC001 error',
      'NET002 warning',
    ]);
    expect(out.properties).toMatchObject({
      resultsTruncated: true,
      totalResults: 7,
      truncationNote:
        'GitHub accepts at most 4 results per run: 3 of 7 were left out (suppressed and least severe first); the JSON report lists them all.',
    });
    const all = run(report, RULES, 7);
    expect(all.results).toHaveLength(7);
    expect(all.properties.resultsTruncated).toBeUndefined();
    expect(all.properties.truncationNote).toBeUndefined();
    // A suppressed finding goes before an active notice.
    expect(run(report, RULES, 6).results.map((r) => r.ruleId)).toEqual([
      'NET001',
      'ZDR003',
      'SEC001',
      'NET002',
      'NET004',
      'ZDR006',
    ]);
  });

  it('past the limit, drops suppressed findings first, then the least severe, then the latest of equals', () => {
    const report = sampleReport();
    const base = report.findings[0]!;
    const at = (severity: Severity, line: number) => ({ ...base, severity, line, endLine: line });
    report.findings = [at('notice', 1), at('warning', 2), at('warning', 3), at('error', 4), at('warning', 5)];
    report.suppressed = [{ ...report.suppressed[0]!, ...at('error', 6) }];
    const lines = (maxResults: number) =>
      run(report, RULES, maxResults).results.map(
        (r) => (r.locations[0]!.physicalLocation.region as { startLine: number }).startLine,
      );
    expect(lines(1)).toEqual([4]);
    expect(lines(3)).toEqual([2, 3, 4]);
    expect(lines(5)).toEqual([1, 2, 3, 4, 5]);
    expect(lines(6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('past the limit, keeps the most severe suppressed findings too, after every active one', () => {
    const report = sampleReport();
    const base = report.findings[0]!;
    const at = (severity: Severity, line: number) => ({ ...base, severity, line, endLine: line });
    const suppressed = report.suppressed[0]!;
    report.findings = [at('notice', 1)];
    report.suppressed = [
      { ...suppressed, ...at('notice', 2) },
      { ...suppressed, ...at('error', 3) },
      { ...suppressed, ...at('warning', 4) },
    ];
    const kept = (maxResults: number) =>
      run(report, RULES, maxResults).results.map(
        (r) => `${r.level} ${(r.locations[0]!.physicalLocation.region as { startLine: number }).startLine}`,
      );
    expect(kept(2)).toEqual(['note 1', 'error 3']);
    expect(kept(3)).toEqual(['note 1', 'error 3', 'warning 4']);
  });

  it('gives regions: the line alone for an empty range, a clamped range otherwise', () => {
    const report = sampleReport();
    const base = report.findings[0]!;
    report.findings = [
      { ...base, line: 3, column: 5, endLine: 3, endColumn: 5 },
      { ...base, line: 3, column: 5, endLine: 3, endColumn: 4 },
      { ...base, line: 3, column: 5, endLine: 1, endColumn: 9 },
      { ...base, line: 0, column: 0, endLine: 2, endColumn: 0 },
      { ...base, line: 3, column: 5, endLine: 4, endColumn: 2 },
    ];
    report.suppressed = [];
    expect(run(report).results.map((r) => r.locations[0]!.physicalLocation.region)).toEqual([
      { startLine: 3 },
      { startLine: 3 },
      { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
      { startLine: 1, startColumn: 1, endLine: 2, endColumn: 1 },
      { startLine: 3, startColumn: 5, endLine: 4, endColumn: 2 },
    ]);
  });

  it('describes an unknown rule with a placeholder, once, and each known rule once', () => {
    const report = sampleReport();
    const out = run(report, [RULES[0]!, RULES[0]!]);
    expect(out.tool.driver.rules.map((r) => (r as { id: string }).id)).toEqual([
      'NET001',
      'ZDR003',
      'SEC001',
      'NET002',
      'NET004',
      'ZDR006',
      'CFG005',
    ]);
    expect(out.tool.driver.rules[1]).toEqual({
      id: 'ZDR003',
      shortDescription: { text: 'ZDR003' },
      helpUri: docsUrl('ZDR003'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['zdr', 'security'], 'security-severity': '7.5' },
    });
  });

  it('keeps notes and findings without a location, suppressed or not, in the run properties', () => {
    const report = { ...sampleReport(), notes: [NOTE] };
    report.suppressed.push({ ...report.suppressed[0]!, file: null, scope: 'nowhere', scopes: ['nowhere'] });
    const out = run(report);
    expect(out.properties.notes).toEqual([NOTE]);
    expect(out.properties.findingsWithoutLocation).toEqual([
      {
        ruleId: 'ZDR004',
        level: 'warning',
        scope: 'sandbox',
        message: 'Login is not pinned to an organisation in scope "sandbox".',
        fix: 'Add "forceLoginOrgUUID": "<your org uuid>" to managed-settings.json for sandbox.',
        suppressed: false,
      },
      {
        ruleId: 'CFG005',
        level: 'warning',
        scope: 'nowhere',
        message: 'Line 5 of .env.production cannot be parsed.',
        fix: 'Write line 5 as KEY=value.',
        suppressed: true,
      },
    ]);
    expect(run(sampleReport()).properties.notes).toBeUndefined();
  });

  it('fingerprints: a fixed value per finding, and :1, :2 for twins', () => {
    const report = sampleReport();
    report.findings = [report.findings[0]!, report.findings[0]!, report.findings[0]!];
    report.suppressed = [];
    const values = JSON.parse(renderSarif(report, RULES)).runs[0].results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    // Changing how a fingerprint is made re-opens every alert in code scanning: this value must not move.
    expect(values).toMatchInlineSnapshot(`
      [
        "ba8f4ebb99ddd6c01cc252246a161441",
        "ba8f4ebb99ddd6c01cc252246a161441:1",
        "ba8f4ebb99ddd6c01cc252246a161441:2",
      ]
    `);
  });

  it('names rules in PascalCase from their title, at most 255 characters', () => {
    expect(pascalCaseName('-- non-essential  traffic: stays on! --')).toBe('NonEssentialTrafficStaysOn');
    const long = pascalCaseName(Array.from({ length: 100 }, () => 'word').join(' '));
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('WordWo…')).toBe(true);
    expect([...pascalCaseName(Array.from({ length: 51 }, () => 'abcd').join(' '))]).toHaveLength(204);
  });
});

describe('small renderings', () => {
  it('truncate: whole characters, an ellipsis when cut', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('an annotation title is at most 255 characters', () => {
    const report = sampleReport();
    report.findings = [report.findings[0]!];
    const title = 'long title '.repeat(30);
    const line = renderGithub(report, [{ ...RULES[0]!, title }]).split('\n')[0]!;
    const value = parseRunnerLine(line)!.properties.title!;
    expect([...value]).toHaveLength(255);
    expect(value).toBe(`${`NET001: ${title}`.slice(0, 254)}…`);
  });

  it('markdown text: tabs as spaces, trailing punctuation outside a linkable span', () => {
    expect(escapeMarkdownText('a\tb')).toBe('a b');
    expect(escapeMarkdownText('see https://x.example/a).')).toBe('see `https://x.example/a`).');
  });

  it('links a rule only to an http(s) page', () => {
    const report = sampleReport();
    const warning = report.findings[3]!;
    const rule = (docs: string) => {
      report.findings = [{ ...warning, docsUrl: docs }];
      return renderMarkdown(report)
        .split('\n')
        .find((l) => l.includes('| 🟡 warning |'))!
        .split(' | ')[1];
    };
    expect(rule('http://docs.example/NET002')).toBe('[NET002](http://docs.example/NET002)');
    expect(rule('javascript:alert(1)//https://x')).toBe('NET002');
    expect(rule('ftp://docs.example/NET002')).toBe('NET002');
  });

  it('text: tabs in scanned text print as spaces', () => {
    const report = sampleReport();
    report.findings = [{ ...report.findings[0]!, message: 'a\tb' }];
    expect(renderText(report, { color: false }).split('\n')[1]).toBe(
      '  3:5  error    NET001  a b (affects 2 scopes)',
    );
  });
});
