// Scopes and their effective configuration (SPEC §5; docs: settings, "Settings precedence").
// Project scope: .claude/settings.json, then .claude/settings.local.json on top; since 2.1.211 the local file at the
// repository root applies to every project in it, above a legacy local file of the project (reference §7.2).
// Managed scope:
// managed-settings.json, then managed-settings.d/*.json in alphabetical order. User scope: dot_claude/settings.json.
// Scalars: the higher file wins key by key; `env` merges variable by variable. A file that is not valid JSON
// (or whose top level is not an object) contributes nothing: Claude Code rejects the whole file.
// Workflow and container scopes come from ci-scopes.ts.
import { pushAll } from '../bounded.js';
import { resolveCiScopes } from './ci-scopes.js';
import { applySettingsLayer, settingsAnchor, settingsFix } from './layers.js';
import type { ParsedFile, SettingsFile } from '../parse/files.js';
import type { Location, ScopeKind } from '../model.js';
import type { EnvValue, Scope, SettingValue } from './scope-model.js';
import { FIRST_LINE } from '../discover/source.js';
import {
  ANY_VERSION,
  newerVersion,
  parseVersion,
  type VersionRange,
  VERSION_TABLE,
  versionSide,
} from './versions.js';

export type { EnvValue, FixTarget, Scope, SettingValue } from './scope-model.js';
export { applySettingsLayer, envString, locationOf, settingsAnchor, settingsFix } from './layers.js';

/**
 * Where a settings key that no file sets is reported: the first line of the scope's settings file, or for a
 * workflow or container scope (one step or service among others in its file) the line that starts Claude Code
 * there, unless the shared settings file it reads is the place to fix it (then that file's first line, one finding
 * for every scope that reads it).
 */
export function missingSettingLocation(scope: Scope): Location {
  if ((scope.kind === 'workflow' || scope.kind === 'container') && scope.anchor.file === scope.origin.file)
    return scope.origin;
  const file = scope.anchor.file;
  return file === null ? scope.anchor : { file, ...FIRST_LINE };
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}

const ROLE_ORDER = { project: 0, local: 1, managed: 0, 'managed-dropin': 1, user: 0, action: 0 } as const;

const ROOT_LOCAL = '.claude/settings.local.json';

function buildScope(
  id: string,
  kind: ScopeKind,
  layers: SettingsFile[],
  fixFile: string,
  versions: VersionRange,
  top: SettingsFile[] = [],
): Scope {
  const ordered = [
    ...[...layers].sort(
      (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.source.path < b.source.path ? -1 : 1),
    ),
    ...top,
  ];
  const env = new Map<string, EnvValue>();
  const settings = new Map<string, SettingValue>();
  for (const layer of ordered) applySettingsLayer(env, settings, layer);
  const main = ordered.find((f) => f.source.path === fixFile);
  const anchor = settingsAnchor(main ?? ordered[0]);
  return {
    id,
    kind,
    files: ordered.map((f) => f.source.path),
    env,
    settings,
    anchor,
    origin: anchor,
    fix: settingsFix(fixFile, main === undefined),
    versions,
  };
}

/** A managed scope's own pins narrow the versions it can run with (requiredMinimumVersion / requiredMaximumVersion). */
function managedVersions(layers: SettingsFile[], versions: VersionRange): VersionRange {
  let min = versions.min;
  let minSource = versions.minSource;
  let max = versions.max;
  for (const layer of layers) {
    const pinned = layer.settings?.requiredMinimumVersion;
    if (
      typeof pinned === 'string' &&
      parseVersion(pinned) !== undefined &&
      newerVersion(min, pinned) !== min
    ) {
      min = pinned.trim();
      minSource = `requiredMinimumVersion in \`${layer.source.path}\``;
    }
    const cap = layer.settings?.requiredMaximumVersion;
    if (typeof cap === 'string' && parseVersion(cap) !== undefined) max = cap.trim();
  }
  return { min, minSource, max };
}

/**
 * Group settings files into scopes and work out each scope's effective configuration.
 * The result does not depend on the order in which files are given.
 */
