// Workflow parsing, the Claude step's inputs in detail: where each character of a YAML scalar sits in the file
// (scalarOffsets), what the `settings` input (inline JSON or a path) and the `env:` blocks read as, and the exact
// problems and strings that inline settings add. The whole-pipeline cases live in test/workflow.test.ts.
import { describe, expect, it } from 'vitest';
import { parseDocument, Scalar } from 'yaml';
import { parseWorkflow, type ParsedWorkflow } from '../src/parse/workflow.js';
import { scalarOffsets } from '../src/parse/workflow.js';
import { createSourceFile } from '../src/discover/source.js';

/** The first scalar of a YAML text: the document itself, or the value of its first `key: value`. */
function firstScalar(text: string): Scalar {
  const contents = parseDocument(text).contents as unknown as { items?: { value: Scalar }[] } & Scalar;
  return contents.items === undefined ? contents : contents.items[0]!.value;
}

function offsetsOf(text: string): { value: string; offsets: number[] } {
  const node = firstScalar(text);
  const value = String(node.value);
  return { value, offsets: scalarOffsets(text, node, value) };
}

describe('scalarOffsets: every value character at its source character', () => {
  it.each<[string, string, string, number[]]>([
    // Quoted scalars: the walk starts after the opening quote, so a value that begins with a quote character maps
    // to the escape or the doubled quote, not to the delimiter.
    ['an escaped quote first', '"\\"a"', '"a', [1, 3, 4]],
    ["a doubled ' first", "'''a'", "'a", [1, 3, 4]],
    ['an empty double-quoted value', '""', '', [1]],
    // Hex escapes of each width, and the simple escapes (`\t` is a tab, `\\` a backslash).
    ['hex escapes', '"a\\x41\\u0042\\U00000043"', 'aABC', [1, 2, 6, 12, 22]],
    ['simple escapes', '"a\\tb\\\\c"', 'a\tb\\c', [1, 2, 4, 5, 7, 8]],
    // An escape after folding layout maps to the escape, not to the layout before it.
    ['a simple escape after a folded break', '"a\n  \\tb"', 'a \tb', [1, 3, 5, 7, 8]],
    // An escaped line break (LF or CRLF) stands for nothing: the next character maps past it and the indentation.
    ['an escaped LF line break', '"a\\\n  b"', 'ab', [1, 6, 7]],
    ['an escaped CRLF line break', '"a\\\r\n  b"', 'ab', [1, 7, 8]],
    ['an escaped CRLF line break before an astral escape', '"\\\r\n\\U0001F600"', '😀', [1, 4, 14]],
    ['an escaped line break last', '"ab\\\n  "', 'ab', [1, 2, 3]],
    // An astral character is two UTF-16 units and one escape: the first unit maps to the escape, the second after it.
    ['an astral escape', '"\\U0001F600"', '😀', [1, 11, 11]],
    // A folded line break (a space YAML produced) before an escape maps to the break; the escape to itself.
    ['a folded break before an escape', '"a\n\\x41 "', 'a A ', [1, 2, 3, 7, 8]],
    // A folded space with nothing after it inside the quotes stays inside the scalar's range.
    ['a folded space at the end, a blank after the quote', '"a\n" ', 'a ', [1, 2, 2]],
    // Plain and single-quoted folding: the folded space maps to the line break; what follows it is not skipped.
    ['a plain scalar at offset 0, folded', 'a\nb c', 'a b c', [0, 1, 2, 3, 4, 5]],
    ['a single-quoted scalar, folded', "'a\nb c'", 'a b c', [1, 2, 3, 4, 5, 6]],
    ['a trailing tab before a folded break', 'a\t\n  b', 'a b', [0, 3, 5, 6]],
    ['a CRLF folded break', 'a\r\n  b', 'a b', [0, 3, 5, 6]],
    // A block scalar starts on the line after its header; the final newline YAML adds maps to the last character.
    ['a block literal without a final newline', '|\n  abc', 'abc\n', [4, 5, 6, 6, 7]],
    ['an empty block scalar at the end of the text', 'k: |', '', [4]],
  ])('%s: %j', (_name, text, value, offsets) => {
    expect(offsetsOf(text)).toEqual({ value, offsets });
  });

  it('maps every character of a scalar built in code, with no source range, to offset 0', () => {
    expect(scalarOffsets('ab', new Scalar('ab'), 'ab')).toEqual([0, 0, 0]);
  });

  // Texts YAML reports errors in (the workflow parser stops before it maps them); the mapping still stays in range.
  it.each<[string, string, string, number[]]>([
    // YAML 1.2 counts a lone CR as a line break: escaped, it is two characters long.
    ['an escaped lone CR', '"\\\r\\U0001F600"', '\\\r😀', [1, 3, 13, 13, 13]],
    // An invalid hex escape stands for nothing, so the walk goes on to the `\\` after it.
    ['an invalid hex escape', '"\\xZZ\\\\"', '\\xZZ\\', [5, 7, 7, 7, 7, 7]],
  ])('%s: %j', (_name, text, value, offsets) => {
    expect(offsetsOf(text)).toEqual({ value, offsets });
  });
});

