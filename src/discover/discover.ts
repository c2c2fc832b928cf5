// Finds the files that configure Claude Code (SPEC §4) and reads them. The only stage that touches the disk.
// In a git work tree, `git ls-files` lists the tree (tracked files, then untracked ones: git-listing.ts) and
// already applies every ignore rule (.gitignore at each level, .git/info/exclude, core.excludesFile); only the
// handful of names that can configure Claude Code are then stat'ed and read, each as soon as it is listed.
// Elsewhere, or with `gitignore: false`, we walk.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs';
import { lstat as lstatAsync, readdir as readdirAsync, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Minimatch } from 'minimatch';
import { ConfigurationError } from '../errors.js';
import type { Candidate, SkippedFile } from '../parse/files.js';
import {
  classify,
  LISTING_MARKERS,
  mayBeCandidate,
  NAME_MARKERS,
  type NameFilter,
  nameFilterFor,
  SKIPPED_DIRECTORIES,
} from './candidates.js';
import { type GitListing, listGitFiles } from './git-listing.js';
import { type GitignoreRules, parseGitignore } from './gitignore.js';
import type { Logger } from '../logger.js';
import { createSourceFile, FIRST_LINE, type SourceFile } from './source.js';
import { type CodeMode, CodePaths, declaresAnthropicSdk } from './code-files.js';

export interface DiscoverOptions {
  /** Globs relative to the root; when any is given, a file must match one (or sit under a directory that does). */
  include: string[];
  /** Globs relative to the root; a file that matches one (or sits under a directory that does) is dropped. */
  exclude: string[];
  /** Skip what .gitignore excludes. */
  gitignore: boolean;
  /** In bytes; larger files are not read. */
  maxFileSize: number;
  /** Which source files to read for the code check (code-files.ts); off when absent. */
  code?: CodeMode;
}

export interface LoadedFile {
  candidate: Candidate;
  source: SourceFile;
}

export interface Discovery {
  /** Sorted by path. */
  files: LoadedFile[];
  /** Sorted by path. */
  skipped: SkippedFile[];
  method: 'git' | 'walk';
}

/** At most this many directory reads or file reads at once: enough to hide latency, few enough for any ulimit. */
const CONCURRENCY = 16;

export { classify };

/** The name of the directory whose `/` is at `end` (`''` at the top). */
function segmentBefore(filePath: string, end: number): string {
  if (end <= 0) return '';
  return filePath.slice(filePath.lastIndexOf('/', end - 1) + 1, end);
}

function insideSkippedDirectory(filePath: string): boolean {
  for (const name of SKIPPED_DIRECTORIES) {
    if (filePath.startsWith(`${name}/`) || filePath.includes(`/${name}/`)) return true;
  }
  return false;
}

/** Runs tasks with at most `max` in flight; a finished task hands its slot straight to the next waiting one. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next !== undefined) next();
      else active--;
    }
  };
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

async function checkRoot(root: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(root);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigurationError(`path not found: ${root}`);
    throw new ConfigurationError(`cannot read ${root} (${code})`);
  }
  if (!info.isDirectory()) throw new ConfigurationError(`not a directory: ${root}`);
}

/** An entry ending in `/` is an untracked nested repository. */
const NESTED_REPOSITORY_MARKER = Buffer.from('/\0', 'latin1');

/** `[start, end)` of each NUL-terminated entry of `listing` that holds a marker, in listing order. */
function markedEntries(listing: Buffer, markers: readonly Buffer[]): [number, number][] {
  const entries = new Map<number, number>();
  for (const marker of [...markers, NESTED_REPOSITORY_MARKER]) {
    for (let at = listing.indexOf(marker); at !== -1;) {
      const start = at === 0 ? 0 : listing.lastIndexOf(0, at - 1) + 1;
      let end = listing.indexOf(0, at);
      if (end === -1) end = listing.length;
      entries.set(start, end);
      at = listing.indexOf(marker, end + 1);
    }
  }
  return [...entries].sort((a, b) => a[0] - b[0]);
}

