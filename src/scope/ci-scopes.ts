// Workflow and container scopes (SPEC §5, "Claude Code in CI"; docs/scopes.md). A workflow scope is one step
// that runs claude-code-action, or a `run:` step that starts Claude Code itself; its Claude process sees, lowest
// first: workflow and job `env:`, what earlier steps of the job appended to $GITHUB_ENV, the step's `env:`; the
// provider variables the action sets from `use_bedrock`/`use_vertex`/`use_foundry` (replacing what `env:` said:
// action.yml sets each to "1" when its input is 'true', else to ''); the v0 `claude_env` lines (base-action passes
// them over the process env); the `settings` input, which the action writes into the runner's user settings; the
// checkout's project settings, which win over user settings and over the environment (docs: settings "Settings
// precedence", env-vars "Precedence"); then `--settings` (in `claude_args` or on the command line) above them.
// A container scope is a dev container that runs Claude Code (`containerEnv`, `remoteEnv`, then the project
// settings of the folder it opens), a Dockerfile whose image installs or starts Claude Code (its ENV and ARG), or
// a Compose service built from such an image or running Claude Code (the image's env, then `environment:`).
import { posix } from 'node:path';
import { pushAll } from '../bounded.js';
import type {
  ComposeFile,
  DevcontainerFile,
  DockerfileFile,
  McpFile,
  ParsedFile,
  SettingsFile,
  WorkflowFile,
} from '../parse/files.js';
import { findClaudeCommand } from '../parse/shell.js';
import { keySpan, propertySpan } from '../parse/json.js';
import {
  type ClaudeStep,
  PROVIDER_INPUTS,
  type SettingsInput,
  type WorkflowEnvEntry,
} from '../parse/workflow.js';
import { applySettingsLayer, envString, locationOf, settingsAnchor, settingsFix } from './layers.js';
import type { EnvValue, Scope, SettingValue } from './scope-model.js';
import { FIRST_LINE } from '../discover/source.js';
import type { VersionRange } from './versions.js';

/** The repository a workflow belongs to: the directory that holds its `.github/workflows/`. */
export function workflowRoot(path: string): string {
  const at = path.lastIndexOf('.github/workflows/');
  return at <= 0 ? '.' : path.slice(0, at - 1);
}

/** The folder a dev container opens: the one that holds `.devcontainer/` or `.devcontainer.json`. */
export function devcontainerRoot(path: string): string {
  const at = path.endsWith('.devcontainer.json')
    ? path.length - '.devcontainer.json'.length
    : path.lastIndexOf('.devcontainer/');
  return at <= 0 ? '.' : path.slice(0, at - 1);
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}

/** A path that does not start in the repository: from the file system root, a home folder, or a drive. */
function isAbsolutePath(written: string): boolean {
  return written.startsWith('/') || written.startsWith('~') || /^[A-Za-z]:[\\/]/.test(written);
}

/**
 * A path from a workflow, relative to the checkout (the repository root), as a path relative to the scanned root;
 * undefined when it is absolute or climbs out of the repository (the action would read a file we cannot see).
 */
