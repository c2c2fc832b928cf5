// Presence-only variables are on for ANY non-empty value: "0" and "false" still disable traffic (docs: env-vars,
// note under "Variables"; anthropics/claude-code#29134). A file that reads "off" but acts "on" misleads its
// reviewers, and the next person to "fix" it by deleting the line turns traffic back on.
import { looksLikeOff, NONESSENTIAL } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

/** The presence-only variables that control traffic; the others (IS_DEMO, …) are not this policy's business. */
const TRAFFIC_SWITCHES = new Set([NONESSENTIAL, 'DISABLE_TELEMETRY', 'DISABLE_ERROR_REPORTING']);

export const NET003: Rule = {
  id: 'NET003',
  title: 'A presence-only variable reads as off but is on',
  policies: ['nonessential-traffic'],
  severity: 'warning',
  rationale:
    'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, DISABLE_TELEMETRY and DISABLE_ERROR_REPORTING are on for any non-empty value, "0" and "false" included (docs: env-vars). A value such as "0" looks like it turns the switch off, yet Claude Code treats it as set.',
  remediation: 'Write "1". To turn the switch off, remove the variable instead of setting it to "0".',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      for (const value of environment.env.values()) {
        if (!TRAFFIC_SWITCHES.has(value.name) || value.unknown || !looksLikeOff(value.value)) continue;
        findings.push({
          ruleId: 'NET003',
          ...value.location,
          scope: environment.scope?.id ?? null,
          message: `${value.name} is ${JSON.stringify(value.value)}, which Claude Code treats as set (any non-empty value turns it on).`,
          fix: `Change the value of ${value.name} to "1" in \`${value.location.file}\`.`,
        });
      }
    }
    return findings;
  },
};
