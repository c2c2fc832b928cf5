// The rules' logic on in-memory files: exact rule, file, line and severity. Whole-pipeline fixtures live in
// test/fixtures/ (see fixtures.test.ts).
import { describe, expect, it } from 'vitest';
import { evaluate, mergeByLine } from '../src/rules/evaluate.js';
import { isPlaceholder } from '../src/rules/sec001.js';
import { compareFindings, type Finding, POLICIES, type Severity } from '../src/model.js';
import { resolveScopes } from '../src/scope/scope.js';
import { RULES } from '../src/rules/index.js';
import type { ParsedFile } from '../src/parse/files.js';
import type { RuleOptions } from '../src/rules/types.js';
import type { Scope } from '../src/scope/scope.js';
import {
  DEFAULT_RULE_OPTIONS,
  dotenvFile,
  findingsOf,
  json,
  loadFile,
  mcpFile,
  settingsFile,
} from './support/files.js';
import { emptiedUmbrella } from '../src/rules/nonessential.js';

const DEFAULTS = DEFAULT_RULE_OPTIONS;
const check = findingsOf;

const project = (env: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  settingsFile('.claude/settings.json', 'project', json({ env, ...extra }));

describe('NET001', () => {
  it('fires at the env key when nothing disables the services', () => {
    expect(check([project({ FOO: 'bar' })], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.json', line: 2, severity: 'error' },
    ]);
  });

  it('fires at line 1 when the file has no env block', () => {
    expect(check([settingsFile('.claude/settings.json', 'project', '{}\n')], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.json', line: 1, severity: 'error' },
    ]);
  });

  it('names the services still on', () => {
    const [finding] = evaluate({
      rules: RULES,
      files: [project({ DISABLE_TELEMETRY: '1' })],
      skipped: [],
      scopes: resolveScopes([project({ DISABLE_TELEMETRY: '1' })]),
      policies: ['nonessential-traffic'],
      options: DEFAULTS,
    }).filter((f) => f.ruleId === 'NET001');
    expect(finding!.message).toBe(
      'Claude Code still sends error reports, feedback transcripts (`/bug`, `/feedback`, Claude-drafted feedback), update checks and release notes: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is not set.',
    );
    expect(finding!.fix).toBe(
      'Add `"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"` under `env` in `.claude/settings.json`.',
    );
    expect(finding!.policy).toBe('nonessential-traffic');
  });

  it.each([
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }],
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '0' }],
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: 'false' }],
    [{ CLAUDE_CODE_USE_BEDROCK: '1' }],
    [{ CLAUDE_CODE_USE_VERTEX: 'true' }],
    [{ DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '1' }],
    [{ DISABLE_TELEMETRY: '0', DISABLE_ERROR_REPORTING: 'false', DISABLE_BUG_COMMAND: 'TRUE' }],
    [{ DO_NOT_TRACK: '1', DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '1' }],
  ])('passes with %j', (env) => {
    expect(check([project(env)], ['NET001'])).toEqual([]);
  });

  it.each([
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '' }, 3],
    [{ CLAUDE_CODE_USE_BEDROCK: '0' }, 2],
    [{ DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '0' }, 2],
    [{ DO_NOT_TRACK: '0', DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '1' }, 2],
  ])('fails with %j, at line %i', (env, line) => {
    expect(check([project(env)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.json', line, severity: 'error' },
    ]);
  });

  it('points at the line in the higher file that unsets the variable', () => {
    const local = settingsFile(
      '.claude/settings.local.json',
      'local',
      json({ env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '' } }),
    );
    expect(check([project({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }), local], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.local.json', line: 3, severity: 'error' },
    ]);
  });

  it('ignores a compliant file that is not valid JSON', () => {
    const broken = settingsFile(
      '.claude/settings.json',
      'project',
      '{\n  "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" },\n}\n',
    );
    expect(check([broken], ['NET001', 'CFG001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.json', line: 1, severity: 'error' },
      { ruleId: 'CFG001', file: '.claude/settings.json', line: 3, severity: 'error' },
    ]);
  });

  it('is not satisfied by an env file', () => {
    const env = dotenvFile('.env', 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1\n');
    expect(check([project({}), env], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: '.claude/settings.json', line: 2, severity: 'error' },
    ]);
  });
});

describe('one root cause, one finding: NET001 covers NET002 and NET004', () => {
  it('names every service the missing umbrella leaves on, in one finding with one fix', () => {
    const findings = evaluate({
      rules: RULES,
      files: [project({ FOO: '1' })],
      skipped: [],
      scopes: resolveScopes([project({ FOO: '1' })]),
      policies: [...POLICIES],
      options: DEFAULTS,
    });
    // Beside it only NET005: the WebFetch preflight is not among what the umbrella turns off.
    expect(findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['NET005', '.claude/settings.json', 1],
      ['NET001', '.claude/settings.json', 2],
    ]);
    const net001 = findings.find((f) => f.ruleId === 'NET001')!;
    expect(net001.message).toBe(
      'Claude Code still sends usage telemetry, error reports, feedback transcripts (`/bug`, `/feedback`, Claude-drafted feedback), update checks, surveys and release notes: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is not set.',
    );
    expect(net001.fix).toBe(
      'Add `"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"` under `env` in `.claude/settings.json`.',
    );
  });

  it('reports NET002 and NET004 where the individual switches silence NET001 but leave updates or surveys on', () => {
    const env = { DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '1', CLAUDE_CODE_USE_VERTEX: '1' };
    expect(check([project(env)], ['NET001', 'NET002', 'NET004'])).toEqual([
      { ruleId: 'NET002', file: '.claude/settings.json', line: 2, severity: 'warning' },
      { ruleId: 'NET004', file: '.claude/settings.json', line: 2, severity: 'notice' },
    ]);
  });

  it('still reports NET002 and NET004 when the config turns NET001 off', () => {
    const findings = evaluate({
      rules: RULES,
      files: [project({ FOO: '1' })],
      skipped: [],
      scopes: resolveScopes([project({ FOO: '1' })]),
      policies: [...POLICIES],
      options: DEFAULTS,
      overrides: { NET001: 'off' },
    }).filter((f) => f.ruleId.startsWith('NET'));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['NET005', 1],
      ['NET002', 2],
      ['NET004', 2],
    ]);
  });
});

describe("one place, one finding: which scope's finding is kept when several report the same line", () => {
  const at = (
    scope: string | null,
    severity: Severity,
    message: string,
    file: string | null = '.env',
  ): Finding => ({
    ruleId: 'ZDR006',
    file,
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 20,
    scope,
    message,
    fix: `fix ${message}`,
    severity,
    policy: 'zdr',
    docsUrl: 'https://example.invalid/ZDR006',
    scopes: scope === null ? [] : [scope],
  });
  const kept = (findings: Finding[]) =>
    mergeByLine(findings).map((f) => ({
      message: f.message,
      severity: f.severity,
      scope: f.scope,
      scopes: f.scopes,
    }));

  it('keeps the most severe, whichever scope reported it, and lists every scope, its own first', () => {
    expect(kept([at('a', 'notice', 'A'), at('b', 'error', 'B'), at('c', 'warning', 'C')])).toEqual([
      { message: 'B', severity: 'error', scope: 'b', scopes: ['b', 'a', 'c'] },
    ]);
  });

  it('keeps the first scope by id when the severity is the same, whatever order they came in', () => {
    expect(kept([at('c', 'warning', 'C'), at('a', 'warning', 'A'), at('b', 'warning', 'B')])).toEqual([
      { message: 'A', severity: 'warning', scope: 'a', scopes: ['a', 'b', 'c'] },
    ]);
  });

  it('keeps the first reported when scope and severity are the same too', () => {
    expect(kept([at('a', 'warning', 'first'), at('a', 'warning', 'second')])).toEqual([
      { message: 'first', severity: 'warning', scope: 'a', scopes: ['a'] },
    ]);
  });

  it('prefers a finding about the file alone, and gives it the scopes that report the same line', () => {
    const expected = [{ message: 'file alone', severity: 'warning', scope: '.', scopes: ['.'] }];
    expect(kept([at('.', 'warning', 'in scope .'), at(null, 'warning', 'file alone')])).toEqual(expected);
    expect(kept([at(null, 'warning', 'file alone'), at('.', 'warning', 'in scope .')])).toEqual(expected);
  });

  it('keeps apart the findings of scopes that have no file, on the same line and column', () => {
    expect(kept([at('user', 'warning', 'U', null), at('managed', 'warning', 'M', null)])).toEqual([
      { message: 'U', severity: 'warning', scope: 'user', scopes: ['user'] },
      { message: 'M', severity: 'warning', scope: 'managed', scopes: ['managed'] },
    ]);
  });
});

