// A unified diff of two texts (`fix --dry-run`), in the format `git apply` and `patch -p1` read.
// Settings files are small and fix's edits are local: common lines are trimmed from both ends, and the rest is
// compared with a longest-common-subsequence table, bounded so that a pathological file cannot take long.

import { pushAll } from '../bounded.js';
import { ANTHROPIC_KEY_PATTERN, isSecretName } from '../redact.js';

const CONTEXT = 3;

/** `"NAME": "value"` (JSON) or `NAME=value` (env files), the value being what a context line must not show. */
const ASSIGNMENT = /^(\s*"?)([A-Za-z_][A-Za-z0-9_.-]*)("?\s*[:=]\s*)(.*?)(,?\s*)$/;

/**
 * A line as the diff shows it: fix never writes a secret, but the lines around its edit may hold one
 * (`"ANTHROPIC_API_KEY": "sk-ant-…"`), and the entry before an insertion is shown removed and re-added with a
 * comma. A value under a secret-shaped name (the one list in redact.ts), or shaped like an Anthropic key, is
 * printed as `"…"`. Such a hunk no longer applies with `git apply` as is; a secret in the log is worse.
 */
export function maskContextLine(line: string): string {
  const match = ASSIGNMENT.exec(line);
  const keyShaped = new RegExp(ANTHROPIC_KEY_PATTERN.source).test(line);
  if (match === null)
    return keyShaped ? line.replace(new RegExp(ANTHROPIC_KEY_PATTERN.source, 'g'), 'sk-ant-…') : line;
  const [, open, name, between, value, close] = match;
  if (!isSecretName(name!) && !keyShaped) return line;
  const quote = value!.startsWith('"') ? '"' : value!.startsWith("'") ? "'" : '';
  return `${open}${name}${between}${quote}…${quote}${close}`;
}
/** Beyond this many cells the middle is shown as removed and added wholesale. */
const MAX_TABLE = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

/** Marks a last line that has no line break, so that it differs from the same text with one. */
const NO_EOL = '\u0000no-eol';

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((text) => ({ kind: ' ', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_TABLE) {
    ops.push(
      ...midA.map((text): Op => ({ kind: '-', text })),
      ...midB.map((text): Op => ({ kind: '+', text })),
    );
  } else {
    // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const width = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * width + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        ops.push({ kind: ' ', text: midA[i]! });
        i++;
        j++;
      } else if (
        i < midA.length &&
        (j === midB.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)
      ) {
        // Removals before additions, as diff prints them.
        ops.push({ kind: '-', text: midA[i]! });
        i++;
      } else {
        ops.push({ kind: '+', text: midB[j]! });
        j++;
      }
    }
  }
  pushAll(
    ops,
    a.slice(endA).map((text): Op => ({ kind: ' ', text })),
  );
  return ops;
}

function range(start: number, count: number): string {
  // An empty range names the line before it (`-0,0` for a file that did not exist).
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The unified diff from `before` to `after` for `file`; `before` undefined for a new file. Empty when no line
 * differs. A CRLF file's lines keep their `\r`, as in `git diff`, so that the patch applies.
 */
export function unifiedDiff(file: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before ?? ''), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const out = [before === undefined ? '--- /dev/null' : `--- a/${file}`, `+++ b/${file}`];
  // Group changes whose contexts touch into hunks.
  const groups: [number, number][] = [];
  for (const index of changed) {
    const last = groups[groups.length - 1];
    if (last !== undefined && index - last[1] <= 2 * CONTEXT) last[1] = index;
    else groups.push([index, index]);
  }
  // Where each op sits in the old and new file (1-based line numbers of the next line of each).
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  for (const [first, last] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(oldLine[from] ?? 1, oldCount)} +${range(newLine[from] ?? 1, newCount)} @@`);
    for (let index = from; index <= to; index++) {
      const op = ops[index]!;
      const eol = op.text.endsWith(NO_EOL) ? NO_EOL : '';
      const bare = eol === '' ? op.text : op.text.slice(0, -NO_EOL.length);
      const text = maskContextLine(bare) + eol;
      if (text.endsWith(NO_EOL)) {
        out.push(`${op.kind}${text.slice(0, -NO_EOL.length)}`, '\\ No newline at end of file');
      } else {
        out.push(`${op.kind}${text}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
