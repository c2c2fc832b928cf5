// Run the rules of the selected policies and turn what they return into reported findings.

import type { Rule, RuleContext, RuleOptions } from './types.js';
import type { ParsedFile, SkippedFile } from '../parse/files.js';
import { compareFindings, type Finding, type PolicyId } from '../model.js';
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

export function evaluate(input: EvaluateInput): Finding[] {
  const context: RuleContext = {
    files: input.files,
    skipped: input.skipped,
    scopes: input.scopes,
    options: input.options,
  };
  const overrides = input.overrides ?? {};
  const seen = new Map<string, Finding>();
  const findings: Finding[] = [];
  for (const rule of activeRules(input.rules, input.policies, overrides)) {
    const policy = rule.policies.find((p) => input.policies.includes(p))!;
    const override = overrides[rule.id];
    for (const raw of rule.check(context)) {
      // The same line can be reached through several scopes (a root settings file read by a workflow scope too, the
      // root local file read by every project): one finding at the line, listing the scopes it reaches.
      const key = `${raw.ruleId}\u0000${raw.file}\u0000${raw.line}\u0000${raw.column}\u0000${raw.message}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        if (raw.scope !== null && !earlier.scopes?.includes(raw.scope)) {
          earlier.scopes = [...(earlier.scopes ?? []), raw.scope];
        }
        continue;
      }
      const severity =
        override !== undefined && override !== 'off' ? override : (raw.severity ?? rule.severity);
      const finding: Finding = {
        ...raw,
        ...(raw.scope !== null ? { scopes: [raw.scope] } : {}),
        policy,
        severity,
        docsUrl: docsUrl(rule.id),
      };
      seen.set(key, finding);
      findings.push(finding);
    }
  }
  return findings.sort(compareFindings);
}
