// Claude Code in CI: workflow parsing with exact positions, the workflow scope's effective configuration, and the
// rules on it. Whole-pipeline cases (a settings file named by path, read from disk) live in test/fixtures/*/ci-*.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { referencedSettingsPaths, resolveInRepository, workflowRoot } from '../src/scope/ci-scopes.js';
import { classify } from '../src/discover/discover.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { ParsedFile, WorkflowFile } from '../src/parse/files.js';
import { isClaudeAction, parseWorkflow, scalarOffsets } from '../src/parse/workflow.js';
import { parseLoaded } from '../src/parse/parse-files.js';
import { resolveScopes } from '../src/scope/scope.js';
import { createSourceFile } from '../src/discover/source.js';
import { RULES } from '../src/rules/index.js';
import { findingsOf } from './support/files.js';
import { useTempTrees } from './support/cli.js';
import type { Discovery, LoadedFile } from '../src/discover/discover.js';
import type { SkippedFile } from '../src/parse/files.js';
import { loadReferencedSettings, withReferencedSettings } from '../src/scope/referenced-settings.js';

const WF = '.github/workflows/claude.yml';

/** Lines joined with \n and a final newline: line N of the file is argument N. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

function load(path: string, text: string, candidate = classify(path)): ParsedFile {
  const parsed = parseLoaded({ candidate: candidate!, source: createSourceFile(path, text) });
  if (parsed === undefined) throw new Error(`not a candidate: ${path}`);
  return parsed;
}

function workflow(text: string, path = WF): WorkflowFile {
  return load(path, text) as WorkflowFile;
}

const findings = (files: ParsedFile[], only?: string[]) => findingsOf(files, only);

const POLICY_RULES = RULES.filter((r) => !r.policies.includes('hygiene')).map((r) => r.id);

/** A step with nothing configured: checkout on line 6, Claude's `uses:` on line 7. */
const BARE = lines(
  'name: Claude',
  'on: [issue_comment]',
  'jobs:',
  '  claude:',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: anthropics/claude-code-action@v1',
  '        with:',
  '          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
);

describe('which steps run Claude Code', () => {
  it.each([
    ['anthropics/claude-code-action@v1', true],
    ['anthropics/claude-code-action@beta', true],
    ['anthropics/claude-code-action@6b082c41935b4c8a3b8b0ef85ba4ba4d9eeb8975', true],
    ['Anthropics/Claude-Code-Action@main', true],
    ['anthropics/claude-code-base-action@v0.0.63', true],
    ['anthropics/claude-code-action/base-action@v1', true],
    ['anthropics/claude-code-action', true],
    ['anthropics/claude-code-actions@v1', false],
    ['someone/claude-code-action@v1', false],
    ['anthropics/claude-code-action/other@v1', false],
    ['actions/checkout@v4', false],
    ['./.github/actions/claude', false],
  ])('%s → %s', (uses, expected) => {
    expect(isClaudeAction(uses)).toBe(expected);
  });

  it('makes one scope per Claude step, named by job and 0-based step index', () => {
    const scopes = resolveScopes([workflow(BARE)]);
    expect(scopes.map((s) => ({ id: s.id, kind: s.kind, files: s.files, anchor: s.anchor.line }))).toEqual([
      { id: `${WF}#jobs.claude.steps[1]`, kind: 'workflow', files: [WF], anchor: 7 },
    ]);
    expect(scopes[0]!.fix).toEqual({
      file: WF,
      syntax: 'yaml',
      where: `under the step's \`env:\` in \`${WF}\``,
      step: { job: 'claude', index: 1 },
    });
  });

  it('skips reusable-workflow jobs, steps without uses, other actions and non-map steps; a run: that starts Claude Code counts', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  call:',
      '    uses: anthropics/claude-code-action/.github/workflows/x.yml@v1',
      '  build:',
      '    strategy:',
      '      matrix:',
      '        provider: [bedrock, vertex]',
      '    steps:',
      '      - run: claude -p "hello"',
      '      - name: just a name',
      '      - some string',
      '      - uses: actions/setup-node@v4',
      '        with: { node-version: 20 }',
      '      - uses: anthropics/claude-code-action@v1',
    );
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.ok).toBe(true);
    expect(parsed.claudeSteps.map((s) => [s.kind, s.path, s.usesSpan.line])).toEqual([
      ['run', 'jobs.build.steps[0]', 10],
      ['action', 'jobs.build.steps[4]', 15],
    ]);
  });
});

describe('a run: step that starts Claude Code by its path', () => {
  it('is a Claude step, and NET001 points at the command', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: curl -fsSL https://claude.ai/install.sh | bash',
      '      - run: ~/.local/bin/claude -p "review"',
    );
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.claudeSteps.map((s) => [s.kind, s.path, s.usesSpan.line, s.usesSpan.column])).toEqual([
      ['run', 'jobs.review.steps[1]', 7, 14],
    ]);
    expect(findings([workflow(text)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: WF, line: 7, severity: 'error' },
    ]);
  });
});

describe('a run: step that starts Claude Code as another user', () => {
  it('is a Claude step after sudo and its options', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          npm i -g @anthropic-ai/claude-code',
      '          sudo -u runner -E claude -p "review"',
    );
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.claudeSteps.map((s) => [s.kind, s.path, s.usesSpan.line, s.usesSpan.column])).toEqual([
      ['run', 'jobs.review.steps[0]', 8, 29],
    ]);
    expect(findings([workflow(text)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: WF, line: 8, severity: 'error' },
    ]);
  });
});

