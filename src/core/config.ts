// The policy config file (SPEC §8): `.github/claude-code-policy.yml`, `.claude-code-policy.yml` or --config.
// Its values layer under CLI flags and Action inputs and over the defaults (see options.ts resolveOptions).
import type { ScanOptions } from './options.js';

export interface LoadedConfig {
  /** The config file that was read, relative to the root; undefined when none. */
  path: string | undefined;
  options: Partial<ScanOptions>;
}

/**
 * Find and read the config file. `explicit` is --config / the `config` input (relative to cwd); otherwise the
 * first of the default names under `root` is used when present. Throws a ConfigurationError for a bad file.
 */
export async function loadConfig(
  _explicit: string | undefined,
  _root: string,
  _cwd: string,
): Promise<LoadedConfig> {
  return { path: undefined, options: {} };
}
