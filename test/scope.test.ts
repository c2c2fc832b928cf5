import { describe, expect, it } from 'vitest';
import { stateOf, switchValue } from '../src/scope/env.js';
import { resolveScopes } from '../src/scope/scope.js';
import { json, settingsFile } from './support/files.js';

describe('truthiness (docs: env-vars)', () => {
  it.each([
    ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '1', 'on'],
    ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '0', 'on'],
    ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 'false', 'on'],
    ['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '', 'off'],
    ['DISABLE_TELEMETRY', 'no', 'on'],
    ['DISABLE_ERROR_REPORTING', ' ', 'on'],
    ['DISABLE_AUTOUPDATER', '1', 'on'],
    ['DISABLE_AUTOUPDATER', 'TRUE', 'on'],
    ['DISABLE_AUTOUPDATER', 'True', 'on'],
    ['DISABLE_AUTOUPDATER', '0', 'off'],
    ['DISABLE_AUTOUPDATER', 'false', 'off'],
    ['DISABLE_AUTOUPDATER', '', 'off'],
    ['CLAUDE_CODE_USE_BEDROCK', 'FALSE', 'off'],
    ['CLAUDE_CODE_USE_BEDROCK', ' 1 ', 'on'],
    ['DO_NOT_TRACK', '0', 'off'],
  ] as const)('%s=%j is %s', (name, value, expected) => {
    expect(switchValue(name, value)).toBe(expected);
  });

  it('an unknown value counts as set for a presence-only variable and as unknown for a switch', () => {
    expect(switchValue('CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '', true)).toBe('on');
    expect(switchValue('CLAUDE_CODE_ENABLE_TELEMETRY', '', true)).toBe('unknown');
  });
});

