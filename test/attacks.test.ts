// A pull request cannot change its own verdict (issue 9). Each attack runs against the real action bundle under
// Node 24, with the runner's environment, a GitHub API on 127.0.0.1, and stdout parsed the way the runner parses
// it (test/helpers/runner-commands.ts). Everything in the workspace is the attacker's: names, contents, links and
// the policy config file.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../src/action/comment.js';
import type { Report } from '../src/model.js';
import { buildBundles, type ChildRun, runBundle } from './helpers/bundle.js';
import { type FakeGitHub, startFakeGitHub } from './helpers/github-api.js';
import { findNode24, type Node24 } from './helpers/node24.js';
import { type RunnerCommand, runnerCommands } from './helpers/runner-commands.js';
import {
  BASE_SHA,
  EXAMPLES,
  OWNER,
  parseOutputFile,
  REPO,
  type RunSpec,
  SimulatedRunner,
} from './helpers/runner.js';
import { runCli, useTempTrees } from './support/cli.js';

const TOKEN = 'ghs_attackTestToken0000000000000000000000';
const PR = 9;
const CONFIG = '.github/claude-code-policy.yml';

let node: Node24;
let buildDir: string;
let entry: string;

beforeAll(async () => {
  const [found, built] = await Promise.all([findNode24(), buildBundles(['action'])]);
  node = found;
  buildDir = built;
  entry = join(buildDir, 'action/index.js');
  if (node.path === undefined) console.warn(`Skipping the attack tests on the bundle: ${node.reason}`);
}, 300_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});

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

const tree = useTempTrees('ccp-attack-');

interface StepRun extends ChildRun {
  commands: RunnerCommand[];
  outputs: Record<string, string>;
  summary: string;
}

/** A pull request event on PR 9 unless `push` is set; inputs as the runner passes them. */
function spec(inputs: Record<string, string>, push = false): RunSpec {
  return {
    inputs: { 'github-token': TOKEN, ...inputs },
    ...(push
      ? {}
      : {
          pullRequest: { name: 'pull_request', action: 'synchronize', number: PR, headSha: 'c'.repeat(40) },
        }),
    apiUrl: api.url,
  };
}

async function step(run: RunSpec): Promise<StepRun> {
  const result = await runBundle(node.path!, entry, runner.environment(run), runner.workspace);
  return {
    ...result,
    commands: runnerCommands(result.stdout),
    outputs: parseOutputFile(readFileSync(runner.outputFile, 'utf8')),
    summary: readFileSync(runner.summaryFile, 'utf8'),
  };
}

/** The commands the action itself may print; anything else came from scanned content. */
const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug']);

function foreignCommands(commands: RunnerCommand[]): RunnerCommand[] {
  let stops = 0;
  return commands.filter((command) => {
    if (OWN_COMMANDS.has(command.name) && command.form === 'v2') return false;
    // The action's own stop-commands: exactly one, with a random token.
    if (command.name === 'stop-commands' && /^claude-code-policy-[0-9a-f]{32}$/.test(command.message)) {
      return ++stops > 1;
    }
    return true;
  });
}

function errors(run: StepRun): string[] {
  return run.commands.filter((c) => c.name === 'error' && c.properties === '').map((c) => c.message);
}

