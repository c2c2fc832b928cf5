#!/usr/bin/env node
// `npm run bench`: times the built CLI (dist/cli/index.js) on a generated 100,000-file monorepo against `find` and
// `git ls-files`, and on inputs built to be slow to parse against time budgets, and checks every CLI run's answer,
// so that a fast wrong answer fails (exit 1).
//
// The tree is generated once and cached under the OS temp dir, keyed by GENERATOR_VERSION (bump it when the tree
// changes). Commands run interleaved (one of each per round, after a discarded warm-up round) and the table shows
// medians. Peak RSS is the child's own, from `/usr/bin/time -f %M`; without it, node children report
// `process.resourceUsage().maxRSS` from a preloaded module and other commands show no RSS.
//
//   node scripts/bench.mjs [--runs N] [--regenerate] [--cli FILE] [--baseline FILE]
//
// --cli times another build than dist/cli/index.js; --baseline adds a second build's runs to the same rounds, so
// that a before/after comparison is not skewed by the machine's load drifting between two separate runs.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const GENERATOR_VERSION = 2;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const CACHE = path.join(os.tmpdir(), `claude-code-policy-bench-v${GENERATOR_VERSION}`);
const REPO = path.join(CACHE, 'monorepo');
const PLAIN = path.join(CACHE, 'monorepo-without-git');
const ONE = path.join(CACHE, 'one-file');
const READY = path.join(CACHE, 'READY');
// The code check's case (issue 12): its own small tree and cache, so that changing it never regenerates the big one.
const SDK_GENERATOR_VERSION = 1;
const SDK_REPO = path.join(os.tmpdir(), `claude-code-policy-bench-sdk-v${SDK_GENERATOR_VERSION}`);
const SDK_PACKAGES = 50;
const SDK_SOURCES_PER_PACKAGE = 100;

const PROJECTS = 50;
const MODULES_PER_PROJECT = 100;
const SOURCES_PER_MODULE = 16;
const DEPENDENCIES = 500;
const FILES_PER_DEPENDENCY = 40;
const DECOYS = 50;

const COMPLIANT = `${JSON.stringify(
  { env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, permissions: { allow: ['Bash(npm test)'] } },
  null,
  2,
)}\n`;
const NON_COMPLIANT = `${JSON.stringify(
  { env: { NODE_ENV: 'development' }, permissions: { allow: ['Bash(npm test)'] } },
  null,
  2,
)}\n`;

/**
 * Writes the monorepo under `dir`; returns the number of files. Files whose content repeats (the sources and
 * node_modules' lib files) are hard links to one template each, kept in `templates` (a directory outside the
 * tree): they are regular files to git, find and the CLI, but cost a directory entry instead of a data block,
 * which on a busy virtual disk makes generation many times faster.
 */
function generateTree(dir, templates) {
  const made = new Set();
  let count = 0;
  const place = (relative) => {
    const target = path.join(dir, relative);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    count++;
    return target;
  };
  const write = (relative, content) => writeFileSync(place(relative), content);
  const link = (relative, content) => {
    let template = templates.files.get(content);
    if (template === undefined) {
      template = path.join(templates.dir, String(templates.files.size));
      mkdirSync(templates.dir, { recursive: true });
      writeFileSync(template, content);
      templates.files.set(content, template);
    }
    linkSync(template, place(relative));
  };
  // node_modules is ignored, as in any JavaScript monorepo; the walk skips it by name as well.
  write('.gitignore', 'node_modules/\n*.log\n/coverage/\n');
  for (let p = 0; p < PROJECTS; p++) {
    write(`pkg-${p}/.claude/settings.json`, p % 2 === 0 ? COMPLIANT : NON_COMPLIANT);
    write(`pkg-${p}/.env`, `# local development defaults\nNODE_ENV=development\nPORT=${3000 + p}\n`);
    for (let m = 0; m < MODULES_PER_PROJECT; m++) {
      for (let f = 0; f < SOURCES_PER_MODULE; f++) {
        link(
          `pkg-${p}/src/mod-${m}/file-${f}.ts`,
          `export function f${f}(x: number): number {\n  return x + ${f};\n}\n`,
        );
      }
    }
  }
  for (let d = 0; d < DEPENDENCIES; d++) {
    write(`node_modules/dep-${d}/package.json`, `{"name":"dep-${d}","version":"1.0.0"}\n`);
    let files = FILES_PER_DEPENDENCY - 1;
    if (d < DECOYS) {
      // Decoys: non-compliant project settings that must not count.
      write(`node_modules/dep-${d}/.claude/settings.json`, NON_COMPLIANT);
      files--;
    }
    for (let f = 0; f < files; f++) link(`node_modules/dep-${d}/lib/f${f}.js`, `module.exports = ${f};\n`);
  }
  return count;
}

