// The sites parseCode finds in one source file, one line each: kind, span, the short text and the detail.
import { expect } from 'vitest';
import { createSourceFile } from '../../src/discover/source.js';
import type { CodeLanguage } from '../../src/parse/code/code-file.js';
import { parseCode } from '../../src/parse/code/parse-code.js';

export async function sites(language: CodeLanguage, file: string, text: string): Promise<string[]> {
  const parsed = await parseCode(createSourceFile(file, text), language);
  expect(parsed.error).toBeUndefined();
  return parsed.sites.map(
    (s) =>
      `${s.kind} ${s.span.line}:${s.span.column}-${s.span.endLine}:${s.span.endColumn} ${s.what}${s.detail === undefined ? '' : ` [${s.detail}]`}`,
  );
}
