// One sticky comment per pull request, found again by a hidden marker and edited in place on every push, so a
// developer sees the current state without a new comment per push. Commenting is a courtesy: whatever goes wrong
// here (a fork's read-only token above all) is a warning and never changes the verdict.
import * as core from '@actions/core';
import type { Report } from '../model.js';
import { renderMarkdown } from '../report/markdown.js';
import type { RunnerEnvironment } from './runner.js';

export const COMMENT_MARKER = '<!-- claude-code-policy -->';
/** GitHub rejects an issue comment over 65,536 characters; the renderer truncates below that with a clear line. */
export const COMMENT_LIMIT = 65_536;
const COMMENT_MAX_LENGTH = COMMENT_LIMIT - 1_024;

export type CommentPlan =
  { action: 'none'; reason: string } | { action: 'sync'; pullRequest: number; createIfMissing: boolean };

/**
 * Whether to talk to the API at all, decided from what is known without asking it:
 * - not a pull_request / pull_request_target event, or `comment: false`: nothing.
 * - the check fails: find our comment and update it, or create one.
 * - the check passes: a comment is never created for a passing run (findings below fail-on stay in the summary and
 *   annotations), but an earlier one is brought up to date so it does not go on showing fixed findings. An
 *   earlier comment can only come from an earlier run on this pull request; on the first attempt for the `opened`
 *   event there is none, so nothing is sent. Otherwise (a later push, a re-run, `reopened` …) the comments are
 *   listed once; ours, if there, is updated, and nothing is created.
 */
export function planComment(
  enabled: boolean,
  runner: RunnerEnvironment,
  report: Report,
  policyRelaxed = false,
): CommentPlan {
  if (!enabled) return { action: 'none', reason: 'comment is false' };
  const pullRequest = runner.pullRequest;
  if (pullRequest === undefined) {
    return {
      action: 'none',
      reason: `a ${runner.eventName ?? 'non-pull-request'} event has no pull request`,
    };
  }
  // A pull request that loosens the policy gets a comment even when it passes: that is the point to review.
  const failed = !report.summary.passed || policyRelaxed;
  if (!failed && runner.eventAction === 'opened' && runner.runAttempt === 1) {
    return {
      action: 'none',
      reason: 'the check passes on a newly opened pull request, which has no earlier comment',
    };
  }
  return { action: 'sync', pullRequest: pullRequest.number, createIfMissing: failed };
}

export function renderComment(report: Report, blobBaseUrl: string | undefined, preface = ''): string {
  const markdown = renderMarkdown(report, {
    blobBaseUrl,
    maxLength: COMMENT_MAX_LENGTH - preface.length,
  });
  return `${COMMENT_MARKER}\n${preface}${markdown}`;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'none';

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

/** Who comments with the GITHUB_TOKEN; an installation token cannot ask the API who it is. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login the token comments as: the viewer when the API says (a personal or app user token), else the
 * GITHUB_TOKEN's bot. Only a comment by this login that starts with the marker is ours: anyone can write the
 * marker into a comment of their own, and editing it would put our report under their name (or theirs under ours).
 */
async function commenterLogin(
  octokit: ReturnType<typeof import('@actions/github').getOctokit>,
): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return typeof data.login === 'string' && data.login !== '' ? data.login : ACTIONS_BOT;
  } catch {
    return ACTIONS_BOT;
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function explain(error: unknown, pullRequest: number): string {
  const status = statusOf(error);
  if (status === 403 || status === 404) {
    return (
      `Could not comment on pull request #${pullRequest} (HTTP ${status}): the token cannot write to pull requests. ` +
      "A fork's pull request gets a read-only token; elsewhere grant `pull-requests: write`, or set `comment: false`. " +
      'The annotations and the job summary have every finding.'
    );
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Could not comment on pull request #${pullRequest}: ${reason}. The job summary has every finding.`;
}

/** Carry out the plan; every failure is reported as a warning and returns 'none'. */
export async function publishComment(
  plan: CommentPlan,
  report: Report,
  runner: RunnerEnvironment,
  token: string | undefined,
  blobBaseUrl: string | undefined,
  preface = '',
): Promise<CommentOutcome> {
  if (plan.action === 'none') {
    core.debug(`No pull request comment: ${plan.reason}.`);
    return 'none';
  }
  if (token === undefined) {
    core.warning('No pull request comment: github-token is empty.');
    return 'none';
  }
  if (runner.repository === undefined) {
    core.warning('No pull request comment: GITHUB_REPOSITORY is not set.');
    return 'none';
  }
  const { owner, repo } = runner.repository;
  const issue_number = plan.pullRequest;
  const body = renderComment(report, blobBaseUrl, preface);
  try {
    // Loaded only when there is a comment to publish: octokit is most of the action's bundle and start.
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(token, { baseUrl: runner.apiUrl });
    const login = await commenterLogin(octokit);
    let existing: IssueComment | undefined;
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number,
      per_page: 100,
    });
    for await (const page of pages) {
      existing = (page.data as IssueComment[]).find(
        (comment) => comment.user?.login === login && (comment.body ?? '').startsWith(COMMENT_MARKER),
      );
      if (existing !== undefined) break;
    }
    if (existing !== undefined) {
      if (existing.body === body) return 'unchanged';
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      core.info(`Updated the comment on pull request #${issue_number}.`);
      return 'updated';
    }
    if (!plan.createIfMissing) return 'none';
    await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    core.info(`Commented on pull request #${issue_number}.`);
    return 'created';
  } catch (error) {
    core.warning(explain(error, issue_number));
    return 'none';
  }
}
