// The sticky pull request comment against a GitHub REST API served from 127.0.0.1 (test/helpers/github-api.ts):
// one comment, created once, updated in place, turned into an all-clear, and never a reason to change the verdict.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, COMMENT_MARKER, planComment, renderComment } from '../src/action/comment.js';
import type { RunnerEnvironment } from '../src/action/runner.js';
import type { Report } from '../src/model.js';
import { type FakeGitHub, startFakeGitHub } from './helpers/github-api.js';
import {
  type ActionRun,
  BASE_SHA,
  EXAMPLES,
  OWNER,
  type PullRequestEvent,
  REPO,
  type RunSpec,
  runInProcess,
  SimulatedRunner,
} from './helpers/runner.js';
import { manyFindingsReport } from './helpers/report.js';

const TOKEN = 'ghs_fakeInstallationToken000000000000000';
const PR = 42;
const warning = (status: number) =>
  `warning: Could not comment on pull request #${PR} (HTTP ${status}): the token cannot write to pull requests. ` +
  "A fork's pull request gets a read-only token; elsewhere grant `pull-requests: write`, or set `comment: false`. " +
  'The annotations and the job summary have every finding.';

let api: FakeGitHub;
let runner: SimulatedRunner;
beforeEach(async () => {
  api = await startFakeGitHub(OWNER, REPO);
  runner = new SimulatedRunner();
});
afterEach(async () => {
  await api.close();
  runner.remove();
});

// Without the zdr policy the compliant example has no finding at all, which is what an all-clear needs.
function pullRequest(
  action: string,
  headSha: string,
  name: PullRequestEvent['name'] = 'pull_request',
): RunSpec {
  return {
    inputs: { 'github-token': TOKEN, policy: 'nonessential-traffic,hygiene' },
    pullRequest: { name, action, number: PR, headSha },
    apiUrl: api.url,
  };
}

/**
 * The comment API calls made so far: method and operation (`list`, `create`, or the id of the comment updated).
 * On a pull request the action also reads the policy at the base commit (the contents API, as the simulated
 * checkout has no git history) and asks who its token is (GET /user): attacks.test.ts covers those.
 */
function calls(): string[] {
  return api.requests
    .filter((r) => r.path.includes('/issues/'))
    .map((r) => {
      const path = new URL(r.path, api.url).pathname;
      if (path.endsWith(`/issues/${PR}/comments`))
        return `${r.method} ${r.method === 'GET' ? 'list' : 'create'}`;
      return `${r.method} ${path.split('/').at(-1)}`;
    });
}

/** Commands with no file, debug lines left out: the verdict, and warnings about the run itself. */
function plainCommands(result: ActionRun): string[] {
  return result.commands
    .filter((c) => !['add-mask', 'debug'].includes(c.command) && c.properties.file === undefined)
    .map((c) => `${c.command}: ${c.message}`);
}

/** Check out an example as the pull request's head, with the same policy config at its base (an unchanged policy). */
function checkout(example: string): void {
  runner.checkout(example);
  const config = join(runner.workspace, '.github/claude-code-policy.yml');
  if (existsSync(config)) {
    api.files.set(
      `${OWNER}/${REPO}/.github/claude-code-policy.yml@${BASE_SHA}`,
      readFileSync(config, 'utf8'),
    );
  }
}

function ours() {
  return (api.comments.get(PR) ?? []).filter((comment) => comment.body.includes(COMMENT_MARKER));
}

