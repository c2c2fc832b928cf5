// The runner reads a workflow command from any line of a step's output: `::name …` after leading blanks, or the
// older `##[name]…` anywhere in a line. Text from a scanned repository (a folder name, a key) must never be
// read as one, in any format the action or the CLI prints: only the action's own annotations are commands.

/** A line break inside one field would start a new line of output: shown as `\r` / `\n` instead. */
export function escapeLineBreaks(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/**
 * Every line of a report made inert for the runner: a leading `::` (after blanks) gets a backslash, and `##[`
 * becomes `##\[`. Readers see the text they would have seen, with one visible backslash.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/^([ \t]*)::/gm, '$1\\::').replace(/##\[/g, '##\\[');
}

/**
 * JSON (and SARIF) text made inert without changing its data: `[` after `##` is written as the JSON escape
 * `\u005b`, which parses back to the same string. A leading `::` cannot occur: every line of the pretty-printed
 * JSON starts with blanks and then `{`, `}`, `[`, `]` or `"`.
 */
export function neutraliseJsonCommands(json: string): string {
  return json.replace(/##\[/g, '##\\u005b');
}
