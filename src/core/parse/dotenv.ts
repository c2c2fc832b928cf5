// The dotenv grammar people actually write: `export ` prefix, single/double/backtick quotes, inline `#`
// comments, multi-line double-quoted values, blank lines. Claude Code does not read these files; we parse
// them to catch what weakens a policy or leaks a secret, on the exact line.
import type { Span } from '../model.js';
import type { SourceFile } from '../source.js';

export interface DotenvEntry {
  name: string;
  /** The value after unquoting (escapes expanded in double quotes); no variable expansion. */
  value: string;
  quote: 'none' | 'single' | 'double' | 'backtick';
  /** From the start of the name (or `export`) to the end of the value; spans several lines for a multi-line value. */
  span: Span;
  /** Just the value, quotes included. */
  valueSpan: Span;
}

/** A line that cannot be parsed (CFG005). Parsing goes on with the next line. */
export interface DotenvProblem {
  message: string;
  span: Span;
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

export declare function parseDotenv(file: SourceFile): ParsedDotenv;