describe("a run: step's working directory", () => {
  const QUIET = '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n';
  const job = (...tail: string[]) =>
    workflow(lines('on: push', 'jobs:', '  review:', '    runs-on: ubuntu-latest', ...tail));
  const scopeFiles = (files: ParsedFile[]) =>
    resolveScopes(files)
      .filter((s) => s.kind === 'workflow')
      .map((s) => [s.id, s.files]);

  it("reads the project settings of the folder it starts in, not the repository root's", () => {
    const wf = job('    steps:', '      - run: claude -p "review"', '        working-directory: app');
    const files = [wf, load('.claude/settings.json', QUIET)];
    expect(findings(files, ['NET001'])).toEqual([{ ruleId: 'NET001', file: WF, line: 6, severity: 'error' }]);
    expect(scopeFiles(files)).toEqual([[`${WF}#jobs.review.steps[0]`, [WF]]]);
    const quiet = [wf, load('app/.claude/settings.json', QUIET)];
    expect(findings(quiet, ['NET001'])).toEqual([]);
    expect(scopeFiles(quiet)).toEqual([[`${WF}#jobs.review.steps[0]`, [WF, 'app/.claude/settings.json']]]);
  });

  it('takes defaults.run.working-directory of the job, else of the workflow; the step wins over both', () => {
    const text = lines(
      'on: push',
      'defaults:',
      '  run:',
      '    working-directory: ./web/',
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: claude -p x',
      '  b:',
      '    defaults: { run: { working-directory: app } }',
      '    steps:',
      '      - run: claude -p x',
      '      - run: claude -p x',
      '        working-directory: ${{ github.workspace }}',
    );
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.claudeSteps.map((s) => [s.path, s.workingDirectory])).toEqual([
      ['jobs.a.steps[0]', { kind: 'path', path: './web/' }],
      ['jobs.b.steps[0]', { kind: 'path', path: 'app' }],
      ['jobs.b.steps[1]', { kind: 'path', path: '' }],
    ]);
    const files = [
      workflow(text),
      load('web/.claude/settings.json', QUIET),
      load('.claude/settings.json', QUIET),
    ];
    expect(scopeFiles(files)).toEqual([
      [`${WF}#jobs.a.steps[0]`, [WF, 'web/.claude/settings.json']],
      [`${WF}#jobs.b.steps[0]`, [WF]],
      [`${WF}#jobs.b.steps[1]`, [WF, '.claude/settings.json']],
    ]);
  });

  it('reads --settings from there, unless the path starts at the workspace', () => {
    // As loadReferencedSettings loads a file discovery left out.
    const named = (path: string) => load(path, QUIET, { path, kind: 'settings', role: 'action' });
    const wf = job(
      '    steps:',
      '      - run: claude -p x --settings ci.json',
      '        working-directory: app',
      '      - run: claude -p x --settings ${{github.workspace}}/ci.json',
      '        working-directory: app',
      '      - run: claude -p x --settings ../ci.json',
      '        working-directory: app',
      // GitHub substitutes the expression before the shell splits words: its blanks do not end the path.
      '      - run: claude -p x --settings ${{ github.workspace }}/ci.json --max-turns 2',
      '        working-directory: app',
    );
    expect(referencedSettingsPaths([wf], new Set())).toEqual(['app/ci.json', 'ci.json']);
    const files = [wf, named('app/ci.json'), named('ci.json')];
    expect(findings(files, ['NET001'])).toEqual([]);
    expect(scopeFiles(files)).toEqual([
      [`${WF}#jobs.review.steps[0]`, [WF, 'app/ci.json']],
      [`${WF}#jobs.review.steps[1]`, [WF, 'ci.json']],
      [`${WF}#jobs.review.steps[2]`, [WF, 'ci.json']],
      [`${WF}#jobs.review.steps[3]`, [WF, 'ci.json']],
    ]);
  });

  it('counts no project settings when the folder is known only at run time or lies outside the repository', () => {
    for (const directory of ['${{ matrix.dir }}', '$HOME/app', '..', '/srv/app']) {
      const wf = job('    steps:', '      - run: claude -p x', `        working-directory: ${directory}`);
      const files = [wf, load('.claude/settings.json', QUIET)];
      expect(findings(files, ['NET001'])).toEqual([
        { ruleId: 'NET001', file: WF, line: 6, severity: 'error' },
      ]);
      expect(scopeFiles(files)).toEqual([[`${WF}#jobs.review.steps[0]`, [WF]]]);
    }
  });

  it('does not move the action, which starts in the workspace', () => {
    const wf = job(
      '    defaults: { run: { working-directory: app } }',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
    );
    expect(parseWorkflow(wf.source).claudeSteps[0]!.workingDirectory).toBeUndefined();
    expect(findings([wf, load('.claude/settings.json', QUIET)], ['NET001'])).toEqual([]);
  });
});

describe('the done-when cases', () => {
  it('a bare step gives NET001 on its uses: line', () => {
    expect(findings([workflow(BARE)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: WF, line: 7, severity: 'error' },
    ]);
  });

  it('use_bedrock: "true" gives ZDR001 on that input line (and the provider turns the services off)', () => {
    const text = lines(
      'on: workflow_dispatch',
      'jobs:',
      '  analyze:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@6e2bd52842c65e914eba5c8badd17560bd26b5de # v1.0.89',
      '        with:',
      '          allowed_bots: "some-bot[bot]"',
      '          use_bedrock: "true"',
    );
    expect(findings([workflow(text)], ['ZDR001', 'NET001'])).toEqual([
      { ruleId: 'ZDR001', file: WF, line: 8, severity: 'error' },
    ]);
  });

  it('a job-level CLAUDE_CODE_ENABLE_TELEMETRY: "1" gives ZDR002 on that line', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    env:',
      '      CLAUDE_CODE_ENABLE_TELEMETRY: "1"',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
    );
    expect(findings([workflow(text)], ['ZDR002'])).toEqual([
      { ruleId: 'ZDR002', file: WF, line: 5, severity: 'error' },
    ]);
  });

  it('an inline settings input that sets the umbrella variable passes NET001', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: |',
      '            {',
      '              "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" }',
      '            }',
    );
    expect(findings([workflow(text)], ['NET001', 'NET002', 'NET004', 'CFG001'])).toEqual([]);
  });

  it('a settings file named by the input that sets the umbrella variable passes NET001', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: ./.github/claude/settings.json',
    );
    const named = load(
      '.github/claude/settings.json',
      '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n',
      { path: '.github/claude/settings.json', kind: 'settings', role: 'action' },
    );
    const files = [workflow(text), named];
    expect(findings(files, ['NET001'])).toEqual([]);
    expect(resolveScopes(files).map((s) => s.files)).toEqual([[WF, '.github/claude/settings.json']]);
  });

  it('a compliant root .claude/settings.json passes NET001 for the step', () => {
    const root = load(
      '.claude/settings.json',
      '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n',
    );
    const files = [workflow(BARE), root];
    expect(findings(files, ['NET001'])).toEqual([]);
    const step = resolveScopes(files).find((s) => s.kind === 'workflow')!;
    expect(step.files).toEqual([WF, '.claude/settings.json']);
  });

  it('a workflow without claude-code-action gives no policy finding', () => {
    const text = lines(
      'on: push',
      'env:',
      '  CLAUDE_CODE_ENABLE_TELEMETRY: "1"',
      '  CLAUDE_CODE_USE_BEDROCK: "1"',
      '  ANTHROPIC_BASE_URL: https://gateway.example.com',
      'jobs:',
      '  build:',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npx @anthropic-ai/claude-code --version',
    );
    const files = [workflow(text, '.github/workflows/ci.yml')];
    expect(resolveScopes(files)).toEqual([]);
    expect(findings(files, POLICY_RULES)).toEqual([]);
  });
});

