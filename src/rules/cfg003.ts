// Claude Code ignores a top-level key it does not know, silently: a misspelt `cleanupPeriodDay` keeps the
// 30-day default (docs: settings-reference "All settings").
import type { Rule } from './types.js';
import { validationFindings } from './validation-findings.js';

export const CFG003: Rule = {
  id: 'CFG003',
  title: 'Unknown setting',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    'Unknown top-level keys are accepted and ignored without a word, so a typo silently leaves the default in force (docs: settings-reference lists every key).',
  remediation: 'Correct the key name (the finding suggests the closest known key) or remove it.',
  check(context) {
    return validationFindings(context, 'CFG003');
  },
};
