// What a pull request's own policy config would change, compared with the policy in force (the base branch's, or
// a central one). The PR's config never decides its own verdict; but a reviewer must see, point by point, what it
// would loosen once merged, so each loosening is listed here with the line of the PR's config that causes it.
import { type FailLevel, type RawFinding, type SuppressedFinding, severityRank } from '../model.js';
import { RULES } from '../rules/index.js';
import type { LoadedConfig } from './config.js';
import type { RuleSeverityOverride, ScanOptions } from './options.js';

export interface Relaxation {
  /** One sentence, for the summary, the comment and the finding. */
  text: string;
  /** A change to the PR's policy config, or an inline suppression the PR adds in a scanned file. */
  kind: 'config' | 'inline';
  /** The PR's config file (root-relative) and the line to look at; undefined when the config has no file. */
  file: string | undefined;
  line: number;
  /** The columns of the changed key (or comment) on that line, 1-based, end exclusive; 1 and 1 when unknown. */
  column: number;
  endColumn: number;
}

/** How many findings a threshold lets fail: `notice` fails on the most, `never` on none. */
const STRICTNESS: Record<FailLevel, number> = { never: 0, error: 1, warning: 2, notice: 3 };

function ruleLevel(override: RuleSeverityOverride | undefined, fallback: RuleSeverityOverride): number {
  const level = override ?? fallback;
  return level === 'off' ? 0 : severityRank(level);
}

function added<T>(before: readonly T[], after: readonly T[]): T[] {
  const known = new Set(before);
  return after.filter((item) => !known.has(item));
}

function quoted(items: readonly string[]): string {
  return items.map((item) => JSON.stringify(item)).join(', ');
}

/**
 * Each way `proposed` (the options the PR's config would give) is looser than `inForce`. Both are the resolved
 * options, inputs included, so a change the workflow's inputs override is not reported.
 */
export function findRelaxations(
  inForce: ScanOptions,
  proposed: ScanOptions,
  proposedConfig: LoadedConfig,
): Relaxation[] {
  const file = proposedConfig.path;
  const kind = 'config' as const;
  const at = (key: string) => ({
    kind,
    file,
    ...(proposedConfig.positions[key] ?? { line: 1, column: 1, endColumn: 1 }),
  });
  const out: Relaxation[] = [];

  for (const rule of RULES) {
    const before = ruleLevel(inForce.rules[rule.id], rule.severity);
    const after = ruleLevel(proposed.rules[rule.id], rule.severity);
    if (after < before) {
      const to = proposed.rules[rule.id] ?? rule.severity;
      out.push({
        text: `rule ${rule.id} ${to === 'off' ? 'turned off' : `lowered to ${to}`}`,
        ...at(`rules.${rule.id}`),
      });
    }
  }
  const removed = inForce.policies.filter((policy) => !proposed.policies.includes(policy));
  if (removed.length > 0) out.push({ text: `policies removed: ${removed.join(', ')}`, ...at('policy') });
  if (STRICTNESS[proposed.failOn] < STRICTNESS[inForce.failOn]) {
    out.push({ text: `fail-on lowered from ${inForce.failOn} to ${proposed.failOn}`, ...at('fail-on') });
  }
  const excluded = added(inForce.exclude, proposed.exclude);
  if (excluded.length > 0) out.push({ text: `exclude widened: ${quoted(excluded)}`, ...at('exclude') });
  // No include scans everything: dropping it, or adding globs to it, scans more.
  const narrowed =
    proposed.include.length === 0
      ? []
      : inForce.include.length === 0
        ? proposed.include
        : inForce.include.filter((glob) => !proposed.include.includes(glob));
  if (narrowed.length > 0) {
    out.push({ text: `include changed, scanning less: ${quoted(proposed.include)}`, ...at('include') });
  }
  const urls = added(inForce.allowedBaseUrls, proposed.allowedBaseUrls);
  if (urls.length > 0) out.push({ text: `base URLs allowed: ${quoted(urls)}`, ...at('allowed-base-urls') });
  if (proposed.maxRetentionDays > inForce.maxRetentionDays) {
    out.push({
      text: `retention ceiling raised from ${inForce.maxRetentionDays} to ${proposed.maxRetentionDays} days`,
      ...at('max-retention-days'),
    });
  }
  if (inForce.zdrOrgUuid !== undefined && proposed.zdrOrgUuid !== inForce.zdrOrgUuid) {
    out.push({
      text:
        proposed.zdrOrgUuid === undefined
          ? 'zdr-org-uuid removed'
          : `zdr-org-uuid changed to ${proposed.zdrOrgUuid}`,
      ...at('zdr-org-uuid'),
    });
  }
  const known = new Set(inForce.ignore.map((entry) => `${entry.rule}\u0000${entry.path}`));
  for (const entry of proposed.ignore) {
    if (known.has(`${entry.rule}\u0000${entry.path}`)) continue;
    out.push({
      text: `new ignore entry: ${entry.rule} on ${JSON.stringify(entry.path)} (reason: ${JSON.stringify(entry.reason)})`,
      kind,
      file,
      line: entry.line,
      column: entry.column ?? 1,
      endColumn: entry.endColumn ?? 1,
    });
  }
  return out;
}

