// Workflow parsing, the Claude step's inputs in detail: where each character of a YAML scalar sits in the file
// (scalarOffsets), what the `settings` input (inline JSON or a path) and the `env:` blocks read as, and the exact
// problems and strings that inline settings add. The whole-pipeline cases live in test/workflow.test.ts.
import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar } from 'yaml';
import { parseWorkflow, type ParsedWorkflow } from '../src/parse/workflow.js';
import { scalarOffsets } from '../src/parse/workflow.js';
import { createSourceFile } from '../src/discover/source.js';

/** The first scalar of a YAML text: the document itself, or the value of its first `key: value`. */
function firstScalar(text: string): Scalar {
  const contents = parseDocument(text).contents as unknown as { items?: { value: Scalar }[] } & Scalar;
  return contents.items === undefined ? contents : contents.items[0]!.value;
}

function offsetsOf(text: string): { value: string; offsets: number[] } {
  const node = firstScalar(text);
  const value = String(node.value);
  return { value, offsets: scalarOffsets(text, node, value) };
}

describe('scalarOffsets: every value character at its source character', () => {
  it.each<[string, string, string, number[]]>([
    // Quoted scalars: the walk starts after the opening quote, so a value that begins with a quote character maps
    // to the escape or the doubled quote, not to the delimiter.
    ['an escaped quote first', '"\\"a"', '"a', [1, 3, 4]],
    ["a doubled ' first", "'''a'", "'a", [1, 3, 4]],
    ['an empty double-quoted value', '""', '', [1]],
    // Hex escapes of each width, and the simple escapes (`\t` is a tab, `\\` a backslash).
    ['hex escapes', '"a\\x41\\u0042\\U00000043"', 'aABC', [1, 2, 6, 12, 22]],
    ['simple escapes', '"a\\tb\\\\c"', 'a\tb\\c', [1, 2, 4, 5, 7, 8]],
    // An escape after folding layout maps to the escape, not to the layout before it.
    ['a simple escape after a folded break', '"a\n  \\tb"', 'a \tb', [1, 3, 5, 7, 8]],
    // An escaped line break (LF or CRLF) stands for nothing: the next character maps past it and the indentation.
    ['an escaped LF line break', '"a\\\n  b"', 'ab', [1, 6, 7]],
    ['an escaped CRLF line break', '"a\\\r\n  b"', 'ab', [1, 7, 8]],
    ['an escaped CRLF line break before an astral escape', '"\\\r\n\\U0001F600"', '😀', [1, 4, 14]],
    ['an escaped line break last', '"ab\\\n  "', 'ab', [1, 2, 3]],
    // An astral character is two UTF-16 units and one escape: the first unit maps to the escape, the second after it.
    ['an astral escape', '"\\U0001F600"', '😀', [1, 11, 11]],
    // A folded line break (a space YAML produced) before an escape maps to the break; the escape to itself.
    ['a folded break before an escape', '"a\n\\x41 "', 'a A ', [1, 2, 3, 7, 8]],
    // A folded space with nothing after it inside the quotes stays inside the scalar's range.
    ['a folded space at the end, a blank after the quote', '"a\n" ', 'a ', [1, 2, 2]],
    // Plain and single-quoted folding: the folded space maps to the line break; what follows it is not skipped.
    ['a plain scalar at offset 0, folded', 'a\nb c', 'a b c', [0, 1, 2, 3, 4, 5]],
    ['a single-quoted scalar, folded', "'a\nb c'", 'a b c', [1, 2, 3, 4, 5, 6]],
    ['a trailing tab before a folded break', 'a\t\n  b', 'a b', [0, 3, 5, 6]],
    ['a CRLF folded break', 'a\r\n  b', 'a b', [0, 3, 5, 6]],
    // A block scalar starts on the line after its header; the final newline YAML adds maps to the last character.
    ['a block literal without a final newline', '|\n  abc', 'abc\n', [4, 5, 6, 6, 7]],
    ['an empty block scalar at the end of the text', 'k: |', '', [4]],
  ])('%s: %j', (_name, text, value, offsets) => {
    expect(offsetsOf(text)).toEqual({ value, offsets });
  });

  // Texts YAML reports errors in (the workflow parser stops before it maps them); the mapping still stays in range.
  it.each<[string, string, string, number[]]>([
    // YAML 1.2 counts a lone CR as a line break: escaped, it is two characters long.
    ['an escaped lone CR', '"\\\r\\U0001F600"', '\\\r😀', [1, 3, 13, 13, 13]],
    // An invalid hex escape stands for nothing, so the walk goes on to the `\\` after it.
    ['an invalid hex escape', '"\\xZZ\\\\"', '\\xZZ\\', [5, 7, 7, 7, 7, 7]],
  ])('%s: %j', (_name, text, value, offsets) => {
    expect(offsetsOf(text)).toEqual({ value, offsets });
  });
});
