// Strict JSON as Claude Code reads it (JSON.parse): a UTF-8 BOM and CRLF are fine; comments, trailing
// commas and truncation are errors (docs: settings, "Edit a settings file"). Every node keeps its offset so
// findings point at the exact line. jsonc-parser gives the positions; JSON.parse gives the value Claude Code
// sees (last duplicate wins, `__proto__` stays an own property).
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Span } from '../model.js';
import { FIRST_LINE, positionAt, type SourceFile, spanAt } from '../discover/source.js';
import { EarliestItems } from '../bounded.js';

export type { JsonNode };

/** Nesting beyond this is not checked (CFG008): no settings file needs it, and it would exhaust the stack. */
export const MAX_JSON_DEPTH = 1000;

/** A problem found while parsing: CFG001 (syntax, first error only), CFG004 (each duplicate key), CFG008 (too deep). */
export interface JsonProblem {
  ruleId: 'CFG001' | 'CFG004' | 'CFG008';
  message: string;
  span: Span;
  /** Duplicate keys after this one that were counted, not built (bounded.ts). */
  more?: number;
}

export interface ParsedJson {
  /** True when the text is valid (strict, unless JSONC was allowed) JSON and was parsed. */
  ok: boolean;
  /** The value JSON.parse gives (the last of duplicate keys wins); undefined when not ok. */
  value: unknown;
  /** jsonc-parser's tree with offsets; undefined when not ok. */
  tree: JsonNode | undefined;
  problems: JsonProblem[];
}

export interface JsonParseOptions {
  /** devcontainer.json allows comments and trailing commas (JSONC); settings files do not. */
  jsonc?: boolean;
}

export function parseJson(file: SourceFile, options: JsonParseOptions = {}): ParsedJson {
  const text = file.text;
  const depth = maxDepth(text);
  if (depth.depth > MAX_JSON_DEPTH) {
    return failed({
      ruleId: 'CFG008',
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      span: spanAt(file, depth.offset, 1),
    });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    disallowComments: !options.jsonc,
    allowTrailingComma: !!options.jsonc,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    return failed({
      ruleId: 'CFG001',
      message: `not valid JSON: ${describeSyntaxError(text, first)}`,
      span: spanAt(file, offset, Math.max(1, first?.length ?? 1)),
    });
  }
  let value: unknown;
  if (options.jsonc) {
    value = jsoncValue(tree);
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      // jsonc-parser accepted what JSON.parse rejects (it is more lenient in a few corners): trust JSON.parse.
      const offset = jsonParseErrorOffset(error, file);
      return failed({
        ruleId: 'CFG001',
        message: 'not valid JSON: unexpected character', // V8's own message can quote the file, a secret included
        span: spanAt(file, offset, 1),
      });
    }
  }
  return { ok: true, value, tree, problems: duplicateKeys(file, tree) };
}

function failed(problem: JsonProblem): ParsedJson {
  return { ok: false, value: undefined, tree: undefined, problems: [problem] };
}

/** The deepest nesting of `{`/`[` outside strings, and where it first goes past the limit. */
function maxDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max === MAX_JSON_DEPTH + 1) at = i;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, offset: at };
}

function describeSyntaxError(text: string, error: ParseError | undefined): string {
  if (error === undefined) return 'the file is empty';
  const code = printParseErrorCode(error.error);
  const before = text.slice(0, error.offset).trimEnd();
  const here = text.slice(error.offset, error.offset + 1);
  const atEnd = error.offset === text.length; // jsonc-parser reports an error at the end at the text's length
  if (code === 'InvalidCommentToken') return 'comments are not allowed';
  if (
    (code === 'PropertyNameExpected' || code === 'ValueExpected') &&
    before.endsWith(',') &&
    /[}\]]/.test(here)
  ) {
    return 'trailing comma';
  }
  if (atEnd) return before === '' ? 'the file is empty' : 'unexpected end of file (is it truncated?)';
  switch (code) {
    case 'PropertyNameExpected':
      return 'expected a property name in double quotes';
    case 'ValueExpected':
      return 'expected a value';
    case 'ColonExpected':
      return 'expected a colon after the property name';
    case 'CommaExpected':
      return 'expected a comma between entries';
    case 'CloseBraceExpected':
      return 'expected a comma or a closing brace';
    case 'CloseBracketExpected':
      return 'expected a comma or a closing bracket';
    case 'EndOfFileExpected':
      return 'unexpected content after the end of the JSON value';
    case 'UnexpectedEndOfString':
      return 'unterminated string';
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return 'invalid escape sequence in a string';
    case 'InvalidCharacter':
      return 'invalid character in a string (control characters must be escaped)';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'invalid number';
    default:
      return 'unexpected character';
  }
}