/** Classifies the marked entries of a listing; returns the untracked nested repositories it names. */
function scanListing(listing: Buffer, prefix: string, accept: (candidate: Candidate) => void): string[] {
  const nested: string[] = [];
  // Buffer.indexOf finds the markers natively, so the tens of thousands of other paths cost no JavaScript at all.
  // A nested repository's paths lack the directories above it, which some markers hold.
  const markers = prefix === '' ? LISTING_MARKERS : NAME_MARKERS;
  for (const [start, end] of markedEntries(listing, markers)) {
    if (end === start) continue;
    // Git writes names as they are on disk, UTF-8 in practice; only the few marked entries are decoded.
    const entry = listing.toString('utf8', start, end);
    if (entry.endsWith('/')) {
      // An untracked nested repository: git names the directory only. Its files are in the tree all the same.
      nested.push(entry);
    } else {
      const candidate = classify(prefix + entry);
      if (candidate !== undefined) accept(candidate);
    }
  }
  return nested;
}

/**
 * Hands `accept` the candidates among the files git would call part of the work tree under `dir` (tracked,
 * or untracked and not ignored), relative to `dir` and prefixed with `prefix`, as each listing arrives: the
 * tracked ones first, so they are read while git still walks the tree for the others. False when `dir` is not
 * in a git work tree or git is missing (or failed half-way: then the caller discards what it was given).
 */
async function candidatesFromGit(
  dir: string,
  prefix: string,
  logger: Logger,
  accept: (candidate: Candidate) => void,
  started?: GitListing,
  code?: CodePaths,
): Promise<boolean> {
  const listing = started ?? listGitFiles(dir);
  const failed = (reason: string) => {
    logger.debug(`git ls-files did not run in ${dir} (${reason})`);
    return false;
  };
  const tracked = await listing.tracked;
  if (!tracked.ok) return failed(tracked.reason);
  scanListing(tracked.stdout, prefix, accept);
  code?.addListing(tracked.stdout, prefix);
  const untracked = await listing.untracked;
  if (!untracked.ok) return failed(untracked.reason);
  code?.addListing(untracked.stdout, prefix);
  for (const nested of scanListing(untracked.stdout, prefix, accept)) {
    const relative = prefix + nested;
    if (insideSkippedDirectory(relative)) continue;
    // A nested repository counts whole or not at all.
    const inner: Candidate[] = [];
    if (
      await candidatesFromGit(path.join(dir, nested), relative, logger, (c) => inner.push(c), undefined, code)
    ) {
      for (const candidate of inner) accept(candidate);
    }
  }
  return true;
}

/** One directory's .gitignore, chained to its parent directories' ones. */
interface IgnoreLayer {
  /** The directory holding the .gitignore, relative to the root, with a trailing `/` (or `''` for the root). */
  base: string;
  rules: GitignoreRules;
  parent: IgnoreLayer | undefined;
}

/** Git's precedence: the deepest .gitignore with a matching pattern decides; within one file the last match wins. */
function isIgnored(layer: IgnoreLayer | undefined, relativePath: string, directory: boolean): boolean {
  for (let at = layer; at !== undefined; at = at.parent) {
    const result = at.rules.test(relativePath.slice(at.base.length), directory);
    if (result === 'ignored') return true;
    if (result === 'unignored') return false;
  }
  return false;
}

async function readGitignore(
  root: string,
  dir: string,
  parent: IgnoreLayer | undefined,
  logger: Logger,
): Promise<IgnoreLayer | undefined> {
  try {
    const text = await readFile(path.join(root, dir, '.gitignore'), 'utf8');
    return { base: dir, rules: parseGitignore(text), parent };
  } catch (error) {
    logger.warning(`cannot read ${dir}.gitignore (${errorCode(error)}); its patterns are not applied`);
    return parent;
  }
}

