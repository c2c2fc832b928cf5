// The dotenv grammar people actually write: `export ` prefix, single/double/backtick quotes, inline `#`
// comments, multi-line quoted values, blank lines. Claude Code does not read these files; we parse
// them to catch what weakens a policy or leaks a secret, on the exact line.
// A hand-written scanner, not a regex: 60 MB files must parse in linear time, and a bad line must cost one
// problem, not the rest of the file.
import type { Span } from '../model.js';
import { lineSpan, positionAt, type SourceFile, spanAt } from '../discover/source.js';
import { EarliestItems } from '../bounded.js';

export interface DotenvEntry {
  name: string;
  /** The value after unquoting (escapes expanded in double quotes); no variable expansion. */
  value: string;
  quote: 'none' | 'single' | 'double' | 'backtick';
  /** From the start of the name (or `export`) to the end of the value; spans several lines for a multi-line value. */
  span: Span;
  /** Just the value, quotes included (empty, right after the `=`, when there is no value). */
  valueSpan: Span;
}

/** A line that cannot be parsed (CFG005). Parsing goes on with the next line. */
export interface DotenvProblem {
  message: string;
  span: Span;
  /** Lines after this one that could not be parsed either, counted, not built (bounded.ts). */
  more?: number;
}

export interface DotenvComment {
  line: number;
  /** The comment's text after `#`, trimmed. */
  text: string;
}

export interface ParsedDotenv {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
  /** Whole-line and inline comments, for suppressions. */
  comments: DotenvComment[];
}

export interface DotenvOptions {
  /**
   * The file is a shell script (`.envrc`, read by direnv): only `NAME=value` and `export NAME=value` lines
   * (no space before `=`, shell variable names) are read; every other line is a command and is skipped.
   */
  shell?: boolean;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DOUBLE = 34;
const HASH = 35;
const SINGLE = 39;
const COLON = 58;
const EQUALS = 61;
const BACKSLASH = 92;
const BACKTICK = 96;

const QUOTE_KIND = new Map<number, DotenvEntry['quote']>([
  [SINGLE, 'single'],
  [DOUBLE, 'double'],
  [BACKTICK, 'backtick'],
]);

// Messages never quote the line: a malformed line may well be a pasted credential.
const NOT_AN_ASSIGNMENT = 'not a NAME=value line';
const BAD_NAME = 'invalid variable name: use letters, digits, `_`, `.` and `-`, not starting with a digit';
const TEXT_AFTER_QUOTE = 'unexpected text after the closing quote';

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number, shell: boolean): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || (!shell && (c === 46 || c === 45));
}

/**
 * The offset of the quote that closes a value opened just before `from` (skipping `\x` pairs in double
 * quotes), or -1. A search never passes the next opening quote of its kind (one follows `=` or a blank, so
 * it is never escaped), so all searches together read the text at most once per kind of quote.
 */
function findClose(text: string, quote: number, from: number): number {
  if (quote !== DOUBLE) return text.indexOf(String.fromCharCode(quote), from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === DOUBLE) return i;
  }
  return -1;
}