const WF = '.github/workflows/claude.yml';

/** A workflow with one claude-code-action step whose own lines (`with:`, `env:` …) start on line 6, column 9. */
function step(...own: string[]): ParsedWorkflow {
  const text = [
    'on: push',
    'jobs:',
    '  a:',
    '    steps:',
    '      - uses: anthropics/claude-code-action@v1',
    ...own.map((line) => `        ${line}`),
  ].join('\n');
  return parseWorkflow(createSourceFile(WF, `${text}\n`));
}

/** The span of `line`, columns [column, endColumn). */
const at = (line: number, column: number, endColumn: number, endLine = line) => ({
  line,
  column,
  endLine,
  endColumn,
});

/** The strings every `step()` workflow holds before its own: `on: push` and the `uses:` pair. */
const BASE_STRINGS = [
  { key: 'on', value: 'push', offset: 0, length: 8 },
  { key: 'uses', value: 'anthropics/claude-code-action@v1', offset: 39, length: 38 },
];

describe('the settings input given as a path', () => {
  it.each([
    // The action reads a path from the workspace: a leading `${{ github.workspace }}` (any blanks inside the
    // braces, any slashes after it) is the workspace itself, so the path is known.
    [
      "'${{github.workspace}}//cfg/s.json'",
      { kind: 'path', span: at(7, 11, 56), path: 'cfg/s.json', fromWorkspace: true },
    ],
    [
      "'${{ github.workspace }}/cfg/s.json'",
      { kind: 'path', span: at(7, 11, 57), path: 'cfg/s.json', fromWorkspace: true },
    ],
    ['cfg/s.json', { kind: 'path', span: at(7, 11, 31), path: 'cfg/s.json', fromWorkspace: false }],
    // An expression anywhere else, or a shell expansion, is only known at run time.
    ["'x/${{ github.workspace }}/s.json'", { kind: 'unknown', span: at(7, 11, 55) }],
    // Text right after the braces names a file beside the workspace, not in it.
    ["'${{ github.workspace }}-s.json'", { kind: 'unknown', span: at(7, 11, 53) }],
    ['$HOME/s.json', { kind: 'unknown', span: at(7, 11, 33) }],
  ])('settings: %s', (value, settings) => {
    const parsed = step('with:', `  settings: ${value}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps[0]!.settings).toEqual(settings);
  });
});

describe('inline settings that give Claude Code nothing', () => {
  it('reads a JSON array (inline, as the action sees it) as no keys and no env', () => {
    const parsed = step('with:', "  settings: '[1, 2]'");
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 29),
      keys: [],
      env: [],
    });
  });

  it('reads JSON that does not parse as no keys and no env, with one CFG001 at the end of the text', () => {
    const parsed = step('with:', `  settings: '{"a": '`);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 29),
      keys: [],
      env: [],
    });
    expect(parsed.problems).toStrictEqual([
      {
        ruleId: 'CFG001',
        message:
          'the `settings` input is not valid JSON: unexpected end of file (is it truncated?); the action stops before Claude Code starts',
        span: at(7, 28, 29),
        syntax: 'json',
      },
    ]);
  });
});

describe('inline settings: the env entries and strings they add', () => {
  it('passes string, number and boolean env values on as text, and leaves objects and nulls out', () => {
    const settings = '{"env": {"A": {}, "B": 1, "C": true, "D": "${{ secrets.X }}", "E": null, "F": "x"}}';
    const parsed = step('with:', `  settings: '${settings}'`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 106),
      keys: [
        {
          key: 'env',
          value: { A: {}, B: 1, C: true, D: '${{ secrets.X }}', E: null, F: 'x' },
          span: at(7, 23, 104),
        },
      ],
      env: [
        { name: 'B', value: '1', unknown: false, span: at(7, 40, 46) },
        { name: 'C', value: 'true', unknown: false, span: at(7, 48, 57) },
        { name: 'D', value: '${{ secrets.X }}', unknown: true, span: at(7, 59, 82) },
        { name: 'F', value: 'x', unknown: false, span: at(7, 95, 103) },
      ],
    });
    expect(parsed.strings).toEqual([
      ...BASE_STRINGS,
      { key: 'settings', value: settings, offset: 102, length: 95 },
      { key: 'F', value: 'x', offset: 186, length: 8 },
      { key: 'D', value: '${{ secrets.X }}', offset: 150, length: 23 },
    ]);
  });

  it('reads an `env` that is not an object as no env, and keeps only `"key": "string"` properties as strings', () => {
    const settings = '{"env": "ab", "list": ["a", "b"], "n": 1}';
    const parsed = step('with:', `  settings: '${settings}'`);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 64),
      keys: [
        { key: 'env', value: 'ab', span: at(7, 23, 34) },
        { key: 'list', value: ['a', 'b'], span: at(7, 36, 54) },
        { key: 'n', value: 1, span: at(7, 56, 62) },
      ],
      env: [],
    });
    expect(parsed.strings).toEqual([
      ...BASE_STRINGS,
      { key: 'settings', value: settings, offset: 102, length: 53 },
      { key: 'env', value: 'ab', offset: 114, length: 11 },
    ]);
  });
  it('reads `"env": null` as no env', () => {
    const parsed = step('with:', `  settings: '{"env": null}'`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 36),
      keys: [{ key: 'env', value: null, span: at(7, 23, 34) }],
      env: [],
    });
  });
});

describe('inline settings problems at their workflow line', () => {
  it('names the workflow line of the first of duplicate keys, also past virtual line 9', () => {
    const keys = Array.from({ length: 9 }, (_, i) => `      "k${i}": ${i},`);
    const parsed = step('with:', '  settings: |', '    {', ...keys, '      "z": 1,', '      "z": 2', '    }');
    expect(parsed.problems).toStrictEqual([
      {
        ruleId: 'CFG004',
        message:
          'in the `settings` input: duplicate key "z" (first on line 18): Claude Code uses this later value and ignores the first',
        span: at(19, 15, 18),
        syntax: 'json',
      },
    ]);
  });

  it('builds the first 20 duplicate keys and counts the rest on the last one', () => {
    const keys = Array.from({ length: 21 }, () => '      "a": 1,');
    const parsed = step('with:', '  settings: |', '    {', ...keys, '      "a": 2', '    }');
    const problem = (line: number) => ({
      ruleId: 'CFG004',
      message: `in the \`settings\` input: duplicate key "a" (first on line ${line - 1}): Claude Code uses this later value and ignores the first`,
      span: at(line, 15, 18),
      syntax: 'json',
    });
    const expected: object[] = Array.from({ length: 20 }, (_, i) => problem(10 + i));
    expected[19] = { ...problem(29), more: 1 };
    expect(parsed.problems).toStrictEqual(expected);
    expect(parsed.claudeSteps[0]!.settings).toEqual({
      kind: 'inline',
      span: at(7, 11, 14, 31),
      keys: [{ key: 'a', value: 2, span: at(30, 15, 21) }],
      env: [],
    });
  });
});

describe('env: entries without a value or a name', () => {
  it('reads `? NAME` (no value) as an empty value, and skips a null key', () => {
    const parsed = step('env:', '  ? FOO', '  ~: x', '  BAR: 1');
    expect(parsed.problems).toEqual([]);
    expect(parsed.claudeSteps[0]!.stepEnv).toEqual([
      { name: 'FOO', value: '', unknown: false, span: at(7, 13, 16) },
      { name: 'BAR', value: '1', unknown: false, span: at(9, 11, 17) },
    ]);
    expect(parsed.strings).toEqual([...BASE_STRINGS, { value: 'x', offset: 117, length: 4 }]);
  });
});
