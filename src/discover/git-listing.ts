// `git ls-files` for discovery, in a module of its own that imports nothing heavy: the CLI starts the listing
// before it loads the rest of the program (src/cli/index.ts), so git walks the tree while Node compiles.
// Tracked and untracked files come from two processes: git prints the tracked ones from its index in a few
// milliseconds, but `--others` prints nothing until it has walked the whole tree, and the candidates it
// already knows can be read meanwhile.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The raw NUL-separated listing (bytes, never decoded as a whole), or why git could not list. */
export type GitListingResult = { ok: true; stdout: Buffer } | { ok: false; reason: string };

/** Listings of one directory (absolute), started ahead of discovery. Neither promise rejects. */
export interface GitListing {
  dir: string;
  /** Files in git's index, whatever .gitignore says. */
  tracked: Promise<GitListingResult>;
  /** Untracked files that no ignore rule excludes, and untracked nested repositories (named `dir/`). */
  untracked: Promise<GitListingResult>;
}

/**
 * node:child_process, loaded on first use: with the streams and sockets it brings, it costs a start about 3 ms,
 * which a tree without `.git` never needs to pay.
 */
function childProcess(): typeof import('node:child_process') {
  return process.getBuiltinModule('node:child_process');
}

function lsFiles(cwd: string, which: string[]): Promise<GitListingResult> {
  return new Promise((resolve) => {
    try {
      childProcess().execFile(
        'git',
        // A work tree's own config could name an fsmonitor program; listing files must not run anything.
        ['-c', 'core.fsmonitor=false', 'ls-files', '-z', ...which],
        { cwd, maxBuffer: 1024 * 1024 * 1024, windowsHide: true, encoding: 'buffer' },
        (error, stdout, stderr) => {
          if (error === null) resolve({ ok: true, stdout });
          else {
            const firstLine = stderr.toString('utf8').trim().split('\n')[0];
            resolve({ ok: false, reason: (firstLine || error.message).trim() });
          }
        },
      );
    } catch (error) {
      // spawn throws (rather than reporting) some errors, such as a cwd that is a file (ENOTDIR).
      resolve({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  });
}

/**
 * Is there a `.git` (a directory, or the file of a linked work tree or submodule) in `dir` or above it? Without
 * one git can only fail, and starting it twice to hear so costs a walk of a tree without git about 65 ms.
 */
function mayBeInWorkTree(dir: string): boolean {
  for (let at = dir; ;) {
    if (existsSync(path.join(at, '.git'))) return true;
    const parent = path.dirname(at);
    if (parent === at) return false;
    at = parent;
  }
}

const NOT_A_WORK_TREE: Promise<GitListingResult> = Promise.resolve({
  ok: false,
  reason: 'no .git in the directory or above it',
});

/**
 * Starts listing the files git calls part of the work tree under `dir`, relative to `dir`. A missing git, a
 * directory outside a work tree or a missing directory come back as `ok: false`.
 */
export function listGitFiles(dir: string): GitListing {
  const cwd = path.resolve(dir);
  if (!mayBeInWorkTree(cwd)) return { dir: cwd, tracked: NOT_A_WORK_TREE, untracked: NOT_A_WORK_TREE };
  return {
    dir: cwd,
    tracked: lsFiles(cwd, ['--cached']),
    untracked: lsFiles(cwd, ['--others', '--exclude-standard']),
  };
}

/** The top of the git work tree that holds `dir` (absolute, as git prints it), or undefined outside one. */
export function gitWorkTreeTop(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      childProcess().execFile(
        'git',
        ['-c', 'core.fsmonitor=false', 'rev-parse', '--show-toplevel'],
        { cwd: dir, windowsHide: true, encoding: 'utf8' },
        (error, stdout) => {
          const top = stdout.trim();
          resolve(error === null && top !== '' ? top : undefined);
        },
      );
    } catch {
      resolve(undefined);
    }
  });
}
