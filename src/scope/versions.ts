// The Claude Code version in use decides what some files can do (reference §7, "What changed through Oct 2026").
// Every version-dependent behaviour the checker models is one entry of VERSION_TABLE: the first version with the
// new behaviour, the behaviour before and after it, and the source. A scan knows the oldest version in use from
// --min-claude-code-version (or a managed scope's own requiredMinimumVersion); without one every version counts
// and the worst case applies. The newest version is always in use unless managed settings cap it.

export interface VersionedBehaviour {
  /** The first version with the `after` behaviour. */
  since: string;
  before: string;
  after: string;
  source: string;
}

export const VERSION_TABLE = {
  /** §7.1: OTel and telemetry variables in project and local `env`. */
  projectTelemetryIgnored: {
    since: '2.1.282',
    before:
      'CLAUDE_CODE_ENABLE_TELEMETRY, the OTEL_* exporters, endpoints and content switches apply from .claude/settings.json and .claude/settings.local.json',
    after:
      'project and local settings cannot set them; values that turn something off (`none` for an exporter, `0` for a content switch) still apply',
    source:
      'https://code.claude.com/docs/en/settings-reference "Variables Claude Code ignores in env" (version from a docs-change digest)',
  },
  /** §7.1: process-level variables in project and local `env`. */
  projectProcessVariablesIgnored: {
    since: '2.1.251',
    before:
      'OTEL_LOG_RAW_API_BODIES, CLAUDE_CONFIG_DIR, HOME, TMPDIR, CLAUDE_CODE_PROCESS_WRAPPER and the like apply from project and local settings',
    after: 'project and local settings cannot set them',
    source: 'Claude Code CHANGELOG 2.1.251; settings-reference "Variables Claude Code ignores in env"',
  },
  /** §7.2: where `.claude/settings.local.json` is read from. */
  rootLocalSettings: {
    since: '2.1.211',
    before: 'each project reads the .claude/settings.local.json of the directory Claude Code starts in',
    after:
      'the .claude/settings.local.json at the repository root applies to sessions started anywhere in the repository; a legacy local file in the starting directory is still read and the root file wins key by key',
    source: 'https://code.claude.com/docs/en/settings (fetched 2026-10-08)',
  },
  /** §7.3: `permissions.defaultMode` values a project file cannot choose. */
  projectDefaultModeIgnored: {
    since: '2.1.257',
    before: 'permissions.defaultMode "bypassPermissions" or "auto" applies from project and local settings',
    after: 'project and local settings cannot choose "bypassPermissions" or "auto"',
    source: 'Claude Code CHANGELOG 2.1.257; settings-reference "Scope" column',
  },
  /** §7.6: a managed file that does not parse. */
  managedParseFailureStops: {
    since: '2.1.259',
    before: 'a managed settings file that does not parse is ignored',
    after: 'a managed settings file or drop-in that does not parse stops Claude Code from starting',
    source: 'https://code.claude.com/docs/en/managed-settings; Claude Code CHANGELOG 2.1.259',
  },
} as const satisfies Record<string, VersionedBehaviour>;

export type VersionedBehaviourId = keyof typeof VERSION_TABLE;

/** The versions of Claude Code that may run a scope; undefined bounds are open. */
export interface VersionRange {
  min: string | undefined;
  /** Where `min` comes from, for messages: "--min-claude-code-version", "requiredMinimumVersion in …". */
  minSource: string | undefined;
  max: string | undefined;
}

export const ANY_VERSION: VersionRange = { min: undefined, minSource: undefined, max: undefined };

const VERSION = /^v?(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][0-9A-Za-z.+-]*)?$/;

/** `2.1.282` (a leading `v` and a pre-release or build suffix tolerated) as numbers; undefined when not a version. */
export function parseVersion(text: string): [number, number, number] | undefined {
  const match = VERSION.exec(text.trim());
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b`. Both must parse. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)!;
  const y = parseVersion(b)!;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The newer of two versions (either may be missing). */
export function newerVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

/**
 * Which side of a behaviour's version the allowed versions are on: only `after` when the oldest allowed version
 * has it, only `before` when the newest allowed one predates it, else `both`.
 */
export function versionSide(range: VersionRange, behaviour: VersionedBehaviour): 'before' | 'after' | 'both' {
  if (range.min !== undefined && compareVersions(range.min, behaviour.since) >= 0) return 'after';
  if (range.max !== undefined && compareVersions(range.max, behaviour.since) < 0) return 'before';
  return 'both';
}

/**
 * One sentence for a finding about a project or local file that holds only on versions before `behaviour.since`:
 * from which version it stops applying, and how to pin past it.
 */
export function pinAdvice(behaviour: VersionedBehaviour): string {
  return `Claude Code ${behaviour.since} and later ignore it in .claude/settings.json and .claude/settings.local.json; this finding stops applying once every Claude Code in use is ${behaviour.since} or newer: pin that with \`requiredMinimumVersion\` in managed settings, or tell the check with --min-claude-code-version (action input \`min-claude-code-version\`).`;
}

/** "the oldest Claude Code version in use is 2.1.290 (--min-claude-code-version)". */
export function describeMin(range: VersionRange): string {
  return range.min === undefined
    ? 'no oldest Claude Code version is known'
    : `the oldest Claude Code version in use is ${range.min}${range.minSource ? ` (${range.minSource})` : ''}`;
}
