// The pipeline: discover -> parse -> resolve scopes -> evaluate -> report. Only discovery touches the disk.
import { pushAll } from './bounded.js';
import path from 'node:path';
import { CFG007 } from './rules/cfg007.js';
import { RULES } from './rules/index.js';
import { ZDR_LOGIN_NOTE } from './rules/zdr004.js';
import { classify, type Discovery, discover, type LoadedFile } from './discover/discover.js';
import { activeRules, type EvaluateInput, evaluate } from './rules/evaluate.js';
import { CFG010 } from './rules/cfg010.js';
import { type Relaxation, relaxationFinding } from './policy/relaxations.js';
import type { ParsedFile, SettingsFile, SkippedFile } from './parse/files.js';
import type { GitListing } from './discover/git-listing.js';
import { withReferencedSettings } from './scope/referenced-settings.js';
import type { Logger } from './logger.js';
import { compareFindings, type Finding, type Report, reachesThreshold } from './model.js';
import type { ScanOptions } from './policy/options.js';
import { parseLoaded } from './parse/parse-files.js';
import { loadYaml } from './parse/yaml.js';
import { requireProjectSettings, resolveScopes, type Scope } from './scope/scope.js';
import { createSourceFile } from './discover/source.js';
import { applySuppressions, collectSuppressions } from './policy/suppress.js';
import { capFindings } from './policy/caps.js';
import { docsUrl, TOOL_NAME, TOOL_VERSION } from './version.js';
import { codeLanguage } from './parse/code/code-file.js';
import { parseCode, parseWorkflowRuns } from './parse/code/parse-code.js';

export interface ScanContext {
  /** Relative `options.path` is resolved against this. */
  cwd: string;
  logger: Logger;
  /** For suppressions' `until` dates; tests pin it. */
  now?: Date;
  /** A git listing started ahead (the CLI starts one before it loads); used when it is of the scanned root. */
  gitListing?: GitListing;
}

export function summarise(findings: Finding[], failOn: ScanOptions['failOn']) {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    notices: count('notice'),
    passed: !findings.some((f) => reachesThreshold(f.severity, failOn)),
  };
}

/** What a scan worked out besides the report: the parsed files and the scopes (`fix` plans its edits from them). */
export interface Analysis {
  report: Report;
  /** What discovery read: `fix` re-analyses it with its edits applied, to say what remains. */
  discovery: Pick<Discovery, 'files' | 'skipped'>;
  files: ParsedFile[];
  scopes: Scope[];
}

const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

/**
 * A settings file that was not read (too large, not text, a symlink out of the root) still belongs to its scope and
 * contributes nothing, as a broken one does: skipping it must not make the scope's requirements disappear.
 */
function unreadSettings(skipped: readonly SkippedFile[], files: readonly ParsedFile[]): SettingsFile[] {
  const read = new Set(files.map((f) => f.source.path));
  const out: SettingsFile[] = [];
  for (const file of skipped) {
    const candidate = classify(file.path);
    if (candidate?.kind !== 'settings' || read.has(file.path)) continue;
    out.push({
      kind: 'settings',
      role: candidate.role ?? 'project',
      source: createSourceFile(file.path, ''),
      json: { ok: false, value: undefined, tree: undefined, problems: [] },
      settings: undefined,
      validation: [],
    });
  }
  return out;
}

/** The display form of the scanned PATH, as the user gave it. */
function shownPath(options: ScanOptions): string {
  return options.path.split(path.sep).join('/') || '.';
}

/**
 * What the findings cannot say: that nothing was checked (never a silent pass), and, under `zdr`, the login pin
 * that no repository file outside managed settings can provide (ZDR004 is reported in managed scopes only).
 */
export function reportNotes(
  options: ScanOptions,
  discovery: Pick<Discovery, 'files' | 'skipped'>,
  scopes: readonly Scope[],
): string[] {
  const notes: string[] = [];
  if (scopes.length === 0) {
    notes.push(
      `No Claude Code configuration found under ${shownPath(options)}: no settings file, workflow step or dev container that runs Claude Code.`,
    );
  }
  if (options.include.length > 0 && discovery.files.length === 0 && discovery.skipped.length === 0) {
    notes.push(`--include ${options.include.join(', ')} matched no file that configures Claude Code.`);
  }
  const zdrLogin =
    options.policies.includes('zdr') &&
    options.rules.ZDR004 !== 'off' &&
    scopes.some((scope) => scope.kind !== 'managed');
  if (zdrLogin) notes.push(ZDR_LOGIN_NOTE);
  return notes;
}

