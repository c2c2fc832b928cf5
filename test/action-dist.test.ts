// The bundle as the runner runs it: `node24 dist/action/index.js` in a child process with the runner's environment
// and nothing else. The bundle is built from the current source into a temp dir (check-dist.yml proves the
// committed dist/ is that same build).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { FINGERPRINT_KEY } from '../src/report/sarif.js';
import { RULES } from '../src/rules/index.js';
import { runBundle } from './helpers/bundle.js';
import { findNode24, type Node24 } from './helpers/node24.js';
import { EXAMPLES, parseOutputFile, REPO_ROOT, SimulatedRunner, workflowCommands } from './helpers/runner.js';

const execFileAsync = promisify(execFile);

let node: Node24;
let buildDir: string;
let entry: string;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'ccp-dist-'));
  entry = join(buildDir, 'action/index.js');
  node = await findNode24();
  // The CLI bundle is also run on this Node (dist/cli below); the action's only on Node 24.
  if (node.path === undefined) console.warn(`Skipping the Node 24 bundle tests: ${node.reason}.`);
  const bundles = node.path === undefined ? ['cli'] : ['action', 'cli'];
  await execFileAsync(
    process.execPath,
    [join(REPO_ROOT, 'scripts/build.mjs'), '--out', buildDir, ...bundles],
    {
      cwd: REPO_ROOT,
      timeout: 280_000,
    },
  );
}, 300_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});

/** examples/non-compliant's findings as the Action annotates them (the same list as in action.test.ts). */
const NON_COMPLIANT = [
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
];

describe('dist/action/index.js under Node 24', () => {
  it('fails a non-compliant repository with annotations, outputs, a summary and SARIF', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const runner = new SimulatedRunner().checkout(EXAMPLES.nonCompliant);
    try {
      const env = runner.environment({
        inputs: {
          path: '.',
          annotations: 'true',
          summary: 'true',
          comment: 'true',
          'sarif-file': 'out/policy.sarif',
          'json-file': 'out/policy.json',
          'github-token': 'ghs_distTestToken',
        },
      });
      const result = await runBundle(node.path, entry, env, runner.workspace);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      // The same annotations as in-process (action.test.ts), then the one verdict.
      const commands = workflowCommands(result.stdout).filter(
        (c) => !['add-mask', 'debug'].includes(c.command),
      );
      expect(
        commands.map((c) =>
          c.properties.file === undefined
            ? `${c.command}: ${c.message}`
            : `${c.command} ${c.properties.title?.split(':')[0]} ${c.properties.file}:${c.properties.line}`,
        ),
      ).toEqual([
        ...NON_COMPLIANT,
        'error: Claude Code policy check failed: 8 findings at or above fail-on error. Each one, with its fix, is in the job summary.',
      ]);
      const outputs = parseOutputFile(readFileSync(runner.outputFile, 'utf8'));
      expect(outputs).toMatchObject({
        passed: 'false',
        errors: '8',
        warnings: '6',
        notices: '4',
        findings: '18',
      });

      const report = JSON.parse(readFileSync(join(runner.workspace, 'out/policy.json'), 'utf8')) as Report;
      expect(report.summary).toMatchObject({ errors: 8, warnings: 6, notices: 4, passed: false });
      const summary = readFileSync(runner.summaryFile, 'utf8');
      for (const ruleId of new Set(report.findings.map((f) => f.ruleId))) expect(summary).toContain(ruleId);

      const sarif = JSON.parse(readFileSync(join(runner.workspace, 'out/policy.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
        RULES.map((r) => r.id),
      );
      expect(
        sarif.runs[0].results.map(
          (r: {
            ruleId: string;
            locations: {
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }[];
          }) =>
            `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
        ),
      ).toEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`));
      const fingerprints = sarif.runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY],
      );
      for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
      expect(new Set(fingerprints).size).toBe(18);

      expect(result.stdout.split('\n').filter((line) => line.includes('ghs_distTestToken'))).toEqual([
        '::add-mask::ghs_distTestToken',
      ]);
    } finally {
      runner.remove();
    }
  });

  it('passes a compliant repository', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const runner = new SimulatedRunner().checkout(EXAMPLES.compliant);
    try {
      const result = await runBundle(node.path, entry, runner.environment({}), runner.workspace);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(parseOutputFile(readFileSync(runner.outputFile, 'utf8'))).toMatchObject({
        passed: 'true',
        findings: '0',
      });
      expect(workflowCommands(result.stdout).filter((c) => c.command !== 'debug')).toEqual([]);
    } finally {
      runner.remove();
    }
  });

  it('reports a bad input on one line and exits 1', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const runner = new SimulatedRunner().checkout(EXAMPLES.compliant);
    try {
      const result = await runBundle(
        node.path,
        entry,
        runner.environment({ inputs: { 'fail-on': 'often' } }),
        runner.workspace,
      );
      expect(result.code).toBe(1);
      expect(workflowCommands(result.stdout).map((c) => `${c.command}: ${c.message}`)).toEqual([
        'error: fail-on must be one of error, warning, notice, never',
      ]);
    } finally {
      runner.remove();
    }
  });
});

describe('dist/cli/index.js', () => {
  it('loads the yaml package for a workflow, in a process of its own', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ccp-dist-workflow-'));
    try {
      mkdirSync(join(repo, '.github/workflows'), { recursive: true });
      writeFileSync(
        join(repo, '.github/workflows/claude.yml'),
        [
          'on: push',
          'jobs:',
          '  review:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '',
        ].join('\n'),
      );
      const cli = join(buildDir, 'cli/index.js');
      const result = await execFileAsync(process.execPath, [
        cli,
        repo,
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      const report = JSON.parse(result.stdout) as Report;
      expect(result.stderr).toBe('');
      expect(report.scopes.map((s) => s.kind)).toEqual(['workflow']);
      expect(report.findings.filter((f) => f.ruleId === 'NET001').map((f) => [f.file, f.line])).toEqual([
        ['.github/workflows/claude.yml', 6],
      ]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  // The entry is a few kilobytes; the program is in chunk files beside it, imported once git has started.
  async function scanExample(binary: string) {
    const cli = join(buildDir, 'cli/index.js');
    const run = await execFileAsync(binary, [cli, EXAMPLES.nonCompliant, '--format', 'json'], {
      cwd: REPO_ROOT,
    }).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );
    return { ...run, report: JSON.parse(run.stdout) as Report };
  }

  it('loads its chunks and fails the non-compliant example on Node 20 and Node 24', async () => {
    const binaries = [process.execPath, ...(node.path === undefined ? [] : [node.path])];
    if (node.path === undefined) console.warn(`Node 24 part skipped: ${node.reason}`);
    const chunks = readdirSync(join(buildDir, 'cli')).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    expect(statSync(join(buildDir, 'cli/index.js')).size).toBeLessThan(16 * 1024);
    for (const binary of binaries) {
      const result = await scanExample(binary);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.report.findings.filter((f) => f.ruleId === 'NET001').length).toBeGreaterThan(0);
    }
  });
});
