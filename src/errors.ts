/**
 * A mistake the user can fix (a bad option, a missing path, an invalid config file).
 * Adapters print its message as one line and exit 2; anything else that escapes is a bug.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** The one-line text shown for an error that escaped: the user's mistake as is, a bug as a bug. */
export function describeError(error: unknown): string {
  if (error instanceof ConfigurationError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `internal error (please report it): ${detail.split('\n')[0]}`;
}
