// What parseCode makes of a notebook file that is no JSON at all, and which strings of a workflow parseWorkflowRuns
// reads as shell: the `run:` blocks only, never a step's name, env or inputs that happen to hold a command.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { parseCode, parseWorkflowRuns } from '../src/parse/code/parse-code.js';
import { parseWorkflow } from '../src/parse/workflow.js';

describe('parseCode: a notebook file that is not JSON', () => {
  it('finds nothing and reports no parse error when the text holds no JSON value at all', async () => {
    for (const text of [
      // A Python script saved under .ipynb: it has the words a site needs, but jsonc-parser finds no value in it.
      'import anthropic\nfiles = anthropic.Anthropic().beta.files.list()\n',
      'files\n',
      '// files\n',
    ]) {
      const source = createSourceFile('a.ipynb', text);
      expect(await parseCode(source, 'notebook')).toStrictEqual({
        kind: 'code',
        language: 'notebook',
        source,
        sites: [],
        comments: [],
      });
    }
  });
});

describe('parseWorkflowRuns: only run blocks are shell', () => {
  const files = 'curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api-2025-04-14"';
  const batches = 'curl https://api.anthropic.com/v1/messages/batches -d "{}"';

  it('reads the run block of a step and leaves its name, env and with inputs alone', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - name: ${batches}`,
      '        env:',
      `          CMD: ${batches}`,
      `        run: |`,
      `          ${files}`,
      '      - uses: actions/github-script@v7',
      '        with:',
      `          script: ${batches}`,
      `          args: ["${batches.replaceAll('"', "'")}"]`,
      '',
    ].join('\n');
    const source = createSourceFile('.github/workflows/a.yml', text);
    expect(
      await parseWorkflowRuns({ kind: 'workflow', source, workflow: parseWorkflow(source) }),
    ).toStrictEqual({
      kind: 'code',
      language: 'shell',
      source: createSourceFile(source.path, source.text),
      sites: [
        {
          kind: 'files',
          span: { line: 10, column: 11, endLine: 10, endColumn: 11 },
          what: 'curl https://api.anthropic.com/v1/files -d "{}" -H "anthropic-beta: files-api…',
        },
      ],
      comments: [],
    });
  });

  it('gives nothing when the API is named only outside run blocks', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - name: ${batches}`,
      '        env:',
      `          CMD: '${files}'`,
      '        run: echo "$CMD"',
      '',
    ].join('\n');
    const source = createSourceFile('.github/workflows/a.yml', text);
    expect(
      await parseWorkflowRuns({ kind: 'workflow', source, workflow: parseWorkflow(source) }),
    ).toBeUndefined();
  });
});
