// With metrics logging on, "productivity data (such as usage statistics) is exempted from ZDR and may be retained"
// (docs: api-and-data-retention FAQ "Is Claude Code eligible for ZDR?"). CLAUDE_CODE_ENABLE_TELEMETRY=1 turns on
// OpenTelemetry export (docs: monitoring-usage). Since 2.1.282 project and local settings cannot set it (§7.1).
import { switchValue } from '../scope/env.js';
import { effectiveValues } from '../scope/project-env.js';
import { pinAdvice } from '../scope/versions.js';
import type { RawFinding } from '../model.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

const NAME = 'CLAUDE_CODE_ENABLE_TELEMETRY';

export const ZDR002: Rule = {
  id: 'ZDR002',
  title: 'Metrics logging is on',
  policies: ['zdr'],
  severity: 'error',
  rationale:
    'CLAUDE_CODE_ENABLE_TELEMETRY=1 turns on OpenTelemetry metrics and events. Anthropic states that with metrics logging enabled, productivity data such as usage statistics is exempt from Zero Data Retention and may be retained (docs: api-and-data-retention, monitoring-usage). Claude Code 2.1.282 and later ignore it in .claude/settings.json and .claude/settings.local.json; managed and user settings, --settings and the process environment still set it.',
  remediation: 'Remove CLAUDE_CODE_ENABLE_TELEMETRY or set it to "0".',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      for (const { value, until } of effectiveValues(environment.env, NAME, environment.scope?.versions)) {
        const state = switchValue(NAME, value.value, value.unknown);
        if (state === 'off') continue;
        const note = until === undefined ? '' : ` ${pinAdvice(until)}`;
        findings.push({
          ruleId: 'ZDR002',
          ...value.location,
          scope: environment.scope?.id ?? null,
          ...(state === 'unknown' ? { severity: 'warning' as const } : {}),
          message:
            (state === 'unknown'
              ? `${NAME} is set from a value that cannot be verified statically; if it is on, productivity data is exempt from ZDR.`
              : `${NAME} turns on metrics logging: productivity data is exempt from ZDR and may be retained.`) +
            note,
          fix: `Remove ${NAME} from \`${value.location.file}\` (or set it to "0").`,
        });
      }
    }
    return findings;
  },
};
