// `fix` (SPEC §9): every finding whose fix can be written safely into a settings file, a dev container's
// `containerEnv` or a workflow step's `env:`, written as an edit of the file's text (jsonc-parser `modify` +
// `applyEdits` for JSON, a one-line splice at the yaml parser's source ranges for workflows: workflow-edit.ts), so
// that formatting, key order, indentation and line endings stay as they were (zizmor's --fix does the same for
// workflows). Env files are never edited: Claude Code does not read them, and a committed credential needs
// rotating, which no edit can do.
import { pushAll } from '../bounded.js';
import {
  applyEdits,
  type FormattingOptions,
  type JSONPath,
  modify,
  type Node,
  parseTree,
} from 'jsonc-parser';
import { classify, type LoadedFile } from '../discover/discover.js';
import { isPresenceOnly, looksLikeOff, NONESSENTIAL } from '../scope/env.js';
import type { DevcontainerFile, SettingsFile, WorkflowFile } from '../parse/files.js';
import { addStepEnv, replaceValue } from './workflow-edit.js';
import type { EnvValue, Scope } from '../scope/scope.js';
import type { ScanOptions } from '../policy/options.js';
import { propertySpan } from '../parse/json.js';
import { type Analysis, analyse } from '../scan.js';
import type { Finding } from '../model.js';
import { createSourceFile } from '../discover/source.js';

/** The two ways of logging in that reach an Anthropic organisation directly (ZDR005). */
export const LOGIN_METHODS = ['claudeai', 'console'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

export interface FixOptions {
  /** `--zdr-org-uuid`: pins login in managed settings that pin nothing. */
  zdrOrgUuid: string | undefined;
  /** `--login-method`: written as forceLoginMethod beside a pinned organisation; not guessed (a wrong one locks users out). */
  loginMethod: LoginMethod | undefined;
  maxRetentionDays: number;
}

/** One change to one key of a settings file. */
export interface SettingsEdit {
  path: JSONPath;
  value: unknown;
  /** What it does, in words, for the one-line report. */
  change: string;
}

export interface FileChange {
  /** Relative to the root, with `/`. */
  file: string;
  /** The text before (BOM removed); undefined when the file is created. */
  before: string | undefined;
  after: string;
  /** One line each, in the order applied. */
  changes: string[];
}

export interface FixPlan {
  changes: FileChange[];
  /** What fix leaves to a person, one line each: committed credentials, files it cannot edit safely, missing options. */
  notes: string[];
  /** The non-essential-traffic findings (NET001, NET002, NET004) that the written changes clear, one per scope. */
  resolves: Finding[];
}

/** Indentation (2 spaces, 4 spaces, a tab …) and line ending as the file already has them; 2 spaces and LF for a new file. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  const size = indent === undefined ? 2 : Math.min(Math.max(indent.length, 1), 8);
  return { insertSpaces: true, tabSize: size, eol };
}

/**
 * The text with every earlier occurrence of a duplicated key renamed in place (same length), so that an edit
 * finds the occurrence Claude Code keeps: JSON.parse keeps the last, jsonc-parser's `modify` finds the first.
 */
function maskEarlierDuplicates(text: string): string {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (tree === undefined) return text;
  const offsets: number[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const last = new Map<unknown, Node>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key === undefined) continue;
        const earlier = last.get(key.value);
        if (earlier !== undefined && earlier.length > 2) offsets.push(earlier.offset + 1);
        last.set(key.value, key);
      }
    }
    pushAll(stack, node.children ?? []);
  }
  if (offsets.length === 0) return text;
  const chars = text.split('');
  for (const offset of offsets) chars[offset] = '\uE000';
  return chars.join('');
}

/** Apply edits to a JSON file's text, one `modify` at a time, in the file's own formatting. */
export function editSettingsText(text: string, edits: readonly SettingsEdit[]): string {
  const formattingOptions = detectFormatting(text);
  let out = text;
  for (const edit of edits) {
    out = applyEdits(out, modify(maskEarlierDuplicates(out), edit.path, edit.value, { formattingOptions }));
  }
  return out;
}

