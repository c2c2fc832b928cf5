// A scope is one place Claude Code runs with one configuration (SPEC §5).
import type { Location, ScopeKind } from '../model.js';
import type { VersionRange } from './versions.js';

/** One variable of a scope's effective environment, with the place that set it. */
export interface EnvValue {
  name: string;
  /** The string Claude Code sees ('' means a higher file unset it). JSON numbers/booleans are stringified. */
  value: string;
  /** The value cannot be known before run time (a `${{ … }}` or `${localEnv:…}` expression). */
  unknown: boolean;
  /** The `"NAME": value` pair (or `NAME: value` / `NAME=value` line) that set it. */
  location: Location;
  /** Set in the `env` of a project or local settings file (some versions ignore some variables there, §7.1). */
  fromProjectFile?: boolean;
  /** The value a lower layer gave the same variable: what applies where Claude Code ignores this one. */
  below?: EnvValue;
}

/** One effective top-level settings key, with the file that won. */
export interface SettingValue {
  key: string;
  value: unknown;
  location: Location;
  /** It came from a managed settings file (only those enforce forceLoginOrgUUID). */
  managed: boolean;
}

/** Where and how a fix for this scope is written. */
export interface FixTarget {
  /** The file to edit, relative to the root. */
  file: string;
  /** How variables are written there. */
  syntax: 'json' | 'yaml' | 'dockerfile';
  /** Words for where in that file, e.g. "under `env` in `.claude/settings.json`". */
  where: string;
}

export interface Scope {
  /** Unique within a report: the project directory, or the path of the file that defines the scope. */
  id: string;
  kind: ScopeKind;
  /** Contributing files, lowest precedence first (files that are not valid JSON included: they are part of the scope). */
  files: string[];
  env: Map<string, EnvValue>;
  settings: Map<string, SettingValue>;
  /** Where a requirement that nothing meets is reported: the `env` key of the main file, its first line, or file null. */
  anchor: Location;
  fix: FixTarget | null;
  /** The Claude Code versions that may run this scope (the option, or a managed scope's own pins). */
  versions: VersionRange;
}
