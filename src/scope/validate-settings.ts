// CFG002 and CFG003: what in a parsed settings file Claude Code would reject, misread or ignore (docs: settings,
// settings-reference, env-vars). A wrong type in a known key can make Claude Code drop the key or the whole file,
// so each one is an error; an unknown top-level key is only ignored, so it is a warning with a suggestion.
import { editDistance } from '../suggest.js';
import type { z } from 'zod';
import type { Span } from '../model.js';
import { type JsonNode, nodeAt, nodeSpan, type ParsedJson } from '../parse/json.js';
import {
  allowedKeysFromMessage,
  type CustomIssueParams,
  describeValue,
  isCredentialLike,
  KNOWN_SETTINGS_KEYS,
  NESTED_KEY_HOMES,
  settingsSchemaFor,
} from './settings-schema.js';
import { FIRST_LINE, type SourceFile } from '../discover/source.js';
import { EarliestItems, MAX_FINDINGS_PER_FILE_RULE } from '../bounded.js';

export interface SettingsProblem {
  ruleId: 'CFG002' | 'CFG003';
  message: string;
  path: (string | number)[];
  span: Span;
  fix: string;
  /** Problems of this rule after this one that were counted, not built (bounded.ts). */
  more?: number;
}

type Path = (string | number)[];

/**
 * The schema's issues for `value`; undefined when the schema library overflows the stack, which it does past about
 * 120,000 issues under one key (it gathers each level's issues with a spread).
 */
