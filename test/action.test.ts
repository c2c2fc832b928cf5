// The action under a simulated runner (test/helpers/runner.ts): inputs in INPUT_* variables, outputs and the
// job summary read back from their files, annotations and the verdict read from the workflow commands on stdout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  annotationNote,
  renderSummary,
  reportForWorkspace,
  SUMMARY_LIMIT_BYTES,
} from '../src/action/publish.js';
import type { Finding, Report } from '../src/core/model.js';
import { FINGERPRINT_KEY } from '../src/report/sarif.js';
import { EXAMPLES, OWNER, PUSH_SHA, REPO, runInProcess, SimulatedRunner } from './helpers/runner.js';
import { manyFindingsReport } from './helpers/report.js';

let runner: SimulatedRunner;
beforeEach(() => {
  runner = new SimulatedRunner();
});
afterEach(() => {
  runner.remove();
});

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const;

function annotationLines(lines: string[]): string[] {
  return lines.filter((line) => /^::(error|warning|notice) file=/.test(line));
}

function readJsonReport(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

describe('a non-compliant repository', () => {
  it('annotates every finding, most severe first, writes the reports and fails once', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, {
      inputs: { 'sarif-file': 'reports/policy.sarif', 'json-file': 'reports/policy.json' },
    });

    expect(result.exitCode).toBe(1);
    expect(result.outputs.passed).toBe('false');

    const report = readJsonReport(join(runner.workspace, 'reports/policy.json'));
    expect(result.outputs['json-file']).toBe(join(runner.workspace, 'reports/policy.json'));
    expect(result.outputs['sarif-file']).toBe(join(runner.workspace, 'reports/policy.sarif'));
    expect(result.outputs.errors).toBe(String(report.summary.errors));
    expect(result.outputs.warnings).toBe(String(report.summary.warnings));
    expect(result.outputs.notices).toBe(String(report.summary.notices));
    expect(result.outputs.findings).toBe(String(report.findings.length));
    expect(report.summary.errors).toBeGreaterThan(0);

    // One annotation per finding, on its file and line, errors before warnings before notices.
    const annotations = annotationLines(result.lines);
    expect(annotations).toHaveLength(report.findings.length);
    expect(annotations[0]).toMatch(/^::error file=[^,]+,line=\d+/);
    const severities = annotations.map((line) => /^::(\w+)/.exec(line)![1] as keyof typeof SEVERITY_ORDER);
    const ranks = severities.map((severity) => SEVERITY_ORDER[severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const finding of report.findings.filter((f) => f.file !== null)) {
      expect(annotations.some((line) => line.includes(`file=${finding.file},line=${finding.line},`))).toBe(
        true,
      );
    }

    // One verdict: a single plain ::error:: line, after the annotations.
    const verdicts = result.lines.filter((line) => line.startsWith('::error::'));
    expect(verdicts).toEqual([
      expect.stringMatching(/^::error::Claude Code policy check failed: \d+ findings? /),
    ]);
    expect(result.lines.indexOf(verdicts[0]!)).toBeGreaterThan(result.lines.indexOf(annotations.at(-1)!));

    // The summary names each rule and links each location to the pushed commit.
    for (const ruleId of new Set(report.findings.map((f) => f.ruleId)))
      expect(result.summary).toContain(ruleId);
    expect(result.summary).toContain(`https://github.com/${OWNER}/${REPO}/blob/${PUSH_SHA}/`);
    expect(result.summary).toContain('Failed');

    // SARIF 2.1.0 with the rules and a fingerprint on every result.
    const sarif = JSON.parse(readFileSync(join(runner.workspace, 'reports/policy.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.length).toBeGreaterThan(0);
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results)
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}/);
  });

  it('passes with fail-on never and still reports every finding', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, { inputs: { 'fail-on': 'never' } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(Number(result.outputs.findings)).toBeGreaterThan(0);
    expect(annotationLines(result.lines)).toHaveLength(Number(result.outputs.findings));
    expect(result.lines.filter((line) => line.startsWith('::error::'))).toEqual([]);
  });

  it('points annotations, links and SARIF at the workspace path when path is a subdirectory', async () => {
    runner.checkout(EXAMPLES.nonCompliant, 'services/api');
    const result = await runInProcess(runner, {
      inputs: { path: 'services/api', 'sarif-file': 'policy.sarif', 'json-file': 'policy.json' },
    });
    expect(result.outputs.passed).toBe('false');
    const annotations = annotationLines(result.lines);
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toMatch(/^::\w+ file=services\/api\//);
    expect(result.summary).toContain(`/blob/${PUSH_SHA}/services/api/.claude/settings.json#L`);
    // Suppression hints are relative to the scanned root, where the config file's ignore paths are.
    expect(result.summary).toContain('path: .claude/settings.json');
    expect(result.summary).not.toContain('path: services/api/');

    const sarif = JSON.parse(readFileSync(join(runner.workspace, 'policy.sarif'), 'utf8'));
    for (const sarifResult of sarif.runs[0].results) {
      expect(sarifResult.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^services\/api\//);
    }
    // The JSON report keeps SPEC §3's shape: paths relative to the scanned root.
    const report = readJsonReport(join(runner.workspace, 'policy.json'));
    expect(report.root).toBe('services/api');
    expect(report.findings.every((f: Finding) => f.file === null || !f.file.startsWith('services/'))).toBe(
      true,
    );
  });

  it('can leave out annotations and the summary', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, { inputs: { annotations: 'false', summary: 'false' } });
    expect(result.exitCode).toBe(1);
    expect(annotationLines(result.lines)).toEqual([]);
    expect(result.summary).toBe('');
    // The log still lists each finding.
    expect(result.stdout).toMatch(/\.claude\/settings\.json/);
  });
});

