// The readers behind the new scopes (issue 11): shell text in `run:` steps, Dockerfiles and Compose files. Exact
// positions, the forms each one reads and the ones it leaves alone, and hostile input that must stay cheap.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { classify } from '../src/discover/discover.js';
import { parseCompose } from '../src/parse/compose.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { findClaudeCommand, githubEnvAppends, settingsArgument } from '../src/parse/shell.js';
import { resolveScopes } from '../src/scope/scope.js';
import { runCli, useTempTrees } from './support/cli.js';
import { loadFile } from './support/files.js';

const tree = useTempTrees('ccp-containers-');

const starts = (text: string) => {
  const found = findClaudeCommand(text);
  return found === undefined ? undefined : text.slice(found.start, found.end);
};

describe('a run: script that starts Claude Code', () => {
  it.each([
    ['claude -p "review"', 'claude'],
    ['git diff | claude -p "review"', 'claude'],
    ['set -e; npx -y @anthropic-ai/claude-code -p hi', 'npx -y @anthropic-ai/claude-code'],
    ['npx --yes @anthropic-ai/claude-code@2.1.290 -p hi', 'npx --yes @anthropic-ai/claude-code@2.1.290'],
    ['bunx @anthropic-ai/claude-code -p hi', 'bunx @anthropic-ai/claude-code'],
    ['pnpm dlx @anthropic-ai/claude-code -p hi', 'pnpm dlx @anthropic-ai/claude-code'],
    ['if true; then claude -p x; fi', 'claude'],
    ['FOO=1 claude -p x', 'claude'],
    ['claude --version\nclaude -p "now"', 'claude'],
  ])('%j starts it with %j', (text, word) => {
    expect(starts(text)).toBe(word);
  });

  it.each([
    'npm install -g @anthropic-ai/claude-code',
    'npm i -g @anthropic-ai/claude-code && claude --version',
    '# claude -p "commented out"',
    'echo "claude -p is how you run it"',
    'npx claude-code-policy scan',
    'claude-code-policy scan',
    'which claude',
  ])('%j does not', (text) => {
    expect(starts(text)).toBeUndefined();
  });

  it('finds --settings in both forms, quoted or not', () => {
    expect(settingsArgument(' -p x --settings ci/s.json --max-turns 2')?.value).toBe('ci/s.json');
    expect(settingsArgument(' --settings=ci/s.json')?.value).toBe('ci/s.json');
    expect(settingsArgument(` --settings '{"env": {}}'`)?.value).toBe('{"env": {}}');
    expect(settingsArgument(' --setting-sources user')).toBeUndefined();
  });

  it('reads $GITHUB_ENV appends with their place, and no other line', () => {
    const text = [
      'echo "A=1" >> "$GITHUB_ENV"',
      '  echo B=two >> $GITHUB_ENV',
      "echo 'C=$(date)' >> ${GITHUB_ENV}",
      'echo "D=1" >> "$GITHUB_OUTPUT"',
      'echo "E<<EOF" >> "$GITHUB_ENV"',
    ].join('\n');
    expect(githubEnvAppends(text).map((a) => [a.name, a.value, text.slice(a.start, a.end)])).toEqual([
      ['A', '1', 'echo "A=1" >> "$GITHUB_ENV"'],
      ['B', 'two', 'echo B=two >> $GITHUB_ENV'],
      ['C', '$(date)', "echo 'C=$(date)' >> ${GITHUB_ENV}"],
    ]);
  });

  it('stays linear on hostile lines', () => {
    const long = `${'a=a'.repeat(50_000)} ${' '.repeat(50_000)}`;
    expect(starts(long)).toBeUndefined();
    expect(githubEnvAppends(`echo "A=${' '.repeat(100_000)}`)).toEqual([]);
    expect(starts(`${'x; '.repeat(20_000)}claude -p hi`)).toBeUndefined(); // one line over the cap is not read
    expect(starts(`${'x\n'.repeat(20_000)}claude -p hi`)).toBe('claude');
  });
});