/** The pure part of a scan: from the files discovery read to the report, suppressions applied. */
export function analyse(
  discovery: Pick<Discovery, 'files' | 'skipped'>,
  options: ScanOptions,
  now: Date,
  parsedAlready?: ReadonlyMap<LoadedFile, ParsedFile | undefined>,
  /** Source code the code check parsed (asynchronously, before): files and workflows' `run:` blocks. */
  code: readonly ParsedFile[] = [],
): Analysis {
  const files: ParsedFile[] = [];
  for (const loaded of discovery.files) {
    const parsed = parsedAlready?.has(loaded) ? parsedAlready.get(loaded) : parseLoaded(loaded);
    if (parsed !== undefined) files.push(parsed);
  }
  pushAll(files, code);
  const versions = {
    min: options.minClaudeCodeVersion,
    minSource: options.minClaudeCodeVersion === undefined ? undefined : '--min-claude-code-version',
    max: undefined,
  };
  const resolved = resolveScopes([...files, ...unreadSettings(discovery.skipped, files)], versions);
  const scopes = options.require.includes('project-settings')
    ? requireProjectSettings(resolved, versions)
    : resolved;
  const input: EvaluateInput = {
    rules: RULES,
    files,
    skipped: discovery.skipped,
    scopes,
    policies: options.policies,
    options: {
      zdrOrgUuid: options.zdrOrgUuid,
      allowedBaseUrls: options.allowedBaseUrls,
      maxRetentionDays: options.maxRetentionDays,
      minClaudeCodeVersion: options.minClaudeCodeVersion,
    },
    overrides: options.rules,
  };
  // CFG007 needs the config's entries, every file's comments and the clock, which rules do not see: the
  // suppression stage finds them, and they go through evaluate like any rule's (`rules:` overrides, --policy).
  const suppressions = collectSuppressions(files, options.ignore, KNOWN_RULES, now);
  const problems = evaluate({ ...input, rules: [{ ...CFG007, check: () => suppressions.problems }] });
  const all = [...evaluate(input), ...problems].sort(compareFindings);
  const applied = applySuppressions(all, suppressions);
  const findings = capFindings(applied.findings);
  const suppressed = capFindings(applied.suppressed);
  const checked = [...new Set(files.map((f) => f.source.path))];
  const report: Report = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: options.path.split(path.sep).join('/'),
    policies: options.policies,
    failOn: options.failOn,
    summary: {
      files: checked.length,
      scopes: scopes.length,
      ...summarise(findings, options.failOn),
      suppressed: suppressed.length,
    },
    files: checked,
    scopes: scopes.map((s) => ({ id: s.id, kind: s.kind, files: s.files })),
    findings,
    suppressed,
    notes: reportNotes(options, discovery, scopes),
  };
  return { report, discovery, files, scopes };
}

/** Discover, then analyse. */
export async function analyseTree(options: ScanOptions, context: ScanContext): Promise<Analysis> {
  const root = path.resolve(context.cwd, options.path);
  // Each file is parsed as soon as it is read, while git may still be walking the tree for untracked ones.
  const parsed = new Map<LoadedFile, ParsedFile | undefined>();
  // The code check reads source files only when the zdr policy is checked.
  const codeMode = options.policies.includes('zdr') ? options.code : 'off';
  // Workflows and Compose files wait for the yaml package, loaded only when there is one; they are parsed once it
  // is here.
  let yamlLoading: Promise<unknown> | undefined;
  const discovered = await discover(root, { ...options, code: codeMode }, context.logger, {
    started: context.gitListing,
    onLoaded: (file) => {
      if (file.candidate.kind === 'workflow' || file.candidate.kind === 'compose') {
        yamlLoading ??= loadYaml();
        return;
      }
      try {
        parsed.set(file, parseLoaded(file));
      } catch {
        // analyse parses it again and the failure surfaces there.
      }
    },
  });
  context.logger.debug(`discovered ${discovered.files.length} files (${discovered.method})`);
  // Every workflow and Compose file read went through onLoaded; the check on the files keeps that from being assumed.
  const needsYaml = (kind: string) => kind === 'workflow' || kind === 'compose';
  if (yamlLoading !== undefined || discovered.files.some((f) => needsYaml(f.candidate.kind))) {
    await (yamlLoading ?? loadYaml());
    for (const file of discovered.files) {
      if (!needsYaml(file.candidate.kind) || parsed.has(file)) continue;
      try {
        parsed.set(file, parseLoaded(file));
      } catch {
        // As above: analyse parses it again and the failure surfaces there.
      }
    }
  }
  // Settings files that workflows name in claude-code-action's `settings` input, read with the same care.
  const discovery = await withReferencedSettings(root, discovered, options.maxFileSize, parsed);
  const code = await parseSourceCode(discovery.files, parsed, context.logger);
  return analyse(discovery, options, context.now ?? new Date(), parsed, code);
}

