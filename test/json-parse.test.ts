import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type JsonParseOptions,
  keySpan,
  MAX_JSON_DEPTH,
  nodeAt,
  nodeSpan,
  parseJson,
  propertySpan,
} from '../src/parse/json.js';
import { createSourceFile, FIRST_LINE } from '../src/discover/source.js';

const parse = (text: string, options?: JsonParseOptions) =>
  parseJson(createSourceFile('.claude/settings.json', text), options);

const span = (line: number, column: number, endLine: number, endColumn: number) => ({
  line,
  column,
  endLine,
  endColumn,
});

/** The one CFG001 a text that does not parse gives, with its message and place. */
const syntaxError = (message: string, at: ReturnType<typeof span>) => ({
  ok: false,
  value: undefined,
  tree: undefined,
  problems: [{ ruleId: 'CFG001', message: `not valid JSON: ${message}`, span: at }],
});

describe('JSON syntax errors name the mistake and point at it', () => {
  it.each([
    ['an empty file', '', 'the file is empty', span(1, 1, 1, 1)],
    ['a file of blank lines, at its end', '  \n', 'the file is empty', span(2, 1, 2, 1)],
    ['a truncated array', '[', 'unexpected end of file (is it truncated?)', span(1, 2, 1, 2)],
    ['a truncated object', '{"a": 1', 'unexpected end of file (is it truncated?)', span(1, 8, 1, 8)],
    ['a trailing comma in an array', '[1,]', 'trailing comma', span(1, 4, 1, 5)],
    ['a trailing comma in an object', '{"a": 1,\n}', 'trailing comma', span(2, 1, 2, 2)],
    ['a missing value', '{"a":}', 'expected a value', span(1, 6, 1, 7)],
    ['a close brace where a value belongs', '[}', 'expected a value', span(1, 2, 1, 3)],
    ['a missing colon', '{"a" }', 'expected a colon after the property name', span(1, 6, 1, 7)],
    ['a missing comma', '{"a": 1 "b": 2}', 'expected a comma between entries', span(1, 9, 1, 12)],
    ['a second value', '1 2', 'unexpected content after the end of the JSON value', span(1, 3, 1, 4)],
    ['an unterminated string', '["abc', 'unterminated string', span(1, 2, 1, 6)],
    ['a bad escape', '["\\x"]', 'invalid escape sequence in a string', span(1, 2, 1, 6)],
    ['a bad unicode escape', '["\\u12G4"]', 'invalid escape sequence in a string', span(1, 2, 1, 10)],
    [
      'a tab in a string',
      '["a\tb"]',
      'invalid character in a string (control characters must be escaped)',
      span(1, 2, 1, 7),
    ],
    ['a number without its fraction', '[1.]', 'invalid number', span(1, 2, 1, 4)],
    ['a word', '[x]', 'unexpected character', span(1, 2, 1, 3)],
    ['a number as a property name', '{1: 2}', 'expected a property name in double quotes', span(1, 2, 1, 3)],
    ['a comment', '{} // note', 'comments are not allowed', span(1, 4, 1, 11)],
  ])('%s', (_name, text, message, at) => {
    expect(parse(text)).toEqual(syntaxError(message, at));
  });

  it('calls a stray non-JSON blank after the value an unexpected character, not the end of the file', () => {
    // JSON.parse takes only space, tab, CR and LF as blanks; JavaScript's trim() takes many more.
    expect(parse('{"a": 1}\u000b')).toEqual(syntaxError('unexpected character', span(1, 9, 1, 10)));
    expect(parse('{"a": 1}\u00a0\n')).toEqual(syntaxError('unexpected character', span(1, 9, 1, 10)));
    expect(parse('\u00a0')).toEqual(syntaxError('unexpected character', span(1, 1, 1, 2)));
  });

  it('tells a trailing comma from a comma that ends a comment (JSONC)', () => {
    expect(parse('{"a" //,\n}', { jsonc: true })).toEqual(
      syntaxError('expected a colon after the property name', span(2, 1, 2, 2)),
    );
    expect(parse('[1] //,\n]', { jsonc: true })).toEqual(
      syntaxError('unexpected content after the end of the JSON value', span(2, 1, 2, 2)),
    );
  });
});

describe('JSON.parse has the last word on a text jsonc-parser accepts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const rejectWith = (error: unknown) =>
    vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw error;
    });

  const text = Array.from({ length: 12 }, (_, i) => `"k${i + 1}": ${i + 1}`)
    .join(',\n')
    .replace(/^/, '{\n')
    .concat('\n}\n');

  it('reports an unexpected character at the position its message names', () => {
    rejectWith(new SyntaxError('Unexpected token in JSON at position 20\n    at JSON.parse'));
    // Offset 20 is the start of line 4: `{` and two 8-character lines before it, each with its line break.
    expect(parse(text)).toEqual(syntaxError('unexpected character', span(4, 1, 4, 2)));
  });

  it('reads a line and column where the message has no position', () => {
    rejectWith(new SyntaxError('JSON.parse: unexpected character at line 12 column 10 of the JSON data'));
    expect(parse(text)).toEqual(syntaxError('unexpected character', span(12, 10, 12, 11)));
  });

  it('points at the start when the message places nothing', () => {
    rejectWith(new SyntaxError('Unexpected token'));
    expect(parse(text)).toEqual(syntaxError('unexpected character', span(1, 1, 1, 2)));
  });

  it('never shows its message, which can quote the file', () => {
    rejectWith(new SyntaxError(`Unexpected token '}', "{"k": "sk-ant-api03-secret"}" is not valid JSON`));
    expect(parse(text)).toEqual(syntaxError('unexpected character', span(1, 1, 1, 2)));
    rejectWith('no');
    expect(parse(text)).toEqual(syntaxError('unexpected character', span(1, 1, 1, 2)));
  });

  it('is not asked about JSONC, which it cannot read', () => {
    const parseSpy = vi.spyOn(JSON, 'parse');
    expect(parse('{"a": [1] // note\n}', { jsonc: true })).toMatchObject({
      ok: true,
      value: { a: [1] },
      problems: [],
    });
    expect(parseSpy).not.toHaveBeenCalled();
  });
});