describe('a Dockerfile', () => {
  const parse = (text: string) => parseDockerfile(createSourceFile('Dockerfile', text));

  it('reads ENV and ARG with positions: key=value pairs, quotes, continuations and the legacy form', () => {
    const parsed = parse(
      [
        'FROM node:20',
        'ARG VERSION=2.1.290',
        'ENV A=1 B="two words" \\',
        '    # a comment inside the instruction',
        '    C=three',
        'ENV LEGACY the rest of the line',
        'ENV FROM_ARG=$VERSION',
        'RUN npm i -g @anthropic-ai/claude-code@${VERSION}',
      ].join('\n'),
    );
    expect(parsed.env.map((e) => [e.name, e.value, e.unknown, e.span.line, e.span.column])).toEqual([
      ['VERSION', '2.1.290', false, 2, 5],
      ['A', '1', false, 3, 5],
      ['B', 'two words', false, 3, 9],
      ['C', 'three', false, 5, 5],
      ['LEGACY', 'the rest of the line', false, 6, 5],
      ['FROM_ARG', '$VERSION', true, 7, 5],
    ]);
    expect(parsed.claude?.line).toBe(8);
  });

  it('knows an image with Claude Code from one without', () => {
    expect(parse('FROM node\nCMD ["claude", "-p", "hi"]').claude?.line).toBe(2);
    expect(parse('FROM debian\nRUN curl -fsSL https://claude.ai/install.sh | bash').claude?.line).toBe(2);
    expect(parse('FROM python\nRUN pip install anthropic\nCMD ["python", "app.py"]').claude).toBeUndefined();
  });

  it('stays cheap on a hostile file', () => {
    const parsed = parse(`ENV ${'A=1 '.repeat(20_000)}\n${'RUN x \\\n'.repeat(20_000)}`);
    expect(parsed.env).toHaveLength(20_000);
    expect(parsed.claude).toBeUndefined();
  });
});

describe('a Compose file', () => {
  it('reads services: build, command and environment in both forms, with positions', () => {
    const text = [
      'services:',
      '  agent:',
      '    build: ./agent',
      '    environment:',
      '      - A=1',
      '      - PASSED_THROUGH',
      '  worker:',
      '    build: { context: ., dockerfile: docker/worker.Dockerfile }',
      '    command: ["npx", "-y", "@anthropic-ai/claude-code", "-p", "x"]',
      '    environment:',
      '      B: "2"',
    ].join('\n');
    const parsed = parseCompose(createSourceFile('compose.yaml', text));
    expect(
      parsed.services.map((s) => [
        s.name,
        s.dockerfile,
        s.command,
        s.environment.map((e) => [e.name, e.value, e.unknown, e.span.line]),
      ]),
    ).toEqual([
      [
        'agent',
        './agent/Dockerfile',
        '',
        [
          ['A', '1', false, 5],
          ['PASSED_THROUGH', '', true, 6],
        ],
      ],
      [
        'worker',
        './docker/worker.Dockerfile',
        'npx -y @anthropic-ai/claude-code -p x',
        [['B', '2', false, 11]],
      ],
    ]);
  });

  it('is not ok when the YAML does not parse, and has no services then', () => {
    expect(parseCompose(createSourceFile('compose.yaml', 'services: [\n'))).toEqual({
      ok: false,
      services: [],
    });
  });
});

