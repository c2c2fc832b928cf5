import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp, { chmod, mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classify, type DiscoverOptions, type Discovery, discover } from '../src/discover/discover.js';
import { ConfigurationError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { stressIt } from './helpers/stress.js';

const roots: string[] = [];

afterEach(async () => {
  for (const root of roots.splice(0)) {
    await chmod(root, 0o755).catch(() => {});
    await rm(root, { recursive: true, force: true });
  }
});

/** A temp directory holding `files` (path relative to it, with `/`). */
async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ccp-discover-'));
  roots.push(root);
  const entries = Object.entries(files).map(([relative, content]) => ({
    target: path.join(root, ...relative.split('/')),
    content,
  }));
  for (const directory of new Set(entries.map((e) => path.dirname(e.target)))) {
    await mkdir(directory, { recursive: true });
  }
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map((e) => writeFile(e.target, e.content)));
  }
  return root;
}

function git(root: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', ...args],
    { cwd: root, stdio: 'pipe' },
  );
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { debug() {}, info() {}, warning: (message) => warnings.push(message), warnings };
}

const WALK: DiscoverOptions = { include: [], exclude: [], gitignore: false, maxFileSize: 5 * 1024 * 1024 };

const run = (root: string, options: Partial<DiscoverOptions> = {}, logger: Logger = recordingLogger()) =>
  discover(root, { ...WALK, ...options }, logger);

/** `path kind[/role]` for each loaded file. */
const listed = (discovery: Discovery) =>
  discovery.files.map(({ candidate }) =>
    [
      candidate.path,
      candidate.role === undefined ? candidate.kind : `${candidate.kind}/${candidate.role}`,
    ].join(' '),
  );

const skippedAt = (file: string, reason: string) => ({
  path: file,
  reason,
  location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
});

describe('classify', () => {
  it.each([
    ['.claude/settings.json', { kind: 'settings', role: 'project' }],
    ['apps/web/.claude/settings.json', { kind: 'settings', role: 'project' }],
    ['.claude/settings.local.json', { kind: 'settings', role: 'local' }],
    ['managed-settings.json', { kind: 'settings', role: 'managed' }],
    ['etc/claude-code/managed-settings.json', { kind: 'settings', role: 'managed' }],
    ['managed-settings.d/10-telemetry.json', { kind: 'settings', role: 'managed-dropin' }],
    ['etc/managed-settings.d/a.json', { kind: 'settings', role: 'managed-dropin' }],
    ['dot_claude/settings.json', { kind: 'settings', role: 'user' }],
    ['home/dot_claude/settings.json', { kind: 'settings', role: 'user' }],
    ['.env', { kind: 'dotenv' }],
    ['.env.local', { kind: 'dotenv' }],
    ['svc/.env.production', { kind: 'dotenv' }],
    ['.env.example', { kind: 'dotenv' }],
    ['prod.env', { kind: 'dotenv' }],
    ['.envrc', { kind: 'dotenv' }],
    ['.mcp.json', { kind: 'mcp' }],
    ['pkg/.mcp.json', { kind: 'mcp' }],
    ['.github/workflows/ci.yml', { kind: 'workflow' }],
    ['.github/workflows/release.yaml', { kind: 'workflow' }],
    ['.devcontainer/devcontainer.json', { kind: 'devcontainer' }],
    ['.devcontainer.json', { kind: 'devcontainer' }],
    ['.devcontainer/python/devcontainer.json', { kind: 'devcontainer' }],
  ])('%s', (file, expected) => {
    expect(classify(file)).toEqual({ path: file, ...expected });
  });

  it.each([
    'settings.json',
    'claude/settings.json',
    '.claude/settings.local.json.bak',
    '.claude/other.json',
    'managed-settings.d/.hidden.json',
    'managed-settings.d/notes.txt',
    'managed-settings.d/sub/a.json',
    'dot_claude/settings.local.json',
    'environment.ts',
    '.envoy',
    '.env-local',
    'env',
    '.envrc.local',
    '.env/bin/activate',
    '.github/workflows/sub/ci.yml',
    // GitHub never runs a nested repository's workflows: only the scanned root's are workflow scopes.
    'sub/.github/workflows/ci.yml',
    'packages/app/.github/workflows/claude.yml',
    '.github/workflows/README.md',
    'workflows/ci.yml',
    '.github/ci.yml',
    '.devcontainer/a/b/devcontainer.json',
    'devcontainer.json',
    'mcp.json',
    'node_modules/.env',
    'a/node_modules/pkg/.claude/settings.json',
    '.git/.env',
    'x/.git/managed-settings.json',
  ])('%s is not a candidate', (file) => {
    expect(classify(file)).toBeUndefined();
  });

  it('does not mistake look-alike directory names for skipped ones', () => {
    expect(classify('node_modules_backup/.env')).toEqual({
      path: 'node_modules_backup/.env',
      kind: 'dotenv',
    });
    expect(classify('my.git/.env')).toEqual({ path: 'my.git/.env', kind: 'dotenv' });
  });
});

