// Paths as GitHub places them: relative to the top of the repository (the Action's workspace, or the git work
// tree the CLI was pointed into) rather than to the scanned root, for annotations, blob links and SARIF.
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, Report } from '../model.js';

/** The scanned root relative to the workspace (`''` when it is the workspace itself or lies outside it). */
export function workspacePrefix(workspace: string, root: string): string {
  const prefix = relative(workspace, root).split(sep).join('/');
  return prefix === '..' || prefix.startsWith('../') || isAbsolute(prefix) ? '' : prefix;
}

/**
 * The report as GitHub sees the repository: finding paths relative to the workspace rather than the scan root, so
 * that annotations, blob links and SARIF locations land on the right file when `path` is a subdirectory. A root
 * outside the workspace keeps its own paths (there is nothing on GitHub to point at).
 */
export function reportForWorkspace(report: Report, workspace: string, root: string): Report {
  const prefix = workspacePrefix(workspace, root);
  if (prefix === '') return report;
  const rebase = (file: string) => `${prefix}/${file}`;
  const rebaseFinding = <T extends Finding>(finding: T): T => ({
    ...finding,
    file: finding.file === null ? null : rebase(finding.file),
  });
  return {
    ...report,
    files: report.files.map(rebase),
    scopes: report.scopes.map((scope) => ({ ...scope, files: scope.files.map(rebase) })),
    findings: report.findings.map(rebaseFinding),
    suppressed: report.suppressed.map(rebaseFinding),
  };
}