function jsonParseErrorOffset(error: unknown, file: SourceFile): number {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const start = file.lineStarts[Number(lineCol[1]) - 1] ?? 0;
    return start + Number(lineCol[2]) - 1;
  }
  return 0;
}

/**
 * CFG004: a key that appears twice in one object; JSON.parse keeps the last, a reviewer reads the first. Only the
 * first ones in the file are built; the rest are counted (a 5 MiB file can hold 870,000 duplicates).
 */
function duplicateKeys(file: SourceFile, root: JsonNode): JsonProblem[] {
  const problems = new EarliestItems<JsonProblem>();
  const stack: JsonNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, JsonNode>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key === undefined) continue;
        const name = String(key.value);
        const earlier = seen.get(name);
        if (earlier !== undefined) {
          problems.offer(key.offset, () => ({
            ruleId: 'CFG004',
            message: `duplicate key "${name}" (first on line ${positionAt(file, earlier.offset).line}): Claude Code uses this later value and ignores the first`,
            span: spanAt(file, key.offset, key.length),
          }));
        }
        seen.set(name, key);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return problems.items((problem, more) => ({ ...problem, more }));
}

/** The value of a JSONC tree (last duplicate wins), built without prototype setters. */
function jsoncValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        Object.defineProperty(out, String(key.value), {
          value: jsoncValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(jsoncValue);
    default:
      return node.value;
  }
}

/** The value node at a path of keys/indices, or undefined. Of duplicate keys the last wins, as in JSON.parse. */
export function nodeAt(tree: JsonNode | undefined, path: (string | number)[]): JsonNode | undefined {
  let node = tree;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    node = valuesByKey(node).get(segment);
  }
  return node;
}

const objectIndex = new WeakMap<JsonNode, Map<unknown, JsonNode | undefined>>();

/**
 * An object node's values by key (the last of duplicates), built on first use: rules and scopes look up every
 * key of an object, and a scan property by property would make a 100,000-key object cost 10^10 steps.
 */
function valuesByKey(object: JsonNode): Map<unknown, JsonNode | undefined> {
  let index = objectIndex.get(object);
  if (index === undefined) {
    index = new Map();
    for (const property of object.children ?? []) {
      const key = property.children?.[0];
      if (key !== undefined) index.set(key.value, property.children?.[1]);
    }
    objectIndex.set(object, index);
  }
  return index;
}

/** Span of a node (a value, or a whole `"key": value` property node). */
export function nodeSpan(file: SourceFile, node: JsonNode): Span {
  return spanAt(file, node.offset, node.length);
}

/**
 * Span of the `"key": value` pair at a path (key start to value end). For the root path, the first line.
 * Undefined when the path does not exist.
 */
export function propertySpan(
  file: SourceFile,
  tree: JsonNode | undefined,
  path: (string | number)[],
): Span | undefined {
  if (path.length === 0) return FIRST_LINE;
  const value = nodeAt(tree, path);
  if (value === undefined) return undefined;
  const property = value.parent?.type === 'property' ? value.parent : value;
  return nodeSpan(file, property);
}

/** Span of just the key of the property at a path (for messages about the key itself). */
export function keySpan(
  file: SourceFile,
  tree: JsonNode | undefined,
  path: (string | number)[],
): Span | undefined {
  const value = nodeAt(tree, path);
  const key = value?.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
  return key === undefined ? undefined : nodeSpan(file, key);
}
