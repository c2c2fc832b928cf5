// src/zod.ts configures zod (jitless) before any schema is built; it works only if every module that builds a
// schema imports it ahead of 'zod'.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globalConfig } from 'zod/v4/core';
import { settingsSchemaFor } from '../src/scope/settings-schema.js';

const SRC = path.join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe('zod configuration', () => {
  it('is imported ahead of zod by every module that builds a schema', () => {
    const late: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file === path.join(SRC, 'zod.ts')) continue;
      const text = readFileSync(file, 'utf8');
      const zod = text.search(/^import \{[^}]*\} from 'zod';$/m);
      if (zod === -1) continue;
      const setup = text.search(/^import '(\.\.?\/)+zod\.js';$/m);
      if (setup === -1 || setup > zod) late.push(path.relative(SRC, file));
    }
    expect(late).toEqual([]);
  });

  it('turns off generated parsers', () => {
    settingsSchemaFor(['env']).safeParse({ env: {} });
    expect(globalConfig.jitless).toBe(true);
  });
});
