// Anthropic's Zero Data Retention covers the Claude API only; Bedrock, Vertex AI and Foundry traffic is governed
// by those platforms' terms, and Claude Platform on AWS has ZDR only on request
// (docs: api-and-data-retention "ZDR covers"; zero-data-retention "applies only to Anthropic's direct platform").
import { PROVIDER_NAMES, PROVIDER_VARIABLES, stateOf } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

export const ZDR001: Rule = {
  id: 'ZDR001',
  title: 'A third-party provider is selected',
  policies: ['zdr'],
  severity: 'error',
  rationale:
    'Zero Data Retention is an Anthropic arrangement for the Claude API. Selecting Amazon Bedrock, Google Vertex AI, Microsoft Foundry or Bedrock Mantle sends every prompt to a platform that Anthropic ZDR does not cover; Claude Platform on AWS offers ZDR only on request (docs: api-and-data-retention, zero-data-retention).',
  remediation:
    'Remove the CLAUDE_CODE_USE_* variable (or the use_bedrock/use_vertex/use_foundry input) so Claude Code uses the Claude API with your ZDR organisation.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      for (const name of PROVIDER_VARIABLES) {
        const state = stateOf(environment.env, name);
        if (state === 'off') continue;
        const value = environment.env.get(name)!;
        const provider = PROVIDER_NAMES[name];
        const onRequest = name === 'CLAUDE_CODE_USE_ANTHROPIC_AWS';
        findings.push({
          ruleId: 'ZDR001',
          ...value.location,
          scope: environment.scope?.id ?? null,
          ...(state === 'unknown' || onRequest ? { severity: 'warning' as const } : {}),
          message:
            state === 'unknown'
              ? `${name} is set from a value that cannot be verified statically; if it is on, Claude Code uses ${provider}, outside Anthropic ZDR.`
              : onRequest
                ? `${name} selects ${provider}, where ZDR is available only on request: confirm it is enabled for your organisation.`
                : `${name} selects ${provider}: its traffic is not covered by Anthropic Zero Data Retention.`,
          fix:
            value.writtenAs !== undefined
              ? `Remove \`${value.writtenAs}\` from the step's \`with:\` in \`${value.location.file}\` so Claude Code uses the Claude API.`
              : `Remove ${name} from \`${value.location.file}\` so Claude Code uses the Claude API.`,
        });
      }
    }
    return findings;
  },
};
