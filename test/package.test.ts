// The npm package as a user gets it: packed, installed offline into an empty folder (it has no dependencies, so
// nothing is fetched), its bin run on a failing and a passing tree; and the pre-commit hook's entry run the way
// pre-commit runs it, on the files a commit changes. The CLI bundle is built from the current source into a temp
// dir and packed with the package's other files (check-dist.yml proves the committed dist/ is that same build).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classify } from '../src/discover/discover.js';
import { TOOL_VERSION } from '../src/version.js';
import { REPO_ROOT } from './helpers/runner.js';

const execFileAsync = promisify(execFile);

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
  engines: { node: string };
  repository: { url: string };
};

let work: string;
let installed: string;
let packed: string[];

/** Runs a command; resolves with its exit code and output whatever the code. */
async function runIn(cwd: string, file: string, args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, {
      cwd,
      timeout: 120_000,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function writeTree(root: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ccp-package-'));
  const build = join(work, 'build');
  await execFileAsync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--out', build, 'cli'], {
    cwd: REPO_ROOT,
    timeout: 280_000,
  });
  // What npm would pack from this checkout, with the fresh CLI bundle in place of the committed one.
  const { stdout } = await execFileAsync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: REPO_ROOT,
  });
  const stage = join(work, 'stage');
  for (const { path } of (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files) {
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(REPO_ROOT, path), join(stage, path));
  }
  rmSync(join(stage, 'dist/cli'), { recursive: true, force: true });
  cpSync(join(build, 'cli'), join(stage, 'dist/cli'), { recursive: true });
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const pack = await execFileAsync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs],
    { cwd: stage },
  );
  const [result] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  packed = result.files.map((f) => f.path).sort();
  // An empty folder, offline: the install must need nothing from a registry.
  installed = join(work, 'empty');
  mkdirSync(installed);
  await execFileAsync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(tarballs, result.filename)],
    { cwd: installed, timeout: 120_000 },
  );
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const bin = () => join(installed, 'node_modules/.bin/claude-code-policy');

describe('package.json', () => {
  it('installs nothing else: the bundle holds every library', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ 'claude-code-policy': 'dist/cli/index.js' });
    expect(pkg.repository.url).toBe('git+https://github.com/claude-code-policy/claude-code-policy.git');
    expect(pkg.version).toBe(TOOL_VERSION);
    expect(pkg.engines.node).toBe('>=20.19');
  });
});

describe('the packed tarball', () => {
  it('ships the bundles, action.yml, the docs, the schema, README, LICENSE, CHANGELOG and SECURITY, and no source', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
      'action.yml',
      'dist/cli/index.js',
      'dist/action/index.js',
      'docs/rules/NET001.md',
      'schema/claude-code-policy.schema.json',
    ])
      expect(packed, file).toContain(file);
    expect(packed.filter((f) => /^(src|test|scripts|node_modules|build)\//.test(f))).toEqual([]);
  });

  it('installs offline into an empty folder, and its bin fails a bad tree (1) and passes a good one (0)', async () => {
    const bad = await runIn(REPO_ROOT, bin(), ['examples/non-compliant']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/NET001/);
    const good = await runIn(REPO_ROOT, bin(), ['examples/compliant']);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toMatch(/passed/);
    expect((await runIn(REPO_ROOT, bin(), ['--version'])).stdout).toBe(`${TOOL_VERSION}\n`);
    // explain reads the rule pages shipped in the package.
    const explain = await runIn(installed, bin(), ['explain', 'NET001']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('## How to fix');
  });
});

describe('the pre-commit hook', () => {
  const hook = hooks[0]!;

  it('is one node hook whose entry is the package bin', () => {
    expect(hooks.map((h) => h.id)).toEqual(['claude-code-policy']);
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe(Object.keys(pkg.bin)[0]);
    expect(hook.pass_filenames ?? true).toBe(true);
  });

  it('selects the files the check reads, and its config file, and nothing else', () => {
    const files = new RegExp(hook.files);
    const read = [
      '.claude/settings.json',
      'packages/app/.claude/settings.local.json',
      'dot_claude/settings.json',
      'etc/managed-settings.json',
      'managed-settings.d/10-quiet.json',
      '.mcp.json',
      '.env',
      '.env.production',
      'deploy/prod.env',
      '.envrc',
      '.github/workflows/claude.yml',
      '.github/workflows/claude.yaml',
      '.devcontainer.json',
      '.devcontainer/devcontainer.json',
      '.devcontainer/python/devcontainer.json',
    ];
    const notRead = [
      'README.md',
      'claude/settings.json',
      '.claude/commands/review.md',
      'package.json',
      'managed-settings.d/.hidden.json',
      'managed-settings.d/notes.txt',
      'environment.ts',
      '.github/dependabot.yml',
      'devcontainer.json',
    ];
    for (const name of read)
      expect([name, classify(name) !== undefined, files.test(name)]).toEqual([name, true, true]);
    for (const name of notRead)
      expect([name, classify(name) !== undefined, files.test(name)]).toEqual([name, false, false]);
    for (const name of ['.github/claude-code-policy.yml', '.claude-code-policy.yml'])
      expect(files.test(name), name).toBe(true);
  });

  it('runs its entry on the files a commit changes, as pre-commit does, and fails on a finding', async () => {
    const repo = writeTree(join(work, 'hook-repo'), {
      '.claude/settings.json': '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n',
      '.claude/settings.local.json': '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "" } }\n',
      '.env': 'ANTHROPIC_MODEL=claude-sonnet-4-5\n',
    });
    await execFileAsync('git', ['init', '-q'], { cwd: repo });
    // pre-commit runs `entry args… files…` from the repository root, with the bin on PATH.
    const entry = join(installed, 'node_modules/.bin', hook.entry);
    const failing = await runIn(repo, entry, [...(hook.args ?? []), '.claude/settings.local.json', '.env']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^\.claude\/settings\.local\.json\n(.*\n)*? {2}1:\d+ +error +NET001 /m);
    expect(failing.stdout).not.toMatch(/^\.env$/m);
    const passing = await runIn(repo, entry, [...(hook.args ?? []), '.env']);
    expect(passing).toMatchObject({ code: 0, stderr: '' });
  });
});