describe('nesting deeper than the limit (CFG008)', () => {
  const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const tooDeep = (at: ReturnType<typeof span>) => ({
    ok: false,
    value: undefined,
    tree: undefined,
    problems: [{ ruleId: 'CFG008', message: `nested more than ${MAX_JSON_DEPTH} levels deep`, span: at }],
  });

  it('parses nesting exactly at the limit', () => {
    const parsed = parse(nest(MAX_JSON_DEPTH));
    expect(parsed.ok).toBe(true);
    expect(parsed.problems).toEqual([]);
    expect(JSON.stringify(parsed.value)).toBe(nest(MAX_JSON_DEPTH));
  });

  it('points at the first bracket past the limit, even when a shallower one comes after', () => {
    expect(parse(`[${nest(MAX_JSON_DEPTH)},[]]`)).toEqual(tooDeep(span(1, 1001, 1, 1002)));
    expect(parse(`[${nest(MAX_JSON_DEPTH)},\n${nest(MAX_JSON_DEPTH)}]`)).toEqual(
      tooDeep(span(1, 1001, 1, 1002)),
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '['.repeat(MAX_JSON_DEPTH + 1);
    const text = `["\\"${brackets}"]`;
    expect(parse(text)).toMatchObject({ ok: true, value: [`"${brackets}`], problems: [] });
  });
});

describe('the value of a JSONC file', () => {
  const text = [
    '{',
    '  // a comment',
    '  "a": [1, {"b": true}, null, "s",],',
    '  "c": 1,',
    '  "c": {"d": []}, /* the last wins */',
    '}',
  ].join('\n');

  it('is what JSON.parse gives for the same text without comments and trailing commas', () => {
    const parsed = parse(text, { jsonc: true });
    const strict = JSON.parse('{"a": [1, {"b": true}, null, "s"], "c": 1, "c": {"d": []}}') as object;
    expect(parsed.value).toEqual({ a: [1, { b: true }, null, 's'], c: { d: [] } });
    // Plain data properties, as JSON.parse makes them: writable, enumerable and configurable.
    expect(Object.getOwnPropertyDescriptors(parsed.value)).toEqual(Object.getOwnPropertyDescriptors(strict));
    expect(parsed.problems).toEqual([
      {
        ruleId: 'CFG004',
        message:
          'duplicate key "c" (first on line 4): Claude Code uses this later value and ignores the first',
        span: span(5, 3, 5, 6),
      },
    ]);
  });
});

describe('finding a key or index in the tree', () => {
  const file = createSourceFile(
    '.claude/settings.json',
    ['{', '  "a": [10, {"b": 2}],', '  "c": {"d": "x"},', '  "c": {"e": 1}', '}'].join('\n'),
  );
  const tree = parseJson(file).tree;

  it('finds values by key and index, the last of duplicate keys winning', () => {
    expect(nodeSpan(file, nodeAt(tree, ['a', 1, 'b'])!)).toEqual(span(2, 19, 2, 20));
    expect(nodeAt(tree, ['c', 'e'])?.value).toBe(1);
    expect(nodeAt(tree, ['c', 'd'])).toBeUndefined();
  });

  it('finds nothing under a missing key, an index into an object or a key into an array', () => {
    expect(nodeAt(tree, ['missing', 'x'])).toBeUndefined();
    expect(nodeAt(tree, ['missing', 0])).toBeUndefined();
    expect(nodeAt(tree, [0])).toBeUndefined();
    expect(nodeAt(tree, ['a', 'b'])).toBeUndefined();
    expect(nodeAt(undefined, ['a'])).toBeUndefined();
  });

  it('spans a whole property, an array element alone, and the first line for the root', () => {
    expect(propertySpan(file, tree, ['a'])).toEqual(span(2, 3, 2, 22));
    expect(propertySpan(file, tree, ['a', 0])).toEqual(span(2, 9, 2, 11));
    expect(propertySpan(file, tree, [])).toEqual(FIRST_LINE);
    expect(propertySpan(file, undefined, [])).toEqual(FIRST_LINE);
    expect(propertySpan(file, tree, ['zzz'])).toBeUndefined();
    expect(propertySpan(file, tree, ['a', 7])).toBeUndefined();
  });

  it('spans the key of the last duplicate, and no key for the root or an array element', () => {
    expect(keySpan(file, tree, ['c'])).toEqual(span(4, 3, 4, 6));
    expect(keySpan(file, tree, [])).toBeUndefined();
    expect(keySpan(file, tree, ['a', 0])).toBeUndefined();
    expect(keySpan(file, tree, ['zzz'])).toBeUndefined();
  });
});
