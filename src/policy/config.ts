// The policy config file (SPEC §8): `.github/claude-code-policy.yml`, `.claude-code-policy.yml` or --config.
// Its values layer under CLI flags and Action inputs and over the defaults (see options.ts resolveOptions).
// It is strict: an unknown key, an unknown rule id or a bad value stops the run (exit 2) with the file, the line
// and what is wrong, because a typo in a policy file must not quietly relax the policy.
import path from 'node:path';
import type { LineCounter, Node } from 'yaml';
import { loadYaml, yaml } from '../parse/yaml.js';
import { closestWord } from '../suggest.js';
import '../zod.js';
import { z } from 'zod';
import { isWithin, readContainedFile } from '../discover/contained.js';
import { RULES } from '../rules/index.js';
import { ConfigurationError } from '../errors.js';
import { FAIL_LEVELS, POLICIES } from '../model.js';
import { optionsSchema, REQUIREMENTS, type ScanOptions, splitList } from './options.js';
import { DEFAULT_CONFIG_FILE, type IgnoreEntry } from './suppress.js';

/** Looked for under the root, in this order, when no config file is named. */
export const CONFIG_FILE_NAMES = [DEFAULT_CONFIG_FILE, '.claude-code-policy.yml'] as const;

export interface LoadedConfig {
  /** The config file that was read, relative to the root with `/`; undefined when none. */
  path: string | undefined;
  /** Its options, to layer under flags and inputs; `ignore` holds its suppressions with their lines. */
  options: Partial<ScanOptions>;
  /** The same suppressions as `options.ignore` (empty when there is no file). */
  ignore: IgnoreEntry[];
  /** Where each top-level key (`fail-on`) and each rule (`rules.NET001`) is written, to point at a change. */
  positions: Record<string, KeyPosition>;
}

/** A key's place in the config file: its line, and the columns of its name (1-based, end exclusive). */
export interface KeyPosition {
  line: number;
  column: number;
  endColumn: number;
}

const KNOWN_RULES = new Set(RULES.map((rule) => rule.id));
const fields = optionsSchema.shape;

/** A list, or one comma-separated string, as the CLI flags take them. */
function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (typeof v === 'string' ? (splitList(v) ?? []) : v), item);
}

const ruleId = z.string().refine((id) => KNOWN_RULES.has(id), { message: 'unknown rule id' });

const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a date written YYYY-MM-DD' })
  .refine(
    (v) => {
      const date = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
    },
    { message: 'until must be a real calendar date (YYYY-MM-DD)' },
  );

const ignoreEntrySchema = z.strictObject({
  rule: ruleId,
  path: z
    .string({ message: 'path must be a glob relative to the scanned root, e.g. sandbox/**' })
    .trim()
    .min(1, { message: 'path must be a glob relative to the scanned root, e.g. sandbox/**' })
    .refine((v) => !v.startsWith('/'), {
      message: 'path is relative to the scanned root: remove the leading /',
    }),
  reason: z
    .string({ message: 'every ignore entry needs a reason: say why the finding is acceptable' })
    .trim()
    .min(1, { message: 'every ignore entry needs a reason: say why the finding is acceptable' }),
  until: dateString.optional(),
});

/** The file's shape. Value rules come from the one options schema, so a flag and a config key agree. */
export const configSchema = z.strictObject({
  policy: list(fields.policy.unwrap()).optional(),
  'fail-on': fields.failOn.unwrap().optional(),
  'zdr-org-uuid': fields.zdrOrgUuid,
  'allowed-base-urls': list(fields.allowedBaseUrls.unwrap()).optional(),
  'max-retention-days': fields.maxRetentionDays.unwrap().optional(),
  'min-claude-code-version': fields.minClaudeCodeVersion,
  include: list(fields.include.unwrap()).optional(),
  exclude: list(fields.exclude.unwrap()).optional(),
  require: list(fields.require.unwrap()).optional(),
  code: fields.code.unwrap().optional(),
  rules: z
    .record(
      ruleId,
      z.enum(['error', 'warning', 'notice', 'off'], { message: 'must be error, warning, notice or off' }),
    )
    .optional(),
  ignore: z
    .array(ignoreEntrySchema, { message: 'ignore must be a list of entries (rule, path, reason, until)' })
    .optional(),
});

const CONFIG_KEYS = Object.keys(configSchema.shape);
const ENTRY_KEYS = Object.keys(ignoreEntrySchema.shape);

type Segment = string | number;