const REPOSITORY = {
  '.claude/settings.json': '{}',
  '.claude/settings.local.json': '{}',
  '.claude/commands/x.md': '# x',
  'apps/web/.claude/settings.json': '{"env":{}}',
  'apps/api/.claude/settings.local.json': '{}',
  'managed-settings.json': '{}',
  'managed-settings.d/10-a.json': '{}',
  'managed-settings.d/20-b.json': '{}',
  'managed-settings.d/.hidden.json': '{}',
  'managed-settings.d/README.md': 'x',
  'dot_claude/settings.json': '{}',
  '.env': 'A=1',
  '.env.local': 'A=1',
  'svc/.env.production': 'A=1',
  'svc/prod.env': 'A=1',
  '.envrc': 'use flake',
  'environment.ts': 'x',
  '.envoy': 'x',
  '.mcp.json': '{}',
  '.github/workflows/ci.yml': 'on: push',
  '.github/workflows/release.yaml': 'on: push',
  '.github/workflows/nested/skip.yml': 'on: push',
  'tools/.devcontainer.json': '{}',
  '.devcontainer/devcontainer.json': '{}',
  '.devcontainer/py/devcontainer.json': '{}',
  'node_modules/.env': 'A=1',
  'packages/x/node_modules/dep/.claude/settings.json': '{}',
  'deep/a/b/node_modules/.env': 'A=1',
  'vendor/.git/.env': 'A=1',
  'README.md': 'x',
};

const REPOSITORY_CANDIDATES = [
  '.claude/settings.json settings/project',
  '.claude/settings.local.json settings/local',
  '.devcontainer/devcontainer.json devcontainer',
  '.devcontainer/py/devcontainer.json devcontainer',
  '.env dotenv',
  '.env.local dotenv',
  '.envrc dotenv',
  '.github/workflows/ci.yml workflow',
  '.github/workflows/release.yaml workflow',
  '.mcp.json mcp',
  'apps/api/.claude/settings.local.json settings/local',
  'apps/web/.claude/settings.json settings/project',
  'dot_claude/settings.json settings/user',
  'managed-settings.d/10-a.json settings/managed-dropin',
  'managed-settings.d/20-b.json settings/managed-dropin',
  'managed-settings.json settings/managed',
  'svc/.env.production dotenv',
  'svc/prod.env dotenv',
  'tools/.devcontainer.json devcontainer',
];

describe('discover: what is found', () => {
  it('walks a tree and finds every kind, skipping node_modules and .git at any depth', async () => {
    const root = await tree(REPOSITORY);
    const discovery = await run(root);
    expect(discovery.method).toBe('walk');
    expect(listed(discovery)).toEqual(REPOSITORY_CANDIDATES);
    expect(discovery.skipped).toEqual([]);
  });

  it('finds the same files through git', async () => {
    const root = await tree(REPOSITORY);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('git');
    // vendor/ holds a .git directory: git treats it as a nested repository, whose own files are still listed.
    expect(listed(discovery)).toEqual(REPOSITORY_CANDIDATES);
  });

  it('reads each file into a SourceFile with its relative path', async () => {
    const root = await tree({ 'a/.env': '\uFEFFA=1\r\nB=2\n' });
    const discovery = await run(root);
    expect(discovery.files).toEqual([
      {
        candidate: { path: 'a/.env', kind: 'dotenv' },
        source: { path: 'a/.env', text: 'A=1\r\nB=2\n', lineStarts: [0, 5, 9] },
      },
    ]);
  });

  it('keeps names with spaces, quotes, a newline and non-ASCII intact, in git and walk modes', async () => {
    const files = {
      'dir with space/.env': 'A=1',
      'quo"te\'s/x.env': 'A=2',
      'new\nline.env': 'A=3',
      'ünï cødé/.claude/settings.json': '{}',
      'tab\there/.envrc': 'export A=4',
    };
    const expected = [
      'dir with space/.env dotenv',
      'new\nline.env dotenv',
      'quo"te\'s/x.env dotenv',
      'tab\there/.envrc dotenv',
      'ünï cødé/.claude/settings.json settings/project',
    ];
    const root = await tree(files);
    const walked = await run(root, { gitignore: true });
    expect(walked.method).toBe('walk');
    expect(listed(walked)).toEqual(expected);
    expect(walked.files.map((f) => f.source.text)).toEqual(['A=1', 'A=3', 'A=2', 'export A=4', '{}']);

    git(root, 'init', '-q');
    git(root, 'add', '-A');
    const viaGit = await run(root, { gitignore: true });
    expect(viaGit.method).toBe('git');
    expect(listed(viaGit)).toEqual(expected);
  });

  it('accepts a relative root', async () => {
    const root = await tree({ '.env': 'A=1' });
    const relative = path.relative(process.cwd(), root);
    expect(listed(await run(relative))).toEqual(['.env dotenv']);
  });
});

