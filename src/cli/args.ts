// The scan command line's options, in a module that imports nothing heavy: index.ts reads the scanned
// directory from them before the rest of the program loads, main.ts parses them for real.
import { statSync } from 'node:fs';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const SCAN_OPTIONS = {
  policy: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  'zdr-org-uuid': { type: 'string' },
  'allowed-base-url': { type: 'string', multiple: true },
  'max-retention-days': { type: 'string' },
  'max-file-size': { type: 'string' },
  'min-claude-code-version': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  require: { type: 'string', multiple: true },
  'path-base': { type: 'string' },
  code: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies ParseArgsConfig['options'];

/**
 * The directory that `argv` scans with .gitignore respected, where git will be asked to list files; undefined
 * when `argv` is not such a scan or is malformed (main.ts then says why).
 */
export function gitListedRoot(argv: string[], cwd: string): string | undefined {
  if (['fix', 'init', 'rules', 'explain', 'help', 'version'].includes(argv[0] ?? '')) return undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: SCAN_OPTIONS,
    });
    if (values.help || values.version || values['no-gitignore']) return undefined;
    const args = positionals[0] === 'scan' ? positionals.slice(1) : positionals;
    if (args.length > 1) return undefined;
    const root = path.resolve(cwd, args[0] ?? '.');
    // A file as PATH is scanned from its repository, which targets.ts works out: no listing ahead.
    return statSync(root, { throwIfNoEntry: false })?.isFile() === true ? undefined : root;
  } catch {
    return undefined;
  }
}