export function resolveInRepository(root: string, written: string): string | undefined {
  if (isAbsolutePath(written)) return undefined;
  const parts: string[] = root === '.' ? [] : root.split('/');
  const floor = parts.length;
  for (const part of written.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === floor) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/** The files scopes draw on, by path. */
class FileIndex {
  readonly settings = new Map<string, SettingsFile>();
  readonly mcp = new Map<string, McpFile>();
  readonly dockerfiles = new Map<string, DockerfileFile>();
  readonly paths = new Set<string>();

  constructor(files: ParsedFile[]) {
    for (const file of files) {
      this.paths.add(file.source.path);
      if (file.kind === 'settings') this.settings.set(file.source.path, file);
      else if (file.kind === 'mcp') this.mcp.set(file.source.path, file);
      else if (file.kind === 'dockerfile') this.dockerfiles.set(file.source.path, file);
    }
  }

  /** `.claude/settings.json`, then `.claude/settings.local.json` on top, of the repository at `root`. */
  projectLayers(root: string): SettingsFile[] {
    const out: SettingsFile[] = [];
    const shared = this.settings.get(join(root, '.claude/settings.json'));
    const local = this.settings.get(join(root, '.claude/settings.local.json'));
    if (shared?.role === 'project') out.push(shared);
    if (local?.role === 'local') out.push(local);
    return out;
  }

  /** The repository's shared `.claude/settings.json`, when there is one. */
  sharedSettings(root: string): SettingsFile | undefined {
    const shared = this.settings.get(join(root, '.claude/settings.json'));
    return shared?.role === 'project' ? shared : undefined;
  }

  /** Whether the repository's `.mcp.json` declares servers (Claude Code starts project servers from there). */
  hasProjectMcpServers(root: string): boolean {
    const file = this.mcp.get(join(root, '.mcp.json'));
    if (file === undefined || !file.json.ok) return false;
    const value = file.json.value as { mcpServers?: unknown } | null;
    const servers = typeof value === 'object' && value !== null ? value.mcpServers : undefined;
    return typeof servers === 'object' && servers !== null && Object.keys(servers).length > 0;
  }
}

function setEntry(env: Map<string, EnvValue>, file: string, entry: WorkflowEnvEntry): void {
  const below = env.get(entry.name);
  env.set(entry.name, {
    name: entry.name,
    value: entry.value,
    unknown: entry.unknown,
    location: locationOf(file, entry.span),
    ...(below !== undefined ? { below } : {}),
  });
}

/** `jobs.<job>.steps[<index>]` as the job and index `fix` edits. */
function stepOf(stepPath: string): { step?: { job: string; index: number } } {
  const match = /^jobs\.(.+)\.steps\[(\d+)\]$/.exec(stepPath);
  return match === null ? {} : { step: { job: match[1]!, index: Number(match[2]) } };
}

/** Apply a `settings` input or a `--settings` argument: inline JSON with its positions, or a file of the repository. */
function applySettingsInput(
  env: Map<string, EnvValue>,
  settings: Map<string, SettingValue>,
  files: string[],
  path: string,
  /** The repository file a path input names, if any. */
  file: string | undefined,
  input: SettingsInput | undefined,
  index: FileIndex,
): void {
  if (input?.kind === 'inline') {
    for (const key of input.keys) {
      settings.set(key.key, {
        key: key.key,
        value: key.value,
        location: locationOf(path, key.span),
        managed: false,
      });
    }
    for (const entry of input.env) setEntry(env, path, entry);
  } else if (input?.kind === 'path') {
    const layer = file === undefined ? undefined : index.settings.get(file);
    if (layer !== undefined) {
      applySettingsLayer(env, settings, layer);
      files.push(layer.source.path);
    }
  }
}

function workflowScope(
  file: WorkflowFile,
  step: ClaudeStep,
  index: FileIndex,
  versions: VersionRange,
): Scope {
  const path = file.source.path;
  const root = workflowRoot(path);
  const env = new Map<string, EnvValue>();
  const settings = new Map<string, SettingValue>();
  const files = [path];
  // $GITHUB_ENV lines from earlier steps override workflow and job env; the step's own env: overrides them.
  for (const entry of [...step.workflowEnv, ...step.jobEnv, ...step.githubEnv, ...step.stepEnv]) {
    setEntry(env, path, entry);
  }
  if (step.kind === 'action') {
    for (const variable of Object.values(PROVIDER_INPUTS)) env.delete(variable);
    for (const provider of step.providers) {
      if (!provider.selected && !provider.unknown) continue;
      env.set(provider.variable, {
        name: provider.variable,
        value: provider.unknown ? provider.raw : '1',
        unknown: provider.unknown,
        location: locationOf(path, provider.span),
        writtenAs: `${provider.input}: ${JSON.stringify(provider.raw)}`,
      });
    }
    for (const entry of step.claudeEnv) setEntry(env, path, entry);
    applySettingsInput(env, settings, files, path, actionSettingsFile(root, step), step.settings, index);
    // The action always writes enableAllProjectMcpServers: true into the user settings it creates
    // (base-action/src/setup-claude-code-settings.ts). It matters only when the checkout declares project servers.
    if (index.hasProjectMcpServers(root)) {
      settings.set('enableAllProjectMcpServers', {
        key: 'enableAllProjectMcpServers',
        value: true,
        location: locationOf(path, step.usesSpan),
        managed: false,
      });
    }
  }
  // Claude Code reads the project settings of the directory it starts in (a `run:` step's working-directory). One
  // known only at run time, or outside the repository, holds none this check can see.
  const project = startDirectory(root, step);
  for (const layer of project === undefined ? [] : index.projectLayers(project)) {
    applySettingsLayer(env, settings, layer);
    files.push(layer.source.path);
  }
  // --settings is the command-line layer: above project and local settings, below managed (docs: settings
  // "Settings precedence"). A relative path is read from where Claude Code starts.
  applySettingsInput(env, settings, files, path, commandLineFile(root, step), step.cliSettings, index);
  const origin = locationOf(path, step.usesSpan);
  const shared = project === undefined ? undefined : index.sharedSettings(project);
  return {
    id: `${path}#${step.path}`,
    kind: 'workflow',
    files: [...new Set(files)],
    env,
    settings,
    // The checkout's shared settings win over the step's env: fixed there, every scope that reads it is fixed.
    anchor: shared !== undefined ? settingsAnchor(shared) : origin,
    origin,
    fix:
      shared !== undefined
        ? settingsFix(shared.source.path)
        : {
            file: path,
            syntax: 'yaml',
            where: `under the step's \`env:\` in \`${path}\``,
            ...stepOf(step.path),
          },
    versions,
  };
}

/** The repository folder Claude Code starts in: undefined when only known at run time or outside the repository. */
function startDirectory(root: string, step: ClaudeStep): string | undefined {
  const directory = step.workingDirectory;
  if (directory === undefined) return root;
  if (directory.kind === 'unknown') return undefined;
  // resolveInRepository names files: a file in the folder finds the folder, the root included.
  const inside = resolveInRepository(root, posix.join(directory.path, 'x'));
  return inside === undefined ? undefined : posix.dirname(inside);
}

/** The repository file the action's `settings` input names: read from the workspace. */
function actionSettingsFile(root: string, step: ClaudeStep): string | undefined {
  return step.settings?.kind === 'path' ? resolveInRepository(root, step.settings.path) : undefined;
}

/** The repository file `--settings PATH` names: read from where Claude Code starts, unless written from the workspace. */
function commandLineFile(root: string, step: ClaudeStep): string | undefined {
  const input = step.cliSettings;
  if (input?.kind !== 'path') return undefined;
  const directory = step.workingDirectory;
  if (directory === undefined || input.fromWorkspace) return resolveInRepository(root, input.path);
  if (directory.kind === 'unknown' || isAbsolutePath(input.path)) return undefined;
  return resolveInRepository(root, posix.join(directory.path, input.path));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CLAUDE_WORDS = /claude|anthropic/i;

/**
 * Whether a dev container runs Claude Code: a key or string anywhere in it names Claude or Anthropic (a
 * `claude-code` feature, the `anthropic.claude-code` extension, an install command, a CLAUDE_* variable …).
 */
export function mentionsClaude(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (CLAUDE_WORDS.test(node)) return true;
    } else if (Array.isArray(node)) {
      pushAll(stack, node);
    } else if (isPlainObject(node)) {
      for (const key of Object.keys(node)) {
        if (CLAUDE_WORDS.test(key)) return true;
        stack.push(node[key]);
      }
    }
  }
  return false;
}