describe('project scope', () => {
  const project = settingsFile(
    '.claude/settings.json',
    'project',
    json({
      env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', A: 'project' },
      cleanupPeriodDays: 30,
    }),
  );
  const local = settingsFile(
    '.claude/settings.local.json',
    'local',
    json({ env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '', A: 'local' }, cleanupPeriodDays: 7 }),
  );

  it('puts the local file on top, variable by variable and key by key', () => {
    const [scope] = resolveScopes([project, local]);
    expect(scope!.id).toBe('.');
    expect(scope!.kind).toBe('project');
    expect(scope!.files).toEqual(['.claude/settings.json', '.claude/settings.local.json']);
    expect(scope!.env.get('A')).toMatchObject({
      value: 'local',
      location: { file: '.claude/settings.local.json', line: 4 },
    });
    expect(scope!.env.get('DISABLE_AUTOUPDATER')).toMatchObject({
      value: '1',
      location: { file: '.claude/settings.json', line: 4 },
    });
    expect(scope!.settings.get('cleanupPeriodDays')).toMatchObject({
      value: 7,
      location: { file: '.claude/settings.local.json', line: 6 },
    });
  });

  it('lets an empty string in a higher file unset the variable, pointing at that line', () => {
    const [scope] = resolveScopes([project, local]);
    const umbrella = scope!.env.get('CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC')!;
    expect(umbrella.value).toBe('');
    expect(umbrella.location).toMatchObject({ file: '.claude/settings.local.json', line: 3 });
    expect(stateOf(scope!.env, 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC')).toBe('off');
  });

  it('does not depend on the order the files are given in', () => {
    const [a] = resolveScopes([project, local]);
    const [b] = resolveScopes([local, project]);
    expect([...b!.env.entries()]).toEqual([...a!.env.entries()]);
    expect(b!.files).toEqual(a!.files);
  });

  it('lets a file that is not valid JSON contribute nothing, though it stays in the scope', () => {
    const broken = settingsFile('.claude/settings.local.json', 'local', '{ "env": { "A": "local", } }');
    const [scope] = resolveScopes([project, broken]);
    expect(scope!.files).toEqual(['.claude/settings.json', '.claude/settings.local.json']);
    expect(scope!.env.get('A')?.value).toBe('project');
  });

  it('treats JSON numbers and booleans as the strings Claude Code sees', () => {
    const file = settingsFile(
      '.claude/settings.json',
      'project',
      json({ env: { DISABLE_TELEMETRY: 1, DISABLE_AUTOUPDATER: true, X: null } }),
    );
    const [scope] = resolveScopes([file]);
    expect(scope!.env.get('DISABLE_TELEMETRY')?.value).toBe('1');
    expect(scope!.env.get('DISABLE_AUTOUPDATER')?.value).toBe('true');
    expect(scope!.env.has('X')).toBe(false);
  });

  it('reads the last of duplicate keys, as JSON.parse does, and points there', () => {
    const file = settingsFile(
      '.claude/settings.json',
      'project',
      '{\n  "env": {\n    "A": "first",\n    "A": "second"\n  }\n}\n',
    );
    const [scope] = resolveScopes([file]);
    expect(scope!.env.get('A')).toMatchObject({ value: 'second', location: { line: 4 } });
  });

  it('anchors missing requirements at the env key of .claude/settings.json, or its first line', () => {
    const [withEnv] = resolveScopes([project]);
    expect(withEnv!.anchor).toEqual({
      file: '.claude/settings.json',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 8,
    });
    const bare = settingsFile('pkg/.claude/settings.json', 'project', '{}\n');
    const [scope] = resolveScopes([bare]);
    expect(scope!.id).toBe('pkg');
    expect(scope!.anchor).toEqual({
      file: 'pkg/.claude/settings.json',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    expect(scope!.fix).toEqual({
      file: 'pkg/.claude/settings.json',
      syntax: 'json',
      where: 'under `env` in `pkg/.claude/settings.json`',
    });
  });

  it('makes one scope per project directory', () => {
    const a = settingsFile('a/.claude/settings.json', 'project', '{}');
    const b = settingsFile('b/.claude/settings.local.json', 'local', '{}');
    expect(resolveScopes([b, a]).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('managed scope', () => {
  it('merges drop-ins on top of managed-settings.json in alphabetical order', () => {
    const base = settingsFile(
      'it/managed-settings.json',
      'managed',
      json({ env: { A: 'base', B: 'base' }, forceLoginMethod: 'console' }),
    );
    const d20 = settingsFile(
      'it/managed-settings.d/20-late.json',
      'managed-dropin',
      json({ env: { A: '20' } }),
    );
    const d10 = settingsFile(
      'it/managed-settings.d/10-early.json',
      'managed-dropin',
      json({ env: { A: '10', B: '10' } }),
    );
    const [scope] = resolveScopes([d20, base, d10]);
    expect(scope!.id).toBe('it/managed-settings.json');
    expect(scope!.kind).toBe('managed');
    expect(scope!.files).toEqual([
      'it/managed-settings.json',
      'it/managed-settings.d/10-early.json',
      'it/managed-settings.d/20-late.json',
    ]);
    expect(scope!.env.get('A')?.value).toBe('20');
    expect(scope!.env.get('B')?.value).toBe('10');
    expect(scope!.settings.get('forceLoginMethod')?.managed).toBe(true);
  });

  it('keeps drop-ins without a managed-settings.json as a scope of their own', () => {
    const d = settingsFile('managed-settings.d/a.json', 'managed-dropin', json({ env: { A: '1' } }));
    const [scope] = resolveScopes([d]);
    expect(scope!.id).toBe('managed-settings.json');
    expect(scope!.anchor.file).toBe('managed-settings.d/a.json');
  });
});

describe('user scope', () => {
  it('makes each dot_claude/settings.json a scope', () => {
    const user = settingsFile('home/dot_claude/settings.json', 'user', json({ env: { A: '1' } }));
    const [scope] = resolveScopes([user]);
    expect(scope).toMatchObject({
      id: 'home/dot_claude/settings.json',
      kind: 'user',
      files: ['home/dot_claude/settings.json'],
    });
  });
});