function git(cwd, ...args) {
  execFileSync(
    'git',
    [
      '-c',
      'user.email=bench@example.com',
      '-c',
      'user.name=bench',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 },
  );
}

/**
 * Builds the trees in a fresh directory and swaps it in; returns the old cache's new name, to delete once the
 * timing is over (on this file system, writing 100,000 files right after deleting as many is several times
 * slower, and the deletion would run under the benchmark).
 */
function generate() {
  const started = Date.now();
  process.stderr.write(`generating the benchmark trees under ${CACHE} (once) … `);
  // Leftovers of an interrupted generation go first.
  for (const name of readdirSync(path.dirname(CACHE))) {
    if (
      name.startsWith(`${path.basename(CACHE)}-partial-`) ||
      name.startsWith(`${path.basename(CACHE)}-old-`)
    ) {
      rmSync(path.join(path.dirname(CACHE), name), { recursive: true, force: true });
    }
  }
  const fresh = `${CACHE}-partial-${process.pid}`;
  const at = (tree) => path.join(fresh, path.relative(CACHE, tree));
  const templates = { dir: path.join(fresh, 'templates'), files: new Map() };
  const files = generateTree(at(REPO), templates);
  git(at(REPO), 'init', '-q');
  git(at(REPO), 'add', '-A');
  git(at(REPO), 'commit', '-q', '-m', 'benchmark tree');
  generateTree(at(PLAIN), templates);
  mkdirSync(path.join(at(ONE), '.claude'), { recursive: true });
  writeFileSync(path.join(at(ONE), '.claude', 'settings.json'), COMPLIANT);
  git(at(ONE), 'init', '-q');
  git(at(ONE), 'add', '-A');
  git(at(ONE), 'commit', '-q', '-m', 'one file');
  writeFileSync(at(READY), `${GENERATOR_VERSION} ${files}\n`);
  let old;
  if (existsSync(CACHE)) {
    old = `${CACHE}-old-${process.pid}`;
    renameSync(CACHE, old);
  }
  renameSync(fresh, CACHE);
  process.stderr.write(
    `${files.toLocaleString('en')} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return old;
}

/**
 * 50 packages that declare @anthropic-ai/sdk, each with 100 TypeScript modules that call the Messages API and one
 * that submits a Message Batch (ZDR010): every source file is read and parsed under `--code auto`.
 */
function generateSdkTree() {
  if (existsSync(path.join(SDK_REPO, 'READY'))) return;
  rmSync(SDK_REPO, { recursive: true, force: true });
  const fresh = `${SDK_REPO}-partial-${process.pid}`;
  const manifest = (p) =>
    `${JSON.stringify({ name: `pkg-${p}`, private: true, dependencies: { '@anthropic-ai/sdk': '^0.120.0' } }, null, 2)}\n`;
  const module = (p, f) =>
    [
      "import Anthropic from '@anthropic-ai/sdk';",
      '',
      'const client = new Anthropic();',
      '',
      `export async function answer${f}(question: string): Promise<string> {`,
      '  // Synchronous Messages calls are covered by ZDR.',
      '  const response = await client.messages.create({',
      "    model: 'claude-sonnet-4-5',",
      '    max_tokens: 1024,',
      "    messages: [{ role: 'user', content: question }],",
      '  });',
      "  return response.content.map((block) => (block.type === 'text' ? block.text : '')).join('');",
      '}',
      f === 0
        ? `export const nightly = (requests: Anthropic.Messages.BatchCreateParams['requests']) =>\n  client.messages.batches.create({ requests });`
        : '',
      '',
    ].join('\n');
  for (let p = 0; p < SDK_PACKAGES; p++) {
    mkdirSync(path.join(fresh, `pkg-${p}`, 'src'), { recursive: true });
    mkdirSync(path.join(fresh, `pkg-${p}`, '.claude'), { recursive: true });
    writeFileSync(path.join(fresh, `pkg-${p}`, 'package.json'), manifest(p));
    writeFileSync(path.join(fresh, `pkg-${p}`, '.claude', 'settings.json'), COMPLIANT);
    for (let f = 0; f < SDK_SOURCES_PER_PACKAGE; f++) {
      writeFileSync(path.join(fresh, `pkg-${p}`, 'src', `mod-${f}.ts`), module(p, f));
    }
  }
  git(fresh, 'init', '-q');
  git(fresh, 'add', '-A');
  git(fresh, 'commit', '-q', '-m', 'sdk tree');
  writeFileSync(path.join(fresh, 'READY'), `${SDK_GENERATOR_VERSION}\n`);
  renameSync(fresh, SDK_REPO);
}

function checkSdkReport(report) {
  const problems = [];
  const batches = report.findings.filter((f) => f.ruleId === 'ZDR010');
  if (batches.length !== SDK_PACKAGES)
    problems.push(`${batches.length} ZDR010 findings, expected ${SDK_PACKAGES}`);
  const wrong = batches.find((f) => !/^pkg-\d+\/src\/mod-0\.ts$/.test(f.file) || f.line !== 15);
  if (wrong !== undefined) problems.push(`ZDR010 at ${wrong.file}:${wrong.line}`);
  const others = report.findings.filter((f) => /^ZDR0[12]\d$/.test(f.ruleId) && f.ruleId !== 'ZDR010');
  if (others.length > 0)
    problems.push(`unexpected ${others[0].ruleId} at ${others[0].file}:${others[0].line}`);
  const expected = SDK_PACKAGES * (SDK_SOURCES_PER_PACKAGE + 1);
  if (report.summary.files !== expected)
    problems.push(`${report.summary.files} files read, expected ${expected}`);
  return problems;
}

/** How a child's peak RSS is measured: GNU time when it works, else a preload for node children only. */
function rssProbe() {
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr)) return 'time';
  return 'preload';
}

const WORK = mkdtempSync(path.join(os.tmpdir(), 'claude-code-policy-bench-run-'));
const RSS_FILE = path.join(WORK, 'rss');
const PRELOAD = path.join(WORK, 'rss-preload.mjs');
writeFileSync(
  PRELOAD,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

/** Runs one command; returns wall ms (spawn to exit), peak RSS in KiB (or undefined) and the exit status. */
function timed(method, command, args, cwd, devNull) {
  rmSync(RSS_FILE, { force: true });
  let file = command;
  let argv = args;
  if (method === 'time') {
    file = '/usr/bin/time';
    argv = ['-f', '%M', '-o', RSS_FILE, command, ...args];
  } else if (command === process.execPath) {
    argv = ['--import', PRELOAD, ...args];
  }
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    cwd,
    stdio: ['ignore', devNull, 'pipe'],
    env: { ...process.env, BENCH_RSS_FILE: RSS_FILE },
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let rssKib;
  if (existsSync(RSS_FILE)) {
    // GNU time puts "Command exited with non-zero status N" before the figure.
    const last = readFileSync(RSS_FILE, 'utf8').trim().split('\n').pop();
    if (/^\d+$/.test(last ?? '')) rssKib = Number(last);
  }
  return { ms, rssKib, status: result.status, stderr: result.stderr.toString('utf8') };
}

/** What a CLI report on the monorepo must say; returns the problems found (empty when right). */
function checkMonorepoReport(report) {
  const problems = [];
  const projectIds = new Set(Array.from({ length: PROJECTS }, (_, p) => `pkg-${p}`));
  if (report.scopes.length !== PROJECTS)
    problems.push(`${report.scopes.length} scopes, expected ${PROJECTS}`);
  for (const scope of report.scopes) {
    if (scope.kind !== 'project' || !projectIds.has(scope.id)) {
      problems.push(`unexpected scope ${scope.kind} ${scope.id}`);
    }
  }
  const net001 = report.findings.filter((f) => f.ruleId === 'NET001');
  if (net001.length !== PROJECTS / 2)
    problems.push(`${net001.length} NET001 findings, expected ${PROJECTS / 2}`);
  const wrongScope = net001.filter((f) => Number(/^pkg-(\d+)$/.exec(f.scope)?.[1] ?? 0) % 2 !== 1);
  if (wrongScope.length > 0) problems.push(`NET001 on a compliant scope: ${wrongScope[0].scope}`);
  // 50 settings files and 50 env files, and nothing from node_modules.
  if (report.summary.files !== 2 * PROJECTS) {
    problems.push(`${report.summary.files} files read, expected ${2 * PROJECTS}`);
  }
  const leaked = [...report.files, ...report.findings.map((f) => f.file ?? '')].find((f) =>
    f.includes('node_modules'),
  );
  if (leaked !== undefined) problems.push(`read ${leaked}`);
  return problems;
}

function checkOneFileReport(report) {
  const problems = [];
  if (report.scopes.length !== 1) problems.push(`${report.scopes.length} scopes, expected 1`);
  if (report.findings.some((f) => f.ruleId === 'NET001')) problems.push('NET001 on a compliant scope');
  if (report.summary.files !== 1) problems.push(`${report.summary.files} files read, expected 1`);
  return problems;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^git version /, '');
  return `${os.availableParallelism()} × ${model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, git ${gitVersion}`;
}

/** The four CLI runs on one build; `tag` tells two builds apart (see --baseline). */
function cliCases(cliPath, tag) {
  const out = (name) => path.join(WORK, `${tag}-${name}.json`);
  const cli = (name, tree, exit, check, ...extra) => ({
    exit,
    check,
    command: process.execPath,
    args: [cliPath, tree, '--format', 'json', '--output', out(name), ...extra],
    cwd: ROOT,
    report: out(name),
  });
  const prefix = tag === 'cli' ? 'CLI' : 'baseline CLI';
  return [
    {
      key: `${tag}:git`,
      label: `${prefix}, git work tree (.gitignore respected)`,
      against: 'find',
      ...cli('git', REPO, 1, checkMonorepoReport),
    },
    {
      key: `${tag}:walkGit`,
      label: `${prefix} --no-gitignore (walk), same tree`,
      against: 'find',
      ...cli('walk', REPO, 1, checkMonorepoReport, '--no-gitignore'),
    },
    {
      key: `${tag}:plain`,
      label: `${prefix}, copy without .git (walk)`,
      against: 'findPlain',
      ...cli('plain', PLAIN, 1, checkMonorepoReport),
    },
    {
      key: `${tag}:sdk`,
      label: `${prefix}, ${SDK_PACKAGES} packages using the SDK (code check)`,
      against: 'node',
      ...cli('sdk', SDK_REPO, 1, checkSdkReport),
    },
    {
      key: `${tag}:one`,
      label: `${prefix}, one-file repository`,
      against: 'node',
      ...cli('one', ONE, 0, checkOneFileReport),
    },
  ];
}

/**
 * Inputs built to be slow to parse, one file each, made afresh in WORK for every run. Their time limits (`budget`,
 * in ms for the whole CLI run) used to sit inside unit tests, where a loaded machine made them fail at random; the
 * tests keep checking what these parse to, and here each answer is checked too: a line at the end of every env file
 * must still be found at its line number.
 */
function hostileCases(cliPath) {
  const made = (name, file, text) => {
    const root = path.join(WORK, 'hostile', name);
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    return root;
  };
  const LAST = 'DISABLE_TELEMETRY=0\n';
  const findings = (report) => report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
  const exactly =
    (...expected) =>
    (report) => {
      const actual = findings(report);
      return actual.length === expected.length && actual.every((f, i) => f === expected[i])
        ? []
        : [
            `found ${actual.slice(0, 5).join(', ') || 'nothing'}${actual.length > 5 ? ', …' : ''}; expected ${expected.join(', ')}`,
          ];
    };
  const manyLines = [];
  for (let i = 0; i < 200_000; i++)
    manyLines.push(i % 2 === 0 ? `VAR_${i}="value ${i}" # c${i}` : `export V${i}=x`);
  const big = 'x'.repeat(20 * 1024 * 1024);
  const anchors = ['x0: &a0 { K: "1" }'];
  for (let i = 1; i <= 20; i++)
    anchors.push(`x${i}: &a${i} { <<: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}] }`);
  const cases = [
    {
      name: 'env-200k-lines',
      label: '.env of 200,000 lines',
      budget: 2000,
      root: made('env-200k-lines', '.env', `${manyLines.join('\n')}\n${LAST}`),
      check: exactly('NET003 .env:200001'),
    },
    {
      name: 'env-300k-broken-lines',
      label: '.env of 300,000 unparseable lines (CFG005 off)',
      budget: 2000,
      root: made(
        'env-300k-broken-lines',
        '.env',
        `${'A="x\n'.repeat(100_000)}${"B='y\n".repeat(100_000)}${'garbage line\n'.repeat(100_000)}${LAST}`,
      ),
      // 300,000 CFG005 warnings would time the JSON report, not the parser.
      extra: ['--policy', 'nonessential-traffic'],
      check: exactly('NET003 .env:300001'),
    },
    {
      name: 'env-nested-quotes',
      label: '.env, one quote around 100,000 openings of another',
      budget: 2000,
      root: made('env-nested-quotes', '.env', `A="${"\nB='x".repeat(100_000)}\n"\n${LAST}`),
      check: exactly('NET003 .env:100003'),
    },
    {
      name: 'env-20mb-values',
      label: '.env with two 20 MB values',
      budget: 3000,
      root: made('env-20mb-values', '.env', `BIG=${big}\nNEXT="${big}" # end\n${LAST}`),
      extra: ['--max-file-size', String(64 * 1024 * 1024)],
      check: exactly('NET003 .env:3'),
    },
    {
      name: 'settings-20k-bad-rules',
      label: 'settings with 20,000 malformed permission rules',
      budget: 10_000,
      root: made(
        'settings-20k-bad-rules',
        '.claude/settings.json',
        JSON.stringify({ permissions: { deny: Array.from({ length: 20_000 }, () => 'Bash()') } }),
      ),
      extra: ['--policy', 'hygiene'],
      exit: 1,
      check: (report) => {
        const count = report.findings.filter((f) => f.ruleId === 'CFG002').length;
        return count === 20_000 ? [] : [`${count} CFG002 findings, expected 20000`];
      },
    },
    {
      name: 'workflow-merge-keys',
      label: 'workflow whose merge keys repeat an anchor 4^20 times',
      budget: 2000,
      root: made(
        'workflow-merge-keys',
        '.github/workflows/claude.yml',
        [
          'on: push',
          ...anchors,
          'jobs:',
          '  a:',
          '    env: *a20',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '',
        ].join('\n'),
      ),
      extra: ['--policy', 'nonessential-traffic'],
      exit: 1,
      check: exactly(
        'NET001 .github/workflows/claude.yml:27',
        'NET002 .github/workflows/claude.yml:27',
        'NET004 .github/workflows/claude.yml:27',
      ),
    },
  ];
  return cases.map((c) => {
    const report = path.join(WORK, `hostile-${c.name}.json`);
    return {
      key: `hostile:${c.name}`,
      label: `CLI, ${c.label}`,
      budget: c.budget,
      exit: c.exit ?? 0,
      check: c.check,
      command: process.execPath,
      args: [cliPath, c.root, '--no-gitignore', '--format', 'json', '--output', report, ...(c.extra ?? [])],
      cwd: ROOT,
      report,
    };
  });
}

function findCase(key, label, tree) {
  const args = [tree, '-name', '.git', '-prune', '-o', '-type', 'f', '-print'];
  return { key, label, command: 'find', args, cwd: ROOT };
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '9' },
      regenerate: { type: 'boolean', default: false },
      cli: { type: 'string', default: BUILT_CLI },
      baseline: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');
  const cliPath = path.resolve(values.cli);
  const baselinePath = values.baseline === undefined ? undefined : path.resolve(values.baseline);
  for (const file of [cliPath, baselinePath]) {
    if (file !== undefined && !existsSync(file)) {
      console.error(`bench: ${path.relative(process.cwd(), file)} is missing; run \`npm run build\` first`);
      return 2;
    }
  }
  if (cliPath === BUILT_CLI && newestSource(path.join(ROOT, 'src')) > statSync(cliPath).mtimeMs) {
    console.error(
      'bench: warning: src/ is newer than dist/cli/index.js; the figures are for the older build',
    );
  }
  const ready = existsSync(READY) && readFileSync(READY, 'utf8').startsWith(`${GENERATOR_VERSION} `);
  const stale = values.regenerate || !ready ? generate() : undefined;
  const fileCount = Number(readFileSync(READY, 'utf8').split(' ')[1]);
  generateSdkTree();

  const method = rssProbe();
  const cases = [
    ...cliCases(cliPath, 'cli'),
    ...(baselinePath === undefined ? [] : cliCases(baselinePath, 'baseline')),
    ...hostileCases(cliPath),
    findCase('find', 'find <tree> -name .git -prune -o -type f -print', REPO),
    findCase('findPlain', 'find on the copy without .git', PLAIN),
    { key: 'ls', label: 'git ls-files', command: 'git', args: ['ls-files'], cwd: REPO },
    {
      key: 'lsAll',
      label: 'git ls-files -z --cached --others --exclude-standard',
      command: 'git',
      args: ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      cwd: REPO,
    },
    { key: 'node', label: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: ROOT },
  ];

  const devNull = openSync('/dev/null', 'w');
  const samples = new Map(cases.map((c) => [c.key, { ms: [], rss: [] }]));
  const failures = [];
  let verified = 0;
  for (let round = 0; round <= runs; round++) {
    for (const c of cases) {
      if (c.report !== undefined) rmSync(c.report, { force: true });
      const result = timed(method, c.command, c.args, c.cwd, devNull);
      if (c.check !== undefined) {
        let problems;
        if (result.status !== 0 && result.status !== 1) {
          problems = [`exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`];
        } else {
          problems = c.check(JSON.parse(readFileSync(c.report, 'utf8')));
          if (result.status !== c.exit) problems.push(`exit ${result.status}, expected ${c.exit}`);
        }
        if (problems.length > 0) failures.push(`${c.label}: ${problems.join('; ')}`);
        else verified++;
      } else if (result.status !== 0) {
        failures.push(`${c.label}: exit ${result.status}`);
      }
      // Round 0 warms the page cache and is not counted.
      if (round === 0) continue;
      samples.get(c.key).ms.push(result.ms);
      if (result.rssKib !== undefined) samples.get(c.key).rss.push(result.rssKib);
    }
  }
  closeSync(devNull);
  if (stale !== undefined) rmSync(stale, { recursive: true, force: true });

  const ms = (key) => median(samples.get(key).ms);
  const rss = (key) =>
    samples.get(key).rss.length > 0 ? Math.max(...samples.get(key).rss) / 1024 : undefined;
  const ratio = (key, base) => ms(key) / ms(base);
  const rows = cases.map((c) => [
    c.label,
    ms(c.key).toFixed(0),
    rss(c.key)?.toFixed(1) ?? '–',
    c.against === undefined
      ? ''
      : `${ratio(c.key, c.against).toFixed(2)}× ${c.against === 'node' ? 'node -e 0' : 'find'}`,
  ]);
  const header = ['case', 'wall ms (median)', 'peak RSS MiB (max)', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();

  console.log(
    `claude-code-policy bench: ${fileCount.toLocaleString('en')} files (${PROJECTS} projects, ${DECOYS} decoys in ` +
      `node_modules), ${runs} interleaved runs after a warm-up, medians`,
  );
  console.log(`machine: ${machine()}`);
  console.log(
    `peak RSS: ${method === 'time' ? 'GNU time -f %M of each child' : 'process.resourceUsage().maxRSS (node children only)'}; ` +
      'wall time: spawn to exit, as seen by this script',
  );
  console.log('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');

  const cliRss = Math.max(
    ...cases.filter((c) => c.key.startsWith('cli:') && c.key !== 'cli:sdk').map((c) => rss(c.key) ?? 0),
  );
  const targets = [
    ['git work tree ≤ 1.0× find', ratio('cli:git', 'find') <= 1.0, `${ratio('cli:git', 'find').toFixed(2)}×`],
    [
      'without git ≤ 2× find',
      ratio('cli:plain', 'findPlain') <= 2.0,
      `${ratio('cli:plain', 'findPlain').toFixed(2)}×`,
    ],
    [
      'peak RSS < 150 MiB',
      cliRss > 0 && cliRss < 150,
      cliRss > 0 ? `${cliRss.toFixed(1)} MiB` : 'not measured',
    ],
    ['start-up ≤ 2× node -e 0', ratio('cli:one', 'node') <= 2.0, `${ratio('cli:one', 'node').toFixed(2)}×`],
  ];
  for (const c of cases.filter((c) => c.budget !== undefined)) {
    targets.push([
      `${c.label.replace(/^CLI, /, '')} ≤ ${c.budget} ms`,
      ms(c.key) <= c.budget,
      `${ms(c.key).toFixed(0)} ms`,
    ]);
  }
  for (const [name, met, figure] of targets)
    console.log(`${met ? 'met    ' : 'NOT met'}  ${name}: ${figure}`);

  if (failures.length > 0) {
    console.log('');
    for (const failure of [...new Set(failures)]) console.error(`WRONG: ${failure}`);
    return 1;
  }
  console.log(
    `verified: each of ${verified} CLI runs reported ${PROJECTS} project scopes, ${PROJECTS / 2} NET001, ` +
      `${2 * PROJECTS} files, nothing from node_modules (one-file: 1 scope, no NET001; hostile inputs: the ` +
      'findings listed in hostileCases)',
  );
  return 0;
}

main()
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  )
  .finally(() => rmSync(WORK, { recursive: true, force: true }));
