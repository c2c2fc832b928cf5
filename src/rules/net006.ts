// Since 2.1.257 gateway model discovery is its own opt-in (CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY), and
// CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC no longer stops it (reference §7.4; docs: env-vars).
import { switchValue } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

const NAME = 'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY';

export const NET006: Rule = {
  id: 'NET006',
  title: 'Gateway model discovery is on',
  policies: ['nonessential-traffic'],
  severity: 'notice',
  rationale:
    'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY=1 makes Claude Code ask the LLM gateway for its model list in the background. Since 2.1.257 it is an opt-in of its own that CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC does not turn off (docs: env-vars).',
  remediation:
    'Remove CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY, or set it to "0", unless the discovery requests are wanted.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      const value = environment.env.get(NAME);
      if (value === undefined) continue;
      const state = switchValue(NAME, value.value, value.unknown);
      if (state === 'off') continue;
      findings.push({
        ruleId: 'NET006',
        ...value.location,
        scope: environment.scope?.id ?? null,
        message:
          state === 'unknown'
            ? `${NAME} is set from a value that cannot be verified statically; if it is on, Claude Code asks the gateway for its models, whatever the umbrella variable says.`
            : `${NAME} turns on gateway model discovery: background requests to the gateway that the umbrella variable does not stop.`,
        fix: `Remove ${NAME} from \`${value.location.file}\` unless the discovery requests are wanted.`,
      });
    }
    return findings;
  },
};
