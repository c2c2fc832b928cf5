// The action bundle as the runner runs it, built from the current source into a temp dir (scripts/build.mjs takes
// its own lock, so test files may build at once), and run as the runner runs it.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './runner.js';

const execFileAsync = promisify(execFile);

/** Build the named bundles into a new temp dir; the caller removes it. */
export async function buildBundles(names: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ccp-dist-'));
  await execFileAsync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--out', dir, ...names], {
    cwd: REPO_ROOT,
    timeout: 280_000,
  });
  return dir;
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a bundle as the runner does: a child process with the runner's variables, PATH and HOME, and nothing else. */
export function runBundle(
  binary: string,
  entry: string,
  env: Record<string, string>,
  cwd: string,
): Promise<ChildRun> {
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
