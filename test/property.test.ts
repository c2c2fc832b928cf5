// Properties over generated input (fast-check): the env parser and the settings parser never throw and only ever
// point inside the file, and the effective configuration of every scope does not depend on the order in which
// discovery hands over the files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, type LoadedFile } from '../src/discover/discover.js';
import { analyseAfter, planFixes } from '../src/edit/fix.js';
import { resolveOptions } from '../src/policy/options.js';
import { analyse } from '../src/scan.js';
import type { ParsedFile } from '../src/parse/files.js';
import type { Span } from '../src/model.js';
import { parseDotenv } from '../src/parse/dotenv.js';
import { parseJson } from '../src/parse/json.js';
import { parseLoaded } from '../src/parse/parse-files.js';
import { resolveScopes, type Scope } from '../src/scope/scope.js';
import { KNOWN_SETTINGS_KEYS } from '../src/scope/settings-schema.js';
import { createSourceFile, lineSpan, type SourceFile } from '../src/discover/source.js';
import { validateSettings } from '../src/scope/validate-settings.js';

// RUNS=10000 for a longer hunt; the default keeps the file at a few seconds.
const RUNS = { numRuns: Number(process.env.RUNS ?? 300) };

/** 1 ≤ line ≤ number of lines, 1 ≤ column ≤ length of that line (without its break) + 1. */
function expectInside(source: SourceFile, line: number, column: number, what: string): void {
  const lines = source.lineStarts.length;
  if (!(Number.isInteger(line) && line >= 1 && line <= lines)) {
    throw new Error(`${what}: line ${line} is outside 1..${lines}`);
  }
  const width = lineSpan(source, line).endColumn - 1;
  if (!(Number.isInteger(column) && column >= 1 && column <= width + 1)) {
    throw new Error(`${what}: column ${column} is outside 1..${width + 1} on line ${line}`);
  }
}

function expectSpanInside(source: SourceFile, span: Span, what: string): void {
  expectInside(source, span.line, span.column, `${what} start`);
  expectInside(source, span.endLine, span.endColumn, `${what} end`);
  const ordered = span.endLine > span.line || (span.endLine === span.line && span.endColumn >= span.column);
  if (!ordered) throw new Error(`${what}: ends before it starts (${JSON.stringify(span)})`);
}

const LINE_BREAK = fc.constantFrom('\n', '\r\n', '\r');

/** Text made of the pieces a grammar cares about, so that generated input reaches the parser's corners. */
function textOf(pieces: string[], maxPieces = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...pieces), LINE_BREAK, fc.string({ maxLength: 3 })), {
      maxLength: maxPieces,
    })
    .map((parts) => parts.join(''));
}

const DOTENV_PIECES = [
  'export ',
  'export',
  'NAME',
  'A',
  '_x',
  'a.b-c',
  '1',
  '=',
  ' = ',
  ':',
  '"',
  "'",
  '`',
  '#',
  ' #',
  '\\',
  '\\"',
  '\\n',
  ' ',
  '\t',
  'value',
  'é',
  '😀',
  '\uD800',
  '\u2028',
  '$',
  '${X}',
  '\0',
  'sk-ant-api03-abcdefghij',
];

function checkDotenv(text: string, shell: boolean): void {
  const source = createSourceFile(shell ? '.envrc' : '.env', text);
  const parsed = parseDotenv(source, { shell });
  for (const entry of parsed.entries) {
    expectSpanInside(source, entry.span, `entry ${entry.name}`);
    expectSpanInside(source, entry.valueSpan, `value of ${entry.name}`);
  }
  for (const problem of parsed.problems) expectSpanInside(source, problem.span, 'problem');
  for (const comment of parsed.comments) expectInside(source, comment.line, 1, 'comment');
}

describe('the env parser', () => {
  it('never throws and points inside the file, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), checkDotenv), RUNS);
  });

  it('never throws and points inside the file, on text built from dotenv syntax', () => {
    fc.assert(fc.property(textOf(DOTENV_PIECES), fc.boolean(), checkDotenv), {
      numRuns: Number(process.env.RUNS ?? 500),
    });
  });
});

const JSON_PIECES = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '"env"',
  '"A"',
  '\\',
  '\\u00',
  '1',
  '-',
  '1e9',
  'true',
  'null',
  ' ',
  '//',
  '/*',
  '*/',
  'é',
  '\uD800',
  '\uFEFF',
  '\0',
];

