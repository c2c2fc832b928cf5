// Reads and writes that stay inside a root. Everything under the root may belong to whoever opened the pull
// request, links included: a report file committed as a link to ~/.bashrc, a folder that is a link to /, a config
// file that is a link to /dev/zero. So no read or write follows a link out of the root, special files are never
// opened, a read is capped, and a write replaces the last component (temp file + rename) instead of following it.
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';

/** Whether `inner` is `outer` or lies under it (both absolute, resolved). */
export function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  // `..x` is a name inside `outer`; only `..` itself or `../…` climbs out of it.
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

async function lstatOrUndefined(file: string) {
  try {
    return await lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Refuse when a component of `target` below `base` is a link whose real path leaves `base`. Components above
 * `base` (or of a target outside it, which the user named explicitly) are the user's own and are not judged.
 * Returns whether the last component exists.
 */
async function checkComponents(
  base: string,
  target: string,
  what: string,
): Promise<{ exists: boolean; isLink: boolean; isFile: boolean }> {
  // `what` names the base in messages ("the workspace", "the scanned root").
  const absoluteBase = path.resolve(base);
  const absolute = path.resolve(target);
  if (!isWithin(absoluteBase, absolute)) {
    const info = await lstatOrUndefined(absolute);
    return {
      exists: info !== undefined,
      isLink: info?.isSymbolicLink() ?? false,
      isFile: info?.isFile() ?? false,
    };
  }
  const realBase = await realpath(absoluteBase).catch(() => absoluteBase);
  const parts = path
    .relative(absoluteBase, absolute)
    .split(path.sep)
    .filter((part) => part !== '');
  let current = absoluteBase;
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    const info = await lstatOrUndefined(current);
    if (info === undefined) return { exists: false, isLink: false, isFile: false };
    const last = index === parts.length - 1;
    if (info.isSymbolicLink()) {
      const real = await realpath(current).catch(() => undefined);
      if (real === undefined || !isWithin(realBase, real)) {
        throw new ConfigurationError(
          `${displayName(absoluteBase, current)} is a link that leads outside ${what}: refused`,
        );
      }
      if (last) return { exists: true, isLink: true, isFile: false };
    } else if (last) {
      return { exists: true, isLink: false, isFile: info.isFile() };
    } else if (!info.isDirectory()) {
      throw new ConfigurationError(`${displayName(absoluteBase, current)} is not a folder`);
    }
  }
  return { exists: true, isLink: false, isFile: false };
}

/** `file` (under `base`) as a quoted path relative to `base`, with forward slashes. */
function displayName(base: string, file: string): string {
  return JSON.stringify(path.relative(base, file).split(path.sep).join('/'));
}

/**
 * Read a text file under `base` that may be the attacker's: refused through a link out of `base`, never opened
 * unless it is a regular file, at most `maxBytes`. Undefined when it does not exist. A refusal is a
 * ConfigurationError whose message is the reason alone; `what` names the base in it.
 */
export async function readContainedFile(
  base: string,
  file: string,
  what: string,
  maxBytes: number,
): Promise<string | undefined> {
  // The path checked is the path opened: the kernel would resolve a raw `link/../x` through the link.
  const absolute = path.resolve(file);
  const found = await checkComponents(base, absolute, what);
  if (!found.exists) return undefined;
  // After the link check a link can only lead inside the base; the file it names must itself be regular.
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigurationError(`cannot be read (${code ?? 'read failed'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ConfigurationError('is not a regular file: refused');
    if (info.size > maxBytes) throw new ConfigurationError(`is larger than ${maxBytes} bytes: refused`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length <= maxBytes) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new ConfigurationError(`is larger than ${maxBytes} bytes: refused`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Write `content` to `target` without following a link: every component below `base` is checked, missing folders
 * are created one by one, and the text goes to a new temp file in the target's folder that is then renamed over
 * the target (a link there is replaced, never written through).
 */
export async function writeContainedFile(
  base: string,
  target: string,
  content: string,
  what: string,
  createFolders: boolean,
): Promise<void> {
  const absolute = path.resolve(target);
  const found = await checkComponents(base, absolute, what);
  if (found.exists && !found.isFile && !found.isLink) {
    throw new ConfigurationError('exists and is not a regular file: refused');
  }
  const folder = path.dirname(absolute);
  if (createFolders) await mkdir(folder, { recursive: true });
  // mkdir may have raced with a link planted on the way: check again now that every folder exists.
  await checkComponents(base, folder, what);
  // node:crypto is loaded here, on the first write, not at start-up (it costs a scan that writes nothing ~5 ms).
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const temp = path.join(folder, `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644,
  );
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
