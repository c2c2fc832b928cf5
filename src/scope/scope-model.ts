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
  /** What the file says when it is not the variable itself: the action input (`use_bedrock: "true"`) that sets it. */
  writtenAs?: string;
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
  /** The file does not exist yet: the fix creates it. */
  create?: boolean;
  /** The JSON object that holds variables, when it is not `env` (a dev container's `containerEnv`). */
  block?: 'containerEnv';
  /** For a workflow: the step whose `env:` takes the variables. */
  step?: { job: string; index: number };
}

export interface Scope {
  /** Unique within a report: the project directory, or the path of the file that defines the scope. */
  id: string;
  kind: ScopeKind;
  /** Contributing files, lowest precedence first (files that are not valid JSON included: they are part of the scope). */
  files: string[];
  env: Map<string, EnvValue>;
  settings: Map<string, SettingValue>;
  /**
   * Where a requirement that nothing meets is reported: the place to fix it. The `env` key of the main file, its
   * first line, or file null; for a workflow or container that reads the repository's shared
   * `.claude/settings.json`, that file's (one place to fix for every scope that reads it).
   */
  anchor: Location;
  /** Where the scope itself is defined: the step's `uses:` line of a workflow scope; the anchor elsewhere. */
  origin: Location;
  fix: FixTarget | null;
  /** The Claude Code versions that may run this scope (the option, or a managed scope's own pins). */
  versions: VersionRange;
}
