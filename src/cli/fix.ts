// `claude-code-policy fix [PATH]`: scan, edit every settings file whose findings have a safe fix, say what changed
// (or, with --dry-run, print the unified diff and write nothing), and say how many findings remain.
import { unifiedDiff } from '../edit/diff.js';
import { ConfigurationError, describeError } from '../errors.js';
import { analyseAfter, planFixes } from '../edit/fix.js';
import { analyseTree } from '../scan.js';
import { TOOL_NAME } from '../version.js';
import { type CliIo, parseCommandArgs, stderrLine, warningLogger, writeChange } from './io.js';
import { commandOptions, loginMethodOption } from './command-options.js';

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
  --min-claude-code-version V  the oldest Claude Code version in use (default: every version counts)
  --include GLOB           only look at paths matching GLOB (repeatable)
  --exclude GLOB           skip paths matching GLOB (repeatable)
  --no-gitignore           also look at files that .gitignore excludes
  --require WHAT           project-settings: create a shared .claude/settings.json when there is none
  -h, --help               show this help

Exit codes: 0 fix ran (findings that need a person may remain: it says how many); 2 it could not run.
`;

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
      'min-claude-code-version': { type: 'string' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      'no-gitignore': { type: 'boolean' },
      require: { type: 'string', multiple: true },
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
      minClaudeCodeVersion: values['min-claude-code-version'],
      include: values.include,
      exclude: values.exclude,
      gitignore: values['no-gitignore'] ? false : undefined,
      require: values.require,
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
    stderrLine(io, describeError(error));
    return 2;
  }
}
