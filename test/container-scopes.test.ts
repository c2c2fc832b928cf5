// The readers behind the new scopes (issue 11): shell text in `run:` steps, Dockerfiles and Compose files. Exact
// positions, the forms each one reads and the ones it leaves alone, and hostile input that must stay cheap.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { classify } from '../src/discover/discover.js';
import { parseCompose } from '../src/parse/compose.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import {
  expandsAtRunTime,
  findClaudeCommand,
  githubEnvAppends,
  settingsArgument,
} from '../src/parse/shell.js';
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
    // By its path, as the native installer and node_modules put it.
    ['~/.local/bin/claude -p "review"', '~/.local/bin/claude'],
    ['"$HOME"/x; $HOME/.local/bin/claude -p x', '$HOME/.local/bin/claude'],
    ['${HOME}/.local/bin/claude -p x', '${HOME}/.local/bin/claude'],
    ['./node_modules/.bin/claude --print x', './node_modules/.bin/claude'],
    ['exec /usr/local/bin/claude -p x', '/usr/local/bin/claude'],
    // After sudo and its options, as a job that runs Claude Code as another user writes it.
    ['sudo -u runner claude -p x', 'claude'],
    ['sudo -E -H claude -p x', 'claude'],
    ['sudo -Eu bob -- claude -p x', 'claude'],
    ['sudo --preserve-env=HOME FOO=1 claude -p x', 'claude'],
    ['sudo -i -u ci ~/.local/bin/claude -p x', '~/.local/bin/claude'],
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
    'cd docs/claude && ls',
    './claude/setup.sh',
    './bin/claude-code-policy scan',
    '/usr/local/bin/claude --version',
    'sudo apt-get install -y claude',
    'sudo -u bob ls claude',
    // -E takes no value, so `bob` is the command and `claude` its argument.
    'sudo -E bob claude',
    // More than eight options are not read: the pattern stays linear on hostile lines.
    'sudo -a -b -c -d -e -f -g -h -i claude -p x',
  ])('%j does not', (text) => {
    expect(starts(text)).toBeUndefined();
  });

  it('finds --settings in both forms, quoted or not', () => {
    expect(settingsArgument(' -p x --settings ci/s.json --max-turns 2')?.value).toBe('ci/s.json');
    expect(settingsArgument(' --settings=ci/s.json')?.value).toBe('ci/s.json');
    expect(settingsArgument(` --settings '{"env": {}}'`)?.value).toBe('{"env": {}}');
    expect(settingsArgument(' --setting-sources user')).toBeUndefined();
    // A line continuation after the flag joins the next line's word to it, as the shell does.
    expect(settingsArgument(' --settings \\\n    ci/s.json -p x')).toEqual({
      value: 'ci/s.json',
      start: 18,
      end: 27,
    });
    expect(settingsArgument(' --settings\\\r\n ci/s.json')?.value).toBe('ci/s.json');
    // A workflow expression is one word with its blanks; an unclosed one ends at the first blank, as before.
    expect(settingsArgument(' --settings ${{ github.workspace }}/s.json -p x')).toEqual({
      value: '${{ github.workspace }}/s.json',
      start: 12,
      end: 42,
    });
    expect(settingsArgument(' --settings ${{ x -p')?.value).toBe('${{');
    // Each expression of the word is one piece, wherever it sits; a `}}` with no `${{` before it is no expression.
    expect(settingsArgument(' --settings ci-${{ matrix.n }}.json -p x')?.value).toBe(
      'ci-${{ matrix.n }}.json',
    );
    expect(settingsArgument(' --settings ${{ a }}/${{ b }}.json -p x')?.value).toBe('${{ a }}/${{ b }}.json');
    expect(settingsArgument(' --settings a}}${{ b }}/s.json -p x')?.value).toBe('a}}${{ b }}/s.json');
    expect(settingsArgument(' --settings ab x}} -p')?.value).toBe('ab');
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

describe('the lines a run: script is read by', () => {
  const at8192 = (head: string, tail = '') => `${head}${'a'.repeat(8192 - head.length - tail.length)}${tail}`;

  it('reads each line on its own, skipping comments however indented', () => {
    expect(starts('x\n# ; claude -p x')).toBeUndefined();
    expect(starts('\nx\n# ; claude -p x')).toBeUndefined();
    expect(starts('  # ; claude -p x')).toBeUndefined();
    expect(starts('# ; claude -p x')).toBeUndefined();
    expect(findClaudeCommand('\nclaude -p x')).toEqual({ start: 1, end: 7, args: ' -p x', argsStart: 7 });
  });

  it('reads a line of 8192 characters, not a longer one, and not the lines after it as one', () => {
    expect(starts(at8192('claude -p '))).toBe('claude');
    expect(starts(`${at8192('claude -p ')}a`)).toBeUndefined();
    expect(starts(`claude -p x\n${'a'.repeat(9000)}`)).toBe('claude');
  });

  it('follows a \\ continuation into the next line, with LF or CRLF line ends', () => {
    expect(findClaudeCommand('claude -p x \\\n  --settings s.json\nnext')?.args).toBe(
      ' -p x \\\n  --settings s.json',
    );
    expect(findClaudeCommand('claude -p x \\\r\n  --max-turns 2\r\nnext')?.args).toBe(
      ' -p x \\\r\n  --max-turns 2\r',
    );
    expect(findClaudeCommand('claude -p a\rb \\\r\n--x\nnext')?.args).toBe(' -p a\rb \\\r\n--x');
    expect(findClaudeCommand('claude -p x\nfoo \\')?.args).toBe(' -p x');
  });
});

describe('the --settings argument', () => {
  it('is one shell word, double-quoted, single-quoted or bare, with its place', () => {
    expect(settingsArgument(' --settings "ci/s.json" -p')).toEqual({
      value: 'ci/s.json',
      start: 13,
      end: 22,
    });
    expect(settingsArgument(" --settings 'a b'")).toEqual({ value: 'a b', start: 13, end: 16 });
    expect(settingsArgument(' --settings x')).toEqual({ value: 'x', start: 12, end: 13 });
    expect(settingsArgument(' --settings \t x;y')).toEqual({ value: 'x', start: 14, end: 15 });
  });

  it('is absent when the word is empty or its quote never closes', () => {
    expect(settingsArgument(" --settings 'ci/s.json")).toBeUndefined();
    expect(settingsArgument(' --settings= x')).toBeUndefined();
    expect(settingsArgument(' --settings=\tx')).toBeUndefined();
    expect(settingsArgument(' --settings=\nx')).toBeUndefined();
    expect(settingsArgument(' --settings=;x')).toBeUndefined();
    expect(settingsArgument(' --settings=&x')).toBeUndefined();
    expect(settingsArgument(' --settings=|x')).toBeUndefined();
    expect(settingsArgument(' --settings=')).toBeUndefined();
    expect(settingsArgument(' --settings ')).toBeUndefined();
  });
});

describe('a $GITHUB_ENV append', () => {
  it('is read on the last line, the first line after an empty one, and a CRLF line', () => {
    expect(githubEnvAppends('echo A=1 >> $GITHUB_ENV')).toEqual([
      { name: 'A', value: '1', start: 0, end: 23 },
    ]);
    expect(githubEnvAppends('\necho A=1 >> $GITHUB_ENV')).toEqual([
      { name: 'A', value: '1', start: 1, end: 24 },
    ]);
    expect(githubEnvAppends('echo A=1 >> $GITHUB_ENV\r\nx')).toEqual([
      { name: 'A', value: '1', start: 0, end: 23 },
    ]);
    expect(githubEnvAppends('echo "A=1\r2" >> $GITHUB_ENV\r\n')).toEqual([
      { name: 'A', value: '1\r2', start: 0, end: 27 },
    ]);
  });

  it('is read on a line of 8192 characters, not a longer one', () => {
    const line = (length: number) => `echo A=${'x'.repeat(length - 22)} >> $GITHUB_ENV`;
    expect(line(8192)).toHaveLength(8192);
    expect(githubEnvAppends(line(8192))).toEqual([
      { name: 'A', value: 'x'.repeat(8170), start: 0, end: 8192 },
    ]);
    expect(githubEnvAppends(line(8193))).toEqual([]);
  });

  it('is unknown before the job runs when its value expands', () => {
    expect(expandsAtRunTime('$HOME/s.json')).toBe(true);
    expect(expandsAtRunTime('`date`')).toBe(true);
    expect(expandsAtRunTime('ci/s.json')).toBe(false);
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

  it('knows Claude Code started by its path, as the native installer puts it', () => {
    expect(parse('FROM node\nENTRYPOINT ["/root/.local/bin/claude", "-p"]').claude?.line).toBe(2);
    expect(parse('FROM node\nCMD /usr/local/bin/claude -p hi').claude?.line).toBe(2);
    expect(parse('FROM node\nCMD ["/usr/local/bin/claude-code-policy", "scan"]').claude).toBeUndefined();
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
