// Shared test helpers: temporary repositories, and the CLI run in-process with captured output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/main.js';

/**
 * Returns `tree(files)`, which makes a temporary repository holding `files` (path → text); every tree is removed
 * after each test of the calling file.
 */
export function useTempTrees(prefix = 'ccp-'): (files?: Record<string, string>) => string {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (files = {}) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
}

/** Runs the CLI as `claude-code-policy argv…` in `cwd`, off a terminal. */
export async function runCli(argv: string[], cwd: string, now?: Date) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    isTty: false,
    env: {},
    ...(now !== undefined ? { now } : {}),
  });
  return { code, stdout, stderr };
}
