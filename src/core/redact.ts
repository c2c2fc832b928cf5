// No secret is ever printed: any value a message quotes goes through here.
import { CREDENTIAL_VARIABLES } from './env.js';

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;

/** Names whose values are never shown, whatever they hold. */
export function isSecretName(name: string): boolean {
  return CREDENTIAL_VARIABLES.has(name) || SECRET_NAME.test(name);
}

/** Something that looks like an Anthropic key anywhere in a value. */
export const ANTHROPIC_KEY_PATTERN = /sk-ant-[A-Za-z0-9_-]{8,}/;

/** A URL with user info, query and fragment removed, for messages. Not a URL: a short neutral stand-in. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return redactText(url.toString().replace(/\/$/, ''));
  } catch {
    return redactText(value.length > 80 ? `${value.slice(0, 77)}…` : value);
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