describe('a compliant repository', () => {
  it('passes with no error and writes an all-clear summary', async () => {
    runner.checkout(EXAMPLES.compliant);
    const result = await runInProcess(runner, { inputs: { 'json-file': 'out/report.json' } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(result.outputs.errors).toBe('0');
    expect(result.outputs['sarif-file']).toBe('');
    expect(result.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(readJsonReport(join(runner.workspace, 'out/report.json')).summary.passed).toBe(true);
    expect(result.summary).toContain('Claude Code policy check');
  });
});

describe('the annotation budget', () => {
  it('says in the summary how many findings are not shown as annotations', async () => {
    // Twelve project scopes that leave non-essential traffic on: at least twelve errors, more than GitHub shows.
    for (let i = 0; i < 12; i++) runner.writeFile(`team-${i}/.claude/settings.json`, '{\n  "env": {}\n}\n');
    const result = await runInProcess(runner, { inputs: { 'json-file': 'report.json' } });
    const report = readJsonReport(join(runner.workspace, 'report.json'));
    const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
    const hidden = ['error', 'warning', 'notice'].reduce((sum, s) => sum + Math.max(0, count(s) - 10), 0);
    expect(count('error')).toBeGreaterThan(10);
    expect(result.summary).toContain(`${hidden} findings are not shown as annotations`);
    // Errors first: the first ten annotations GitHub shows are all errors.
    expect(
      annotationLines(result.lines)
        .slice(0, 10)
        .every((line) => line.startsWith('::error ')),
    ).toBe(true);
  });
});

describe('bad inputs', () => {
  it.each([
    [{ 'fail-on': 'sometimes' }, 'fail-on must be one of error, warning, notice, never'],
    [{ policy: 'zdr,privacy' }, 'policy must be one of nonessential-traffic, zdr, hygiene'],
    [{ 'max-retention-days': 'a month' }, 'max-retention-days must be a whole number of at least 1'],
    [{ 'zdr-org-uuid': 'my-org' }, 'zdr-org-uuid must be a UUID'],
    [{ comment: 'yes please' }, 'comment must be true or false'],
    [{ annotations: 'sometimes' }, 'annotations must be true or false'],
    [{ path: 'no/such/dir' }, 'path no/such/dir does not exist in the workspace'],
  ])('%o fails the step with one ::error:: line naming the input', async (inputs, message) => {
    runner.checkout(EXAMPLES.compliant);
    const result = await runInProcess(runner, { inputs });
    expect(result.exitCode).toBe(1);
    const errors = result.lines.filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::/);
    expect(errors[0]).toContain(message);
    expect(errors[0]).not.toMatch(/\bat .*\.ts:\d+|internal error/);
    expect(result.outputs).toEqual({});
  });

  it('fails with the input named when a report file cannot be written', async () => {
    runner.checkout(EXAMPLES.compliant).writeFile('blocked', 'a file, not a directory');
    const result = await runInProcess(runner, { inputs: { 'json-file': 'blocked/report.json' } });
    expect(result.exitCode).toBe(1);
    const errors = result.lines.filter((line) => line.startsWith('::error'));
    expect(errors).toEqual([expect.stringMatching(/^::error::json-file could not be written to /)]);
  });
});

describe('the token', () => {
  it('is masked before anything else and never printed', async () => {
    const token = 'ghs_simulatedTokenValue0123456789abcdef';
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, { inputs: { 'github-token': token, 'fail-on': 'bogus' } });
    // The only line that carries it is the runner's mask command, and it comes first.
    expect(result.lines.filter((line) => line.includes(token))).toEqual([`::add-mask::${token}`]);
    expect(result.lines[0]).toBe(`::add-mask::${token}`);
    expect(existsSync(runner.summaryFile) ? runner.readSummary() : '').not.toContain(token);
  });
});

describe('the job summary budget', () => {
  it('stays under 1 MiB for tens of thousands of findings, with the annotation note', () => {
    const report = manyFindingsReport(
      20_000,
      'Claude Code still sends telemetry — error reports and /bug transcripts stay on in this scope. '.repeat(
        2,
      ),
      (i) => `t${i}`,
    );
    const note = annotationNote(report);
    expect(note).toContain('19990 findings are not shown as annotations');
    const summary = renderSummary(report, `https://github.com/${OWNER}/${REPO}/blob/${PUSH_SHA}`, note);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary).toContain(note);
    expect(summary).toMatch(/more findings not shown/);
  });
});

describe('reportForWorkspace', () => {
  const report = {
    files: ['.claude/settings.json'],
    scopes: [{ id: '.', kind: 'project', files: ['.claude/settings.json'] }],
    findings: [{ file: '.claude/settings.json' }, { file: null }],
    suppressed: [],
  } as unknown as Report;

  it('prefixes paths with the scan root relative to the workspace', () => {
    const rebased = reportForWorkspace(report, '/w', '/w/services/api');
    expect(rebased.findings.map((f) => f.file)).toEqual(['services/api/.claude/settings.json', null]);
    expect(rebased.files).toEqual(['services/api/.claude/settings.json']);
    expect(rebased.scopes[0]!.files).toEqual(['services/api/.claude/settings.json']);
  });

  it('leaves them alone for the workspace itself or a root outside it', () => {
    expect(reportForWorkspace(report, '/w', '/w')).toBe(report);
    expect(reportForWorkspace(report, '/w', '/elsewhere')).toBe(report);
  });
});