/** Parse as discovery's pipeline does (validation only for valid JSON) and check every position. */
function checkSettings(text: string): void {
  const source = createSourceFile('.claude/settings.json', text);
  const json = parseJson(source);
  for (const problem of json.problems) expectSpanInside(source, problem.span, problem.ruleId);
  if (!json.ok) {
    expect(json.problems).toHaveLength(1);
    return;
  }
  for (const problem of validateSettings(source, json)) {
    expectSpanInside(source, problem.span, `${problem.ruleId} ${problem.message}`);
  }
  const file = parseLoaded({ candidate: { path: source.path, kind: 'settings', role: 'project' }, source });
  for (const scope of resolveScopes(file === undefined ? [] : [file])) {
    for (const value of scope.env.values()) expectSpanInside(source, value.location, `env ${value.name}`);
    for (const value of scope.settings.values())
      expectSpanInside(source, value.location, `setting ${value.key}`);
    if (scope.anchor.file !== null) expectSpanInside(source, scope.anchor, 'anchor');
  }
}

const ENV_NAMES = [
  'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
  'DISABLE_TELEMETRY',
  'DISABLE_ERROR_REPORTING',
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_ENABLE_TELEMETRY',
  'OTEL_LOG_USER_PROMPTS',
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_API_KEY',
  'lower_case',
  '__proto__',
  'constructor',
];

const jsonScalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('1', '0', 'true', 'false', '', 'https://gateway.example', 'sk-ant-api03-Zq7vR2mK9pL4xT8w'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** `{"k": v, …}` written out by hand: keys may repeat (CFG004) and `__proto__` stays an ordinary key. */
function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
}

const envObject = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...ENV_NAMES), fc.string({ maxLength: 8 })),
      fc.oneof(jsonScalar, anyJson),
    ),
    {
      maxLength: 6,
    },
  )
  .map((entries) => JSON.parse(objectText(entries)) as unknown);

const settingsEntries = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(...KNOWN_SETTINGS_KEYS),
      fc.constantFrom('env', 'permissions', '__proto__', 'constructor', '$schema'),
      fc.string({ maxLength: 10 }),
    ),
    fc.oneof(jsonScalar, anyJson, envObject),
  ),
  { maxLength: 8 },
);

/** Valid settings text, pretty-printed in one of the ways people write it. */
const settingsText = fc
  .tuple(settingsEntries, fc.constantFrom(0, 2, 4, '\t'), fc.constantFrom('\n', '\r\n'))
  .map(([entries, indent, eol]) => {
    const compact = objectText(entries);
    const text = indent === 0 ? compact : JSON.stringify(JSON.parse(compact), null, indent);
    return text.replaceAll('\n', eol);
  });

type Mutation = { at: number; cut: number; insert: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 4 }),
  insert: fc.oneof(fc.constantFrom(...JSON_PIECES), LINE_BREAK, fc.constant('')),
});

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const { at, cut, insert } of mutations) {
    const where = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, where) + insert + out.slice(where + cut);
  }
  return out;
}

describe('the settings parser (parseJson, then validateSettings)', () => {
  it('never throws and points inside the file, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkSettings), RUNS);
  });

  it('never throws and points inside the file, on text built from JSON syntax', () => {
    fc.assert(fc.property(textOf(JSON_PIECES), checkSettings), RUNS);
  });

  it('never throws and points inside the file, on any JSON value', () => {
    fc.assert(
      fc.property(anyJson, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        checkSettings(JSON.stringify(value, null, indent) ?? 'null');
      }),
      RUNS,
    );
  });

  it('ends a token that stops at the CR of a CRLF on its own line (found by the property below)', () => {
    // `"\` then CRLF: the unterminated string ends after the CR; its end used to fall one column past the line.
    const text = '{"a":"\\\r\n"}';
    checkSettings(text);
    expect(parseJson(createSourceFile('x.json', text)).problems[0]!.span).toEqual({
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 8,
    });
  });

  it('never throws and points inside the file, on settings-shaped objects and mutations of them', () => {
    fc.assert(fc.property(settingsText, checkSettings), RUNS);
    fc.assert(
      fc.property(settingsText, fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, edits) => {
        checkSettings(mutate(text, edits));
      }),
      { numRuns: Number(process.env.RUNS ?? 500) },
    );
  });
});

/** Every file that can join a scope, at a few places in the tree, each with generated content. */
const SCOPE_PATHS = [
  '.claude/settings.json',
  '.claude/settings.local.json',
  'apps/web/.claude/settings.json',
  'apps/web/.claude/settings.local.json',
  'managed-settings.json',
  'managed-settings.d/10-base.json',
  'managed-settings.d/20-override.json',
  'managed-settings.d/05-first.json',
  'etc/managed-settings.d/50-alone.json',
  'dot_claude/settings.json',
  'home/dot_claude/settings.json',
  '.github/claude-settings.json',
  '.env',
  'apps/web/.env.local',
  '.mcp.json',
  '.github/workflows/review.yml',
  '.devcontainer/devcontainer.json',
  'apps/web/.devcontainer.json',
];

const SWITCHES = [
  'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
  'DISABLE_TELEMETRY',
  'CLAUDE_CODE_USE_VERTEX',
  'A',
];
const SWITCH_VALUES = ['1', '0', '', 'true', 1, true, null];

const envBlock = fc.dictionary(fc.constantFrom(...SWITCHES), fc.constantFrom(...SWITCH_VALUES), {
  maxKeys: 4,
});

