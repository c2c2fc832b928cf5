// What the scan's PATH arguments name: one directory (the root to scan, as always), or files. A file is checked in
// its place in the repository: the repository around it is scanned, so the scope it belongs to is worked out
// with every file Claude Code would read beside it, and only the findings on the named files are reported. That
// is what a pre-commit hook needs: it hands over the staged files that changed.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isWithin } from '../discover/contained.js';
import { ConfigurationError } from '../errors.js';
import { closestWord } from '../suggest.js';

/** The words the command line takes where a PATH could be: a mistyped one is suggested, not scanned. */
export const COMMANDS = ['scan', 'fix', 'init', 'rules', 'explain', 'help', 'version'] as const;

export interface Targets {
  /** The root to scan, as given or relative to the working directory; undefined for the default (.). */
  root: string | undefined;
  /** Files to report on, relative to the root with `/`; undefined when a directory is scanned. */
  files: string[] | undefined;
}

/** A bare word (no slash, no dot) that is within two edits of a command, when nothing by that name exists. */
function mistypedCommand(word: string, cwd: string): string | undefined {
  if (!/^[a-z][a-z-]*$/i.test(word) || existsSync(path.resolve(cwd, word))) return undefined;
  return closestWord(word, COMMANDS);
}

/** Folders that hold Claude Code files inside a project: a file in one belongs to the project around it. */
const INNER_FOLDERS = new Set([
  '.claude',
  'dot_claude',
  '.devcontainer',
  'managed-settings.d',
  'workflows',
  '.github',
]);

/**
 * The nearest folder above `file` that holds `.git` (the work tree it is in); else the project folder around it:
 * its own folder, or above `.claude/`, `.github/workflows/`, `.devcontainer/` and the like, so the file keeps the
 * place that gives it its meaning. Never the working directory as such: a file in a big folder must not make
 * the whole folder a scan.
 */
function repositoryOf(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  let dir = path.dirname(file);
  while (
    path.dirname(dir) !== dir &&
    (INNER_FOLDERS.has(path.basename(dir)) || path.basename(path.dirname(dir)) === '.devcontainer')
  ) {
    dir = path.dirname(dir);
  }
  return dir;
}

export async function resolveTargets(cwd: string, paths: readonly string[]): Promise<Targets> {
  for (const word of paths) {
    const command = mistypedCommand(word, cwd);
    if (command !== undefined) {
      throw new ConfigurationError(
        `${JSON.stringify(word)} is neither a PATH nor a command (did you mean \`${command}\`?)`,
      );
    }
  }
  if (paths.length === 0) return { root: undefined, files: undefined };
  const kinds = await Promise.all(
    paths.map(async (p) => {
      const info = await stat(path.resolve(cwd, p)).catch(() => undefined);
      if (info === undefined) return 'missing';
      return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
    }),
  );
  // One directory, or one PATH that is missing or not a regular file (a FIFO): the scan checks it and says why.
  if (paths.length === 1 && kinds[0] !== 'file') return { root: paths[0], files: undefined };
  const notFile = kinds.findIndex((kind) => kind !== 'file');
  if (notFile >= 0) {
    throw new ConfigurationError(
      kinds[notFile] === 'missing'
        ? `PATH ${paths[notFile]} not found`
        : kinds[notFile] === 'other'
          ? `PATH ${paths[notFile]} is not a regular file or a directory`
          : `expected one directory or any number of files, got the directory ${paths[notFile]} among ${paths.length} PATHs`,
    );
  }
  const absolute = paths.map((p) => path.resolve(cwd, p));
  const root = repositoryOf(absolute[0]!);
  const files = absolute.map((file) => {
    if (!isWithin(root, file)) {
      throw new ConfigurationError(`${file} is not in the repository of ${absolute[0]} (${root})`);
    }
    return path.relative(root, file).split(path.sep).join('/');
  });
  return { root: path.relative(cwd, root) || '.', files: [...new Set(files)] };
}