/**
 * The node a path of keys/indices leads to, or the deepest one that exists (`found` false); with the key of the
 * last pair passed, to point at `NAME:` rather than its value.
 */
function locate(
  root: Node | null,
  segments: readonly Segment[],
): { node: Node | null; key: Node | null; found: boolean } {
  let node: Node | null = root;
  let key: Node | null = null;
  for (const segment of segments) {
    if (yaml().isMap(node)) {
      const pair = node.items.find(
        (item) =>
          yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return { node, key, found: false };
      key = yaml().isScalar(pair.key) ? pair.key : null;
      node = (pair.value as Node | null) ?? key;
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
      // zod reports an index only for an item the list has, and the list is this sequence.
      node = node.items[segment] as Node;
      key = null;
    } else if (yaml().isScalar(node) && typeof segment === 'number') {
      // A list written as one comma-separated string (`policy: zdr, telemetry`): the item is in this scalar.
      return { node, key, found: true };
    } else {
      return { node, key, found: false };
    }
  }
  return { node, key, found: true };
}

function lineOf(node: Node | null, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

/** A node's line and columns; a node over several lines (an ignore entry) is marked on its first line only. */
function positionOf(node: Node | null, counter: LineCounter, text: string): KeyPosition {
  const range = node?.range;
  if (range === undefined || range === null) return { line: 1, column: 1, endColumn: 1 };
  const start = counter.linePos(range[0]);
  const end = counter.linePos(range[1]);
  if (end.line === start.line) return { line: start.line, column: start.col, endColumn: end.col };
  const lineEnd = text.indexOf('\n', range[0]);
  const endOffset = (lineEnd === -1 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0);
  return { line: start.line, column: start.col, endColumn: start.col + Math.max(0, endOffset - range[0]) };
}

function describePath(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments)
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

/** One zod issue as `line` + words, pointing at the exact YAML node. */
function explain(
  issue: z.core.$ZodIssue,
  root: Node | null,
  counter: LineCounter,
): { line: number; text: string } {
  const segments = issue.path.filter((p): p is Segment => typeof p !== 'symbol');
  const where = describePath(segments);
  if (issue.code === 'unrecognized_keys') {
    const name = issue.keys[0]!;
    const { key } = locate(root, [...segments, name]);
    const known = segments.length === 0 ? CONFIG_KEYS : ENTRY_KEYS;
    const suggestion = closestWord(name, known);
    const inside = segments.length === 0 ? '' : ` in ${where}`;
    const hint = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
    return {
      line: lineOf(key, counter),
      text: `unknown key "${name}"${inside}${hint}; known keys: ${known.join(', ')}`,
    };
  }
  const located = locate(root, segments);
  const unknownRule = (id: string, at: Node | null, inside: string) => {
    const suggestion = closestWord(id, [...KNOWN_RULES]);
    const hint = suggestion !== undefined ? ` (did you mean ${suggestion}?)` : '';
    return { line: lineOf(at, counter), text: `unknown rule id "${id}" in ${inside}${hint}` };
  };
  // Only `rules:` has a key schema, so an invalid key is always an unknown rule id there.
  if (issue.code === 'invalid_key') {
    return unknownRule(String(segments[segments.length - 1]), located.key, 'rules');
  }
  if (issue.message === 'unknown rule id') {
    const id = yaml().isScalar(located.node)
      ? String(located.node.value)
      : String(segments[segments.length - 1]);
    return unknownRule(id, located.node, where);
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  if (!located.found) {
    return { line: lineOf(located.node, counter), text: `${where} is missing: ${message}` };
  }
  // Messages from the options schema already name the key ("fail-on must be one of …").
  const named = message.startsWith(`${segments[0]} `);
  return {
    line: lineOf(located.node, counter),
    text: named && segments.length === 1 ? message : `${where}: ${message}`,
  };
}

function displayPath(file: string, cwd: string): string {
  // The file is never the working directory itself (that is a folder, refused before this), so relative is never ''.
  const shown = isWithin(cwd, file) ? path.relative(cwd, file) : file;
  return shown.split(path.sep).join('/');
}

/** Parse and validate a config file's text. `shown` names the file in errors; `relative` is its path from the root. */
export function parseConfig(text: string, shown: string, relative: string): Omit<LoadedConfig, 'path'> {
  const counter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = counter.linePos(first.pos[0]).line;
    // Without prettyErrors the message carries no "at line N, column M" of its own: the line is ours.
    throw new ConfigurationError(`${shown}:${line}: not valid YAML: ${first.message.split('\n')[0]!}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(
      `${shown}:${lineOf(doc.contents, counter)}: the config must be a mapping of keys such as policy, rules and ignore`,
    );
  }
  // `ignore:` with every entry commented out is null in YAML: a key with no value counts as not given.
  const given = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null),
  );
  const result = configSchema.safeParse(given);
  if (!result.success) {
    // A required key reported missing beside an unknown one is usually the same key misspelt: report the typo.
    const unknownIn = new Set(
      result.error.issues.filter((i) => i.code === 'unrecognized_keys').map((i) => JSON.stringify(i.path)),
    );
    const issues = result.error.issues.filter(
      (i) => !(i.code === 'invalid_type' && unknownIn.has(JSON.stringify(i.path.slice(0, -1)))),
    );
    const problems = issues.map((issue) => explain(issue, doc.contents, counter));
    problems.sort((a, b) => a.line - b.line);
    const top = problems[0]!;
    throw new ConfigurationError(`${shown}:${top.line}: ${top.text}`);
  }
  const data = result.data;
  const ignore: IgnoreEntry[] = (data.ignore ?? []).map((entry, index) => {
    const at = positionOf(locate(doc.contents, ['ignore', index]).node, counter, text);
    return {
      rule: entry.rule,
      path: entry.path,
      reason: entry.reason,
      ...(entry.until !== undefined ? { until: entry.until } : {}),
      file: relative,
      line: at.line,
      column: at.column,
      endColumn: at.endColumn,
    };
  });
  // A key the file does not set stays undefined, which resolveOptions reads as not given.
  const options: Partial<ScanOptions> = {
    policies: data.policy && ([...new Set(data.policy)] as ScanOptions['policies']),
    failOn: data['fail-on'] as ScanOptions['failOn'] | undefined,
    zdrOrgUuid: data['zdr-org-uuid'],
    allowedBaseUrls: data['allowed-base-urls'],
    maxRetentionDays: data['max-retention-days'],
    minClaudeCodeVersion: data['min-claude-code-version'],
    include: data.include,
    exclude: data.exclude,
    require: data.require && ([...new Set(data.require)] as ScanOptions['require']),
    code: data.code as ScanOptions['code'] | undefined,
    rules: data.rules,
    ignore,
  };
  const positions: Record<string, KeyPosition> = {};
  for (const key of Object.keys(given)) {
    positions[key] = positionOf(locate(doc.contents, [key]).key, counter, text);
  }
  for (const id of Object.keys(data.rules ?? {})) {
    positions[`rules.${id}`] = positionOf(locate(doc.contents, ['rules', id]).key, counter, text);
  }
  return { options, ignore, positions };
}

/** A policy file is a few lines; anything near this size is not one. */
export const CONFIG_MAX_BYTES = 256 * 1024;

async function readIfPresent(base: string, where: string, file: string): Promise<string | undefined> {
  try {
    return await readContainedFile(base, file, where, CONFIG_MAX_BYTES);
  } catch (error) {
    const reason =
      error instanceof ConfigurationError
        ? error.message
        : ((error as NodeJS.ErrnoException).code ?? 'read failed');
    throw new ConfigurationError(`config file ${file}: ${reason}`);
  }
}

/**
 * Find and read the config file. `explicit` is --config / the `config` input (relative to cwd); otherwise the
 * first of the default names under `root` is used when present. Throws a ConfigurationError for a bad file.
 */
export async function loadConfig(
  explicit: string | undefined,
  root: string,
  cwd: string,
): Promise<LoadedConfig> {
  const named = explicit !== undefined && explicit.trim() !== '';
  const candidates = named
    ? [path.resolve(cwd, explicit)]
    : CONFIG_FILE_NAMES.map((name) => path.join(root, name));
  // A named file may lie anywhere the user chose, but not behind a link out of the working folder; a default one
  // is the repository's own and must stay inside the root.
  const base = named ? cwd : root;
  for (const file of candidates) {
    const text = await readIfPresent(base, named ? 'the working folder' : 'the scanned root', file);
    if (text === undefined) continue;
    const relative = path.relative(root, file).split(path.sep).join('/');
    // Without the byte order mark, so that the columns of line 1 are those an editor shows.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    await loadYaml();
    return { path: relative, ...parseConfig(body, displayPath(file, cwd), relative) };
  }
  if (named) throw new ConfigurationError(`config file ${explicit} not found`);
  return { path: undefined, options: {}, ignore: [], positions: {} };
}

/** Where the config file's JSON Schema is published: the copy in the repository at this version's tag. */
export function configSchemaUrl(version: string): string {
  return `${SCHEMA_BASE}/v${version}/${CONFIG_SCHEMA_FILE}`;
}

/** The committed schema file, relative to the repository root (`npm run build` writes it, CI checks it is fresh). */
export const CONFIG_SCHEMA_FILE = 'schema/claude-code-policy.schema.json';
const SCHEMA_BASE = 'https://raw.githubusercontent.com/claude-code-policy/claude-code-policy';

type JsonSchema = Record<string, unknown>;

/** A list of `item`, or one comma-separated string, as the file takes them. */
const listOf = (item: JsonSchema): JsonSchema => ({
  anyOf: [{ type: 'array', items: item }, { type: 'string' }],
});

/**
 * What the zod schema checks with refinements, which JSON Schema cannot carry over by itself: the allowed words
 * (for completion), and a description of each key. A key added to the zod schema without an entry here keeps its
 * generated form; test/schema.test.ts asks for a description on every key.
 */
function refinements(): Record<string, JsonSchema> {
  const ruleIds = RULES.map((rule) => rule.id);
  return {
    policy: {
      description: 'Policies to check (default: all three).',
      ...listOf({ enum: [...POLICIES] }),
    },
    'fail-on': {
      description: 'Lowest severity that fails the check (default: error).',
      enum: [...FAIL_LEVELS],
    },
    'zdr-org-uuid': { description: 'The Claude organisation UUID login must be pinned to (ZDR004, ZDR005).' },
    'allowed-base-urls': {
      description: 'API endpoints allowed besides https://api.anthropic.com (ZDR006).',
      ...listOf({ type: 'string', format: 'uri' }),
    },
    'max-retention-days': {
      description:
        'Longest local transcript retention allowed, in days (cleanupPeriodDays, ZDR007; default 30).',
      anyOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*[0-9]+\\s*$' },
      ],
    },
    'min-claude-code-version': {
      description:
        'The oldest Claude Code version in use, e.g. 2.1.282 (default: every version counts; docs/versions.md).',
      type: 'string',
      pattern: '^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.+-]*)?$',
    },
    include: { description: 'Only scan paths matching these globs, relative to the scanned root.' },
    exclude: { description: 'Skip paths matching these globs, relative to the scanned root.' },
    require: {
      description:
        'Opt-in requirements. project-settings: the repository must have a shared .claude/settings.json at its root that meets the selected policies (docs/signal.md).',
      ...listOf({ enum: [...REQUIREMENTS] }),
    },
    code: {
      description:
        'Source code checked under zdr (ZDR010-ZDR022): auto (under a manifest that declares an Anthropic SDK, plus shell scripts and notebooks; default), all, or off.',
      enum: ['off', 'auto', 'all'],
    },
    rules: {
      description: 'Per-rule severity: error, warning, notice, or off.',
      propertyNames: { enum: ruleIds },
    },
    ignore: { description: 'Suppressions; each needs a rule, a path glob and a reason.' },
  };
}

/**
 * The config file's JSON Schema (draft 2020-12), from the same zod schema that checks the file, for editor
 * completion and validation (yaml-language-server). Checks zod cannot express as JSON Schema (a real calendar
 * date, say) stay with the tool, which reports them on their line.
 */
export function configJsonSchema(version: string): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema, properties, ...rest } = generated as JsonSchema & {
    properties: Record<string, JsonSchema>;
  };
  const extra = refinements();
  const merged: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const { description, ...override } = extra[key] ?? {};
    const base = 'anyOf' in override ? {} : schema;
    merged[key] = { ...(description === undefined ? {} : { description }), ...base, ...override };
  }
  const ignore = merged.ignore as { items?: { properties?: Record<string, JsonSchema> } } | undefined;
  const entry = ignore?.items?.properties;
  if (entry?.rule !== undefined) entry.rule = { enum: RULES.map((rule) => rule.id) };
  return {
    $schema,
    $id: configSchemaUrl(version),
    title: 'claude-code-policy configuration',
    description:
      'The policy config file: .github/claude-code-policy.yml or .claude-code-policy.yml. See https://github.com/claude-code-policy/claude-code-policy/blob/main/docs/configuration.md',
    ...rest,
    properties: merged,
  };
}
