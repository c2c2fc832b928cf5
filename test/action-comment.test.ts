// The sticky pull request comment against a GitHub REST API served from 127.0.0.1 (test/helpers/github-api.ts):
// one comment, created once, updated in place, turned into an all-clear, and never a reason to change the verdict.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, COMMENT_MARKER, planComment, renderComment } from '../src/action/comment.js';
import type { RunnerEnvironment } from '../src/action/runner.js';
import type { Report } from '../src/core/model.js';
import { type FakeGitHub, startFakeGitHub } from './helpers/github-api.js';
import {
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

function ours() {
  return (api.comments.get(PR) ?? []).filter((comment) => comment.body.includes(COMMENT_MARKER));
}

describe('the sticky comment', () => {
  it('is created once, updated in place on the next push, and turned into an all-clear after the fix', async () => {
    api.addComment(PR, 'LGTM, but please fix the policy findings', 'a-reviewer');

    runner.checkout(EXAMPLES.nonCompliant);
    const first = await runInProcess(runner, pullRequest('opened', 'a'.repeat(40)));
    expect(first.exitCode).toBe(1);
    expect(ours()).toHaveLength(1);
    const created = ours()[0]!;
    expect(created.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(created.body).toContain(`/blob/${'a'.repeat(40)}/`);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);

    // A new push: same findings, new head commit, so the links change and the comment is edited, not added.
    const second = await runInProcess(runner, pullRequest('synchronize', 'b'.repeat(40)));
    expect(second.exitCode).toBe(1);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(created.id);
    expect(ours()[0]!.body).toContain(`/blob/${'b'.repeat(40)}/`);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    // The fix lands: the same comment becomes the all-clear.
    runner.checkout(EXAMPLES.compliant);
    const third = await runInProcess(runner, pullRequest('synchronize', 'c'.repeat(40)));
    expect(third.exitCode).toBe(0);
    expect(third.outputs.passed).toBe('true');
    expect(third.outputs.findings).toBe('0');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(created.id);
    expect(ours()[0]!.body).toContain('All clear');
    expect(ours()[0]!.body).not.toContain('### Findings');
    expect(api.comments.get(PR)).toHaveLength(2); // the reviewer's comment is untouched
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    for (const run of [first, second, third]) {
      expect(run.lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    }
  });

  it('is updated, never created, when the check passes with findings below fail-on', async () => {
    const earlier = api.addComment(PR, `${COMMENT_MARKER}\nold findings`);
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, {
      ...pullRequest('synchronize', 'a'.repeat(40)),
      inputs: { 'github-token': TOKEN, 'fail-on': 'never' },
    });
    expect(result.outputs.passed).toBe('true');
    expect(Number(result.outputs.findings)).toBeGreaterThan(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(earlier.id);
    expect(ours()[0]!.body).toContain('Passed');
    expect(ours()[0]!.body).toContain('SEC001');
  });

  it('is found on a later page of comments', async () => {
    for (let i = 0; i < 150; i++) api.addComment(PR, `comment ${i}`, 'someone');
    const earlier = api.addComment(PR, `${COMMENT_MARKER}\nold findings`);
    runner.checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('synchronize', 'd'.repeat(40)));
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(earlier.id);
    expect(ours()[0]!.body).not.toContain('old findings');
    expect(api.requests.filter((r) => r.method === 'GET').length).toBe(2);
  });

  it('is not edited when nothing changed', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('opened', 'e'.repeat(40)));
    await runInProcess(runner, pullRequest('synchronize', 'e'.repeat(40)));
    expect(ours()).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('works the same on pull_request_target', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, pullRequest('opened', 'f'.repeat(40), 'pull_request_target'));
    expect(ours()).toHaveLength(1);
  });
});

describe('no API call', () => {
  it('on the clean first run of a new pull request', async () => {
    runner.checkout(EXAMPLES.compliant);
    const result = await runInProcess(runner, pullRequest('opened', 'a'.repeat(40)));
    expect(result.outputs.passed).toBe('true');
    expect(api.requests).toEqual([]);
  });

  it('on a push, or when comment is false', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    await runInProcess(runner, { inputs: { 'github-token': TOKEN }, apiUrl: api.url });
    const spec = pullRequest('opened', 'a'.repeat(40));
    await runInProcess(runner, { ...spec, inputs: { ...spec.inputs, comment: 'false' } });
    expect(api.requests).toEqual([]);
  });

  it('to create a comment when the check passes with findings below fail-on', async () => {
    runner.checkout(EXAMPLES.nonCompliant);
    const result = await runInProcess(runner, {
      ...pullRequest('synchronize', 'a'.repeat(40)),
      inputs: { 'github-token': TOKEN, 'fail-on': 'never' }, // findings, and a pass
    });
    expect(Number(result.outputs.findings)).toBeGreaterThan(0);
    expect(api.requests.map((r) => r.method)).toEqual(['GET']);
    expect(api.comments.get(PR) ?? []).toEqual([]);
  });

  it('beyond one look when a clean pull request never had a comment', async () => {
    runner.checkout(EXAMPLES.compliant);
    await runInProcess(runner, pullRequest('synchronize', 'a'.repeat(40)));
    expect(api.requests.map((r) => r.method)).toEqual(['GET']);
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
      runner.checkout(EXAMPLES.nonCompliant);
      const spec = pullRequest('opened', 'a'.repeat(40));
      const baseline = await runInProcess(runner, { ...spec, inputs: { ...spec.inputs, comment: 'false' } });
      expect(api.requests).toEqual([]);

      api.failures[operation] = status;
      const result = await runInProcess(runner, spec);
      expect(result.exitCode).toBe(baseline.exitCode);
      expect(result.outputs).toEqual({ ...baseline.outputs });
      const warnings = result.lines.filter((line) => line.startsWith('::warning::'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`HTTP ${status}`);
      expect(warnings[0]).toContain('comment: false');
      expect(result.lines.filter((line) => line.startsWith('::error::'))).toHaveLength(1);
      expect(ours()).toHaveLength(0);
    },
  );

  it('on a clean repository still passes', async () => {
    runner.checkout(EXAMPLES.compliant);
    api.failures.list = 403;
    const result = await runInProcess(runner, pullRequest('reopened', 'a'.repeat(40)));
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(result.lines.filter((line) => line.startsWith('::warning::'))).toHaveLength(1);
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
