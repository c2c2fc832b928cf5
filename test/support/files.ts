// Build parsed files in memory, for tests of scopes and rules that need no disk.
import { classify } from '../../src/discover/discover.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { ParsedFile, SettingsFile, SettingsRole } from '../../src/parse/files.js';
import { POLICIES } from '../../src/model.js';
import { parseDotenv } from '../../src/parse/dotenv.js';
import { parseJson } from '../../src/parse/json.js';
import { parseLoaded } from '../../src/parse/parse-files.js';
import { resolveScopes } from '../../src/scope/scope.js';
import { createSourceFile } from '../../src/discover/source.js';
import { RULES } from '../../src/rules/index.js';
import type { RuleOptions } from '../../src/rules/types.js';

export function settingsFile(path: string, role: SettingsRole, text: string): SettingsFile {
  const source = createSourceFile(path, text);
  const json = parseJson(source);
  const value = json.value;
  return {
    kind: 'settings',
    role,
    source,
    json,
    settings:
      json.ok && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined,
    validation: [],
  };
}

/** Pretty JSON with 2-space indent, so tests can predict lines: the first env var is on line 3. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function dotenvFile(path: string, text: string): import('../../src/parse/files.js').DotenvFile {
  const source = createSourceFile(path, text);
  return { kind: 'dotenv', source, dotenv: parseDotenv(source, { shell: path.endsWith('.envrc') }) };
}

export function mcpFile(path: string, text: string): import('../../src/parse/files.js').McpFile {
  const source = createSourceFile(path, text);
  return { kind: 'mcp', source, json: parseJson(source) };
}

/** A file parsed as discovery would classify it by its path. */
export function loadFile(path: string, text: string): ParsedFile {
  const parsed = parseLoaded({ candidate: classify(path)!, source: createSourceFile(path, text) });
  if (parsed === undefined) throw new Error(`not a candidate: ${path}`);
  return parsed;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = {
  zdrOrgUuid: undefined,
  allowedBaseUrls: [],
  maxRetentionDays: 30,
};

/** Every policy's findings for in-memory files, as rule, file, line and severity (only the rules named, if any). */
export function findingsOf(files: ParsedFile[], only?: string[], options: Partial<RuleOptions> = {}) {
  return evaluate({
    rules: RULES,
    files,
    skipped: [],
    scopes: resolveScopes(files),
    policies: [...POLICIES],
    options: { ...DEFAULT_RULE_OPTIONS, ...options },
  })
    .filter((f) => only === undefined || only.includes(f.ruleId))
    .map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line, severity: f.severity }));
}
