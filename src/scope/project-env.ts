// Variables Claude Code ignores in the `env` of .claude/settings.json and .claude/settings.local.json (reference
// §7.1; docs: settings-reference "Variables Claude Code ignores in env"). Managed and user settings, --settings and
// the process environment (workflow env, containers, the Agent SDK's options.env) still set them all. Which of
// them a project file can set depends on the version: see VERSION_TABLE.
import { type SwitchState, anyOn, switchValue } from './env.js';
import type { EnvValue } from './scope-model.js';
import { VERSION_TABLE, type VersionedBehaviour, type VersionRange, versionSide } from './versions.js';

const EXPORTER_SELECTORS = new Set(['OTEL_LOGS_EXPORTER', 'OTEL_METRICS_EXPORTER', 'OTEL_TRACES_EXPORTER']);

const CONTENT_SWITCHES = new Set([
  'OTEL_LOG_USER_PROMPTS',
  'OTEL_LOG_ASSISTANT_RESPONSES',
  'OTEL_LOG_TOOL_CONTENT',
  'OTEL_LOG_TOOL_DETAILS',
  'OTEL_LOG_RAW_API_BODIES',
]);

/** Ignored in project and local files since 2.1.282. */
const TELEMETRY = new Set([
  'CLAUDE_CODE_ENABLE_TELEMETRY',
  'CLAUDE_CODE_ENHANCED_TELEMETRY_BETA',
  'ENABLE_ENHANCED_TELEMETRY_BETA',
  ...EXPORTER_SELECTORS,
  'OTEL_LOG_USER_PROMPTS',
  'OTEL_LOG_ASSISTANT_RESPONSES',
  'OTEL_LOG_TOOL_CONTENT',
  'OTEL_LOG_TOOL_DETAILS',
  'OTEL_EXPORTER_PROMETHEUS_HOST',
  'OTEL_EXPORTER_PROMETHEUS_PORT',
]);

const OTLP_DESTINATION =
  /^OTEL_EXPORTER_OTLP_\w*(ENDPOINT|HEADERS|PROTOCOL|CERTIFICATE|CLIENT_KEY|INSECURE)$/;

/** Ignored in project and local files since 2.1.251. */
const PROCESS = new Set([
  'OTEL_LOG_RAW_API_BODIES',
  'ENABLE_BETA_TRACING_DETAILED',
  'BETA_TRACING_ENDPOINT',
  'CLAUDE_CONFIG_DIR',
  'CLAUDE_CODE_TMPDIR',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'CLAUDE_CODE_PROCESS_WRAPPER',
  'CLAUDE_CODE_SYNC_SKILLS',
  'CLAUDE_CODE_SYNC_PLUGINS',
  'CLAUDE_CODE_PLUGIN_CACHE_DIR',
  'CLAUDE_CODE_PLUGIN_SEED_DIR',
]);

/** A value that turns something off still applies from a project file: `none` for an exporter, `0` for a content switch. */
function turnsOff(name: string, value: string): boolean {
  if (EXPORTER_SELECTORS.has(name)) return value.trim().toLowerCase() === 'none';
  if (CONTENT_SWITCHES.has(name)) return switchValue(name, value) === 'off' && !/^file:/i.test(value.trim());
  return false;
}

/** The behaviour under which Claude Code ignores `name=value` in a project or local file; undefined if it never does. */
export function projectFileIgnores(name: string, value: string): VersionedBehaviour | undefined {
  if (turnsOff(name, value)) return undefined;
  if (PROCESS.has(name) || /^XDG_[A-Z0-9_]+$/.test(name)) return VERSION_TABLE.projectProcessVariablesIgnored;
  if (TELEMETRY.has(name) || OTLP_DESTINATION.test(name)) return VERSION_TABLE.projectTelemetryIgnored;
  return undefined;
}

/** A value Claude Code may run with; `until` when only versions before that behaviour's version apply it. */
export interface EffectiveValue {
  value: EnvValue;
  until?: VersionedBehaviour;
}

/**
 * The values of `name` that Claude Code may run with across the allowed versions: the highest layer's on versions
 * that read it (with `until` when newer ones ignore it), and on versions that ignore project files' value, the
 * highest layer they do read. Without versions (an env file) it is simply the value written.
 */
export function effectiveValues(
  env: ReadonlyMap<string, EnvValue>,
  name: string,
  versions: VersionRange | undefined,
): EffectiveValue[] {
  const top = env.get(name);
  if (top === undefined) return [];
  const ignores = (value: EnvValue) =>
    versions !== undefined && value.fromProjectFile === true
      ? projectFileIgnores(name, value.value)
      : undefined;
  const behaviour = ignores(top);
  if (behaviour === undefined) return [{ value: top }];
  const side = versionSide(versions!, behaviour);
  if (side === 'before') return [{ value: top }];
  let newer: EnvValue | undefined = top.below;
  for (let depth = 0; newer !== undefined && ignores(newer) !== undefined && depth < 16; depth++)
    newer = newer.below;
  if (side === 'after') return newer === undefined ? [] : [{ value: newer }];
  return newer === undefined
    ? [{ value: top, until: behaviour }]
    : [{ value: top, until: behaviour }, { value: newer }];
}

/** The worst state of a switch across the allowed versions: on beats unknown beats off. */
export function effectiveState(
  env: ReadonlyMap<string, EnvValue>,
  name: string,
  versions: VersionRange | undefined,
): SwitchState {
  const values = effectiveValues(env, name, versions);
  if (values.length === 0) return 'off';
  return anyOn(values.map((v) => switchValue(name, v.value.value, v.value.unknown)));
}
