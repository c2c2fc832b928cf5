// Claude Code keeps session transcripts in plain text under ~/.claude/projects/ for cleanupPeriodDays (default 30)
// (docs: data-usage "Local caching"; settings-reference cleanupPeriodDays).
import type { RawFinding } from '../model.js';
import { missingSettingLocation } from '../scope/scope.js';
import type { Rule } from './types.js';

/** settings-reference: cleanupPeriodDays defaults to 30. */
const DEFAULT_CLEANUP_DAYS = 30;

export const ZDR007: Rule = {
  id: 'ZDR007',
  title: 'Local transcripts are kept too long',
  policies: ['zdr'],
  severity: 'warning',
  rationale:
    'Claude Code stores every session transcript in plain text on the developer machine for cleanupPeriodDays days (30 by default). Zero Data Retention on the server side means little if full transcripts sit on laptops for a year (docs: data-usage, settings-reference).',
  remediation:
    'Lower cleanupPeriodDays to at most the retention ceiling (--max-retention-days, 30 by default).',
  check(context) {
    const findings: RawFinding[] = [];
    const ceiling = context.options.maxRetentionDays;
    for (const scope of context.scopes) {
      const setting = scope.settings.get('cleanupPeriodDays');
      if (setting === undefined) {
        if (DEFAULT_CLEANUP_DAYS <= ceiling) continue;
        findings.push({
          ruleId: 'ZDR007',
          ...missingSettingLocation(scope),
          scope: scope.id,
          message: `cleanupPeriodDays is not set: Claude Code keeps local transcripts ${DEFAULT_CLEANUP_DAYS} days by default, longer than the ${ceiling}-day ceiling.`,
          fix: `Add \`"cleanupPeriodDays": ${ceiling}\` to \`${scope.fix?.file ?? scope.anchor.file ?? 'the settings file'}\`.`,
        });
        continue;
      }
      if (typeof setting.value !== 'number' || setting.value <= ceiling) continue;
      findings.push({
        ruleId: 'ZDR007',
        ...setting.location,
        scope: scope.id,
        message: `cleanupPeriodDays is ${setting.value}: local transcripts are kept longer than the ${ceiling}-day ceiling.`,
        fix: `Set \`"cleanupPeriodDays": ${ceiling}\` in \`${setting.location.file}\`.`,
      });
    }
    return findings;
  },
};
