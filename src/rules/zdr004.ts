// ZDR applies only to requests that authenticate into the ZDR organisation; deploy forceLoginOrgUUID (with
// forceLoginMethod) as MANAGED settings, the only place it is enforced — elsewhere a single UUID only
// pre-selects the organisation (docs: zero-data-retention "Routing traffic"; settings-reference forceLoginOrgUUID).
import type { RawFinding } from '../model.js';
import { missingSettingLocation } from '../scope/scope.js';
import type { Rule } from './types.js';

export const ZDR004: Rule = {
  id: 'ZDR004',
  title: 'Login is not pinned to an organisation',
  policies: ['zdr'],
  severity: 'warning',
  rationale:
    "Zero Data Retention covers only sessions that log in to the ZDR organisation; a personal account or another organisation's key is not covered. forceLoginOrgUUID pins the organisation, but only managed settings enforce it: in a project or user file it merely pre-selects (docs: zero-data-retention, settings-reference).",
  remediation:
    'Deploy "forceLoginOrgUUID": "<your ZDR organisation UUID>" and "forceLoginMethod": "console" (or "claudeai") in managed-settings.json.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const pinned = scope.settings.get('forceLoginOrgUUID');
      const uuid = context.options.zdrOrgUuid ?? '<your ZDR organisation UUID>';
      if (pinned === undefined) {
        findings.push({
          ruleId: 'ZDR004',
          ...missingSettingLocation(scope),
          scope: scope.id,
          message:
            scope.kind === 'managed'
              ? 'Login is not pinned to an organisation: forceLoginOrgUUID is not set, so sessions may use accounts outside your ZDR organisation.'
              : 'Login is not pinned to an organisation: forceLoginOrgUUID is not set here, and only managed settings can enforce it.',
          fix:
            scope.kind === 'managed'
              ? `Add \`"forceLoginOrgUUID": "${uuid}"\` to \`${scope.fix?.file ?? 'managed-settings.json'}\`.`
              : `Deploy \`"forceLoginOrgUUID": "${uuid}"\` in managed-settings.json through your device management (a project file cannot enforce it).`,
        });
      } else if (!pinned.managed) {
        findings.push({
          ruleId: 'ZDR004',
          ...pinned.location,
          scope: scope.id,
          severity: 'notice',
          message:
            'forceLoginOrgUUID is set outside managed settings, where it only pre-selects the organisation and is not enforced.',
          fix: `Deploy \`"forceLoginOrgUUID"\` in managed-settings.json through your device management; keeping it in \`${pinned.location.file}\` is harmless.`,
        });
      }
    }
    return findings;
  },
};
