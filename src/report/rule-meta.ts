import type { Rule } from '../rules/types.js';

/** What a renderer needs to know about a rule: its descriptive metadata, never its check. */
export type RuleMeta = Pick<Rule, 'id' | 'title' | 'policies' | 'severity' | 'rationale' | 'remediation'>;