describe('NET002', () => {
  const covered = { DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1', DISABLE_FEEDBACK_COMMAND: '1' };
  it('fires when nothing disables updates, and on a misleading DISABLE_AUTOUPDATER', () => {
    expect(check([project({ ...covered })], ['NET002'])).toEqual([
      { ruleId: 'NET002', file: '.claude/settings.json', line: 2, severity: 'warning' },
    ]);
    expect(check([project({ ...covered, DISABLE_AUTOUPDATER: '0' })], ['NET002'])).toEqual([
      { ruleId: 'NET002', file: '.claude/settings.json', line: 6, severity: 'warning' },
    ]);
  });

  it.each([
    [{ DISABLE_AUTOUPDATER: '1' }],
    [{ DISABLE_UPDATES: 'true' }],
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }],
  ])('passes with %j', (env) => {
    expect(check([project(env)], ['NET002'])).toEqual([]);
  });

  it('is not satisfied by a third-party provider', () => {
    expect(check([project({ CLAUDE_CODE_USE_BEDROCK: '1' })], ['NET002'])).toEqual([
      { ruleId: 'NET002', file: '.claude/settings.json', line: 2, severity: 'warning' },
    ]);
  });
});

describe('NET003', () => {
  it('flags presence-only variables written as off, in settings and env files', () => {
    const env = dotenvFile('.env', 'DISABLE_ERROR_REPORTING=off\nDISABLE_AUTOUPDATER=0\n');
    expect(
      check(
        [
          project({
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '0',
            DISABLE_TELEMETRY: 'FALSE',
            DISABLE_AUTOUPDATER: '0',
          }),
          env,
        ],
        ['NET003'],
      ),
    ).toEqual([
      { ruleId: 'NET003', file: '.claude/settings.json', line: 3, severity: 'warning' },
      { ruleId: 'NET003', file: '.claude/settings.json', line: 4, severity: 'warning' },
      { ruleId: 'NET003', file: '.env', line: 1, severity: 'warning' },
    ]);
  });

  it('flags a JSON number 0', () => {
    expect(check([project({ DISABLE_TELEMETRY: 0 })], ['NET003'])).toEqual([
      { ruleId: 'NET003', file: '.claude/settings.json', line: 3, severity: 'warning' },
    ]);
  });
});