function gitCommit(dir: string, message: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      encoding: 'utf8',
    }).trim();
  if (!existsSync(join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', message);
  return git('rev-parse', 'HEAD');
}

/** The parts of a SARIF log the tests read. */
interface SarifLog {
  runs: [
    {
      tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
      results: {
        ruleId: string;
        level: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[];
      }[];
    },
  ];
}

const RELAXING_CONFIG = [
  'policy: [hygiene]', // 1
  'fail-on: never', // 2
  'exclude: ["**"]', // 3
  'max-retention-days: 3650', // 4
  'allowed-base-urls: [https://gateway.example]', // 5
  'rules:', // 6
  '  NET001: off', // 7
  'ignore:', // 8
  '  - rule: SEC001', // 9
  '    path: "**"',
  '    reason: trust me',
  '',
].join('\n');

describe('1. the policy comes from the base, not the pull request', () => {
  it('a PR config that switches everything off changes nothing, and each relaxation is shown', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.nonCompliant).writeFile(CONFIG, RELAXING_CONFIG);
    const run = await step(spec({ 'json-file': 'report.json', 'sarif-file': 'report.sarif' }));

    // The base has no config (the contents API answers 404): the defaults apply, and the check fails.
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    const report = JSON.parse(readFileSync(join(runner.workspace, 'report.json'), 'utf8')) as Report;
    expect(report.policies).toEqual(['nonessential-traffic', 'zdr', 'hygiene']);
    expect(report.failOn).toBe('error');
    expect(report.findings.some((f) => f.ruleId === 'NET001')).toBe(true);
    expect(api.requests.map((r) => r.path)).toContain(
      `/repos/${OWNER}/${REPO}/contents/.github/claude-code-policy.yml?ref=${BASE_SHA}`,
    );

    // Each relaxation is one CFG010 finding on the PR config's line: in the JSON and SARIF reports, counted, and
    // annotated once (no separate "policy relaxed" annotation beside it).
    const expected = [
      ['policies removed: nonessential-traffic, zdr', 1, 1, 7],
      ['fail-on lowered from error to never', 2, 1, 8],
      ['exclude widened: "**"', 3, 1, 8],
      ['retention ceiling raised from 30 to 3650 days', 4, 1, 19],
      ['base URLs allowed: "https://gateway.example"', 5, 1, 18],
      ['rule NET001 turned off', 7, 3, 9],
      ['new ignore entry: SEC001 on "**" (reason: "trust me")', 9, 5, 17],
    ] as const;
    const relaxed = report.findings.filter((f) => f.ruleId === 'CFG010');
    expect(relaxed.map((f) => [f.file, f.line, f.column, f.endColumn, f.severity, f.policy])).toEqual(
      expected.map(([, line, column, end]) => [CONFIG, line, column, end, 'warning', 'hygiene']),
    );
    expected.forEach(([text], i) => {
      expect(relaxed[i]!.message).toBe(
        `This pull request would relax the policy: ${text}. It takes effect after merge; this check used the policy from the base commit ${BASE_SHA.slice(0, 7)}.`,
      );
    });
    expect(report.summary.warnings).toBe(report.findings.filter((f) => f.severity === 'warning').length);

    const sarif = JSON.parse(readFileSync(join(runner.workspace, 'report.sarif'), 'utf8')) as SarifLog;
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.rules.find((r) => r.id === 'CFG010')?.shortDescription.text).toBe(
      'A pull request relaxes the policy',
    );
    expect(
      sarifRun.results
        .filter((r) => r.ruleId === 'CFG010')
        .map((r) => [
          r.level,
          r.locations[0]!.physicalLocation.artifactLocation.uri,
          r.locations[0]!.physicalLocation.region.startLine,
        ]),
    ).toEqual(expected.map(([, line]) => ['warning', CONFIG, line]));

    const annotations = run.commands.filter((c) => c.properties.includes(CONFIG));
    expect(annotations.map((c) => [c.name, c.properties, c.message.split('\n')[0]])).toEqual(
      expected.map(([text, line, column, end]) => [
        'warning',
        `file=${CONFIG},line=${line},col=${column},endLine=${line},endColumn=${end},title=CFG010: A pull request relaxes the policy`,
        `This pull request would relax the policy: ${text}. It takes effect after merge; this check used the policy from the base commit ${BASE_SHA.slice(0, 7)}.`,
      ]),
    );
    expect(run.commands.filter((c) => c.properties.includes('Policy relaxed'))).toEqual([]);
    // The summary and the comment open with the change, point by point.
    expect(run.summary.startsWith('### ⚠️ This pull request relaxes the policy\n')).toBe(true);
    const comment = api.comments.get(PR)?.[0]?.body ?? '';
    expect(comment.startsWith(`${COMMENT_MARKER}\n### ⚠️ This pull request relaxes the policy\n`)).toBe(true);
    for (const [, line] of expected) expect(run.summary).toContain(`(line ${line})`);
    expect(run.summary).toContain(
      '(https://github.com/octo-org/octo-repo/blob/cccccccccccccccccccccccccccccccccccccccc/.github/claude-code-policy.yml#L7) | [CFG010](',
    );
    expect(run.summary).toContain('- rule NET001 turned off (line 7)');
    expect(comment).toContain('- fail-on lowered from error to never (line 2)');
  });

  it('reads the base config from the git object when the checkout has the base commit', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.nonCompliant).writeFile(CONFIG, 'policy: [hygiene]\n');
    const base = gitCommit(runner.workspace, 'base');
    runner.writeFile(CONFIG, 'policy: [hygiene]\nfail-on: never\n');
    const run = await step({
      ...spec({ 'json-file': 'report.json' }),
      pullRequest: {
        name: 'pull_request',
        action: 'synchronize',
        number: PR,
        headSha: 'c'.repeat(40),
        baseSha: base,
      },
    });
    const report = JSON.parse(readFileSync(join(runner.workspace, 'report.json'), 'utf8')) as Report;
    expect(report.policies).toEqual(['hygiene']); // the base's policy, not the defaults
    expect(report.failOn).toBe('error'); // and not the PR's fail-on
    expect(run.code).toBe(1);
    expect(api.requests.filter((r) => r.path.includes('/contents/'))).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'CFG010').map((f) => [f.file, f.line])).toEqual([
      [CONFIG, 2],
    ]);
    expect(
      run.commands.filter((c) => c.properties.includes('CFG010')).map((c) => c.message.split('\n')[0]),
    ).toEqual([
      `This pull request would relax the policy: fail-on lowered from error to never. It takes effect after merge; this check used the policy from the base commit ${base.slice(0, 7)}.`,
    ]);
  });

  it('reads a named base config under a folder whose name starts with two dots', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.nonCompliant).writeFile('..x/policy.yml', 'policy: [hygiene]\n');
    const base = gitCommit(runner.workspace, 'base');
    runner.writeFile('..x/policy.yml', 'policy: [hygiene]\nfail-on: never\n');
    const run = await step({
      ...spec({ config: '..x/policy.yml', 'json-file': 'report.json' }),
      pullRequest: {
        name: 'pull_request',
        action: 'synchronize',
        number: PR,
        headSha: 'c'.repeat(40),
        baseSha: base,
      },
    });
    expect(errors(run)).toEqual([
      'Claude Code policy check failed: 2 findings at or above fail-on error. Each one, with its fix, is in the job summary.',
    ]);
    const report = JSON.parse(readFileSync(join(runner.workspace, 'report.json'), 'utf8')) as Report;
    expect([report.policies, report.failOn]).toEqual([['hygiene'], 'error']);
    expect(report.findings.filter((f) => f.ruleId === 'CFG010').map((f) => [f.file, f.line])).toEqual([
      ['..x/policy.yml', 2],
    ]);
  });

  it('fails closed on a pull request event that names no base commit', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    const env = runner.environment(spec({}));
    const event = JSON.parse(readFileSync(runner.eventFile, 'utf8'));
    delete event.pull_request.base.sha;
    writeFileSync(runner.eventFile, JSON.stringify(event));
    const result = await runBundle(node.path, entry, env, runner.workspace);
    expect(result.code).toBe(1);
    expect(
      runnerCommands(result.stdout)
        .filter((c) => c.name === 'error')
        .map((c) => c.message),
    ).toEqual([
      'config-from is base but the pull_request event names no base commit; set config-from: workspace to use the checked-out config',
    ]);
  });

  it('config-from: workspace trusts the checkout, as documented', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.nonCompliant).writeFile(CONFIG, RELAXING_CONFIG);
    const run = await step(spec({ 'config-from': 'workspace' }));
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(api.requests.filter((r) => r.path.includes('/contents/'))).toEqual([]);

    const bogus = await step(spec({ 'config-from': 'head' }));
    expect(bogus.code).toBe(1);
    expect(errors(bogus)).toEqual(['config-from must be one of base, workspace']);
  });

  it('lists an inline suppression the pull request adds, with its line', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    runner.writeFile('.env', 'A=1\n');
    const base = gitCommit(runner.workspace, 'base');
    runner.writeFile('.env', 'A=1\n# claude-code-policy: ignore NET003 -- not ours\nDISABLE_TELEMETRY=0\n');
    const run = await step({
      ...spec({}),
      pullRequest: {
        name: 'pull_request',
        action: 'synchronize',
        number: PR,
        headSha: 'c'.repeat(40),
        baseSha: base,
      },
    });
    expect(run.commands.filter((c) => c.properties.includes('CFG010'))).toEqual([
      {
        name: 'warning',
        form: 'v2',
        properties:
          'file=.env,line=2,col=1,endLine=2,endColumn=48,title=CFG010: A pull request relaxes the policy',
        message:
          'This pull request would relax the policy: new inline suppression of NET003 in .env (reason: "not ours"). ' +
          `It takes effect after merge; this check used the policy from the base commit ${base.slice(0, 7)}.\n` +
          'Fix: Fix the finding the comment on line 2 of `.env` hides and remove the comment, or merge it only with the approval of whoever owns the policy.',
      },
    ]);
    expect(run.summary).toContain('- new inline suppression of NET003 in .env (reason: "not ours") (line 2)');
  });

  /** A pull request event whose base commit the checkout has. */
  function prOnBase(base: string, inputs: Record<string, string> = {}): RunSpec {
    return {
      ...spec({ 'json-file': 'report.json', ...inputs }),
      pullRequest: {
        name: 'pull_request',
        action: 'synchronize',
        number: PR,
        headSha: 'c'.repeat(40),
        baseSha: base,
      },
    };
  }

  it("CFG010 cannot be silenced by the PR's own rules, ignore, exclude, fail-on or inline comment", async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant).writeFile(CONFIG, 'fail-on: warning\n');
    const base = gitCommit(runner.workspace, 'base');
    runner.writeFile(
      CONFIG,
      [
        '# claude-code-policy: ignore CFG010 -- the pull request says so', // 1
        'fail-on: never', // 2
        'rules:', // 3
        '  CFG010: off', // 4
        'ignore:', // 5
        '  - rule: CFG010', // 6
        '    path: "**"',
        '    reason: trust me',
        'exclude: [".github/**"]', // 9
        '',
      ].join('\n'),
    );
    const run = await step(prOnBase(base));
    const report = JSON.parse(readFileSync(join(runner.workspace, 'report.json'), 'utf8')) as Report;
    expect(report.failOn).toBe('warning'); // the base's
    expect(
      report.findings.filter((f) => f.ruleId === 'CFG010').map((f) => [f.file, f.line, f.severity]),
    ).toEqual([
      [CONFIG, 2, 'warning'],
      [CONFIG, 4, 'warning'],
      [CONFIG, 6, 'warning'],
      [CONFIG, 9, 'warning'],
    ]);
    expect(report.suppressed.filter((f) => f.ruleId === 'CFG010')).toEqual([]);
    // The compliant tree has nothing else at warning or above: the relaxations alone fail the base's fail-on.
    expect(report.findings.filter((f) => f.severity !== 'notice').map((f) => f.ruleId)).toEqual([
      'CFG010',
      'CFG010',
      'CFG010',
      'CFG010',
    ]);
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(errors(run)).toEqual([
      'Claude Code policy check failed: 4 findings at or above fail-on warning. Each one, with its fix, is in the job summary.',
    ]);
    expect(
      run.commands.filter((c) => c.properties.includes('CFG010')).map((c) => c.properties.split(',')[1]),
    ).toEqual(['line=2', 'line=4', 'line=6', 'line=9']);

    // Without annotations, the log's text report lists them, between the action's own stop-commands.
    const logged = await step(prOnBase(base, { annotations: 'false' }));
    expect(logged.code).toBe(1);
    const text = logged.stdout.split('\n');
    expect(text).toContain(CONFIG);
    const listed = text.flatMap((line) => /^\s+(\d+):\d+\s+(\w+)\s+CFG010\b/.exec(line)?.slice(1, 3) ?? []);
    expect(listed).toEqual(['2', 'warning', '4', 'warning', '6', 'warning', '9', 'warning']);
  });

  it('the policy in force may turn CFG010 off; the summary still lists the change', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant).writeFile(CONFIG, 'fail-on: warning\nrules:\n  CFG010: off\n');
    const base = gitCommit(runner.workspace, 'base');
    runner.writeFile(CONFIG, 'fail-on: never\nrules:\n  CFG010: off\n');
    const run = await step(prOnBase(base));
    const report = JSON.parse(readFileSync(join(runner.workspace, 'report.json'), 'utf8')) as Report;
    expect(report.findings.filter((f) => f.ruleId === 'CFG010')).toEqual([]);
    expect(run.commands.filter((c) => c.properties.includes('CFG010'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain('- fail-on lowered from warning to never (line 1)');
  });

  it('a central policy with no config in the checkout reports no relaxation', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    rmSync(join(runner.workspace, CONFIG));
    api.files.set('central-org/policies/claude/policy.yml@v2', 'fail-on: warning\nmax-retention-days: 7\n');
    const run = await step(
      spec({ config: 'central-org/policies/claude/policy.yml@v2', 'json-file': 'r.json' }),
    );
    const report = JSON.parse(readFileSync(join(runner.workspace, 'r.json'), 'utf8')) as Report;
    expect(report.failOn).toBe('warning');
    expect(report.findings.filter((f) => f.ruleId === 'CFG010')).toEqual([]);
    expect(run.summary).not.toContain('This pull request relaxes the policy');
    expect(run.commands.filter((c) => c.properties.includes('CFG010'))).toEqual([]);
  });

  it('config: OWNER/REPO/PATH@REF reads one central policy with the token', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.nonCompliant).writeFile(CONFIG, 'fail-on: never\n');
    api.files.set('central-org/policies/claude/policy.yml@v2', 'policy: [hygiene]\n');
    const run = await step(
      spec({ config: 'central-org/policies/claude/policy.yml@v2', 'json-file': 'r.json' }, true),
    );
    const report = JSON.parse(readFileSync(join(runner.workspace, 'r.json'), 'utf8')) as Report;
    expect(report.policies).toEqual(['hygiene']);
    expect(report.failOn).toBe('error'); // the workspace's own config is not read
    expect(run.code).toBe(1);
    const fetched = api.requests.filter((r) => r.path.includes('/contents/'));
    expect(fetched).toEqual([
      {
        method: 'GET',
        path: '/repos/central-org/policies/contents/claude/policy.yml?ref=v2',
        authorization: `token ${TOKEN}`,
      },
    ]);

    const missing = await step(spec({ config: 'central-org/policies/none.yml@v2' }, true));
    expect(missing.code).toBe(1);
    expect(errors(missing)).toEqual(['config central-org/policies/none.yml@v2 not found']);
  });
});

