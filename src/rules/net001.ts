// Telemetry, error reports and /bug·/feedback transcripts (kept 5 years) leave the machine unless something
// turns them off: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, a third-party provider (where they are off by
// default), or each service's own switch (docs: data-usage "Default behaviors by API provider", env-vars).
import { anyOn, NONESSENTIAL, PROVIDER_VARIABLES, type SwitchState, stateOf } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { setVariableFix } from '../scope/scope.js';
import { listWords } from './phrases.js';
import type { Rule } from './types.js';

const SERVICES = [
  { name: 'usage telemetry', switches: ['DISABLE_TELEMETRY', 'DO_NOT_TRACK'] },
  { name: 'error reports', switches: ['DISABLE_ERROR_REPORTING'] },
  { name: '/bug·/feedback transcripts', switches: ['DISABLE_FEEDBACK_COMMAND', 'DISABLE_BUG_COMMAND'] },
] as const;

export const NET001: Rule = {
  id: 'NET001',
  title: 'Non-essential traffic is not disabled',
  policies: ['nonessential-traffic', 'zdr'],
  severity: 'error',
  rationale:
    'Unless CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is set (any non-empty value), Claude Code on the Claude API sends usage telemetry, error reports and lets users share whole transcripts with /bug or /feedback, which Anthropic keeps for 5 years (docs: data-usage, env-vars). Only a settings file guarantees the variable: Claude Code does not read .env files. The variable also stops Claude-drafted feedback (the SendFeedback tool), release notes, PR status badge checks, fast-mode availability checks, background plugin command sources and feature-flag fetching; it does not stop gateway model discovery (NET006), the official-marketplace auto-install or the WebFetch preflight (NET005). DISABLE_BUG_COMMAND is the old name of DISABLE_FEEDBACK_COMMAND.',
  remediation:
    'Set "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env in the shared settings file (.claude/settings.json, or managed-settings.json for a fleet).',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const env = scope.env;
      const umbrella = stateOf(env, NONESSENTIAL);
      const provider = anyOn(PROVIDER_VARIABLES.map((name) => stateOf(env, name)));
      const states: { name: string; state: SwitchState }[] = SERVICES.map((service) => {
        const own = anyOn(service.switches.map((name) => stateOf(env, name)));
        const off = anyOn([umbrella, provider, own]);
        return { name: service.name, state: off === 'on' ? 'off' : off === 'unknown' ? 'unknown' : 'on' };
      });
      const on = states.filter((s) => s.state === 'on').map((s) => s.name);
      const unknown = states.filter((s) => s.state === 'unknown').map((s) => s.name);
      if (on.length === 0 && unknown.length === 0) continue;
      const unset = env.get(NONESSENTIAL);
      const emptied = unset !== undefined && unset.value === '' ? unset : undefined;
      const where = emptied?.location ?? scope.anchor;
      const because = emptied
        ? `${NONESSENTIAL} is set to an empty string here, which unsets it`
        : `${NONESSENTIAL} is not set`;
      const fix = emptied
        ? `Set ${NONESSENTIAL} to "1" on line ${emptied.location.line} of \`${emptied.location.file}\` (an empty string unsets it).`
        : setVariableFix(scope, NONESSENTIAL);
      if (on.length > 0) {
        findings.push({
          ruleId: 'NET001',
          ...where,
          scope: scope.id,
          message: `Claude Code still sends ${listWords(on)}: ${because}.`,
          fix,
        });
      } else {
        findings.push({
          ruleId: 'NET001',
          ...where,
          scope: scope.id,
          severity: 'warning',
          message: `Whether Claude Code sends ${listWords(unknown)} depends on a value that cannot be verified statically.`,
          fix,
        });
      }
    }
    return findings;
  },
};
