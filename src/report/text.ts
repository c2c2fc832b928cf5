// The terminal report: findings grouped by file, one line each with its fix beneath, then one verdict line.
// Finding text comes from scanned files, so control and bidi characters are shown escaped: a crafted value
// must not be able to move the cursor, recolour the terminal or reorder what the reader sees. The same report is
// printed in GitHub Actions logs (the Action's, or a CLI run in a workflow), where the runner reads each line for
// workflow commands: `::name` after leading blanks, `##[name` anywhere. Those are escaped too.
import type { Finding, Report, Severity } from '../model.js';
import { suppressionHint } from '../policy/suppress.js';

export interface TextOptions {
  color: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', notice: '36' };
const SEVERITY_WIDTH = 'warning'.length;
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line's worth of scanned text, safe for a terminal and for a runner's log (CR and LF are escaped too). */
function printable(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(UNSAFE_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/^(\s*):(?=:)/, '$1\\u003a')
    .replace(/##\[/g, '#\\u0023[');
}

/** Multi-line text (a message, a fix) as printable lines, broken where the runner breaks them. */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(printable);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

interface Group {
  heading: string;
  findings: Finding[];
}

/** Files in the order the report lists their findings; findings with no file grouped by scope, last. */
function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const key = finding.file !== null ? `file:${finding.file}` : `scope:${finding.scope ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const heading =
        finding.file !== null
          ? finding.file
          : finding.scope !== null
            ? `scope ${finding.scope} (no settings file)`
            : '(no file)';
      group = { heading, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const all = [...groups.entries()];
  return [
    ...all.filter(([key]) => key.startsWith('file:')).map(([, group]) => group),
    ...all.filter(([key]) => key.startsWith('scope:')).map(([, group]) => group),
  ];
}

function position(finding: Finding): string {
  return finding.file === null ? '-' : `${finding.line}:${finding.column}`;
}

export function renderText(report: Report, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];

  for (const group of groupFindings(report.findings)) {
    out.push(paint('1;4', printable(group.heading)));
    const positionWidth = Math.max(...group.findings.map((f) => position(f).length));
    const ruleWidth = Math.max(...group.findings.map((f) => printable(f.ruleId).length));
    const indent = ' '.repeat(2 + positionWidth + 2 + SEVERITY_WIDTH + 2 + ruleWidth + 2);
    for (const finding of group.findings) {
      const affects = finding.scopes.length > 1 ? ` (affects ${finding.scopes.length} scopes)` : '';
      const [first = '', ...rest] = lines(`${finding.message}${affects}`);
      out.push(
        `  ${paint('2', position(finding).padEnd(positionWidth))}  ` +
          `${paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH))}  ` +
          `${paint('1', printable(finding.ruleId).padEnd(ruleWidth))}  ${first}`,
      );
      for (const line of rest) out.push(`${indent}${line}`);
      const [fixFirst = '', ...fixRest] = lines(finding.fix);
      out.push(`${indent}${paint('2', `fix: ${fixFirst}`)}`);
      for (const line of fixRest) out.push(`${indent}${paint('2', `     ${line}`)}`);
      const hint = suppressionHint(finding);
      out.push(`${indent}${paint('2', printable(`suppress: add \`${hint.snippet}\` ${hint.placement}`))}`);
    }
    out.push('');
  }

  for (const note of report.notes) out.push(paint('2', `note: ${printable(note)}`));
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: Report, paint: (code: string, text: string) => string): string {
  const { summary } = report;
  const total = summary.errors + summary.warnings + summary.notices;
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : '';
  const where = `in ${count(summary.files, 'file')} (${count(summary.scopes, 'scope')})`;
  if (summary.scopes === 0 && total === 0 && summary.passed) {
    return paint(
      '1;33',
      `No Claude Code configuration found under ${printable(report.root)}${suppressed} — passed`,
    );
  }
  if (total === 0 && summary.passed) {
    return paint('1;32', `✔ no findings${suppressed} ${where} — passed`);
  }
  const counts = `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.notices, 'notice')}`;
  const verdict = summary.passed ? 'passed' : 'failed';
  const line = `${summary.passed ? '✔' : '✖'} ${counts}${suppressed} ${where} — ${verdict} (fail-on: ${report.failOn})`;
  return paint(summary.passed ? '1;32' : '1;31', line);
}