describe("3. the comment is the action's own", () => {
  it('never edits a comment by someone else that carries the marker', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const planted = api.addComment(PR, `${COMMENT_MARKER}\nplanted by mallory`, 'mallory');
    runner.checkout(EXAMPLES.nonCompliant);
    await step(spec({}));
    await step(spec({}));
    const comments = api.comments.get(PR)!;
    expect(comments.find((c) => c.id === planted.id)!.body).toBe(`${COMMENT_MARKER}\nplanted by mallory`);
    const ours = comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it("with a user token, matches the viewer's own comment only", async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    api.viewer = 'policy-bot';
    const bots = api.addComment(PR, `${COMMENT_MARKER}\nby the actions bot`, 'github-actions[bot]');
    const mine = api.addComment(PR, `${COMMENT_MARKER}\nold report`, 'policy-bot');
    runner.checkout(EXAMPLES.nonCompliant);
    await step(spec({}));
    const comments = api.comments.get(PR)!;
    expect(comments.find((c) => c.id === bots.id)!.body).toBe(`${COMMENT_MARKER}\nby the actions bot`);
    expect(comments.find((c) => c.id === mine.id)!.body).toContain('NET001');
    expect(comments).toHaveLength(2);
  });
});

describe('4. no read or write leaves the root', () => {
  it('refuses a sarif-file that is a link out of the workspace, and a json-file under a linked folder', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const outside = join(runner.dir, 'precious.txt');
    writeFileSync(outside, 'precious');
    mkdirSync(join(runner.dir, 'elsewhere'));
    runner.checkout(EXAMPLES.nonCompliant);
    symlinkSync(outside, join(runner.workspace, 'results.sarif'));
    symlinkSync(join(runner.dir, 'elsewhere'), join(runner.workspace, 'out'));

    const sarif = await step(spec({ 'sarif-file': 'results.sarif' }, true));
    expect(sarif.code).toBe(1);
    expect(errors(sarif)).toEqual([
      `sarif-file could not be written to ${join(runner.workspace, 'results.sarif')}: "results.sarif" is a link that leads outside the workspace: refused`,
    ]);
    expect(readFileSync(outside, 'utf8')).toBe('precious');

    const json = await step(spec({ 'json-file': 'out/deep/report.json' }, true));
    expect(json.code).toBe(1);
    expect(errors(json)).toEqual([
      `json-file could not be written to ${join(runner.workspace, 'out/deep/report.json')}: "out" is a link that leads outside the workspace: refused`,
    ]);
    expect(readdirSync(join(runner.dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses a config file that links out of the root, or is not a regular file, without opening it', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    rmSync(join(runner.workspace, CONFIG));
    symlinkSync('/dev/zero', join(runner.workspace, CONFIG));
    const zero = await step(spec({}, true));
    expect(zero.code).toBe(1);
    expect(errors(zero)).toEqual([
      `config file ${join(runner.workspace, CONFIG)}: ".github/claude-code-policy.yml" is a link that leads outside the scanned root: refused`,
    ]);

    rmSync(join(runner.workspace, CONFIG));
    execFileSync('mkfifo', [join(runner.workspace, CONFIG)]);
    const fifo = await step(spec({}, true));
    expect(fifo.code).toBe(1);
    expect(errors(fifo)).toEqual([
      `config file ${join(runner.workspace, CONFIG)}: is not a regular file: refused`,
    ]);

    rmSync(join(runner.workspace, CONFIG));
    writeFileSync(join(runner.workspace, CONFIG), `# ${'x'.repeat(300 * 1024)}\n`);
    const big = await step(spec({}, true));
    expect(errors(big)).toEqual([
      `config file ${join(runner.workspace, CONFIG)}: is larger than 262144 bytes: refused`,
    ]);
  });

  it('refuses a scan root whose real path is outside the workspace', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    const outside = mkdtempSync(join(tmpdir(), 'ccp-outside-'));
    try {
      runner.checkout(EXAMPLES.compliant);
      symlinkSync(outside, join(runner.workspace, 'linked'));
      const run = await step(spec({ path: 'linked' }, true));
      expect(run.code).toBe(1);
      expect(errors(run)).toEqual(['path linked leads outside the workspace through a link: refused']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('the CLI writes neither --output nor init through a link out of the root', async () => {
    const outside = tree({ 'keep.txt': 'keep' });
    const root = tree({ '.claude/settings.json': '{}\n' });
    symlinkSync(join(outside, 'keep.txt'), join(root, 'report.json'));
    const output = await runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], root);
    expect(output.code).toBe(2);
    expect(output.stderr).toBe(
      'claude-code-policy: cannot write --output report.json ("report.json" is a link that leads outside the working folder: refused)\n',
    );
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('keep');

    const initRoot = tree({});
    symlinkSync(outside, join(initRoot, '.claude'));
    const init = await runCli(['init', initRoot], initRoot);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(
      'claude-code-policy: cannot write .claude/settings.json: ".claude" is a link that leads outside the scanned root: refused\n',
    );
    expect(readdirSync(outside)).toEqual(['keep.txt']);
  });
});

/** A folder name that, printed on its own line, would be three workflow commands. */
const INJECTED_FOLDER = 'x\n::set-output name=passed::true\n::stop-commands::zz\ny';
const INJECTED_KEY = 'k ##[set-output name=passed;]true';

describe('5. nothing printed can be read as a workflow command', () => {
  it('with annotations off, the findings in the log are inert', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    runner.writeFile(
      `${INJECTED_FOLDER}/.claude/settings.json`,
      JSON.stringify({ env: {}, [INJECTED_KEY]: 1 }),
    );
    const run = await step(spec({ annotations: 'false' }, true));
    expect(foreignCommands(run.commands)).toEqual([]);
    expect(run.outputs.passed).toBe('false');
    expect(run.stdout).toContain('::set-output name=passed::true'); // printed, as text only

    // With annotations on, the same tree gives annotations and nothing else.
    const annotated = await step(spec({}, true));
    expect(foreignCommands(annotated.commands)).toEqual([]);
    expect(annotated.commands.filter((c) => c.name === 'error').length).toBeGreaterThan(0);
  });

  it('no CLI format prints a command', async () => {
    const root = tree({
      [`${INJECTED_FOLDER}/.claude/settings.json`]: JSON.stringify({ env: {}, [INJECTED_KEY]: 1 }),
    });
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const { stdout } = await runCli(['scan', root, '--format', format], root);
      expect(stdout).toContain('set-output');
      expect([format, runnerCommands(stdout)]).toEqual([format, []]);
    }
  });
});

describe('6. linear time and bounded output on crafted input', () => {
  it('a line repeating an inline marker, 4,000 aliased workflow steps and a merge chain finish', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    // 3 MB on one line: quadratic, this took minutes.
    runner.writeFile('.env', `A=1 ${'# claude-code-policy: ignore NET003 -- x '.repeat(75_000)}\n`);
    const steps = Array.from(
      { length: 8_000 },
      () => '      - uses: anthropics/claude-code-action@v1\n        env: *shared\n',
    ).join('');
    runner.writeFile(
      '.github/workflows/many.yml',
      `on: push\nx-shared: &shared\n  DISABLE_TELEMETRY: "1"\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`,
    );
    const chain = ['on: push', 'x-0: &a0 {k0: "1"}'];
    for (let i = 1; i < 1_500; i++) chain.push(`x-${i}: &a${i} {<<: *a${i - 1}, k${i}: "1"}`);
    chain.push(
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    env: {<<: *a1499}',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
    );
    runner.writeFile('.github/workflows/chain.yml', `${chain.join('\n')}\n`);
    const run = await step(spec({ 'json-file': 'r.json' }, true));
    const report = JSON.parse(readFileSync(join(runner.workspace, 'r.json'), 'utf8')) as Report;
    expect(report.files).toEqual(
      expect.arrayContaining(['.env', '.github/workflows/many.yml', '.github/workflows/chain.yml']),
    );
    expect(run.stderr).toBe('');
  }, 120_000);

  it('200,000 duplicate keys give a report in proportion to the problem, not the file', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    const file = '.claude/settings.local.json';
    runner.writeFile(file, `{"env":{${'"A":"1",'.repeat(200_000)}"A":"1"}}`);
    const run = await step(spec({ 'json-file': 'r.json', 'sarif-file': 'r.sarif' }, true));
    const json = readFileSync(join(runner.workspace, 'r.json'), 'utf8');
    const report = JSON.parse(json) as Report;
    const duplicates = report.findings.filter((f) => f.ruleId === 'CFG004');
    expect(duplicates).toHaveLength(20);
    expect(duplicates.at(-1)!.message).toBe(
      '199981 more CFG004 findings in this file, not listed one by one (the first is here).',
    );
    expect(json.length).toBeLessThan(200_000);
    expect(readFileSync(join(runner.workspace, 'r.sarif'), 'utf8').length).toBeLessThan(400_000);
    expect(run.outputs.passed).toBe('false');
  }, 120_000);
});

