// The JSON report (SPEC §3). Keys are written in the SPEC's order, then the additions (failOn, files,
// suppressed, notes; `scopes` after each finding's `scope`), whatever order the objects were built in, so that later CI steps can diff reports.
import { neutraliseJsonCommands } from './workflow-commands.js';
import type { Finding, Report, ScopeSummary, SuppressedFinding } from '../model.js';

function findingJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    policy: finding.policy,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    scope: finding.scope,
    scopes: [...finding.scopes],
    fix: finding.fix,
    docsUrl: finding.docsUrl,
  };
}

function suppressedJson(finding: SuppressedFinding) {
  return { ...findingJson(finding), reason: finding.reason, suppressedBy: finding.suppressedBy };
}

function scopeJson(scope: ScopeSummary) {
  return { id: scope.id, kind: scope.kind, files: [...scope.files] };
}

export function renderJson(report: Report): string {
  const { summary } = report;
  const document = {
    version: 1,
    tool: { name: report.tool.name, version: report.tool.version },
    root: report.root,
    policies: [...report.policies],
    summary: {
      files: summary.files,
      scopes: summary.scopes,
      errors: summary.errors,
      warnings: summary.warnings,
      notices: summary.notices,
      passed: summary.passed,
      suppressed: summary.suppressed,
    },
    scopes: report.scopes.map(scopeJson),
    findings: report.findings.map(findingJson),
    failOn: report.failOn,
    files: [...report.files],
    suppressed: report.suppressed.map(suppressedJson),
    notes: [...report.notes],
  };
  return neutraliseJsonCommands(`${JSON.stringify(document, null, 2)}\n`);
}
