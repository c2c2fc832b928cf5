// A simulated GitHub Actions runner: the same protocol the real one speaks to an action. Inputs are INPUT_*
// variables, outputs and the job summary are files named by GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, the event is a
// JSON file at GITHUB_EVENT_PATH, and annotations are workflow commands on stdout. Nothing of @actions/* is mocked.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = {
  compliant: join(REPO_ROOT, 'examples/compliant'),
  nonCompliant: join(REPO_ROOT, 'examples/non-compliant'),
};

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
export const PUSH_SHA = '1111111111111111111111111111111111111111';
/** The base commit of every simulated pull request. */
export const BASE_SHA = '2222222222222222222222222222222222222222';

/** Variables the runner sets that the action (or @actions/*) may read; every run sets or clears each one. */
const RUNNER_VARIABLES = [
  'GITHUB_WORKSPACE',
  'GITHUB_OUTPUT',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_EVENT_PATH',
  'GITHUB_EVENT_NAME',
  'GITHUB_REPOSITORY',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_SERVER_URL',
  'GITHUB_API_URL',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'RUNNER_DEBUG',
  'ACTIONS_ORCHESTRATION_ID',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
] as const;

export interface PullRequestEvent {
  name: 'pull_request' | 'pull_request_target';
  action: string;
  number: number;
  headSha: string;
  /** BASE_SHA unless given. */
  baseSha?: string;
}

export interface RunSpec {
  /** Input names as in action.yml (`fail-on`), values as the runner passes them. */
  inputs?: Record<string, string>;
  /** A pull request event; a push to main otherwise. */
  pullRequest?: PullRequestEvent;
  apiUrl?: string;
  runAttempt?: number;
}

export interface ActionRun {
  stdout: string;
  /** stdout split into lines as the runner splits it. */
  lines: string[];
  /** The workflow commands the runner would act on, in order. */
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
  /** What the runner would report: 1 after setFailed, else 0. */
  exitCode: number;
}

/** A scratch directory with a workspace, and the files the runner hands a step. */
export class SimulatedRunner {
  readonly dir: string;
  readonly workspace: string;
  readonly outputFile: string;
  readonly summaryFile: string;
  readonly eventFile: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'ccp-runner-'));
    this.workspace = join(this.dir, 'workspace');
    this.outputFile = join(this.dir, 'output.txt');
    this.summaryFile = join(this.dir, 'summary.md');
    this.eventFile = join(this.dir, 'event.json');
    mkdirSync(this.workspace);
  }

  /** Replace the workspace's content with a copy of `source`, optionally under a subdirectory. */
  checkout(source: string, subdirectory = ''): this {
    rmSync(this.workspace, { recursive: true, force: true });
    mkdirSync(this.workspace, { recursive: true });
    cpSync(source, join(this.workspace, subdirectory), { recursive: true });
    return this;
  }

  writeFile(path: string, text: string): this {
    const target = join(this.workspace, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, text);
    return this;
  }

  /** The environment a real runner gives the step (fresh output and summary files for each step). */
  environment(spec: RunSpec): Record<string, string> {
    writeFileSync(this.outputFile, '');
    writeFileSync(this.summaryFile, '');
    const pr = spec.pullRequest;
    const event = pr
      ? {
          action: pr.action,
          number: pr.number,
          pull_request: {
            number: pr.number,
            head: { sha: pr.headSha, ref: 'feature' },
            base: { ref: 'main', sha: pr.baseSha ?? BASE_SHA },
          },
          repository: { name: REPO, owner: { login: OWNER } },
        }
      : { ref: 'refs/heads/main', after: PUSH_SHA, repository: { name: REPO, owner: { login: OWNER } } };
    writeFileSync(this.eventFile, JSON.stringify(event));
    const env: Record<string, string> = {
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_OUTPUT: this.outputFile,
      GITHUB_STEP_SUMMARY: this.summaryFile,
      GITHUB_EVENT_PATH: this.eventFile,
      GITHUB_EVENT_NAME: pr ? pr.name : 'push',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_SHA: PUSH_SHA,
      GITHUB_REF: pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: spec.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_RUN_ATTEMPT: String(spec.runAttempt ?? 1),
    };
    for (const [name, value] of Object.entries(spec.inputs ?? {})) {
      // The runner's rule: INPUT_ + the name upper-cased, spaces to underscores; dashes stay.
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    return env;
  }

  readOutputs(): Record<string, string> {
    return parseOutputFile(readFileSync(this.outputFile, 'utf8'));
  }

  readSummary(): string {
    return readFileSync(this.summaryFile, 'utf8');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER`, the value's lines, `DELIMITER` (or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Run the action in this process, as the runner would run the bundle: every runner variable set or cleared,
 * stdout captured, the exit status read from process.exitCode (which setFailed sets) and then reset.
 */
export async function runInProcess(runner: SimulatedRunner, spec: RunSpec = {}): Promise<ActionRun> {
  const env = runner.environment(spec);
  for (const name of RUNNER_VARIABLES) vi.stubEnv(name, undefined);
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);

  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  let exitCode: number;
  try {
    const { run } = await import('../../src/action/main.js');
    await run();
  } finally {
    write.mockRestore();
    exitCode = Number(process.exitCode ?? 0);
    process.exitCode = previousExitCode;
    vi.unstubAllEnvs();
  }
  return {
    stdout,
    lines: runnerLines(stdout).filter((line) => line !== ''),
    commands: workflowCommands(stdout),
    outputs: runner.readOutputs(),
    summary: runner.readSummary(),
    exitCode,
  };
}

/**
 * The commands the runner acts on (actions/runner, ActionCommandManager's registered extensions). Names are
 * matched without regard to case.
 */
export const RUNNER_COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

export interface WorkflowCommand {
  /** `::name …::message`, or the legacy `##[name …]message`. */
  form: 'v2' | 'legacy';
  command: string;
  properties: Record<string, string>;
  message: string;
  /** The whole output line it was read from. */
  line: string;
}

/** A step's output as the runner reads it: a line ends at \r\n, \r or \n (.NET's ReadLine). */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

// The runner's unescaping: %0D and %0A (then %3A and %2C in property values), %25 last (ActionCommand.cs).
const unescapeData = (value: string) =>
  value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (value: string) =>
  value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
const unescapeLegacy = (value: string) =>
  value
    .replace(/%25/g, '%')
    .replace(/%3B/g, ';')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%5D/g, ']');

