// Where a run's CPU goes, by part of the program: runs a command N times under `--cpu-prof` and sums each
// sample into the first category (leaf first) that one of its stack frames names. The benchmark says how far
// from its floor a case is; this says why. Profile a readable build, so that functions keep their names:
//
//   node scripts/build.mjs --out /tmp/readable --no-minify
//   node scripts/bench/profile.mjs [--runs 6] [--node FILE] -- /tmp/readable/cli/index.js TREE
//   node scripts/bench/profile.mjs -- scripts/bench/floor-walk.mjs TREE
//
// Times are the profiler's (a 200 µs interval adds its own overhead): compare categories within one run of this
// script, not with `npm run bench`'s wall times.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Category, and a test on one frame (`name file:line`). The first category a sample's stack meets wins. */
const CATEGORIES = [
  ['git (spawn and listing)', /^(spawn|execFile|lsFiles|listGitFiles|candidatesFromGit) /],
  ['options and config file', /^(resolveOptions|loadConfig|parseConfig|commandOptions) /],
  ['code check: names of source files', /^(visit|select|sdkDirectories) /],
  ['reads of candidates (lstat, realpath, open, read)', /^(loadCandidate|readContained) /],
  [
    'parse, validate, evaluate, report',
    /^(analyse|parseLoaded|render|renderText|scan_analyseTree|evaluate) /,
  ],
  ['walk: directory reads and name filters', /^(walk|next|list|visitEntry|mayBeCandidate|done|settle) /],
  ['floor: walk, reads, parse', /floor-(walk|git)\.mjs|candidates\.mjs/],
  [
    'program load: compile, link, module top level',
    /^(compileSourceTextModule|compileForInternalLoader|ModuleWrap|link|instantiate|requireBuiltin|__nccwpck_require__) /,
  ],
];
const V8_BUCKETS = new Set(['(garbage collector)', '(idle)', '(program)']);

function summarise(dir) {
  const totals = new Map();
  let all = 0;
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  for (const name of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      all += ms;
      let category;
      for (let at = id; at !== undefined && category === undefined; at = parents.get(at)) {
        const frame = nodes.get(at).callFrame;
        const label = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber}`;
        if (at === id && V8_BUCKETS.has(frame.functionName)) category = `V8 ${frame.functionName}`;
        else category = CATEGORIES.find(([, test]) => test.test(label))?.[0];
      }
      category ??= 'other (Node internals, event loop)';
      totals.set(category, (totals.get(category) ?? 0) + ms);
    });
  }
  const runs = files.length;
  console.log(`${(all / runs).toFixed(1).padStart(7)} ms a run in all (${runs} runs)`);
  for (const [category, ms] of [...totals].sort((a, b) => b[1] - a[1]))
    console.log(`${(ms / runs).toFixed(1).padStart(7)} ms  ${category}`);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '6' }, node: { type: 'string', default: process.execPath } },
});
if (positionals.length === 0) {
  console.error('usage: node scripts/bench/profile.mjs [--runs N] [--node FILE] -- SCRIPT ARGS…');
  process.exit(2);
}
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // adds about 80 ms to every Node start where it is set
const dir = mkdtempSync(path.join(tmpdir(), 'ccp-profile-'));
try {
  // One run first, unprofiled: it fills Node's compile cache, as a developer's second run finds it.
  spawnSync(values.node, positionals, { env, stdio: 'ignore' });
  for (let run = 0; run < Number(values.runs); run++) {
    const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '200', ...positionals];
    spawnSync(values.node, args, { env, stdio: 'ignore' });
  }
  summarise(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