/**
 * Hands `accept` the candidates under `root`, found by reading directories, at most CONCURRENCY at once, each
 * with its .gitignore; symlinked directories are never entered. Callback fs calls, not fs/promises: on a
 * 100,000-file tree the promises cost more than the directory reads themselves.
 */
function walk(
  root: string,
  useGitignore: boolean,
  logger: Logger,
  accept: (candidate: Candidate) => void,
  code?: CodePaths,
): Promise<void> {
  // Directories are read as `prefix + dir` (dir relative, with `/`): path.join per directory costs more than the read.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return new Promise((resolve, reject) => {
    const queue: [string, IgnoreLayer | undefined][] = [['', undefined]];
    let active = 0;
    let failed = false;
    const fail = (error: unknown): void => {
      failed = true;
      reject(error);
    };

    const visitEntry = (
      dir: string,
      name: string,
      directory: boolean,
      layer: IgnoreLayer | undefined,
      names: NameFilter,
    ) => {
      if (directory) {
        if (SKIPPED_DIRECTORIES.has(name)) return;
        const relativePath = dir + name;
        if (useGitignore && isIgnored(layer, relativePath, true)) return;
        queue.push([`${relativePath}/`, layer]);
        return;
      }
      code?.visit(dir, name, layer);
      if (!mayBeCandidate(names, name)) return;
      const relativePath = dir + name;
      const candidate = classify(relativePath);
      if (candidate === undefined) return;
      if (useGitignore && isIgnored(layer, relativePath, false)) return;
      accept(candidate);
    };

    /** A directory is done: its slot goes to the next one queued. */
    const done = (): void => {
      active--;
      if (failed) return;
      if (active === 0 && queue.length === 0) resolve();
      else next();
    };

    const list = (dir: string, entries: Dirent[], layer: IgnoreLayer | undefined): void => {
      // Some file systems do not report the type in the listing; those entries (and FIFOs, sockets, devices)
      // are lstat'ed one after another while the directory keeps its slot.
      const untyped: string[] = [];
      const parentEnd = dir.length - 1;
      const names = nameFilterFor(
        segmentBefore(dir, parentEnd),
        segmentBefore(dir, dir.lastIndexOf('/', parentEnd - 1)),
      );
      for (const entry of entries) {
        const directory = entry.isDirectory();
        if (!directory && !entry.isFile() && !entry.isSymbolicLink()) untyped.push(entry.name);
        else visitEntry(dir, entry.name, directory, layer, names);
      }
      const settle = (index: number): void => {
        if (index === untyped.length) {
          done();
          return;
        }
        const name = untyped[index]!;
        lstat(prefix + dir + name, (error, info) => {
          try {
            visitEntry(dir, name, error === null && info.isDirectory(), layer, names);
            settle(index + 1);
          } catch (thrown) {
            fail(thrown);
          }
        });
      };
      settle(0);
    };

    const next = (): void => {
      while (active < CONCURRENCY && queue.length > 0) {
        const [dir, inherited] = queue.pop()!;
        active++;
        readdir(prefix + dir, { withFileTypes: true }, (error, entries) => {
          try {
            if (error !== null) {
              if (dir === '')
                return fail(new ConfigurationError(`cannot read directory ${root} (${errorCode(error)})`));
              logger.warning(`cannot read directory ${dir.slice(0, -1)} (${errorCode(error)}); skipped`);
              return done();
            }
            if (useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
              readGitignore(root, dir, inherited, logger)
                .then((layer) => list(dir, entries, layer))
                .catch(fail);
            } else {
              list(dir, entries, inherited);
            }
          } catch (thrown) {
            fail(thrown);
          }
        });
      }
    };

    next();
  });
}

interface Glob {
  matcher: Minimatch;
}

function compileGlobs(patterns: string[]): Glob[] {
  return patterns.map((pattern) => {
    const cleaned = pattern.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    return { matcher: new Minimatch(cleaned === '' ? '**' : cleaned, { dot: true }) };
  });
}

