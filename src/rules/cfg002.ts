// A known key with the wrong type or value is skipped or misread by Claude Code: an env value that is not a
// string, an env name outside ^[A-Z_][A-Z0-9_]*$, cleanupPeriodDays below 1 … (docs: settings-reference;
// SchemaStore claude-code-settings schema).
import type { Rule } from './types.js';
import { validationFindings } from './validation-findings.js';

export const CFG002: Rule = {
  id: 'CFG002',
  title: 'A setting has the wrong type or value',
  policies: ['hygiene'],
  severity: 'error',
  rationale:
    'Claude Code validates settings against their documented types: env values must be strings, env names must match ^[A-Z_][A-Z0-9_]*$, cleanupPeriodDays must be a whole number of at least 1, forceLoginMethod one of claudeai, console or gateway. A wrong value is skipped, or rejects the file (docs: settings-reference).',
  remediation: 'Write the value with the documented type, as the finding says.',
  check(context) {
    return validationFindings(context, 'CFG002');
  },
};
