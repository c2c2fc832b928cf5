import { describe, expect, it } from 'vitest';
import { type DotenvOptions, parseDotenv } from '../src/parse/dotenv.js';
import { createSourceFile } from '../src/discover/source.js';
import { stressIt } from './helpers/stress.js';

const parse = (text: string, options?: DotenvOptions) => parseDotenv(createSourceFile('.env', text), options);

const span = (line: number, column: number, endLine: number, endColumn: number) => ({
  line,
  column,
  endLine,
  endColumn,
});

/** name=value pairs, for cases where only the values matter. */
const values = (text: string, options?: DotenvOptions) =>
  parse(text, options).entries.map((e) => [e.name, e.value]);

const NOT_AN_ASSIGNMENT = 'not a NAME=value line';
const BAD_NAME = 'invalid variable name: use letters, digits, `_`, `.` and `-`, not starting with a digit';
const TEXT_AFTER_QUOTE = 'unexpected text after the closing quote';

describe('parseDotenv: assignments', () => {
  it('reads NAME=value with exact spans', () => {
    expect(parse('FOO=bar\n')).toEqual({
      entries: [
        { name: 'FOO', value: 'bar', quote: 'none', span: span(1, 1, 1, 8), valueSpan: span(1, 5, 1, 8) },
      ],
      problems: [],
      comments: [],
    });
  });

  it('includes an export prefix in the span', () => {
    expect(parse('export FOO=bar').entries).toEqual([
      { name: 'FOO', value: 'bar', quote: 'none', span: span(1, 1, 1, 15), valueSpan: span(1, 12, 1, 15) },
    ]);
    expect(parse('export\t  FOO=bar').entries[0]!.valueSpan).toEqual(span(1, 14, 1, 17));
  });

  it('takes `export` as a name when no name follows it', () => {
    expect(values('export=1\nexport = 2\nexportFOO=3')).toEqual([
      ['export', '1'],
      ['export', '2'],
      ['exportFOO', '3'],
    ]);
  });

  it('accepts NAME: value as the dotenv package does', () => {
    expect(parse('FOO: bar').entries).toEqual([
      { name: 'FOO', value: 'bar', quote: 'none', span: span(1, 1, 1, 9), valueSpan: span(1, 6, 1, 9) },
    ]);
    expect(values('FOO:bar')).toEqual([['FOO', 'bar']]);
  });

  it('allows blanks around `=` and trims an unquoted value', () => {
    expect(parse('  FOO \t=  bar baz \t').entries).toEqual([
      {
        name: 'FOO',
        value: 'bar baz',
        quote: 'none',
        span: span(1, 3, 1, 18),
        valueSpan: span(1, 11, 1, 18),
      },
    ]);
  });

  it('accepts dots and dashes in names', () => {
    expect(values('my.var-name_2=1\n_X=2')).toEqual([
      ['my.var-name_2', '1'],
      ['_X', '2'],
    ]);
  });

  it('gives an empty value a zero-width span right after the separator', () => {
    expect(parse('A=\nB=   \nC= # note').entries).toEqual([
      { name: 'A', value: '', quote: 'none', span: span(1, 1, 1, 3), valueSpan: span(1, 3, 1, 3) },
      { name: 'B', value: '', quote: 'none', span: span(2, 1, 2, 3), valueSpan: span(2, 3, 2, 3) },
      { name: 'C', value: '', quote: 'none', span: span(3, 1, 3, 3), valueSpan: span(3, 3, 3, 3) },
    ]);
  });

  it('keeps duplicates in file order', () => {
    expect(values('A=1\nA=2')).toEqual([
      ['A', '1'],
      ['A', '2'],
    ]);
  });

  it('counts columns in UTF-16 code units', () => {
    expect(parse('NAME=héllo 😀').entries[0]).toEqual({
      name: 'NAME',
      value: 'héllo 😀',
      quote: 'none',
      span: span(1, 1, 1, 14),
      valueSpan: span(1, 6, 1, 14),
    });
  });
});

