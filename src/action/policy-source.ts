// Where the policy in force comes from. On a pull request (or a merge group) the checkout is the change under
// review, its config file included: read from there, a PR could turn off the very rules it breaks. So by default
// the policy is read at the base commit (the git object when the checkout has it, else the contents API with the
// job's token), and the PR's own config is only compared with it. `config: OWNER/REPO/PATH@REF` names a central
// policy, read with the token (dependency-review-action's external config convention).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { isWithin } from '../discover/contained.js';
import { ConfigurationError } from '../errors.js';
import {
  CONFIG_FILE_NAMES,
  CONFIG_MAX_BYTES,
  type LoadedConfig,
  loadConfig,
  parseConfig,
} from '../policy/config.js';
import { loadYaml } from '../parse/yaml.js';
import { PROPOSED_CHANGE_EVENTS, type RunnerEnvironment } from './runner.js';

const execFileAsync = promisify(execFile);

export const CONFIG_FROM = ['base', 'workspace'] as const;
export type ConfigFrom = (typeof CONFIG_FROM)[number];

export interface PolicySource {
  /** The config in force. */
  config: LoadedConfig;
  /** Where it was read, in words ("the base commit 1a2b3c4", "octo-org/policies/policy.yml@main"). */
  origin: string;
  /** Read from another repository (`OWNER/REPO/PATH@REF`): its paths are not this repository's. */
  central: boolean;
  /** The workspace's own config when the policy came from elsewhere; undefined when there is none to compare. */
  proposed: LoadedConfig | undefined;
  /** Why the workspace's config could not be read, when it could not (it is then not compared). */
  proposedProblem: string | undefined;
}

export interface ExternalConfig {
  owner: string;
  repo: string;
  path: string;
  ref: string;
}

/** `OWNER/REPO/PATH@REF`, as dependency-review-action spells an external config. */
export function parseExternalConfig(value: string | undefined): ExternalConfig | undefined {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/([^@\s]+)@([^@\s]+)$/.exec(
    value?.trim() ?? '',
  );
  if (match === null) return undefined;
  const [, owner, repo, file, ref] = match;
  if (file!.split('/').some((part) => part === '..' || part === '')) return undefined;
  return { owner: owner!, repo: repo!, path: file!, ref: ref! };
}

export function defaultConfigFrom(eventName: string | undefined): ConfigFrom {
  return (PROPOSED_CHANGE_EVENTS as readonly (string | undefined)[]).includes(eventName)
    ? 'base'
    : 'workspace';
}

interface ApiAccess {
  apiUrl: string;
  token: string | undefined;
}

/** A file's text from the contents API; undefined on 404. Anything else fails closed. */
async function readFromApi(
  api: ApiAccess,
  owner: string,
  repo: string,
  file: string,
  ref: string,
  what: string,
): Promise<string | undefined> {
  if (api.token === undefined) {
    throw new ConfigurationError(`cannot read ${what}: github-token is empty`);
  }
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const url = `${api.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents/${encoded}?ref=${encodeURIComponent(ref)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/vnd.github.raw',
        authorization: `token ${api.token}`,
        'user-agent': 'claude-code-policy',
        'x-github-api-version': '2022-11-28',
      },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigurationError(`cannot read ${what}: ${reason}`);
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new ConfigurationError(`cannot read ${what}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > CONFIG_MAX_BYTES) {
    throw new ConfigurationError(`${what} is larger than ${CONFIG_MAX_BYTES} bytes: refused`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > CONFIG_MAX_BYTES) {
    throw new ConfigurationError(`${what} is larger than ${CONFIG_MAX_BYTES} bytes: refused`);
  }
  return body.toString('utf8');
}

async function git(workspace: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['-C', workspace, ...args], {
      maxBuffer: CONFIG_MAX_BYTES + 1024,
      timeout: 30_000,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout;
  } catch {
    return undefined;
  }
}

/**
 * The config file at `sha`, from the git object when the checkout has the commit, else from the API.
 * Undefined when the commit has no such file.
 */
async function readAtCommit(
  workspace: string,
  sha: string,
  file: string,
  runner: RunnerEnvironment,
  api: ApiAccess,
): Promise<string | undefined> {
  const what = `the policy config ${file} at the base commit ${sha.slice(0, 7)}`;
  if ((await git(workspace, ['cat-file', '-e', `${sha}^{commit}`])) !== undefined) {
    const object = `${sha}:${file}`;
    const type = (await git(workspace, ['cat-file', '-t', object]))?.trim();
    if (type === undefined) return undefined;
    if (type !== 'blob') throw new ConfigurationError(`${what} is not a file: refused`);
    const size = Number((await git(workspace, ['cat-file', '-s', object]))?.trim());
    if (!(size <= CONFIG_MAX_BYTES)) {
      throw new ConfigurationError(`${what} is larger than ${CONFIG_MAX_BYTES} bytes: refused`);
    }
    const text = await git(workspace, ['cat-file', 'blob', object]);
    if (text === undefined) throw new ConfigurationError(`cannot read ${what} from git`);
    return text;
  }
  if (runner.repository === undefined) {
    throw new ConfigurationError(`cannot read ${what}: GITHUB_REPOSITORY is not set`);
  }
  return readFromApi(api, runner.repository.owner, runner.repository.repo, file, sha, what);
}