/** `${localEnv:X}`, `${containerEnv:X}` and the other dev container variables are filled in at run time. */
const DEVCONTAINER_VARIABLE = /\$\{[^}]*\}/;

const CONTAINER_ENV_BLOCKS = ['containerEnv', 'remoteEnv'] as const;

function containerScope(file: DevcontainerFile, index: FileIndex, versions: VersionRange): Scope | undefined {
  const value = file.json.value;
  // A file that does not parse starts no container: CFG001 says so, and there is nothing to evaluate.
  if (!file.json.ok || !isPlainObject(value) || !mentionsClaude(value)) return undefined;
  const path = file.source.path;
  const env = new Map<string, EnvValue>();
  const settings = new Map<string, SettingValue>();
  const files = [path];
  for (const block of CONTAINER_ENV_BLOCKS) {
    const entries = value[block];
    if (!isPlainObject(entries)) continue;
    for (const name of Object.keys(entries)) {
      const text = envString(entries[name]);
      if (text === undefined) continue;
      const span = propertySpan(file.source, file.json.tree, [block, name]) ?? FIRST_LINE;
      env.set(name, {
        name,
        value: text,
        unknown: DEVCONTAINER_VARIABLE.test(text),
        location: locationOf(path, span),
      });
    }
  }
  for (const layer of index.projectLayers(devcontainerRoot(path))) {
    applySettingsLayer(env, settings, layer);
    files.push(layer.source.path);
  }
  const origin = locationOf(
    path,
    keySpan(file.source, file.json.tree, ['containerEnv']) ??
      keySpan(file.source, file.json.tree, ['remoteEnv']) ??
      FIRST_LINE,
  );
  const shared = index.sharedSettings(devcontainerRoot(path));
  return {
    id: path,
    kind: 'container',
    files,
    env,
    settings,
    // The folder's shared settings win over containerEnv: fixed there, every scope that reads it is fixed.
    anchor: shared !== undefined ? settingsAnchor(shared) : origin,
    origin,
    fix:
      shared !== undefined
        ? settingsFix(shared.source.path)
        : {
            file: path,
            syntax: 'json',
            where: `under \`containerEnv\` in \`${path}\``,
            block: 'containerEnv',
          },
    versions,
  };
}

