// The walk's .gitignore rules: plain-name files take the fast path, and it agrees with the `ignore` package
// (git's rules) on every pattern and path here; anything else goes to `ignore` whole.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { listGitFiles } from '../src/discover/git-listing.js';
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
    for (const other of ['!keep.log', 'a/b', 'foo*bar', 'x?', '[ab]', 'a\\ ', '**/x', '/*.log']) {
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
