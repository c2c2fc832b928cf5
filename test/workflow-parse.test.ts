// Reading a workflow file: what the parser hands back for invalid or hostile YAML, every string value with its
// place, duplicate keys, anchors and aliases, `env:` blocks, the provider inputs, `claude_env` lines, the settings
// inputs and the `run:` steps that start Claude Code, each asserted as the whole parsed structure.
import { describe, expect, it } from 'vitest';
import { hasExpression, isClaudeAction, parseWorkflow, type ParsedWorkflow } from '../src/parse/workflow.js';
import { createSourceFile } from '../src/discover/source.js';
import type { Span } from '../src/model.js';

const WF = '.github/workflows/claude.yml';

/** Lines joined with \n and a final newline: line N of the file is argument N. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

const span = (line: number, column: number, endLine: number, endColumn: number): Span => ({
  line,
  column,
  endLine,
  endColumn,
});

/** The parsed workflow, its strings in file order (the walk that collects them is not). */
function parse(text: string): ParsedWorkflow {
  const parsed = parseWorkflow(createSourceFile(WF, text));
  return { ...parsed, strings: [...parsed.strings].sort((a, b) => a.offset - b.offset) };
}

describe('a workflow that does not parse', () => {
  it('is not checked when nested too deeply for the parser (CFG008 on the first line), whatever the stack size', () => {
    const deep: ParsedWorkflow = {
      ok: false,
      problems: [
        { ruleId: 'CFG008', message: 'nested too deeply to parse', span: span(1, 1, 1, 1), syntax: 'yaml' },
      ],
      claudeSteps: [],
      strings: [],
    };
    // Deep enough to overflow any stack: at a few thousand levels it depends on how far V8 has optimised the parser
    // (the mutation run's long-lived workers parse 3,000 levels without overflowing).
    expect(parse('['.repeat(100_000) + ']'.repeat(100_000))).toEqual(deep);
    // Unclosed as well: the depth is the reason it was not read, whatever else the parser found.
    expect(parse(`on: push\nx: ${'['.repeat(100_000)}`)).toEqual(deep);
  });

  it('is reported over the whole range the parser names, clamped to the content', () => {
    expect(parse('a\nb:\n')).toEqual({
      ok: false,
      problems: [
        {
          ruleId: 'CFG001',
          message: 'not valid YAML: implicit keys need to be on a single line',
          span: span(1, 1, 2, 2),
          syntax: 'yaml',
        },
      ],
      claudeSteps: [],
      strings: [],
    });
  });

  it("gives the parser's message on one line, trimmed, without its final full stop", () => {
    expect(parse('a: "\\x. "\n').problems).toEqual([
      {
        ruleId: 'CFG001',
        message: 'not valid YAML: invalid escape sequence \\x',
        span: span(1, 5, 1, 6),
        syntax: 'yaml',
      },
    ]);
    expect(parse('a: "\\x.4"\n').problems).toEqual([
      {
        ruleId: 'CFG001',
        message: 'not valid YAML: invalid escape sequence \\x.4',
        span: span(1, 5, 1, 6),
        syntax: 'yaml',
      },
    ]);
  });
});

describe('the string values of a workflow, for the committed-credential check', () => {
  it('lists every string value of a mapping or a sequence with its key and its place, and nothing else', () => {
    expect(
      parse(
        lines(
          'on: push',
          'name: "Claude"',
          'n: 1',
          'e: { A }',
          'list: [x, 2, { k: v }, [y]]',
          '? [complex]',
          ': "under a complex key"',
          'm: { z: 3 }',
        ),
      ),
    ).toEqual({
      ok: true,
      problems: [],
      claudeSteps: [],
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { key: 'name', value: 'Claude', offset: 9, length: 14 },
        { value: 'x', offset: 45, length: 1, key: undefined },
        { key: 'k', value: 'v', offset: 53, length: 4 },
        { value: 'y', offset: 62, length: 1, key: undefined },
        { value: 'complex', offset: 69, length: 7, key: undefined },
        { value: 'under a complex key', offset: 80, length: 21, key: undefined },
      ],
    });
  });
});

