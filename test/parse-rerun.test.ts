// Parse-stage details the earlier tests left open: how a step's `working-directory` reads (blank, non-string,
// padded, expression and shell-variable values), how a character YAML produced from an astral escape maps to the
// source, and that a key path does not look up keys inside an array.
import { describe, expect, it } from 'vitest';
import { parseDocument, Scalar } from 'yaml';
import { parseWorkflow, scalarOffsets } from '../src/parse/workflow.js';
import { nodeAt, parseJson } from '../src/parse/json.js';
import { createSourceFile } from '../src/discover/source.js';

const WF = '.github/workflows/review.yml';

/** The working directory of the one Claude step of a job whose step sets `working-directory: <value>`. */
function stepDirectory(value: string): unknown {
  const text = [
    'on: push',
    'jobs:',
    '  review:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: claude -p "review"',
    `        working-directory: ${value}`,
    '',
  ].join('\n');
  const parsed = parseWorkflow(createSourceFile(WF, text));
  expect(parsed.ok).toBe(true);
  return parsed.claudeSteps.map((step) => [step.path, step.workingDirectory]);
}

describe("a step's working-directory value", () => {
  it.each<[string, string, unknown]>([
    ['a number is not a folder', '5', undefined],
    ['a blank quoted value is no folder', '"   "', undefined],
    ['an empty quoted value is no folder', "''", undefined],
    ['a padded quoted value is trimmed', '" app/web "', { kind: 'path', path: 'app/web' }],
    [
      'the workspace prefix is dropped after trimming',
      '" ${{ github.workspace }}/app"',
      { kind: 'path', path: 'app' },
    ],
    ['an expression is unknown', '${{ matrix.dir }}', { kind: 'unknown' }],
    ['a shell variable is unknown', '$HOME/app', { kind: 'unknown' }],
    ['a command substitution is unknown', '"`pwd`/app"', { kind: 'unknown' }],
  ])('%s', (_name, value, expected) => {
    expect(stepDirectory(value)).toEqual([['jobs.review.steps[0]', expected]]);
  });
});

describe('scalarOffsets: an astral escape followed by the same character written out', () => {
  it("maps the escape's second UTF-16 unit to the next source character, not to a later match", () => {
    // "\U0001F600😀": the value is two surrogate pairs. The escape's pair cannot match one unit at a time, so its
    // second unit falls back to the next source character (the literal's first unit), which the literal's own
    // first unit then matches too; nothing is searched for past a character that is not layout.
    const text = 'k: "\\U0001F600\u{1F600}"\n';
    const node = (parseDocument(text).contents as unknown as { items: { value: Scalar }[] }).items[0]!.value;
    const value = String(node.value);
    expect(value).toBe('\u{1F600}\u{1F600}');
    expect(scalarOffsets(text, node, value)).toEqual([4, 14, 14, 15, 16]);
  });
});

describe('nodeAt: a key looked up in an array', () => {
  it('finds nothing, even where the array holds arrays whose first item equals the key', () => {
    const file = createSourceFile('.claude/settings.json', '{ "x": [["a", "b"]], "y": [{ "a": 1 }] }\n');
    const { tree } = parseJson(file);
    expect(nodeAt(tree, ['x', 'a'])).toBeUndefined();
    expect(nodeAt(tree, ['x', 0, 'a'])).toBeUndefined();
    expect(nodeAt(tree, ['y', 0, 'a'])).toMatchObject({ type: 'number', value: 1 });
  });
});
