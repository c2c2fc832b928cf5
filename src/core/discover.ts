// Finds the files that configure Claude Code (SPEC §4) and reads them. The only stage that touches the disk.
// In a git work tree, `git ls-files` lists the tree in one call and already applies every ignore rule
// (.gitignore at each level, .git/info/exclude, core.excludesFile); only the handful of names that can
// configure Claude Code are then stat'ed and read. Elsewhere, or with `gitignore: false`, we walk.
import { execFile } from 'node:child_process';
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import { ConfigurationError } from './errors.js';
import type { Candidate, SkippedFile } from './files.js';
import type { Logger } from './logger.js';
import { createSourceFile, FIRST_LINE, type SourceFile } from './source.js';

export interface DiscoverOptions {
  /** Globs relative to the root; when any is given, a file must match one (or sit under a directory that does). */
  include: string[];
  /** Globs relative to the root; a file that matches one (or sits under a directory that does) is dropped. */
  exclude: string[];
  /** Skip what .gitignore excludes. */
  gitignore: boolean;
  /** In bytes; larger files are not read. */
  maxFileSize: number;
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

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

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

function classifyName(filePath: string, base: string, slash: number): Candidate | undefined {
  const parent = segmentBefore(filePath, slash);
  const settings = (role: Candidate['role']): Candidate => ({ path: filePath, kind: 'settings', role });
  if (base === 'settings.json' && parent === '.claude') return settings('project');
  if (base === 'settings.local.json' && parent === '.claude') return settings('local');
  if (base === 'settings.json' && parent === 'dot_claude') return settings('user');
  if (base === 'managed-settings.json') return settings('managed');
  // Claude Code ignores hidden and non-.json drop-ins (managed-settings page).
  if (parent === 'managed-settings.d' && base.endsWith('.json') && !base.startsWith('.')) {
    return settings('managed-dropin');
  }
  if (base === '.mcp.json') return { path: filePath, kind: 'mcp' };
  if (
    base === '.env' ||
    base === '.envrc' ||
    base.startsWith('.env.') ||
    (base.endsWith('.env') && base.length > 4)
  ) {
    return { path: filePath, kind: 'dotenv' };
  }
  const grandparent = () => segmentBefore(filePath, filePath.lastIndexOf('/', slash - 1));
  if (
    (base.endsWith('.yml') || base.endsWith('.yaml')) &&
    parent === 'workflows' &&
    grandparent() === '.github'
  ) {
    return { path: filePath, kind: 'workflow' };
  }
  if (
    base === '.devcontainer.json' ||
    (base === 'devcontainer.json' && (parent === '.devcontainer' || grandparent() === '.devcontainer'))
  ) {
    return { path: filePath, kind: 'devcontainer' };
  }
  return undefined;
}

/** What a path is by its name and place (relative, with `/`), or undefined when it configures nothing we check. */
export function classify(filePath: string): Candidate | undefined {
  const slash = filePath.lastIndexOf('/');
  const candidate = classifyName(filePath, filePath.slice(slash + 1), slash);
  if (candidate === undefined || insideSkippedDirectory(filePath)) return undefined;
  return candidate;
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

function runGitLsFiles(cwd: string): Promise<{ ok: true; stdout: string } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      // A work tree's own config could name an fsmonitor program; listing files must not run anything.
      ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { cwd, maxBuffer: 1024 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) resolve({ ok: true, stdout });
        else resolve({ ok: false, reason: (stderr.trim().split('\n')[0] || error.message).trim() });
      },
    );
  });
}

/** Could the listed path in `listing[start, end)` be a candidate? Rejects most paths without making a string. */
function mayBeCandidate(listing: string, start: number, end: number): boolean {
  let base = end;
  while (base > start && listing.charCodeAt(base - 1) !== 47 /* / */) base--;
  if (listing.charCodeAt(base) === 46 /* . */) return true;
  const endsWith = (suffix: string) =>
    end - suffix.length >= base && listing.startsWith(suffix, end - suffix.length);
  return endsWith('.json') || endsWith('.env') || endsWith('.yml') || endsWith('.yaml');
}

/**
 * The candidates among the files git would call part of the work tree under `dir` (tracked, or untracked
 * and not ignored), relative to `dir` and prefixed with `prefix`; undefined when `dir` is not in a git
 * work tree or git is missing.
 */
async function candidatesFromGit(
  dir: string,
  prefix: string,
  logger: Logger,
): Promise<Candidate[] | undefined> {
  const result = await runGitLsFiles(dir);
  if (!result.ok) {
    logger.debug(`git ls-files did not run in ${dir} (${result.reason})`);
    return undefined;
  }
  const listing = result.stdout;
  const found: Candidate[] = [];
  const nestedRepositories: string[] = [];
  for (let start = 0; start < listing.length; ) {
    let end = listing.indexOf('\0', start);
    if (end === -1) end = listing.length;
    if (end > start && listing.charCodeAt(end - 1) === 47 /* / */) {
      // An untracked nested repository: git names the directory only. Its files are in the tree all the same.
      nestedRepositories.push(listing.slice(start, end));
    } else if (end > start && mayBeCandidate(listing, start, end)) {
      const candidate = classify(prefix + listing.slice(start, end));
      if (candidate !== undefined) found.push(candidate);
    }
    start = end + 1;
  }
  for (const nested of nestedRepositories) {
    const relative = prefix + nested;
    if (insideSkippedDirectory(relative)) continue;
    const inner = await candidatesFromGit(path.join(dir, nested), relative, logger);
    if (inner !== undefined) found.push(...inner);
  }
  return found;
}

