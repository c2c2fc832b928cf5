// The scan command line's options, in a module that imports nothing heavy: index.ts reads the scanned
// directory from them before the rest of the program loads, main.ts parses them for real.
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
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * The directory that `argv` scans with .gitignore respected, where git will be asked to list files; undefined
 * when `argv` is not such a scan or is malformed (main.ts then says why).
 */
export function gitListedRoot(argv: string[], cwd: string): string | undefined {
  if (argv[0] === 'fix' || argv[0] === 'init') return undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: SCAN_OPTIONS,
    });
    if (values.help || values.version || values['no-gitignore']) return undefined;
    const args = positionals[0] === 'scan' ? positionals.slice(1) : positionals;
    return args.length > 1 ? undefined : path.resolve(cwd, args[0] ?? '.');
  } catch {
    return undefined;
  }
}
