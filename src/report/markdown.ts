// The Markdown report, rendered once for both the job summary and the sticky pull request comment.
// Finding text comes from the scanned repository, so every piece of it is escaped: it cannot close a table
// cell, open HTML, start a code span, render as math or @-mention anyone.
// Size limits: a PR comment takes 65,536 characters, a job summary 1 MiB. `maxLength` is enforced on the
// UTF-8 byte length, which is never smaller than the UTF-16 length (or the code point count), so one
// measure satisfies both limits whichever way GitHub counts.
import type { Finding, Report, Severity, SuppressedFinding } from '../model.js';
import { reachesThreshold, severityRank } from '../model.js';
import { suppressionHint } from '../policy/suppress.js';
import { neutraliseCommands } from './workflow-commands.js';

export interface MarkdownOptions {
  /** e.g. `https://github.com/OWNER/REPO/blob/SHA`; locations link to it when given. */
  blobBaseUrl?: string;
  /** Upper bound on the UTF-8 byte length of the result. */
  maxLength?: number;
  /** Text of the level-2 heading. */
  heading?: string;
  /** Emitted verbatim as the first line (e.g. `<!-- claude-code-policy -->`), to find the sticky comment. */
  marker?: string;
}

export const DEFAULT_HEADING = 'Claude Code policy check';

const SEVERITY_BADGE: Record<Severity, string> = {
  error: '🔴 error',
  warning: '🟡 warning',
  notice: '🔵 notice',
};

const MARKDOWN_SPECIAL: Record<string, string> = {
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  $: '\\$',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  // A zero-width space after @ keeps GitHub from turning `@someone` into a mention.
  '@': '@&#8203;',
};
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What GitHub would turn into a link: `#7`, `owner/repo#9`, URLs and `www.` hosts. From scanned text they go in a
 * code span, where GitHub links nothing (a crafted key must not point reviewers at an issue or a site).
 */
const LINKABLE =
  /(?:\b[A-Za-z0-9][A-Za-z0-9_.-]{0,38}\/[A-Za-z0-9_.-]{1,100})?#\d+\b|\b(?:[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|www\.)[^\s`|<>]+/g;