const settingsContent = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      { env: envBlock, cleanupPeriodDays: fc.constantFrom(7, 60, '30') },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('{ "env": { "A": "1", } }', '[]', '"env"', '') },
);

function workflowText(env: Record<string, unknown>, settings: string): string {
  const lines = Object.entries(env).map(([name, value]) => `      ${name}: ${JSON.stringify(value)}`);
  return [
    'on: pull_request',
    'jobs:',
    '  review:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: anthropics/claude-code-action@v1',
    ...(lines.length > 0 ? ['        env:', ...lines.map((l) => `  ${l}`)] : []),
    '        with:',
    `          settings: ${settings}`,
    '',
  ].join('\n');
}

function contentFor(path: string): fc.Arbitrary<string> {
  if (path.endsWith('.yml')) {
    return fc
      .tuple(
        envBlock,
        fc.constantFrom('.github/claude-settings.json', '\'{"env":{"DISABLE_TELEMETRY":"1"}}\''),
      )
      .map(([env, settings]) => workflowText(env, settings));
  }
  if (path.includes('devcontainer')) {
    return fc
      .tuple(envBlock, envBlock)
      .map(([containerEnv, remoteEnv]) => JSON.stringify({ containerEnv, remoteEnv }));
  }
  if (path.includes('.env')) {
    return envBlock.map((env) =>
      Object.entries(env)
        .map(([k, v]) => `${k}=${String(v)}\n`)
        .join(''),
    );
  }
  if (path.endsWith('.mcp.json')) return fc.constant('{"mcpServers":{"x":{"command":"x"}}}');
  return settingsContent.map((content) => (typeof content === 'string' ? content : JSON.stringify(content)));
}

const loadedRepository: fc.Arbitrary<LoadedFile[]> = fc
  .subarray(SCOPE_PATHS, { minLength: 1 })
  .chain((paths) => fc.tuple(...paths.map((path) => contentFor(path).map((text) => [path, text] as const))))
  .map((entries) =>
    entries.map(([path, text]) => {
      // A file a workflow names in `settings` is read with role `action`; every other one is found by its name.
      const candidate =
        path === '.github/claude-settings.json'
          ? { path, kind: 'settings' as const, role: 'action' as const }
          : classify(path)!;
      return { candidate, source: createSourceFile(path, text) };
    }),
  );

const repository: fc.Arbitrary<ParsedFile[]> = loadedRepository.map((files) =>
  files.map((loaded) => parseLoaded(loaded)!),
);

/** A scope as plain data, Maps in their iteration order, so that equality also covers the order of entries. */
function plain(scopes: Scope[]): unknown {
  return JSON.parse(
    JSON.stringify(scopes, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value)),
  );
}

describe('fix (planFixes, then the analysis of the fixed files)', () => {
  it('clears every non-essential-traffic finding it claims to, in every generated repository', () => {
    const options = resolveOptions({ path: '.', policy: 'nonessential-traffic' });
    const now = new Date('2026-11-22T00:00:00Z');
    fc.assert(
      fc.property(loadedRepository, (files) => {
        files.sort((a, b) => (a.source.path < b.source.path ? -1 : 1));
        const analysis = analyse({ files, skipped: [] }, options, now);
        const plan = planFixes(analysis, {
          zdrOrgUuid: undefined,
          loginMethod: undefined,
          maxRetentionDays: 30,
        });
        const after = analyseAfter(analysis, plan, options, now);
        const remaining = after.report.findings.filter((f) => f.ruleId.startsWith('NET00'));
        for (const claimed of plan.resolves) {
          const still = remaining.filter(
            (f) => f.ruleId === claimed.ruleId && f.scopes.some((s) => claimed.scopes.includes(s)),
          );
          expect(still, `${claimed.ruleId} ${claimed.file}:${claimed.line}`).toEqual([]);
        }
        // A NET001 that fix does not claim for a scope is one it says it could not write.
        for (const finding of analysis.report.findings.filter((f) => f.ruleId === 'NET001')) {
          for (const scope of finding.scopes) {
            const claimed = plan.resolves.some((c) => c.ruleId === 'NET001' && c.scope === scope);
            if (!claimed)
              expect(plan.notes.join('\n'), `NET001 ${finding.file}:${finding.line}`).toMatch(/not edited/);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('scope resolution (resolveScopes)', () => {
  it('gives the same scopes and effective configuration whatever the order of the files', () => {
    fc.assert(
      fc.property(
        repository.chain((files) =>
          fc.tuple(fc.constant(files), fc.shuffledSubarray(files, { minLength: files.length })),
        ),
        ([files, shuffled]) => {
          expect(files.every((f) => f !== undefined)).toBe(true);
          expect(plain(resolveScopes(shuffled))).toEqual(plain(resolveScopes(files)));
        },
      ),
      RUNS,
    );
  });
});
