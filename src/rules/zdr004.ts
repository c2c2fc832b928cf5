// ZDR applies only to requests that authenticate into the ZDR organisation; deploy forceLoginOrgUUID (with
// forceLoginMethod) as MANAGED settings, the only place it is enforced — elsewhere a single UUID only
// pre-selects the organisation (docs: zero-data-retention "Routing traffic"; settings-reference forceLoginOrgUUID).
// Reported in managed scopes only: no change to a project, workflow or container can pin login, so there the
// report carries one note instead (ZDR_LOGIN_NOTE), not a finding per scope.
import type { RawFinding } from '../model.js';
import { missingSettingLocation } from '../scope/scope.js';
import type { Rule } from './types.js';

/** The report's note under `zdr` when scopes other than managed ones are checked. */
export const ZDR_LOGIN_NOTE =
  'Not verifiable from a repository: Zero Data Retention also needs login pinned to your ZDR organisation (forceLoginOrgUUID) through managed settings deployed by device management; only managed-settings.json files in the repository are checked for it (ZDR004).';

export const ZDR004: Rule = {
  id: 'ZDR004',
  title: 'Login is not pinned to an organisation',
  policies: ['zdr'],
  severity: 'warning',
  rationale:
    "Zero Data Retention covers only sessions that log in to the ZDR organisation; a personal account or another organisation's key is not covered. forceLoginOrgUUID pins the organisation, but only managed settings enforce it: in a project or user file it merely pre-selects (docs: zero-data-retention, settings-reference). It is therefore checked in managed-settings.json only; elsewhere the report carries a note.",
  remediation:
    'Deploy "forceLoginOrgUUID": "<your ZDR organisation UUID>" and "forceLoginMethod": "console" (or "claudeai") in managed-settings.json.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      if (scope.kind !== 'managed') continue;
      if (scope.settings.get('forceLoginOrgUUID') !== undefined) continue;
      const uuid = context.options.zdrOrgUuid ?? '<your ZDR organisation UUID>';
      findings.push({
        ruleId: 'ZDR004',
        ...missingSettingLocation(scope),
        scope: scope.id,
        message:
          'Login is not pinned to an organisation: forceLoginOrgUUID is not set, so sessions may use accounts outside your ZDR organisation.',
        fix: `Add \`"forceLoginOrgUUID": "${uuid}"\` to \`${scope.fix?.file ?? 'managed-settings.json'}\`.`,
      });
    }
    return findings;
  },
};
