// Claude Code reads some keys and variables only from some files, and ignores them elsewhere without a word
// (reference §7.1, §7.3, §7.4; docs: settings-reference "Scope" column and "Variables Claude Code ignores in env").
// A setting with no effect misleads its reviewers: it reads as a control that is not there.
import { pushAll } from '../bounded.js';
import type { RawFinding } from '../model.js';
import type { SettingsFile } from '../parse/files.js';
import { propertySpan } from '../parse/json.js';
import { FIRST_LINE } from '../discover/source.js';
import { locationOf } from '../scope/layers.js';
import { projectFileIgnores } from '../scope/project-env.js';
import { MANAGED_ONLY_KEYS } from '../scope/settings-schema.js';
import { describeMin, VERSION_TABLE, type VersionRange, versionSide } from '../scope/versions.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

/** Read only from managed settings: the schema's [M] keys and the later ones of reference §7.3 and §7.6. */
const MANAGED_ONLY = new Set([
  ...MANAGED_ONLY_KEYS,
  'managedSourcesBehavior',
  'gatewayInternalNetworks',
  'policyHelper',
  'forceLoginGatewayUrl',
]);

/** Read only from user or managed settings (reference §7.3). */
const USER_OR_MANAGED_ONLY = new Set(['feedbackDrafts', 'desktopSessionCleanupPeriodDays']);

/** Permission modes a project or local file cannot choose (2.1.257). */
const PROJECT_IGNORED_MODES = new Set(['bypassPermissions', 'auto']);

/** Removed from the docs on 2026-03-13; it turns nothing off (reference §7.4). */
const DOES_NOTHING = 'DISABLE_NON_ESSENTIAL_MODEL_CALLS';

const FILE_WORDS: Record<SettingsFile['role'], string> = {
  project: 'project settings',
  local: 'local settings',
  user: 'user settings',
  action: 'user settings',
  managed: 'managed settings',
  'managed-dropin': 'managed settings',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileFindings(file: SettingsFile, versions: VersionRange, scopes: (string | null)[]): RawFinding[] {
  const values = file.settings;
  if (values === undefined || file.role === 'managed' || file.role === 'managed-dropin') return [];
  const path = file.source.path;
  const project = file.role === 'project' || file.role === 'local';
  const at = (keys: string[]) =>
    locationOf(path, propertySpan(file.source, file.json.tree, keys) ?? FIRST_LINE);
  const findings: RawFinding[] = [];
  // One finding at the line; evaluate lists every scope the file reaches.
  const push = (keys: string[], message: string, fix: string) => {
    for (const scope of scopes) findings.push({ ruleId: 'CFG009', ...at(keys), scope, message, fix });
  };
  for (const key of Object.keys(values)) {
    if (MANAGED_ONLY.has(key)) {
      push(
        [key],
        `"${key}" is read only from managed settings: Claude Code ignores it in ${FILE_WORDS[file.role]}.`,
        `Move "${key}" to managed-settings.json (or a managed-settings.d/ drop-in), or remove it from \`${path}\`.`,
      );
    } else if (project && USER_OR_MANAGED_ONLY.has(key)) {
      push(
        [key],
        `"${key}" is read only from user or managed settings: Claude Code ignores it in ${FILE_WORDS[file.role]}.`,
        `Move "${key}" to ~/.claude/settings.json or managed settings, or remove it from \`${path}\`.`,
      );
    }
  }
  const permissions = values.permissions;
  const mode = isObject(permissions) ? permissions.defaultMode : undefined;
  if (
    project &&
    typeof mode === 'string' &&
    PROJECT_IGNORED_MODES.has(mode) &&
    versionSide(versions, VERSION_TABLE.projectDefaultModeIgnored) === 'after'
  ) {
    push(
      ['permissions', 'defaultMode'],
      `permissions.defaultMode "${mode}" has no effect in ${FILE_WORDS[file.role]}: Claude Code ${VERSION_TABLE.projectDefaultModeIgnored.since} and later ignore it there, and ${describeMin(versions)}.`,
      `Remove "defaultMode": "${mode}" from \`${path}\`; a person chooses it in user settings or on the command line.`,
    );
  }
  const env = values.env;
  if (project && isObject(env)) {
    for (const name of Object.keys(env)) {
      const raw = env[name];
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
      const ignored = projectFileIgnores(name, String(raw));
      if (ignored === undefined || versionSide(versions, ignored) !== 'after') continue;
      push(
        ['env', name],
        `${name} has no effect here: Claude Code ${ignored.since} and later ignore it in project and local settings, and ${describeMin(versions)}.`,
        `Remove ${name} from \`${path}\`; to set it, use managed settings, user settings or the environment that starts Claude Code.`,
      );
    }
  }
  return findings;
}

export const CFG009: Rule = {
  id: 'CFG009',
  title: 'Setting has no effect here',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    'Claude Code reads some settings only from some files and ignores them elsewhere without a word: managed-only keys (allowManagedHooksOnly, requiredMinimumVersion, managedSourcesBehavior …) outside managed settings; feedbackDrafts and desktopSessionCleanupPeriodDays in project files; permissions.defaultMode "bypassPermissions" or "auto" in project files (2.1.257); the OTel and telemetry variables in project env (2.1.282; OTEL_LOG_RAW_API_BODIES, CLAUDE_CONFIG_DIR and other process variables 2.1.251). DISABLE_NON_ESSENTIAL_MODEL_CALLS turns nothing off. A version-dependent case is reported only when every Claude Code version in use ignores it (docs: settings-reference, settings).',
  remediation:
    'Move the setting to the file that Claude Code reads it from (managed settings, user settings, the process environment), or remove it.',
  check(context) {
    const min = context.options.minClaudeCodeVersion;
    const versions: VersionRange = {
      min,
      minSource: min === undefined ? undefined : '--min-claude-code-version',
      max: undefined,
    };
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind !== 'settings') continue;
      const reached = context.scopes.filter((s) => s.files.includes(file.source.path)).map((s) => s.id);
      pushAll(findings, fileFindings(file, versions, reached.length > 0 ? reached : [null]));
    }
    for (const environment of environments(context)) {
      const value = environment.env.get(DOES_NOTHING);
      if (value === undefined) continue;
      findings.push({
        ruleId: 'CFG009',
        ...value.location,
        scope: environment.scope?.id ?? null,
        message: `${DOES_NOTHING} does nothing: Claude Code dropped it (docs, 2026-03-13), and it turns no traffic off.`,
        fix: `Remove ${DOES_NOTHING} from \`${value.location.file}\`; set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC to "1" to turn non-essential traffic off.`,
      });
    }
    return findings;
  },
};
