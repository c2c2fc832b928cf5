// The walk's .gitignore rules: plain-name files take the fast path, and it agrees with the `ignore` package
// (git's rules) on every pattern and path here; anything else goes to `ignore` whole.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { gitWorkTreeTop, listGitFiles } from '../src/discover/git-listing.js';
import { parseGitignore } from '../src/discover/gitignore.js';

const PLAIN = [
  'node_modules/',
  '*.log',
  '/coverage/',
  '.env.local',
  'dist',
  '/build',
  '*.tmp/',
  '# comment',
  '',
  'out  ',
  'my file',
];
const PATHS = [
  'node_modules',
  'a/node_modules',
  'x.log',
  'a/b/.log',
  'coverage',
  'a/coverage',
  '.env.local',
  'svc/.env.local',
  'dist',
  'a/dist',
  'build',
  'a/build',
  'cache.tmp',
  'out',
  'out  ',
  'my file',
  'myfile',
  'src',
  'a/settings.json',
];

function viaIgnore(text: string, local: string, directory: boolean) {
  const result = ignore({ ignorecase: false })
    .add(text)
    .test(local + (directory ? '/' : ''));
  return result.ignored ? 'ignored' : result.unignored ? 'unignored' : undefined;
}

describe('parseGitignore', () => {
  it.each(PATHS.flatMap((p) => [[p, true] as const, [p, false] as const]))(
    'agrees with git on %s (directory: %s) for plain names',
    (local, directory) => {
      const text = PLAIN.join('\n');
      expect(parseGitignore(text).test(local, directory)).toBe(viaIgnore(text, local, directory));
    },
  );

  it('takes the fast path only for plain names', () => {
    expect(parseGitignore(PLAIN.join('\n')).constructor.name).toBe('PlainNameRules');
    for (const other of [
      '!keep.log',
      'a/b',
      'foo*bar',
      'x?',
      '[ab]',
      'a\\ ',
      '**/x',
      '/*.log',
      '/',
      '.',
      '..',
    ]) {
      expect(parseGitignore(`dist\n${other}\n`).constructor.name).not.toBe('PlainNameRules');
    }
  });

  it('keeps git precedence when a pattern needs the full rules', () => {
    const rules = parseGitignore('*.log\n!keep.log\n');
    expect(rules.test('a/x.log', false)).toBe('ignored');
    expect(rules.test('a/keep.log', false)).toBe('unignored');
  });

  it('reads CRLF files', () => {
    const rules = parseGitignore('dist\r\n*.log\r\n');
    expect(rules.test('dist', true)).toBe('ignored');
    expect(rules.test('a.log', false)).toBe('ignored');
    expect(rules.test('a.txt', false)).toBeUndefined();
  });
});

describe('parseGitignore: files that need the full rules', () => {
  it('matches case-sensitively, and a `name/` pattern only directories', () => {
    const rules = parseGitignore('!keep\nDist\nbuild/\na/b\n');
    expect(rules.test('Dist', false)).toBe('ignored');
    expect(rules.test('dist', false)).toBeUndefined();
    expect(rules.test('build', true)).toBe('ignored');
    expect(rules.test('build', false)).toBeUndefined();
    expect(rules.test('a/b', false)).toBe('ignored');
    expect(rules.test('c/a/b', false)).toBeUndefined();
  });

  it('anchors a pattern with a slash inside to its directory', () => {
    const rules = parseGitignore('a/b\n');
    expect(rules.test('a/b', false)).toBe('ignored');
    expect(rules.test('c/a/b', false)).toBeUndefined();
    expect(rules.test('b', false)).toBeUndefined();
  });

  it('has no verdict on a path that is not relative to its directory', () => {
    const rules = parseGitignore('!keep\n*\n');
    expect(rules.test('../x', false)).toBeUndefined();
    expect(rules.test('/x', false)).toBeUndefined();
    expect(rules.test('x', false)).toBe('ignored');
  });
});