describe('the sticky comment', () => {
  it('is created once, updated in place on the next push, and turned into an all-clear after the fix', async () => {
    const review = api.addComment(PR, 'LGTM, but please fix the policy findings', 'a-reviewer');

    checkout(EXAMPLES.nonCompliant);
    const first = await runInProcess(runner, pullRequest('opened', 'a'.repeat(40)));
    expect(first.exitCode).toBe(1);
    expect(calls()).toEqual(['GET list', 'POST create']);
    const created = ours()[0]!;
    expect(ours().map((c) => c.id)).toEqual([created.id]);
    expect(created.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(created.body).toContain(`/blob/${'a'.repeat(40)}/`);
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);

    // A new push: same findings, new head commit, so the links change and the comment is edited, not added.
    const second = await runInProcess(runner, pullRequest('synchronize', 'b'.repeat(40)));
    expect(second.exitCode).toBe(1);
    expect(calls()).toEqual(['GET list', 'POST create', 'GET list', `PATCH ${created.id}`]);
    expect(ours().map((c) => c.id)).toEqual([created.id]);
    expect(ours()[0]!.body).toContain(`/blob/${'b'.repeat(40)}/`);

    // The fix lands: the same comment becomes the all-clear.
    checkout(EXAMPLES.compliant);
    const third = await runInProcess(runner, pullRequest('synchronize', 'c'.repeat(40)));
    expect(third.exitCode).toBe(0);
    expect(third.outputs.passed).toBe('true');
    expect(third.outputs.findings).toBe('0');
    expect(calls().slice(4)).toEqual(['GET list', `PATCH ${created.id}`]);
    expect(ours()[0]!.body).toContain('All clear');
    expect(ours()[0]!.body).not.toContain('### Findings');
    // The reviewer's comment is untouched.
    expect(api.comments.get(PR)!.map((c) => [c.user.login, c.id])).toEqual([
      ['a-reviewer', review.id],
      ['github-actions[bot]', created.id],
    ]);

    for (const run of [first, second, third]) {
      expect(run.lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    }
  });

  it('is updated, never created, when the check passes with findings below fail-on', async () => {
    const earlier = api.addComment(PR, `${COMMENT_MARKER}\nold findings`);
    checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, {
      ...pullRequest('synchronize', 'a'.repeat(40)),
      inputs: { 'github-token': TOKEN, 'fail-on': 'never' },
    });
    expect(result.outputs.passed).toBe('true');
    expect(result.outputs.findings).toBe('18');
    expect(calls()).toEqual(['GET list', `PATCH ${earlier.id}`]);
    expect(ours().map((c) => c.id)).toEqual([earlier.id]);
    expect(ours()[0]!.body).toContain('Passed');
    expect(ours()[0]!.body).toContain('SEC001');
  });

  it('is found on a later page of comments', async () => {
    for (let i = 0; i < 150; i++) api.addComment(PR, `comment ${i}`, 'someone');
    const earlier = api.addComment(PR, `${COMMENT_MARKER}\nold findings`);
    checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('synchronize', 'd'.repeat(40)));
    expect(calls()).toEqual(['GET list', 'GET list', `PATCH ${earlier.id}`]);
    expect(
      api.requests
        .filter((r) => r.path.includes('/issues/'))
        .map((r) => new URL(r.path, api.url).searchParams.get('page') ?? '1')
        .slice(0, 2),
    ).toEqual(['1', '2']);
    expect(ours().map((c) => c.id)).toEqual([earlier.id]);
    expect(ours()[0]!.body).not.toContain('old findings');
  });

  it('is not edited when nothing changed', async () => {
    checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('opened', 'e'.repeat(40)));
    await runInProcess(runner, pullRequest('synchronize', 'e'.repeat(40)));
    expect(calls()).toEqual(['GET list', 'POST create', 'GET list']);
    expect(ours()).toHaveLength(1);
  });

  it('works the same on pull_request_target', async () => {
    checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('opened', 'f'.repeat(40), 'pull_request_target'));
    expect(calls()).toEqual(['GET list', 'POST create']);
    expect(ours()).toHaveLength(1);
  });
});