describe('the workflow scope: precedence', () => {
  it('layers workflow, job and step env, step winning', () => {
    const text = lines(
      'on: push',
      'env:',
      '  DISABLE_AUTOUPDATER: "1"',
      '  ANTHROPIC_BASE_URL: https://one.example.com',
      'jobs:',
      '  a:',
      '    env:',
      '      ANTHROPIC_BASE_URL: https://two.example.com',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          ANTHROPIC_BASE_URL: https://api.anthropic.com',
      '          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: 1',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect([...scope!.env.values()].map((v) => [v.name, v.value, v.location.line])).toEqual([
      ['DISABLE_AUTOUPDATER', '1', 3],
      ['ANTHROPIC_BASE_URL', 'https://api.anthropic.com', 12],
      ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '1', 13],
    ]);
    // ZDR004 is a note outside managed scopes; NET005 stays (the umbrella does not stop the WebFetch preflight).
    expect(findings([workflow(text)], POLICY_RULES)).toEqual([
      { ruleId: 'NET005', file: WF, line: 10, severity: 'notice' },
    ]);
  });

  it('lets the use_* inputs decide the provider variables, replacing what env: says (action.yml sets them)', () => {
    const text = lines(
      'on: push',
      'env:',
      '  CLAUDE_CODE_USE_BEDROCK: "1"',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          CLAUDE_CODE_USE_FOUNDRY: "1"',
      '        with:',
      '          use_vertex: True',
      '          use_foundry: "false"',
      '          use_bedrock: "1"',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect([...scope!.env.values()].map((v) => [v.name, v.value, v.location.line])).toEqual([
      ['CLAUDE_CODE_USE_VERTEX', '1', 11],
    ]);
    expect(findings([workflow(text)], ['ZDR001'])).toEqual([
      { ruleId: 'ZDR001', file: WF, line: 11, severity: 'error' },
    ]);
  });

  it('reads the v0 claude_env lines over the env, each at its own line', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    env:',
      '      CLAUDE_CODE_ENABLE_TELEMETRY: "0"',
      '    steps:',
      '      - uses: anthropics/claude-code-action@beta',
      '        with:',
      '          claude_env: |',
      '            # comment lines and blank lines are skipped',
      '',
      '            CLAUDE_CODE_ENABLE_TELEMETRY: "1"',
      '            NODE_ENV: test',
      '            OTEL_LOG_USER_PROMPTS: 1',
    );
    const [scope] = resolveScopes([workflow(text)]);
    const env = scope!.env;
    expect(env.get('CLAUDE_CODE_ENABLE_TELEMETRY')).toMatchObject({
      value: '1',
      location: { line: 12, column: 13 },
    });
    expect(env.get('NODE_ENV')).toMatchObject({ value: 'test', location: { line: 13 } });
    expect(findings([workflow(text)], ['ZDR002', 'ZDR003'])).toEqual([
      { ruleId: 'ZDR002', file: WF, line: 12, severity: 'error' },
      { ruleId: 'ZDR003', file: WF, line: 14, severity: 'error' },
    ]);
  });

  it('applies the settings input over the environment, and the root project settings over both', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    env:',
      '      ANTHROPIC_BASE_URL: https://env.example.com',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      `          settings: '{"env": {"ANTHROPIC_BASE_URL": "https://input.example.com", "DISABLE_AUTOUPDATER": "1"}, "cleanupPeriodDays": 90}'`,
    );
    const project = load(
      '.claude/settings.json',
      lines(
        '{',
        '  "env": {',
        '    "ANTHROPIC_BASE_URL": "https://project.example.com"',
        '  },',
        '  "cleanupPeriodDays": 7',
        '}',
      ),
    );
    const files = [workflow(text), project];
    const step = resolveScopes(files).find((s) => s.kind === 'workflow')!;
    expect(step.env.get('ANTHROPIC_BASE_URL')!.location).toMatchObject({
      file: '.claude/settings.json',
      line: 3,
    });
    expect(step.env.get('DISABLE_AUTOUPDATER')!.location).toMatchObject({ file: WF, line: 9, column: 82 });
    expect(step.settings.get('cleanupPeriodDays')).toMatchObject({
      value: 7,
      location: { file: '.claude/settings.json', line: 5 },
    });
    // Without the project file, the input's values apply, at their columns on line 9.
    const alone = resolveScopes([workflow(text)])[0]!;
    expect(alone.env.get('ANTHROPIC_BASE_URL')).toMatchObject({
      value: 'https://input.example.com',
      location: { line: 9, column: 31 },
    });
    expect(findings([workflow(text)], ['ZDR007'])).toEqual([
      { ruleId: 'ZDR007', file: WF, line: 9, severity: 'warning' },
    ]);
  });

  it('feeds settings keys from the input to the scope (ZDR005, ZDR007; no ZDR004 outside managed settings)', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: >',
      '            {"forceLoginOrgUUID": "11111111-2222-3333-4444-555555555555",',
      '             "forceLoginMethod": "gateway",',
      '             "cleanupPeriodDays": 365}',
    );
    const out = evaluate({
      rules: RULES,
      files: [workflow(text)],
      skipped: [],
      scopes: resolveScopes([workflow(text)]),
      policies: ['zdr'],
      options: {
        zdrOrgUuid: '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11',
        allowedBaseUrls: [],
        maxRetentionDays: 30,
      },
    }).filter((f) => ['ZDR004', 'ZDR005', 'ZDR007'].includes(f.ruleId));
    expect(out.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ['ZDR005', 8, 'error'],
      ['ZDR005', 9, 'error'],
      ['ZDR007', 10, 'warning'],
    ]);
  });
});

