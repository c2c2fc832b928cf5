import type { Span } from '../model.js';

/** A text file as read from the scanned tree, with a line index for turning offsets into positions. */
export interface SourceFile {
  /** Relative to the scanned root, with `/`. */
  path: string;
  /** The decoded text, BOM removed. */
  text: string;
  /** Offsets at which each line starts (line 1 at index 0). */
  lineStarts: number[];
}

export function createSourceFile(path: string, text: string): SourceFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && body.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return { path, text: body, lineStarts };
}

/** 1-based line and column of a 0-based offset (columns count UTF-16 code units, as editors and SARIF do). */
export function positionAt(file: SourceFile, offset: number): { line: number; column: number } {
  const starts = file.lineStarts;
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= clamped) lo = mid;
    else hi = mid - 1;
  }
  // Between the CR and the LF of a CRLF is no place on the line: such an offset counts as the line's end, where
  // the CR is (a token that ends with a CR would otherwise end one column past the line).
  const insideCrLf =
    clamped > starts[lo]! && file.text.charCodeAt(clamped) === 10 && file.text.charCodeAt(clamped - 1) === 13;
  return { line: lo + 1, column: clamped - starts[lo]! + (insideCrLf ? 0 : 1) };
}

/** The span covering `length` code units from `offset`. */
export function spanAt(file: SourceFile, offset: number, length: number): Span {
  const start = positionAt(file, offset);
  const end = positionAt(file, offset + Math.max(0, length));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The whole of a 1-based line, without its line break. */
export function lineSpan(file: SourceFile, line: number): Span {
  const starts = file.lineStarts;
  const index = Math.max(1, Math.min(line, starts.length)) - 1;
  const start = starts[index]!;
  let end = index + 1 < starts.length ? starts[index + 1]! : file.text.length;
  while (end > start && (file.text.charCodeAt(end - 1) === 10 || file.text.charCodeAt(end - 1) === 13)) end--;
  return { line: index + 1, column: 1, endLine: index + 1, endColumn: end - start + 1 };
}

/** The text of a 1-based line, without its line break. */
export function lineText(file: SourceFile, line: number): string {
  const span = lineSpan(file, line);
  const start = file.lineStarts[span.line - 1]!;
  return file.text.slice(start, start + span.endColumn - 1);
}

/** Where a finding about a file as a whole points: its first line. */
export const FIRST_LINE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
