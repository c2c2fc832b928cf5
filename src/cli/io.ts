// What the command-line adapter touches: its streams, working directory and environment (tests hand in their
// own), argument parsing whose mistakes are one-line errors, and the writing of fix and init's changes.
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { readContainedFile, writeContainedFile } from '../discover/contained.js';
import type { FileChange } from '../edit/fix.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { escapeLineBreaks, neutraliseCommands } from '../report/workflow-commands.js';
import { TOOL_NAME } from '../version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTty: boolean;
  env: Record<string, string | undefined>;
  /** The clock for suppressions' `until` dates; tests pin it. */
  now?: Date;
}

export const defaultIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  // Asked only when the report goes to stdout, so the stream is built anyway. Not tty.isatty: node:tty loads the
  // socket and stream modules (about 3 ms of a start), which a report written to a file or /dev/null never needs.
  get isTty() {
    return process.stdout.isTTY === true;
  },
  env: process.env,
});

/**
 * `--opt -5` for an option that takes a value: parseArgs refuses a value that starts with a dash (it could be a
 * mistyped option), which turns `--max-file-size -5` into a three-line complaint about the dash. A value that is
 * a negative number is a value, so it is passed on as `--opt=-5`, and the option's own check says what is wrong.
 */
function joinNegativeValues(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** parseArgs for a command, its mistakes turned into one-line ConfigurationErrors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      allowPositionals: true,
      strict: true,
      options,
    });
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0]!.split('. ')[0]! : String(error);
    throw new ConfigurationError(`${first.replace(/\.$/, '')} (see --help)`);
  }
  // `--policy=` or `--policy ""` is a value left out (a shell variable that was empty, say), not "the default".
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '' || (Array.isArray(value) && value.includes('')))
      throw new ConfigurationError(`--${name} needs a value (see --help)`);
  }
  return parsed;
}

/**
 * One line on stderr. Its text may name files of the scanned tree, and a step's stderr reaches the runner like its
 * stdout: a line break in a name would start a line of its own, and `##[` is a command anywhere in a line.
 */
export function stderrLine(io: CliIo, text: string): void {
  io.stderr(`${TOOL_NAME}: ${neutraliseCommands(escapeLineBreaks(text))}\n`);
}

export function warningLogger(io: CliIo): Logger {
  return { debug() {}, info() {}, warning: (message) => stderrLine(io, `warning: ${message}`) };
}

/** fix and init only edit settings files, which the scan reads up to its own cap. */
const CHANGE_MAX_BYTES = 16 * 1024 * 1024;

/** Write one change, refusing when the file changed since it was read. Keeps a UTF-8 BOM. */
export async function writeChange(root: string, change: FileChange): Promise<void> {
  const target = path.join(root, change.file);
  let current: string | undefined;
  try {
    current = await readContainedFile(root, target, 'the scanned root', CHANGE_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(`cannot write ${change.file}: ${error.message}`);
  }
  const bom = current?.charCodeAt(0) === 0xfeff;
  const text = bom ? current!.slice(1) : current;
  if (text !== change.before) {
    throw new ConfigurationError(`${change.file} changed while it was being fixed; run the command again`);
  }
  try {
    const text = bom ? `\uFEFF${change.after}` : change.after;
    await writeContainedFile(root, target, text, 'the scanned root', true);
  } catch (error) {
    const reason =
      error instanceof ConfigurationError
        ? error.message
        : ((error as NodeJS.ErrnoException).code ?? 'write failed');
    throw new ConfigurationError(`cannot write ${change.file} (${reason})`);
  }
}