describe('duplicate keys in a workflow', () => {
  it('reports the first 20 with their places, counts the rest, and leaves keys that are not scalars alone', () => {
    const text = lines(
      'on: push',
      ...Array.from({ length: 22 }, (_, i) => `x: ${i}`),
      '? [a]',
      ': 1',
      '? [b]',
      ': 2',
    );
    const duplicates = Array.from({ length: 20 }, (_, i) => ({
      ruleId: 'CFG004',
      message: `duplicate key "x" (first on line ${i + 2}): GitHub rejects the whole workflow ('x' is already defined)`,
      span: span(i + 3, 1, i + 3, 2),
      syntax: 'yaml',
    }));
    expect(parse(text)).toEqual({
      ok: true,
      problems: [...duplicates.slice(0, 19), { ...duplicates[19], more: 1 }],
      claudeSteps: [],
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { value: 'a', offset: 134, length: 1, key: undefined },
        { value: 'b', offset: 144, length: 1, key: undefined },
      ],
    });
  });

  it('lists the problems of the workflow and of its inline settings together, by line and column', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          `      - uses: anthropics/claude-code-action@v1`,
          `        with: { settings: '{"a": 1, "a": 2}', x: 1, x: 2 }`,
          'name: a',
          'name: b',
        ),
      ).problems,
    ).toEqual([
      {
        ruleId: 'CFG004',
        message:
          'in the `settings` input: duplicate key "a" (first on line 6): Claude Code uses this later value and ignores the first',
        span: span(6, 37, 6, 40),
        syntax: 'json',
      },
      {
        ruleId: 'CFG004',
        message:
          'duplicate key "x" (first on line 6): GitHub rejects the whole workflow (\'x\' is already defined)',
        span: span(6, 53, 6, 54),
        syntax: 'yaml',
      },
      {
        ruleId: 'CFG004',
        message:
          'duplicate key "name" (first on line 7): GitHub rejects the whole workflow (\'name\' is already defined)',
        span: span(8, 1, 8, 5),
        syntax: 'yaml',
      },
    ]);
  });
});

describe('anchors and aliases in a workflow', () => {
  it('resolves an alias to the last anchor of that name before it, and an alias to no anchor to nothing', () => {
    expect(
      parse(
        lines(
          'on: push',
          'env: &e',
          '  FIRST: "1"',
          'jobs:',
          '  one:',
          '    env: *e',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        env: &e',
          '          SECOND: "2"',
          '  two:',
          '    env: *e',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        env: *missing',
          '        with: *missing',
          '  ? [complex]',
          '  : steps:',
          '      - uses: anthropics/claude-code-action@v1',
        ),
      ),
    ).toEqual({
      ...{
        ok: true,
        problems: [],
        claudeSteps: [
          {
            kind: 'action',
            path: 'jobs.one.steps[0]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(8, 9, 8, 47),
            workflowEnv: [{ name: 'FIRST', value: '1', unknown: false, span: span(3, 3, 3, 13) }],
            jobEnv: [{ name: 'FIRST', value: '1', unknown: false, span: span(3, 3, 3, 13) }],
            githubEnv: [],
            stepEnv: [{ name: 'SECOND', value: '2', unknown: false, span: span(10, 11, 10, 22) }],
            claudeEnv: [],
            providers: [],
          },
          {
            kind: 'action',
            path: 'jobs.two.steps[0]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(14, 9, 14, 47),
            workflowEnv: [{ name: 'FIRST', value: '1', unknown: false, span: span(3, 3, 3, 13) }],
            jobEnv: [{ name: 'SECOND', value: '2', unknown: false, span: span(10, 11, 10, 22) }],
            githubEnv: [],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
        ],
      },
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { key: 'FIRST', value: '1', offset: 19, length: 10 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 74, length: 38 },
        { key: 'SECOND', value: '2', offset: 139, length: 11 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 189, length: 38 },
        { value: 'complex', offset: 278, length: 7, key: undefined },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 306, length: 38 },
      ],
    });
  });
});

