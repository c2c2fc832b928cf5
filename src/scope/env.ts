// Claude Code's truthiness rules for environment variables (docs: env-vars, note under "Variables").
// Presence-only variables are on for any non-empty value, "0" and "false" included; every other switch is
// on for 1/true and off for 0/false/empty, in any casing.

/** Any non-empty value turns these on (env-vars page); "0" still means on. */
export const PRESENCE_ONLY = new Set([
  'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
  'DISABLE_TELEMETRY',
  'DISABLE_ERROR_REPORTING',
  'CLAUDE_CODE_TMUX_TRUECOLOR',
  'FALLBACK_FOR_ALL_PRIMARY_MODELS',
  'IS_DEMO',
]);

export const NONESSENTIAL = 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC';

/** Each selects a provider whose traffic is outside Anthropic's ZDR (env-vars, data-usage pages). */
export const PROVIDER_VARIABLES = [
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CODE_USE_FOUNDRY',
  'CLAUDE_CODE_USE_MANTLE',
  'CLAUDE_CODE_USE_ANTHROPIC_AWS',
] as const;

export const PROVIDER_NAMES: Record<(typeof PROVIDER_VARIABLES)[number], string> = {
  CLAUDE_CODE_USE_BEDROCK: 'Amazon Bedrock',
  CLAUDE_CODE_USE_VERTEX: "Google Cloud's Agent Platform (formerly Vertex AI)",
  CLAUDE_CODE_USE_FOUNDRY: 'Microsoft Foundry',
  CLAUDE_CODE_USE_MANTLE: 'Bedrock Mantle',
  CLAUDE_CODE_USE_ANTHROPIC_AWS: 'Claude Platform on AWS',
};

/** Endpoint overrides: each sends API traffic to the host it names. */
export const BASE_URL_VARIABLES = [
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_BEDROCK_BASE_URL',
  'ANTHROPIC_BEDROCK_MANTLE_BASE_URL',
  'ANTHROPIC_VERTEX_BASE_URL',
  'ANTHROPIC_FOUNDRY_BASE_URL',
  'ANTHROPIC_AWS_BASE_URL',
] as const;

/** OpenTelemetry switches that put conversation content into exported logs (monitoring-usage page). */
export const OTEL_CONTENT_VARIABLES = [
  'OTEL_LOG_USER_PROMPTS',
  'OTEL_LOG_ASSISTANT_RESPONSES',
  'OTEL_LOG_TOOL_CONTENT',
  'OTEL_LOG_TOOL_DETAILS',
  'OTEL_LOG_RAW_API_BODIES',
] as const;

/** Variables whose value is a credential (authentication page). */
export const CREDENTIAL_VARIABLES = new Set([
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
  'ANTHROPIC_FOUNDRY_API_KEY',
  'ANTHROPIC_AWS_API_KEY',
]);

export function isPresenceOnly(name: string): boolean {
  return PRESENCE_ONLY.has(name);
}

/** A switch's state: `unknown` when its value cannot be known before run time (a CI expression, say). */
export type SwitchState = 'on' | 'off' | 'unknown';

/** The state of one value under Claude Code's rule for the variable it is set on. */
export function switchValue(name: string, value: string, unknown = false): SwitchState {
  if (isPresenceOnly(name)) return unknown || value !== '' ? 'on' : 'off';
  if (unknown) return 'unknown';
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'true') return 'on';
  return 'off';
}

/** Values that read as "off" to a person but that Claude Code reads as set on a presence-only variable. */
export function looksLikeOff(value: string): boolean {
  return ['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** What a value of an environment map reads as; a missing variable is off. */
export function stateOf(
  env: ReadonlyMap<string, { value: string; unknown: boolean }>,
  name: string,
): SwitchState {
  const entry = env.get(name);
  return entry === undefined ? 'off' : switchValue(name, entry.value, entry.unknown);
}

/** The strongest of several states: on beats unknown beats off. */
export function anyOn(states: SwitchState[]): SwitchState {
  if (states.includes('on')) return 'on';
  if (states.includes('unknown')) return 'unknown';
  return 'off';
}