export function resolveScopes(files: ParsedFile[], versions: VersionRange = ANY_VERSION): Scope[] {
  const projects = new Map<string, SettingsFile[]>();
  const managed = new Map<string, SettingsFile[]>();
  const scopes: Scope[] = [];
  for (const file of files) {
    if (file.kind !== 'settings') continue;
    const path = file.source.path;
    switch (file.role) {
      case 'project':
      case 'local': {
        const dir = dirname(dirname(path));
        projects.set(dir, [...(projects.get(dir) ?? []), file]);
        break;
      }
      case 'managed': {
        const dir = dirname(path);
        managed.set(dir, [...(managed.get(dir) ?? []), file]);
        break;
      }
      case 'managed-dropin': {
        const dir = dirname(dirname(path));
        managed.set(dir, [...(managed.get(dir) ?? []), file]);
        break;
      }
      case 'user':
        scopes.push(buildScope(path, 'user', [file], path, versions));
        break;
    }
  }
  const rootLocal = projects.get('.')?.find((f) => f.role === 'local' && f.source.path === ROOT_LOCAL);
  const side = versionSide(versions, VERSION_TABLE.rootLocalSettings);
  for (const [dir, layers] of projects) {
    const fixFile = join(dir, '.claude/settings.json');
    if (dir === '.' || rootLocal === undefined) {
      scopes.push(buildScope(dir, 'project', layers, fixFile, versions));
      continue;
    }
    // Since 2.1.211 the root's local file reaches this project too, above its own (legacy) local file. When older
    // versions may run it as well, the scope is also evaluated as they see it: the worst of both counts.
    if (side !== 'before') scopes.push(buildScope(dir, 'project', layers, fixFile, versions, [rootLocal]));
    if (side !== 'after') {
      const id = side === 'both' ? `${dir} (before ${VERSION_TABLE.rootLocalSettings.since})` : dir;
      scopes.push(buildScope(id, 'project', layers, fixFile, versions));
    }
  }
  for (const [dir, layers] of managed) {
    const main = join(dir, 'managed-settings.json');
    scopes.push(buildScope(main, 'managed', layers, main, managedVersions(layers, versions)));
  }
  pushAll(scopes, resolveCiScopes(files, versions));
  return scopes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : 1));
}

export const PROJECT_SETTINGS = '.claude/settings.json';

/**
 * `require: [project-settings]`: Claude Code can be started in any repository, so the root's shared
 * `.claude/settings.json` must exist. Without it the root project scope is evaluated as Claude Code would run
 * there (with nothing shared set) and its requirements are reported at that file's line 1, which `fix` creates.
 */
export function requireProjectSettings(
  scopes: readonly Scope[],
  versions: VersionRange = ANY_VERSION,
): Scope[] {
  const root = scopes.find((s) => s.kind === 'project' && s.id === '.');
  if (root?.files.includes(PROJECT_SETTINGS) === true) return [...scopes];
  const anchor: Location = { file: PROJECT_SETTINGS, ...FIRST_LINE };
  const required: Scope = root
    ? { ...root, anchor, origin: anchor }
    : {
        id: '.',
        kind: 'project',
        files: [],
        env: new Map(),
        settings: new Map(),
        anchor,
        origin: anchor,
        fix: settingsFix(PROJECT_SETTINGS, true),
        versions,
      };
  return [required, ...scopes.filter((s) => s !== root)];
}

/** `"NAME": "value"` or `NAME: "value"` as written in the scope's fix target. */
export function assignment(scope: Scope, name: string, value: string): string {
  if (scope.fix?.syntax === 'dockerfile') return `ENV ${name}=${value}`;
  return scope.fix?.syntax === 'yaml' ? `${name}: "${value}"` : `"${name}": "${value}"`;
}

/** One sentence: write this variable there (or create the settings file that will hold it). */
export function setVariableFix(scope: Scope, name: string, value = '1'): string {
  if (scope.fix?.create === true) {
    return `Create \`${scope.fix.file}\` with \`{ "env": { "${name}": "${value}" } }\`.`;
  }
  const where = scope.fix?.where ?? 'in the settings file Claude Code reads';
  return `Add \`${assignment(scope, name, value)}\` ${where}.`;
}