describe('parseDotenv: comments', () => {
  it('records whole-line and inline comments, trimmed', () => {
    const parsed = parse(
      '# top\n\n   #  indented  \nFOO=bar # claude-code-policy: ignore ZDR006 -- our gateway\n',
    );
    expect(parsed.comments).toEqual([
      { line: 1, text: 'top' },
      { line: 3, text: 'indented' },
      { line: 4, text: 'claude-code-policy: ignore ZDR006 -- our gateway' },
    ]);
    expect(parsed.entries).toEqual([
      { name: 'FOO', value: 'bar', quote: 'none', span: span(4, 1, 4, 8), valueSpan: span(4, 5, 4, 8) },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('starts an inline comment only at a `#` after a blank', () => {
    expect(parse('URL=https://example.com/#frag\nA=#x\nB=x\t#y').entries.map((e) => e.value)).toEqual([
      'https://example.com/#frag',
      '#x',
      'x',
    ]);
    expect(parse('B=x\t#y').comments).toEqual([{ line: 1, text: 'y' }]);
  });

  it('reads a comment right after a closing quote', () => {
    const parsed = parse('A="x"#c\nB=\'y\'   # d');
    expect(parsed.entries.map((e) => e.value)).toEqual(['x', 'y']);
    expect(parsed.comments).toEqual([
      { line: 1, text: 'c' },
      { line: 2, text: 'd' },
    ]);
  });

  it('records an empty comment as empty text', () => {
    expect(parse('#\n  #   ').comments).toEqual([
      { line: 1, text: '' },
      { line: 2, text: '' },
    ]);
  });
});

describe('parseDotenv: quotes', () => {
  it('keeps single-quoted values literal', () => {
    expect(parse("A='x \\n $HOME # not a comment'").entries).toEqual([
      {
        name: 'A',
        value: 'x \\n $HOME # not a comment',
        quote: 'single',
        span: span(1, 1, 1, 31),
        valueSpan: span(1, 3, 1, 31),
      },
    ]);
  });

  it('expands \\n \\r \\t \\\\ \\" in double quotes and keeps other escapes', () => {
    const parsed = parse('A="a\\nb\\rc\\td\\\\e\\"f\\qg\\\\n"');
    expect(parsed.entries[0]!.value).toBe('a\nb\rc\td\\e"f\\qg\\n');
    expect(parsed.entries[0]!.quote).toBe('double');
    expect(parsed.entries[0]!.span).toEqual(span(1, 1, 1, 27));
  });

  it('keeps backtick-quoted values literal', () => {
    expect(parse('A=`it\'s "x" \\n`').entries).toEqual([
      {
        name: 'A',
        value: 'it\'s "x" \\n',
        quote: 'backtick',
        span: span(1, 1, 1, 16),
        valueSpan: span(1, 3, 1, 16),
      },
    ]);
  });

  it('keeps `#` inside quotes', () => {
    expect(values('A="x # y" # z')).toEqual([['A', 'x # y']]);
  });

  it('reads an empty quoted value', () => {
    expect(parse('A=""').entries).toEqual([
      { name: 'A', value: '', quote: 'double', span: span(1, 1, 1, 5), valueSpan: span(1, 3, 1, 5) },
    ]);
  });

  it('reads a quote that is not first as part of an unquoted value', () => {
    expect(parse('A=x"y\'z').entries[0]).toMatchObject({ value: 'x"y\'z', quote: 'none' });
  });

  it('lets quoted values span several lines', () => {
    const parsed = parse('A="line1\nline2\n  line3" # done\nB=2\nC=\'p\nq\'\n');
    expect(parsed.entries).toEqual([
      {
        name: 'A',
        value: 'line1\nline2\n  line3',
        quote: 'double',
        span: span(1, 1, 3, 9),
        valueSpan: span(1, 3, 3, 9),
      },
      { name: 'B', value: '2', quote: 'none', span: span(4, 1, 4, 4), valueSpan: span(4, 3, 4, 4) },
      { name: 'C', value: 'p\nq', quote: 'single', span: span(5, 1, 6, 3), valueSpan: span(5, 3, 6, 3) },
    ]);
    expect(parsed.comments).toEqual([{ line: 3, text: 'done' }]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps a backslash before a line break in double quotes', () => {
    expect(values('A="x\\\ny"')).toEqual([['A', 'x\\\ny']]);
  });

  it('does not close a double quote at an escaped quote', () => {
    expect(values('A="say \\"hi\\""\nB=1')).toEqual([
      ['A', 'say "hi"'],
      ['B', '1'],
    ]);
  });
});

describe('parseDotenv: problems', () => {
  it('reports a line without `=` and goes on', () => {
    expect(parse('FOO\nBAR=1\nexport BAZ\n')).toEqual({
      entries: [
        { name: 'BAR', value: '1', quote: 'none', span: span(2, 1, 2, 6), valueSpan: span(2, 5, 2, 6) },
      ],
      problems: [
        { message: NOT_AN_ASSIGNMENT, span: span(1, 1, 1, 4) },
        { message: NOT_AN_ASSIGNMENT, span: span(3, 1, 3, 11) },
      ],
      comments: [],
    });
  });

  it('reports a bad name', () => {
    expect(parse('1FOO=bar\nFOO BAR=1\nFOO$=1\n  -x=1').problems).toEqual([
      { message: BAD_NAME, span: span(1, 1, 1, 9) },
      { message: BAD_NAME, span: span(2, 1, 2, 10) },
      { message: BAD_NAME, span: span(3, 1, 3, 7) },
      { message: BAD_NAME, span: span(4, 1, 4, 7) },
    ]);
  });

  it('never quotes the line in a message', () => {
    const parsed = parse('sk-ant-api03-abcdefghijklmnopqrstuvwxyz\n');
    expect(parsed.problems).toEqual([{ message: NOT_AN_ASSIGNMENT, span: span(1, 1, 1, 40) }]);
  });

  it('reports text after a closing quote', () => {
    expect(parse('A="x" y\nB=2').problems).toEqual([{ message: TEXT_AFTER_QUOTE, span: span(1, 1, 1, 8) }]);
    expect(values('A="x" y\nB=2')).toEqual([['B', '2']]);
  });

  it('recovers from an unterminated quote at the next line', () => {
    const parsed = parse('A="abc\nB=2\nC=\'x\nD=`y\nE=5\n');
    expect(parsed.problems).toEqual([
      { message: 'unterminated double quote', span: span(1, 1, 1, 7) },
      { message: 'unterminated single quote', span: span(3, 1, 3, 5) },
      { message: 'unterminated backtick quote', span: span(4, 1, 4, 5) },
    ]);
    expect(parsed.entries.map((e) => [e.name, e.value, e.span.line])).toEqual([
      ['B', '2', 2],
      ['E', '5', 5],
    ]);
  });

  it('does not let a stray quote swallow lines up to the next value', () => {
    const parsed = parse('A="abc\nB=1\nC="x"\n');
    expect(parsed.problems).toEqual([{ message: 'unterminated double quote', span: span(1, 1, 1, 7) }]);
    expect(values('A="abc\nB=1\nC="x"\n')).toEqual([
      ['B', '1'],
      ['C', 'x'],
    ]);
  });
});

describe('parseDotenv: line endings and encodings', () => {
  it('handles CRLF', () => {
    const parsed = parse('A=1\r\nB="x\r\ny"\r\n# c\r\nC=3 # d\r\n');
    expect(parsed.entries).toEqual([
      { name: 'A', value: '1', quote: 'none', span: span(1, 1, 1, 4), valueSpan: span(1, 3, 1, 4) },
      { name: 'B', value: 'x\ny', quote: 'double', span: span(2, 1, 3, 3), valueSpan: span(2, 3, 3, 3) },
      { name: 'C', value: '3', quote: 'none', span: span(5, 1, 5, 4), valueSpan: span(5, 3, 5, 4) },
    ]);
    expect(parsed.comments).toEqual([
      { line: 4, text: 'c' },
      { line: 5, text: 'd' },
    ]);
  });

  it('handles lone CR line breaks', () => {
    expect(parse('A=1\rB=2\r').entries.map((e) => [e.name, e.value, e.span])).toEqual([
      ['A', '1', span(1, 1, 1, 4)],
      ['B', '2', span(2, 1, 2, 4)],
    ]);
  });

  it('handles a BOM and a last line without a newline', () => {
    expect(parse('\uFEFFA=1\nB=2').entries).toEqual([
      { name: 'A', value: '1', quote: 'none', span: span(1, 1, 1, 4), valueSpan: span(1, 3, 1, 4) },
      { name: 'B', value: '2', quote: 'none', span: span(2, 1, 2, 4), valueSpan: span(2, 3, 2, 4) },
    ]);
  });

  it('parses an empty file', () => {
    expect(parse('')).toEqual({ entries: [], problems: [], comments: [] });
  });
});

describe('parseDotenv: shell mode (.envrc)', () => {
  const envrc = [
    'use flake',
    'source_up',
    'layout python',
    'if [ -f .env.local ]; then',
    '  export ANTHROPIC_BASE_URL=https://gw.example.com',
    'fi',
    'PATH_add bin',
    'export FOO',
    'FOO = bar',
    'FOO: bar',
    'my.var=1',
    'DISABLE_TELEMETRY=1 # claude-code-policy: ignore NET003 -- test',
    'export CLAUDE_CODE_USE_BEDROCK="1"',
    '# a comment',
    'dotenv',
  ].join('\n');

  it('reads assignments only and skips commands silently', () => {
    const parsed = parse(envrc, { shell: true });
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      {
        name: 'ANTHROPIC_BASE_URL',
        value: 'https://gw.example.com',
        quote: 'none',
        span: span(5, 3, 5, 51),
        valueSpan: span(5, 29, 5, 51),
      },
      {
        name: 'DISABLE_TELEMETRY',
        value: '1',
        quote: 'none',
        span: span(12, 1, 12, 20),
        valueSpan: span(12, 19, 12, 20),
      },
      {
        name: 'CLAUDE_CODE_USE_BEDROCK',
        value: '1',
        quote: 'double',
        span: span(13, 1, 13, 35),
        valueSpan: span(13, 32, 13, 35),
      },
    ]);
    expect(parsed.comments).toEqual([
      { line: 12, text: 'claude-code-policy: ignore NET003 -- test' },
      { line: 14, text: 'a comment' },
    ]);
  });

  it('reports the same file with problems outside shell mode', () => {
    expect(parse(envrc).problems.map((p) => p.span.line)).toEqual([1, 2, 3, 4, 6, 7, 8, 15]);
  });

  it('still reports a broken quote on an assignment line', () => {
    expect(parse('export A="x\nB=1', { shell: true })).toEqual({
      entries: [
        { name: 'B', value: '1', quote: 'none', span: span(2, 1, 2, 4), valueSpan: span(2, 3, 2, 4) },
      ],
      problems: [{ message: 'unterminated double quote', span: span(1, 1, 1, 12) }],
      comments: [],
    });
  });
});

describe('parseDotenv: which characters start a name', () => {
  it('accepts the ASCII letters at both ends of each range', () => {
    expect(values('A=1\nZ=2\na=3\nz=4\n_=5\nzz=6\n')).toEqual([
      ['A', '1'],
      ['Z', '2'],
      ['a', '3'],
      ['z', '4'],
      ['_', '5'],
      ['zz', '6'],
    ]);
  });

  it('rejects a name that starts with a non-ASCII letter or a bracket', () => {
    expect(parse('ÖL=1\n{A}=2\n').problems).toEqual([
      { message: BAD_NAME, span: span(1, 1, 1, 5) },
      { message: BAD_NAME, span: span(2, 1, 2, 6) },
    ]);
    expect(parse('ÖL=1\n{A}=2\n').entries).toEqual([]);
  });

  it('skips such a line silently in shell mode, as a command', () => {
    expect(parse('[ -f .env.local ] && dotenv .env.local\n1X=2\nA=1\n', { shell: true })).toEqual({
      entries: [
        { name: 'A', value: '1', quote: 'none', span: span(3, 1, 3, 4), valueSpan: span(3, 3, 3, 4) },
      ],
      problems: [],
      comments: [],
    });
  });
});

describe('parseDotenv: lone CR line breaks', () => {
  it('reads a file that ends with a lone CR as one line, with no empty line after it', () => {
    expect(parse('A=1\r')).toEqual({
      entries: [
        { name: 'A', value: '1', quote: 'none', span: span(1, 1, 1, 4), valueSpan: span(1, 3, 1, 4) },
      ],
      problems: [],
      comments: [],
    });
  });

  it('turns CRLF and a lone CR inside single quotes and backticks into LF', () => {
    expect(values("A='x\r\ny\rz'\r\nB=`p\r\nq`\r\n")).toEqual([
      ['A', 'x\ny\nz'],
      ['B', 'p\nq'],
    ]);
  });
});

// How long these take is measured by `npm run bench` (hostile inputs), not here: a loaded machine is no bug.
describe('parseDotenv: size', () => {
  stressIt('parses 200,000 lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++)
      lines.push(i % 2 === 0 ? `VAR_${i}="value ${i}" # c${i}` : `export V${i}=x`);
    const parsed = parse(lines.join('\n'));
    expect(parsed.entries.length).toBe(200_000);
    expect(parsed.comments.length).toBe(100_000);
    expect(parsed.entries[199_999]).toEqual({
      name: 'V199999',
      value: 'x',
      quote: 'none',
      span: span(200_000, 1, 200_000, 17),
      valueSpan: span(200_000, 16, 200_000, 17),
    });
  });

  stressIt(
    'counts every one of many unterminated quotes and lines without `=`, building the first 20',
    () => {
      const text = `${'A="x\n'.repeat(100_000)}${"B='y\n".repeat(100_000)}${'garbage line\n'.repeat(100_000)}`;
      const parsed = parse(text);
      expect(parsed.problems.map((p) => [p.span.line, p.more])).toEqual(
        Array.from({ length: 20 }, (_, i) => [i + 1, i === 19 ? 300_000 - 20 : undefined]),
      );
      expect(parsed.problems[0]).toEqual({ message: 'unterminated double quote', span: span(1, 1, 1, 5) });
      expect(parse(`A="x\nB='y\ngarbage line\n`).problems).toEqual([
        { message: 'unterminated double quote', span: span(1, 1, 1, 5) },
        { message: 'unterminated single quote', span: span(2, 1, 2, 5) },
        { message: NOT_AN_ASSIGNMENT, span: span(3, 1, 3, 13) },
      ]);
    },
  );

  it('reads one value when quotes of one kind enclose many openings of another', () => {
    const text = `A="${"\nB='x".repeat(100_000)}\n"\n`;
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.length).toBe(1);
    expect(parsed.entries[0]!.span).toEqual(span(1, 1, 100_002, 2));
  });

  stressIt('reads a 20 MB single-line value', () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    const parsed = parse(`BIG=${big}\nNEXT="${big}" # end`);
    expect(parsed.entries.map((e) => [e.name, e.value.length, e.span.endColumn])).toEqual([
      ['BIG', big.length, big.length + 5],
      ['NEXT', big.length, big.length + 8],
    ]);
    expect(parsed.comments).toEqual([{ line: 2, text: 'end' }]);
  });
});
