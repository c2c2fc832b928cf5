// How parseCode reads a source file: the language of a path, its grammar, a notebook's code cells, a workflow's
// `run:` blocks, and where each site it finds sits in the file.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { type CodeLanguage, codeCommentSyntax, codeLanguage } from '../src/parse/code/code-file.js';
import { parseCode, parseWorkflowRuns } from '../src/parse/code/parse-code.js';
import { parseWorkflow } from '../src/parse/workflow.js';

const parse = async (path: string, language: CodeLanguage, text: string) => {
  const source = createSourceFile(path, text);
  return { source, code: await parseCode(source, language) };
};

describe('the language of a source path', () => {
  it('goes by the extension of the file name, skipping declarations, minified and bundled JavaScript', () => {
    const paths = [
      'src/a.ts',
      'src/a.tsx',
      'src/a.mts',
      'src/a.cts',
      'src/a.d.ts',
      'src/a.d.mts',
      'src/a.d.cts',
      'src/a.js',
      'src/a.jsx',
      'src/a.mjs',
      'src/a.cjs',
      'src/a.min.js',
      'src/a-min.js',
      'src/a.min.mjs',
      'src/a.min.cjs',
      'src/amin.js',
      'src/a.min.jsx',
      'src/a.bundle.js',
      'src/bundle.js.js',
      'x/.ts',
      'x.d/ts',
      'a.py',
      'a.ipynb',
      'a.sh',
      'a.bash',
      'a.txt',
    ];
    expect(Object.fromEntries(paths.map((p) => [p, codeLanguage(p) ?? null]))).toStrictEqual({
      'src/a.ts': 'typescript',
      'src/a.tsx': 'typescript',
      'src/a.mts': 'typescript',
      'src/a.cts': 'typescript',
      'src/a.d.ts': null,
      'src/a.d.mts': null,
      'src/a.d.cts': null,
      'src/a.js': 'javascript',
      'src/a.jsx': 'javascript',
      'src/a.mjs': 'javascript',
      'src/a.cjs': 'javascript',
      'src/a.min.js': null,
      'src/a-min.js': null,
      'src/a.min.mjs': null,
      'src/a.min.cjs': null,
      'src/amin.js': 'javascript',
      'src/a.min.jsx': 'javascript',
      'src/a.bundle.js': null,
      'src/bundle.js.js': 'javascript',
      'x/.ts': null,
      'x.d/ts': null,
      'a.py': 'python',
      'a.ipynb': 'notebook',
      'a.sh': 'shell',
      'a.bash': 'shell',
      'a.txt': null,
    });
  });

  it('gives the comment marker of a suppression in each language', () => {
    const languages: CodeLanguage[] = [
      'python',
      'notebook',
      'ruby',
      'shell',
      'typescript',
      'javascript',
      'go',
    ];
    expect(languages.map((l) => `${l} ${codeCommentSyntax(l)}`)).toStrictEqual([
      'python #',
      'notebook #',
      'ruby #',
      'shell #',
      'typescript //',
      'javascript //',
      'go //',
    ]);
  });
});

