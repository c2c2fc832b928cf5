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
import type { Finding, Report } from '../src/model.js';
import { RULES } from '../src/rules/index.js';
import { FINGERPRINT_KEY } from '../src/report/sarif.js';
import {
  type ActionRun,
  EXAMPLES,
  OWNER,
  PUSH_SHA,
  REPO,
  runInProcess,
  SimulatedRunner,
} from './helpers/runner.js';
import { manyFindingsReport } from './helpers/report.js';

let runner: SimulatedRunner;
beforeEach(() => {
  runner = new SimulatedRunner();
});
afterEach(() => {
  runner.remove();
});

/** The annotations the runner reads from a step's output (commands with a file), as `severity rule file:line`. */
function annotations(result: ActionRun): string[] {
  return result.commands
    .filter((c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file !== undefined)
    .map(
      (c) => `${c.command} ${c.properties.title?.split(':')[0]} ${c.properties.file}:${c.properties.line}`,
    );
}

/** Commands with no file, debug lines left out: the verdict, and warnings about the run itself. */
function plainCommands(result: ActionRun): string[] {
  return result.commands
    .filter((c) => !['add-mask', 'debug'].includes(c.command) && c.properties.file === undefined)
    .map((c) => `${c.command}: ${c.message}`);
}

/** The findings the text report lists in the log, as `severity rule file:line`. */
function loggedFindings(result: ActionRun): string[] {
  const found: string[] = [];
  let file = '';
  for (const line of result.lines) {
    const finding = /^ {2}(\d+):\d+ +(error|warning|notice) +(\w+) /.exec(line);
    if (finding) found.push(`${finding[2]} ${finding[3]} ${file}:${finding[1]}`);
    else if (/^[^\s:✖]/.test(line) && !line.startsWith('Scanned ')) file = line;
  }
  return found;
}

/** Every finding of examples/non-compliant as the Action annotates it: errors, then warnings, then notices. */
const NON_COMPLIANT_ANNOTATIONS = (prefix = '') =>
  [
    'error ZDR002 .claude/settings.json:5',
    'error ZDR003 .claude/settings.json:6',
    'error NET001 .claude/settings.local.json:3',
    'error SEC001 .env:2',
    'error ZDR001 .env:3',
    'error NET001 it-policy/managed-settings.json:2',
    'error CFG002 it-policy/managed-settings.json:3',
    'error ZDR005 it-policy/managed-settings.json:5',
    'warning NET003 .claude/settings.json:4',
    'warning ZDR006 .claude/settings.json:7',
    'warning ZDR007 .claude/settings.json:9',
    'warning CFG003 .claude/settings.json:10',
    'warning CFG006 .claude/settings.local.json:1',
    'warning CFG005 .env:4',
    'notice NET005 .claude/settings.json:1',
    'notice ZDR008 .claude/settings.json:11',
    'notice ZDR008 .mcp.json:2',
    'notice NET005 it-policy/managed-settings.json:1',
  ].map((line) => line.replace(/ (?=[^ ]+$)/, ` ${prefix}`));

const FAILED =
  'error: Claude Code policy check failed: 8 findings at or above fail-on error. Each one, with its fix, is in the job summary.';

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
    expect(report.summary).toMatchObject({ errors: 8, warnings: 6, notices: 4, passed: false });

    // One annotation per finding, on its file and line, errors before warnings before notices; then one verdict.
    expect(annotations(result)).toEqual(NON_COMPLIANT_ANNOTATIONS());
    expect(plainCommands(result)).toEqual([FAILED]);
    const last = result.commands.at(-1)!;
    expect(`${last.command}: ${last.message}`).toBe(FAILED);

    // The summary names each rule and links each location to the pushed commit.
    for (const ruleId of new Set(report.findings.map((f) => f.ruleId)))
      expect(result.summary).toContain(ruleId);
    expect(result.summary).toContain(`https://github.com/${OWNER}/${REPO}/blob/${PUSH_SHA}/`);
    expect(result.summary).toContain('Failed');

    // SARIF 2.1.0 with the rules and a fingerprint on every result.
    const sarif = JSON.parse(readFileSync(join(runner.workspace, 'reports/policy.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(
      run.results.map(
        (r: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) =>
          `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
      ),
    ).toEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`));
    const fingerprints = run.results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('passes with fail-on never and still reports every finding', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, { inputs: { 'fail-on': 'never' } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(result.outputs.findings).toBe('18');
    expect(annotations(result)).toEqual(NON_COMPLIANT_ANNOTATIONS());
    expect(plainCommands(result)).toEqual([]);
  });

  it('points annotations, links and SARIF at the workspace path when path is a subdirectory', async () => {
    runner.checkout(EXAMPLES.nonCompliant, 'services/api');
    const result = await runInProcess(runner, {
      inputs: { path: 'services/api', 'sarif-file': 'policy.sarif', 'json-file': 'policy.json' },
    });
    expect(result.outputs.passed).toBe('false');
    expect(annotations(result)).toEqual(NON_COMPLIANT_ANNOTATIONS('services/api/'));
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
    expect(annotations(result)).toEqual([]);
    expect(result.summary).toBe('');
    // The log still lists each finding, as the text report, which the runner reads as no command.
    expect(plainCommands(result)).toEqual([FAILED]);
    expect(loggedFindings(result).sort()).toEqual(NON_COMPLIANT_ANNOTATIONS().sort());
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
    expect(annotations(result)).toEqual([]);
    expect(plainCommands(result)).toEqual([]);
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
    // Per scope one NET001 (error): it names update checks and surveys too, and login pinning is a report note;
    // and one NET005 (notice): the umbrella does not stop the WebFetch preflight.
    expect(report.summary).toMatchObject({ errors: 12, warnings: 0, notices: 12 });
    // GitHub shows 10 of each severity: 2 errors and 2 notices are left out.
    expect(result.summary).toContain('4 findings are not shown as annotations');
    // Errors first: the first ten annotations GitHub shows are all errors.
    expect(
      annotations(result)
        .slice(0, 12)
        .map((line) => line.split(' ').slice(0, 2).join(' ')),
    ).toEqual(Array.from({ length: 12 }, () => 'error NET001'));
  });
});

describe('bad inputs', () => {
  it.each([
    [{ 'fail-on': 'sometimes' }, 'fail-on must be one of error, warning, notice, never'],
    [{ policy: 'zdr,privacy' }, 'policy must be one of nonessential-traffic, zdr, hygiene'],
    [{ 'max-retention-days': 'a month' }, 'max-retention-days must be a whole number of at least 1'],
    [{ 'zdr-org-uuid': 'my-org' }, 'zdr-org-uuid must be a UUID'],
    [
      { 'min-claude-code-version': 'latest' },
      'min-claude-code-version must be a Claude Code version such as 2.1.282',
    ],
    [{ comment: 'yes please' }, 'comment must be true or false'],
    [{ annotations: 'sometimes' }, 'annotations must be true or false'],
    [{ path: 'no/such/dir' }, 'path no/such/dir does not exist in the workspace (<workspace>)'],
  ])('%o fails the step with one ::error:: line naming the input', async (inputs, message) => {
    runner.checkout(EXAMPLES.compliant);
    const result = await runInProcess(runner, { inputs });
    expect(result.exitCode).toBe(1);
    expect(plainCommands(result)).toEqual([`error: ${message.replace('<workspace>', runner.workspace)}`]);
    expect(annotations(result)).toEqual([]);
    expect(result.outputs).toEqual({});
  });

  it('fails with the input named when a report file cannot be written', async () => {
    runner.checkout(EXAMPLES.compliant).writeFile('blocked', 'a file, not a directory');
    const result = await runInProcess(runner, { inputs: { 'json-file': 'blocked/report.json' } });
    expect(result.exitCode).toBe(1);
    expect(plainCommands(result)).toEqual([
      `error: json-file could not be written to ${join(runner.workspace, 'blocked/report.json')}: "blocked" is not a folder`,
    ]);
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
    // The workspace's own parent, and a folder beside it whose name starts with two dots.
    expect(reportForWorkspace(report, '/w/a', '/w')).toBe(report);
    expect(reportForWorkspace(report, '/w', '/w/..x').files).toEqual(['..x/.claude/settings.json']);
  });
});

describe('the require input', () => {
  it('project-settings: a repository without a shared .claude/settings.json fails with an error at its line 1', async () => {
    runner.writeFile(
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n',
    );
    const without = await runInProcess(runner, { inputs: { 'json-file': 'without.json' } });
    expect(without.exitCode).toBe(0);
    expect(readJsonReport(join(runner.workspace, 'without.json')).notes[0]).toMatch(
      /^No Claude Code configuration found under /,
    );

    const required = await runInProcess(runner, {
      inputs: { require: 'project-settings', policy: 'nonessential-traffic', 'json-file': 'with.json' },
    });
    expect(required.exitCode).toBe(1);
    const report = readJsonReport(join(runner.workspace, 'with.json'));
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.severity])).toEqual([
      ['NET001', '.claude/settings.json', 1, 'error'],
      ['NET005', '.claude/settings.json', 1, 'notice'],
    ]);
  });
});
