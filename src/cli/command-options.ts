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
  const config = await loadConfig(configFlag, root, cwd);
  const options = resolveOptions({ path: paths[0], ...flags }, config.options);
  return { root, config, options };
}

export function loginMethodOption(value: string | undefined): LoginMethod | undefined {
  if (value === undefined) return undefined;
  if (!(LOGIN_METHODS as readonly string[]).includes(value)) {
    throw new ConfigurationError(`--login-method must be one of ${LOGIN_METHODS.join(', ')}`);
  }
  return value as LoginMethod;
}