function escapeLine(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINKABLE)) {
    // As GitHub's autolinks do, trailing punctuation stays outside.
    const linkable = match[0].replace(/[.,;:!?)'"]+$/, '');
    out += line.slice(last, match.index).replace(/[\\`*_[\]~$&<>|@]/g, (c) => MARKDOWN_SPECIAL[c]!);
    out += `\`${linkable}\``;
    last = match.index + linkable.length;
  }
  return out + line.slice(last).replace(/[\\`*_[\]~$&<>|@]/g, (c) => MARKDOWN_SPECIAL[c]!);
}

/** User-controlled text made inert for a table cell or list item; line breaks become `<br>`. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(UNSAFE_CHARACTERS, '\uFFFD')
    .replace(/\t/g, ' ')
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .join('<br>');
}

/** Percent-encodes what a Markdown link destination cannot hold (spaces, parentheses, angle brackets). */
function linkDestination(url: string): string {
  return url.replace(
    /[\s()<>"'`|\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function encodePath(file: string): string {
  return file
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` within `max` UTF-8 bytes that does not split a character. */
function cutToBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

function code(text: string): string {
  return `<code>${escapeMarkdownText(text)}</code>`;
}

/** A message or fix sentence with its `code spans` rendered as code, everything escaped. */
function fixText(fix: string): string {
  return fix
    .split('`')
    .map((part, i, parts) =>
      i % 2 === 1 && i < parts.length - 1 ? code(part) : escapeMarkdownText(i % 2 === 1 ? `\`${part}` : part),
    )
    .join('');
}

/** ` · affects N scopes` when one place to fix is read by several scopes. */
function affects(finding: Finding): string {
  return finding.scopes.length > 1 ? ` · affects ${finding.scopes.length} scopes` : '';
}

function locationCell(finding: Finding, blobBaseUrl: string | undefined): string {
  if (finding.file === null) {
    return finding.scope !== null ? `scope ${code(finding.scope)}` : '—';
  }
  const label = escapeMarkdownText(`${finding.file}:${finding.line}`);
  if (blobBaseUrl === undefined || blobBaseUrl === '') return label;
  const lines = finding.endLine > finding.line ? `L${finding.line}-L${finding.endLine}` : `L${finding.line}`;
  const url = `${blobBaseUrl.replace(/\/+$/, '')}/${encodePath(finding.file)}#${lines}`;
  return `[${label}](${linkDestination(url)})`;
}

function ruleCell(finding: Finding): string {
  const id = escapeMarkdownText(finding.ruleId);
  return isWebUrl(finding.docsUrl) ? `[${id}](${linkDestination(finding.docsUrl)})` : id;
}

/** The exact comment or config entry that would suppress a finding, on one line of its Fix cell. */
function suppressCell(finding: Finding): string {
  const hint = suppressionHint(finding);
  return `<sub>To suppress: add ${code(hint.snippet)} ${escapeMarkdownText(hint.placement)}</sub>`;
}

function findingRow(finding: Finding, blobBaseUrl: string | undefined): string {
  const cells = [
    locationCell(finding, blobBaseUrl),
    ruleCell(finding),
    SEVERITY_BADGE[finding.severity],
    `${fixText(finding.message)}${affects(finding)}`,
    `${fixText(finding.fix)}<br>${suppressCell(finding)}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** An error: one line per root cause, the fix rendered as code beneath it. */
function errorLine(finding: Finding, blobBaseUrl: string | undefined): string {
  return (
    `- ${ruleCell(finding)} at ${locationCell(finding, blobBaseUrl)}${affects(finding)}: ` +
    `${fixText(finding.message)}<br>**Fix:** ${fixText(finding.fix)}<br>${suppressCell(finding)}`
  );
}

/** Errors first (in report order), then the rest by severity: what to do comes before what to know. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.index - b.index)
    .map(({ finding }) => finding);
}

function suppressedRow(finding: SuppressedFinding, blobBaseUrl: string | undefined): string {
  const cells = [
    locationCell(finding, blobBaseUrl),
    ruleCell(finding),
    SEVERITY_BADGE[finding.severity],
    escapeMarkdownText(finding.message),
    escapeMarkdownText(finding.reason),
    escapeMarkdownText(finding.suppressedBy),
  ];
  return `| ${cells.join(' | ')} |`;
}

function scannedEntries(report: Report): string[] {
  const entries = report.scopes.map((scope) => {
    const files = scope.files.length > 0 ? scope.files.map(code).join(', ') : '_no settings file_';
    return `- ${code(scope.id)} (${escapeMarkdownText(scope.kind)}): ${files}`;
  });
  const inScopes = new Set(report.scopes.flatMap((scope) => scope.files));
  const others = report.files.filter((file) => !inScopes.has(file));
  if (others.length > 0) entries.push(`- other files checked: ${others.map(code).join(', ')}`);
  return entries;
}

function verdict(report: Report): string {
  const failing = report.findings.filter((finding) =>
    reachesThreshold(finding.severity, report.failOn),
  ).length;
  if (!report.summary.passed) {
    return `❌ **Failed**: ${count(failing, 'finding reaches', 'findings reach')} the fail-on level **${report.failOn}**.`;
  }
  if (report.findings.length > 0) {
    return report.failOn === 'never'
      ? '⚠️ **Passed with findings**: fail-on is **never**, so no finding fails the check.'
      : `⚠️ **Passed with findings**: none reaches the fail-on level **${report.failOn}**.`;
  }
  return '✅ **All clear**: no policy findings.';
}

function countsLine(report: Report): string {
  const { summary } = report;
  const parts = [
    `🔴 ${count(summary.errors, 'error')}`,
    `🟡 ${count(summary.warnings, 'warning')}`,
    `🔵 ${count(summary.notices, 'notice')}`,
  ];
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} suppressed`);
  return `**Findings:** ${parts.join(' · ')}`;
}

interface Kept {
  findings: number;
  suppressed: number;
  scanned: number;
}

function moreLine(hidden: number, what: string): string[] {
  return hidden > 0 ? [`_… and ${hidden} more ${what} not shown (see the JSON/SARIF report)_`, ''] : [];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { blobBaseUrl, maxLength, marker } = options;
  const ordered = bySeverity(report.findings);
  const errors = ordered.filter((f) => f.severity === 'error').length;
  const findingRows = ordered.map((finding, i) =>
    i < errors ? errorLine(finding, blobBaseUrl) : findingRow(finding, blobBaseUrl),
  );
  const suppressedRows = report.suppressed.map((finding) => suppressedRow(finding, blobBaseUrl));
  const scanned = scannedEntries(report);

  const render = (kept: Kept): string => {
    const out: string[] = [];
    if (marker !== undefined && marker !== '') out.push(marker);
    out.push(`## ${escapeMarkdownText(options.heading ?? DEFAULT_HEADING)}`, '', verdict(report), '');
    out.push(`**Policies checked:** ${report.policies.map(code).join(', ')}`, '', countsLine(report), '');
    for (const note of report.notes) out.push(`> ℹ️ ${escapeMarkdownText(note)}`, '');

    const shownErrors = Math.min(kept.findings, errors);
    if (errors > 0) {
      out.push(`### Fix first: ${count(errors, 'error')}`, '');
      if (shownErrors > 0) out.push(...findingRows.slice(0, shownErrors), '');
    }
    const rest = report.findings.length - errors;
    const shownRest = Math.max(0, kept.findings - errors);
    if (rest > 0) {
      out.push(errors > 0 ? '### Other findings' : '### Findings', '');
      if (shownRest > 0) {
        out.push('| Location | Rule | Severity | Message | Fix |', '| --- | --- | --- | --- | --- |');
        out.push(...findingRows.slice(errors, errors + shownRest), '');
      }
    }
    const hidden = report.findings.length - kept.findings;
    out.push(...moreLine(hidden, hidden === 1 ? 'finding' : 'findings'));

    if (report.suppressed.length > 0) {
      out.push(`### Suppressed (${report.suppressed.length})`, '');
      if (kept.suppressed > 0) {
        out.push(
          '| Location | Rule | Severity | Message | Reason | Suppressed by |',
          '| --- | --- | --- | --- | --- | --- |',
          ...suppressedRows.slice(0, kept.suppressed),
          '',
        );
      }
      const hidden = report.suppressed.length - kept.suppressed;
      out.push(...moreLine(hidden, hidden === 1 ? 'suppressed finding' : 'suppressed findings'));
    }

    const { summary } = report;
    out.push(
      '<details>',
      `<summary>Scanned ${count(summary.files, 'file')} in ${count(summary.scopes, 'scope')}</summary>`,
      '',
    );
    out.push(...scanned.slice(0, kept.scanned));
    const hiddenScanned = scanned.length - kept.scanned;
    if (hiddenScanned > 0) out.push(`- _… and ${hiddenScanned} more not shown_`);
    out.push('', '</details>', '');
    out.push(
      `<sub>${escapeMarkdownText(`${report.tool.name} ${report.tool.version}`)} · fail-on: ${report.failOn}</sub>`,
    );
    return neutraliseCommands(`${out.join('\n')}\n`);
  };

  const all: Kept = {
    findings: findingRows.length,
    suppressed: suppressedRows.length,
    scanned: scanned.length,
  };
  const full = render(all);
  if (maxLength === undefined || utf8Length(full) <= maxLength) return full;

  // Spend the budget in order of importance: findings, then suppressed findings, then the scanned list.
  const fits = (kept: Kept) => utf8Length(render(kept)) <= maxLength;
  const kept: Kept = { findings: 0, suppressed: 0, scanned: 0 };
  if (!fits(kept)) return cutToBytes(render(kept), Math.max(0, maxLength));
  for (const part of ['findings', 'suppressed', 'scanned'] as const) {
    let lo = 0;
    let hi = all[part];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits({ ...kept, [part]: mid })) lo = mid;
      else hi = mid - 1;
    }
    kept[part] = lo;
  }
  return render(kept);
}