/**
 * Inline suppressions (`# claude-code-policy: ignore …`) on lines the pull request adds: each silences a finding
 * from now on, so it is listed like a change to the config. `added` maps a root-relative file to its added lines;
 * `configFile` is the config in force, whose `ignore:` entries are not inline.
 */
export function inlineSuppressionRelaxations(
  suppressed: readonly SuppressedFinding[],
  added: ReadonlyMap<string, ReadonlySet<number>>,
  configFile: string | undefined,
): Relaxation[] {
  const out: Relaxation[] = [];
  const seen = new Set<string>();
  for (const finding of suppressed) {
    if (finding.suppressionKind !== 'inline') continue;
    const at = finding.suppressedBy.lastIndexOf(':');
    const file = finding.suppressedBy.slice(0, at);
    const line = Number(finding.suppressedBy.slice(at + 1));
    if (at < 0 || file === configFile || !Number.isInteger(line) || !added.get(file)?.has(line)) continue;
    const key = `${finding.ruleId}\u0000${finding.suppressedBy}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      text: `new inline suppression of ${finding.ruleId} in ${file} (reason: ${JSON.stringify(finding.reason)})`,
      kind: 'inline',
      file,
      line,
      column: finding.suppressionColumns?.column ?? 1,
      endColumn: finding.suppressionColumns?.endColumn ?? 1,
    });
  }
  return out;
}

/**
 * The CFG010 finding of one relaxation: at the line of the pull request's config (or the comment) that makes it,
 * saying what it loosens and that it takes effect after merge. `origin` is where the policy in force was read.
 */
export function relaxationFinding(relaxation: Relaxation, origin: string): RawFinding {
  const { file, line } = relaxation;
  const place = file === undefined ? undefined : `line ${line} of \`${file}\``;
  const fix =
    file === undefined
      ? 'The pull request removes its policy config, so the defaults would apply after merge: restore the file, or merge it only with the approval of whoever owns the policy.'
      : relaxation.kind === 'inline'
        ? `Fix the finding the comment on ${place} hides and remove the comment, or merge it only with the approval of whoever owns the policy.`
        : `Review ${place} as a change to the policy itself: revert it if it is not meant, or merge it only with the approval of whoever owns the policy.`;
  return {
    ruleId: 'CFG010',
    file: file ?? null,
    line,
    column: relaxation.column,
    endLine: line,
    endColumn: relaxation.endColumn,
    scope: null,
    message:
      `This pull request would relax the policy: ${relaxation.text}. It takes effect after merge; ` +
      `this check used the policy from ${origin}.`,
    fix,
  };
}
