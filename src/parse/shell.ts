// Reading shell text for what matters to Claude Code: a command that starts it (`claude`, `npx -y
// @anthropic-ai/claude-code`, `bunx …`, `pnpm dlx …`), its `--settings` argument, and `NAME=value` lines written to
// `$GITHUB_ENV`. This is line-based pattern matching, not a shell: it never runs anything, and a command it cannot
// read (built by a variable, spread over `eval`) is missed rather than guessed. Every pattern is linear.

/** A place in the text: [start, end) offsets. */
export interface TextRange {
  start: number;
  end: number;
}

export interface ClaudeCommand extends TextRange {
  /** The rest of the line after the command word, with its offset. */
  args: string;
  argsStart: number;
}

const PACKAGE = String.raw`@anthropic-ai/claude-code(?:@[\w.^~<>=*-]+)?`;

/** Up to 8 of `sudo`'s options: `-u USER` (a last letter that takes a value, then its word), `-E`, `--user=…`. */
const SUDO_OPTIONS = String.raw`(?:[ \t]+(?:-[A-Za-z]*[CDghprRtTUu][ \t]+[^\s-]\S*|-\S*)){0,8}`;

/** The command word (`claude` perhaps by its path) where a shell starts a command (line start, `;`, `(`, `then` …). */
const COMMAND = new RegExp(
  String.raw`(?:^|[;&|(]|\b(?:then|do|else|exec|time|env|sudo${SUDO_OPTIONS})\s)[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*=\S*[ \t]+)*` +
    String.raw`((?:[\w./~$\{}+-]*/)?claude|npx[ \t]+(?:(?:-y|--yes)[ \t]+)?${PACKAGE}|npm[ \t]+exec[ \t]+(?:(?:-y|--yes)[ \t]+)?${PACKAGE}(?:[ \t]+--)?|bunx[ \t]+${PACKAGE}|pnpm[ \t]+dlx[ \t]+${PACKAGE}|yarn[ \t]+dlx[ \t]+${PACKAGE})(?=[ \t]|$)`,
  'g',
);

/** Longer lines are not read: no command that starts Claude Code needs one, and it bounds the pattern work. */
const MAX_LINE = 8192;

/** Arguments that only print something: `claude --version` checks an install, it starts no session. */
const NO_SESSION = /^[ \t]*(?:--version|-v|--help|-h)(?:[ \t]|$)/;

/** The first command of `text` that starts Claude Code, line by line (a `\` continuation joins the next line). */
export function findClaudeCommand(text: string): ClaudeCommand | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#') && line.length <= MAX_LINE) {
      COMMAND.lastIndex = 0;
      for (let match = COMMAND.exec(line); match !== null; match = COMMAND.exec(line)) {
        const word = match[1]!;
        const start = lineStart + match.index + match[0].length - word.length;
        const end = start + word.length;
        const args = continuedLine(text, end);
        if (!NO_SESSION.test(args)) return { start, end, args, argsStart: end };
        if (COMMAND.lastIndex === match.index) COMMAND.lastIndex++;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/** From `at` to the end of the line, following `\` continuations (their newlines kept, so offsets stay true). */
function continuedLine(text: string, at: number): string {
  let end = at;
  for (;;) {
    const newline = text.indexOf('\n', end);
    if (newline < 0) return text.slice(at);
    const before = text.slice(end, newline).replace(/\r$/, '');
    if (!before.endsWith('\\')) return text.slice(at, newline);
    end = newline + 1;
  }
}

/** One shell word at `at` (quotes removed), and where it ends. */
function shellWord(text: string, at: number): { value: string; start: number; end: number } | undefined {
  // `at` follows `--settings=` or `--settings `: blanks there end an empty word (`--settings= x` passes "").
  const i = at;
  if (i >= text.length || /[\s;&|]/.test(text[i]!)) return undefined;
  const quote = text[i];
  if (quote === "'" || quote === '"') {
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    return { value: text.slice(i + 1, close), start: i + 1, end: close };
  }
  let j = i;
  let unclosed = false; // once a `${{` has no `}}` after it, no later one has: the search is not repeated
  while (j < text.length && !/[\s;&|]/.test(text[j]!)) {
    // GitHub substitutes `${{ … }}` before the shell splits words, so blanks inside one do not end the word.
    const opens = text.startsWith('${{', j);
    const close: number = opens && !unclosed ? text.indexOf('}}', j + 3) : -1;
    unclosed ||= opens && close < 0;
    j = close < 0 ? j + 1 : close + 2;
  }
  return { value: text.slice(i, j), start: i, end: j };
}

/** The value of `--settings FILE|JSON` (or `--settings=…`) in command-line arguments, with its place in `args`. */
export function settingsArgument(args: string): { value: string; start: number; end: number } | undefined {
  const flag = /(?:^|[ \t\n])--settings(?:=|(?:[ \t]|\\\r?\n)+)/g;
  const match = flag.exec(args);
  if (match === null) return undefined;
  return shellWord(args, match.index + match[0].length);
}

export interface EnvAppend extends TextRange {
  name: string;
  value: string;
}

// `echo "NAME=value" >> "$GITHUB_ENV"`, `echo NAME=value >> $GITHUB_ENV`, `>> ${GITHUB_ENV}`.
const GITHUB_ENV_LINE =
  /^[ \t]*echo[ \t]+(["']?)([A-Za-z_][A-Za-z0-9_]*)=([^\n]*?)\1[ \t]*>>[ \t]*["']?\$(?:GITHUB_ENV|\{GITHUB_ENV\})["']?[ \t]*$/;

/** The `NAME=value` lines a `run:` script appends to `$GITHUB_ENV`, in order. */
export function githubEnvAppends(text: string): EnvAppend[] {
  const out: EnvAppend[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const match = line.length <= MAX_LINE ? GITHUB_ENV_LINE.exec(line) : null;
    if (match !== null) {
      const indent = line.length - line.trimStart().length;
      out.push({
        name: match[2]!,
        value: match[3]!,
        start: lineStart + indent,
        end: lineStart + line.trimEnd().length,
      });
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return out;
}

/** A value the shell expands at run time (`$VAR`, `$(cmd)`, a backtick) cannot be known statically. */
export function expandsAtRunTime(value: string): boolean {
  return /[$`]/.test(value);
}
