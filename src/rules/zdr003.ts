// OTEL_LOG_USER_PROMPTS, OTEL_LOG_ASSISTANT_RESPONSES, OTEL_LOG_TOOL_CONTENT, OTEL_LOG_TOOL_DETAILS and
// OTEL_LOG_RAW_API_BODIES put conversation content into exported logs (docs: monitoring-usage). With OTel
// off (CLAUDE_CODE_ENABLE_TELEMETRY unset) they export nothing yet: a latent leak, reported as a warning. Since
// 2.1.282 (OTEL_LOG_RAW_API_BODIES: 2.1.251) project and local settings cannot turn them on (§7.1).
import { OTEL_CONTENT_VARIABLES, switchValue } from '../scope/env.js';
import { effectiveState, effectiveValues } from '../scope/project-env.js';
import { pinAdvice } from '../scope/versions.js';
import type { RawFinding } from '../model.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

/** OTEL_LOG_RAW_API_BODIES takes `1` or `file:<dir>` (docs: monitoring-usage). */
function contentState(name: string, value: string, unknown: boolean) {
  if (name === 'OTEL_LOG_RAW_API_BODIES' && !unknown && value.trim().toLowerCase().startsWith('file:'))
    return 'on';
  return switchValue(name, value, unknown);
}

export const ZDR003: Rule = {
  id: 'ZDR003',
  title: 'Conversation content is exported',
  policies: ['zdr'],
  severity: 'error',
  rationale:
    'The OTEL_LOG_* content switches copy prompts, responses, tool input and output, or whole API bodies into OpenTelemetry logs, to a collector outside Zero Data Retention (docs: monitoring-usage). They export only while CLAUDE_CODE_ENABLE_TELEMETRY is on; set alone they are a latent leak that the next change switches on. Claude Code 2.1.282 and later (2.1.251 for OTEL_LOG_RAW_API_BODIES) ignore them in .claude/settings.json and .claude/settings.local.json, except "0", which still turns a switch off there.',
  remediation: 'Remove the OTEL_LOG_* content variables.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      const versions = environment.scope?.versions;
      const otel = effectiveState(environment.env, 'CLAUDE_CODE_ENABLE_TELEMETRY', versions);
      for (const name of OTEL_CONTENT_VARIABLES) {
        for (const { value, until } of effectiveValues(environment.env, name, versions)) {
          const state = contentState(name, value.value, value.unknown);
          if (state === 'off') continue;
          const latent = otel === 'off';
          const unverified = state === 'unknown' || otel === 'unknown';
          const note = until === undefined ? '' : ` ${pinAdvice(until)}`;
          findings.push({
            ruleId: 'ZDR003',
            ...value.location,
            scope: environment.scope?.id ?? null,
            ...(latent || unverified ? { severity: 'warning' as const } : {}),
            message:
              (latent
                ? `${name} would export conversation content as soon as CLAUDE_CODE_ENABLE_TELEMETRY is turned on.`
                : unverified
                  ? `${name} may export conversation content to an OpenTelemetry collector; its effect cannot be verified statically.`
                  : `${name} exports conversation content to an OpenTelemetry collector, outside Zero Data Retention.`) +
              note,
            fix: `Remove ${name} from \`${value.location.file}\`.`,
          });
        }
      }
    }
    return findings;
  },
};
