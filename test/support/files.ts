// Build parsed files in memory, for tests of scopes and rules that need no disk.
import type { SettingsFile, SettingsRole } from '../../src/core/files.js';
import { parseDotenv } from '../../src/core/parse/dotenv.js';
import { parseJson } from '../../src/core/parse/json.js';
import { createSourceFile } from '../../src/core/source.js';

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

export function dotenvFile(path: string, text: string): import('../../src/core/files.js').DotenvFile {
  const source = createSourceFile(path, text);
  return { kind: 'dotenv', source, dotenv: parseDotenv(source, { shell: path.endsWith('.envrc') }) };
}

export function mcpFile(path: string, text: string): import('../../src/core/files.js').McpFile {
  const source = createSourceFile(path, text);
  return { kind: 'mcp', source, json: parseJson(source) };
}
