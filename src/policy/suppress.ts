// Suppressions (SPEC §8): `ignore:` entries in the config file, and `# claude-code-policy: ignore ID -- reason`
// comments on a finding's line or the line above in files that can hold comments (env files, YAML; strict JSON
// settings cannot, so only config entries reach them). A suppression must say why: one without a reason, past its
// `until`, or naming a rule that does not exist is CFG007 and suppresses nothing. Suppressed findings are kept
// and counted, never dropped (reviewers of actionlint, conftest and checkov asked for exactly this).
import { earliestFindings, pushAll } from '../bounded.js';
import { escape as escapeGlob, Minimatch } from 'minimatch';
import { classify } from '../discover/discover.js';
import type { ParsedFile } from '../parse/files.js';
import type { Finding, RawFinding, SuppressedFinding } from '../model.js';
import { lineText, type spanAt } from '../discover/source.js';
import { codeCommentSyntax, codeLanguage } from '../parse/code/code-file.js';

/** Where suppressions go when the repository has no config file yet. */
export const DEFAULT_CONFIG_FILE = '.github/claude-code-policy.yml';

export const SUPPRESSION_MARKER = 'claude-code-policy:';

export interface IgnoreEntry {
  rule: string;
  /** A glob relative to the root, matched against a finding's file (or its scope id when it has no file). */
  path: string;
  /** Why, as the user wrote it. */
  reason: string;
  /** The last day (UTC, `YYYY-MM-DD`) on which the entry applies; undefined for no end. */
  until?: string;
  /** Where the entry is written: the config file (relative to the root, with `/`) and the entry's line. */
  file: string;
  line: number;
  /** The columns of the entry's first line, where known (1-based, end exclusive). */
  column?: number;
  endColumn?: number;
}

/** A valid inline comment: it suppresses `rule` on line `target` of `file`. */
export interface InlineSuppression {
  rule: string;
  reason: string;
  file: string;
  /** The comment's own line, and its columns (1-based, end exclusive). */
  line: number;
  column: number;
  endColumn: number;
  /** The line whose findings it covers: its own for a trailing comment, the next code line for a comment line. */
  target: number;
}

export interface Suppressions {
  inline: InlineSuppression[];
  /** Entries that still apply (not expired). */
  config: IgnoreEntry[];
  /** CFG007: suppressions that suppress nothing, and why. */
  problems: RawFinding[];
}

/** The comment syntax of a file that can carry inline suppressions, by what the file is; undefined for strict JSON. */
export function commentSyntax(file: string): '#' | '//' | undefined {
  switch (classify(file)?.kind) {
    case 'dotenv':
    case 'workflow':
    case 'dockerfile':
    case 'compose':
      return '#';
    case 'devcontainer':
      return '//';
    default: {
      // Source code: each language's own line comment.
      const language = codeLanguage(file);
      return language === undefined ? undefined : codeCommentSyntax(language);
    }
  }
}

/** A code comment (line or block syntax) that carries the marker. */
const CODE_MARKER = /^(?:#|\/\/|\/\*+)\s*claude-code-policy:(.*?)(?:\*\/)?\s*$/i;

interface MarkerComment {
  line: number;
  /** 1-based column of the comment's `#` or `//`. */
  column: number;
  length: number;
  /** What follows `claude-code-policy:`, trimmed. */
  directive: string;
  /** Nothing but blanks before the comment on its line. */
  wholeLine: boolean;
}

/** A comment that starts with the marker, at the start of a line or after a blank. */
const MARKER_PATTERNS = {
  '#': /(^|\s)#\s*claude-code-policy:/gi,
  '//': /(^|\s)\/\/\s*claude-code-policy:/gi,
} as const;

const HAS_MARKER = /claude-code-policy:/i;

/**
 * The last marker comment on a line (a value before it may contain `#`; the comment runs to the end). One pass:
 * a line repeating the marker a million times is read once, not once per marker.
 */
function markerOnLine(text: string, syntax: '#' | '//', line: number): MarkerComment | undefined {
  const pattern = new RegExp(MARKER_PATTERNS[syntax]);
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    last = match;
    // `# a # claude-code-policy:` — the next marker may start inside this one's blank; step past the `#` only.
    pattern.lastIndex = match.index + match[1]!.length + syntax.length;
  }
  if (last === undefined) return undefined;
  const start = last.index + last[1]!.length;
  return {
    line,
    column: start + 1,
    length: text.length - start,
    directive: text.slice(last.index + last[0].length).trim(),
    wholeLine: text.slice(0, start).trim() === '',
  };
}

