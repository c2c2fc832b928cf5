// Where a report goes once the verdict is known: annotations on stdout, report files, step outputs and the job
// summary. None of it changes the verdict; a report file that cannot be written is the user's to fix.
import { appendFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { writeContainedFile } from '../discover/contained.js';
import { ConfigurationError } from '../errors.js';
import type { Report } from '../model.js';
import { randomBytes } from 'node:crypto';
import { annotationOverflow, renderGithub } from '../report/github.js';
import type { PolicyChange } from '../report/relaxations.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import type { RuleMeta } from '../report/rule-meta.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { neutraliseCommands } from '../report/workflow-commands.js';

/** GitHub refuses a step summary over 1 MiB (bytes); the margin leaves room for line endings and slack. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const SUMMARY_MARGIN_BYTES = 8 * 1024;

export { reportForWorkspace, workspacePrefix } from '../report/rebase.js';

/** Workflow commands for every finding, most severe first; GitHub renders only the first 10 errors and 10 warnings. */
export function writeAnnotations(report: Report, rules: readonly RuleMeta[]): void {
  const commands = renderGithub(report, rules, { notes: false });
  if (commands === '') return;
  process.stdout.write(commands.endsWith('\n') ? commands : `${commands}\n`);
}

/**
 * Each relaxation is a CFG010 finding, annotated with the others; the one thing left to say apart is that the pull
 * request's config could not be compared at all.
 */
export function warnPolicyChangeProblem(change: PolicyChange): void {
  if (change.problem !== undefined) {
    core.warning(`The pull request's policy config could not be compared: ${change.problem}`);
  }
}

/**
 * Text that is not workflow commands, printed so that none of it can be read as one: each line already made inert
 * by the renderer, and the whole between `::stop-commands::TOKEN` and `::TOKEN::`, with a token no scanned file
 * can have guessed.
 */
export function logInert(text: string): void {
  const token = `claude-code-policy-${randomBytes(16).toString('hex')}`;
  process.stdout.write(`::stop-commands::${token}\n${text.replace(/\n?$/, '\n')}::${token}::\n`);
}

/** Without annotations the log still lists every finding, as the CLI prints them. */
export function logFindings(report: Report): void {
  logInert(neutraliseCommands(renderText(report, { color: false })));
}

export function annotationNote(report: Report): string {
  const { hidden } = annotationOverflow(report);
  if (hidden === 0) return '';
  const findings = hidden === 1 ? '1 finding is' : `${hidden} findings are`;
  return (
    `> **${findings} not shown as annotations.** GitHub shows at most 10 error and 10 warning annotations ` +
    'per step, so the most severe come first. The table above lists every finding.\n'
  );
}

/**
 * The job summary: the Markdown report (cut by the renderer to fit GitHub's 1 MiB) with the annotation note under the
 * findings, before the list of what was scanned (or at the end if the report has no such list).
 */
export function renderSummary(
  report: Report,
  blobBaseUrl: string | undefined,
  note: string,
  preface = '',
): string {
  const maxLength =
    SUMMARY_LIMIT_BYTES - SUMMARY_MARGIN_BYTES - Buffer.byteLength(note) - Buffer.byteLength(preface);
  const markdown = preface + renderMarkdown(report, { blobBaseUrl, maxLength });
  if (note === '') return markdown;
  const scanned = markdown.indexOf('\n<details>');
  if (scanned === -1) return `${markdown.replace(/\n*$/, '\n\n')}${note}`;
  return `${markdown.slice(0, scanned + 1)}${note}\n${markdown.slice(scanned + 1)}`;
}

/** Appends to the step summary file. Like the comment, a summary that cannot be written is a warning, not a verdict. */
export async function writeSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') {
    core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    return;
  }
  try {
    await appendFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  } catch (error) {
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export interface WrittenFiles {
  sarifFile: string | undefined;
  jsonFile: string | undefined;
}

async function writeReportFile(
  workspace: string,
  input: string,
  path: string,
  content: string,
): Promise<void> {
  try {
    await writeContainedFile(workspace, path, content, 'the workspace', true);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`${input} could not be written to ${path}: ${reason}`);
  }
  core.info(`Wrote ${path}`);
}

/**
 * SARIF carries workspace-relative paths (code scanning maps them onto the repository); the JSON report keeps the
 * SPEC §3 shape, paths relative to the scan root given in `root`.
 */
export async function writeReportFiles(
  report: Report,
  githubReport: Report,
  rules: readonly RuleMeta[],
  files: WrittenFiles,
  workspace: string,
): Promise<void> {
  if (files.jsonFile !== undefined) {
    await writeReportFile(workspace, 'json-file', files.jsonFile, renderJson(report));
  }
  if (files.sarifFile !== undefined) {
    await writeReportFile(workspace, 'sarif-file', files.sarifFile, renderSarif(githubReport, rules));
  }
}

export function setOutputs(report: Report, files: WrittenFiles): void {
  const { summary } = report;
  core.setOutput('passed', summary.passed ? 'true' : 'false');
  core.setOutput('errors', String(summary.errors));
  core.setOutput('warnings', String(summary.warnings));
  core.setOutput('notices', String(summary.notices));
  core.setOutput('findings', String(report.findings.length));
  core.setOutput('json-file', files.jsonFile ?? '');
  core.setOutput('sarif-file', files.sarifFile ?? '');
}
