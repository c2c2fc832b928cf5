// How parseLoaded turns a loaded candidate into its parsed form, and which problems parseProblems reports for it.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import type { Candidate } from '../src/parse/files.js';
import { parseProblems } from '../src/parse/files.js';
import { parseLoaded } from '../src/parse/parse-files.js';

const load = (candidate: Candidate, text: string) =>
  parseLoaded({ candidate, source: createSourceFile(candidate.path, text) });

describe('parseLoaded: settings files', () => {
  it('takes a settings file without a role for a project settings file', () => {
    const parsed = load({ path: '.claude/settings.json', kind: 'settings' }, '{"env": {}}');
    expect(parsed).toMatchObject({
      kind: 'settings',
      role: 'project',
      settings: { env: {} },
      validation: [],
    });
  });

  it('keeps no settings object when the top level is an array, null or a string', () => {
    for (const text of ['[{"env": {}}]', 'null', '"x"']) {
      const parsed = load({ path: '.claude/settings.json', kind: 'settings', role: 'local' }, text);
      expect(parsed).toMatchObject({ kind: 'settings', role: 'local', settings: undefined });
    }
  });

  it('validates nothing in a file that is not valid JSON', () => {
    const parsed = load({ path: '.claude/settings.json', kind: 'settings' }, '{"env": ');
    expect(parsed).toMatchObject({ kind: 'settings', settings: undefined, validation: [] });
  });
});

describe('parseLoaded: .envrc files', () => {
  // direnv reads `.envrc` in any folder as a shell script: commands there are no problems.
  it('reads an .envrc in a subfolder in shell mode', () => {
    const parsed = load({ path: 'app/.envrc', kind: 'dotenv' }, 'source_up\nexport A=1\n');
    if (parsed?.kind !== 'dotenv') throw new Error('not a dotenv file');
    expect(parsed.dotenv.problems).toEqual([]);
    expect(parsed.dotenv.entries.map((e) => [e.name, e.value])).toEqual([['A', '1']]);
  });

  it('reads app/.env, which is no shell script, as dotenv', () => {
    const parsed = load({ path: 'app/.env', kind: 'dotenv' }, 'source_up\n');
    if (parsed?.kind !== 'dotenv') throw new Error('not a dotenv file');
    expect(parsed.dotenv.problems.map((p) => [p.message, p.span.line])).toEqual([
      ['not a NAME=value line', 1],
    ]);
  });
});

describe('parseProblems', () => {
  it('reports no parse problems for a dotenv file, whose problems CFG005 reports', () => {
    const parsed = load({ path: '.env', kind: 'dotenv' }, 'not an assignment\n');
    expect(parseProblems(parsed!)).toEqual([]);
  });
});