const DOUBLE_QUOTED_ESCAPE = /\\([nrt\\"])|\r\n?/g;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
const LINE_BREAK = /\r\n?/g;

function unquote(raw: string, quote: number): string {
  if (quote === DOUBLE) {
    return raw.replace(DOUBLE_QUOTED_ESCAPE, (match, escaped: string | undefined) =>
      escaped === undefined ? '\n' : (ESCAPES[escaped] ?? match),
    );
  }
  return raw.replace(LINE_BREAK, '\n');
}

export function parseDotenv(file: SourceFile, options: DotenvOptions = {}): ParsedDotenv {
  const shell = options.shell === true;
  const text = file.text;
  const starts = file.lineStarts;
  const entries: DotenvEntry[] = [];
  // One per line at most: only the first ones are built, the rest counted (a 5 MiB file holds 300,000 lines).
  const problems = new EarliestItems<DotenvProblem>();
  const comments: DotenvComment[] = [];

  /** The offset where a 0-based line's text ends, before its line break. */
  const lineEnd = (index: number): number => {
    const start = starts[index]!;
    let end = index + 1 < starts.length ? starts[index + 1]! : text.length;
    if (end > start && text.charCodeAt(end - 1) === LF) end--;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    return end;
  };

  const problem = (index: number, message: string): number => {
    problems.offer(starts[index]!, () => ({ message, span: lineSpan(file, index + 1) }));
    return index + 1;
  };

  // Bounded to the line: `indexOf` would scan to the end of the file for every line without `=`.
  const hasEquals = (from: number, end: number): boolean => {
    for (let i = from; i < end; i++) if (text.charCodeAt(i) === EQUALS) return true;
    return false;
  };

  const comment = (index: number, hash: number, end: number): void => {
    comments.push({ line: index + 1, text: text.slice(hash + 1, end).trim() });
  };

  /** After a closing quote only blanks and an optional comment may follow; `comment` is the `#` offset or -1. */
  const tailAfter = (close: number, end: number): { ok: boolean; comment: number } => {
    let p = close + 1;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    const ok = p === end || text.charCodeAt(p) === HASH;
    return { ok, comment: ok && p < end ? p : -1 };
  };

  /** Parses the 0-based line `index` (and the lines a quoted value runs over); returns the next line to read. */
  const parseLine = (index: number): number => {
    const start = starts[index]!;
    const end = lineEnd(index);
    let p = start;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    if (p === end) return index + 1;
    if (text.charCodeAt(p) === HASH) {
      comment(index, p, end);
      return index + 1;
    }
    const entryStart = p;
    if (text.startsWith('export', p) && p + 6 < end && isBlank(text.charCodeAt(p + 6))) {
      let q = p + 7;
      while (q < end && isBlank(text.charCodeAt(q))) q++;
      if (q < end && isNameStart(text.charCodeAt(q))) p = q;
    }
    if (!isNameStart(text.charCodeAt(p))) {
      if (shell) return index + 1;
      return problem(index, hasEquals(p, end) ? BAD_NAME : NOT_AN_ASSIGNMENT);
    }
    const nameStart = p;
    while (p < end && isNameChar(text.charCodeAt(p), shell)) p++;
    const name = text.slice(nameStart, p);
    if (shell) {
      // `NAME = value` and `NAME: value` are commands in a shell script, not assignments.
      if (p === end || text.charCodeAt(p) !== EQUALS) return index + 1;
    } else {
      while (p < end && isBlank(text.charCodeAt(p))) p++;
      const c = p < end ? text.charCodeAt(p) : -1;
      if (c !== EQUALS && c !== COLON)
        return problem(index, hasEquals(p, end) ? BAD_NAME : NOT_AN_ASSIGNMENT);
    }
    p++;
    const separatorEnd = p;
    while (p < end && isBlank(text.charCodeAt(p))) p++;

    const quote = p < end ? text.charCodeAt(p) : -1;
    const kind = QUOTE_KIND.get(quote);
    if (kind !== undefined) {
      const close = findClose(text, quote, p + 1);
      if (close === -1) return problem(index, `unterminated ${kind} quote`);
      const closeIndex = close < end ? index : positionAt(file, close).line - 1;
      const tail = tailAfter(close, lineEnd(closeIndex));
      if (!tail.ok) {
        // A closing quote on a later line followed by more text is most likely the next line's opening quote.
        return problem(index, closeIndex === index ? TEXT_AFTER_QUOTE : `unterminated ${kind} quote`);
      }
      entries.push({
        name,
        value: unquote(text.slice(p + 1, close), quote),
        quote: kind,
        span: spanAt(file, entryStart, close + 1 - entryStart),
        valueSpan: spanAt(file, p, close + 1 - p),
      });
      if (tail.comment !== -1) comment(closeIndex, tail.comment, lineEnd(closeIndex));
      return closeIndex + 1;
    }

    // Unquoted: up to the end of the line or a `#` that follows a blank, trimmed.
    let stop = p;
    while (stop < end && !(text.charCodeAt(stop) === HASH && isBlank(text.charCodeAt(stop - 1)))) stop++;
    let valueEnd = stop;
    while (valueEnd > p && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const valueStart = valueEnd === p ? separatorEnd : p;
    const entryEnd = valueEnd === p ? separatorEnd : valueEnd;
    entries.push({
      name,
      value: text.slice(p, valueEnd),
      quote: 'none',
      span: spanAt(file, entryStart, entryEnd - entryStart),
      valueSpan: spanAt(file, valueStart, valueEnd === p ? 0 : valueEnd - p),
    });
    if (stop < end) comment(index, stop, end);
    return index + 1;
  };

  let index = 0;
  while (index < starts.length) index = parseLine(index);
  return { entries, problems: problems.items((problem, more) => ({ ...problem, more })), comments };
}
