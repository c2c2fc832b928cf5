// Run the rules of the selected policies and turn what they return into reported findings.

import type { Rule, RuleContext, RuleOptions } from './types.js';
import type { ParsedFile, SkippedFile } from '../parse/files.js';
import { compareFindings, type Finding, type PolicyId, severityRank } from '../model.js';
import type { RuleSeverityOverride } from '../policy/options.js';
import type { Scope } from '../scope/scope.js';
import { docsUrl } from '../version.js';

export interface EvaluateInput {
  rules: readonly Rule[];
  files: ParsedFile[];
  skipped: SkippedFile[];
  scopes: Scope[];
  policies: PolicyId[];
  options: RuleOptions;
  /** Per-rule severity from the config file; `off` disables a rule. */
  overrides?: Record<string, RuleSeverityOverride>;
}

/** The rules that run: those of a selected policy that the config does not turn off. */
export function activeRules(
  rules: readonly Rule[],
  policies: PolicyId[],
  overrides: Record<string, RuleSeverityOverride> = {},
): Rule[] {
  return rules.filter(
    (rule) => overrides[rule.id] !== 'off' && rule.policies.some((p) => policies.includes(p)),
  );
}

/** The order a finding is kept in when several scopes report it on one line: most severe, then first scope. */
function preferred(a: Finding, b: Finding): number {
  const bySeverity = severityRank(b.severity) - severityRank(a.severity);
  if (bySeverity !== 0) return bySeverity;
  const sa = a.scope ?? '';
  const sb = b.scope ?? '';
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * One finding per rule and place: a line that several scopes read (a shared settings file, a workflow's `env:`) is
 * one place to fix, so its findings become one, listing every scope it affects. The most severe is kept. Distinct
 * keys on one line (a minified file) stay distinct findings: each is its own place to fix.
 */
export function mergeByLine(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const place = finding.file === null ? `scope:${finding.scope ?? ''}` : `file:${finding.file}`;
    const key = `${finding.ruleId}\u0000${place}\u0000${finding.line}\u0000${finding.column}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const [kept] = [...group].sort(preferred) as [Finding, ...Finding[]];
    const others = group
      .flatMap((f) => f.scopes)
      .filter((id) => id !== kept.scope)
      .sort();
    const scopes = kept.scope === null ? [...new Set(others)] : [kept.scope, ...new Set(others)];
    out.push({ ...kept, scope: scopes[0] ?? null, scopes });
  }
  return out;
}

export function evaluate(input: EvaluateInput): Finding[] {
  const context: RuleContext = {
    files: input.files,
    skipped: input.skipped,
    scopes: input.scopes,
    options: input.options,
  };
  const overrides = input.overrides ?? {};
  const findings: Finding[] = [];
  const active = activeRules(input.rules, input.policies, overrides);
  for (const rule of active) {
    const policy = rule.policies.find((p) => input.policies.includes(p))!;
    const override = overrides[rule.id];
    for (const raw of rule.check(context)) {
      const severity =
        override !== undefined && override !== 'off' ? override : (raw.severity ?? rule.severity);
      const scopes = raw.scope === null ? [] : [raw.scope];
      findings.push({ ...raw, policy, severity, docsUrl: docsUrl(rule.id), scopes });
    }
  }
  // A covering rule's finding in a scope already names this rule's cause and its one fix clears both.
  const reported = new Set(findings.map((f) => `${f.ruleId}\u0000${f.scope ?? ''}`));
  const covered = (f: Finding) => {
    const by = active.find((rule) => rule.id === f.ruleId)?.coveredBy;
    return by !== undefined && f.scope !== null && reported.has(`${by}\u0000${f.scope}`);
  };
  return mergeByLine(findings.filter((f) => !covered(f))).sort(compareFindings);
}
