// GitHub workflow commands (`::error file=…::message`), one annotation per finding.
// GitHub renders only 10 error and 10 warning annotations per step (REST Checks reference), so the most
// severe come first; notices are assumed to share the cap. The escaping is the runner's own scheme
// (@actions/core command.ts): it decodes %0D, %0A, %3A, %2C, then %25, so escaping % first round-trips.
import type { Finding, Report, Severity } from '../model.js';
import { severityRank } from '../model.js';
import type { RuleMeta } from './rule-meta.js';
import { truncate } from './truncate.js';

/** Annotations GitHub displays per step and severity. */
export const ANNOTATIONS_PER_SEVERITY = 10;
/** GitHub's limit on an annotation title (Checks API). */
const TITLE_MAX_LENGTH = 255;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

/** Escapes a command's message. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: the message escaping plus the property separators `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Rules whose findings come first among those of their severity: a pull request's change to the policy itself
 * (CFG010) must not be among the annotations GitHub leaves out past ten.
 */
const ANNOTATED_FIRST: ReadonlySet<string> = new Set(['CFG010']);

/** Findings in the order they are annotated: errors, warnings, notices, each in report order (CFG010 first). */
export function rankForAnnotation(findings: readonly Finding[]): Finding[] {
  const first = (finding: Finding) => (ANNOTATED_FIRST.has(finding.ruleId) ? 0 : 1);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
        first(a.finding) - first(b.finding) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

function annotation(finding: Finding, titles: ReadonlyMap<string, string>): string {
  const properties: [string, string][] = [];
  if (finding.file !== null) {
    properties.push(['file', finding.file], ['line', String(finding.line)]);
    const endLine = Math.max(finding.line, finding.endLine);
    // Columns only mean something on a single line with a non-empty range; otherwise annotate whole lines.
    const columns = endLine === finding.line && finding.endColumn > finding.column;
    if (columns) properties.push(['col', String(finding.column)]);
    properties.push(['endLine', String(endLine)]);
    if (columns) properties.push(['endColumn', String(finding.endColumn)]);
  }
  const title = titles.get(finding.ruleId);
  properties.push([
    'title',
    truncate(title ? `${finding.ruleId}: ${title}` : finding.ruleId, TITLE_MAX_LENGTH),
  ]);
  const rendered = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  const message = `${finding.message}\nFix: ${finding.fix}`;
  return `::${COMMAND[finding.severity]} ${rendered}::${escapeData(message)}`;
}

/** One workflow command per finding, most severe first, then one notice per note. */
export function renderGithub(
  report: Report,
  rules: readonly RuleMeta[],
  options: { notes?: boolean } = {},
): string {
  const titles = new Map(rules.map((rule) => [rule.id, rule.title]));
  // Notes (nothing found, what a repository cannot show) are said once each, after the findings. The Action shows
  // them in the job summary instead (`notes: false`), so that they take no annotation.
  const notes =
    options.notes === false
      ? []
      : report.notes.map((note) => `::notice title=claude-code-policy::${escapeData(note)}\n`);
  return (
    rankForAnnotation(report.findings)
      .map((finding) => `${annotation(finding, titles)}\n`)
      .join('') + notes.join('')
  );
}

/** How many of the report's annotations GitHub shows on the step, and how many it leaves out. */
export function annotationOverflow(report: Report): { shown: number; hidden: number } {
  const perSeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of report.findings) perSeverity[finding.severity]++;
  const shown = Object.values(perSeverity).reduce((sum, n) => sum + Math.min(n, ANNOTATIONS_PER_SEVERITY), 0);
  return { shown, hidden: report.findings.length - shown };
}
