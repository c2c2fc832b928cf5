// Lines of a source file as findings point at them: a line's span and text end before its line break, whichever
// of LF, CRLF or a lone CR it is.
import { describe, expect, it } from 'vitest';
import { createSourceFile, lineSpan, lineText } from '../src/discover/source.js';

describe('a line without its line break', () => {
  const file = createSourceFile('a.env', 'A=1\r\nBB=2\rCCC=3\nD=4');

  it.each([
    [1, 'A=1', 4],
    [2, 'BB=2', 5],
    [3, 'CCC=3', 6],
    [4, 'D=4', 4],
  ])('line %i is %j, ending at column %i', (line, text, endColumn) => {
    expect(lineSpan(file, line)).toEqual({ line, column: 1, endLine: line, endColumn });
    expect(lineText(file, line)).toBe(text);
  });
});
