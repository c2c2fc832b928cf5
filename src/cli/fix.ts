// `claude-code-policy fix [PATH]`: scan, edit every settings file whose findings have a safe fix, say what changed
// (or, with --dry-run, print the unified diff and write nothing), and say how many findings remain.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { unifiedDiff } from '../core/diff.js';
import { ConfigurationError, describeError } from '../core/errors.js';
import { analyseAfter, type FileChange, LOGIN_METHODS, type LoginMethod, planFixes } from '../core/fix.js';
import type { Logger } from '../core/logger.js';
import { analyseTree } from '../core/scan.js';
import { TOOL_NAME } from '../core/version.js';
import type { CliIo } from './main.js';
import { commandOptions } from './command-options.js';

export const FIX_USAGE = `Usage: ${TOOL_NAME} fix [PATH] [options]

Apply every fix that can be written safely to a Claude Code settings file under PATH (default: .), keeping
each file's formatting, key order, indentation and line endings: add CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC,
write "1" for a presence-only variable set to "0"/"false" or to an empty string, turn JSON numbers and booleans
in env into strings, lower cleanupPeriodDays to the ceiling, pin login in managed settings (--zdr-org-uuid).
Env files are never edited; for a committed credential it says to rotate it and remove it.

Options:
  --dry-run                print a unified diff of the changes instead of writing them
  --policy LIST            comma list of nonessential-traffic, zdr, hygiene (default: all three)
  --config FILE            policy config file (default: .github/claude-code-policy.yml or .claude-code-policy.yml)
  --zdr-org-uuid UUID      add forceLoginOrgUUID to managed settings that pin no organisation
  --login-method METHOD    with --zdr-org-uuid, also add forceLoginMethod: claudeai or console
  --max-retention-days N   the cleanupPeriodDays ceiling (default 30)
  --include GLOB           only look at paths matching GLOB (repeatable)
  --exclude GLOB           skip paths matching GLOB (repeatable)
  --no-gitignore           also look at files that .gitignore excludes
  -h, --help               show this help

Exit codes: 0 fix ran (findings that need a person may remain: it says how many); 2 it could not run.
`;

/** parseArgs for a subcommand, its mistakes turned into one-line ConfigurationErrors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('. ')[0]!.replace(/\.$/, '') : String(error);
    throw new ConfigurationError(`${message} (see --help)`);
  }
}

export function loginMethodOption(value: string | undefined): LoginMethod | undefined {
  if (value === undefined) return undefined;
  if (!(LOGIN_METHODS as readonly string[]).includes(value)) {
    throw new ConfigurationError(`--login-method must be one of ${LOGIN_METHODS.join(', ')}`);
  }
  return value as LoginMethod;
}

export function warningLogger(io: CliIo): Logger {
  return { debug() {}, info() {}, warning: (message) => io.stderr(`${TOOL_NAME}: warning: ${message}\n`) };
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Write one change, refusing when the file changed since it was read. Keeps a UTF-8 BOM. */
export async function writeChange(root: string, change: FileChange): Promise<void> {
  const target = path.join(root, change.file);
  let current: string | undefined;
  try {
    current = await readFile(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const bom = current?.charCodeAt(0) === 0xfeff;
  const text = bom ? current!.slice(1) : current;
  if (text !== change.before) {
    throw new ConfigurationError(`${change.file} changed while it was being fixed; run the command again`);
  }
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bom ? `\uFEFF${change.after}` : change.after);
  } catch (error) {
    throw new ConfigurationError(
      `cannot write ${change.file} (${(error as NodeJS.ErrnoException).code ?? 'write failed'})`,
    );
  }
}

export async function runFix(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      'dry-run': { type: 'boolean' },
      policy: { type: 'string' },
      config: { type: 'string' },
      'zdr-org-uuid': { type: 'string' },
      'login-method': { type: 'string' },
      'max-retention-days': { type: 'string' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      'no-gitignore': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(FIX_USAGE);
      return 0;
    }
    const { root, options } = await commandOptions(io.cwd, positionals, values.config, {
      policy: values.policy,
      zdrOrgUuid: values['zdr-org-uuid'],
      maxRetentionDays: values['max-retention-days'],
      include: values.include,
      exclude: values.exclude,
      gitignore: values['no-gitignore'] ? false : undefined,
    });
    const loginMethod = loginMethodOption(values['login-method']);
    if (loginMethod !== undefined && options.zdrOrgUuid === undefined) {
      throw new ConfigurationError(
        '--login-method goes with --zdr-org-uuid: it is written beside the pinned organisation',
      );
    }
    const now = io.now ?? new Date();
    const analysis = await analyseTree(options, { cwd: io.cwd, logger: warningLogger(io), now });
    const plan = planFixes(analysis, {
      zdrOrgUuid: options.zdrOrgUuid,
      loginMethod,
      maxRetentionDays: options.maxRetentionDays,
    });
    const remaining = analyseAfter(analysis, plan, options, now).report.findings.length;
    const files = count(plan.changes.length, 'file');
    const left =
      remaining === 0
        ? 'no findings remain'
        : `${count(remaining, 'finding remains', 'findings remain')} that fix cannot change safely (run \`${TOOL_NAME} scan\` to see them)`;

    if (values['dry-run']) {
      // The diff alone goes to stdout, so that `fix --dry-run > fix.patch` is a patch `git apply` takes.
      for (const change of plan.changes) io.stdout(unifiedDiff(change.file, change.before, change.after));
      for (const note of plan.notes) io.stderr(`${note}\n`);
      io.stderr(`dry run: would change ${files}; ${left}.\n`);
      return 0;
    }
    for (const change of plan.changes) await writeChange(root, change);
    for (const change of plan.changes)
      for (const line of change.changes) io.stdout(`${change.file}: ${line}\n`);
    for (const note of plan.notes) io.stdout(`${note}\n`);
    io.stdout(
      plan.changes.length === 0 ? `nothing to fix; ${left}.\n` : `fixed: changed ${files}; ${left}.\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
    return 2;
  }
}