describe('the workflow scope: what each file and input contributes', () => {
  const step = (...extra: string[]) =>
    lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      ...extra,
    );

  it('layers the root .claude/settings.local.json over the shared file, as Claude Code in the checkout reads them', () => {
    const shared = load('.claude/settings.json', '{ "env": { "A": "shared", "B": "shared" } }\n');
    const local = load('.claude/settings.local.json', '{ "env": { "A": "local" } }\n');
    const scope = resolveScopes([workflow(step()), shared, local]).find((s) => s.kind === 'workflow')!;
    expect(scope.files).toEqual([WF, '.claude/settings.json', '.claude/settings.local.json']);
    expect([...scope.env.values()].map((v) => [v.name, v.value, v.location.file])).toEqual([
      ['A', 'local', '.claude/settings.local.json'],
      ['B', 'shared', '.claude/settings.json'],
    ]);
  });

  it('keeps the keys of an inline settings input as unmanaged settings, at their columns', () => {
    const scope = resolveScopes([
      workflow(step('        with:', `          settings: '{"cleanupPeriodDays": 90}'`)),
    ])[0]!;
    expect(scope.settings.get('cleanupPeriodDays')).toEqual({
      key: 'cleanupPeriodDays',
      value: 90,
      location: { file: WF, line: 7, column: 23, endLine: 7, endColumn: 46 },
      managed: false,
    });
  });

  it("records the action's enableAllProjectMcpServers: true on the uses: line, unmanaged", () => {
    const mcp = load('.mcp.json', '{ "mcpServers": { "docs": { "command": "npx" } } }\n');
    const scope = resolveScopes([workflow(step()), mcp]).find((s) => s.kind === 'workflow')!;
    expect(scope.settings.get('enableAllProjectMcpServers')).toEqual({
      key: 'enableAllProjectMcpServers',
      value: true,
      location: { file: WF, line: 5, column: 9, endLine: 5, endColumn: 47 },
      managed: false,
    });
  });

  it.each([
    ['null', false],
    ['[]', false],
    ['{ "mcpServers": null }', false],
    ['{ "mcpServers": "docs" }', false],
    ['{ "mcpServers": {} }', false],
    ['{ "mcpServers": [] }', false],
    ['{ "mcpServers": { "docs": {} } }', true],
  ])('takes .mcp.json %s for declaring project servers: %s', (text, declares) => {
    const scope = resolveScopes([workflow(step()), load('.mcp.json', `${text}\n`)]).find(
      (s) => s.kind === 'workflow',
    )!;
    expect(scope.settings.has('enableAllProjectMcpServers')).toBe(declares);
  });

  it('lets a run: step keep the provider variables its env sets: only the action replaces them from its inputs', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: claude -p "review"',
      '        env:',
      '          CLAUDE_CODE_USE_BEDROCK: "1"',
    );
    const mcp = load('.mcp.json', '{ "mcpServers": { "docs": { "command": "npx" } } }\n');
    const [scope] = resolveScopes([workflow(text), mcp]);
    expect([...scope!.env.values()].map((v) => [v.name, v.value, v.location.line])).toEqual([
      ['CLAUDE_CODE_USE_BEDROCK', '1', 7],
    ]);
    expect(scope!.settings.has('enableAllProjectMcpServers')).toBe(false);
    expect(findings([workflow(text)], ['ZDR001'])).toEqual([
      { ruleId: 'ZDR001', file: WF, line: 7, severity: 'error' },
    ]);
  });

  it('names the step a fix edits by its job and index, also past step 9', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  review:',
      '    steps:',
      ...Array.from({ length: 11 }, (_, i) => `      - run: echo ${i}`),
      '      - uses: anthropics/claude-code-action@v1',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect(scope!.id).toBe(`${WF}#jobs.review.steps[11]`);
    expect(scope!.fix).toEqual({
      file: WF,
      syntax: 'yaml',
      where: `under the step's \`env:\` in \`${WF}\``,
      step: { job: 'review', index: 11 },
    });
  });

  it.each([
    ['a\\nb', 'a\nb'],
    ['x\\njobs.y', 'x\njobs.y'],
    ['x.steps[5]\\ny', 'x.steps[5]\ny'],
  ])(
    'names no step to edit when the job id %s holds a line break (GitHub refuses such an id)',
    (written, job) => {
      const text = lines(
        'on: push',
        'jobs:',
        `  "${written}":`,
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
      );
      const [scope] = resolveScopes([workflow(text)]);
      expect(scope!.id).toBe(`${WF}#jobs.${job}.steps[0]`);
      expect(scope!.fix).toEqual({
        file: WF,
        syntax: 'yaml',
        where: `under the step's \`env:\` in \`${WF}\``,
      });
    },
  );

  it('does not take a file the step names at .claude/settings.json, read as its input, for the shared project file', () => {
    // What loadReferencedSettings makes when discovery left the file out: role `action`, not `project`.
    const named = load('.claude/settings.json', '{ "env": { "A": "1" } }\n', {
      path: '.claude/settings.json',
      kind: 'settings',
      role: 'action',
    });
    const [scope] = resolveScopes([
      workflow(step('        with:', '          settings: .claude/settings.json')),
      named,
    ]);
    expect(scope!.files).toEqual([WF, '.claude/settings.json']);
    expect(scope!.env.get('A')?.value).toBe('1');
    expect(scope!.anchor).toEqual({ file: WF, line: 5, column: 9, endLine: 5, endColumn: 47 });
    expect(scope!.fix).toEqual({
      file: WF,
      syntax: 'yaml',
      where: `under the step's \`env:\` in \`${WF}\``,
      step: { job: 'a', index: 0 },
    });
  });
});

describe('GitHub expressions', () => {
  const text = lines(
    'on: push',
    'jobs:',
    '  a:',
    '    strategy:',
    '      matrix:',
    '        telemetry: ["0", "1"]',
    '    env:',
    '      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: ${{ vars.QUIET }}',
    '      CLAUDE_CODE_ENABLE_TELEMETRY: ${{ matrix.telemetry }}',
    '      ANTHROPIC_BASE_URL: ${{ vars.GATEWAY }}',
    '    steps:',
    '      - uses: anthropics/claude-code-action@v1',
    '        with:',
    '          use_vertex: ${{ inputs.vertex }}',
    '          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
  );

  it('counts an expression as set for a presence-only variable, so NET001, NET002 and NET004 pass', () => {
    expect(findings([workflow(text)], ['NET001', 'NET002', 'NET003', 'NET004'])).toEqual([]);
  });

  it('turns verdicts that depend on an expression into warnings that say so', () => {
    const out = evaluate({
      rules: RULES,
      files: [workflow(text)],
      skipped: [],
      scopes: resolveScopes([workflow(text)]),
      policies: ['zdr'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    }).filter((f) => ['ZDR001', 'ZDR002', 'ZDR006'].includes(f.ruleId));
    expect(out.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ['ZDR002', 9, 'warning'],
      ['ZDR006', 10, 'warning'],
      ['ZDR001', 14, 'warning'],
    ]);
    for (const finding of out) expect(finding.message).toContain('cannot be verified statically');
  });

  it('counts an expression after other text as unknown too: step env, provider input and claude_env', () => {
    const after = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          CLAUDE_CODE_ENABLE_TELEMETRY: "x${{ matrix.t }}"',
      '        with:',
      '          use_bedrock: "x${{ inputs.bedrock }}"',
      '          claude_env: |',
      '            OTEL_LOG_USER_PROMPTS: x${{ matrix.p }}',
    );
    expect(findings([workflow(after)], ['ZDR001', 'ZDR002', 'ZDR003'])).toEqual([
      { ruleId: 'ZDR002', file: WF, line: 7, severity: 'warning' },
      { ruleId: 'ZDR001', file: WF, line: 9, severity: 'warning' },
      { ruleId: 'ZDR003', file: WF, line: 11, severity: 'warning' },
    ]);
  });

  it('warns on NET001 when the only switch is an expression-built provider', () => {
    const only = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          use_bedrock: ${{ inputs.bedrock }}',
    );
    expect(findings([workflow(only)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: WF, line: 5, severity: 'warning' },
    ]);
  });

  it('never takes ${{ secrets.X }} for a committed credential', () => {
    expect(findings([workflow(text)], ['SEC001'])).toEqual([]);
  });

  it('treats an inline settings input built by an expression as unknown, not as a syntax error', () => {
    const built = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      `          settings: '{"cleanupPeriodDays": \${{ vars.DAYS }}}'`,
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: ${{ github.workspace }}/${{ vars.FILE }}',
    );
    const parsed = parseWorkflow(createSourceFile(WF, built));
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps.map((s) => s.settings?.kind)).toEqual(['unknown', 'unknown']);
  });
});