describe('env blocks and provider inputs', () => {
  it('keeps scalar and empty values, skips collections and keys that are not names', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        env: { NULL_VALUE, MAP: { a: 1 }, LIST: [1], NUM: 2, BRACES: "abc }}", ? [k] : v, : x }',
          '        with: { use_bedrock, use_vertex: [true], use_foundry: TRUE }',
        ),
      ).claudeSteps,
    ).toEqual([
      {
        kind: 'action',
        path: 'jobs.j.steps[0]',
        uses: 'anthropics/claude-code-action@v1',
        usesSpan: span(5, 9, 5, 47),
        workflowEnv: [],
        jobEnv: [],
        githubEnv: [],
        stepEnv: [
          { name: 'NULL_VALUE', value: '', unknown: false, span: span(6, 16, 6, 26) },
          { name: 'NUM', value: '2', unknown: false, span: span(6, 54, 6, 60) },
          { name: 'BRACES', value: 'abc }}', unknown: false, span: span(6, 62, 6, 78) },
        ],
        claudeEnv: [],
        providers: [
          {
            input: 'use_bedrock',
            variable: 'CLAUDE_CODE_USE_BEDROCK',
            selected: false,
            unknown: false,
            raw: '',
            span: span(7, 17, 7, 28),
          },
          {
            input: 'use_foundry',
            variable: 'CLAUDE_CODE_USE_FOUNDRY',
            selected: true,
            unknown: false,
            raw: 'true',
            span: span(7, 50, 7, 67),
          },
        ],
      },
    ]);
  });

  it('knows an expression only by a `${{` before a `}}`', () => {
    expect([
      hasExpression('abc }}'),
      hasExpression('ab}}'),
      hasExpression('${{ x }}'),
      hasExpression('a${{b}}'),
    ]).toEqual([false, false, true, true]);
  });
});

describe('claude_env lines', () => {
  it('reads NAME: value lines as the action does, each with its place', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          claude_env: |',
          '',
          '            FIRST: one',
          '              # note: not a variable',
          '            NOCOLON',
          '            : no name',
          '            SPACED  :  "two"  ',
          "            SINGLE: 'three'",
          '            LONE: "',
          '            EMPTY: ""',
          '            OPEN: "four',
          '            HASH: five#',
          '            LAST: ${{ secrets.X }}',
          '              INDENTED: six',
        ),
      ),
    ).toEqual({
      ...{
        ok: true,
        problems: [],
        claudeSteps: [
          {
            kind: 'action',
            path: 'jobs.j.steps[0]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(5, 9, 5, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            claudeEnv: [
              { name: 'FIRST', value: 'one', unknown: false, span: span(9, 13, 9, 23) },
              { name: 'SPACED', value: 'two', unknown: false, span: span(13, 13, 13, 29) },
              { name: 'SINGLE', value: 'three', unknown: false, span: span(14, 13, 14, 28) },
              { name: 'LONE', value: '"', unknown: false, span: span(15, 13, 15, 20) },
              { name: 'EMPTY', value: '', unknown: false, span: span(16, 13, 16, 22) },
              { name: 'OPEN', value: '"four', unknown: false, span: span(17, 13, 17, 24) },
              { name: 'HASH', value: 'five#', unknown: false, span: span(18, 13, 18, 24) },
              { name: 'LAST', value: '${{ secrets.X }}', unknown: true, span: span(19, 13, 19, 35) },
              { name: 'INDENTED', value: 'six', unknown: false, span: span(20, 15, 20, 28) },
            ],
            providers: [],
          },
        ],
      },
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 39, length: 38 },
        {
          key: 'claude_env',
          value:
            '\nFIRST: one\n  # note: not a variable\nNOCOLON\n: no name\nSPACED  :  "two"  \nSINGLE: \'three\'\nLONE: "\nEMPTY: ""\nOPEN: "four\nHASH: five#\nLAST: ${{ secrets.X }}\n  INDENTED: six\n',
          offset: 102,
          length: 328,
        },
        { key: 'FIRST', value: 'one', offset: 129, length: 10 },
        { key: 'SPACED', value: 'two', offset: 231, length: 16 },
        { key: 'SINGLE', value: 'three', offset: 262, length: 15 },
        { key: 'LONE', value: '"', offset: 290, length: 7 },
        { key: 'EMPTY', value: '', offset: 310, length: 9 },
        { key: 'OPEN', value: '"four', offset: 332, length: 11 },
        { key: 'HASH', value: 'five#', offset: 356, length: 11 },
        { key: 'LAST', value: '${{ secrets.X }}', offset: 380, length: 22 },
        { key: 'INDENTED', value: 'six', offset: 417, length: 13 },
      ],
    });
  });

  it('reads a last line without a line break, and nothing from a claude_env that is not a string; an empty settings input is none', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          claude_env: "A: 1"',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          claude_env: 5',
          '          claude_args: 5',
          '          settings: ""',
        ),
      ),
    ).toEqual({
      ...{
        ok: true,
        problems: [],
        claudeSteps: [
          {
            kind: 'action',
            path: 'jobs.j.steps[0]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(5, 9, 5, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            claudeEnv: [{ name: 'A', value: '1', unknown: false, span: span(7, 24, 7, 28) }],
            providers: [],
          },
          {
            kind: 'action',
            path: 'jobs.j.steps[1]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(8, 9, 8, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
        ],
      },
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 39, length: 38 },
        { key: 'claude_env', value: 'A: 1', offset: 102, length: 18 },
        { key: 'A', value: '1', offset: 115, length: 4 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 129, length: 38 },
        { key: 'settings', value: '', offset: 241, length: 12 },
      ],
    });
  });
});