function schemaIssues(value: Record<string, unknown>): z.core.$ZodIssue[] | undefined {
  try {
    const result = settingsSchemaFor(Object.keys(value)).safeParse(value);
    return result.success ? [] : result.error.issues;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A sort key for a span: line, then column (a minified file has millions of columns on one line). */
function order(span: Span): number {
  return span.line * 2 ** 26 + span.column;
}

const KNOWN = new Set(KNOWN_SETTINGS_KEYS);

/** Old names with a specific way out (reference §2.4, "Deprecated or legacy names seen in the wild"). */
const LEGACY_HINTS: Readonly<Record<string, { why: string; fix: string }>> = {
  autoUpdates: {
    why: 'an old "claude config" key that settings files do not read',
    fix: 'remove "autoUpdates"; to turn off automatic updates add "DISABLE_AUTOUPDATER": "1" under env',
  },
  allowedTools: {
    why: 'the layout before "permissions"; Claude Code reads allow rules only from permissions.allow',
    fix: 'move these rules into "permissions": { "allow": [ … ] } and remove "allowedTools"',
  },
};

/**
 * Keys Claude Code removed (reference §7.3, from third-party linters quoting the docs): the version that removed
 * each. Some are still in the SchemaStore snapshot, so they are checked before the unknown-key test.
 */
export const REMOVED_SETTINGS_KEYS: Readonly<Record<string, string>> = Object.freeze({
  teammateDefaultModel: '2.1.234',
  permissionExplainerEnabled: '2.1.257',
  keybindingFlavor: '2.1.261',
  taskOutputMaxChars: '2.1.277',
});

/**
 * Keys newer than the SchemaStore snapshot that Claude Code reads (reference §7.3, §7.6). Not unknown; CFG009
 * says where they have no effect.
 */
export const LATER_SETTINGS_KEYS: readonly string[] = Object.freeze([
  'feedbackDrafts',
  'desktopSessionCleanupPeriodDays',
  'managedSourcesBehavior',
  'gatewayInternalNetworks',
]);

/** What is wrong with the value of a key newer than the schema snapshot, in words; undefined when it is fine. */
function laterKeyProblem(name: string, value: unknown): string | undefined {
  switch (name) {
    case 'feedbackDrafts':
      return ['notify', 'quiet', 'off'].includes(value as string)
        ? undefined
        : 'one of "notify", "quiet", "off"';
    case 'managedSourcesBehavior':
      return ['first-wins', 'merge'].includes(value as string) ? undefined : 'one of "first-wins", "merge"';
    case 'desktopSessionCleanupPeriodDays':
      return Number.isInteger(value) && (value as number) >= 1 ? undefined : 'a whole number of at least 1';
    case 'gatewayInternalNetworks':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? undefined
        : 'a list of strings';
    default:
      return undefined;
  }
}

/** Only called for `json.ok === true`. Never throws on any JSON value. */
export function validateSettings(
  source: SourceFile,
  json: ParsedJson,
  fileLabel?: string,
  /** Problems of each rule built one by one; the rest are counted in the last one's `more`. */
  limit: number = MAX_FINDINGS_PER_FILE_RULE,
): SettingsProblem[] {
  const label = fileLabel ?? source.path;
  const root = json.value;
  if (!isObject(root)) {
    return [
      {
        ruleId: 'CFG002',
        message: 'the top level must be a JSON object; Claude Code ignores the whole file',
        path: [],
        span: FIRST_LINE,
        fix: `In ${label}, write the settings as one JSON object, e.g. { "env": { … } }.`,
      },
    ];
  }

  // One finding per key or entry: only the first ones of each rule are built, the rest counted (bounded.ts).
  const bounded = {
    CFG002: new EarliestItems<SettingsProblem>(limit),
    CFG003: new EarliestItems<SettingsProblem>(limit),
  };
  const seen = new Set<string>();
  const add = (ruleId: SettingsProblem['ruleId'], path: Path, span: Span, build: () => SettingsProblem) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return;
    seen.add(key);
    bounded[ruleId].offer(order(span), build);
  };

  for (const name of Object.keys(root)) {
    const removed = Object.hasOwn(REMOVED_SETTINGS_KEYS, name) ? REMOVED_SETTINGS_KEYS[name] : undefined;
    const keySpan = () => keySpanOf(source, json.tree, [name]);
    if (removed !== undefined) {
      add('CFG003', [name], keySpan(), () => ({
        ruleId: 'CFG003',
        path: [name],
        span: keySpan(),
        message: `setting ${JSON.stringify(name)} was removed in Claude Code ${removed}; newer versions ignore it`,
        fix: `In ${label}, remove ${JSON.stringify(name)}.`,
      }));
    } else if (LATER_SETTINGS_KEYS.includes(name)) {
      const problem = laterKeyProblem(name, root[name]);
      if (problem !== undefined) {
        const span = pairSpan(source, json.tree, [name]);
        add('CFG002', [name], span, () => ({
          ruleId: 'CFG002',
          path: [name],
          span,
          message: `"${name}" must be ${problem}`,
          fix: `In ${label}, write "${name}" as ${problem}.`,
        }));
      }
    } else if (!KNOWN.has(name)) {
      add('CFG003', [name], keySpan(), () => unknownTopLevelKey(source, json.tree, name, label));
    }
  }

  let issues = schemaIssues(root);
  if (issues === undefined) {
    // Too many problems for one pass: each key on its own, and a key still too large is reported, not skipped.
    issues = [];
    for (const name of Object.keys(root)) {
      if (!KNOWN.has(name)) continue;
      const own = schemaIssues(Object.fromEntries([[name, root[name]]]));
      if (own !== undefined) {
        for (const issue of own) issues.push(issue);
        continue;
      }
      const span = pairSpan(source, json.tree, [name]);
      add('CFG002', [name], span, () => ({
        ruleId: 'CFG002',
        path: [name],
        span,
        message: `"${name}" has too many wrong entries to check one by one (over 100,000), so it was not checked`,
        fix: `In ${label}, keep "${name}" to the entries Claude Code needs, each of the right type.`,
      }));
    }
  }
  for (const issue of issues) offerIssue(source, json.tree, root, issue, label, add);

  const problems = [
    ...bounded.CFG002.items((problem, more) => ({ ...problem, more })),
    ...bounded.CFG003.items((problem, more) => ({ ...problem, more })),
  ];
  return problems.sort(
    (a, b) =>
      a.span.line - b.span.line ||
      a.span.column - b.span.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

type Offer = (
  ruleId: SettingsProblem['ruleId'],
  path: Path,
  span: Span,
  build: () => SettingsProblem,
) => void;

/** The problems of one schema issue, offered one by one; an unknown key's suggestion is worked out only if kept. */
function offerIssue(
  source: SourceFile,
  tree: JsonNode | undefined,
  root: Record<string, unknown>,
  issue: z.core.$ZodIssue,
  label: string,
  add: Offer,
): void {
  if (issue.code === 'unrecognized_keys') {
    const parent = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const allowed = allowedKeysFromMessage(issue.message) ?? [];
    for (const key of issue.keys) {
      const path = [...parent, key];
      add('CFG002', path, pairSpan(source, tree, path), () =>
        unknownNestedKey(source, tree, parent, key, allowed, label),
      );
    }
    return;
  }
  for (const problem of problemsFromIssue(source, tree, root, issue, label)) {
    add(problem.ruleId, problem.path, problem.span, () => problem);
  }
}

function unknownTopLevelKey(
  source: SourceFile,
  tree: JsonNode | undefined,
  name: string,
  label: string,
): SettingsProblem {
  const path = [name];
  const span = keySpanOf(source, tree, path);
  const shown = JSON.stringify(name);
  const legacy = Object.hasOwn(LEGACY_HINTS, name) ? LEGACY_HINTS[name] : undefined;
  if (legacy) {
    return {
      ruleId: 'CFG003',
      path,
      span,
      message: `unknown setting ${shown}: ${legacy.why}`,
      fix: `In ${label}, ${legacy.fix}.`,
    };
  }
  const home = Object.hasOwn(NESTED_KEY_HOMES, name) ? NESTED_KEY_HOMES[name] : undefined;
  if (home) {
    return {
      ruleId: 'CFG003',
      path,
      span,
      message: `unknown setting ${shown}: it belongs inside "${home}", and Claude Code ignores it here`,
      fix: `In ${label}, move ${shown} into the "${home}" object.`,
    };
  }
  if (/^(\/\/|_)|comment/i.test(name)) {
    return {
      ruleId: 'CFG003',
      path,
      span,
      message: `unknown setting ${shown}: settings files have no comments, and Claude Code ignores this key`,
      fix: `In ${label}, remove ${shown} or keep the note in a README beside the file.`,
    };
  }
  const suggestion = closestKey(name, KNOWN_SETTINGS_KEYS);
  if (suggestion !== undefined) {
    return {
      ruleId: 'CFG003',
      path,
      span,
      message: `unknown setting ${shown}; did you mean "${suggestion}"?`,
      fix: `In ${label}, rename ${shown} to "${suggestion}".`,
    };
  }
  return {
    ruleId: 'CFG003',
    path,
    span,
    message: `unknown setting ${shown}; Claude Code ignores it`,
    fix: `In ${label}, remove ${shown} or correct it to a setting listed in the Claude Code settings reference.`,
  };
}

function problemsFromIssue(
  source: SourceFile,
  tree: JsonNode | undefined,
  root: Record<string, unknown>,
  issue: z.core.$ZodIssue,
  label: string,
): SettingsProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const span = pairSpan(source, tree, path);
  const params = (issue.code === 'custom' ? issue.params : undefined) as
    Partial<CustomIssueParams> | undefined;
  if (typeof params?.fix === 'string') {
    const last = path[path.length - 1];
    const message =
      params.keyLabel !== undefined
        ? `${params.keyLabel} ${JSON.stringify(String(last))} ${issue.message}`
        : `${formatPath(path)} ${issue.message}`;
    return [{ ruleId: 'CFG002', message, path, span, fix: `In ${label}, ${params.fix}.` }];
  }

  const words = issue.message;
  const lookup = valueAt(root, path);
  if (!lookup.found && lookup.parentIsObject && path.length > 0) {
    const parent = path.slice(0, -1);
    const key = JSON.stringify(String(path[path.length - 1]));
    return [
      {
        ruleId: 'CFG002',
        message: `${formatPath(parent)} is missing ${key}, which must be ${words}`,
        path,
        span,
        fix: `In ${label}, add ${key} (${words}) to ${formatPath(parent)}.`,
      },
    ];
  }
  const named = path.filter((p): p is string => typeof p === 'string');
  const secret = named.length > 0 && isCredentialLike(named[named.length - 1]!);
  const found = secret ? '' : ` (found ${describeValue(lookup.value)})`;
  return [
    {
      ruleId: 'CFG002',
      message: `${formatPath(path)} must be ${words}${found}`,
      path,
      span,
      fix: `In ${label}, ${correction(path, words, lookup.value)}.`,
    },
  ];
}

function unknownNestedKey(
  source: SourceFile,
  tree: JsonNode | undefined,
  parent: Path,
  key: string,
  allowed: string[],
  label: string,
): SettingsProblem {
  const path = [...parent, key];
  const span = pairSpan(source, tree, path);
  const where = formatPath(parent);
  const shown = JSON.stringify(key);
  if (parent.length > 0 && KNOWN.has(key) && !allowed.includes(key)) {
    return {
      ruleId: 'CFG002',
      path,
      span,
      message: `${shown} is a top-level setting, not part of ${where}`,
      fix: `In ${label}, move ${shown} out of ${where} to the top level of the file.`,
    };
  }
  const suggestion = closestKey(key, allowed);
  const hint =
    suggestion !== undefined
      ? `; did you mean "${suggestion}"?`
      : allowed.length > 0 && allowed.length <= 8
        ? `, which accepts only ${allowed.join(', ')}`
        : '';
  return {
    ruleId: 'CFG002',
    path,
    span,
    message: `unknown key ${shown} in ${where}${hint}`,
    fix:
      suggestion !== undefined
        ? `In ${label}, rename ${shown} in ${where} to "${suggestion}".`
        : `In ${label}, remove ${shown} from ${where}.`,
  };
}

/** What to write instead, as a clause. */
function correction(path: Path, words: string, value: unknown): string {
  const where = formatPath(path);
  if (words.startsWith('true or false') && (typeof value === 'string' || typeof value === 'number')) {
    const v = String(value).trim().toLowerCase();
    const on = ['true', 'yes', 'on', '1', 'enabled'].includes(v);
    const off = ['false', 'no', 'off', '0', 'disabled'].includes(v);
    if (on || off) return `write ${on ? 'true' : 'false'} without quotes as the value of ${where}`;
  }
  if (
    words.includes('number') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return `write the number without quotes as the value of ${where}`;
  }
  return `set ${where} to ${words}`;
}

/** `permissions.allow[2]`, `env.DISABLE_TELEMETRY`, `enabledPlugins["fmt@tools"]`. */
export function formatPath(path: Path): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path, following own properties only (so `__proto__` and `constructor` are plain keys). */
function valueAt(root: unknown, path: Path): { found: boolean; value: unknown; parentIsObject: boolean } {
  let current: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (Array.isArray(current) && typeof segment === 'number') {
      if (segment >= current.length) return { found: false, value: undefined, parentIsObject: false };
      current = current[segment];
    } else if (isObject(current) && typeof segment === 'string') {
      if (!Object.hasOwn(current, segment)) {
        return { found: false, value: undefined, parentIsObject: last };
      }
      current = current[segment];
    } else {
      return { found: false, value: undefined, parentIsObject: false };
    }
  }
  return { found: true, value: current, parentIsObject: false };
}

/**
 * The value node at a path. Where a key is duplicated, the last one: that is the value JSON.parse keeps and
 * Claude Code reads (CFG004 reports the duplicate itself).
 */
function nodeAtPath(tree: JsonNode | undefined, path: Path): JsonNode | undefined {
  // nodeAt indexes each object's keys once: a lookup per key stays linear on an object with 100,000 keys.
  return nodeAt(tree, path);
}

/** The `"key": value` pair at a path, or of the nearest ancestor that exists (a missing field's parent). */
function pairSpan(source: SourceFile, tree: JsonNode | undefined, path: Path): Span {
  for (let length = path.length; length > 0; length--) {
    const node = nodeAtPath(tree, path.slice(0, length));
    if (node !== undefined) return nodeSpan(source, node.parent?.type === 'property' ? node.parent : node);
  }
  return FIRST_LINE;
}

function keySpanOf(source: SourceFile, tree: JsonNode | undefined, path: Path): Span {
  const node = nodeAtPath(tree, path);
  const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key === undefined ? pairSpan(source, tree, path) : nodeSpan(source, key);
}

/**
 * The known key a typo most likely meant: the same letters in another case, or within a few edits
 * (fewer for short keys, so that "ui" is not taken for "tui"). Undefined when nothing is close.
 */
export function closestKey(name: string, candidates: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > 64) return undefined;
  const lower = name.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  const limit = Math.min(3, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
