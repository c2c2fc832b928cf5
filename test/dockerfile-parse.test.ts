// How a Dockerfile is read, line by line: which lines are instructions, how `\` continuations, CRLF and quoting
// shape the ENV and ARG entries (every field, positions included), which instruction counts as the one that
// installs or starts Claude Code, and how many instructions are read at most.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';

const parse = (text: string) => parseDockerfile(createSourceFile('Dockerfile', text));

/** An ENV or ARG entry with a literal value on one line. */
const literal = (name: string, value: string, line: number, column: number, endColumn: number) => ({
  name,
  value,
  unknown: false,
  span: { line, column, endLine: line, endColumn },
});

describe('Dockerfile lines that are no instruction', () => {
  it('skips blank lines, comments and lines that start with no keyword; reads indented instructions', () => {
    const parsed = parse(
      [
        '',
        '# syntax=docker/dockerfile:1',
        'FROM node:20',
        'ENV MARK=#',
        '  ENV INDENTED=1',
        'RUN <<EOF',
        './setup.sh',
        '- ENV NOT_AN_INSTRUCTION=1',
        'EOF',
        '',
        'ENV LAST=1',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      env: [
        literal('MARK', '#', 4, 5, 11),
        literal('INDENTED', '1', 5, 7, 17),
        literal('LAST', '1', 11, 5, 11),
      ],
      claude: undefined,
    });
  });

  it('reads a keyword only when blanks or the line end follow it', () => {
    // `1ENV` and `- ENV` start with no keyword; the ENV inside them is not read.
    expect(parse('1ENV A=1\n- ENV B 2\nENV C=3')).toEqual({
      env: [literal('C', '3', 3, 5, 8)],
      claude: undefined,
    });
  });
});

describe('Dockerfile line ends', () => {
  it('drops the CR of CRLF line ends, in instructions, continuations and blank lines inside them', () => {
    const parsed = parse('FROM x\r\nENV A=1 B=2\r\nENV C=3 \\\r\n\r\n  D=4\r\nENV\r\nENV E=5 \\\r\nF=6\r\n');
    expect(parsed).toEqual({
      env: [
        literal('A', '1', 2, 5, 8),
        literal('B', '2', 2, 9, 12),
        literal('C', '3', 3, 5, 8),
        literal('D', '4', 5, 3, 6),
        literal('E', '5', 7, 5, 8),
        literal('F', '6', 8, 1, 4),
      ],
      claude: undefined,
    });
  });

  it('keeps a lone CR inside the line, where it separates words and ends no keyword', () => {
    // Docker splits lines on LF only; the positions count a lone CR as a line break, as editors do.
    const parsed = parse('ENV A=1\rB=2\nEN\rV X=1\nENV P=1 \\\nQ=2\rR=3\n');
    expect(parsed).toEqual({
      env: [
        literal('A', '1', 1, 5, 8),
        literal('B', '2', 2, 1, 4),
        literal('P', '1', 5, 5, 8),
        literal('Q', '2', 6, 1, 4),
        literal('R', '3', 7, 1, 4),
      ],
      claude: undefined,
    });
  });
});

describe('Dockerfile continuations', () => {
  it('joins continued lines, indented or not, over blank, blank-only and comment lines', () => {
    const parsed = parse(
      [
        'ENV A=1\\',
        'B=2',
        'ENV C=1 \\',
        '',
        'D=2',
        'ENV E=1 \\',
        '  \t ',
        '  # a comment',
        'F=2',
        'ENV L \\',
        '1',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      env: [
        literal('A', '1', 1, 5, 8),
        literal('B', '2', 2, 1, 4),
        literal('C', '1', 3, 5, 8),
        literal('D', '2', 5, 1, 4),
        literal('E', '1', 6, 5, 8),
        literal('F', '2', 9, 1, 4),
        { name: 'L', value: '1', unknown: false, span: { line: 10, column: 5, endLine: 11, endColumn: 2 } },
      ],
      claude: undefined,
    });
  });

  it('ends an instruction whose continuation reaches the end of the file', () => {
    expect(parse('ENV A=1 \\\nB=2')).toEqual({
      env: [literal('A', '1', 1, 5, 8), literal('B', '2', 2, 1, 4)],
      claude: undefined,
    });
    // The last `\` continues onto nothing: the escaped backslash before it stays a backslash.
    expect(parse('ENV A=x\\\\\n')).toEqual({ env: [literal('A', 'x\\', 1, 5, 9)], claude: undefined });
  });
});

