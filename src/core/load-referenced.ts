// Reads the files that workflows name in claude-code-action's `settings` input: they are settings Claude Code
// runs with, but no file name marks them, so discovery cannot find them. The same care as discovery: nothing
// outside the scanned root (symlinks resolved), nothing over the size cap, text only; what cannot be checked is
// reported (CFG008), and a file that does not exist is left alone (an earlier step may create it).
import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { referencedSettingsPaths } from './ci-scopes.js';
import type { Discovery, LoadedFile } from './discover.js';
import type { ParsedFile, SkippedFile } from './files.js';
import { parseLoaded } from './parse-files.js';
import { createSourceFile, FIRST_LINE } from './source.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function skipped(file: string, reason: string): SkippedFile {
  return { path: file, reason, location: { file, ...FIRST_LINE } };
}

function isInside(realRoot: string, target: string): boolean {
  const relative = path.relative(realRoot, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

async function loadOne(
  root: string,
  realRoot: string,
  file: string,
  maxFileSize: number,
): Promise<LoadedFile | SkippedFile | undefined> {
  let real: string;
  try {
    real = await realpath(path.join(root, ...file.split('/')));
  } catch {
    return undefined;
  }
  if (!isInside(realRoot, real)) return skipped(file, 'a symlink that leaves the scanned root; not followed');
  let info: Stats;
  try {
    info = await stat(real);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  if (info.size > maxFileSize) return skipped(file, `larger than ${maxFileSize} bytes`);
  let bytes: Buffer;
  try {
    bytes = await readFile(real);
  } catch {
    return skipped(file, 'not readable');
  }
  if (bytes.length > maxFileSize) return skipped(file, `larger than ${maxFileSize} bytes`);
  if (bytes.includes(0)) return skipped(file, 'not a text file');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return skipped(file, 'not valid UTF-8');
  }
  return {
    candidate: { path: file, kind: 'settings', role: 'action' },
    source: createSourceFile(file, text),
  };
}

/** Loads `paths` (relative to `root`, with `/`) as settings files of role `action`. */
export async function loadReferencedSettings(
  root: string,
  paths: string[],
  maxFileSize: number,
): Promise<{ files: LoadedFile[]; skipped: SkippedFile[] }> {
  const files: LoadedFile[] = [];
  const skippedFiles: SkippedFile[] = [];
  if (paths.length === 0) return { files, skipped: skippedFiles };
  const realRoot = await realpath(root);
  for (const file of paths) {
    const result = await loadOne(root, realRoot, file, maxFileSize);
    if (result === undefined) continue;
    if ('candidate' in result) files.push(result);
    else skippedFiles.push(result);
  }
  return { files, skipped: skippedFiles };
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Discovery plus the settings files its workflows name (see `referencedSettingsPaths`). */
export async function withReferencedSettings(
  root: string,
  discovery: Discovery,
  maxFileSize: number,
): Promise<Discovery> {
  const workflows: ParsedFile[] = [];
  for (const loaded of discovery.files) {
    if (loaded.candidate.kind !== 'workflow') continue;
    const parsed = parseLoaded(loaded);
    if (parsed !== undefined) workflows.push(parsed);
  }
  const known = new Set([
    ...discovery.files.map((f) => f.candidate.path),
    ...discovery.skipped.map((s) => s.path),
  ]);
  const extra = await loadReferencedSettings(root, referencedSettingsPaths(workflows, known), maxFileSize);
  if (extra.files.length === 0 && extra.skipped.length === 0) return discovery;
  return {
    ...discovery,
    files: [...discovery.files, ...extra.files].sort((a, b) => byPath(a.candidate.path, b.candidate.path)),
    skipped: [...discovery.skipped, ...extra.skipped].sort((a, b) => byPath(a.path, b.path)),
  };
}
