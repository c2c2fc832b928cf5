// Applying one settings file on top of an accumulated configuration: shared by project, managed and user scopes
// (scope.ts) and by workflow and container scopes (ci-scopes.ts).
import type { Location, Span } from '../model.js';
import { FIRST_LINE } from '../discover/source.js';
import type { SettingsFile } from '../parse/files.js';
import { keySpan, propertySpan } from '../parse/json.js';
import type { EnvValue, FixTarget, SettingValue } from './scope-model.js';

export function locationOf(file: string, span: Span): Location {
  return { file, ...span };
}

/** The string Claude Code sees for a JSON env value, or undefined when it is not a scalar. */
export function envString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Apply one settings file on top of an accumulated configuration. */
export function applySettingsLayer(
  env: Map<string, EnvValue>,
  settings: Map<string, SettingValue>,
  file: SettingsFile,
): void {
  const values = file.settings;
  if (values === undefined) return;
  const path = file.source.path;
  const managed = file.role === 'managed' || file.role === 'managed-dropin';
  for (const key of Object.keys(values)) {
    const span = propertySpan(file.source, file.json.tree, [key]) ?? FIRST_LINE;
    settings.set(key, { key, value: values[key], location: locationOf(path, span), managed });
  }
  const block = values.env;
  if (!isPlainObject(block)) return;
  for (const name of Object.keys(block)) {
    const value = envString(block[name]);
    if (value === undefined) continue;
    const span = propertySpan(file.source, file.json.tree, ['env', name]) ?? FIRST_LINE;
    const below = env.get(name);
    env.set(name, {
      name,
      value,
      unknown: false,
      location: locationOf(path, span),
      ...(file.role === 'project' || file.role === 'local' ? { fromProjectFile: true } : {}),
      ...(below !== undefined ? { below } : {}),
    });
  }
}

/** Where a requirement nothing meets is reported: the `env` key of the main file, else its first line. */
export function settingsAnchor(main: SettingsFile | undefined): Location {
  if (main === undefined) return { file: null, ...FIRST_LINE };
  const envKey = main.settings !== undefined ? keySpan(main.source, main.json.tree, ['env']) : undefined;
  return locationOf(main.source.path, envKey ?? FIRST_LINE);
}

/** Fixes go under `env` of this settings file; `create` when it does not exist yet. */
export function settingsFix(file: string, create = false): FixTarget {
  return { file, syntax: 'json', where: `under \`env\` in \`${file}\``, ...(create ? { create } : {}) };
}
