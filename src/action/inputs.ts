// Every input of action.yml is read here and nowhere else. Scan options go through the same zod schema as the
// CLI's flags (`resolveOptions`); an empty input means "not given", so the config file and then the defaults
// apply. That is why action.yml leaves the scan options' defaults empty: the runner cannot tell a default
// from a value the user wrote (actions/runner#924).
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { isWithin } from '../discover/contained.js';
import { ConfigurationError } from '../errors.js';
import { type RawOptions, resolveOptions, type ScanOptions } from '../policy/options.js';
import { findRelaxations, type Relaxation } from '../policy/relaxations.js';
import { CONFIG_FROM, type ConfigFrom, defaultConfigFrom, readPolicySource } from './policy-source.js';
import type { RunnerEnvironment } from './runner.js';

/** The inputs action.yml declares, in its order; a test keeps the two (and docs/github-action.md) in step. */
export const ACTION_INPUTS = [
  'path',
  'policy',
  'fail-on',
  'config',
  'config-from',
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
  /** Where the policy in force was read, in words. */
  policyOrigin: string;
  configFrom: ConfigFrom;
  /** The config file in force, root-relative; undefined when there is none (or it is central). */
  configFile: string | undefined;
  /** The checked-out config file when it was compared rather than applied (root-relative). */
  proposedConfig: string | undefined;
  /** What the checked-out config would loosen once merged; empty when nothing or when it was not compared. */
  relaxations: Relaxation[];
  /** Why the checked-out config could not be compared, when it could not. */
  proposedProblem: string | undefined;
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
export async function readInputs(workspace: string, runner: RunnerEnvironment): Promise<ActionInputs> {
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

  const configFromInput = input('config-from');
  if (configFromInput !== undefined && !(CONFIG_FROM as readonly string[]).includes(configFromInput)) {
    throw new ConfigurationError(`config-from must be one of ${CONFIG_FROM.join(', ')}`);
  }
  const configFrom = (configFromInput as ConfigFrom | undefined) ?? defaultConfigFrom(runner.eventName);

  const root = resolve(workspace, raw.path ?? '.');
  if (!existsSync(root)) {
    throw new ConfigurationError(`path ${raw.path ?? '.'} does not exist in the workspace (${workspace})`);
  }
  // A root that is (or passes through) a link out of the workspace would scan, and report on, files the
  // repository does not hold.
  const [realWorkspace, realRoot] = await Promise.all([realpath(workspace), realpath(root)]);
  if (!isWithin(realWorkspace, realRoot)) {
    throw new ConfigurationError(
      `path ${raw.path ?? '.'} leads outside the workspace through a link: refused`,
    );
  }
  // `config` is relative to the workspace, the default names to the root (as the CLI's --config).
  const source = await readPolicySource({
    configFrom,
    config: raw.config,
    root,
    workspace,
    runner,
    token: githubToken,
  });
  const options = resolveOptions(raw, source.config.options);
  let relaxations: Relaxation[] = [];
  let proposedProblem = source.proposedProblem;
  if (source.proposed !== undefined) {
    try {
      relaxations = findRelaxations(options, resolveOptions(raw, source.proposed.options), source.proposed);
    } catch (error) {
      proposedProblem = error instanceof Error ? error.message : String(error);
    }
  }

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
    policyOrigin: source.origin,
    configFrom,
    configFile: source.central ? undefined : source.config.path,
    proposedConfig: source.proposed?.path,
    relaxations,
    proposedProblem,
  };
}

/** Multi-line inputs (`include: |` blocks) as a list; `resolveOptions` also splits each line on commas. */
function splitLines(value: string | undefined): string[] | undefined {
  return value?.split('\n');
}