/** The text of a settings file that does not exist yet, holding the edits. */
export function newSettingsText(edits: readonly SettingsEdit[]): string {
  return `${editSettingsText('{}', edits)}\n`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a settings file or dev container cannot be edited safely, or undefined when it can. */
export function uneditable(file: SettingsFile | DevcontainerFile, path: JSONPath): string | undefined {
  if (!file.json.ok) return 'it is not valid JSON (CFG001)';
  const top = file.kind === 'settings' ? file.settings : file.json.value;
  if (!isPlainObject(top)) return 'its top level is not a JSON object';
  if (path.length > 1) {
    const parent = top[String(path[0])];
    if (parent !== undefined && !isPlainObject(parent)) return `its \`${String(path[0])}\` is not an object`;
  }
  return undefined;
}

/** A note for a file with duplicate keys (CFG004): fix edits the occurrence Claude Code keeps, not the other. */
function duplicateNote(file: SettingsFile | DevcontainerFile): string | undefined {
  if (!file.json.problems.some((p) => p.ruleId === 'CFG004')) return undefined;
  return `${file.source.path}: edited the occurrence of each duplicated key that Claude Code keeps (the last); remove the earlier ones by hand (CFG004).`;
}

/** One edit of a workflow: a variable added to a step's `env:`, or an emptied one set. */
type WorkflowEdit = (
  | { kind: 'add'; job: string; index: number; name: string; value: string }
  | { kind: 'replace'; line: number; name: string; value: string }
) & { change: string; resolves: Finding[] };

function quoted(value: unknown): string {
  return JSON.stringify(value);
}

/** Collects edits per file in order, one per key (the first wins). */
class EditBook {
  readonly byFile = new Map<string, Map<string, SettingsEdit>>();

  add(file: string, edit: SettingsEdit): void {
    let edits = this.byFile.get(file);
    if (edits === undefined) {
      edits = new Map();
      this.byFile.set(file, edits);
    }
    const key = JSON.stringify(edit.path);
    if (!edits.has(key)) edits.set(key, edit);
  }
}

/** Which of a dev container's blocks holds the variable on this line (remoteEnv wins over containerEnv); `env` in settings. */
function blockHolding(file: SettingsFile | DevcontainerFile, line: number): string {
  if (file.kind === 'settings') return 'env';
  const remote = (file.json.value as { remoteEnv?: unknown } | null)?.remoteEnv;
  if (isPlainObject(remote)) {
    for (const name of Object.keys(remote)) {
      if (propertySpan(file.source, file.json.tree, ['remoteEnv', name])?.line === line) return 'remoteEnv';
    }
  }
  return 'containerEnv';
}

/** Work out every safe edit for the findings of an analysis (suppressed findings are left alone). */
export function planFixes(analysis: Analysis, options: FixOptions): FixPlan {
  const findings = analysis.report.findings;
  const at = (ruleId: string, file: string | null, line?: number) =>
    findings.some((f) => f.ruleId === ruleId && f.file === file && (line === undefined || f.line === line));
  const settingsFiles = new Map<string, SettingsFile>();
  const jsonFiles = new Map<string, SettingsFile | DevcontainerFile>();
  const workflows = new Map<string, WorkflowFile>();
  for (const file of analysis.files) {
    if (file.kind === 'settings') settingsFiles.set(file.source.path, file);
    if (file.kind === 'settings' || file.kind === 'devcontainer') jsonFiles.set(file.source.path, file);
    if (file.kind === 'workflow') workflows.set(file.source.path, file);
  }
  const canHoldJson = (file: string) => jsonFiles.has(file) || classify(file)?.kind === 'settings';
  const book = new EditBook();
  const workflowEdits = new Map<string, WorkflowEdit[]>();
  const addWorkflowEdit = (file: string, edit: WorkflowEdit) => {
    const list = workflowEdits.get(file) ?? [];
    const same = (e: WorkflowEdit) =>
      e.kind === edit.kind &&
      e.name === edit.name &&
      (e.kind === 'add' && edit.kind === 'add'
        ? e.job === edit.job && e.index === edit.index
        : e.kind === 'replace' && edit.kind === 'replace' && e.line === edit.line);
    const existing = list.find(same);
    if (existing === undefined) list.push(edit);
    else pushAll(existing.resolves, edit.resolves);
    workflowEdits.set(file, list);
  };
  const jsonClaims = new Map<string, Finding[]>();
  const claim = (file: string, found: Finding[]) =>
    jsonClaims.set(file, [...(jsonClaims.get(file) ?? []), ...found]);
  const notes: string[] = [];

  /** Set the variable to "1" on the line that sets it (a settings file, a dev container, a workflow line). */
  const setAt = (value: EnvValue, name: string, change: string, resolves: Finding[]) => {
    const file = value.location.file;
    if (file === null) return;
    const json = jsonFiles.get(file);
    if (json !== undefined) {
      book.add(file, { path: [blockHolding(json, value.location.line), name], value: '1', change });
      claim(file, resolves);
    } else if (workflows.has(file)) {
      addWorkflowEdit(file, {
        kind: 'replace',
        line: value.location.line,
        name,
        value: '1',
        change: `${change} on line ${value.location.line}`,
        resolves,
      });
    }
  };
  /** Add `NAME: "1"` where the scope's fixes go: a settings file's `env`, `containerEnv`, or the step's `env:`. */
  const addTo = (scope: Scope, name: string, resolves: Finding[]) => {
    const target = scope.fix;
    if (target === null) return;
    if (target.syntax === 'yaml' && target.step !== undefined) {
      addWorkflowEdit(target.file, {
        kind: 'add',
        ...target.step,
        name,
        value: '1',
        change: `added ${name}: "1" to the env: of step ${target.step.index + 1} of job ${target.step.job}`,
        resolves,
      });
    } else if (target.syntax === 'json' && canHoldJson(target.file)) {
      const block = target.block ?? 'env';
      book.add(target.file, {
        path: [block, name],
        value: '1',
        change: `added ${quoted(name)}: "1" under ${block}`,
      });
      claim(target.file, resolves);
    }
  };

  for (const scope of analysis.scopes) {
    const target = scope.fix;
    if (target === null) continue;
    const mine = findings.filter((f) => f.scopes.includes(scope.id));
    const has = (ruleId: string) => mine.some((f) => f.ruleId === ruleId);

    // NET001: one variable turns off telemetry, error reports, feedback, update checks and surveys. Where NET001 is
    // not reported, NET002 and NET004 get what their own fix sentences say.
    if (has('NET001') || has('NET002') || has('NET004')) {
      // Claimed for this scope only: a finding other scopes share is cleared for them by their own edits.
      const resolves = mine
        .filter((f) => ['NET001', 'NET002', 'NET004'].includes(f.ruleId))
        .map((f) => ({ ...f, scope: scope.id, scopes: [scope.id] }));
      const umbrella = scope.env.get(NONESSENTIAL);
      const emptied =
        umbrella !== undefined && umbrella.value === '' && !umbrella.unknown ? umbrella : undefined;
      if (emptied !== undefined) {
        setAt(
          emptied,
          NONESSENTIAL,
          `replaced the empty ${NONESSENTIAL} (an empty string unsets it) with "1"`,
          resolves,
        );
      } else if (has('NET001')) {
        if (umbrella === undefined) addTo(scope, NONESSENTIAL, resolves);
      } else {
        const misleading = ['DISABLE_AUTOUPDATER', 'DISABLE_UPDATES']
          .map((name) => scope.env.get(name))
          .find((v) => v !== undefined && !v.unknown);
        const net002 = resolves.filter((f) => f.ruleId === 'NET002');
        const net004 = resolves.filter((f) => f.ruleId === 'NET004');
        if (net002.length > 0 && misleading !== undefined) {
          setAt(
            misleading,
            misleading.name,
            `changed ${misleading.name} from ${quoted(misleading.value)} to "1"`,
            net002,
          );
        } else if (net002.length > 0) {
          addTo(scope, 'DISABLE_AUTOUPDATER', net002);
        }
        if (net004.length > 0) addTo(scope, 'CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY', net004);
      }
    }
    // The rest are settings-file edits.
    if (
      target.syntax !== 'json' ||
      (!settingsFiles.has(target.file) && classify(target.file)?.kind !== 'settings')
    )
      continue;

    // A presence-only variable that reads as off but is on (NET003): say what it does.
    for (const value of scope.env.values()) {
      const file = value.location.file;
      if (file === null || !settingsFiles.has(file) || value.unknown) continue;
      if (
        !isPresenceOnly(value.name) ||
        !looksLikeOff(value.value) ||
        !at('NET003', file, value.location.line)
      )
        continue;
      book.add(file, {
        path: ['env', value.name],
        value: '1',
        change: `changed ${value.name} from ${quoted(value.value)} to "1" (any value turns it on; "1" says so)`,
      });
    }

    const retention = scope.settings.get('cleanupPeriodDays');
    if (
      retention !== undefined &&
      retention.location.file !== null &&
      at('ZDR007', retention.location.file, retention.location.line)
    ) {
      book.add(retention.location.file, {
        path: ['cleanupPeriodDays'],
        value: options.maxRetentionDays,
        change: `lowered cleanupPeriodDays from ${quoted(retention.value)} to ${options.maxRetentionDays}`,
      });
    }

    // Only managed settings enforce a pinned login; a project file that pins it blocks API-key sessions at startup
    // without enforcing anything, so fix pins login in managed files only (ZDR004).
    if (scope.kind === 'managed' && has('ZDR004') && !scope.settings.has('forceLoginOrgUUID')) {
      if (options.zdrOrgUuid === undefined) {
        notes.push(
          `${target.file}: login is not pinned; give --zdr-org-uuid UUID to add forceLoginOrgUUID there.`,
        );
      } else {
        book.add(target.file, {
          path: ['forceLoginOrgUUID'],
          value: options.zdrOrgUuid,
          change: `added "forceLoginOrgUUID": ${quoted(options.zdrOrgUuid)}`,
        });
        if (options.loginMethod !== undefined && !scope.settings.has('forceLoginMethod')) {
          book.add(target.file, {
            path: ['forceLoginMethod'],
            value: options.loginMethod,
            change: `added "forceLoginMethod": ${quoted(options.loginMethod)}`,
          });
        }
      }
    }
  }

  // A JSON number or boolean as an env value (CFG002): the string Claude Code reads it as, "1" for a
  // presence-only variable that reads as off (it is on either way).
  for (const file of settingsFiles.values()) {
    const env = file.settings?.env;
    if (!isPlainObject(env)) continue;
    for (const name of Object.keys(env)) {
      const value = env[name];
      if (typeof value !== 'number' && typeof value !== 'boolean') continue;
      const line = propertySpan(file.source, file.json.tree, ['env', name])?.line;
      if (line === undefined || !at('CFG002', file.source.path, line)) continue;
      const text = String(value);
      const string = isPresenceOnly(name) && looksLikeOff(text) ? '1' : text;
      book.add(file.source.path, {
        path: ['env', name],
        value: string,
        change: `turned the JSON ${typeof value} ${text} of ${name} into the string ${quoted(string)}`,
      });
    }
  }

  const changes: FileChange[] = [];
  const resolves: Finding[] = [];
  for (const [path, edits] of book.byFile) {
    const list = [...edits.values()];
    const existing = jsonFiles.get(path);
    if (existing === undefined) {
      pushAll(resolves, jsonClaims.get(path) ?? []);
      changes.push({
        file: path,
        before: undefined,
        after: newSettingsText(list),
        changes: [`created the file`, ...list.map((e) => e.change)],
      });
      continue;
    }
    const blocked = list.map((e) => uneditable(existing, e.path)).find((reason) => reason !== undefined);
    if (blocked !== undefined) {
      notes.push(`${path}: not edited: ${blocked}; correct it by hand, then run fix again.`);
      continue;
    }
    const after = editSettingsText(existing.source.text, list);
    if (after !== existing.source.text) {
      changes.push({ file: path, before: existing.source.text, after, changes: list.map((e) => e.change) });
      pushAll(resolves, jsonClaims.get(path) ?? []);
      const duplicates = duplicateNote(existing);
      if (duplicates !== undefined) notes.push(duplicates);
    }
  }

  for (const [path, edits] of workflowEdits) {
    const before = workflows.get(path)!.source.text;
    let after = before;
    const done: string[] = [];
    for (const edit of edits) {
      const result =
        edit.kind === 'add'
          ? addStepEnv(after, edit.job, edit.index, edit.name, edit.value)
          : replaceValue(after, edit.line, edit.name, edit.value);
      if ('reason' in result) {
        notes.push(`${path}: not edited: ${result.reason}; ${edit.change.replace(/^added/, 'add')} by hand.`);
        continue;
      }
      after = result.text;
      done.push(edit.change);
      pushAll(resolves, edit.resolves);
    }
    if (after !== before) changes.push({ file: path, before, after, changes: done });
  }

  for (const finding of findings) {
    if (finding.ruleId !== 'SEC001') continue;
    notes.push(
      `${finding.file ?? '(no file)'}:${finding.line}: ${finding.message} Rotate the credential first, then remove it from the file; fix never edits credentials.`,
    );
  }
  return { changes, notes, resolves };
}

/** The analysis as it will be once the plan is written: the same files, with the changed texts. */
export function analyseAfter(analysis: Analysis, plan: FixPlan, options: ScanOptions, now: Date): Analysis {
  const changed = new Map(plan.changes.map((c) => [c.file, c.after]));
  const files: LoadedFile[] = analysis.discovery.files.map((loaded) => {
    const after = changed.get(loaded.source.path);
    if (after === undefined) return loaded;
    changed.delete(loaded.source.path);
    return { candidate: loaded.candidate, source: createSourceFile(loaded.source.path, after) };
  });
  for (const [path, text] of changed) {
    const candidate = classify(path);
    if (candidate !== undefined) files.push({ candidate, source: createSourceFile(path, text) });
  }
  files.sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
  return analyse({ files, skipped: analysis.discovery.skipped }, options, now);
}
