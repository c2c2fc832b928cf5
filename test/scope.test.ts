import { describe, expect, it } from 'vitest';
import { looksLikeOff, stateOf, switchValue } from '../src/scope/env.js';
import {
  assignment,
  requireProjectSettings,
  resolveScopes,
  type Scope,
  setVariableFix,
  settingsAnchor,
  settingsFix,
} from '../src/scope/scope.js';
import { ANY_VERSION, type VersionRange } from '../src/scope/versions.js';
import { json, loadFile, settingsFile } from './support/files.js';

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

  it.each(['0', ' OFF ', 'False', 'no'])('%j looks like off to a person', (value) => {
    expect(looksLikeOff(value)).toBe(true);
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

describe('scopes that share an id', () => {
  // Folder names can be anything: one named managed-settings.json, or after a workflow step's scope id.
  const step = '.github/workflows/claude.yml#jobs.a.steps[0]';
  const files = [
    settingsFile('managed-settings.json/.claude/settings.json', 'project', '{}\n'),
    settingsFile('managed-settings.d/a.json', 'managed-dropin', '{}\n'),
    settingsFile(`${step}/.claude/settings.json`, 'project', '{}\n'),
    loadFile(
      '.github/workflows/claude.yml',
      'on: push\njobs:\n  a:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n',
    ),
  ];

  it('come out in the order of their kinds, whatever order the files are given in', () => {
    const expected = [
      [step, 'project'],
      [step, 'workflow'],
      ['managed-settings.json', 'managed'],
      ['managed-settings.json', 'project'],
    ];
    expect(resolveScopes(files).map((s) => [s.id, s.kind])).toEqual(expected);
    expect(resolveScopes([...files].reverse()).map((s) => [s.id, s.kind])).toEqual(expected);
  });
});

describe("the root's .claude/settings.local.json in a nested project, by version", () => {
  const files = [
    settingsFile('.claude/settings.local.json', 'local', json({ env: { A: 'root-local' } })),
    settingsFile('pkg/.claude/settings.json', 'project', json({ env: { A: 'pkg' } })),
  ];
  const nested = (versions: VersionRange) =>
    resolveScopes(files, versions)
      .filter((s) => s.id.startsWith('pkg'))
      .map((s) => [s.id, s.kind, s.files, s.env.get('A')?.value]);

  it('reaches it from 2.1.211 on', () => {
    expect(nested({ min: '2.1.211', minSource: undefined, max: undefined })).toEqual([
      ['pkg', 'project', ['pkg/.claude/settings.json', '.claude/settings.local.json'], 'root-local'],
    ]);
  });

  it('does not before 2.1.211', () => {
    expect(nested({ min: undefined, minSource: undefined, max: '2.1.210' })).toEqual([
      ['pkg', 'project', ['pkg/.claude/settings.json'], 'pkg'],
    ]);
  });

  it('is evaluated both ways when either may run it', () => {
    expect(nested(ANY_VERSION)).toEqual([
      ['pkg', 'project', ['pkg/.claude/settings.json', '.claude/settings.local.json'], 'root-local'],
      ['pkg (before 2.1.211)', 'project', ['pkg/.claude/settings.json'], 'pkg'],
    ]);
  });
});

describe("a managed scope's own version pins", () => {
  const managed = (values: Record<string, unknown>, versions: VersionRange = ANY_VERSION) =>
    resolveScopes([settingsFile('managed-settings.json', 'managed', json(values))], versions)[0]!.versions;

  it('narrow the range, trimmed, and name where the oldest version comes from', () => {
    expect(managed({ requiredMinimumVersion: ' 2.1.290 ', requiredMaximumVersion: ' 2.1.400 ' })).toEqual({
      min: '2.1.290',
      minSource: 'requiredMinimumVersion in `managed-settings.json`',
      max: '2.1.400',
    });
  });

  it('leave the range alone when they are not versions', () => {
    expect(managed({ requiredMinimumVersion: 'latest', requiredMaximumVersion: 'latest' })).toEqual(
      ANY_VERSION,
    );
    expect(managed({ requiredMinimumVersion: 2, requiredMaximumVersion: 3 })).toEqual(ANY_VERSION);
  });

  it('do not lower a minimum given from outside', () => {
    const cli = { min: '2.1.300', minSource: '--min-claude-code-version', max: undefined };
    expect(managed({ requiredMinimumVersion: '2.1.200' }, cli)).toEqual(cli);
  });
});

describe('settings keys are managed only in managed files', () => {
  it('marks keys of managed-settings.json and its drop-ins managed, and no other', () => {
    const base = settingsFile('managed-settings.json', 'managed', json({ forceLoginMethod: 'console' }));
    const dropin = settingsFile(
      'managed-settings.d/a.json',
      'managed-dropin',
      json({ cleanupPeriodDays: 7 }),
    );
    const project = settingsFile('.claude/settings.json', 'project', json({ cleanupPeriodDays: 7 }));
    const managedFlags = resolveScopes([base, dropin, project]).map((s) => [
      s.id,
      [...s.settings.values()].map((v) => [v.key, v.managed]),
    ]);
    expect(managedFlags).toEqual([
      ['.', [['cleanupPeriodDays', false]]],
      [
        'managed-settings.json',
        [
          ['forceLoginMethod', true],
          ['cleanupPeriodDays', true],
        ],
      ],
    ]);
  });

  it('has no file to anchor at without a main file', () => {
    expect(settingsAnchor(undefined)).toEqual({ file: null, line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});

describe('require: [project-settings]', () => {
  const local = settingsFile('.claude/settings.local.json', 'local', json({ env: { A: 'local' } }));
  const pkg = settingsFile('pkg/.claude/settings.json', 'project', json({ env: { A: 'pkg' } }));
  const shape = (scopes: readonly Scope[]) =>
    scopes.map((s) => [s.id, s.kind, s.files, s.anchor.file, s.anchor.line, s.env.get('A')?.value]);

  it('keeps the root scope as it is when the shared file exists', () => {
    const shared = settingsFile('.claude/settings.json', 'project', json({ env: { A: 'shared' } }));
    expect(shape(requireProjectSettings(resolveScopes([shared, pkg])))).toEqual([
      ['.', 'project', ['.claude/settings.json'], '.claude/settings.json', 2, 'shared'],
      ['pkg', 'project', ['pkg/.claude/settings.json'], 'pkg/.claude/settings.json', 2, 'pkg'],
    ]);
  });

  it('anchors a root scope that has only its local file at the shared file to create, keeping what it reads', () => {
    const [required] = requireProjectSettings(resolveScopes([local]));
    expect(shape(requireProjectSettings(resolveScopes([local])))).toEqual([
      ['.', 'project', ['.claude/settings.local.json'], '.claude/settings.json', 1, 'local'],
    ]);
    expect(required!.fix).toEqual({
      file: '.claude/settings.json',
      syntax: 'json',
      where: 'under `env` in `.claude/settings.json`',
      create: true,
    });
  });

  it('adds an empty root scope when only other projects have settings', () => {
    expect(shape(requireProjectSettings(resolveScopes([pkg])))).toEqual([
      ['.', 'project', [], '.claude/settings.json', 1, undefined],
      ['pkg', 'project', ['pkg/.claude/settings.json'], 'pkg/.claude/settings.json', 2, 'pkg'],
    ]);
  });
});

describe('fix sentences', () => {
  const scope = (fix: Scope['fix']): Scope => ({
    id: '.',
    kind: 'project',
    files: [],
    env: new Map(),
    settings: new Map(),
    anchor: { file: null, line: 1, column: 1, endLine: 1, endColumn: 1 },
    origin: { file: null, line: 1, column: 1, endLine: 1, endColumn: 1 },
    fix,
    versions: ANY_VERSION,
  });

  it('write the assignment in the syntax of the file it goes to', () => {
    expect(
      setVariableFix(scope({ file: 'Dockerfile', syntax: 'dockerfile', where: 'as an `ENV` line' }), 'A'),
    ).toBe('Add `ENV A=1` as an `ENV` line.');
    expect(setVariableFix(scope({ file: 'c.yml', syntax: 'yaml', where: 'under `env:`' }), 'A', '0')).toBe(
      'Add `A: "0"` under `env:`.',
    );
    expect(setVariableFix(scope(settingsFix('.claude/settings.json', true)), 'A')).toBe(
      'Create `.claude/settings.json` with `{ "env": { "A": "1" } }`.',
    );
  });

  it('fall back to a JSON assignment in the settings file Claude Code reads when a scope names no fix target', () => {
    expect(setVariableFix(scope(null), 'A')).toBe('Add `"A": "1"` in the settings file Claude Code reads.');
    expect(assignment(scope(null), 'A', '1')).toBe('"A": "1"');
  });
});
