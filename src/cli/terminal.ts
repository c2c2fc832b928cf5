// What the command line decides about the terminal: colour, and "did you mean" for a mistyped word.
import { ConfigurationError } from '../errors.js';
import type { CliIo } from './io.js';

/**
 * Colour on or off: --color / --no-color win, then NO_COLOR (any non-empty value: off) and FORCE_COLOR (set and not
 * "0": on), then whether stdout is a terminal. Never when the output goes to a file.
 */
export function colorChoice(
  io: CliIo,
  color: boolean | undefined,
  noColor: boolean | undefined,
  toFile = false,
): boolean {
  if (color && noColor) throw new ConfigurationError('--color and --no-color contradict each other');
  if (toFile) return false;
  if (color) return true;
  if (noColor) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTty;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to `word` (case-insensitive) within two edits, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
