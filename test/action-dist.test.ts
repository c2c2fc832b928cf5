// The bundle as the runner runs it: `node24 dist/action/index.js` in a child process with the runner's environment
// and nothing else. The bundle is built from the current source into a temp dir (check-dist.yml proves the
// committed dist/ is that same build).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { FINGERPRINT_KEY } from '../src/report/sarif.js';
import { findNode24, type Node24 } from './helpers/node24.js';
import { EXAMPLES, parseOutputFile, REPO_ROOT, SimulatedRunner } from './helpers/runner.js';

const execFileAsync = promisify(execFile);

let node: Node24;
let buildDir: string;
let entry: string;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'ccp-dist-'));
  const [found] = await Promise.all([
    findNode24(),
    execFileAsync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--out', buildDir, 'action'], {
      cwd: REPO_ROOT,
      timeout: 280_000,
    }),
  ]);
  node = found;
  entry = join(buildDir, 'action/index.js');
  if (node.path === undefined) console.warn(`Skipping the Node 24 bundle tests: ${node.reason}`);
}, 300_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBundle(binary: string, env: Record<string, string>, cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    // Only what a runner gives a step: PATH for git, HOME, and the runner's variables.
    const child = spawn(binary, [entry], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
      const result = await runBundle(node.path, env, runner.workspace);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^::error file=[^,\n]+,line=\d+/m);
      const outputs = parseOutputFile(readFileSync(runner.outputFile, 'utf8'));
      expect(outputs.passed).toBe('false');

      const report = JSON.parse(readFileSync(join(runner.workspace, 'out/policy.json'), 'utf8')) as Report;
      expect(outputs.errors).toBe(String(report.summary.errors));
      const summary = readFileSync(runner.summaryFile, 'utf8');
      for (const ruleId of new Set(report.findings.map((f) => f.ruleId))) expect(summary).toContain(ruleId);

      const sarif = JSON.parse(readFileSync(join(runner.workspace, 'out/policy.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThan(0);
      expect(sarif.runs[0].results.length).toBe(report.findings.length);
      for (const r of sarif.runs[0].results) expect(r.partialFingerprints[FINGERPRINT_KEY]).toBeTruthy();

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
      const result = await runBundle(node.path, runner.environment({}), runner.workspace);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(parseOutputFile(readFileSync(runner.outputFile, 'utf8')).passed).toBe('true');
      expect(result.stdout).not.toMatch(/^::error/m);
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
        runner.environment({ inputs: { 'fail-on': 'often' } }),
        runner.workspace,
      );
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
        '::error::fail-on must be one of error, warning, notice, never',
      ]);
    } finally {
      runner.remove();
    }
  });
});