describe('parseCode: the grammar and the sites of a file', () => {
  it('parses a .tsx file with the TSX grammar, JSX and generic arrows included', async () => {
    const { source, code } = await parse(
      'a.tsx',
      'typescript',
      "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\n" +
        'const A = () => <div>{c.beta.files.upload({ file })}</div>;\n' +
        'const B = <T,>(x: T) => <b>{c.messages.batches.create({ requests: [] })}</b>;\n',
    );
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'typescript',
      source,
      sites: [
        {
          kind: 'files',
          span: { line: 3, column: 23, endLine: 3, endColumn: 52 },
          what: 'c.beta.files.upload',
        },
        {
          kind: 'batches',
          span: { line: 4, column: 29, endLine: 4, endColumn: 72 },
          what: 'c.messages.batches.create',
        },
      ],
      comments: [],
    });
  });

  it('parses a .ts file with the TypeScript grammar', async () => {
    const { source, code } = await parse(
      'a.ts',
      'typescript',
      "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\nconst y = <Foo>c;\n" +
        'abstract class K { private readonly f: Map<string, number> = new Map(); m(): void { c.beta.files.upload({ file }); } }\n' +
        'enum E { A = c.messages.batches.create({ requests: [] }) }\n',
    );
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'typescript',
      source,
      sites: [
        {
          kind: 'files',
          span: { line: 4, column: 85, endLine: 4, endColumn: 114 },
          what: 'c.beta.files.upload',
        },
        {
          kind: 'batches',
          span: { line: 5, column: 14, endLine: 5, endColumn: 57 },
          what: 'c.messages.batches.create',
        },
      ],
      comments: [],
    });
  });

  it('parses JavaScript as JavaScript, where an Agent SDK env object replaces the environment', async () => {
    const { source, code } = await parse(
      'a.js',
      'javascript',
      "import { query } from '@anthropic-ai/claude-agent-sdk';\nquery({ prompt: 'x', options: { env: { FOO: '1' } } });\n",
    );
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'javascript',
      source,
      sites: [
        {
          kind: 'agent-env-umbrella',
          span: { line: 2, column: 33, endLine: 2, endColumn: 50 },
          what: 'env: { … }',
        },
      ],
      comments: [],
    });
  });

  it('reports one site of a kind per line, and ends a call over many lines on its first line', async () => {
    const { source, code } = await parse(
      'a.py',
      'python',
      'import anthropic\nc = anthropic.Anthropic()\nc.beta.files.upload(file=a); c.beta.files.upload(file=b)\n' +
        'c.messages.batches.create(\n    requests=[],\n)\n',
    );
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'python',
      source,
      sites: [
        {
          kind: 'files',
          span: { line: 3, column: 1, endLine: 3, endColumn: 28 },
          what: 'c.beta.files.upload',
        },
        {
          kind: 'batches',
          span: { line: 4, column: 1, endLine: 4, endColumn: 26 },
          what: 'c.messages.batches.create',
        },
      ],
      comments: [],
    });
  });

  it('reads a shell script that names only the API host and a beta header', async () => {
    const { source, code } = await parse(
      'a.sh',
      'shell',
      "curl https://api.anthropic.com/v1/messages -H 'anthropic-beta: code-execution-2025-05-22' -d '{}'\n",
    );
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'shell',
      source,
      sites: [
        {
          kind: 'code-execution',
          span: { line: 1, column: 1, endLine: 1, endColumn: 98 },
          what: "curl https://api.anthropic.com/v1/messages -H 'anthropic-beta: code-execution…",
        },
      ],
      comments: [],
    });
  });

  it('finds nothing in a file that names none of the words a site needs', async () => {
    const { source, code } = await parse('a.py', 'python', 'x = 1\n');
    expect(code).toStrictEqual({ kind: 'code', language: 'python', source, sites: [], comments: [] });
  });
});

describe('parseCode: a notebook', () => {
  const notebook = (cells: unknown[]) => JSON.stringify({ metadata: {}, cells, nbformat: 4 }, null, 1) + '\n';

  it('reads its code cells as one program and puts each site on the line of its JSON string', async () => {
    const text = notebook([
      { cell_type: 'markdown', source: ['c.messages.batches.create(requests=[])\n'] },
      {
        cell_type: 'code',
        source: [
          'anthropic.Anthropic().beta.memory_stores.create(x=1); import anthropic\n',
          'c = anthropic.Anthropic()\n',
          'if True:\n',
          '    %time x\n',
          '    c.messages.batches.create(requests=[])\n',
        ],
      },
      {
        cell_type: 'code',
        source: [
          '  !ls\n',
          '%time c.beta.files.upload(file=f)\n',
          'n = 1 if a != b else c.beta.skills.create(x=1)\n',
        ],
      },
      {
        cell_type: 'code',
        source: 'c.beta.files.upload(file=f)\nc.beta.agents.create(x=1) # claude-code-policy',
      },
      { cell_type: 'code', source: ['x = 1'] },
      {
        cell_type: 'code',
        source: ['c.beta.', 'files.upload(file=f)\n', 'y=a!=b or c.beta.skills.create(x=1)\n'],
      },
      { cell_type: 'code', source: ['c.beta.vaults.create(x=1)'] },
      { cell_type: 'code', source: [1, 'c.beta.environments.create(x=1)'] },
      { cell_type: 'code' },
      'not a cell',
      [
        ['cell_type', 'code'],
        ['source', 'c.beta.files.upload(file=f)'],
      ],
      { source: ['c.beta.files.upload(file=f)'] },
    ]);
    const { source, code } = await parse('a.ipynb', 'notebook', text);
    const lines = text.split('\n');
    const lineOf = (part: string) => lines.findIndex((l) => l.includes(part)) + 1;
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'notebook',
      source,
      sites: [
        {
          kind: 'managed-agents',
          span: { line: lineOf('memory_stores'), column: 6, endLine: lineOf('memory_stores'), endColumn: 6 },
          what: 'anthropic.Anthropic().beta.memory_stores.create',
        },
        {
          kind: 'batches',
          span: {
            line: lineOf('    c.messages.batches'),
            column: 10,
            endLine: lineOf('    c.messages.batches'),
            endColumn: 10,
          },
          what: 'c.messages.batches.create',
        },
        {
          kind: 'skills',
          span: {
            line: lineOf('c.beta.skills'),
            column: 27,
            endLine: lineOf('c.beta.skills'),
            endColumn: 27,
          },
          what: 'c.beta.skills.create',
        },
        {
          kind: 'files',
          span: {
            line: lineOf('c.beta.agents'),
            column: 15,
            endLine: lineOf('c.beta.agents'),
            endColumn: 15,
          },
          what: 'c.beta.files.upload',
        },
        {
          kind: 'managed-agents',
          span: {
            line: lineOf('c.beta.agents'),
            column: 15,
            endLine: lineOf('c.beta.agents'),
            endColumn: 15,
          },
          what: 'c.beta.agents.create',
        },
        {
          kind: 'files',
          span: { line: lineOf('"c.beta.",'), column: 6, endLine: lineOf('"c.beta.",'), endColumn: 6 },
          what: 'c.beta.files.upload',
        },
        {
          kind: 'skills',
          span: { line: lineOf('y=a!=b'), column: 16, endLine: lineOf('y=a!=b'), endColumn: 16 },
          what: 'c.beta.skills.create',
        },
        {
          kind: 'managed-agents',
          span: { line: lineOf('c.beta.vaults'), column: 6, endLine: lineOf('c.beta.vaults'), endColumn: 6 },
          what: 'c.beta.vaults.create',
        },
        {
          kind: 'managed-agents',
          span: {
            line: lineOf('c.beta.environments'),
            column: 6,
            endLine: lineOf('c.beta.environments'),
            endColumn: 6,
          },
          what: 'c.beta.environments.create',
        },
      ],
      comments: [{ line: lineOf('c.beta.agents'), column: 41, text: '# claude-code-policy' }],
    });
    expect(
      [
        '    c.messages.batches',
        'c.beta.skills',
        'c.beta.agents',
        'c.beta.vaults',
        'c.beta.environments',
      ].map(lineOf),
    ).toStrictEqual([17, 25, 30, 49, 56]);
  });

  it('finds nothing in a notebook without the words a site needs, or that is not a JSON object', async () => {
    for (const text of [
      '{"cells": [{"cell_type": "code", "source": ["x = 1"]}]}\n',
      '["files"]\n',
      '[["cells", [{"cell_type": "code", "source": "import anthropic\\nanthropic.Anthropic().beta.files.upload(file=f)"}]]]\n',
      '{"files": 1}\n',
    ]) {
      const { source, code } = await parse('a.ipynb', 'notebook', text);
      expect(code).toStrictEqual({ kind: 'code', language: 'notebook', source, sites: [], comments: [] });
    }
  });
});

