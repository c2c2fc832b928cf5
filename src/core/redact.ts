// No secret is ever printed: any value a message quotes goes through here.
import { CREDENTIAL_VARIABLES } from './env.js';

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;

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

/** Masks anything that looks like a key inside free text. */
export function redactText(text: string): string {
  return text.replace(new RegExp(ANTHROPIC_KEY_PATTERN.source, 'g'), 'sk-ant-…');
}

/** The value of a variable as a message may quote it. */
export function quoteValue(name: string, value: string): string {
  if (isSecretName(name)) return '"…"';
  const shown = redactText(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  return JSON.stringify(shown);
}