/** A config file's text read from git or the API, parsed as loadConfig parses one from disk. */
async function parsed(text: string, shown: string, relative: string): Promise<LoadedConfig> {
  await loadYaml();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { path: relative, ...parseConfig(body, shown, relative) };
}

/** A path under the workspace as git and the API name it: relative, with `/`. */
function repositoryPath(workspace: string, file: string): string {
  return path.relative(workspace, file).split(path.sep).join('/');
}

export interface PolicySourceRequest {
  configFrom: ConfigFrom;
  /** The `config` input: a path relative to the workspace, `OWNER/REPO/PATH@REF`, or undefined. */
  config: string | undefined;
  root: string;
  workspace: string;
  runner: RunnerEnvironment;
  token: string | undefined;
}

export async function readPolicySource(request: PolicySourceRequest): Promise<PolicySource> {
  const { config, root, workspace, runner, token } = request;
  const api = { apiUrl: runner.apiUrl, token };
  const external = parseExternalConfig(config);
  if (external === undefined && request.configFrom === 'workspace') {
    return {
      config: await loadConfig(config, root, workspace),
      origin: 'the workspace',
      central: false,
      proposed: undefined,
      proposedProblem: undefined,
    };
  }

  let inForce: LoadedConfig;
  let origin: string;
  const central = external !== undefined;
  if (external !== undefined) {
    origin = `${external.owner}/${external.repo}/${external.path}@${external.ref}`;
    const text = await readFromApi(
      api,
      external.owner,
      external.repo,
      external.path,
      external.ref,
      `the policy config ${origin}`,
    );
    if (text === undefined) throw new ConfigurationError(`config ${origin} not found`);
    inForce = await parsed(text, origin, external.path);
  } else {
    const sha = runner.baseSha;
    if (sha === undefined) {
      throw new ConfigurationError(
        `config-from is base but the ${runner.eventName ?? 'current'} event names no base commit; ` +
          'set config-from: workspace to use the checked-out config',
      );
    }
    origin = `the base commit ${sha.slice(0, 7)}`;
    const named = config !== undefined && config.trim() !== '';
    const candidates = named
      ? [path.resolve(workspace, config)]
      : CONFIG_FILE_NAMES.map((name) => path.join(root, name));
    inForce = { path: undefined, options: {}, ignore: [], positions: {} };
    for (const file of candidates) {
      const relative = repositoryPath(workspace, file);
      if (!isWithin(workspace, file)) {
        throw new ConfigurationError(`config ${config ?? relative} lies outside the workspace`);
      }
      const text = await readAtCommit(workspace, sha, relative, runner, api);
      if (text === undefined) continue;
      inForce = await parsed(
        text,
        `${relative}@${sha.slice(0, 7)}`,
        path.relative(root, file).split(path.sep).join('/'),
      );
      break;
    }
  }

  // The checked-out config is the proposal: compared, never applied. Outside pull requests there is none.
  if (defaultConfigFrom(runner.eventName) !== 'base') {
    return { config: inForce, origin, central, proposed: undefined, proposedProblem: undefined };
  }
  let proposed: LoadedConfig | undefined;
  let proposedProblem: string | undefined;
  try {
    const local = external === undefined ? config : undefined;
    const loaded = await loadConfig(local, root, workspace);
    // No file in the checkout is a proposal only when it deletes the base's: a central policy is not the
    // repository's to delete, and comparing the defaults with it would report changes no one made.
    proposed = loaded.path === undefined && (central || inForce.path === undefined) ? undefined : loaded;
  } catch (error) {
    proposedProblem = error instanceof Error ? error.message : String(error);
  }
  return { config: inForce, origin, central, proposed, proposedProblem };
}

/**
 * The lines each file gained since the base commit (`git diff -U0`), relative to the root; undefined when the
 * checkout does not have the base commit, so nothing can be said about what the pull request added.
 */
export async function addedLines(
  root: string,
  baseSha: string | undefined,
  files: readonly string[],
): Promise<Map<string, Set<number>> | undefined> {
  if (baseSha === undefined || files.length === 0) return undefined;
  if ((await git(root, ['cat-file', '-e', `${baseSha}^{commit}`])) === undefined) return undefined;
  let diff: string;
  try {
    const { stdout } = await execFileAsync(
      'git',
      [
        '-C',
        root,
        '-c',
        'core.quotePath=false',
        'diff',
        '-U0',
        '--no-color',
        '--no-ext-diff',
        '--relative',
        baseSha,
        '--',
        ...files,
      ],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
    );
    diff = stdout;
  } catch {
    return undefined;
  }
  const added = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      current = name.startsWith('b/') ? new Set<number>() : undefined;
      if (current !== undefined) added.set(name.slice(2), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current !== undefined) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return added;
}
