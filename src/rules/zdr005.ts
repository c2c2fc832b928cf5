// A pinned login must point at the ZDR organisation, through a method that authenticates into it:
// forceLoginMethod "console" (Console API keys) or "claudeai" (Claude Enterprise), the two logins into an
// Anthropic organisation; "gateway" logs in through a Claude apps gateway instead (docs: authentication
// "Restrict login to your organization"; settings-reference forceLoginMethod; zero-data-retention).
import type { RawFinding } from '../model.js';
import type { Rule } from './types.js';

const ZDR_METHODS = ['console', 'claudeai'];

export const ZDR005: Rule = {
  id: 'ZDR005',
  title: 'Login is pinned elsewhere than the ZDR organisation',
  policies: ['zdr'],
  severity: 'error',
  rationale:
    'forceLoginOrgUUID must contain your ZDR organisation, or sessions authenticate into an organisation without Zero Data Retention; forceLoginMethod must be "console" or "claudeai", the two ways Claude Code logs in to an Anthropic organisation directly (docs: authentication, zero-data-retention).',
  remediation:
    'Set forceLoginOrgUUID to your ZDR organisation UUID (give it with --zdr-org-uuid) and forceLoginMethod to "console" or "claudeai".',
  check(context) {
    const findings: RawFinding[] = [];
    const expected = context.options.zdrOrgUuid?.toLowerCase();
    for (const scope of context.scopes) {
      const org = scope.settings.get('forceLoginOrgUUID');
      if (org !== undefined && expected !== undefined) {
        const values = (Array.isArray(org.value) ? org.value : [org.value]).filter(
          (v) => typeof v === 'string',
        );
        if (!values.some((v) => v.trim().toLowerCase() === expected)) {
          findings.push({
            ruleId: 'ZDR005',
            ...org.location,
            scope: scope.id,
            message: `forceLoginOrgUUID does not contain the ZDR organisation ${context.options.zdrOrgUuid}.`,
            fix: `Set \`"forceLoginOrgUUID": "${context.options.zdrOrgUuid}"\` in \`${org.location.file}\`.`,
          });
        }
      }
      const method = scope.settings.get('forceLoginMethod');
      if (method !== undefined && !(typeof method.value === 'string' && ZDR_METHODS.includes(method.value))) {
        findings.push({
          ruleId: 'ZDR005',
          ...method.location,
          scope: scope.id,
          message: `forceLoginMethod is ${JSON.stringify(method.value)}; only "console" or "claudeai" log in to an Anthropic organisation directly.`,
          fix: `Set \`"forceLoginMethod": "console"\` (or "claudeai" for Claude Enterprise) in \`${method.location.file}\`.`,
        });
      }
    }
    return findings;
  },
};
