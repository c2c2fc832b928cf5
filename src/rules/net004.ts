// The "How is Claude doing?" session survey is non-essential traffic, on with every provider. It stops with
// CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY=1, DISABLE_TELEMETRY, DO_NOT_TRACK, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC
// (docs: data-usage "Session quality surveys"), or feedbackSurveyRate 0 (settings-reference).
// Reported only where NET001 is not: there the umbrella variable NET001 asks for stops surveys too.
import type { RawFinding } from '../model.js';
import { setVariableFix } from '../scope/scope.js';
import { surveys } from './nonessential.js';
import type { Rule } from './types.js';

export const NET004: Rule = {
  id: 'NET004',
  title: 'Session quality surveys stay on',
  policies: ['nonessential-traffic'],
  severity: 'notice',
  rationale:
    'Claude Code asks "How is Claude doing?" and sends the rating, with an optional transcript upload kept up to 6 months, unless CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY, DISABLE_TELEMETRY, DO_NOT_TRACK or CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is set (docs: data-usage). Third-party providers do not turn surveys off.',
  remediation: 'Set "CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY": "1" (or the umbrella variable) under env.',
  coveredBy: 'NET001',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const state = surveys(scope);
      if (state === 'off') continue;
      findings.push({
        ruleId: 'NET004',
        ...scope.anchor,
        scope: scope.id,
        message:
          state === 'unknown'
            ? 'Whether session quality surveys are off depends on a value that cannot be verified statically.'
            : 'Session quality surveys stay on: nothing sets CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY, DISABLE_TELEMETRY or the umbrella variable.',
        fix: setVariableFix(scope, 'CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY'),
      });
    }
    return findings;
  },
};
