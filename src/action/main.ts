// The action: read the inputs, scan, publish, then decide. The verdict comes from the report alone
// (`summary.passed`, computed once from fail-on), so it is the same whatever is published, and it is acted on in
// exactly one place: the single setFailed below.
import * as core from '@actions/core';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type Report, reachesThreshold } from '../model.js';
import { scan, withRelaxations } from '../scan.js';
import { type PolicyChange, renderPolicyChange } from '../report/relaxations.js';
import { escapeLineBreaks, neutraliseCommands } from '../report/workflow-commands.js';
import { RULES } from '../rules/index.js';
import { planComment, publishComment } from './comment.js';
import { type ActionInputs, readInputs } from './inputs.js';
import { addedLines } from './policy-source.js';
import { inlineSuppressionRelaxations, type Relaxation } from '../policy/relaxations.js';
import {
  annotationNote,
  logFindings,
  renderSummary,
  reportForWorkspace,
  setOutputs,
  workspacePrefix,
  warnPolicyChangeProblem,
  writeAnnotations,
  writeReportFiles,
  writeSummary,
} from './publish.js';
import { blobBaseUrl, readRunnerEnvironment, type RunnerEnvironment } from './runner.js';

// core.debug and core.warning escape their message into one command line; core.info prints it as is, so a folder
// name in it could start a line of its own: made inert first.
const coreLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(neutraliseCommands(escapeLineBreaks(message))),
  warning: (message) => core.warning(message),
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Why the step fails, or undefined when it passes. */
export function verdictFailure(report: Report): string | undefined {
  if (report.summary.passed) return undefined;
  const failing = report.findings.filter((finding) =>
    reachesThreshold(finding.severity, report.failOn),
  ).length;
  return (
    `Claude Code policy check failed: ${plural(failing, 'finding')} at or above fail-on ${report.failOn}. ` +
    'Each one, with its fix, is in the job summary.'
  );
}

/** Inline suppressions on lines the pull request adds, when the checkout has the base commit to compare with. */
async function newInlineSuppressions(
  report: Report,
  inputs: ActionInputs,
  runner: RunnerEnvironment,
): Promise<Relaxation[]> {
  if (inputs.configFrom !== 'base' || report.suppressed.length === 0) return [];
  const files = [
    ...new Set(report.suppressed.map((f) => f.suppressedBy.slice(0, f.suppressedBy.lastIndexOf(':')))),
  ];
  const added = await addedLines(inputs.root, runner.baseSha, files);
  if (added === undefined) {
    core.info(
      'The base commit is not in the checkout: inline suppressions the pull request adds are not listed.',
    );
    return [];
  }
  return inlineSuppressionRelaxations(report.suppressed, added, inputs.configFile);
}

async function checkAndPublish(): Promise<Report> {
  const runner = readRunnerEnvironment();
  const inputs = await readInputs(runner.workspace, runner);
  const scanned = await scan(inputs.options, { cwd: runner.workspace, logger: coreLogger });
  const change: PolicyChange = {
    origin: inputs.policyOrigin,
    file: inputs.proposedConfig,
    relaxations: [...inputs.relaxations, ...(await newInlineSuppressions(scanned, inputs, runner))],
    problem: inputs.proposedProblem,
  };
  // Each relaxation is also a CFG010 finding on its line: in every format, counted, and weighed against fail-on.
  const report = withRelaxations(
    scanned,
    change.relaxations,
    inputs.options,
    inputs.policyOrigin,
    new Date(),
  );
  const { summary } = report;
  core.info(
    `Scanned ${plural(summary.files, 'file')} in ${plural(summary.scopes, 'scope')} for ${report.policies.join(', ')}: ` +
      `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}` +
      ` (fail-on ${report.failOn}).`,
  );

  // Annotations and SARIF resolve paths from the checkout; the summary and the comment keep the report's own
  // root-relative paths, which the suppression hints and the config file use, and link through the prefix.
  const githubReport = reportForWorkspace(report, runner.workspace, inputs.root);
  const prefix = workspacePrefix(runner.workspace, inputs.root);
  const base = blobBaseUrl(runner);
  const blobs = base === undefined || prefix === '' ? base : `${base}/${prefix}`;
  warnPolicyChangeProblem(change);
  if (inputs.annotations) writeAnnotations(githubReport, RULES);
  else logFindings(githubReport);

  const files = { sarifFile: inputs.sarifFile, jsonFile: inputs.jsonFile };
  await writeReportFiles(report, githubReport, RULES, files, runner.workspace);
  setOutputs(report, files);

  if (inputs.summary) {
    const note = inputs.annotations ? annotationNote(githubReport) : '';
    await writeSummary(renderSummary(report, blobs, note, renderPolicyChange(change)));
  }
  const plan = planComment(inputs.comment, runner, report, change.relaxations.length > 0);
  await publishComment(plan, report, runner, inputs.githubToken, blobs, renderPolicyChange(change));
  return report;
}

export async function run(): Promise<void> {
  let failure: string | undefined;
  try {
    failure = verdictFailure(await checkAndPublish());
  } catch (error) {
    failure = describeError(error);
  }
  if (failure !== undefined) core.setFailed(failure);
}
