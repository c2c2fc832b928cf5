// No secret is ever printed: a URL a message names is cut to its origin here, and SEC001 recognises a value shaped
// like an Anthropic key by the pattern below.

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
