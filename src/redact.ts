// No secret is ever printed: a URL a message names is cut to its origin here, SEC001 recognises a value shaped
// like an Anthropic key by the pattern below, and the one list of secret-shaped names lives here.
import { CREDENTIAL_VARIABLES } from './scope/env.js';

/**
 * The one list of secret-shaped names: validation (CFG002), redaction and the `fix --dry-run` diff all ask here,
 * so a name one of them hides is hidden by all. `TOKENS` (MAX_THINKING_TOKENS) is a count, not a token.
 */
const SECRET_NAME = /(KEY|TOKEN(?!S)|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|AUTH)/i;

/** Names whose values are never shown, whatever they hold. */
export function isSecretName(name: string): boolean {
  return CREDENTIAL_VARIABLES.has(name) || SECRET_NAME.test(name);
}

/** Something that looks like an Anthropic key anywhere in a value. */
export const ANTHROPIC_KEY_PATTERN = /sk-ant-[A-Za-z0-9_-]{8,}/;

/**
 * What a message may show of a URL: its origin only (scheme, host, port). Paths, user info and queries can carry
 * tokens. A value that is not a URL is not shown at all.
 */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return url.origin === 'null' ? 'a value that is not an http(s) URL' : url.origin;
  } catch {
    return 'a value that is not a URL';
  }
}

/** The words a switch variable takes: shown in messages, as they are never secret-shaped. */
const SWITCH_WORD = /^\s*(?:0|1|true|false|yes|no|on|off|enabled|disabled)?\s*$/i;

/** A scanned value as a message may name it: a switch word as itself, anything else by its type only. */
export function describeScannedValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number')
    return Number.isInteger(value) && (value === 0 || value === 1) ? String(value) : 'a number';
  if (typeof value === 'string') return SWITCH_WORD.test(value) ? JSON.stringify(value) : 'a string';
  return 'an object';
}
