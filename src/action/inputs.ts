// Every input of action.yml is read here and nowhere else. Scan options go through the same zod schema as the
// CLI's flags (`resolveOptions`); an empty input means "not given", so the config file and then the defaults
// apply. That is why action.yml leaves the scan options' defaults empty: the runner cannot tell a default
// from a value the user wrote (actions/runner#924).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { loadConfig } from '../policy/config.js';
import { ConfigurationError } from '../errors.js';
import { type RawOptions, resolveOptions, type ScanOptions } from '../policy/options.js';

/** The inputs action.yml declares, in its order; a test keeps the two (and docs/github-action.md) in step. */
export const ACTION_INPUTS = [
  'path',
  'policy',
  'fail-on',
  'config',
  'zdr-org-uuid',
  'allowed-base-urls',
  'max-retention-days',
  'min-claude-code-version',
  'include',
  'exclude',
  'require',
  'code',
  'annotations',
  'summary',
  'comment',
  'sarif-file',
  'json-file',
  'github-token',
] as const;
export type ActionInputName = (typeof ACTION_INPUTS)[number];

export interface ActionInputs {
  options: ScanOptions;
  /** The workspace the scan root, config and report files are relative to. */
  workspace: string;
  /** The absolute scan root. */
  root: string;
  annotations: boolean;
  summary: boolean;
  comment: boolean;
  /** Absolute paths to write the reports to; undefined when not asked for. */
  sarifFile: string | undefined;
  jsonFile: string | undefined;
  /** Undefined when empty; masked as soon as it is read. */
  githubToken: string | undefined;
}

function input(name: ActionInputName): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

// YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them, but failing with a one-line message.
const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];

function booleanInput(name: ActionInputName, fallback: boolean): boolean {
  const value = input(name);
  if (value === undefined) return fallback;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  throw new ConfigurationError(`${name} must be true or false`);
}

function workspacePath(workspace: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : resolve(workspace, value);
}

/** Read and validate every input; a bad one throws a ConfigurationError naming it. */
export async function readInputs(workspace: string): Promise<ActionInputs> {
  // Mask first, so that nothing printed afterwards (even an error) can show it.
  const githubToken = input('github-token');
  if (githubToken !== undefined) core.setSecret(githubToken);

  const raw: RawOptions = {
    path: input('path'),
    policy: input('policy'),
    failOn: input('fail-on'),
    config: input('config'),
    zdrOrgUuid: input('zdr-org-uuid'),
    allowedBaseUrls: splitLines(input('allowed-base-urls')),
    maxRetentionDays: input('max-retention-days'),
    minClaudeCodeVersion: input('min-claude-code-version'),
    include: splitLines(input('include')),
    exclude: splitLines(input('exclude')),
    require: input('require'),
    code: input('code'),
  };
  const annotations = booleanInput('annotations', true);
  const summary = booleanInput('summary', true);
  const comment = booleanInput('comment', true);

  const root = resolve(workspace, raw.path ?? '.');
  if (!existsSync(root)) {
    throw new ConfigurationError(`path ${raw.path ?? '.'} does not exist in the workspace (${workspace})`);
  }
  // The same loader as the CLI's --config: `config` is relative to the workspace, the default names to the root.
  const config = await loadConfig(raw.config, root, workspace);
  const options = resolveOptions(raw, config.options);

  return {
    options,
    workspace,
    root,
    annotations,
    summary,
    comment,
    sarifFile: workspacePath(workspace, input('sarif-file')),
    jsonFile: workspacePath(workspace, input('json-file')),
    githubToken,
  };
}

/** Multi-line inputs (`include: |` blocks) as a list; `resolveOptions` also splits each line on commas. */
function splitLines(value: string | undefined): string[] | undefined {
  return value?.split('\n');
}