describe('Dockerfile ENV and ARG words', () => {
  it('removes quotes, reads a backslash as an escape and an unclosed quote to the end', () => {
    const parsed = parse('ENV A=\'one two\' B="three four" C=a\\ b D=e\\\\f\nENV E="open');
    expect(parsed).toEqual({
      env: [
        literal('A', 'one two', 1, 5, 16),
        literal('B', 'three four', 1, 17, 31),
        literal('C', 'a b', 1, 32, 38),
        literal('D', 'e\\f', 1, 39, 45),
        literal('E', 'open', 2, 5, 12),
      ],
      claude: undefined,
    });
  });

  it('reads nothing from an instruction without a name, an ARG without a default, or a word that starts with =', () => {
    // The second line's argument is a no-break space: a blank to the word splitter.
    expect(parse('ENV\nENV \u00a0\nARG NAME\nARG DEFAULT=1 =x')).toEqual({
      env: [literal('DEFAULT', '1', 4, 5, 14)],
      claude: undefined,
    });
  });

  it('reads the legacy form to the end of its value, without trailing blanks', () => {
    expect(parse('ENV LEGACY   \nENV L2 value  here  ')).toEqual({
      env: [literal('LEGACY', '', 1, 5, 11), literal('L2', 'value  here', 2, 5, 19)],
      claude: undefined,
    });
  });
});

describe('the Dockerfile instruction that installs or starts Claude Code', () => {
  it('is the first RUN, CMD or ENTRYPOINT that does, spanning its first line only', () => {
    const parsed = parse(
      [
        'LABEL description="@anthropic-ai/claude-code"',
        'RUN npm i -g @anthropic-ai/claude-code && \\',
        '    claude --version',
        'CMD ["claude"]',
        '',
      ].join('\n'),
    );
    expect(parsed).toEqual({ env: [], claude: { line: 2, column: 1, endLine: 2, endColumn: 44 } });
  });

  it('is found in an ENTRYPOINT, and spans the whole last line of the file', () => {
    expect(parse('FROM x\nENTRYPOINT ["claude", "-p"]')).toEqual({
      env: [],
      claude: { line: 2, column: 1, endLine: 2, endColumn: 28 },
    });
    expect(parse('FROM x\nCMD claude -p hi')).toEqual({
      env: [],
      claude: { line: 2, column: 1, endLine: 2, endColumn: 17 },
    });
  });

  it('reads the exec form when it starts on a continuation line', () => {
    expect(parse('CMD \\\n  ["claude", "-p"]')).toEqual({
      env: [],
      claude: { line: 1, column: 1, endLine: 1, endColumn: 6 },
    });
  });
});

describe('how many Dockerfile instructions are read', () => {
  it('reads the first 10,000 instructions, those without arguments included', () => {
    const parsed = parse(`${'ENV\n'.repeat(9_999)}ENV A=1\nENV B=2\n`);
    expect(parsed).toEqual({ env: [literal('A', '1', 10_000, 5, 8)], claude: undefined });
  });

  it('does not count blank CRLF lines as instructions', () => {
    const parsed = parse(`${'\r\n'.repeat(10_000)}ENV A=1\r\n`);
    expect(parsed).toEqual({ env: [literal('A', '1', 10_001, 5, 8)], claude: undefined });
  });
});