/** One directory's .gitignore, chained to its parent directories' ones. */
interface IgnoreLayer {
  /** The directory holding the .gitignore, relative to the root, with a trailing `/` (or `''` for the root). */
  base: string;
  rules: Ignore;
  parent: IgnoreLayer | undefined;
}

/** Git's precedence: the deepest .gitignore with a matching pattern decides; within one file the last match wins. */
function isIgnored(layer: IgnoreLayer | undefined, relativePath: string, directory: boolean): boolean {
  for (let at = layer; at !== undefined; at = at.parent) {
    const local = relativePath.slice(at.base.length) + (directory ? '/' : '');
    if (!ignore.isPathValid(local)) continue;
    const result = at.rules.test(local);
    if (result.ignored) return true;
    if (result.unignored) return false;
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
    return { base: dir, rules: ignore({ ignorecase: false }).add(text), parent };
  } catch (error) {
    logger.warning(`cannot read ${dir}.gitignore (${errorCode(error)}); its patterns are not applied`);
    return parent;
  }
}

/** The candidates under `root`, found by reading directories; symlinked directories are never entered. */
async function walk(root: string, useGitignore: boolean, logger: Logger): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const limit = limiter(CONCURRENCY);

  const visit = async (dir: string, inherited: IgnoreLayer | undefined): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await limit(() => readdir(path.join(root, dir), { withFileTypes: true }));
    } catch (error) {
      if (dir === '') throw new ConfigurationError(`cannot read directory ${root} (${errorCode(error)})`);
      logger.warning(`cannot read directory ${dir.slice(0, -1)} (${errorCode(error)}); skipped`);
      return;
    }
    let layer = inherited;
    if (useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      layer = await limit(() => readGitignore(root, dir, inherited, logger));
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const relativePath = dir + entry.name;
      let directory = entry.isDirectory();
      if (!directory && !entry.isFile() && !entry.isSymbolicLink()) {
        // Some file systems do not report the type in the listing.
        const info = await limit(() => lstat(path.join(root, relativePath)).catch(() => undefined));
        directory = info?.isDirectory() ?? false;
      }
      if (directory) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (useGitignore && isIgnored(layer, relativePath, true)) continue;
        subdirectories.push(`${relativePath}/`);
        continue;
      }
      const candidate = classify(relativePath);
      if (candidate === undefined) continue;
      if (useGitignore && isIgnored(layer, relativePath, false)) continue;
      found.push(candidate);
    }
    await Promise.all(subdirectories.map((sub) => visit(sub, layer)));
  };

  await visit('', undefined);
  return found;
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

type LoadResult = { loaded: LoadedFile } | { skipped: SkippedFile } | undefined;

function skip(candidate: Candidate, reason: string): LoadResult {
  return { skipped: { path: candidate.path, reason, location: { file: candidate.path, ...FIRST_LINE } } };
}

const GONE = new Set(['ENOENT', 'ENOTDIR']);

async function load(
  root: string,
  realRoot: string,
  candidate: Candidate,
  maxFileSize: number,
): Promise<LoadResult> {
  const absolute = path.join(root, ...candidate.path.split('/'));
  let info: Stats;
  try {
    info = await lstat(absolute);
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

/**
 * Finds and reads every candidate under `root` (an existing directory, else a ConfigurationError).
 * Files that cannot be checked come back in `skipped` with the reason; nothing is silently dropped except
 * files listed by git that no longer exist and non-regular files.
 */
export async function discover(root: string, options: DiscoverOptions, logger: Logger): Promise<Discovery> {
  const base = path.resolve(root);
  await checkRoot(base);
  const realRoot = await realpath(base);

  let method: Discovery['method'] = 'walk';
  let candidates: Candidate[] | undefined;
  if (options.gitignore) {
    candidates = await candidatesFromGit(base, '', logger);
    if (candidates !== undefined) {
      method = 'git';
      // During a merge git lists a conflicted path once per stage.
      candidates = [...new Map(candidates.map((c) => [c.path, c])).values()];
    } else {
      logger.debug(`${base} is not in a git work tree (or git is missing); walking the directory tree`);
    }
  }
  candidates ??= await walk(base, options.gitignore, logger);

  const wanted = pathFilter(options.include, options.exclude);
  const limit = limiter(CONCURRENCY);
  const results = await Promise.all(
    candidates
      .filter((c) => wanted(c.path))
      .map((c) => limit(() => load(base, realRoot, c, options.maxFileSize))),
  );

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
