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
