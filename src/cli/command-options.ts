import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { type LoadedConfig, loadConfig } from '../policy/config.js';
import { LOGIN_METHODS, type LoginMethod } from '../edit/fix.js';
import { ConfigurationError } from '../errors.js';
import { type RawOptions, resolveOptions, type ScanOptions } from '../policy/options.js';

export interface CommandOptions {
  /** PATH resolved against the working directory. */
  root: string;
  config: LoadedConfig;
  options: ScanOptions;
}

/**
 * What every command does with its arguments: at most one PATH, the config file found under it (or --config),
 * then flags over the config file over the defaults.
 */
export async function commandOptions(
  cwd: string,
  paths: readonly string[],
  configFlag: string | undefined,
  flags: Omit<RawOptions, 'path' | 'config'>,
): Promise<CommandOptions> {
  if (paths.length > 1) throw new ConfigurationError(`expected one PATH, got ${paths.length} (see --help)`);
  const root = path.resolve(cwd, paths[0] ?? '.');
  await checkRoot(root);
  const config = await loadConfig(configFlag, root, cwd);
  const options = resolveOptions({ path: paths[0], ...flags }, config.options);
  return { root, config, options };
}

/**
 * PATH itself must be a readable directory: checked before the config file under it is looked for, so that an
 * unreadable or looping PATH is blamed on PATH, not on a config file the user never named.
 */
async function checkRoot(root: string): Promise<void> {
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unreadable';
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const why = code(error);
    if (why === 'ENOENT' || why === 'ENOTDIR') throw new ConfigurationError(`path not found: ${root}`);
    if (why === 'ELOOP') throw new ConfigurationError(`PATH ${root} is a loop of symbolic links (ELOOP)`);
    throw new ConfigurationError(`cannot read PATH ${root} (${why})`);
  }
  if (!isDirectory) throw new ConfigurationError(`not a directory: ${root}`);
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw new ConfigurationError(`cannot read PATH ${root} (${code(error)})`);
  }
}

export function loginMethodOption(value: string | undefined): LoginMethod | undefined {
  if (value === undefined) return undefined;
  if (!(LOGIN_METHODS as readonly string[]).includes(value)) {
    throw new ConfigurationError(`--login-method must be one of ${LOGIN_METHODS.join(', ')}`);
  }
  return value as LoginMethod;
}