describe("a Compose service's scope", () => {
  const scopeFiles = (files: Record<string, string>) =>
    resolveScopes(Object.entries(files).map(([path, text]) => loadFile(path, text))).map((s) => ({
      id: s.id,
      files: s.files,
      env: [...s.env.values()].map((v) => [v.name, v.value, v.location.file, v.location.line]),
    }));

  it("takes the image built from the Compose file's own folder, its env below the service's", () => {
    expect(
      scopeFiles({
        'svc/compose.yaml': 'services:\n  agent:\n    build: .\n    environment:\n      B: "2"\n',
        'svc/Dockerfile': 'FROM node\nENV A=1\nRUN npm i -g @anthropic-ai/claude-code\n',
        Dockerfile: 'FROM node\nENV A=root\n',
      }),
    ).toEqual([
      { id: 'svc/Dockerfile', files: ['svc/Dockerfile'], env: [['A', '1', 'svc/Dockerfile', 2]] },
      {
        id: 'svc/compose.yaml#services.agent',
        files: ['svc/Dockerfile', 'svc/compose.yaml'],
        env: [
          ['A', '1', 'svc/Dockerfile', 2],
          ['B', '2', 'svc/compose.yaml', 5],
        ],
      },
    ]);
  });

  it('leaves out the image when Claude Code comes from the command, not from the image', () => {
    expect(
      scopeFiles({
        'compose.yaml': 'services:\n  agent:\n    build: .\n    command: claude -p review\n',
        Dockerfile: 'FROM node\nENV A=1\n',
      }),
    ).toEqual([{ id: 'compose.yaml#services.agent', files: ['compose.yaml'], env: [] }]);
  });

  it('does not take a file of another kind that `dockerfile:` names for an image', () => {
    const text =
      'services:\n  agent:\n    build: { context: ., dockerfile: compose.yaml }\n    command: claude -p x\n';
    expect(scopeFiles({ 'compose.yaml': text })).toEqual([
      { id: 'compose.yaml#services.agent', files: ['compose.yaml'], env: [] },
    ]);
  });
});

describe('discovery names', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['docker/Dockerfile.dev', 'dockerfile'],
    ['images/agent.Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['compose.yaml', 'compose'],
    ['deploy/docker-compose.yml', 'compose'],
    ['docker-compose.override.yml', 'compose'],
    ['docs/Dockerfile.md', undefined],
    ['composer.yaml', undefined],
    ['node_modules/x/Dockerfile', undefined],
  ])('%s is %s', (file, kind) => {
    expect(classify(file)?.kind).toBe(kind);
  });
});

describe('a scan finds them', () => {
  it.each([
    ['in a git listing', true],
    ['walking the tree', false],
  ])('%s', async (_how, git) => {
    const dir = tree({
      Dockerfile: 'FROM node\nRUN npm i -g @anthropic-ai/claude-code\n',
      'images/agent.Dockerfile': 'FROM node\nCMD ["claude", "-p", "hi"]\n',
      'compose.yaml': 'services:\n  a:\n    build: .\n',
    });
    if (git) {
      const { execFileSync } = await import('node:child_process');
      execFileSync('git', ['init', '-q'], { cwd: dir });
    }
    const result = await runCli(['.', '--format', 'json', ...(git ? [] : ['--no-gitignore'])], dir);
    const report = JSON.parse(result.stdout) as { scopes: { id: string; kind: string; files: string[] }[] };
    expect(report.scopes).toEqual([
      { id: 'Dockerfile', kind: 'container', files: ['Dockerfile'] },
      { id: 'compose.yaml#services.a', kind: 'container', files: ['Dockerfile', 'compose.yaml'] },
      { id: 'images/agent.Dockerfile', kind: 'container', files: ['images/agent.Dockerfile'] },
    ]);
  });
});

describe('a settings key no file sets', () => {
  it('is reported where each container starts Claude Code, not at line 1 of a file that holds several', async () => {
    const dir = tree({
      'compose.yaml': [
        '# dev stack',
        'services:',
        '  db:',
        '    image: postgres',
        '  agent:',
        '    image: node:20',
        '    command: npx @anthropic-ai/claude-code',
        '  reviewer:',
        '    image: node:20',
        '    command: claude -p review',
        '    environment:',
        '      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1"',
        '',
      ].join('\n'),
      Dockerfile:
        'FROM node\nENV CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1\nRUN npm i -g @anthropic-ai/claude-code\n',
    });
    const result = await runCli(['.', '--format', 'json', '--policy', 'nonessential-traffic'], dir);
    const report = JSON.parse(result.stdout) as {
      findings: { ruleId: string; file: string; line: number }[];
    };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'NET005 Dockerfile:3',
      'NET001 compose.yaml:5',
      'NET005 compose.yaml:5',
      'NET005 compose.yaml:11',
    ]);
  });
});