function markerComments(file: ParsedFile): MarkerComment[] {
  const source = file.source;
  if (!HAS_MARKER.test(source.text)) return [];
  const out: MarkerComment[] = [];
  if (file.kind === 'dotenv') {
    // The parser knows which `#` starts a comment (not one inside a quoted value).
    for (const comment of file.dotenv.comments) {
      if (!HAS_MARKER.test(comment.text)) continue;
      const found = markerOnLine(lineText(source, comment.line), '#', comment.line);
      if (found !== undefined) out.push(found);
    }
    return out;
  }
  if (file.kind === 'code') {
    // The parser knows which text is a comment: a marker inside a string suppresses nothing.
    for (const comment of file.comments) {
      const match = CODE_MARKER.exec(comment.text);
      if (match === null) continue;
      out.push({
        line: comment.line,
        column: comment.column,
        length: comment.text.length,
        directive: match[1]!.trim(),
        wholeLine:
          lineText(source, comment.line)
            .slice(0, comment.column - 1)
            .trim() === '',
      });
    }
    return out;
  }
  const syntax = commentSyntax(source.path);
  if (syntax === undefined) return [];
  for (let line = 1; line <= source.lineStarts.length; line++) {
    const text = lineText(source, line);
    if (!HAS_MARKER.test(text)) continue;
    const found = markerOnLine(text, syntax, line);
    if (found !== undefined) out.push(found);
  }
  return out;
}

/** The rule id closest to a mistyped one, for the message ("net003" → NET003). */
function closeRule(id: string, known: ReadonlySet<string>): string | undefined {
  const upper = id.toUpperCase().replace(/[^A-Z0-9]/g, '');
  for (const rule of known) if (rule === upper) return rule;
  return undefined;
}

function problem(file: string, span: ReturnType<typeof spanAt>, message: string, fix: string): RawFinding {
  return { ruleId: 'CFG007', file, ...span, scope: null, message, fix };
}

/** Inline suppressions of one file, valid or CFG007. */
function inlineSuppressions(
  file: ParsedFile,
  known: ReadonlySet<string>,
): { valid: InlineSuppression[]; problems: RawFinding[] } {
  const comments = markerComments(file);
  const valid: InlineSuppression[] = [];
  const problems: RawFinding[] = [];
  const path = file.source.path;
  const syntax = commentSyntax(path) ?? '#';
  const commentLines = new Set(comments.filter((c) => c.wholeLine).map((c) => c.line));
  const example = (rule: string) => `\`${syntax} ${SUPPRESSION_MARKER} ignore ${rule} -- <reason>\``;
  for (const comment of comments) {
    const span = {
      line: comment.line,
      column: comment.column,
      endLine: comment.line,
      endColumn: comment.column + comment.length,
    };
    const where = `line ${comment.line} of \`${path}\``;
    const directive = /^ignore(?:\s+(.*))?$/i.exec(comment.directive);
    if (directive === null) {
      problems.push(
        problem(
          path,
          span,
          'This claude-code-policy comment is not an ignore directive, so it suppresses nothing.',
          `Write ${example('<RULE>')} on ${where}, or remove the comment.`,
        ),
      );
      continue;
    }
    const body = directive[1] ?? '';
    const separator = body.indexOf('--');
    const head = (separator === -1 ? body : body.slice(0, separator)).trim();
    const reason = separator === -1 ? '' : body.slice(separator + 2).trim();
    const words = head === '' ? [] : head.split(/\s+/);
    const rule = words[0];
    if (rule === undefined) {
      problems.push(
        problem(
          path,
          span,
          'The suppression names no rule, so it suppresses nothing.',
          `Name one rule on ${where}: ${example('<RULE>')}.`,
        ),
      );
      continue;
    }
    if (!known.has(rule)) {
      const close = closeRule(rule, known);
      problems.push(
        problem(
          path,
          span,
          `The suppression names ${JSON.stringify(rule)}, which is not a rule${close !== undefined ? ` (did you mean ${close}?)` : ''}, so it suppresses nothing.`,
          `Name a rule id from the catalogue on ${where}: ${example(close ?? '<RULE>')}.`,
        ),
      );
      continue;
    }
    if (words.length > 1 && separator !== -1) {
      problems.push(
        problem(
          path,
          span,
          'The suppression names more than one rule, so it suppresses nothing.',
          `Write one comment per rule on ${where}: ${example(rule)}.`,
        ),
      );
      continue;
    }
    if (reason === '') {
      problems.push(
        problem(
          path,
          span,
          `The suppression of ${rule} has no reason, so it suppresses nothing.`,
          `Say why after \` -- \` on ${where}: ${example(rule)}.`,
        ),
      );
      continue;
    }
    let target = comment.line;
    if (comment.wholeLine) {
      // A comment line covers the next line; several comment lines in a row all cover the code line below them.
      target = comment.line + 1;
      while (commentLines.has(target)) target++;
    }
    valid.push({
      rule,
      reason,
      file: path,
      line: comment.line,
      column: span.column,
      endColumn: span.endColumn,
      target,
    });
  }
  return { valid, problems };
}