describe('parseWorkflowRuns: the run blocks of a workflow', () => {
  it('puts each site on the line of the block it comes from, or on the key of a folded block', async () => {
    const text = [
      '# curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api-2025-04-14"',
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo files',
      '      - run: |',
      '          echo start',
      '',
      '          curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api-2025-04-14"',
      '          curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api-2025-04-14"',
      '      - run: >',
      '          curl https://api.anthropic.com/v1/messages/batches',
      '          -d "{}"',
      '      - run: >',
      "          curl -d {} -H 'anthropic-beta: mcp-client-2025-04-04'",
      '          https://api.anthropic.com/v1/messages',
      '      - run: "echo \\"x\\"\\ncurl -d {} -H \'anthropic-beta: skills-2025-10-02\' https://api.anthropic.com/v1/messages"',
      '# curl https://api.anthropic.com/v1/messages/batches -d "{}"',
      '# echo "x"',
      '',
    ].join('\n');
    const source = createSourceFile('.github/workflows/a.yml', text);
    const code = await parseWorkflowRuns({ kind: 'workflow', source, workflow: parseWorkflow(source) });
    const files = 'curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api…';
    expect(code).toStrictEqual({
      kind: 'code',
      language: 'shell',
      source: createSourceFile(source.path, source.text),
      sites: [
        {
          kind: 'skills',
          span: { line: 19, column: 27, endLine: 19, endColumn: 27 },
          what: "curl -d {} -H 'anthropic-beta: skills-2025-10-02' https://api.anthropic.com/v…",
        },
        {
          kind: 'mcp-connector',
          span: { line: 16, column: 9, endLine: 16, endColumn: 9 },
          what: "curl -d {} -H 'anthropic-beta: mcp-client-2025-04-04' https://api.anthropic.c…",
        },
        {
          kind: 'batches',
          span: { line: 13, column: 9, endLine: 13, endColumn: 9 },
          what: 'curl https://api.anthropic.com/v1/messages/batches -d "{}"',
        },
        { kind: 'files', span: { line: 11, column: 11, endLine: 11, endColumn: 11 }, what: files },
        { kind: 'files', span: { line: 12, column: 11, endLine: 12, endColumn: 11 }, what: files },
      ],
      comments: [],
    });
  });

  it('gives nothing for a workflow whose run blocks never name the API', async () => {
    const source = createSourceFile(
      '.github/workflows/a.yml',
      'on: push\njobs:\n  a:\n    steps:\n      - run: echo files\n',
    );
    expect(
      await parseWorkflowRuns({ kind: 'workflow', source, workflow: parseWorkflow(source) }),
    ).toBeUndefined();
  });
});