describe('discover: .gitignore', () => {
  const IGNORING = {
    '.gitignore': '*.local.env\n/build/\n.env.local\n',
    '.env': 'A=1',
    '.env.local': 'A=1',
    'a.local.env': 'A=1',
    'build/.env': 'A=1',
    'build/.gitignore': '!*\n',
    'sub/.gitignore': '!keep.local.env\n.env\n',
    'sub/keep.local.env': 'A=1',
    'sub/other.local.env': 'A=1',
    'sub/.env': 'A=1',
    'sub/build/x.env': 'A=1',
    'sub/deeper/.env': 'A=1',
    'sub/deeper/.claude/settings.json': '{}',
  };
  // `/build/` is anchored to the root; a parent's excluded directory cannot be re-included from inside it; a
  // deeper .gitignore overrides a higher one.
  const KEPT = [
    '.env dotenv',
    'sub/build/x.env dotenv',
    'sub/deeper/.claude/settings.json settings/project',
    'sub/keep.local.env dotenv',
  ];

  it('honours .gitignore at every level when walking', async () => {
    const root = await tree(IGNORING);
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('walk');
    expect(listed(discovery)).toEqual(KEPT);
  });

  it('agrees with git on the same tree', async () => {
    const root = await tree(IGNORING);
    git(root, 'init', '-q');
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('git');
    expect(listed(discovery)).toEqual(KEPT);
  });

  it('lists tracked files even when ignored, and untracked ones that are not', async () => {
    const root = await tree({
      '.gitignore': '.env*\n',
      '.env.tracked': 'A=1',
      '.env.untracked': 'A=1',
      'new.env': 'A=1',
    });
    git(root, 'init', '-q');
    git(root, 'add', '-f', '.env.tracked');
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('git');
    expect(listed(discovery)).toEqual(['.env.tracked dotenv', 'new.env dotenv']);
  });

  it('includes ignored files with gitignore: false, even in a git work tree', async () => {
    const root = await tree(IGNORING);
    git(root, 'init', '-q');
    const discovery = await run(root, { gitignore: false });
    expect(discovery.method).toBe('walk');
    expect(listed(discovery)).toEqual([
      '.env dotenv',
      '.env.local dotenv',
      'a.local.env dotenv',
      'build/.env dotenv',
      'sub/.env dotenv',
      'sub/build/x.env dotenv',
      'sub/deeper/.claude/settings.json settings/project',
      'sub/deeper/.env dotenv',
      'sub/keep.local.env dotenv',
      'sub/other.local.env dotenv',
    ]);
  });

  it('silently drops a tracked file that was deleted', async () => {
    const root = await tree({ '.env': 'A=1', 'gone.env': 'A=1' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    await unlink(path.join(root, 'gone.env'));
    const discovery = await run(root, { gitignore: true });
    expect(listed(discovery)).toEqual(['.env dotenv']);
    expect(discovery.skipped).toEqual([]);
  });

  it('lists the files of an untracked nested repository with its own ignore rules', async () => {
    const root = await tree({
      '.env': 'A=1',
      'nested/.env': 'A=1',
      'nested/.gitignore': 'secret.env\n',
      'nested/secret.env': 'A=1',
      'nested/sub/.claude/settings.json': '{}',
    });
    git(path.join(root, 'nested'), 'init', '-q');
    git(root, 'init', '-q');
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('git');
    expect(listed(discovery)).toEqual([
      '.env dotenv',
      'nested/.env dotenv',
      'nested/sub/.claude/settings.json settings/project',
    ]);
  });

  it('scans a sub-directory of a work tree with paths relative to it', async () => {
    const root = await tree({
      'a/b/.env': 'A=1',
      'a/.env': 'A=1',
      '.gitignore': 'a/b/ignored.env\n',
      'a/b/ignored.env': 'A=1',
    });
    git(root, 'init', '-q');
    const discovery = await run(path.join(root, 'a'), { gitignore: true });
    expect(discovery.method).toBe('git');
    expect(listed(discovery)).toEqual(['.env dotenv', 'b/.env dotenv']);
  });
});

describe('discover: include and exclude', () => {
  const FILES = {
    '.claude/settings.json': '{}',
    'examples/.claude/settings.json': '{}',
    'examples/deep/.env': 'A=1',
    'apps/web/.env': 'A=1',
    'apps/web/.env.local': 'A=1',
  };

  it('keeps only files that match an include', async () => {
    const root = await tree(FILES);
    expect(listed(await run(root, { include: ['apps/**'] }))).toEqual([
      'apps/web/.env dotenv',
      'apps/web/.env.local dotenv',
    ]);
    expect(listed(await run(root, { include: ['**/.env', '.claude/*.json'] }))).toEqual([
      '.claude/settings.json settings/project',
      'apps/web/.env dotenv',
      'examples/deep/.env dotenv',
    ]);
  });

  it('drops files that match an exclude', async () => {
    const root = await tree(FILES);
    expect(listed(await run(root, { exclude: ['examples/**', '**/.env.local'] }))).toEqual([
      '.claude/settings.json settings/project',
      'apps/web/.env dotenv',
    ]);
  });

  it('treats a glob that names a directory as everything under it', async () => {
    const root = await tree(FILES);
    expect(listed(await run(root, { exclude: ['examples', './apps/web/'] }))).toEqual([
      '.claude/settings.json settings/project',
    ]);
    expect(listed(await run(root, { include: ['apps'], exclude: ['**/*.local'] }))).toEqual([
      'apps/web/.env dotenv',
    ]);
  });

  it('applies the filters before reading, so an excluded file is never reported as skipped', async () => {
    const root = await tree({ 'big/.env': 'A=1234567890', 'small/.env': 'A=1' });
    const discovery = await run(root, { maxFileSize: 5, exclude: ['big/**'] });
    expect(listed(discovery)).toEqual(['small/.env dotenv']);
    expect(discovery.skipped).toEqual([]);
  });
});

describe('discover: symlinks', () => {
  it('skips a link that leaves the root, without reading it', async () => {
    const root = await tree({ 'real.env': 'A=1' });
    await symlink('/etc/passwd', path.join(root, '.env'));
    await mkdir(path.join(root, 'sub'));
    await symlink('../../', path.join(root, 'sub', '.envrc'));
    const discovery = await run(root);
    expect(listed(discovery)).toEqual(['real.env dotenv']);
    expect(discovery.skipped).toEqual([
      skippedAt('.env', 'a symlink that leaves the scanned root; not followed'),
      skippedAt('sub/.envrc', 'a symlink that leaves the scanned root; not followed'),
    ]);
  });

  it('skips the same link through git', async () => {
    const root = await tree({});
    await symlink('/etc/passwd', path.join(root, '.env'));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    const discovery = await run(root, { gitignore: true });
    expect(discovery.method).toBe('git');
    expect(discovery.files).toEqual([]);
    expect(discovery.skipped).toEqual([
      skippedAt('.env', 'a symlink that leaves the scanned root; not followed'),
    ]);
  });

  it('reads a link whose target is inside the root, under the link’s own path', async () => {
    const root = await tree({ 'config/shared.txt': 'SHARED=1' });
    await symlink('config/shared.txt', path.join(root, '.env'));
    const discovery = await run(root);
    expect(discovery.files.map((f) => [f.candidate.path, f.source.path, f.source.text])).toEqual([
      ['.env', '.env', 'SHARED=1'],
    ]);
  });

  it('skips a broken link with the reason', async () => {
    const root = await tree({});
    await symlink('missing.txt', path.join(root, '.env'));
    await symlink('.env.self', path.join(root, '.env.self'));
    const discovery = await run(root);
    expect(discovery.files).toEqual([]);
    expect(discovery.skipped).toEqual([
      skippedAt('.env', 'a broken symlink; not followed'),
      skippedAt('.env.self', 'a broken symlink; not followed'),
    ]);
  });

  it('never enters a linked directory, so a loop cannot hang the walk', async () => {
    const root = await tree({ 'a/.env': 'A=1' });
    await symlink('..', path.join(root, 'a', 'loop'));
    await symlink('.', path.join(root, 'self'));
    await symlink('a', path.join(root, 'alias'));
    const discovery = await run(root);
    expect(listed(discovery)).toEqual(['a/.env dotenv']);
    expect(discovery.skipped).toEqual([]);
  });

  it('ignores a candidate name that is a link to a directory inside the root', async () => {
    const root = await tree({ 'dir/x': 'x' });
    await symlink('dir', path.join(root, '.env'));
    const discovery = await run(root);
    expect(discovery).toEqual({ files: [], skipped: [], method: 'walk' });
  });

  it('checks the real location, so a scanned root reached through a link still works', async () => {
    const root = await tree({ 'project/.env': 'A=1' });
    await symlink('project', path.join(root, 'link'));
    const discovery = await run(path.join(root, 'link'));
    expect(listed(discovery)).toEqual(['.env dotenv']);
  });
});

describe('discover: files that are not checked', () => {
  it('skips a file larger than the cap without reading it', async () => {
    const root = await tree({ 'a/.env': 'x'.repeat(101), 'b/.env': 'x'.repeat(100) });
    const discovery = await run(root, { maxFileSize: 100 });
    expect(listed(discovery)).toEqual(['b/.env dotenv']);
    expect(discovery.skipped).toEqual([skippedAt('a/.env', 'larger than 100 bytes')]);
  });

  it('says the cap in MiB', async () => {
    const root = await tree({ '.env': new Uint8Array(1024 * 1024 + 1).fill(65) });
    const discovery = await run(root, { maxFileSize: 1024 * 1024 });
    expect(discovery.skipped).toEqual([skippedAt('.env', 'larger than 1 MiB')]);
    const halves = await run(root, { maxFileSize: 1024 * 1024 * 0.5 });
    expect(halves.skipped).toEqual([skippedAt('.env', 'larger than 512 KiB')]);
  });

  it('skips NUL bytes, UTF-16 and invalid UTF-8 with the reason', async () => {
    const root = await tree({
      'binary/.env': new Uint8Array([0x41, 0x3d, 0x00, 0x31]),
      'utf16le/.env': new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0x00, 0x31, 0x00]),
      'utf16be/.env': new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0x3d, 0x00, 0x31]),
      'latin1/.env': new Uint8Array([0x41, 0x3d, 0xe9]),
      'ok/.env': new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x3d, 0xc3, 0xa9]),
    });
    const discovery = await run(root);
    expect(discovery.files.map((f) => [f.candidate.path, f.source.text])).toEqual([['ok/.env', 'A=é']]);
    expect(discovery.skipped).toEqual([
      skippedAt('binary/.env', 'not a text file'),
      skippedAt('latin1/.env', 'not valid UTF-8'),
      skippedAt('utf16be/.env', 'UTF-16 encoded, Claude Code reads UTF-8'),
      skippedAt('utf16le/.env', 'UTF-16 encoded, Claude Code reads UTF-8'),
    ]);
  });

  it('ignores a candidate name that is a directory', async () => {
    const root = await tree({ '.env/bin/activate': 'x', '.mcp.json/x': 'y' });
    expect(await run(root)).toEqual({ files: [], skipped: [], method: 'walk' });
  });
});