/** The first instant at which an entry with this `until` no longer applies: the day after, 00:00 UTC. */
function expiry(until: string): number {
  return Date.parse(`${until}T00:00:00Z`) + 24 * 60 * 60 * 1000;
}

/** Read every suppression: the config's entries and every file's inline comments. */
export function collectSuppressions(
  files: ParsedFile[],
  ignore: IgnoreEntry[],
  known: ReadonlySet<string>,
  now: Date,
): Suppressions {
  const result: Suppressions = { inline: [], config: [], problems: [] };
  // The config file's parser has already refused an entry whose rule is not in the catalogue (exit 2).
  for (const entry of ignore) {
    const span = { line: entry.line, column: 1, endLine: entry.line, endColumn: 1 };
    if (entry.until !== undefined && now.getTime() >= expiry(entry.until)) {
      result.problems.push(
        problem(
          entry.file,
          span,
          `The ignore entry for ${entry.rule} on \`${entry.path}\` expired on ${entry.until}, so it no longer suppresses anything.`,
          `Fix what it covered and remove the entry on line ${entry.line} of \`${entry.file}\`, or set a later \`until\` if the reason still holds.`,
        ),
      );
    } else {
      result.config.push(entry);
    }
  }
  for (const file of files) {
    const { valid, problems } = inlineSuppressions(file, known);
    pushAll(result.inline, valid);
    pushAll(result.problems, earliestFindings(problems));
  }
  return result;
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '');
}

/** Move every finding a suppression covers to `suppressed`, with its reason and where the suppression is written. */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppressions,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const inline = new Map<string, InlineSuppression>();
  for (const s of suppressions.inline) {
    const key = `${s.file}\u0000${s.target}\u0000${s.rule}`;
    if (!inline.has(key)) inline.set(key, s);
  }
  const entries = suppressions.config.map((entry) => ({
    entry,
    glob: new Minimatch(normaliseGlob(entry.path), { dot: true }),
  }));
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const comment =
      finding.file === null
        ? undefined
        : inline.get(`${finding.file}\u0000${finding.line}\u0000${finding.ruleId}`);
    if (comment !== undefined) {
      suppressed.push({
        ...finding,
        reason: comment.reason,
        suppressedBy: `${comment.file}:${comment.line}`,
        suppressionKind: 'inline',
        suppressionColumns: { column: comment.column, endColumn: comment.endColumn },
      });
      continue;
    }
    const subject = finding.file ?? finding.scope ?? '';
    const match = entries.find(({ entry, glob }) => entry.rule === finding.ruleId && glob.match(subject));
    if (match !== undefined) {
      suppressed.push({
        ...finding,
        reason: match.entry.reason,
        suppressedBy: `${match.entry.file}:${match.entry.line}`,
        suppressionKind: 'config',
      });
      continue;
    }
    kept.push(finding);
  }
  return { findings: kept, suppressed };
}

/** A glob that matches exactly this path, as a plain YAML scalar when it can be one, else double-quoted. */
function yamlGlob(file: string): string {
  const glob = escapeGlob(file);
  return /^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/.test(glob) ? glob : JSON.stringify(glob);
}

/** How to suppress one finding: what to write, and where. */
export interface SuppressionHint {
  /** The inline comment or the `ignore:` entry, exactly. */
  snippet: string;
  /** Where it goes, in words. */
  placement: string;
}

/**
 * How to suppress one finding (gitleaks prints the same kind of line): the inline comment where the file can carry
 * one, otherwise the exact `ignore:` entry for the config file.
 */
export function suppressionHint(
  finding: Pick<RawFinding, 'ruleId' | 'file' | 'line' | 'scope'>,
): SuppressionHint {
  // A CFG007 finding sits on a suppression comment already: a second comment there would hide the first.
  const syntax =
    finding.file === null || finding.ruleId === 'CFG007' ? undefined : commentSyntax(finding.file);
  if (syntax !== undefined) {
    return {
      snippet: `${syntax} ${SUPPRESSION_MARKER} ignore ${finding.ruleId} -- <reason>`,
      placement: `at the end of line ${finding.line} or on the line above`,
    };
  }
  // A finding with neither file nor scope is matched as the empty path, which only a glob such as `**` matches.
  const subject = finding.file ?? finding.scope;
  const glob = subject === null ? '"**"' : yamlGlob(subject);
  return {
    snippet: `- {rule: ${finding.ruleId}, path: ${glob}, reason: <reason>}`,
    placement: `under ignore: in ${DEFAULT_CONFIG_FILE}`,
  };
}