describe('7. no value of a scanned file is printed', () => {
  const VALUES = ['ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '73915284', 's3cr3tValue4711'];

  it('in annotations, the summary, the comment, JSON or SARIF', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    runner.writeFile(
      '.claude/settings.local.json',
      JSON.stringify({
        includeCoAuthoredBy: VALUES[0],
        env: { DB_PASSWD: 73915284, CLAUDE_CODE_USE_BEDROCK: VALUES[2] },
      }),
    );
    const run = await step(spec({ 'json-file': 'r.json', 'sarif-file': 'r.sarif' }));
    const json = readFileSync(join(runner.workspace, 'r.json'), 'utf8');
    const report = JSON.parse(json) as Report;
    expect(report.findings.filter((f) => f.ruleId === 'CFG002').map((f) => f.message)).toEqual([
      'includeCoAuthoredBy must be true or false (without quotes).',
      'env.DB_PASSWD must be a string (found a number).',
      'env.CLAUDE_CODE_USE_BEDROCK must be "1" or "0": Claude Code reads only 1/true as on, so this value means off.',
    ]);
    const printed = [
      run.stdout,
      run.summary,
      json,
      readFileSync(join(runner.workspace, 'r.sarif'), 'utf8'),
      ...(api.comments.get(PR) ?? []).map((c) => c.body),
    ].join('\n');
    for (const value of VALUES) expect(printed).not.toContain(value);
  });

  it('in fix --dry-run, context lines holding secrets are masked', async () => {
    const root = tree({
      '.claude/settings.json':
        '{\n  "env": {\n    "ANTHROPIC_API_KEY": "sk-ant-api03-Zq7vR2mK9pL4xT8wQ",\n    "DB_PASSWORD": "hunter2hunter2"\n  }\n}\n',
    });
    const { stdout, code } = await runCli(['fix', root, '--dry-run'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('+    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"');
    expect(stdout).toContain(' "ANTHROPIC_API_KEY": "…",');
    expect(stdout).toContain('-    "DB_PASSWORD": "…"\n+    "DB_PASSWORD": "…",\n');
    expect(stdout).not.toContain('Zq7vR2mK9pL4xT8wQ');
    expect(stdout).not.toContain('hunter2');
  });
});

describe('8. references from scanned content do not become links', () => {
  it('in the summary and the comment, #N, owner/repo#N and URLs sit in code spans', async (context) => {
    if (node.path === undefined) return context.skip(node.reason);
    runner.checkout(EXAMPLES.compliant);
    runner.writeFile(
      '.claude/settings.local.json',
      JSON.stringify({ 'see #7 and octo-org/octo-repo#9 at https://evil.example/x or www.evil.example': 1 }),
    );
    const run = await step(spec({ 'fail-on': 'warning' }));
    const comment = api.comments.get(PR)?.[0]?.body ?? '';
    for (const markdown of [run.summary, comment]) {
      expect(markdown).toContain('`#7`');
      expect(markdown).toContain('`octo-org/octo-repo#9`');
      expect(markdown).toContain('`https://evil.example/x`');
      expect(markdown).toContain('`www.evil.example`');
      const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
      expect(outsideCode).not.toMatch(/#7|#9|evil\.example/);
    }
  });
});