describe('settings inputs', () => {
  it('maps inline settings in claude_args and in settings to their places in the file', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          claude_args: |',
          `            --model x --settings '{"b": 1, "env": {"B": "2"}}'`,
          '          settings: " {\\"a\\": 1}"',
          '      - uses: anthropics/claude-code-action@v1',
          '        with: { settings }',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          claude_args: |',
          `            --settings '{"a": 1,}'`,
        ),
      ),
    ).toEqual({
      ...{
        ok: true,
        problems: [
          {
            ruleId: 'CFG001',
            message:
              'the `settings` input is not valid JSON: trailing comma; the action stops before Claude Code starts',
            span: span(15, 33, 15, 34),
            syntax: 'json',
          },
        ],
        claudeSteps: [
          {
            kind: 'action',
            path: 'jobs.j.steps[0]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(5, 9, 5, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            cliSettings: {
              kind: 'inline',
              span: span(8, 35, 8, 62),
              keys: [
                { key: 'b', value: 1, span: span(8, 36, 8, 42) },
                { key: 'env', value: { B: '2' }, span: span(8, 44, 8, 61) },
              ],
              env: [{ name: 'B', value: '2', unknown: false, span: span(8, 52, 8, 60) }],
            },
            claudeEnv: [],
            providers: [],
            settings: {
              kind: 'inline',
              span: span(9, 11, 9, 34),
              keys: [{ key: 'a', value: 1, span: span(9, 24, 9, 32) }],
              env: [],
            },
          },
          {
            kind: 'action',
            path: 'jobs.j.steps[1]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(10, 9, 10, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
          {
            kind: 'action',
            path: 'jobs.j.steps[2]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(12, 9, 12, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            cliSettings: { kind: 'inline', span: span(15, 25, 15, 34), keys: [], env: [] },
            claudeEnv: [],
            providers: [],
          },
        ],
      },
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 39, length: 38 },
        {
          key: 'claude_args',
          value: '--model x --settings \'{"b": 1, "env": {"B": "2"}}\'\n',
          offset: 102,
          length: 77,
        },
        { key: 'B', value: '2', offset: 168, length: 8 },
        { key: 'settings', value: ' {"a": 1}', offset: 190, length: 23 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 222, length: 38 },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 296, length: 38 },
        { key: 'claude_args', value: '--settings \'{"a": 1,}\'\n', offset: 359, length: 49 },
      ],
    });
  });
});