describe('NET004', () => {
  it.each([
    [{ CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1' }, {}],
    [{ DISABLE_TELEMETRY: '0' }, {}],
    [{ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, {}],
    [{}, { feedbackSurveyRate: 0 }],
  ])('passes with %j %j', (env, extra) => {
    expect(check([project(env, extra)], ['NET004'])).toEqual([]);
  });

  it('fires as a notice, also on a third-party provider', () => {
    expect(check([project({ CLAUDE_CODE_USE_VERTEX: '1' })], ['NET004'])).toEqual([
      { ruleId: 'NET004', file: '.claude/settings.json', line: 2, severity: 'notice' },
    ]);
  });
});

/** Findings with the words users read: rule, file, line, scope, message and fix (only the rules named). */
function wordsOf(
  files: ParsedFile[],
  only: string[],
  scopes: Scope[] = resolveScopes(files),
  options: Partial<RuleOptions> = {},
) {
  return evaluate({
    rules: RULES,
    files,
    skipped: [],
    scopes,
    policies: [...POLICIES],
    options: { ...DEFAULTS, ...options },
  })
    .filter((f) => only.includes(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      scope: f.scope,
      message: f.message,
      fix: f.fix,
    }));
}

const WF = '.github/workflows/claude.yml';
const STEP = `${WF}#jobs.claude.steps[0]`;

/** A JSON object with a trailing comma on line 3, column 1. */
const TRAILING_COMMA = '{\n  "env": {},\n}\n';

/** A workflow whose one Claude step (line 6) takes these `with:` inputs (from line 8) and then `env:` lines. */
const workflowWith = (env: string[], inputs: string[] = []) =>
  loadFile(
    WF,
    [
      'on: push',
      'jobs:',
      '  claude:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      ...(inputs.length > 0 ? ['        with:', ...inputs.map((line) => `          ${line}`)] : []),
      '        env:',
      ...env.map((line) => `          ${line}`),
      '',
    ].join('\n'),
  );

describe('NET001, NET002, NET004 and NET006 say when a value cannot be known statically', () => {
  it('NET001 names the one service whose switch is an expression, as a warning', () => {
    const wf = workflowWith([
      'DISABLE_TELEMETRY: "1"',
      'DISABLE_ERROR_REPORTING: "1"',
      'DISABLE_FEEDBACK_COMMAND: ${{ vars.FEEDBACK }}',
    ]);
    expect(wordsOf([wf], ['NET001'])).toEqual([
      {
        ruleId: 'NET001',
        file: WF,
        line: 6,
        scope: STEP,
        message:
          'Whether Claude Code sends feedback transcripts (`/bug`, `/feedback`, Claude-drafted feedback) depends on a value that cannot be verified statically.',
        fix: 'Add `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"` under the step\'s `env:` in `.github/workflows/claude.yml`.',
      },
    ]);
  });

  it('NET002, NET004 and NET006 where the provider silences NET001', () => {
    const wf = workflowWith(
      [
        'DISABLE_AUTOUPDATER: ${{ vars.UPDATES }}',
        'CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: ${{ vars.SURVEY }}',
        'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY: ${{ vars.DISCOVERY }}',
      ],
      ['use_vertex: "true"'],
    );
    // An update switch that cannot be known is not the misleading value to change: the fix adds a known one.
    expect(wordsOf([wf], ['NET001', 'NET002', 'NET004', 'NET006'])).toEqual([
      {
        ruleId: 'NET002',
        file: WF,
        line: 6,
        scope: STEP,
        message: 'Whether auto-update checks are off depends on a value that cannot be verified statically.',
        fix: 'Add `DISABLE_AUTOUPDATER: "1"` under the step\'s `env:` in `.github/workflows/claude.yml`.',
      },
      {
        ruleId: 'NET004',
        file: WF,
        line: 6,
        scope: STEP,
        message:
          'Whether session quality surveys are off depends on a value that cannot be verified statically.',
        fix: 'Add `CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1"` under the step\'s `env:` in `.github/workflows/claude.yml`.',
      },
      {
        ruleId: 'NET006',
        file: WF,
        line: 12,
        scope: STEP,
        message:
          'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY is set from a value that cannot be verified statically; if it is on, Claude Code asks the gateway for its models, whatever the umbrella variable says.',
        fix: 'Remove CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY from `.github/workflows/claude.yml` unless the discovery requests are wanted.',
      },
    ]);
  });
});

describe('CFG001: what Claude Code does with a file that does not parse', () => {
  const pinned = (dir: string, pin: Record<string, string>, broken: string) => [
    settingsFile(`${dir}/managed-settings.json`, 'managed', json(pin)),
    settingsFile(`${dir}/managed-settings.d/10-broken.json`, 'managed-dropin', broken),
  ];
  const fixAt = (file: string, line: number, column: number) =>
    `Fix the syntax at line ${line}, column ${column} of \`${file}\` (strict JSON: no comments, no trailing commas).`;

  it('a managed file stops Claude Code, is ignored, or either, by the versions its own scope pins', () => {
    const files = [
      ...pinned('a', { requiredMinimumVersion: '2.1.300' }, TRAILING_COMMA),
      settingsFile('b/managed-settings.json', 'managed', TRAILING_COMMA),
      ...pinned('c', { requiredMaximumVersion: '2.1.200' }, TRAILING_COMMA),
    ];
    expect(wordsOf(files, ['CFG001'])).toEqual([
      {
        ruleId: 'CFG001',
        file: 'a/managed-settings.d/10-broken.json',
        line: 3,
        scope: null,
        message:
          'not valid JSON: trailing comma. Claude Code does not start while a managed settings file does not parse.',
        fix: fixAt('a/managed-settings.d/10-broken.json', 3, 1),
      },
      {
        ruleId: 'CFG001',
        file: 'b/managed-settings.json',
        line: 3,
        scope: null,
        message:
          'not valid JSON: trailing comma. Claude Code 2.1.259 and later do not start while a managed settings file does not parse; older versions ignore the whole file, its env included.',
        fix: fixAt('b/managed-settings.json', 3, 1),
      },
      {
        ruleId: 'CFG001',
        file: 'c/managed-settings.d/10-broken.json',
        line: 3,
        scope: null,
        message: 'not valid JSON: trailing comma. Claude Code ignores this whole file, its env included.',
        fix: fixAt('c/managed-settings.d/10-broken.json', 3, 1),
      },
    ]);
  });

  it("the managed scope's versions decide, also when a workflow reads the same file as its settings", () => {
    const wf = loadFile(
      WF,
      [
        'on: push',
        'jobs:',
        '  claude:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        '          settings: c/managed-settings.d/10-broken.json',
        '',
      ].join('\n'),
    );
    const files = [...pinned('c', { requiredMaximumVersion: '2.1.200' }, TRAILING_COMMA), wf];
    expect(resolveScopes(files).map((scope) => [scope.id, scope.files])).toEqual([
      [STEP, [WF, 'c/managed-settings.d/10-broken.json']],
      ['c/managed-settings.json', ['c/managed-settings.json', 'c/managed-settings.d/10-broken.json']],
    ]);
    expect(wordsOf(files, ['CFG001'])).toEqual([
      {
        ruleId: 'CFG001',
        file: 'c/managed-settings.d/10-broken.json',
        line: 3,
        scope: null,
        message: 'not valid JSON: trailing comma. Claude Code ignores this whole file, its env included.',
        fix: fixAt('c/managed-settings.d/10-broken.json', 3, 1),
      },
    ]);
  });

  it('a project file is ignored whole; a dev container allows comments and trailing commas', () => {
    const files = [
      settingsFile('.claude/settings.json', 'project', '{\n  "a": 1,,\n}\n'),
      loadFile('.devcontainer/devcontainer.json', '{\n  "name": "claude",\n  "remoteEnv": {\n  \n}\n'),
    ];
    expect(wordsOf(files, ['CFG001'])).toEqual([
      {
        ruleId: 'CFG001',
        file: '.claude/settings.json',
        line: 2,
        scope: null,
        message:
          'not valid JSON: expected a property name in double quotes. Claude Code ignores this whole file, its env included.',
        fix: fixAt('.claude/settings.json', 2, 10),
      },
      {
        ruleId: 'CFG001',
        file: '.devcontainer/devcontainer.json',
        line: 6,
        scope: null,
        message: 'not valid JSON: unexpected end of file (is it truncated?).',
        fix: 'Fix the syntax at line 6, column 1 of `.devcontainer/devcontainer.json` (comments and trailing commas are allowed here).',
      },
    ]);
  });

  it("a workflow's other problems stay theirs: a duplicate key is CFG004 only", () => {
    const wf = loadFile(WF, 'on: push\non: push\njobs: {}\n');
    expect(wordsOf([wf], ['CFG001', 'CFG004'])).toEqual([
      {
        ruleId: 'CFG004',
        file: WF,
        line: 2,
        scope: null,
        message:
          'duplicate key "on" (first on line 1): GitHub rejects the whole workflow (\'on\' is already defined).',
        fix: `Remove one of the duplicate keys in \`${WF}\`, keeping the value you mean.`,
      },
    ]);
  });
});

describe('env files and settings files no scope reaches are reported with no scope', () => {
  it('CFG009 and NET006 in an env file', () => {
    const env = dotenvFile(
      '.env',
      'DISABLE_NON_ESSENTIAL_MODEL_CALLS=1\nCLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY=1\n',
    );
    expect(wordsOf([env], ['CFG009', 'NET006'])).toEqual([
      {
        ruleId: 'CFG009',
        file: '.env',
        line: 1,
        scope: null,
        message:
          'DISABLE_NON_ESSENTIAL_MODEL_CALLS does nothing: Claude Code dropped it (docs, 2026-03-13), and it turns no traffic off.',
        fix: 'Remove DISABLE_NON_ESSENTIAL_MODEL_CALLS from `.env`; set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC to "1" to turn non-essential traffic off.',
      },
      {
        ruleId: 'NET006',
        file: '.env',
        line: 2,
        scope: null,
        message:
          'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY turns on gateway model discovery: background requests to the gateway that the umbrella variable does not stop.',
        fix: 'Remove CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY from `.env` unless the discovery requests are wanted.',
      },
    ]);
  });

  it('CFG001, CFG006 and CFG009 when the caller resolved no scope', () => {
    // evaluate takes the scopes as given; a file none of them reaches still gets its file findings.
    const files = [
      settingsFile('managed-settings.json', 'managed', TRAILING_COMMA),
      settingsFile('.claude/settings.local.json', 'local', json({ feedbackDrafts: 'off' })),
    ];
    expect(wordsOf(files, ['CFG001', 'CFG006', 'CFG009'], [])).toEqual([
      {
        ruleId: 'CFG006',
        file: '.claude/settings.local.json',
        line: 1,
        scope: null,
        message:
          '`.claude/settings.local.json` is part of the repository: this personal file overrides the shared settings on every clone.',
        fix: 'Move shared keys to .claude/settings.json, run `git rm --cached .claude/settings.local.json` and add it to .gitignore.',
      },
      {
        ruleId: 'CFG009',
        file: '.claude/settings.local.json',
        line: 2,
        scope: null,
        message:
          '"feedbackDrafts" is read only from user or managed settings: Claude Code ignores it in local settings.',
        fix: 'Move "feedbackDrafts" to ~/.claude/settings.json or managed settings, or remove it from `.claude/settings.local.json`.',
      },
      {
        // With no scope to pin versions, any version may read it.
        ruleId: 'CFG001',
        file: 'managed-settings.json',
        line: 3,
        scope: null,
        message:
          'not valid JSON: trailing comma. Claude Code 2.1.259 and later do not start while a managed settings file does not parse; older versions ignore the whole file, its env included.',
        fix: 'Fix the syntax at line 3, column 1 of `managed-settings.json` (strict JSON: no comments, no trailing commas).',
      },
    ]);
  });
});

describe('CFG009: which values and files it reads', () => {
  const min = { minClaudeCodeVersion: '2.1.290' };

  it('reads JSON numbers and booleans in a project env as their text, and skips null and objects', () => {
    const file = project({
      CLAUDE_CODE_ENABLE_TELEMETRY: 1,
      OTEL_LOG_USER_PROMPTS: true,
      CLAUDE_CONFIG_DIR: null,
      HOME: { dir: '/tmp' },
    });
    const said = (name: string, since: string) =>
      `${name} has no effect here: Claude Code ${since} and later ignore it in project and local settings, and the oldest Claude Code version in use is 2.1.290 (--min-claude-code-version).`;
    const fix = (name: string) =>
      `Remove ${name} from \`.claude/settings.json\`; to set it, use managed settings, user settings or the environment that starts Claude Code.`;
    expect(wordsOf([file], ['CFG009'], undefined, min)).toEqual([
      {
        ruleId: 'CFG009',
        file: '.claude/settings.json',
        line: 3,
        scope: '.',
        message: said('CLAUDE_CODE_ENABLE_TELEMETRY', '2.1.282'),
        fix: fix('CLAUDE_CODE_ENABLE_TELEMETRY'),
      },
      {
        ruleId: 'CFG009',
        file: '.claude/settings.json',
        line: 4,
        scope: '.',
        message: said('OTEL_LOG_USER_PROMPTS', '2.1.282'),
        fix: fix('OTEL_LOG_USER_PROMPTS'),
      },
    ]);
  });

  it('reads nothing from a permissions or env that is null', () => {
    const file = settingsFile('.claude/settings.json', 'project', json({ permissions: null, env: null }));
    expect(wordsOf([file], ['CFG009'], undefined, min)).toEqual([]);
  });

  it('says nothing of what user settings and managed drop-ins may hold', () => {
    const held = {
      allowManagedHooksOnly: true,
      feedbackDrafts: 'off',
      permissions: { defaultMode: 'bypassPermissions' },
      env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1', CLAUDE_CONFIG_DIR: '/tmp/claude' },
    };
    const files = [
      settingsFile('home/.claude/settings.json', 'user', json(held)),
      settingsFile('managed-settings.d/10-fleet.json', 'managed-dropin', json(held)),
    ];
    expect(wordsOf(files, ['CFG009'], undefined, min)).toEqual([
      {
        ruleId: 'CFG009',
        file: 'home/.claude/settings.json',
        line: 2,
        scope: 'home/.claude/settings.json',
        message:
          '"allowManagedHooksOnly" is read only from managed settings: Claude Code ignores it in user settings.',
        fix: 'Move "allowManagedHooksOnly" to managed-settings.json (or a managed-settings.d/ drop-in), or remove it from `home/.claude/settings.json`.',
      },
    ]);
  });
});

describe('NET002 and NET004 where a provider silences NET001', () => {
  const vertex = { CLAUDE_CODE_USE_VERTEX: '1' };

  it('NET002 points at the higher line that empties the umbrella variable', () => {
    const local = settingsFile(
      '.claude/settings.local.json',
      'local',
      json({ env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '' } }),
    );
    const shared = project({ ...vertex, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' });
    expect(wordsOf([shared, local], ['NET001', 'NET002'])).toEqual([
      {
        ruleId: 'NET002',
        file: '.claude/settings.local.json',
        line: 3,
        scope: '.',
        message:
          'Auto-update checks stay on: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is set to an empty string here, which unsets it, and DISABLE_AUTOUPDATER is not set.',
        fix: 'Set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC to "1" on line 3 of `.claude/settings.local.json` (an empty string unsets it).',
      },
    ]);
  });

  it('NET002 points at a DISABLE_UPDATES that reads as off', () => {
    expect(wordsOf([project({ ...vertex, DISABLE_UPDATES: '0' })], ['NET001', 'NET002'])).toEqual([
      {
        ruleId: 'NET002',
        file: '.claude/settings.json',
        line: 4,
        scope: '.',
        message:
          'Auto-update checks stay on: DISABLE_UPDATES is "0", which Claude Code reads as off; nothing else disables updates.',
        fix: 'Set `"DISABLE_UPDATES": "1"` on line 4 of `.claude/settings.json`.',
      },
    ]);
  });

  it('NET004 is silent when feedbackSurveyRate is 0, and only then', () => {
    expect(wordsOf([project(vertex, { feedbackSurveyRate: 0 })], ['NET001', 'NET004'])).toEqual([]);
    expect(wordsOf([project(vertex, { feedbackSurveyRate: 0.5 })], ['NET001', 'NET004'])).toEqual([
      {
        ruleId: 'NET004',
        file: '.claude/settings.json',
        line: 2,
        scope: '.',
        message:
          'Session quality surveys stay on: nothing sets CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY, DISABLE_TELEMETRY or the umbrella variable.',
        fix: 'Add `"CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1"` under `env` in `.claude/settings.json`.',
      },
    ]);
  });
});

describe('NET005 without a WebFetch deny rule to read', () => {
  it('reports a scope whose permissions are null', () => {
    const file = project({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, { permissions: null });
    expect(wordsOf([file], ['NET005'])).toEqual([
      {
        ruleId: 'NET005',
        file: '.claude/settings.json',
        line: 1,
        scope: '.',
        message:
          'Claude Code sends each WebFetch hostname to api.anthropic.com first: nothing sets skipWebFetchPreflight, and the umbrella variable does not stop it.',
        fix: 'Add `"skipWebFetchPreflight": true` to `.claude/settings.json`, or add "WebFetch" to permissions.deny.',
      },
    ]);
  });

  it('names the settings file in words when the scope has no file to fix', () => {
    const file = project({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' });
    const scopes = resolveScopes([file]).map((scope) => ({ ...scope, fix: null }));
    expect(wordsOf([file], ['NET005'], scopes)).toEqual([
      {
        ruleId: 'NET005',
        file: '.claude/settings.json',
        line: 1,
        scope: '.',
        message:
          'Claude Code sends each WebFetch hostname to api.anthropic.com first: nothing sets skipWebFetchPreflight, and the umbrella variable does not stop it.',
        fix: 'Add `"skipWebFetchPreflight": true` to the settings file Claude Code reads there (.claude/settings.json, or managed settings), or add "WebFetch" to permissions.deny.',
      },
    ]);
  });
});

describe('the umbrella variable emptied by a higher file', () => {
  it('is the value only when it is an empty string', () => {
    const scopeOf = (value: string) =>
      resolveScopes([project({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: value })])[0]!;
    expect(emptiedUmbrella(scopeOf('1'))).toBeUndefined();
    expect(emptiedUmbrella(scopeOf(''))).toEqual({
      name: 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
      value: '',
      unknown: false,
      fromProjectFile: true,
      location: { file: '.claude/settings.json', line: 3, column: 5, endLine: 3, endColumn: 51 },
    });
  });
});

describe('ZDR001', () => {
  it('flags each provider on its line; Claude Platform on AWS as a warning', () => {
    expect(
      check(
        [
          project({
            CLAUDE_CODE_USE_BEDROCK: '1',
            CLAUDE_CODE_USE_VERTEX: '0',
            CLAUDE_CODE_USE_ANTHROPIC_AWS: 'true',
          }),
        ],
        ['ZDR001'],
      ),
    ).toEqual([
      { ruleId: 'ZDR001', file: '.claude/settings.json', line: 3, severity: 'error' },
      { ruleId: 'ZDR001', file: '.claude/settings.json', line: 5, severity: 'warning' },
    ]);
  });

  it('flags a provider selected in an env file', () => {
    expect(
      check([dotenvFile('.env.production', '# prod\nexport CLAUDE_CODE_USE_FOUNDRY=1\n')], ['ZDR001']),
    ).toEqual([{ ruleId: 'ZDR001', file: '.env.production', line: 2, severity: 'error' }]);
  });
});

describe('ZDR002 and ZDR003', () => {
  it('flags metrics logging and content export', () => {
    expect(
      check(
        [
          project({
            CLAUDE_CODE_ENABLE_TELEMETRY: '1',
            OTEL_LOG_USER_PROMPTS: '1',
            OTEL_LOG_TOOL_DETAILS: '0',
            OTEL_LOG_RAW_API_BODIES: 'file:/tmp/x',
          }),
        ],
        ['ZDR002', 'ZDR003'],
      ),
    ).toEqual([
      { ruleId: 'ZDR002', file: '.claude/settings.json', line: 3, severity: 'error' },
      { ruleId: 'ZDR003', file: '.claude/settings.json', line: 4, severity: 'error' },
      { ruleId: 'ZDR003', file: '.claude/settings.json', line: 6, severity: 'error' },
    ]);
  });

  it('reports content switches as latent warnings while OTel is off', () => {
    expect(
      check(
        [project({ OTEL_LOG_ASSISTANT_RESPONSES: 'true', CLAUDE_CODE_ENABLE_TELEMETRY: '0' })],
        ['ZDR002', 'ZDR003'],
      ),
    ).toEqual([{ ruleId: 'ZDR003', file: '.claude/settings.json', line: 3, severity: 'warning' }]);
  });
});

describe('ZDR004 and ZDR005', () => {
  const uuid = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';
  const managed = (extra: Record<string, unknown>) =>
    settingsFile('managed-settings.json', 'managed', json({ ...extra }));

  it('warns when managed settings do not pin login; says nothing in project scopes (a report note does)', () => {
    expect(check([managed({})], ['ZDR004'])).toEqual([
      { ruleId: 'ZDR004', file: 'managed-settings.json', line: 1, severity: 'warning' },
    ]);
    expect(check([project({}, { forceLoginOrgUUID: uuid })], ['ZDR004'])).toEqual([]);
    expect(check([project({})], ['ZDR004'])).toEqual([]);
    expect(check([managed({ forceLoginOrgUUID: uuid })], ['ZDR004'])).toEqual([]);
  });

  it('checks the pinned organisation against --zdr-org-uuid, in a string or a list', () => {
    expect(
      check([managed({ forceLoginOrgUUID: uuid.toUpperCase() })], ['ZDR005'], { zdrOrgUuid: uuid }),
    ).toEqual([]);
    expect(check([managed({ forceLoginOrgUUID: ['x', uuid] })], ['ZDR005'], { zdrOrgUuid: uuid })).toEqual(
      [],
    );
    expect(
      check([managed({ forceLoginOrgUUID: '00000000-0000-4000-8000-000000000000' })], ['ZDR005'], {
        zdrOrgUuid: uuid,
      }),
    ).toEqual([{ ruleId: 'ZDR005', file: 'managed-settings.json', line: 2, severity: 'error' }]);
    expect(check([managed({ forceLoginOrgUUID: 'anything' })], ['ZDR005'])).toEqual([]);
  });

  it('requires console or claudeai as the login method', () => {
    expect(check([managed({ forceLoginMethod: 'gateway' })], ['ZDR005'])).toEqual([
      { ruleId: 'ZDR005', file: 'managed-settings.json', line: 2, severity: 'error' },
    ]);
    expect(check([managed({ forceLoginMethod: 'claudeai' })], ['ZDR005'])).toEqual([]);
  });
});

describe('ZDR006', () => {
  it.each([
    ['https://api.anthropic.com', [], false],
    ['https://api.anthropic.com/', [], false],
    ['https://gw.corp.example/anthropic', ['https://gw.corp.example/anthropic'], false],
    ['https://gw.corp.example/anthropic/v1', ['https://gw.corp.example/anthropic/'], false],
    ['https://gw.corp.example/other', ['https://gw.corp.example/anthropic'], true],
    ['https://gw.corp.example.evil.net', ['https://gw.corp.example'], true],
    ['http://api.anthropic.com', [], true],
    ['https://api.anthropic.com.attacker.net', [], true],
    ['not a url', [], true],
  ])('%s with allowed %j: a finding %s', (url, allowed, fires) => {
    expect(check([project({ ANTHROPIC_BASE_URL: url })], ['ZDR006'], { allowedBaseUrls: allowed })).toEqual(
      fires ? [{ ruleId: 'ZDR006', file: '.claude/settings.json', line: 3, severity: 'warning' }] : [],
    );
  });

  it('never prints credentials in the URL', () => {
    const files = [
      project({ ANTHROPIC_BEDROCK_BASE_URL: 'https://user:hunter2hunter2@gw.example.net/x?token=abc' }),
    ];
    const [finding] = evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['zdr'],
      options: DEFAULTS,
    }).filter((f) => f.ruleId === 'ZDR006');
    expect(finding!.message).toContain('https://gw.example.net,');
    expect(finding!.message).not.toContain('hunter2');
    expect(finding!.message).not.toContain('token=abc');
  });
});

describe('ZDR007 and ZDR008', () => {
  it('flags retention above the ceiling', () => {
    expect(check([project({}, { cleanupPeriodDays: 31 })], ['ZDR007'])).toEqual([
      { ruleId: 'ZDR007', file: '.claude/settings.json', line: 3, severity: 'warning' },
    ]);
    expect(check([project({}, { cleanupPeriodDays: 30 })], ['ZDR007'])).toEqual([]);
    expect(check([project({}, { cleanupPeriodDays: 14 })], ['ZDR007'], { maxRetentionDays: 7 })).toEqual([
      { ruleId: 'ZDR007', file: '.claude/settings.json', line: 3, severity: 'warning' },
    ]);
  });

  it('notes MCP servers and enableAllProjectMcpServers', () => {
    const mcp = mcpFile('.mcp.json', json({ mcpServers: { a: { command: 'x' } } }));
    const empty = mcpFile('sub/.mcp.json', json({ mcpServers: {} }));
    expect(check([project({}, { enableAllProjectMcpServers: true }), mcp, empty], ['ZDR008'])).toEqual([
      { ruleId: 'ZDR008', file: '.claude/settings.json', line: 3, severity: 'notice' },
      { ruleId: 'ZDR008', file: '.mcp.json', line: 2, severity: 'notice' },
    ]);
  });
});

/** Every finding of the rules named, with the message and fix users read. */
const read = (files: ParsedFile[], only: string[], options: Partial<RuleOptions> = {}) =>
  evaluate({
    rules: RULES,
    files,
    skipped: [],
    scopes: resolveScopes(files),
    policies: [...POLICIES],
    options: { ...DEFAULTS, ...options },
  })
    .filter((f) => only.includes(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      severity: f.severity,
      message: f.message,
      fix: f.fix,
    }));

/** A workflow whose one step runs claude-code-action with these `env:` lines (the first on line 9). */
const actionWithEnv = (...env: string[]) =>
  loadFile(
    WF,
    [
      'on: [issue_comment]',
      'jobs:',
      '  claude:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      ...env.map((line) => `          ${line}`),
    ].join('\n') + '\n',
  );

describe('ZDR003: what a content switch reads as', () => {
  const unverified = (name: string) =>
    `${name} may export conversation content to an OpenTelemetry collector; its effect cannot be verified statically.`;
  const exports = (name: string) =>
    `${name} exports conversation content to an OpenTelemetry collector, outside Zero Data Retention.`;
  const remove = (name: string) => `Remove ${name} from \`${WF}\`.`;

  it('warns that a switch set from an expression may export, with OTel on', () => {
    const files = [
      actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: "1"', 'OTEL_LOG_USER_PROMPTS: ${{ vars.PROMPTS }}'),
    ];
    expect(read(files, ['ZDR003'])).toEqual([
      {
        ruleId: 'ZDR003',
        file: WF,
        line: 9,
        severity: 'warning',
        message: unverified('OTEL_LOG_USER_PROMPTS'),
        fix: remove('OTEL_LOG_USER_PROMPTS'),
      },
    ]);
  });

  it('warns that a switch that is on may export when OTel is set from an expression', () => {
    const files = [
      actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: ${{ vars.OTEL }}', 'OTEL_LOG_USER_PROMPTS: "1"'),
    ];
    expect(read(files, ['ZDR003'])).toEqual([
      {
        ruleId: 'ZDR003',
        file: WF,
        line: 9,
        severity: 'warning',
        message: unverified('OTEL_LOG_USER_PROMPTS'),
        fix: remove('OTEL_LOG_USER_PROMPTS'),
      },
    ]);
  });

  it('reads OTEL_LOG_RAW_API_BODIES=file:<dir> as on, in any case and after blanks; "0" as off', () => {
    const files = [
      actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: "1"', 'OTEL_LOG_RAW_API_BODIES: " FILE:/tmp/bodies"'),
    ];
    expect(read(files, ['ZDR003'])).toEqual([
      {
        ruleId: 'ZDR003',
        file: WF,
        line: 9,
        severity: 'error',
        message: exports('OTEL_LOG_RAW_API_BODIES'),
        fix: remove('OTEL_LOG_RAW_API_BODIES'),
      },
    ]);
    expect(
      read([actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: "1"', 'OTEL_LOG_RAW_API_BODIES: "0"')], ['ZDR003']),
    ).toEqual([]);
  });

  it('does not know where a file: directory from an expression leads', () => {
    const files = [
      actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: "1"', 'OTEL_LOG_RAW_API_BODIES: file:${{ vars.DIR }}'),
    ];
    expect(read(files, ['ZDR003'])).toEqual([
      {
        ruleId: 'ZDR003',
        file: WF,
        line: 9,
        severity: 'warning',
        message: unverified('OTEL_LOG_RAW_API_BODIES'),
        fix: remove('OTEL_LOG_RAW_API_BODIES'),
      },
    ]);
  });

  it('reads file:<dir> as off for the other switches, which take only 1 or true', () => {
    const files = [
      actionWithEnv('CLAUDE_CODE_ENABLE_TELEMETRY: "1"', 'OTEL_LOG_USER_PROMPTS: file:/tmp/prompts'),
    ];
    expect(read(files, ['ZDR003'])).toEqual([]);
  });
});

describe('ZDR004 and ZDR005: the file to fix and the values compared', () => {
  const uuid = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';

  it('names the managed settings file the scope reads, wherever it lies, and the organisation given', () => {
    const files = [loadFile('deploy/managed-settings.json', '{}\n')];
    const message =
      'Login is not pinned to an organisation: forceLoginOrgUUID is not set, so sessions may use accounts outside your ZDR organisation.';
    expect(read(files, ['ZDR004'])).toEqual([
      {
        ruleId: 'ZDR004',
        file: 'deploy/managed-settings.json',
        line: 1,
        severity: 'warning',
        message,
        fix: 'Add `"forceLoginOrgUUID": "<your ZDR organisation UUID>"` to `deploy/managed-settings.json`.',
      },
    ]);
    expect(read(files, ['ZDR004'], { zdrOrgUuid: uuid })).toEqual([
      {
        ruleId: 'ZDR004',
        file: 'deploy/managed-settings.json',
        line: 1,
        severity: 'warning',
        message,
        fix: `Add \`"forceLoginOrgUUID": "${uuid}"\` to \`deploy/managed-settings.json\`.`,
      },
    ]);
  });

  it('accepts the organisation with blanks around it, and reports a value that is no string (beside CFG002)', () => {
    expect(
      read([loadFile('managed-settings.json', json({ forceLoginOrgUUID: ` ${uuid} ` }))], ['ZDR005'], {
        zdrOrgUuid: uuid,
      }),
    ).toEqual([]);
    expect(
      read([loadFile('managed-settings.json', json({ forceLoginOrgUUID: 12345 }))], ['ZDR005', 'CFG002'], {
        zdrOrgUuid: uuid,
      }),
    ).toEqual([
      {
        ruleId: 'CFG002',
        file: 'managed-settings.json',
        line: 2,
        severity: 'error',
        message: 'forceLoginOrgUUID must be an organisation UUID string or a list of them (found a number).',
        fix: 'In managed-settings.json, set forceLoginOrgUUID to an organisation UUID string or a list of them.',
      },
      {
        ruleId: 'ZDR005',
        file: 'managed-settings.json',
        line: 2,
        severity: 'error',
        message: `forceLoginOrgUUID does not contain the ZDR organisation ${uuid}.`,
        fix: `Set \`"forceLoginOrgUUID": "${uuid}"\` in \`managed-settings.json\`.`,
      },
    ]);
  });
});

describe('ZDR006: which base URLs are allowed', () => {
  const base = (url: string) => [project({ ANTHROPIC_BASE_URL: url })];
  const finding = (shown: string) => ({
    ruleId: 'ZDR006',
    file: '.claude/settings.json',
    line: 3,
    severity: 'warning',
    message: `ANTHROPIC_BASE_URL sends API traffic to ${shown}, which is neither https://api.anthropic.com nor an allowed base URL.`,
    fix: 'Remove ANTHROPIC_BASE_URL from `.claude/settings.json`, or, if your organisation operates that gateway under ZDR, allow it with `--allowed-base-url` (`allowed-base-urls` in the config file or the Action).',
  });

  it('says nothing about an empty or blank base URL', () => {
    expect(read(base(''), ['ZDR006'])).toEqual([]);
    expect(read(base('  '), ['ZDR006'])).toEqual([]);
  });

  it('reads the first-party API with a no-break space pasted after it as the first-party API', () => {
    expect(read(base('https://api.anthropic.com\u00a0'), ['ZDR006'])).toEqual([]);
  });

  it('skips an allowed entry that is no URL, which allows nothing', () => {
    expect(read(base('https://evil.example'), ['ZDR006'], { allowedBaseUrls: ['not a url'] })).toEqual([
      finding('https://evil.example'),
    ]);
    expect(
      read(base('https://gw.corp.example/v1'), ['ZDR006'], {
        allowedBaseUrls: ['not a url', 'https://gw.corp.example'],
      }),
    ).toEqual([]);
  });

  it('lets an allowed path end in several slashes', () => {
    expect(
      read(base('https://gw.corp.example/anthropic/v1'), ['ZDR006'], {
        allowedBaseUrls: ['https://gw.corp.example/anthropic//'],
      }),
    ).toEqual([]);
  });

  it('matches nothing with an entry that has no host (localhost:8080 reads as a scheme)', () => {
    expect(read(base('attacker.example:8080'), ['ZDR006'], { allowedBaseUrls: ['localhost:8080'] })).toEqual([
      finding('a value that is not an http(s) URL'),
    ]);
    expect(read(base('evil:'), ['ZDR006'], { allowedBaseUrls: ['gateway:'] })).toEqual([
      finding('a value that is not an http(s) URL'),
    ]);
  });
});

describe('ZDR007: the file to fix and the values read', () => {
  it('puts the missing setting in the project settings file when only the local one exists', () => {
    const files = [settingsFile('.claude/settings.local.json', 'local', '{}\n')];
    expect(read(files, ['ZDR007'], { maxRetentionDays: 7 })).toEqual([
      {
        ruleId: 'ZDR007',
        file: '.claude/settings.local.json',
        line: 1,
        severity: 'warning',
        message:
          'cleanupPeriodDays is not set: Claude Code keeps local transcripts 30 days by default, longer than the 7-day ceiling.',
        fix: 'Add `"cleanupPeriodDays": 7` to `.claude/settings.json`.',
      },
    ]);
  });

  it('leaves a value that is no number to CFG002', () => {
    expect(
      read([loadFile('.claude/settings.json', json({ cleanupPeriodDays: '90' }))], ['ZDR007', 'CFG002']),
    ).toEqual([
      {
        ruleId: 'CFG002',
        file: '.claude/settings.json',
        line: 2,
        severity: 'error',
        message: 'cleanupPeriodDays must be a whole number of at least 1 (found a string).',
        fix: 'In .claude/settings.json, write the number without quotes as the value of cleanupPeriodDays.',
      },
    ]);
  });
});

describe('ZDR008: the servers an .mcp.json declares', () => {
  const servers = (...names: string[]) => ({
    mcpServers: Object.fromEntries(names.map((n) => [n, { command: n }])),
  });
  const notice = (file: string, message: string) => ({
    ruleId: 'ZDR008',
    file,
    line: 2,
    severity: 'notice',
    message,
    fix: `Check that every server in \`${file}\` is cleared by your organisation, and remove the others.`,
  });

  it('names up to five servers, and says when there are more', () => {
    const files = [
      mcpFile('.mcp.json', json(servers('a', 'b', 'c', 'd', 'e', 'f'))),
      mcpFile('five/.mcp.json', json(servers('a', 'b', 'c', 'd', 'e'))),
      mcpFile('one/.mcp.json', json(servers('docs'))),
    ];
    expect(read(files, ['ZDR008'])).toEqual([
      notice(
        '.mcp.json',
        '6 MCP servers declared ("a", "b", "c", "d", "e", …): their traffic is not covered by ZDR.',
      ),
      notice(
        'five/.mcp.json',
        '5 MCP servers declared ("a", "b", "c", "d", "e"): their traffic is not covered by ZDR.',
      ),
      notice('one/.mcp.json', '1 MCP server declared ("docs"): their traffic is not covered by ZDR.'),
    ]);
  });

  it('says nothing about a file that declares no servers, whatever it holds', () => {
    const files = [
      mcpFile('null/.mcp.json', 'null\n'),
      mcpFile('text/.mcp.json', '"servers"\n'),
      mcpFile('none/.mcp.json', '{}\n'),
      mcpFile('nulls/.mcp.json', '{ "mcpServers": null }\n'),
      mcpFile('string/.mcp.json', '{ "mcpServers": "abc" }\n'),
    ];
    expect(read(files, ['ZDR008'])).toEqual([]);
  });
});

describe('SEC001', () => {
  // Built at run time so that no key-shaped literal sits in the repository.
  const anthropicKey = ['sk', 'ant', 'api03', 'Q3v9Xk2LmN8pR4tW7yZ1aB5cD6eF0gH'].join('-');

  it('flags credential variables and key-shaped values, never placeholders', () => {
    const env = dotenvFile(
      '.env',
      [
        'ANTHROPIC_API_KEY=Zq7vR2mK9pL4xT8wN3bYc6',
        'ANTHROPIC_AUTH_TOKEN=${ANTHROPIC_AUTH_TOKEN}',
        'CLAUDE_CODE_OAUTH_TOKEN=your-token-here',
        'AWS_BEARER_TOKEN_BEDROCK=short',
        `SOME_OTHER=${anthropicKey}`,
        'ANTHROPIC_FOUNDRY_API_KEY=<your key>',
        'ANTHROPIC_AWS_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx',
        'ANTHROPIC_API_KEY_2=changeme',
      ].join('\n'),
    );
    const settings = project(
      { ANTHROPIC_API_KEY: 'Zq7vR2mK9pL4xT8wN3bYc6', OTHER: '${{ secrets.KEY }}' },
      { apiKeyHelper: `echo ${anthropicKey}` },
    );
    expect(check([env, settings], ['SEC001'])).toEqual([
      { ruleId: 'SEC001', file: '.claude/settings.json', line: 3, severity: 'error' },
      { ruleId: 'SEC001', file: '.claude/settings.json', line: 6, severity: 'error' },
      { ruleId: 'SEC001', file: '.env', line: 1, severity: 'error' },
      { ruleId: 'SEC001', file: '.env', line: 5, severity: 'error' },
    ]);
  });

  it('finds keys in files that do not parse, and never prints them', () => {
    const broken = settingsFile(
      '.claude/settings.json',
      'project',
      `{\n  // comment\n  "env": { "ANTHROPIC_API_KEY": "${anthropicKey}" }\n}\n`,
    );
    const files = [broken];
    const findings = evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: [...POLICIES],
      options: DEFAULTS,
    });
    expect(findings.filter((f) => f.ruleId === 'SEC001').map((f) => f.line)).toEqual([3]);
    expect(JSON.stringify(findings)).not.toContain(anthropicKey.slice(7));
  });

  it('finds a credential-named value in a settings file that does not parse', () => {
    const broken = settingsFile(
      '.claude/settings.json',
      'project',
      '{\n  // comment\n  "env": { "ANTHROPIC_AUTH_TOKEN": "Pq3Lw8Zr5Tn2Kd7Xv4Hm9B" }\n}\n',
    );
    expect(check([broken], ['SEC001'])).toEqual([
      { ruleId: 'SEC001', file: '.claude/settings.json', line: 3, severity: 'error' },
    ]);
  });

  it('treats key-shaped placeholders as placeholders', () => {
    const env = dotenvFile(
      '.env.example',
      [
        'ANTHROPIC_API_KEY=sk-ant-xxxxxxxxxxxxxxxx',
        'ANTHROPIC_AUTH_TOKEN=sk-ant-api03-xxxxxxxxxxxx',
        'CLAUDE_CODE_OAUTH_TOKEN=Testing4Real9Xk2LmN8pR4',
      ].join('\n'),
    );
    expect(check([env], ['SEC001'])).toEqual([
      { ruleId: 'SEC001', file: '.env.example', line: 3, severity: 'error' },
    ]);
  });
});

describe('messages never print a secret', () => {
  it.each([
    ['Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx', 'a value that is not a URL'],
    ['https://gw.example.net/t/Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx/v1', 'https://gw.example.net'],
    ['https://user:Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx@gw.example.net:8443/?k=1', 'https://gw.example.net:8443'],
    // A scheme without an origin (WHATWG URL gives "null"): nothing of it is shown, user info least of all.
    ['grpc://user:Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx@gw.example.net:443', 'a value that is not an http(s) URL'],
    ['socks5://Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx@proxy.example.net', 'a value that is not an http(s) URL'],
  ])('ZDR006 shows only the origin of %s', (url, shown) => {
    const files = [project({ ANTHROPIC_BASE_URL: url })];
    const [finding] = evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['zdr'],
      options: DEFAULTS,
    }).filter((f) => f.ruleId === 'ZDR006');
    expect(finding!.message).toBe(
      `ANTHROPIC_BASE_URL sends API traffic to ${shown}, which is neither https://api.anthropic.com nor an allowed base URL.`,
    );
    expect(JSON.stringify(finding)).not.toContain('Pq3Lw8Zr5Tn2Kd7Xv4Hm9Bq7Lx');
  });
});

describe('NET003 scope', () => {
  it('leaves presence-only variables that do not control traffic alone', () => {
    expect(check([project({ IS_DEMO: '0', CLAUDE_CODE_TMUX_TRUECOLOR: 'false' })], ['NET003'])).toEqual([]);
  });
});

describe('the order of findings (SPEC §3)', () => {
  it('is file, line, column, then rule id; findings without a file last, equal ones kept as they were', () => {
    const at = (ruleId: string, file: string | null, line: number, column: number) =>
      ({ ruleId, file, line, column }) as Parameters<typeof compareFindings>[0];
    const findings = [
      at('ZDR001', null, 1, 1),
      at('NET002', 'b.env', 1, 1),
      at('NET003', 'a.env', 2, 1),
      at('NET002', 'a.env', 1, 5),
      at('NET003', 'a.env', 1, 5),
      at('CFG005', 'a.env', 1, 5),
      at('NET001', 'a.env', 1, 2),
      at('ZDR001', 'b.env', 1, 1),
    ];
    const sorted = [...findings].sort(compareFindings);
    expect(sorted.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual([
      'NET001 a.env:1:2',
      'CFG005 a.env:1:5',
      'NET002 a.env:1:5',
      'NET003 a.env:1:5',
      'NET003 a.env:2:1',
      'NET002 b.env:1:1',
      'ZDR001 b.env:1:1',
      'ZDR001 null:1:1',
    ]);
    expect(compareFindings(findings[1]!, findings[1]!)).toBe(0);
    expect(compareFindings(findings[7]!, findings[1]!)).toBeGreaterThan(0);
    expect(compareFindings(findings[1]!, findings[7]!)).toBeLessThan(0);
  });
});

describe('SEC001: what stands for a credential rather than being one', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['${{ secrets.ANTHROPIC_API_KEY }}', true],
    ['key-${{ secrets.K }}', true],
    ['${{ a', false],
    ['${ANTHROPIC_KEY}', true],
    ['$ANTHROPIC_KEY', true],
    ['$ANTHROPIC KEY', false],
    ['a}${b', false],
    ['a}b', false],
    ['Zq7vR2mK}9pL4xT8w', false],
    ['<your key>', true],
    ['<a>b', false],
    ['sk-ant-api03-xxxxxxxx', true],
    ['sk-ant-test_123', true],
    ['sk-ant-oat01-...', true],
    ['sk-ant-admin01-…', true],
    ['********', true],
    ['sk-ant-00000000', true],
    ['aab', false],
    ['a', false],
    ['sk-ant-EXAMPLE-key', true],
    ['sk-ant-api03-Qm7vX2pL9kR4tY8wZ1bN6cJ3hF5dS0aE', false],
    // Two of one character is a run; trimmed first, then read whole (a reference, a <…> slot) or after the prefix.
    ['aa', true],
    [' $ANTHROPIC_KEY ', true],
    ['key$ANTHROPIC_KEY', false],
    ['key<your key>', false],
    ['Zsk-ant-Z', false],
    ['sk-ant-oat01-xxxxxxxx', true],
    ['sk-ant-admin01-xxxxxxxx', true],
    ['sk-ant-xxxxQm7vX2pL9kR4', true],
    ['sk-ant-test', true],
    ['sk-ant-api03-Qm7vX2pL9kR4-test', false],
  ])('%j is a placeholder: %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe('SEC001: the message names the variable or where the key sits, and the file', () => {
  const anthropicKey = ['sk', 'ant', 'api03', 'Q3v9Xk2LmN8pR4tW7yZ1aB5cD6eF0gH'].join('-');
  const sec001 = (files: Parameters<typeof findingsOf>[0]) =>
    evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['hygiene'],
      options: DEFAULTS,
    })
      .filter((f) => f.ruleId === 'SEC001')
      .map((f) => [`${f.file}:${f.line}:${f.column}`, f.message]);

  it('names a credential variable, or the variable an Anthropic key sits in, in an env file', () => {
    const env = dotenvFile('.env', `ANTHROPIC_API_KEY=Zq7vR2mK9pL4xT8wN3bYc6\nSOME_OTHER=${anthropicKey}\n`);
    const [first] = evaluate({
      rules: RULES,
      files: [env],
      skipped: [],
      scopes: [],
      policies: ['hygiene'],
      options: DEFAULTS,
    });
    expect(first!.fix).toBe(
      'Rotate the credential now, remove it from `.env`, and supply it at run time (a CI secret or the shell environment).',
    );
    expect(sec001([env])).toEqual([
      ['.env:1:1', 'ANTHROPIC_API_KEY is committed in plain text in `.env`.'],
      ['.env:2:1', 'An Anthropic key (in SOME_OTHER) is committed in plain text in `.env`.'],
    ]);
  });

  it('names the property of a key in JSON', () => {
    const settings = project(
      { ANTHROPIC_AUTH_TOKEN: 'Pq3Lw8Zr5Tn2Kd7Xv4Hm9B' },
      { apiKeyHelper: `echo ${anthropicKey}` },
    );
    expect(sec001([settings])).toEqual([
      [
        '.claude/settings.json:3:5',
        'ANTHROPIC_AUTH_TOKEN is committed in plain text in `.claude/settings.json`.',
      ],
      [
        '.claude/settings.json:5:3',
        'An Anthropic key (in "apiKeyHelper") is committed in plain text in `.claude/settings.json`.',
      ],
    ]);
  });

  it('quotes a property name as JSON writes it', () => {
    const settings = project({}, { 'helper "a"': `echo ${anthropicKey}` });
    expect(sec001([settings])).toEqual([
      [
        '.claude/settings.json:3:3',
        'An Anthropic key (in "helper \\"a\\"") is committed in plain text in `.claude/settings.json`.',
      ],
    ]);
  });

  it('finds a key among the strings of a list, at its own line', () => {
    const mcp = mcpFile(
      '.mcp.json',
      json({ mcpServers: { a: { command: 'x', args: ['--api-key', anthropicKey, 'sk-ant-xxxxxxxxxxxx'] } } }),
    );
    expect(sec001([mcp])).toEqual([
      ['.mcp.json:7:9', 'An Anthropic key is committed in plain text in `.mcp.json`.'],
    ]);
  });

  it("gives a settings file's finding its scope, and a finding in any other file none", () => {
    const settings = project({ ANTHROPIC_API_KEY: 'Zq7vR2mK9pL4xT8wN3bYc6' });
    // A dev container is a scope that reads its own file; a committed key there is still the file's, not the scope's.
    const devcontainer = loadFile(
      '.devcontainer/devcontainer.json',
      json({ containerEnv: { ANTHROPIC_API_KEY: 'abcdefghijklmnopqrstuvwxyz012345' } }),
    );
    // A settings file that no scope reads (one only a workflow step could name).
    const action = settingsFile(
      'ci/claude.json',
      'action',
      json({ env: { ANTHROPIC_API_KEY: anthropicKey } }),
    );
    const files = [settings, devcontainer, action];
    expect(resolveScopes(files).map((s) => [s.id, s.files])).toEqual([
      ['.', ['.claude/settings.json']],
      ['.devcontainer/devcontainer.json', ['.devcontainer/devcontainer.json', '.claude/settings.json']],
    ]);
    expect(
      evaluate({
        rules: RULES,
        files,
        skipped: [],
        scopes: resolveScopes(files),
        policies: ['hygiene'],
        options: DEFAULTS,
      })
        .filter((f) => f.ruleId === 'SEC001')
        .map((f) => [`${f.file}:${f.line}`, f.scope, f.scopes]),
    ).toEqual([
      ['.claude/settings.json:3', '.', ['.']],
      ['.devcontainer/devcontainer.json:3', null, []],
      ['ci/claude.json:3', null, []],
    ]);
  });

  it('counts 16 characters after trimming for a credential variable', () => {
    const settings = project({
      ANTHROPIC_API_KEY: 'Zq7vR2mK9pL4xT8w',
      ANTHROPIC_AUTH_TOKEN: '  Zq7vR2mK9pL4xT8  ',
    });
    expect(sec001([settings])).toEqual([
      [
        '.claude/settings.json:3:5',
        'ANTHROPIC_API_KEY is committed in plain text in `.claude/settings.json`.',
      ],
    ]);
  });

  it('in a file that does not parse: one finding per line, named or not, and never for a placeholder', () => {
    const broken = settingsFile(
      '.claude/settings.json',
      'project',
      [
        '{',
        `  // old: ${anthropicKey}`,
        '  "env": { "ANTHROPIC_API_KEY": "${ANTHROPIC_API_KEY}", "X": "sk-ant-xxxxxxxxxxxx" },',
        `  "apiKeyHelper": "echo ${anthropicKey}", "ANTHROPIC_AUTH_TOKEN": "Pq3Lw8Zr5Tn2Kd7Xv4Hm9B"`,
        '  "CLAUDE_CODE_OAUTH_TOKEN": "${{secrets.CLAUDE_CODE_OAUTH_TOKEN}}",',
        "  'ANTHROPIC_FOUNDRY_API_KEY': '  Zq7vR2mK 9pL4xT8w  ',",
        "  'ANTHROPIC_API_KEY': '${ANTHROPIC_API_KEY}',",
        '  "AWS_BEARER_TOKEN_BEDROCK": "bedrocktokenvalue0123456789',
        '}',
      ].join('\n'),
    );
    expect(sec001([broken])).toEqual([
      [
        '.claude/settings.json:2:11',
        'An Anthropic key is committed in plain text in `.claude/settings.json`.',
      ],
      [
        '.claude/settings.json:4:72',
        'ANTHROPIC_AUTH_TOKEN is committed in plain text in `.claude/settings.json`.',
      ],
      [
        '.claude/settings.json:6:3',
        'ANTHROPIC_FOUNDRY_API_KEY is committed in plain text in `.claude/settings.json`.',
      ],
      [
        '.claude/settings.json:8:3',
        'AWS_BEARER_TOKEN_BEDROCK is committed in plain text in `.claude/settings.json`.',
      ],
    ]);
  });
});