/** Parse the source files discovery read, and the `run:` blocks of workflows, one file at a time (tree-sitter is synchronous). */
async function parseSourceCode(
  loaded: readonly LoadedFile[],
  parsed: ReadonlyMap<LoadedFile, ParsedFile | undefined>,
  logger: Logger,
): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  for (const file of loaded) {
    if (file.candidate.kind === 'code') {
      const language = codeLanguage(file.candidate.path);
      if (language === undefined) continue;
      const code = await parseCode(file.source, language);
      if (code.error !== undefined) logger.warning(`${file.candidate.path} was not checked: ${code.error}`);
      out.push(code);
    } else if (file.candidate.kind === 'workflow') {
      const workflow = parsed.get(file) ?? parseLoaded(file);
      if (workflow?.kind !== 'workflow' || !workflow.workflow.ok) continue;
      const runs = await parseWorkflowRuns(workflow);
      if (runs !== undefined && runs.sites.length > 0) out.push(runs);
    }
  }
  return out;
}

export async function scan(options: ScanOptions, context: ScanContext): Promise<Report> {
  return (await analyseTree(options, context)).report;
}

/**
 * The report of a scan narrowed to some of its files (a file given as PATH): their findings and suppressed
 * findings only, counted again. Scopes stay whole: the files' findings were worked out with everything beside them.
 */
export function narrowReport(report: Report, files: readonly string[]): Report {
  const wanted = new Set(files);
  const findings = report.findings.filter((f) => f.file !== null && wanted.has(f.file));
  const suppressed = report.suppressed.filter((f) => f.file !== null && wanted.has(f.file));
  const checked = report.files.filter((f) => wanted.has(f));
  // The scopes the files are part of, and any other scope their findings are about.
  const about = new Set([...findings, ...suppressed].map((f) => f.scope));
  const scopes = report.scopes.filter((s) => about.has(s.id) || s.files.some((f) => wanted.has(f)));
  return {
    ...report,
    summary: {
      ...report.summary,
      files: checked.length,
      scopes: scopes.length,
      ...summarise(findings, report.failOn),
      suppressed: suppressed.length,
    },
    files: checked,
    scopes,
    findings,
    suppressed,
  };
}

/**
 * The report with a CFG010 finding for each way the pull request would relax the policy in force. Only the policy
 * in force decides about them: its `policy:` and `rules:` (severity, or off) and its own `ignore:` entries. The
 * pull request's config is never applied, and inline comments are the pull request's own, so none reaches them.
 * They are counted, and weighed against fail-on, like any finding.
 */
export function withRelaxations(
  report: Report,
  relaxations: readonly Relaxation[],
  options: ScanOptions,
  origin: string,
  now: Date,
): Report {
  const [rule] = activeRules([CFG010], options.policies, options.rules);
  if (rule === undefined || relaxations.length === 0) return report;
  const policy = rule.policies.find((p) => options.policies.includes(p))!;
  const override = options.rules[rule.id];
  const severity = override !== undefined && override !== 'off' ? override : rule.severity;
  const found: Finding[] = relaxations.map((relaxation) => ({
    ...relaxationFinding(relaxation, origin),
    policy,
    severity,
    docsUrl: docsUrl(rule.id),
    scopes: [],
  }));
  const entries = collectSuppressions([], options.ignore, KNOWN_RULES, now).config;
  const applied = applySuppressions(found.sort(compareFindings), {
    inline: [],
    config: entries,
    problems: [],
  });
  const findings = [...report.findings, ...capFindings(applied.findings)].sort(compareFindings);
  const suppressed = [...report.suppressed, ...capFindings(applied.suppressed)].sort(compareFindings);
  return {
    ...report,
    summary: {
      ...report.summary,
      ...summarise(findings, report.failOn),
      suppressed: suppressed.length,
    },
    findings,
    suppressed,
  };
}