describe('run: steps and $GITHUB_ENV', () => {
  it('reads the command, its --settings and what earlier steps append to $GITHUB_ENV', () => {
    expect(
      parse(
        lines(
          'on: push',
          'jobs:',
          '  j:',
          '    steps:',
          '      - run: |',
          '          echo "PLAIN=x" >> "$GITHUB_ENV"',
          '          echo "HOME_DIR=$HOME" >> "$GITHUB_ENV"',
          '          echo "SECRET=${{ secrets.S }}" >> "$GITHUB_ENV"',
          `          set -e; claude -p hi --settings '{"a": 1,}'`,
          '      - uses: anthropics/claude-code-action@v1',
          '      - uses: 1',
          '        run: claude -p "number uses"',
          '      - uses:',
          '        run: claude -p "empty uses"',
          '      - { uses }',
        ),
      ),
    ).toEqual({
      ...{
        ok: true,
        problems: [
          {
            ruleId: 'CFG001',
            message:
              'the `settings` input is not valid JSON: trailing comma; the action stops before Claude Code starts',
            span: span(9, 52, 9, 53),
            syntax: 'json',
          },
        ],
        claudeSteps: [
          {
            kind: 'run',
            path: 'jobs.j.steps[0]',
            uses: 'claude',
            usesSpan: span(9, 19, 9, 25),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [],
            stepEnv: [],
            cliSettings: { kind: 'inline', span: span(9, 44, 9, 53), keys: [], env: [] },
            claudeEnv: [],
            providers: [],
          },
          {
            kind: 'action',
            path: 'jobs.j.steps[1]',
            uses: 'anthropics/claude-code-action@v1',
            usesSpan: span(10, 9, 10, 47),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [
              { name: 'PLAIN', value: 'x', unknown: false, span: span(6, 11, 6, 42) },
              { name: 'HOME_DIR', value: '$HOME', unknown: true, span: span(7, 11, 7, 49) },
              { name: 'SECRET', value: '${{ secrets.S }}', unknown: true, span: span(8, 11, 8, 58) },
            ],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
          {
            kind: 'run',
            path: 'jobs.j.steps[2]',
            uses: 'claude',
            usesSpan: span(12, 14, 12, 20),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [
              { name: 'PLAIN', value: 'x', unknown: false, span: span(6, 11, 6, 42) },
              { name: 'HOME_DIR', value: '$HOME', unknown: true, span: span(7, 11, 7, 49) },
              { name: 'SECRET', value: '${{ secrets.S }}', unknown: true, span: span(8, 11, 8, 58) },
            ],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
          {
            kind: 'run',
            path: 'jobs.j.steps[3]',
            uses: 'claude',
            usesSpan: span(14, 14, 14, 20),
            workflowEnv: [],
            jobEnv: [],
            githubEnv: [
              { name: 'PLAIN', value: 'x', unknown: false, span: span(6, 11, 6, 42) },
              { name: 'HOME_DIR', value: '$HOME', unknown: true, span: span(7, 11, 7, 49) },
              { name: 'SECRET', value: '${{ secrets.S }}', unknown: true, span: span(8, 11, 8, 58) },
            ],
            stepEnv: [],
            claudeEnv: [],
            providers: [],
          },
        ],
      },
      strings: [
        { key: 'on', value: 'push', offset: 0, length: 8 },
        {
          key: 'run',
          value:
            'echo "PLAIN=x" >> "$GITHUB_ENV"\necho "HOME_DIR=$HOME" >> "$GITHUB_ENV"\necho "SECRET=${{ secrets.S }}" >> "$GITHUB_ENV"\nset -e; claude -p hi --settings \'{"a": 1,}\'\n',
          offset: 39,
          length: 209,
        },
        { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 257, length: 38 },
        { key: 'run', value: 'claude -p "number uses"', offset: 320, length: 28 },
        { key: 'run', value: 'claude -p "empty uses"', offset: 371, length: 27 },
      ],
    });
  });
});

describe('which uses: values are the Claude action', () => {
  it.each([
    [' anthropics/claude-code-action @v1', true],
    ['anthropics/claude-code-action//@v1', true],
    ['anthropics/claude-code-action/@v1', true],
  ])('%j → %s', (uses, expected) => {
    expect(isClaudeAction(uses)).toBe(expected);
  });
});