describe('SEC001 in workflows', () => {
  it('finds committed credentials in env, inputs, claude_env, inline settings, scripts and comments', () => {
    const key = ['sk', 'ant', 'api03', 'AbCdEfGhIjKlMnOpQrStUv'].join('-');
    const text = lines(
      'on: push',
      'env:',
      '  ANTHROPIC_API_KEY: abcdefghijklmnopqrstuvwxyz012345',
      'jobs:',
      '  a:',
      '    steps:',
      `      - run: 'curl -H "x-api-key: ${key}" https://api.anthropic.com'`,
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          anthropic_api_key: zyxwvutsrqponmlkjihgfedcba543210',
      '          claude_env: |',
      '            CLAUDE_CODE_OAUTH_TOKEN: oauthtokenvalue0123456789abcdef',
      '          settings: |',
      '            { "env": { "ANTHROPIC_AUTH_TOKEN": "bearertokenvalue0123456789abcd" } }',
      `      # old key: ${key}`,
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
      '          claude_code_oauth_token: your-token-here-please-replace',
    );
    expect(findings([workflow(text)], ['SEC001'])).toEqual([
      { ruleId: 'SEC001', file: WF, line: 3, severity: 'error' },
      { ruleId: 'SEC001', file: WF, line: 7, severity: 'error' },
      { ruleId: 'SEC001', file: WF, line: 10, severity: 'error' },
      { ruleId: 'SEC001', file: WF, line: 12, severity: 'error' },
      { ruleId: 'SEC001', file: WF, line: 14, severity: 'error' },
      { ruleId: 'SEC001', file: WF, line: 15, severity: 'error' },
    ]);
    const messages = evaluate({
      rules: RULES,
      files: [workflow(text)],
      skipped: [],
      scopes: [],
      policies: ['hygiene'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    }).map((f) => f.message);
    for (const message of messages)
      expect(message).not.toMatch(/sk-ant|abcdefghijkl|zyxwvu|oauthtoken|bearertoken/);
  });

  it('still finds Anthropic keys in a workflow that does not parse', () => {
    const key = ['sk', 'ant', 'api03', 'AbCdEfGhIjKlMnOpQrStUv'].join('-');
    const text = lines('on: push', 'env:', `  ANTHROPIC_API_KEY: ${key}`, 'jobs: [oops');
    expect(findings([workflow(text)], ['SEC001', 'CFG001'])).toEqual([
      { ruleId: 'SEC001', file: WF, line: 3, severity: 'error' },
      { ruleId: 'CFG001', file: WF, line: 4, severity: 'error' },
    ]);
  });
});

describe('SEC001 in workflows: one finding per key, where it is written', () => {
  const key = ['sk', 'ant', 'api03', 'AbCdEfGhIjKlMnOpQrStUv'].join('-');
  const sec001 = (text: string) =>
    evaluate({
      rules: RULES,
      files: [workflow(text)],
      skipped: [],
      scopes: [],
      policies: ['hygiene'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    })
      .filter((f) => f.ruleId === 'SEC001')
      .map((f) => [`${f.file}:${f.line}:${f.column}`, f.message]);

  it('reports a key under a credential name once, as a key, and two keys on a line once', () => {
    const text = lines(
      'on: push',
      'env:',
      `  ANTHROPIC_API_KEY: ${key}`,
      '  # ANTHROPIC_AUTH_TOKEN: sk-ant-xxxxxxxxxxxx',
      'jobs:',
      '  a:',
      '    steps:',
      `      - run: echo ${key} ${key}`,
    );
    expect(sec001(text)).toEqual([
      [`${WF}:3:22`, `An Anthropic key is committed in plain text in \`${WF}\`.`],
      [`${WF}:8:19`, `An Anthropic key is committed in plain text in \`${WF}\`.`],
    ]);
  });
});

describe('YAML that does not parse, and YAML oddities', () => {
  it('reports invalid YAML as CFG001 at its line, with no scope, and the scan goes on', () => {
    const broken = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          use_bedrock: "true"',
      '      bad: indentation: here',
    );
    const other = workflow(BARE, '.github/workflows/other.yml');
    const files = [workflow(broken), other];
    expect(resolveScopes(files).map((s) => s.id)).toEqual([
      '.github/workflows/other.yml#jobs.claude.steps[1]',
    ]);
    const out = evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['hygiene'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    });
    expect(out.map((f) => [f.ruleId, f.file, f.line])).toEqual([['CFG001', WF, 8]]);
    expect(out[0]!.message).toMatch(/^not valid YAML: /);
  });

  it.each([
    ['a tab as indentation', lines('on: push', 'jobs:', '\tbuild: {}'), 3],
    ['an unclosed flow sequence', lines('on: push', 'jobs:', '  a: [1, 2'), 3],
    // The quoted scalar runs to the end of the file: the parser stops on its last line.
    ['an unterminated quote', lines('on: push', 'name: "oops', 'jobs: {}'), 3],
  ])('CFG001 for %s', (_name, text, line) => {
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((p) => [p.ruleId, p.span.line])).toEqual([['CFG001', line]]);
  });

  it('reports a duplicate key as CFG004 (GitHub rejects the workflow) and still reads the step, last value winning', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          CLAUDE_CODE_ENABLE_TELEMETRY: "0"',
      '        env:',
      '          CLAUDE_CODE_ENABLE_TELEMETRY: "1"',
    );
    expect(findings([workflow(text)], ['CFG004', 'ZDR002'])).toEqual([
      { ruleId: 'CFG004', file: WF, line: 8, severity: 'error' },
      { ruleId: 'ZDR002', file: WF, line: 9, severity: 'error' },
    ]);
  });

  it('follows anchors, aliases and merge keys to the lines where values are written', () => {
    const text = lines(
      'on: push',
      'x-env: &quiet',
      '  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"',
      'x-more: &more',
      '  DISABLE_AUTOUPDATER: "1"',
      'jobs:',
      '  a:',
      '    env: *quiet',
      '    steps:',
      '      - &claude',
      '        uses: anthropics/claude-code-action@v1',
      '        env:',
      '          <<: *more',
      '          CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: "1"',
      '  b:',
      '    steps:',
      '      - *claude',
    );
    const scopes = resolveScopes([workflow(text)]);
    expect(scopes.map((s) => [s.id, s.anchor.line])).toEqual([
      [`${WF}#jobs.a.steps[0]`, 11],
      [`${WF}#jobs.b.steps[0]`, 11],
    ]);
    expect([...scopes[0]!.env.values()].map((v) => [v.name, v.location.line])).toEqual([
      ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 3],
      ['DISABLE_AUTOUPDATER', 5],
      ['CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY', 14],
    ]);
    // Job b reuses the step but not job a's env: only its scope lacks the umbrella variable.
    expect(findings([workflow(text)], ['NET001', 'NET002', 'NET004'])).toEqual([
      { ruleId: 'NET001', file: WF, line: 11, severity: 'error' },
    ]);
  });

  it('takes a repeated `<<` merge key for two merges, not a duplicate key', () => {
    const text = lines(
      'on: push',
      'x-quiet: &quiet',
      '  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"',
      'x-updates: &updates',
      '  DISABLE_AUTOUPDATER: "1"',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        env:',
      '          <<: *quiet',
      '          <<: *updates',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect([...scope!.env.values()].map((v) => [v.name, v.location.line])).toEqual([
      ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 3],
      ['DISABLE_AUTOUPDATER', 5],
    ]);
    expect(findings([workflow(text)], ['CFG004', 'NET001', 'NET002', 'NET004'])).toEqual([]);
  });

  it('reads flow mappings, `on:` keys, numbers and booleans as GitHub passes them', () => {
    const text = lines(
      'on: { push: { branches: [main] } }',
      'jobs: { a: { env: { DISABLE_TELEMETRY: 1, DISABLE_ERROR_REPORTING: true, DISABLE_FEEDBACK_COMMAND: 1, EMPTY: }, steps: [ { uses: anthropics/claude-code-action@v1 } ] } }',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect([...scope!.env.values()].map((v) => [v.name, v.value])).toEqual([
      ['DISABLE_TELEMETRY', '1'],
      ['DISABLE_ERROR_REPORTING', 'true'],
      ['DISABLE_FEEDBACK_COMMAND', '1'],
      ['EMPTY', ''],
    ]);
    expect(findings([workflow(text)], ['NET001'])).toEqual([]);
  });

  it('reads only the first document of a multi-document file, and survives empty and odd files', () => {
    const multi = lines(
      'on: push',
      'jobs: {}',
      '---',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
    );
    expect(parseWorkflow(createSourceFile(WF, multi)).claudeSteps).toEqual([]);
    for (const text of [
      '',
      '\n',
      '# only a comment\n',
      '- a list\n',
      'just a string\n',
      'jobs: 5\n',
      'jobs:\n  a: 1\n',
      'jobs:\n  a:\n    steps: {}\n',
    ]) {
      const parsed = parseWorkflow(createSourceFile(WF, text));
      expect(parsed.ok).toBe(true);
      expect(parsed.claudeSteps).toEqual([]);
    }
  });

  it('does not crash on deep nesting', () => {
    const text = `on: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => parseWorkflow(createSourceFile(WF, text))).not.toThrow();
  });
});

describe('inline settings positions', () => {
  it('maps a block scalar (| with a header comment) back to the workflow lines and columns', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: |  # the runner settings',
      '            {',
      '              "env": {',
      '                "CLAUDE_CODE_ENABLE_TELEMETRY": "1"',
      '              }',
      '            }',
    );
    const [scope] = resolveScopes([workflow(text)]);
    expect(scope!.env.get('CLAUDE_CODE_ENABLE_TELEMETRY')!.location).toEqual({
      file: WF,
      line: 10,
      column: 17,
      endLine: 10,
      endColumn: 52,
    });
  });

  it('maps a double-quoted scalar with escapes', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: "{\\"cleanupPeriodDays\\": 90,\\n \\"env\\": {}}"',
    );
    const [scope] = resolveScopes([workflow(text)]);
    const location = scope!.settings.get('cleanupPeriodDays')!.location;
    expect([location.line, location.column]).toEqual([7, 23]);
    expect(text.split('\n')[6]!.slice(location.column - 1, location.endColumn - 1)).toBe(
      '\\"cleanupPeriodDays\\": 90',
    );
  });

  it.each([
    ["k: 'it''s {\"a\": 1}'\n"],
    ['k: "tab\\there \\u0041 \\"q\\""\n'],
    ['k: >-\n  folded\n  text {x}\n'],
    ['k: plain\n  continued line\n'],
  ])('lines up every value character with its source character: %j', (text) => {
    const document = parseDocument(text);
    const node = (document.contents as YAMLMap<unknown, Scalar>).items[0]!.value!;
    const value = String(node.value);
    const offsets = scalarOffsets(text, node, value);
    const misplaced = [...value].filter(
      (c, i) => /[A-Za-z{}"']/.test(c) && text[offsets[i]!] !== c && text[offsets[i]!] !== '\\',
    );
    expect(misplaced).toEqual([]);
  });

  it('reports an inline settings syntax error as CFG001 on the workflow line, and the step gets nothing from it', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: |',
      '            {',
      '              // quiet please',
      '              "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" }',
      '            }',
    );
    const out = findings([workflow(text)], ['CFG001', 'NET001']);
    expect(out).toEqual([
      { ruleId: 'NET001', file: WF, line: 5, severity: 'error' },
      { ruleId: 'CFG001', file: WF, line: 9, severity: 'error' },
    ]);
    const cfg = evaluate({
      rules: RULES,
      files: [workflow(text)],
      skipped: [],
      scopes: [],
      policies: ['hygiene'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    }).find((f) => f.ruleId === 'CFG001')!;
    expect(cfg.column).toBe(15);
    expect(cfg.message).toBe(
      'the `settings` input is not valid JSON: comments are not allowed; the action stops before Claude Code starts.',
    );
  });

  it('reports a duplicate key inside inline settings as CFG004 at its workflow line', () => {
    const text = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: |',
      '            {',
      '              "cleanupPeriodDays": 7,',
      '              "cleanupPeriodDays": 90',
      '            }',
    );
    const parsed = parseWorkflow(createSourceFile(WF, text));
    expect(parsed.problems.map((p) => [p.ruleId, p.span.line, p.message])).toEqual([
      [
        'CFG004',
        10,
        'in the `settings` input: duplicate key "cleanupPeriodDays" (first on line 9): Claude Code uses this later value and ignores the first',
      ],
    ]);
  });
});

describe('settings given as a path', () => {
  const step = (settings: string) =>
    lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      `          settings: ${settings}`,
    );

  it.each([
    ['.github/claude-settings.json', '.github/claude-settings.json'],
    ['./config/claude.json', 'config/claude.json'],
    ['${{ github.workspace }}/config/claude.json', 'config/claude.json'],
    ['config/../.claude/ci.json', '.claude/ci.json'],
  ])('resolves %s in the checkout', (written, resolved) => {
    expect(referencedSettingsPaths([workflow(step(written))])).toEqual([resolved]);
  });

  it.each([['/etc/claude.json'], ['../outside.json'], ['~/settings.json'], ['${{ runner.temp }}/s.json']])(
    'does not read %s',
    (written) => {
      expect(referencedSettingsPaths([workflow(step(written))])).toEqual([]);
    },
  );

  it('resolves against the repository that holds the workflow', () => {
    expect(workflowRoot('.github/workflows/a.yml')).toBe('.');
    expect(workflowRoot('sub/repo/.github/workflows/a.yml')).toBe('sub/repo');
    expect(resolveInRepository('sub/repo', './x.json')).toBe('sub/repo/x.json');
    expect(resolveInRepository('sub/repo', '../x.json')).toBeUndefined();
    // Only the scanned root's own .github/workflows are workflows (GitHub runs no nested copy), so they resolve there.
    expect(referencedSettingsPaths([workflow(step('./cfg/s.json'))])).toEqual(['cfg/s.json']);
  });

  it('refuses drive-letter paths, skips empty and `.` segments, and resolves nothing for the checkout itself', () => {
    expect(resolveInRepository('.', 'C:/settings.json')).toBeUndefined();
    expect(resolveInRepository('.', 'c:\\settings.json')).toBeUndefined();
    expect(resolveInRepository('.', 'cfg/C:/settings.json')).toBe('cfg/C:/settings.json');
    expect(resolveInRepository('.', 'cfg//./s.json')).toBe('cfg/s.json');
    expect(resolveInRepository('.', './')).toBeUndefined();
    expect(resolveInRepository('.', 'cfg/..')).toBeUndefined();
    expect(resolveInRepository('sub', 'cfg/..')).toBe('sub');
  });

  it('lists the files steps name once each, sorted by path', () => {
    const two = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: z/s.json',
      '          claude_args: --settings a/s.json',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: ./z/s.json',
    );
    expect(referencedSettingsPaths([workflow(two)])).toEqual(['a/s.json', 'z/s.json']);
  });

  it('skips files discovery already read', () => {
    const files = [workflow(step('.claude/settings.json')), load('.claude/settings.json', '{}\n')];
    expect(referencedSettingsPaths(files)).toEqual([]);
  });
});

describe('reading the settings files that steps name', () => {
  const tree = useTempTrees('ccp-referenced-');
  const named = (...paths: string[]) =>
    lines(
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      ...paths.flatMap((p) => [
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        `          settings: ${p}`,
      ]),
    );
  const loaded = (path: string, text: string, candidate = classify(path)!): LoadedFile => ({
    candidate,
    source: createSourceFile(path, text),
  });
  const skipped = (path: string, reason: string): SkippedFile => ({
    path,
    reason,
    location: { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 },
  });
  const shape = (d: Discovery) => ({
    files: d.files.map((f) => [f.candidate.path, f.candidate.role]),
    skipped: d.skipped.map((f) => [f.path, f.reason]),
  });

  it('reads them as settings of role action, each in its place by path, and reports those it cannot check', async () => {
    const text = named(
      'config/claude.json',
      'big/claude.json',
      '.claude/settings.json',
      'a/huge.json',
      'gone.json',
    );
    const dir = tree({
      [WF]: text,
      '.claude/settings.json': '{}\n',
      'config/claude.json': '{ "env": {} }\n',
      'big/claude.json': `{ "env": { "A": "${'x'.repeat(200)}" } }\n`,
      'a/huge.json': `{ "env": { "A": "${'x'.repeat(200)}" } }\n`,
      'zz/.claude/settings.json': '{}\n',
    });
    const discovery: Discovery = {
      method: 'walk',
      files: [
        loaded('.claude/settings.json', '{}\n'),
        loaded(WF, text),
        loaded('zz/.claude/settings.json', '{}\n'),
      ],
      skipped: [skipped('b/x.json', 'not valid UTF-8'), skipped('big/claude.json', 'larger than 100 bytes')],
    };
    expect(shape(await withReferencedSettings(dir, discovery, 100))).toEqual({
      files: [
        ['.claude/settings.json', 'project'],
        [WF, undefined],
        ['config/claude.json', 'action'],
        ['zz/.claude/settings.json', 'project'],
      ],
      skipped: [
        ['a/huge.json', 'larger than 100 bytes'],
        ['b/x.json', 'not valid UTF-8'],
        ['big/claude.json', 'larger than 100 bytes'],
      ],
    });
  });

  it('reports a named file it cannot check even when it reads no other', async () => {
    const text = named('a/huge.json');
    const dir = tree({ [WF]: text, 'a/huge.json': `{ "env": { "A": "${'x'.repeat(200)}" } }\n` });
    const discovery: Discovery = { method: 'walk', files: [loaded(WF, text)], skipped: [] };
    expect(shape(await withReferencedSettings(dir, discovery, 100))).toEqual({
      files: [[WF, undefined]],
      skipped: [['a/huge.json', 'larger than 100 bytes']],
    });
  });

  it('leaves discovery as it is when the named files are missing or already read', async () => {
    const text = named('gone.json', '.claude/settings.json');
    const dir = tree({ [WF]: text, '.claude/settings.json': '{}\n' });
    const discovery: Discovery = {
      method: 'walk',
      files: [loaded('.claude/settings.json', '{}\n'), loaded(WF, text)],
      skipped: [],
    };
    expect(shape(await withReferencedSettings(dir, discovery, 1000))).toEqual({
      files: [
        ['.claude/settings.json', 'project'],
        [WF, undefined],
      ],
      skipped: [],
    });
  });

  it('uses the workflows parsed already, and reads nothing for one that parsed to nothing', async () => {
    const text = named('config/claude.json');
    const dir = tree({ [WF]: text, 'config/claude.json': '{}\n' });
    const workflowFile = loaded(WF, text);
    const discovery: Discovery = { method: 'walk', files: [workflowFile], skipped: [] };
    const result = await withReferencedSettings(dir, discovery, 1000, new Map([[workflowFile, undefined]]));
    expect(shape(result)).toEqual({ files: [[WF, undefined]], skipped: [] });
  });

  it('asks nothing of the disk when no file is named', async () => {
    expect(await loadReferencedSettings(path.join(tree(), 'not-there'), [], 1000)).toEqual({
      files: [],
      skipped: [],
    });
  });
});

describe('ZDR008: the action approves project MCP servers', () => {
  const mcp = () =>
    load('.mcp.json', '{ "mcpServers": { "docs": { "command": "npx", "args": ["docs-mcp"] } } }\n');

  it('adds a notice on the uses: line when the repository declares project MCP servers', () => {
    const out = evaluate({
      rules: RULES,
      files: [workflow(BARE), mcp()],
      skipped: [],
      scopes: resolveScopes([workflow(BARE), mcp()]),
      policies: ['zdr'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    }).filter((f) => f.ruleId === 'ZDR008');
    expect(out.map((f) => [f.file, f.line, f.severity])).toEqual([
      [WF, 7, 'notice'],
      ['.mcp.json', 1, 'notice'],
    ]);
    expect(out[0]!.message).toContain('claude-code-action always sets enableAllProjectMcpServers: true');
  });

  it('says nothing when there are no project servers, or when the project settings turn approval off', () => {
    expect(findings([workflow(BARE)], ['ZDR008'])).toEqual([]);
    const off = load('.claude/settings.json', '{ "enableAllProjectMcpServers": false }\n');
    expect(findings([workflow(BARE), mcp(), off], ['ZDR008'])).toEqual([
      { ruleId: 'ZDR008', file: '.mcp.json', line: 1, severity: 'notice' },
    ]);
  });
});

describe("ZDR008: only the action's own setting, at the step's uses: line, is the action's doing", () => {
  const approves = (file: string, line: number) => ({
    ruleId: 'ZDR008',
    file,
    line,
    message:
      'enableAllProjectMcpServers approves every project MCP server; their traffic is not covered by ZDR.',
    fix: `Remove \`"enableAllProjectMcpServers": true\` from \`${file}\` and list cleared servers in enabledMcpjsonServers.`,
  });
  const zdr008 = (files: ParsedFile[]) =>
    evaluate({
      rules: RULES,
      files,
      skipped: [],
      scopes: resolveScopes(files),
      policies: ['zdr'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    })
      .filter((f) => f.ruleId === 'ZDR008')
      .map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line, message: f.message, fix: f.fix }));

  it('says the action sets it when nothing else does', () => {
    const mcp = load('.mcp.json', '{ "mcpServers": { "docs": { "command": "docs-mcp" } } }\n');
    expect(zdr008([workflow(BARE), mcp])).toEqual([
      {
        ruleId: 'ZDR008',
        file: WF,
        line: 7,
        message:
          "claude-code-action always sets enableAllProjectMcpServers: true, so every server in the repository's .mcp.json starts without approval; their traffic is not covered by ZDR.",
        fix: 'Keep only servers your organisation has cleared in `.mcp.json`, or add `"enableAllProjectMcpServers": false` to the repository\'s `.claude/settings.json` (project settings win over the action\'s) and list the cleared servers in enabledMcpjsonServers.',
      },
      {
        ruleId: 'ZDR008',
        file: '.mcp.json',
        line: 1,
        message: '1 MCP server declared ("docs"): their traffic is not covered by ZDR.',
        fix: 'Check that every server in `.mcp.json` is cleared by your organisation, and remove the others.',
      },
    ]);
  });

  it("blames the step's settings input written on the uses: line itself (a flow-style step)", () => {
    const text = lines(
      'on: [issue_comment]',
      'jobs:',
      '  claude:',
      '    steps:',
      `      - { uses: anthropics/claude-code-action@v1, with: { settings: '{"enableAllProjectMcpServers": true}' } }`,
    );
    expect(zdr008([workflow(text)])).toEqual([approves(WF, 5)]);
  });

  it("blames the step's settings input whose key sits in the column of uses:, a line below", () => {
    const text = lines(
      'on: [issue_comment]',
      'jobs:',
      '  claude:',
      '    steps:',
      `      - {                uses: anthropics/claude-code-action@v1, with: { settings: '{`,
      `                         "enableAllProjectMcpServers": true}' } }`,
    );
    expect(zdr008([workflow(text)])).toEqual([approves(WF, 6)]);
  });

  it('blames a settings file the step names, even where its key sits at the uses: line and column', () => {
    // The key is on line 7, column 9 of ci/claude.json, as `uses:` is in the workflow.
    const settings = load(
      'ci/claude.json',
      `{${'\n'.repeat(6)}        "enableAllProjectMcpServers": true\n}\n`,
      {
        path: 'ci/claude.json',
        kind: 'settings',
        role: 'action',
      },
    );
    const text = `${BARE}          settings: ci/claude.json\n`;
    expect(zdr008([workflow(text), settings])).toEqual([approves('ci/claude.json', 7)]);
  });
});