describe('discover: errors', () => {
  it('throws a ConfigurationError for a root that does not exist', async () => {
    const root = await tree({});
    const missing = path.join(root, 'nope');
    await expect(run(missing)).rejects.toThrow(new ConfigurationError(`path not found: ${missing}`));
    await expect(run(missing)).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('throws a ConfigurationError for a root that is a file', async () => {
    const root = await tree({ 'file.txt': 'x' });
    const file = path.join(root, 'file.txt');
    await expect(run(file)).rejects.toThrow(new ConfigurationError(`not a directory: ${file}`));
  });

  it.skipIf(process.getuid?.() === 0)('warns about an unreadable sub-directory and goes on', async () => {
    const root = await tree({ 'locked/.env': 'A=1', 'open/.env': 'A=1' });
    await chmod(path.join(root, 'locked'), 0o000);
    const logger = recordingLogger();
    try {
      const discovery = await run(root, {}, logger);
      expect(listed(discovery)).toEqual(['open/.env dotenv']);
      expect(logger.warnings).toEqual(['cannot read directory locked (EACCES); skipped']);
    } finally {
      await chmod(path.join(root, 'locked'), 0o755);
    }
  });
});

describe('discover: scale', () => {
  stressIt(
    'lists a 10,000-file git work tree and reads only the candidates',
    async () => {
      // Every other file is over the size cap: had one been looked at as a candidate, it would be skipped (CFG008).
      const files: Record<string, string> = {};
      for (let i = 0; i < 10_000; i++) files[`pkg${i % 200}/src/file${i}.ts`] = 'xxxxx';
      for (let i = 0; i < 50; i++) files[`pkg${i}/.env`] = `N=${i}`;
      const root = await tree(files);
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      const viaGit = await run(root, { gitignore: true, maxFileSize: 4 });
      const walked = await run(root, { maxFileSize: 4 });
      expect(viaGit.method).toBe('git');
      const envFiles = Array.from({ length: 50 }, (_, i) => `pkg${i}/.env N=${i}`).sort();
      for (const discovery of [viaGit, walked]) {
        expect(discovery.files.map((f) => `${f.candidate.path} ${f.source.text}`)).toEqual(envFiles);
        expect(discovery.skipped).toEqual([]);
      }
    },
    60_000,
  );
});

describe('discover: how the size cap is written', () => {
  it('writes whole KiB as KiB and anything else in bytes', async () => {
    const root = await tree({ '.env': 'x'.repeat(2000) });
    const reasons = async (maxFileSize: number) =>
      (await run(root, { maxFileSize })).skipped.map((s) => s.reason);
    expect(await reasons(0)).toEqual(['larger than 0 bytes']);
    expect(await reasons(1023)).toEqual(['larger than 1023 bytes']);
    expect(await reasons(1024)).toEqual(['larger than 1 KiB']);
    expect(await reasons(1500)).toEqual(['larger than 1500 bytes']);
  });
});

describe('discover: byte-order marks', () => {
  it('calls only FF FE and FE FF UTF-16; FF or FE before anything else is invalid UTF-8', async () => {
    const root = await tree({
      'ff/.env': new Uint8Array([0xff, 0x41, 0x3d, 0x31]),
      'fe/.env': new Uint8Array([0xfe, 0x41, 0x3d, 0x31]),
    });
    expect((await run(root)).skipped).toEqual([
      skippedAt('fe/.env', 'not valid UTF-8'),
      skippedAt('ff/.env', 'not valid UTF-8'),
    ]);
  });
});

describe('discover: results in path order', () => {
  it('sorts the files and the skipped files by path, whatever order they were read in', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    const files: Record<string, string> = {};
    for (const name of names) {
      files[`${name}/.env`] = 'A=1';
      files[`${name}/x.env`] = 'x'.repeat(50);
    }
    const root = await tree(files);
    const discovery = await run(root, { maxFileSize: 10 });
    expect(listed(discovery)).toEqual(names.map((name) => `${name}/.env dotenv`));
    expect(discovery.skipped).toEqual(
      names.map((name) => skippedAt(`${name}/x.env`, 'larger than 10 bytes')),
    );
  });
});

describe('discover: how include and exclude globs are written', () => {
  const FILES = { '.env': 'A=1', 'a/.env': 'A=1', 'x./.env': 'A=1' };

  it('reads `./` (or an empty glob) as the whole tree', async () => {
    const root = await tree(FILES);
    const all = ['.env dotenv', 'a/.env dotenv', 'x./.env dotenv'];
    expect(listed(await run(root, { include: ['./'] }))).toEqual(all);
    expect(listed(await run(root, { include: ['././'] }))).toEqual(all);
  });

  it('drops every leading `./` and trailing `/`, and only those', async () => {
    const root = await tree(FILES);
    expect(listed(await run(root, { include: ['././a/.env'] }))).toEqual(['a/.env dotenv']);
    expect(listed(await run(root, { include: ['x./.env'] }))).toEqual(['x./.env dotenv']);
    expect(listed(await run(root, { exclude: ['a//'] }))).toEqual(['.env dotenv', 'x./.env dotenv']);
  });

  it('tests each parent directory, never the empty path above the root', async () => {
    const root = await tree(FILES);
    // `*(x)` matches the empty string, and no file or directory here.
    expect(listed(await run(root, { exclude: ['*(x)'] }))).toEqual([
      '.env dotenv',
      'a/.env dotenv',
      'x./.env dotenv',
    ]);
  });
});

describe('discover: .gitignore details when walking', () => {
  it('anchors a nested .gitignore’s patterns to its own directory', async () => {
    const root = await tree({
      'sub/.gitignore': '/local.env\nconf/x.env\n',
      'local.env': 'A=1',
      'sub/local.env': 'A=1',
      'sub/deeper/local.env': 'A=1',
      'sub/conf/x.env': 'A=1',
    });
    expect(listed(await run(root, { gitignore: true }))).toEqual([
      'local.env dotenv',
      'sub/deeper/local.env dotenv',
    ]);
  });

  it('does not apply a directory-only pattern to a file of that name', async () => {
    const root = await tree({ '.gitignore': 'dir.env/\n', 'dir.env': 'A=1', 'other/dir.env/.env': 'A=1' });
    expect(listed(await run(root, { gitignore: true }))).toEqual(['dir.env dotenv']);
  });

  it('warns about a .gitignore it cannot read and goes on without its patterns', async () => {
    const root = await tree({ '.env': 'A=1', 'sub/.env': 'A=1' });
    await symlink('missing', path.join(root, '.gitignore'));
    await symlink('.', path.join(root, 'sub', '.gitignore'));
    const logger = recordingLogger();
    expect(listed(await run(root, { gitignore: true }, logger))).toEqual(['.env dotenv', 'sub/.env dotenv']);
    expect(logger.warnings).toEqual([
      'cannot read .gitignore (ENOENT); its patterns are not applied',
      'cannot read sub/.gitignore (EISDIR); its patterns are not applied',
    ]);
  });
});

describe('discover: what the caller hears', () => {
  it('hands each read file to onLoaded, and never a skipped one', async () => {
    const root = await tree({ '.env': 'A=1', 'a/.env': 'A=2', 'big/.env': 'x'.repeat(50) });
    const loaded: string[] = [];
    const discovery = await discover(root, { ...WALK, maxFileSize: 10 }, recordingLogger(), {
      onLoaded: (file) => loaded.push(`${file.candidate.path} ${file.source.text}`),
    });
    expect(loaded.sort()).toEqual(['.env A=1', 'a/.env A=2']);
    expect(discovery.skipped).toEqual([skippedAt('big/.env', 'larger than 10 bytes')]);
  });

  it('says at debug level why it walks instead of asking git', async () => {
    const root = await tree({ '.env': 'A=1' });
    const debug: string[] = [];
    const logger = { ...recordingLogger(), debug: (message: string) => debug.push(message) };
    const discovery = await run(root, { gitignore: true }, logger);
    expect(discovery.method).toBe('walk');
    expect(listed(discovery)).toEqual(['.env dotenv']);
    expect(debug).toEqual([
      `git ls-files did not run in ${root} (no .git in the directory or above it)`,
      `${root} is not in a git work tree (or git is missing); walking the directory tree`,
    ]);
  });

  it('walks when git lists the tracked files but fails on the untracked ones, dropping what it was given', async () => {
    const root = await tree({ '.env': 'A=1', 'a/.env': 'A=2' });
    const debug: string[] = [];
    const logger = { ...recordingLogger(), debug: (message: string) => debug.push(message) };
    const discovery = await discover(root, { ...WALK, gitignore: true }, logger, {
      started: {
        dir: root,
        tracked: Promise.resolve({ ok: true, stdout: Buffer.from('.env\0gone/.env\0') }),
        untracked: Promise.resolve({ ok: false, reason: 'killed by a signal' }),
      },
    });
    expect(discovery.method).toBe('walk');
    expect(listed(discovery)).toEqual(['.env dotenv', 'a/.env dotenv']);
    expect(debug).toEqual([
      `git ls-files did not run in ${root} (killed by a signal)`,
      `${root} is not in a git work tree (or git is missing); walking the directory tree`,
    ]);
  });
});

/**
 * Makes `relative` (with `/`) under `root`, with a `.env` at its end, one directory at a time (chdir, then a short
 * name), so that no path handed to the system is long.
 */
function mkdirChain(root: string, relative: string): void {
  const script = `process.chdir(process.argv[1]);
for (const d of process.argv[2].split('/')) { require('node:fs').mkdirSync(d); process.chdir(d); }
require('node:fs').writeFileSync('.env', 'A=1');`;
  execFileSync(process.execPath, ['-e', script, root, relative], { stdio: 'pipe' });
}

/** Removes `relative` under `root` with rm(1), which, unlike fs.rm, copes with paths longer than PATH_MAX. */
function removeChain(root: string, relative: string): void {
  execFileSync('rm', ['-rf', path.join(root, relative.split('/')[0]!)]);
}

const PATH_MAX = 4096;

describe('discover: roots it cannot use', () => {
  it('says "path not found" for a root below a file', async () => {
    const root = await tree({ 'file.txt': 'x' });
    const below = path.join(root, 'file.txt', 'sub');
    await expect(run(below)).rejects.toThrow(new ConfigurationError(`path not found: ${below}`));
  });

  it('names the system error for a root it cannot stat', async () => {
    const root = await tree({});
    const long = path.join(root, ...Array.from({ length: 25 }, () => 'd'.repeat(200)));
    await expect(run(long)).rejects.toThrow(new ConfigurationError(`cannot read ${long} (ENAMETOOLONG)`));
  });
});

describe('discover: directories and files it cannot read', () => {
  const SEGMENT = 'd'.repeat(200);
  const chain = (top: string) => [top, ...Array.from({ length: 22 }, () => SEGMENT)].join('/');

  it('warns about a directory whose path is too long to read and goes on, never looking inside node_modules', async () => {
    const root = await tree({ '.env': 'A=1' });
    const logger = recordingLogger();
    try {
      mkdirChain(root, chain('deep'));
      mkdirChain(root, chain('node_modules'));
      const discovery = await run(root, {}, logger);
      // The first directory of the chain whose path (with its trailing separator) is PATH_MAX or longer.
      let dir = 'deep/';
      while (root.length + 1 + dir.length < PATH_MAX) dir += `${SEGMENT}/`;
      expect(listed(discovery)).toEqual(['.env dotenv']);
      expect(logger.warnings).toEqual([`cannot read directory ${dir.slice(0, -1)} (ENAMETOOLONG); skipped`]);
    } finally {
      removeChain(root, 'deep');
      removeChain(root, 'node_modules');
    }
  });

  it('skips a file git lists whose full path is too long to open, with the reason', async () => {
    const root = await tree({ '.env': 'A=1' });
    // Relative to the root (git's working directory) the path fits; joined to the root it does not.
    const length = PATH_MAX + 10 - root.length - 1;
    let dir = 'g';
    while (dir.length + 1 + SEGMENT.length + '/.env'.length < length) dir += `/${SEGMENT}`;
    dir += `/${'e'.repeat(length - dir.length - 1 - '/.env'.length)}`;
    const file = `${dir}/.env`;
    expect(file.length).toBe(length);
    try {
      mkdirChain(root, dir);
      git(root, 'init', '-q');
      const discovery = await run(root, { gitignore: true });
      expect(discovery.method).toBe('git');
      expect(listed(discovery)).toEqual(['.env dotenv']);
      expect(discovery.skipped).toEqual([skippedAt(file, 'not readable (ENAMETOOLONG)')]);
    } finally {
      removeChain(root, dir);
    }
  });

  it('treats a FIFO as a file that is not read, never as a directory', async () => {
    const root = await tree({ '.env': 'A=1' });
    execFileSync('mkfifo', [path.join(root, 'pipe'), path.join(root, 'fifo.env')]);
    const logger = recordingLogger();
    expect(await run(root, {}, logger)).toEqual({
      files: [expect.objectContaining({ candidate: { path: '.env', kind: 'dotenv' } })],
      skipped: [],
      method: 'walk',
    });
    expect(logger.warnings).toEqual([]);
  });

  it('never runs git inside a nested repository under node_modules', async () => {
    const root = await tree({
      '.env': 'A=1',
      'node_modules/x/.env': 'A=1',
      'pkg/node_modules/y/.env': 'A=1',
    });
    git(root, 'init', '-q');
    for (const nested of ['node_modules/x', 'pkg/node_modules/y']) {
      git(path.join(root, nested), 'init', '-q');
      // Git in there would fail on the broken index, and say so.
      await writeFile(path.join(root, nested, '.git', 'index'), 'not an index');
    }
    const debug: string[] = [];
    const logger = { ...recordingLogger(), debug: (message: string) => debug.push(message) };
    const discovery = await run(root, { gitignore: true }, logger);
    expect(discovery.method).toBe('git');
    expect(listed(discovery)).toEqual(['.env dotenv']);
    expect(debug).toEqual([]);
  });
});

/**
 * Stands in for one function of `node:fs` or `node:fs/promises` while `body` runs: a file system that fails, or
 * reports no entry types, on demand. syncBuiltinESMExports carries the stand-in to the modules' named imports.
 */
async function withFs<M extends object>(
  module: M,
  name: keyof M & string,
  stand: (real: (...args: never[]) => unknown) => (...args: never[]) => unknown,
  body: () => Promise<void>,
): Promise<void> {
  const real = (module[name] as (...args: never[]) => unknown).bind(module);
  const spy = vi.spyOn(module, name as never).mockImplementation(stand(real) as never);
  syncBuiltinESMExports();
  try {
    await body();
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

const failure = (code?: string) =>
  Object.assign(new Error(code ?? 'no code'), code === undefined ? {} : { code });

type ReaddirCallback = (error: Error | null, entries?: fs.Dirent[]) => void;

/** readdir as a file system that does not report entry types (type 0, UV_DIRENT_UNKNOWN) gives it. */
const untypedListing = (real: (...args: never[]) => unknown) =>
  ((dir: string, options: object, callback: ReaddirCallback) =>
    real(
      ...([
        dir,
        options,
        (error: Error | null, entries?: fs.Dirent[]) =>
          callback(
            error,
            entries?.map(
              (e) => new (fs.Dirent as unknown as new (...a: unknown[]) => fs.Dirent)(e.name, 0, dir),
            ),
          ),
      ] as never[]),
    )) as never;

describe('discover: a file system that fails or says little', () => {
  it('fails with a ConfigurationError when the root itself cannot be listed', async () => {
    const root = await tree({ '.env': 'A=1' });
    await withFs(
      fs,
      'readdir',
      (real) =>
        ((dir: string, options: object, callback: ReaddirCallback) =>
          path.resolve(dir) === root
            ? callback(failure('EIO'))
            : real(...([dir, options, callback] as never[]))) as never,
      async () => {
        await expect(run(root)).rejects.toThrow(
          new ConfigurationError(`cannot read directory ${root} (EIO)`),
        );
      },
    );
  });

  it('says "unknown error" for a failure without a code', async () => {
    const root = await tree({ '.env': 'A=1', 'sub/.env': 'A=1' });
    const logger = recordingLogger();
    await withFs(
      fs,
      'readdir',
      (real) =>
        ((dir: string, options: object, callback: ReaddirCallback) =>
          path.resolve(dir) === path.join(root, 'sub')
            ? callback(failure())
            : real(...([dir, options, callback] as never[]))) as never,
      async () => {
        expect(listed(await run(root, {}, logger))).toEqual(['.env dotenv']);
      },
    );
    expect(logger.warnings).toEqual(['cannot read directory sub (unknown error); skipped']);
  });

  it('looks up each entry whose type the listing leaves out, and walks those that are directories', async () => {
    const root = await tree({ '.env': 'A=1', 'a/.env': 'A=1', 'a/b/.claude/settings.json': '{}' });
    await symlink('a', path.join(root, 'link'));
    const logger = recordingLogger();
    await withFs(fs, 'readdir', untypedListing, async () => {
      expect(listed(await run(root, {}, logger))).toEqual([
        '.env dotenv',
        'a/.env dotenv',
        'a/b/.claude/settings.json settings/project',
      ]);
    });
    expect(logger.warnings).toEqual([]);
  });

  it('takes an entry of unknown type that cannot be looked up for a file', async () => {
    const root = await tree({ '.env': 'A=1', 'a/.env': 'A=1' });
    // The root's .env vanishes between the listing and the lookup, then comes back: it is read as a file.
    const lost = (real: (...args: never[]) => unknown) =>
      ((file: string, callback: (error: Error | null) => void) =>
        path.resolve(file) === path.join(root, '.env')
          ? callback(failure('ENOENT'))
          : real(...([file, callback] as never[]))) as never;
    const logger = recordingLogger();
    await withFs(fs, 'readdir', untypedListing, () =>
      withFs(fs, 'lstat', lost, async () => {
        expect(listed(await run(root, {}, logger))).toEqual(['.env dotenv', 'a/.env dotenv']);
      }),
    );
    expect(logger.warnings).toEqual([]);
  });

  it('reads no file over the cap, and skips or drops a file by what reading it says', async () => {
    const root = await tree({
      'big/.env': 'x'.repeat(50),
      'eio/.env': 'A=1',
      'gone/.env': 'A=1',
      'grew/.env': 'A=1',
      'ok/.env': 'A=1',
    });
    const read: string[] = [];
    await withFs(
      fsp,
      'readFile',
      (real) =>
        (async (file: string, ...rest: never[]) => {
          const relative = path.relative(root, file);
          read.push(relative);
          if (relative === path.join('eio', '.env')) throw failure('EIO');
          if (relative === path.join('gone', '.env')) throw failure('ENOENT');
          if (relative === path.join('grew', '.env')) return Buffer.from('x'.repeat(11));
          return real(...([file, ...rest] as never[]));
        }) as never,
      async () => {
        const discovery = await run(root, { maxFileSize: 10 });
        expect(listed(discovery)).toEqual(['ok/.env dotenv']);
        expect(discovery.skipped).toEqual([
          skippedAt('big/.env', 'larger than 10 bytes'),
          skippedAt('eio/.env', 'not readable (EIO)'),
          skippedAt('grew/.env', 'larger than 10 bytes'),
        ]);
      },
    );
    expect(read.sort()).toEqual(['eio', 'gone', 'grew', 'ok'].map((dir) => path.join(dir, '.env')));
  });

  it('skips a link whose target vanishes after the link is resolved', async () => {
    const root = await tree({ 'target.txt': 'A=1' });
    await symlink('target.txt', path.join(root, 'link.env'));
    await withFs(
      fsp,
      'stat',
      (real) =>
        (async (file: string, ...rest: never[]) => {
          if (path.basename(file) === 'target.txt') throw failure('ENOENT');
          return real(...([file, ...rest] as never[]));
        }) as never,
      async () => {
        expect(await run(root)).toEqual({
          files: [],
          skipped: [skippedAt('link.env', 'a broken symlink; not followed')],
          method: 'walk',
        });
      },
    );
  });
});

const SDK_PACKAGE = '{"dependencies":{"@anthropic-ai/sdk":"^0.120.0"}}\n';

/** `path` of each loaded code file. */
const codeFiles = (discovery: Discovery) =>
  discovery.files.filter((f) => f.candidate.kind === 'code').map((f) => f.candidate.path);

describe('discover: the code check’s files', () => {
  it('reads (auto) the sources beside a manifest that declares the SDK, whatever other manifests hold', async () => {
    const root = await tree({
      'sdk/package.json': SDK_PACKAGE,
      'sdk/x.ts': 'x',
      'plain/package.json': '{"dependencies":{"left-pad":"1.0.0"}}\n',
      'plain/y.ts': 'y',
      'binary/package.json': new Uint8Array([0x7b, 0x00, 0x7d]),
      'binary/z.ts': 'z',
    });
    expect(codeFiles(await run(root, { code: 'auto' }))).toEqual(['sdk/x.ts']);
  });

  it('lists no sources of a directory it cannot list again', async () => {
    const root = await tree({ 'package.json': SDK_PACKAGE, 'src/x.ts': 'x' });
    expect(codeFiles(await run(root, { code: 'auto' }))).toEqual(['src/x.ts']);
    await withFs(
      fsp,
      'readdir',
      () =>
        (async () => {
          throw failure('EIO');
        }) as never,
      async () => {
        expect(codeFiles(await run(root, { code: 'auto' }))).toEqual([]);
      },
    );
  });

  it('honours .gitignore for code files when it walks a tree outside git, directory-only patterns included', async () => {
    const root = await tree({
      '.gitignore': 'gen.ts\nskip.ts/\nignored.sh\n',
      'gen.ts': 'x',
      'skip.ts': 'x',
      'keep.ts': 'x',
      'ignored.sh': 'x',
      'run.sh': 'x',
    });
    const discovery = await run(root, { code: 'all', gitignore: true });
    expect(discovery.method).toBe('walk');
    expect(codeFiles(discovery)).toEqual(['keep.ts', 'run.sh', 'skip.ts']);
  });
});