function properties(text: string, separator: string, unescape: (value: string) => string) {
  const out: Record<string, string> = {};
  for (const pair of text.split(separator).filter(Boolean)) {
    const at = pair.indexOf('=');
    // The runner drops a pair without a name or a value (Split with RemoveEmptyEntries).
    if (at > 0 && at < pair.length - 1) out[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return out;
}

/**
 * One output line as the runner parses it (ActionCommand.TryParseV2, then TryParse): `::name props::message` after
 * any leading whitespace, else the legacy `##[name props]message` at the first `##[` anywhere in the line. Undefined
 * when the line is no command.
 */
export function parseRunnerLine(line: string): WorkflowCommand | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const command = space < 0 ? info : info.slice(0, space);
      if (RUNNER_COMMANDS.has(command.toLowerCase())) {
        return {
          form: 'v2',
          command,
          properties: space < 0 ? {} : properties(info.slice(space + 1).trim(), ',', unescapeProperty),
          message: unescapeData(trimmed.slice(end + 2)),
          line,
        };
      }
    }
  }
  const start = line.indexOf('##[');
  const close = start < 0 ? -1 : line.indexOf(']', start);
  if (close < 0) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!RUNNER_COMMANDS.has(command.toLowerCase())) return undefined;
  return {
    form: 'legacy',
    command,
    properties: space < 0 ? {} : properties(info.slice(space + 1), ';', unescapeLegacy),
    message: unescapeLegacy(line.slice(close + 1)),
    line,
  };
}

/**
 * Every command the runner acts on in a step's output, in order. Between `::stop-commands::TOKEN` and `::TOKEN::`
 * the runner acts on none.
 */
export function workflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let resumeToken: string | undefined;
  for (const line of runnerLines(output)) {
    if (resumeToken !== undefined) {
      if (line.trim() === `::${resumeToken}::`) resumeToken = undefined;
      continue;
    }
    const command = parseRunnerLine(line);
    if (command === undefined) continue;
    if (
      command.form === 'v2' &&
      command.command.toLowerCase() === 'stop-commands' &&
      command.message !== ''
    ) {
      resumeToken = command.message;
      continue;
    }
    commands.push(command);
  }
  return commands;
}