describe('the docs/ci-scopes.md example', () => {
  it('is the workflow of test/fixtures/repos/ci-readme-example, whose expected findings the fixture test checks', () => {
    const page = readFileSync(path.join(import.meta.dirname, '../docs/ci-scopes.md'), 'utf8');
    const section = page.slice(page.indexOf('\n## Claude Code in CI\n'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    const fixture = readFileSync(
      path.join(import.meta.dirname, 'fixtures/repos/ci-readme-example/.github/workflows/claude.yml'),
      'utf8',
    );
    expect(example).toBe(fixture);
  });
});

describe('hostile YAML', () => {
  it('merges each anchored mapping once, however often merge keys repeat it (4^20 paths, one value)', () => {
    const anchors = ['x0: &a0 { K: "1" }'];
    for (let i = 1; i <= 20; i++)
      anchors.push(`x${i}: &a${i} { <<: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}] }`);
    const text = lines(
      'on: push',
      ...anchors,
      'jobs:',
      '  a:',
      '    env: *a20',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
    );
    // How long it takes is measured by `npm run bench` (hostile inputs); 4^20 paths would not end in a test's time.
    const [scope] = resolveScopes([workflow(text)]);
    expect([...scope!.env.values()].map((v) => [v.name, v.location.line])).toEqual([['K', 2]]);
  });
});

describe('expressions', () => {
  it('are found in linear time, and only when closed', async () => {
    const { hasExpression } = await import('../src/parse/workflow.js');
    expect(hasExpression('a ${{ secrets.X }} b')).toBe(true);
    expect(hasExpression('${{ never closed')).toBe(false);
    expect(hasExpression('}} ${{')).toBe(false);
    // The quadratic regex this replaced ran for minutes on this input; the test timeout guards against its return.
    expect(hasExpression('${{'.repeat(300_000))).toBe(false);
  });
});
