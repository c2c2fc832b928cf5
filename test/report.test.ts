import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Report, Severity, SuppressedFinding } from '../src/core/model.js';
import { docsUrl } from '../src/core/version.js';
import { annotationOverflow, escapeData, escapeProperty, renderGithub } from '../src/report/github.js';
import { renderJson } from '../src/report/json.js';
import { escapeMarkdownText, renderMarkdown } from '../src/report/markdown.js';
import type { RuleMeta } from '../src/report/rule-meta.js';
import { FINGERPRINT_KEY, MAX_SARIF_RESULTS, renderSarif } from '../src/report/sarif.js';
import { renderText } from '../src/report/text.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: string): void {
  const path = `${GOLDEN_DIR}${name}`;
  if (UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const RULES: RuleMeta[] = [
  {
    id: 'NET001',
    title: 'Telemetry, error reporting or /bug stays on',
    policies: ['nonessential-traffic', 'zdr'],
    severity: 'error',
    rationale:
      'Claude Code sends telemetry and error reports unless they are turned off (Claude Code docs: Data usage).',
    remediation: 'Set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC to "1" under env in the settings file.',
  },
  {
    id: 'NET002',
    title: 'Auto-update traffic stays on',
    policies: ['nonessential-traffic'],
    severity: 'warning',
    rationale: 'The auto-updater checks for new versions in the background.',
    remediation: 'Set DISABLE_AUTOUPDATER to "1".',
  },
  {
    id: 'NET004',
    title: 'Session quality surveys stay on',
    policies: ['nonessential-traffic'],
    severity: 'notice',
    rationale: 'Surveys are shown and answered over the network.',
    remediation: 'Set CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY to "1".',
  },
  {
    id: 'ZDR003',
    title: 'Conversation content is exported',
    policies: ['zdr'],
    severity: 'error',
    rationale: 'OpenTelemetry content logging sends prompts and responses outside ZDR.',
    remediation: 'Remove the OTEL_LOG_* variables or set them to "0".',
  },
  {
    id: 'ZDR004',
    title: 'Login is not pinned to an organisation',
    policies: ['zdr'],
    severity: 'warning',
    rationale: 'Without forceLoginOrgUUID a user can log in to an organisation without ZDR.',
    remediation: 'Set forceLoginOrgUUID in managed settings.',
  },
  {
    id: 'ZDR006',
    title: 'API traffic passes a gateway outside ZDR',
    policies: ['zdr'],
    severity: 'warning',
    rationale: 'A base URL that is not api.anthropic.com sends traffic through a third party.',
    remediation: 'Point the base URL at https://api.anthropic.com or allow the gateway.',
  },
  {
    id: 'SEC001',
    title: 'Credential committed in plain text',
    policies: ['hygiene'],
    severity: 'error',
    rationale: 'A committed key is readable by everyone with access to the repository and its history.',
    remediation: 'Remove the value, rotate the key and load it from a secret store.',
  },
  {
    id: 'CFG004',
    title: 'Duplicate key',
    policies: ['hygiene'],
    severity: 'error',
    rationale: 'JSON.parse keeps the last value while reviewers read the first.',
    remediation: 'Keep one occurrence of the key.',
  },
  {
    id: 'CFG005',
    title: 'Unparseable env file line',
    policies: ['hygiene'],
    severity: 'warning',
    rationale: 'A line that cannot be parsed is ignored by every tool differently.',
    remediation: 'Write the line as KEY=value.',
  },
];

const ODD_FILE = 'deploy/prod, eu: west.env';

function finding(partial: Omit<Finding, 'docsUrl' | 'endLine' | 'endColumn'> & Partial<Finding>): Finding {
  return {
    endLine: partial.line,
    endColumn: partial.column,
    docsUrl: docsUrl(partial.ruleId),
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
  };
}

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

describe('golden reports', () => {
  const report = sampleReport();

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

/** The runner's side of the workflow-command protocol, as the Actions runner parses a line. */
function parseCommand(line: string): {
  command: string;
  properties: Record<string, string>;
  message: string;
} {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decode = (value: string, property: boolean) => {
    let out = value.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = decode(pair.slice(at + 1), true);
  }
  return { command: match[1]!, properties, message: decode(match[3]!, false) };
}

describe('github workflow commands', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    expect(escapeProperty('%3A')).toBe('%253A');
    for (const name of ['a,b: c.env', 'x\r\ny %0A.env', 'dir/with space/%2C%25.env', '::error::x']) {
      const report = sampleReport();
      report.findings = [{ ...report.findings[0]!, file: name }];
      expect(parseCommand(renderGithub(report, RULES).trimEnd()).properties.file).toBe(name);
    }
  });

  it('round-trips any file name, title and message through the runner parsing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.string({ unit: 'binary' }),
        (file, message) => {
          const report = sampleReport();
          report.findings = [{ ...report.findings[0]!, file, message }];
          const lines = renderGithub(report, RULES).split('\n').filter(Boolean);
          expect(lines).toHaveLength(1);
          const parsed = parseCommand(lines[0]!);
          expect(parsed.properties.file).toBe(file);
          expect(parsed.message).toBe(`${message}\nFix: ${report.findings[0]!.fix}`);
        },
      ),
    );
  });

  it('keeps awkward file names intact and omits columns on multi-line findings', () => {
    const lines = renderGithub(sampleReport(), RULES).trimEnd().split('\n').map(parseCommand);
    const odd = lines.find((l) => l.properties.title?.startsWith('ZDR006'))!;
    expect(odd.properties.file).toBe(ODD_FILE);
    expect(odd.properties.title).toBe('ZDR006: API traffic passes a gateway outside ZDR');
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
    const commands = renderGithub(sampleReport(), RULES).trimEnd().split('\n').map(parseCommand);
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
    return { ...base, message: `${base.message} #${i} — ünïcödé 🚀 日本語`, line: base.line + i };
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

  it('never exceeds maxLength, in UTF-8 bytes or UTF-16 units, and says what it left out', () => {
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
      if (complete && !md.includes('#299 —')) {
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
    const rows = md.split('\n').filter((line) => /^\| (?!Location|---)/.test(line) && line.includes('NET0'));
    expect(md).toContain('#0 —');
    expect(md).not.toContain('#39 —');
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('sarif', () => {
  const sarif = () => JSON.parse(renderSarif(sampleReport(), RULES));

  it('describes every rule and points every result at its own rule', () => {
    const run = sarif().runs[0];
    expect(sarif().version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.tool.driver.rules[0]).toMatchObject({
      name: 'TelemetryErrorReportingOrBugStaysOn',
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

  it('marks suppressed findings and keeps locationless findings out of results', () => {
    const run = sarif().runs[0];
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([
      { kind: 'external', justification: 'template placeholder | filled in by the deploy job' },
    ]);
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

  it('truncates to GitHub’s result limit and says so', () => {
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
      'fix',
      'docsUrl',
    ]);
    expect(Object.keys(parsed.suppressed[0]).slice(-2)).toEqual(['reason', 'suppressedBy']);
  });
});
