// `claude-code-policy init [PATH]`: write a compliant settings file for the chosen policies, or merge the required
// keys into the existing one, and record in the config file what later scans need to agree (see edit/init.ts).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, describeError } from '../errors.js';
import { MANAGED_SETTINGS_FILE, PROJECT_SETTINGS_FILE, planInit } from '../edit/init.js';
import { DEFAULT_CONFIG_FILE } from '../policy/suppress.js';
import { TOOL_NAME } from '../version.js';
import { unifiedDiff } from '../edit/diff.js';
import { type CliIo, parseCommandArgs, stderrLine, writeChange } from './io.js';
import { commandOptions, loginMethodOption } from './command-options.js';
import { loadYaml } from '../parse/yaml.js';

export const INIT_USAGE = `Usage: ${TOOL_NAME} init [PATH] [options]

Write a compliant .claude/settings.json under PATH (default: .) for the chosen policies, or merge the required
keys into the existing one without losing anything. With --managed, write managed-settings.json instead, the
file device management deploys and the only place that enforces a pinned login.

Options:
  --policy LIST            comma list of nonessential-traffic, zdr, hygiene (default: all three); recorded in
                           the config file so that scans check the same policies
  --managed                write managed-settings.json (pins login; needs --zdr-org-uuid for the zdr policy)
  --zdr-org-uuid UUID      the ZDR organisation (forceLoginOrgUUID in managed settings; recorded in the config)
  --login-method METHOD    with --managed, also write forceLoginMethod: claudeai or console
  --max-retention-days N   cleanupPeriodDays to write for the zdr policy (default 30)
  --config FILE            the config file to record in (default: .github/claude-code-policy.yml)
  --dry-run                print a unified diff of what init would write instead of writing it
  -h, --help               show this help

A project settings file cannot enforce the login pin (ZDR004): for the zdr policy without --managed, init
records a reasoned ZDR004 suppression in the config file, which every report counts; see docs/configuration.md.

Exit codes: 0 done; 2 it could not run.
`;

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigurationError(`cannot read ${file} (${code ?? 'read failed'})`);
  }
}

export async function runInit(argv: string[], io: CliIo): Promise<number> {
  try {
    await loadYaml();
    const { values, positionals } = parseCommandArgs(argv, {
      policy: { type: 'string' },
      managed: { type: 'boolean' },
      'zdr-org-uuid': { type: 'string' },
      'login-method': { type: 'string' },
      'max-retention-days': { type: 'string' },
      config: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(INIT_USAGE);
      return 0;
    }
    const target = path.resolve(io.cwd, positionals[0] ?? '.');
    const info = await stat(target).catch(() => undefined);
    if (positionals.length <= 1 && (info === undefined || !info.isDirectory())) {
      throw new ConfigurationError(`PATH ${positionals[0] ?? '.'} is not a directory`);
    }
    const { root, config, options } = await commandOptions(io.cwd, positionals, values.config, {
      policy: values.policy,
      zdrOrgUuid: values['zdr-org-uuid'],
      maxRetentionDays: values['max-retention-days'],
    });
    const loginMethod = loginMethodOption(values['login-method']);
    if (loginMethod !== undefined && !values.managed) {
      throw new ConfigurationError('--login-method goes with --managed: only managed settings pin login');
    }
    const settingsPath = values.managed ? MANAGED_SETTINGS_FILE : PROJECT_SETTINGS_FILE;
    const configPath = config.path ?? DEFAULT_CONFIG_FILE;
    const plan = planInit(
      {
        settings: { path: settingsPath, text: await readIfPresent(path.join(root, settingsPath)) },
        config: { path: configPath, text: await readIfPresent(path.join(root, configPath)) },
      },
      {
        policies: options.policies,
        policyGiven: values.policy !== undefined,
        managed: values.managed === true,
        zdrOrgUuid: options.zdrOrgUuid,
        loginMethod,
        maxRetentionDays: options.maxRetentionDays,
      },
    );
    if (values['dry-run']) {
      // As fix --dry-run: the diff alone on stdout (a patch `git apply` takes), the rest on stderr.
      for (const change of plan.changes) io.stdout(unifiedDiff(change.file, change.before, change.after));
      for (const note of plan.notes) io.stderr(`${note}\n`);
      const n = plan.changes.length;
      io.stderr(`dry run: would change ${n} ${n === 1 ? 'file' : 'files'}.\n`);
      return 0;
    }
    for (const change of plan.changes) await writeChange(root, change);
    for (const change of plan.changes)
      for (const line of change.changes) io.stdout(`${change.file}: ${line}\n`);
    for (const note of plan.notes) io.stdout(`${note}\n`);
    if (plan.changes.length === 0)
      io.stdout(`nothing to change: ${settingsPath} already has every required key.\n`);
    return 0;
  } catch (error) {
    stderrLine(io, describeError(error));
    return 2;
  }
}