describe('no API call', () => {
  it('on the clean first run of a new pull request', async () => {
    checkout(EXAMPLES.compliant);
    const result = await runInProcess(runner, pullRequest('opened', 'a'.repeat(40)));
    expect(result.outputs.passed).toBe('true');
    expect(calls()).toEqual([]);
  });

  it('on a push, or when comment is false', async () => {
    checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, { inputs: { 'github-token': TOKEN }, apiUrl: api.url });
    const spec = pullRequest('opened', 'a'.repeat(40));
    await runInProcess(runner, { ...spec, inputs: { ...spec.inputs, comment: 'false' } });
    expect(calls()).toEqual([]);
  });

  it('to create a comment when the check passes with findings below fail-on', async () => {
    checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, {
      ...pullRequest('synchronize', 'a'.repeat(40)),
      inputs: { 'github-token': TOKEN, 'fail-on': 'never' }, // findings, and a pass
    });
    expect(result.outputs.findings).toBe('18');
    expect(calls()).toEqual(['GET list']);
    expect(api.comments.get(PR) ?? []).toEqual([]);
  });

  it('beyond one look when a clean pull request never had a comment', async () => {
    checkout(EXAMPLES.compliant);
    await runInProcess(runner, pullRequest('synchronize', 'a'.repeat(40)));
    expect(calls()).toEqual(['GET list']);
    expect(api.comments.get(PR) ?? []).toEqual([]);
  });
});

describe("a token that cannot comment (a fork's pull request)", () => {
  it.each([
    ['create', 403],
    ['list', 403],
    ['list', 404],
  ] as const)(
    'a %s answered %i leaves the verdict and exit status as they were',
    async (operation, status) => {
      checkout(EXAMPLES.nonCompliant);
      const spec = pullRequest('opened', 'a'.repeat(40));
      const baseline = await runInProcess(runner, { ...spec, inputs: { ...spec.inputs, comment: 'false' } });
      expect(calls()).toEqual([]);

      api.failures[operation] = status;
      const result = await runInProcess(runner, spec);
      expect(result.exitCode).toBe(baseline.exitCode);
      expect(result.outputs).toEqual({ ...baseline.outputs });
      expect(plainCommands(result)).toEqual([
        warning(status),
        'error: Claude Code policy check failed: 4 findings at or above fail-on error. Each one, with its fix, is in the job summary.',
      ]);
      expect(ours()).toEqual([]);
    },
  );

  it('on a clean repository still passes', async () => {
    checkout(EXAMPLES.compliant);
    api.failures.list = 403;
    const result = await runInProcess(runner, pullRequest('reopened', 'a'.repeat(40)));
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(plainCommands(result)).toEqual([warning(403)]);
  });
});

describe('planComment', () => {
  const report = (passed: boolean) => ({ summary: { passed } }) as unknown as Report;
  const environment = (overrides: Partial<RunnerEnvironment>): RunnerEnvironment => ({
    workspace: '/w',
    eventName: 'pull_request',
    eventAction: 'synchronize',
    repository: { owner: OWNER, repo: REPO },
    sha: 'a',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runAttempt: 1,
    pullRequest: { number: PR, headSha: 'a' },
    baseSha: undefined,
    ...overrides,
  });

  it('decides from the event, the attempt and the verdict alone', () => {
    const failed = report(false);
    const passed = report(true);
    expect(planComment(true, environment({}), failed)).toEqual({
      action: 'sync',
      pullRequest: PR,
      createIfMissing: true,
    });
    expect(planComment(true, environment({}), passed)).toEqual({
      action: 'sync',
      pullRequest: PR,
      createIfMissing: false,
    });
    expect(planComment(true, environment({ eventAction: 'opened' }), failed).action).toBe('sync');
    expect(planComment(true, environment({ eventAction: 'opened' }), passed).action).toBe('none');
    // A re-run of an opened event may follow a run that commented.
    expect(planComment(true, environment({ eventAction: 'opened', runAttempt: 2 }), passed).action).toBe(
      'sync',
    );
    expect(planComment(false, environment({}), failed).action).toBe('none');
    expect(planComment(true, environment({ eventName: 'push', pullRequest: undefined }), failed).action).toBe(
      'none',
    );
  });
});

describe('renderComment', () => {
  it('stays under 65,536 characters for thousands of findings and keeps the marker', () => {
    const report = manyFindingsReport(
      5000,
      'Claude Code still sends telemetry, error reports and /bug transcripts from this scope. '.repeat(3),
      (i) => `team-${i}`,
    );
    const body = renderComment(report, `https://github.com/${OWNER}/${REPO}/blob/${'a'.repeat(40)}`);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(/more findings not shown/);
  });
});
