// A pull request's own policy config is never applied to its own check (the policy in force is the base
// branch's, or a central one), but once merged it is the policy. Each way it would loosen the policy, and each
// inline suppression the pull request adds, is a finding on the line that does it, so the reviewer sees it in the
// diff (issue 9; the same reasoning as dependency-review-action reading its config from the base).
import type { Rule } from './types.js';

export const CFG010: Rule = {
  id: 'CFG010',
  title: 'A pull request relaxes the policy',
  // Whatever the policy in force checks, a change that loosens it matters: the rule runs under every policy.
  policies: ['hygiene', 'nonessential-traffic', 'zdr'],
  severity: 'warning',
  rationale:
    "On a pull request the check runs with the policy in force (the base branch's config, or a central one), so a pull request cannot switch off the rules it breaks. Its own config takes effect after merge: a rule turned off, a policy removed, a lower fail-on, a wider exclude, an allowed base URL, a higher retention ceiling, a new ignore entry or a new inline suppression would loosen every later check. Each is reported at the line that makes it, so the change is reviewed as a change to the policy itself.",
  remediation:
    'Review the change with whoever owns the policy: revert it if it is not meant, or merge it knowing that it loosens every later check. A config change cannot silence this finding; only the policy in force can (`rules: { CFG010: off }` or a severity).',
  // The action finds these: only it sees the policy in force and the pull request's config side by side, and
  // the lines the pull request adds (policy/relaxations.ts). Its findings go through evaluate with this rule's
  // metadata, so the policy in force sets their severity or turns them off like any rule's.
  check: () => [],
};
