// What the runner tells a step about where it runs, read from the environment when `run()` starts.
// @actions/github hydrates its `context` once, at import time; reading the variables ourselves keeps every
// run (and every test) looking at the environment it was started with.
import { readFileSync } from 'node:fs';

/** The events that carry a pull request this action can comment on. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;
/** The events whose checkout holds changes not yet merged: the policy in force comes from their base. */
export const PROPOSED_CHANGE_EVENTS = [...PULL_REQUEST_EVENTS, 'merge_group'] as const;

export interface PullRequest {
  number: number;
  /** The head commit: what the developer pushed, and what blob links should show. */
  headSha: string | undefined;
}

export interface RunnerEnvironment {
  /** The checkout; relative paths (the scan root, report files) are resolved against it. */
  workspace: string;
  eventName: string | undefined;
  /** `opened`, `synchronize` … for pull request events. */
  eventAction: string | undefined;
  repository: { owner: string; repo: string } | undefined;
  /** The commit the run is about: a pull request's head, else GITHUB_SHA. */
  sha: string | undefined;
  serverUrl: string;
  apiUrl: string;
  /** 1 on the first attempt of a run; re-runs count up. */
  runAttempt: number;
  /** Set on pull_request and pull_request_target events. */
  pullRequest: PullRequest | undefined;
  /** The commit the change is proposed against: a pull request's base, a merge group's base; else undefined. */
  baseSha: string | undefined;
}

/** The webhook payload; a missing or unreadable one is treated as empty (no pull request to comment on). */
function readEvent(path: string | undefined): Record<string, unknown> {
  if (path === undefined || path === '') return {};
  try {
    return record(JSON.parse(readFileSync(path, 'utf8'))) ?? {};
  } catch {
    return {};
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function pullRequestOf(
  eventName: string | undefined,
  payload: Record<string, unknown>,
): PullRequest | undefined {
  if (!(PULL_REQUEST_EVENTS as readonly (string | undefined)[]).includes(eventName)) return undefined;
  const pullRequest = record(payload.pull_request);
  const number = pullRequest?.number ?? payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number)) return undefined;
  return { number, headSha: text(record(pullRequest?.head)?.sha) };
}

function baseShaOf(eventName: string | undefined, payload: Record<string, unknown>): string | undefined {
  const sha =
    eventName === 'merge_group'
      ? text(record(payload.merge_group)?.base_sha)
      : (PULL_REQUEST_EVENTS as readonly (string | undefined)[]).includes(eventName)
        ? text(record(record(payload.pull_request)?.base)?.sha)
        : undefined;
  return sha !== undefined && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(sha) ? sha : undefined;
}

function repositoryOf(
  slug: string | undefined,
  payload: Record<string, unknown>,
): { owner: string; repo: string } | undefined {
  const [owner, repo] = (slug ?? '').split('/');
  if (owner && repo) return { owner, repo };
  const fromPayload = record(payload.repository);
  const login = text(record(fromPayload?.owner)?.login);
  const name = text(fromPayload?.name);
  return login && name ? { owner: login, repo: name } : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function readRunnerEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): RunnerEnvironment {
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  const eventName = text(env.GITHUB_EVENT_NAME);
  const pullRequest = pullRequestOf(eventName, payload);
  const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
  return {
    workspace: text(env.GITHUB_WORKSPACE) ?? cwd,
    eventName,
    eventAction: text(payload.action),
    repository: repositoryOf(text(env.GITHUB_REPOSITORY), payload),
    sha: pullRequest?.headSha ?? text(env.GITHUB_SHA),
    serverUrl: trimSlash(text(env.GITHUB_SERVER_URL) ?? 'https://github.com'),
    apiUrl: trimSlash(text(env.GITHUB_API_URL) ?? 'https://api.github.com'),
    runAttempt: Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    pullRequest,
    baseSha: baseShaOf(eventName, payload),
  };
}

/** Where a finding's file can be seen on GitHub, at the commit the run is about; undefined off GitHub. */
export function blobBaseUrl(runner: RunnerEnvironment): string | undefined {
  if (runner.repository === undefined || runner.sha === undefined) return undefined;
  const { owner, repo } = runner.repository;
  return `${runner.serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/blob/${runner.sha}`;
}
