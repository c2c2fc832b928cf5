// A suppression hides a finding from every report, so it must say why and must not outlive its reason: an ignore
// without a reason, past its `until`, or naming a rule that does not exist suppresses nothing (SPEC §8; the
// reasoned, located ignores that actionlint, conftest and checkov users ask for).
import type { Rule } from './types.js';

export const CFG007: Rule = {
  id: 'CFG007',
  title: 'A suppression is not valid',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    'A suppression takes a finding out of the verdict. Without a reason a reviewer cannot judge it; after its `until` date the exception was meant to end; with a rule id that does not exist it silences nothing while looking as if it did. Each of these suppresses nothing and is reported instead.',
  remediation:
    'Write `# claude-code-policy: ignore <RULE> -- <reason>` with a real rule id and a reason, or give the config entry a reason and a later `until`, or remove it.',
  // The suppression stage (policy/suppress.ts) finds these: it is the one place that sees the config file, every
  // file's comments and the clock. Its findings go through evaluate with this rule's metadata, so `rules:` and
  // --policy apply to CFG007 like to any other rule.
  check: () => [],
};
