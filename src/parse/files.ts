// What discovery finds and parsing makes of it.
import type { Location } from '../model.js';
import type { ParsedCompose } from './compose.js';
import type { ParsedDockerfile } from './dockerfile.js';
import type { ParsedDotenv } from './dotenv.js';
import type { JsonProblem, ParsedJson } from './json.js';
import type { ParsedWorkflow, WorkflowProblem } from './workflow.js';
import type { SourceFile } from '../discover/source.js';
import type { SettingsProblem } from '../scope/validate-settings.js';
import type { CodeFile } from './code/code-file.js';

/**
 * Which Claude Code settings file a path is, by its name and place. `action`: a file a workflow step's
 * `settings` input names (claude-code-action copies it into the runner's user settings).
 */
export type SettingsRole = 'project' | 'local' | 'managed' | 'managed-dropin' | 'user' | 'action';

export type CandidateKind =
  'settings' | 'dotenv' | 'mcp' | 'workflow' | 'devcontainer' | 'dockerfile' | 'compose' | 'code';

/** A path discovery selected, before it is read. */
export interface Candidate {
  /** Relative to the root, with `/`. */
  path: string;
  kind: CandidateKind;
  /** For settings files. */
  role?: SettingsRole;
}

export interface SettingsFile {
  kind: 'settings';
  role: SettingsRole;
  source: SourceFile;
  json: ParsedJson;
  /** The parsed top-level object when the file is valid JSON with an object at the top; else undefined (it contributes nothing). */
  settings: Record<string, unknown> | undefined;
  /** CFG002/CFG003 problems of a valid JSON file. */
  validation: SettingsProblem[];
}

export interface DotenvFile {
  kind: 'dotenv';
  source: SourceFile;
  dotenv: ParsedDotenv;
}

export interface McpFile {
  kind: 'mcp';
  source: SourceFile;
  json: ParsedJson;
}

/** A GitHub Actions workflow (`.github/workflows/*.yml`). */
export interface WorkflowFile {
  kind: 'workflow';
  source: SourceFile;
  workflow: ParsedWorkflow;
}

/** A dev container definition: JSON with comments and trailing commas allowed. */
export interface DevcontainerFile {
  kind: 'devcontainer';
  source: SourceFile;
  json: ParsedJson;
}

/** A Dockerfile or Containerfile: an image that may install or start Claude Code. */
export interface DockerfileFile {
  kind: 'dockerfile';
  source: SourceFile;
  dockerfile: ParsedDockerfile;
}

/** A Compose file: services that may be built from such an image or run Claude Code. */
export interface ComposeFile {
  kind: 'compose';
  source: SourceFile;
  compose: ParsedCompose;
}

export type ParsedFile =
  | SettingsFile
  | DotenvFile
  | McpFile
  | WorkflowFile
  | DevcontainerFile
  | DockerfileFile
  | ComposeFile
  | CodeFile;

/**
 * What the JSON and YAML parsers found wrong with a file (CFG001, CFG004, CFG008); none for the kinds read by
 * other parsers, whose problems their own rules report.
 */
export function parseProblems(file: ParsedFile): readonly (JsonProblem | WorkflowProblem)[] {
  if (file.kind === 'workflow') return file.workflow.problems;
  if (file.kind === 'settings' || file.kind === 'mcp' || file.kind === 'devcontainer')
    return file.json.problems;
  return [];
}

/** A candidate that was not checked (CFG008), with the reason in words. */
export interface SkippedFile {
  path: string;
  reason: string;
  location: Location;
}