describe('listGitFiles', () => {
  it('does not start git where no .git is in the directory or above it', async (context) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ccp-nogit-'));
    try {
      for (let at = dir; path.dirname(at) !== at; at = path.dirname(at)) {
        if (existsSync(path.join(at, '.git'))) return context.skip(`${at} has a .git`);
      }
      const listing = listGitFiles(dir);
      expect(await listing.tracked).toEqual({ ok: false, reason: 'no .git in the directory or above it' });
      expect(await listing.untracked).toEqual({ ok: false, reason: 'no .git in the directory or above it' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('listGitFiles and gitWorkTreeTop: what git prints', () => {
  it('lists tracked files, and untracked ones that no ignore rule excludes, NUL-separated', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ccp-git-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      writeFileSync(path.join(dir, '.gitignore'), '*.log\n');
      for (const name of ['tracked.txt', 'untracked.txt', 'x.log']) writeFileSync(path.join(dir, name), '');
      execFileSync('git', ['add', 'tracked.txt', 'x.log', '-f'], { cwd: dir });
      const listing = listGitFiles(dir);
      expect(listing.dir).toBe(dir);
      expect(await listing.tracked).toEqual({ ok: true, stdout: Buffer.from('tracked.txt\0x.log\0') });
      expect(await listing.untracked).toEqual({
        ok: true,
        stdout: Buffer.from('.gitignore\0untracked.txt\0'),
      });
      expect(await gitWorkTreeTop(dir)).toBe(
        execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).trim(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a directory it cannot start git in (a file), and finds no work tree top there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ccp-git-'));
    try {
      mkdirSync(path.join(dir, '.git'));
      writeFileSync(path.join(dir, 'file.txt'), '');
      const listing = listGitFiles(path.join(dir, 'file.txt'));
      expect(await listing.tracked).toEqual({ ok: false, reason: 'spawn ENOTDIR' });
      expect(await listing.untracked).toEqual({ ok: false, reason: 'spawn ENOTDIR' });
      expect(await gitWorkTreeTop(path.join(dir, 'file.txt'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('listGitFiles and gitWorkTreeTop: a git that fails or prints nothing', () => {
  // A stand-in `git` first on PATH: what it prints and how it exits are the test's to choose.
  async function withGit<T>(script: string, body: (dir: string) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(path.join(tmpdir(), 'ccp-fakegit-'));
    const saved = process.env.PATH;
    try {
      mkdirSync(path.join(dir, 'bin'));
      mkdirSync(path.join(dir, 'repo/.git'), { recursive: true });
      writeFileSync(path.join(dir, 'bin/git'), `#!/bin/sh\n${script}\n`);
      chmodSync(path.join(dir, 'bin/git'), 0o755);
      process.env.PATH = `${path.join(dir, 'bin')}${path.delimiter}${saved ?? ''}`;
      return await body(path.join(dir, 'repo'));
    } finally {
      process.env.PATH = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("gives the first line of git's error output as the reason", async () => {
    await withGit(`printf '  fatal: first line  \\nsecond line\\n' >&2; exit 128`, async (repo) => {
      const listing = listGitFiles(repo);
      expect(await listing.tracked).toEqual({ ok: false, reason: 'fatal: first line' });
      expect(await listing.untracked).toEqual({ ok: false, reason: 'fatal: first line' });
    });
  });

  it('gives the failed command when git fails without a word', async () => {
    await withGit('exit 1', async (repo) => {
      const listing = listGitFiles(repo);
      expect(await listing.tracked).toEqual({
        ok: false,
        reason: 'Command failed: git -c core.fsmonitor=false ls-files -z --cached',
      });
      expect(await listing.untracked).toEqual({
        ok: false,
        reason: 'Command failed: git -c core.fsmonitor=false ls-files -z --others --exclude-standard',
      });
    });
  });

  it('finds no work tree top when git fails, even if it printed one, or prints none', async () => {
    await withGit('echo /somewhere; exit 128', async (repo) => {
      expect(await gitWorkTreeTop(repo)).toBeUndefined();
    });
    await withGit('exit 0', async (repo) => {
      expect(await gitWorkTreeTop(repo)).toBeUndefined();
    });
    await withGit('echo /top', async (repo) => {
      expect(await gitWorkTreeTop(repo)).toBe('/top');
    });
  });
});