describe('SEC001: a key used as a name', () => {
  const key = (tail: string) => ['sk', 'ant', 'api03', `${tail}Q3v9Xk2LmN8pR4tW7yZ1`].join('-');
  const sec001 = (files: Parameters<typeof findingsOf>[0]) =>
    evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: [],
      policies: ['hygiene'],
      options: DEFAULTS,
    })
      .filter((f) => f.ruleId === 'SEC001')
      .map((f) => [`${f.file}:${f.line}:${f.column}`, f.message, f.fix]);

  it('is reported as a key and never printed, in JSON, env files and Compose services', () => {
    const fix = (file: string) =>
      `Rotate the credential now, remove it from \`${file}\`, and supply it at run time (a CI secret or the shell environment).`;
    const mcp = mcpFile('.mcp.json', json({ [key('A')]: key('B'), [key('C')]: 'the owner' }));
    const env = dotenvFile('.env', `${key('D')}=${key('E')}\n`);
    const compose = loadFile(
      'compose.yaml',
      [
        'services:',
        '  agent:',
        '    image: node:20',
        '    environment:',
        `      ${key('F')}: ${key('G')}`,
      ].join('\n'),
    );
    const found = sec001([mcp, env, compose]);
    expect(found).toEqual([
      ['.env:1:1', 'An Anthropic key is committed in plain text in `.env`.', fix('.env')],
      ['.mcp.json:2:3', 'An Anthropic key is committed in plain text in `.mcp.json`.', fix('.mcp.json')],
      ['.mcp.json:3:3', 'An Anthropic key is committed in plain text in `.mcp.json`.', fix('.mcp.json')],
      [
        'compose.yaml:5:7',
        'An Anthropic key is committed in plain text in `compose.yaml`.',
        fix('compose.yaml'),
      ],
    ]);
    expect(JSON.stringify(found)).not.toContain('Q3v9Xk2LmN8pR4tW7yZ1');
  });
});