/** The path itself or one of its parent directories matches: `--exclude examples` drops everything under it. */
function matchesPathOrParent(glob: Glob, filePath: string): boolean {
  if (glob.matcher.match(filePath)) return true;
  for (let slash = filePath.indexOf('/'); slash !== -1; slash = filePath.indexOf('/', slash + 1)) {
    if (glob.matcher.match(filePath.slice(0, slash))) return true;
  }
  return false;
}

function pathFilter(include: string[], exclude: string[]): (filePath: string) => boolean {
  const includes = compileGlobs(include);
  const excludes = compileGlobs(exclude);
  return (filePath) =>
    (includes.length === 0 || includes.some((g) => matchesPathOrParent(g, filePath))) &&
    !excludes.some((g) => matchesPathOrParent(g, filePath));
}

const MIB = 1024 * 1024;

function formatSize(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(2))} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function isInside(realRoot: string, target: string): boolean {
  const relative = path.relative(realRoot, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Why these bytes are not text Claude Code could read, or undefined when they are. */
function notText(bytes: Uint8Array): string | undefined {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return 'UTF-16 encoded, Claude Code reads UTF-8';
  }
  if (bytes.includes(0)) return 'not a text file';
  return undefined;
}

/** A candidate read and decoded, a reason it was not checked, or undefined when it is gone or not a file. */
export type LoadResult = { loaded: LoadedFile } | { skipped: SkippedFile } | undefined;

function skip(candidate: Candidate, reason: string): LoadResult {
  return { skipped: { path: candidate.path, reason, location: { file: candidate.path, ...FIRST_LINE } } };
}

const GONE = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Read one candidate with every guard: inside the real root (symlinks resolved, parents included), under the size
 * cap, text, UTF-8. `realRoot` is the root after realpath.
 */
export async function loadCandidate(
  root: string,
  realRoot: string,
  candidate: Candidate,
  maxFileSize: number,
): Promise<LoadResult> {
  const absolute = path.join(root, ...candidate.path.split('/'));
  let info: Stats;
  try {
    info = await lstatAsync(absolute);
  } catch (error) {
    // Listed by git but deleted since: nothing to check.
    if (GONE.has(errorCode(error))) return undefined;
    return skip(candidate, `not readable (${errorCode(error)})`);
  }
  if (!info.isFile() && !info.isSymbolicLink()) return undefined;
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return skip(candidate, 'a broken symlink; not followed');
  }
  // Checked for every file, not only links: a parent directory may be a link too.
  if (!isInside(realRoot, real))
    return skip(candidate, 'a symlink that leaves the scanned root; not followed');
  if (info.isSymbolicLink()) {
    try {
      info = await stat(real);
    } catch {
      return skip(candidate, 'a broken symlink; not followed');
    }
    if (!info.isFile()) return undefined;
  }
  if (info.size > maxFileSize) return skip(candidate, `larger than ${formatSize(maxFileSize)}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(real);
  } catch (error) {
    if (GONE.has(errorCode(error))) return undefined;
    return skip(candidate, `not readable (${errorCode(error)})`);
  }
  if (bytes.length > maxFileSize) return skip(candidate, `larger than ${formatSize(maxFileSize)}`);
  const problem = notText(bytes);
  if (problem !== undefined) return skip(candidate, problem);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return skip(candidate, 'not valid UTF-8');
  }
  return { loaded: { candidate, source: createSourceFile(candidate.path, text) } };
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The directories (relative, `''` for the root) whose manifest declares an Anthropic SDK. */
async function sdkDirectories(
  root: string,
  realRoot: string,
  code: CodePaths,
  maxFileSize: number,
): Promise<Set<string>> {
  const limit = limiter(CONCURRENCY);
  const found = new Set<string>();
  await Promise.all(
    code.manifestPaths().map((manifest) =>
      limit(async () => {
        const result = await loadCandidate(root, realRoot, { path: manifest, kind: 'code' }, maxFileSize);
        if (result === undefined || !('loaded' in result)) return;
        const slash = manifest.lastIndexOf('/');
        if (declaresAnthropicSdk(manifest.slice(slash + 1), result.loaded.source.text)) {
          found.add(slash === -1 ? '' : manifest.slice(0, slash));
        }
      }),
    ),
  );
  return found;
}

/** What a caller may add to a discovery besides the options. */
export interface DiscoverHooks {
  /** A git listing the caller started early (listGitFiles); used when it is of `root` and .gitignore is respected. */
  started?: GitListing;
  /** Called with each file as soon as it is read, in no particular order (to parse it meanwhile). Must not throw. */
  onLoaded?: (file: LoadedFile) => void;
}

/**
 * Finds and reads every candidate under `root` (an existing directory, else a ConfigurationError).
 * Files that cannot be checked come back in `skipped` with the reason; nothing is silently dropped except
 * files listed by git that no longer exist and non-regular files.
 */
export async function discover(
  root: string,
  options: DiscoverOptions,
  logger: Logger,
  hooks: DiscoverHooks = {},
): Promise<Discovery> {
  const { started, onLoaded } = hooks;
  const base = path.resolve(root);
  await checkRoot(base);
  const realRoot = await realpath(base);

  const wanted = pathFilter(options.include, options.exclude);
  let limit = limiter(CONCURRENCY);
  let reads: Promise<LoadResult>[] = [];
  let seen = new Set<string>();
  // Each candidate is read as soon as it is known, at most CONCURRENCY at once. During a merge git lists a
  // conflicted path once per stage: it is read once.
  const accept = (candidate: Candidate): void => {
    if (seen.has(candidate.path) || !wanted(candidate.path)) return;
    seen.add(candidate.path);
    const read = limit(() => loadCandidate(base, realRoot, candidate, options.maxFileSize));
    reads.push(
      onLoaded === undefined
        ? read
        : read.then((result) => {
            if (result !== undefined && 'loaded' in result) onLoaded(result.loaded);
            return result;
          }),
    );
  };

  let method: Discovery['method'] = 'walk';
  const newCodePaths = (walked: boolean) =>
    options.code === undefined || options.code === 'off'
      ? undefined
      : new CodePaths(
          options.code,
          walked && options.gitignore
            ? { isIgnored: (layer, file) => isIgnored(layer as IgnoreLayer | undefined, file, false) }
            : undefined,
        );
  let code = newCodePaths(!options.gitignore);
  if (options.gitignore) {
    const early = started !== undefined && started.dir === base ? started : undefined;
    if (await candidatesFromGit(base, '', logger, accept, early, code)) {
      method = 'git';
    } else {
      logger.debug(`${base} is not in a git work tree (or git is missing); walking the directory tree`);
      // Whatever a listing that failed half-way handed over is still read, and dropped.
      for (const read of reads) read.catch(() => {});
      limit = limiter(CONCURRENCY);
      reads = [];
      seen = new Set();
      code = newCodePaths(true);
    }
  }
  if (method === 'walk') await walk(base, options.gitignore, logger, accept, code);
  if (code !== undefined) {
    const sdk = await sdkDirectories(base, realRoot, code, options.maxFileSize);
    const listFiles = async (dir: string): Promise<string[]> => {
      try {
        const entries = await readdirAsync(path.join(base, dir), { withFileTypes: true });
        return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
      } catch {
        return [];
      }
    };
    for (const candidate of await code.select(sdk, listFiles)) accept(candidate);
  }
  const results = await Promise.all(reads);

  const files: LoadedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const result of results) {
    if (result === undefined) continue;
    if ('loaded' in result) files.push(result.loaded);
    else skipped.push(result.skipped);
  }
  files.sort((a, b) => byPath(a.candidate, b.candidate));
  skipped.sort(byPath);
  return { files, skipped, method };
}