/**
 * A Dockerfile whose image installs or starts Claude Code: its ENV and ARG lines are the environment of every
 * container built from it. Claude Code in an image does not read this repository's project settings unless
 * it is started in a copy of it, which cannot be told from here, so they are not layered in.
 */
function dockerfileScope(file: DockerfileFile, versions: VersionRange): Scope | undefined {
  const claude = file.dockerfile.claude;
  if (claude === undefined) return undefined;
  const path = file.source.path;
  const env = new Map<string, EnvValue>();
  for (const entry of file.dockerfile.env) setEntry(env, path, entry);
  return {
    id: path,
    kind: 'container',
    files: [path],
    env,
    settings: new Map(),
    anchor: locationOf(path, claude),
    origin: locationOf(path, claude),
    fix: { file: path, syntax: 'dockerfile', where: `as an \`ENV\` line in \`${path}\`` },
    versions,
  };
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/**
 * A Compose service built from an image that installs or starts Claude Code, or whose command runs it: the
 * image's ENV and ARG, then the service's `environment:` on top (docs: Compose "environment" attribute).
 */
function composeScopes(file: ComposeFile, index: FileIndex, versions: VersionRange): Scope[] {
  const path = file.source.path;
  const scopes: Scope[] = [];
  if (!file.compose.ok) return scopes;
  for (const service of file.compose.services) {
    const built =
      service.dockerfile === undefined ? undefined : resolveInRepository(dirOf(path), service.dockerfile);
    const image = built === undefined ? undefined : index.dockerfiles.get(built);
    const fromImage = image?.dockerfile.claude !== undefined;
    if (!fromImage && findClaudeCommand(service.command) === undefined) continue;
    const env = new Map<string, EnvValue>();
    const files = [path];
    if (fromImage && image !== undefined) {
      for (const entry of image.dockerfile.env) setEntry(env, image.source.path, entry);
      files.unshift(image.source.path);
    }
    for (const entry of service.environment) setEntry(env, path, entry);
    scopes.push({
      id: `${path}#services.${service.name}`,
      kind: 'container',
      files,
      env,
      settings: new Map(),
      anchor: locationOf(path, service.environmentSpan ?? service.span),
      origin: locationOf(path, service.environmentSpan ?? service.span),
      fix: {
        file: path,
        syntax: 'yaml',
        where: `under \`environment:\` of service \`${service.name}\` in \`${path}\``,
      },
      versions,
    });
  }
  return scopes;
}

/** One scope per claude-code-action step of every valid workflow, and one per dev container that runs Claude Code. */
export function resolveCiScopes(files: ParsedFile[], versions: VersionRange): Scope[] {
  const index = new FileIndex(files);
  const scopes: Scope[] = [];
  for (const file of files) {
    if (file.kind === 'workflow') {
      if (!file.workflow.ok) continue;
      for (const step of file.workflow.claudeSteps) scopes.push(workflowScope(file, step, index, versions));
    } else if (file.kind === 'devcontainer') {
      const scope = containerScope(file, index, versions);
      if (scope !== undefined) scopes.push(scope);
    } else if (file.kind === 'dockerfile') {
      const scope = dockerfileScope(file, versions);
      if (scope !== undefined) scopes.push(scope);
    } else if (file.kind === 'compose') {
      pushAll(scopes, composeScopes(file, index, versions));
    }
  }
  return scopes;
}

/**
 * Files that claude-code-action steps name in their `settings` input and that discovery did not read: the scan
 * reads them too (as settings of role `action`) so that their content and their syntax are checked.
 */
export function referencedSettingsPaths(
  files: ParsedFile[],
  loaded: ReadonlySet<string> = new Set(files.map((f) => f.source.path)),
): string[] {
  const wanted = new Set<string>();
  for (const file of files) {
    if (file.kind !== 'workflow' || !file.workflow.ok) continue;
    const root = workflowRoot(file.source.path);
    for (const step of file.workflow.claudeSteps) {
      for (const resolved of [actionSettingsFile(root, step), commandLineFile(root, step)]) {
        if (resolved !== undefined && !loaded.has(resolved)) wanted.add(resolved);
      }
    }
  }
  return [...wanted].sort();
}
