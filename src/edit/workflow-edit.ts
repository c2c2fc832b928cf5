// Edits of a GitHub workflow's text that keep everything else byte for byte: the yaml library's parse gives each
// node's source range, and the edit splices one line in at that place, in the file's own indentation and line
// ending. Anything unusual (a flow mapping, an `env:` given as an expression) is left to a person.
import type { Node, Pair, YAMLMap } from 'yaml';
import { yaml } from '../parse/yaml.js';

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column of a node that starts a block line (`key:` after indentation, or after `- `); undefined otherwise. */
function blockIndent(text: string, offset: number): string | undefined {
  const before = text.slice(lineStart(text, offset), offset);
  if (/^ *$/.test(before)) return before;
  if (/^ *- +$/.test(before)) return ' '.repeat(before.length);
  return undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => yaml().isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Node | null | undefined)?.range ?? undefined;
}

/**
 * Add `NAME: "value"` to the `env:` of step `index` of job `job`, creating the `env:` block after the step's
 * `uses:` line when there is none. Returns the new text, or why it cannot be done safely.
 */
export function addStepEnv(
  text: string,
  job: string,
  index: number,
  name: string,
  value: string,
): { text: string } | { reason: string } {
  const doc = yaml().parseDocument(text);
  if (doc.errors.length > 0) return { reason: 'it is not valid YAML' };
  const step = doc.getIn(['jobs', job, 'steps', index], true);
  if (!yaml().isMap(step) || step.flow === true) return { reason: 'the step is not a block mapping' };
  const eol = eolOf(text);
  const line = `${name}: ${JSON.stringify(value)}`;
  const env = pairOf(step, 'env');
  if (env !== undefined) {
    if (!yaml().isMap(env.value) || env.value.flow === true || env.value.items.length === 0) {
      return { reason: "the step's `env:` is not a block mapping" };
    }
    if (pairOf(env.value, name) !== undefined) return { reason: `the step's \`env:\` already sets ${name}` };
    const first = rangeOf(env.value.items[0]!.key);
    const indent = first === undefined ? undefined : blockIndent(text, first[0]);
    if (first === undefined || indent === undefined)
      return { reason: "the step's `env:` is not a block mapping" };
    const at = lineStart(text, first[0]);
    return { text: `${text.slice(0, at)}${indent}${line}${eol}${text.slice(at)}` };
  }
  const uses = pairOf(step, 'uses');
  const key = rangeOf(uses?.key);
  const end = rangeOf(uses?.value)?.[1];
  const indent = key === undefined ? undefined : blockIndent(text, key[0]);
  if (key === undefined || end === undefined || indent === undefined) {
    return { reason: 'the step has no `uses:` line to add `env:` after' };
  }
  // The nested indentation the file already uses under `with:`, else two spaces.
  const withMap = pairOf(step, 'with')?.value;
  const nestedKey = yaml().isMap(withMap) ? rangeOf(withMap.items[0]?.key) : undefined;
  const nestedIndent = nestedKey === undefined ? undefined : blockIndent(text, nestedKey[0]);
  const step2 =
    nestedIndent !== undefined && nestedIndent.length > indent.length ? nestedIndent : `${indent}  `;
  const newline = text.indexOf('\n', end);
  const block = `${indent}env:${eol}${step2}${line}${eol}`;
  if (newline < 0) return { text: `${text}${eol}${block}` };
  return { text: `${text.slice(0, newline + 1)}${block}${text.slice(newline + 1)}` };
}

/**
 * Replace the value of `NAME: …` on a given 1-based line (`""`, which unsets the variable, or a plain or quoted
 * scalar such as `"0"`) with `"value"`. Returns the new text, or why it cannot be done safely.
 */
export function replaceValue(
  text: string,
  line: number,
  name: string,
  value: string,
): { text: string } | { reason: string } {
  let start = 0;
  for (let i = 1; i < line; i++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return { reason: `line ${line} is past the end of the file` };
  }
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  const current = text.slice(start, end);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(
    `^(\\s*(?:-\\s+)?${escaped}\\s*:)(\\s*)("[^"\\\\]*"|'[^']*'|[^\\s#"']*)(\\s*(?:#.*)?\\r?)$`,
  ).exec(current);
  if (match === null) return { reason: `line ${line} does not read \`${name}: value\`` };
  const replaced = `${match[1]} ${JSON.stringify(value)}${match[4]}`;
  return { text: `${text.slice(0, start)}${replaced}${text.slice(end)}` };
}