describe('SEC001 in Dockerfiles and Compose files', () => {
  const anthropicKey = ['sk', 'ant', 'api03', 'Q3v9Xk2LmN8pR4tW7yZ1aB5cD6eF0gH'].join('-');
  const sec001 = (files: Parameters<typeof findingsOf>[0]) =>
    evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['hygiene'],
      options: DEFAULTS,
    })
      .filter((f) => f.ruleId === 'SEC001')
      .map((f) => [`${f.file}:${f.line}:${f.column}`, f.message]);

  it('reports a value baked into an image, not a placeholder or a value built from a variable', () => {
    const dockerfile = loadFile(
      'Dockerfile',
      [
        'FROM node:20',
        'ARG ANTHROPIC_AUTH_TOKEN=changeme-changeme-changeme',
        'ENV ANTHROPIC_API_KEY=Zq7vR2mK9pL4xT8wN3bYc6',
        'ENV CLAUDE_CODE_OAUTH_TOKEN=prefix-$OAUTH_TOKEN_FROM_BUILD',
        `ENV OTHER=${anthropicKey}`,
      ].join('\n'),
    );
    expect(sec001([dockerfile])).toEqual([
      ['Dockerfile:3:5', 'ANTHROPIC_API_KEY is committed in plain text in `Dockerfile`.'],
      ['Dockerfile:5:5', 'An Anthropic key (in OTHER) is committed in plain text in `Dockerfile`.'],
    ]);
  });

  it("reports a service's environment the same way", () => {
    const compose = loadFile(
      'compose.yaml',
      [
        'services:',
        '  agent:',
        '    image: node:20',
        '    environment:',
        '      ANTHROPIC_API_KEY: Zq7vR2mK9pL4xT8wN3bYc6',
        '      ANTHROPIC_AUTH_TOKEN: <your token>',
        '      CLAUDE_CODE_OAUTH_TOKEN: oauth-$TOKEN_FROM_THE_HOST',
        `      OTHER: ${anthropicKey}`,
      ].join('\n'),
    );
    expect(sec001([compose])).toEqual([
      ['compose.yaml:5:7', 'ANTHROPIC_API_KEY is committed in plain text in `compose.yaml`.'],
      ['compose.yaml:8:7', 'An Anthropic key (in OTHER) is committed in plain text in `compose.yaml`.'],
    ]);
  });
});
