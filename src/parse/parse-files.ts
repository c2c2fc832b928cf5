// Turn each file discovery loaded into its parsed form, by kind.
import type { LoadedFile } from '../discover/discover.js';
import type { ParsedFile, SettingsFile } from './files.js';
import { parseCompose } from './compose.js';
import { parseDockerfile } from './dockerfile.js';
import { parseDotenv } from './dotenv.js';
import { parseJson } from './json.js';
import { parseWorkflow } from './workflow.js';
import { validateSettings } from '../scope/validate-settings.js';

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parseSettings(loaded: LoadedFile): SettingsFile {
  const json = parseJson(loaded.source);
  const value = json.value;
  const settings =
    json.ok && typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  return {
    kind: 'settings',
    role: loaded.candidate.role ?? 'project',
    source: loaded.source,
    json,
    settings,
    validation: json.ok ? validateSettings(loaded.source, json) : [],
  };
}

/** The parsed file, or undefined for kinds this build does not read. */
export function parseLoaded(loaded: LoadedFile): ParsedFile | undefined {
  switch (loaded.candidate.kind) {
    case 'settings':
      return parseSettings(loaded);
    case 'dotenv':
      return {
        kind: 'dotenv',
        source: loaded.source,
        dotenv: parseDotenv(loaded.source, { shell: basename(loaded.source.path) === '.envrc' }),
      };
    case 'mcp':
      return { kind: 'mcp', source: loaded.source, json: parseJson(loaded.source) };
    case 'workflow':
      return { kind: 'workflow', source: loaded.source, workflow: parseWorkflow(loaded.source) };
    case 'devcontainer':
      return { kind: 'devcontainer', source: loaded.source, json: parseJson(loaded.source, { jsonc: true }) };
    case 'dockerfile':
      return { kind: 'dockerfile', source: loaded.source, dockerfile: parseDockerfile(loaded.source) };
    case 'compose':
      return { kind: 'compose', source: loaded.source, compose: parseCompose(loaded.source) };
    default:
      return undefined;
  }
}
