// With metrics logging on, "productivity data (such as usage statistics) is exempted from ZDR and may be retained"
// (docs: api-and-data-retention FAQ "Is Claude Code eligible for ZDR?"). CLAUDE_CODE_ENABLE_TELEMETRY=1 turns on
// OpenTelemetry export (docs: monitoring-usage).
import { stateOf } from '../scope/env.js';
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
    'CLAUDE_CODE_ENABLE_TELEMETRY=1 turns on OpenTelemetry metrics and events. Anthropic states that with metrics logging enabled, productivity data such as usage statistics is exempt from Zero Data Retention and may be retained (docs: api-and-data-retention, monitoring-usage).',
  remediation: 'Remove CLAUDE_CODE_ENABLE_TELEMETRY or set it to "0".',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      const state = stateOf(environment.env, NAME);
      if (state === 'off') continue;
      const value = environment.env.get(NAME)!;
      findings.push({
        ruleId: 'ZDR002',
        ...value.location,
        scope: environment.scope?.id ?? null,
        ...(state === 'unknown' ? { severity: 'warning' as const } : {}),
        message:
          state === 'unknown'
            ? `${NAME} is set from a value that cannot be verified statically; if it is on, productivity data is exempt from ZDR.`
            : `${NAME} turns on metrics logging: productivity data is exempt from ZDR and may be retained.`,
        fix: `Remove ${NAME} from \`${value.location.file}\` (or set it to "0").`,
      });
    }
    return findings;
  },
};
