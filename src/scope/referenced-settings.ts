// Reads the files that workflows name in claude-code-action's `settings` input: they are settings Claude Code
// runs with, but no file name marks them, so discovery cannot find them. The same care as discovery: nothing
// outside the scanned root (symlinks resolved), nothing over the size cap, text only; what cannot be checked is
// reported (CFG008), and a file that does not exist is left alone (an earlier step may create it).
import { realpath } from 'node:fs/promises';
import { referencedSettingsPaths } from './ci-scopes.js';
import { type Discovery, type LoadedFile, loadCandidate } from '../discover/discover.js';
import type { ParsedFile, SkippedFile } from '../parse/files.js';
import { parseLoaded } from '../parse/parse-files.js';

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
    const result = await loadCandidate(
      root,
      realRoot,
      { path: file, kind: 'settings', role: 'action' },
      maxFileSize,
    );
    if (result === undefined) continue;
    if ('loaded' in result) files.push(result.loaded);
    else skippedFiles.push(result.skipped);
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
  parsedAlready?: ReadonlyMap<LoadedFile, ParsedFile | undefined>,
): Promise<Discovery> {
  const workflows: ParsedFile[] = [];
  for (const loaded of discovery.files) {
    if (loaded.candidate.kind !== 'workflow') continue;
    const parsed = parsedAlready?.has(loaded) ? parsedAlready.get(loaded) : parseLoaded(loaded);
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
