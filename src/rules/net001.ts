// Telemetry, error reports and /bug·/feedback transcripts (kept 5 years) leave the machine unless something
// turns them off: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, a third-party provider (where they are off by
// default), or each service's own switch (docs: data-usage "Default behaviors by API provider", env-vars).
// The umbrella variable also stops update checks, surveys and release notes: one finding names them all, with the
// one fix, and NET002/NET004 stay silent in its scope (one root cause, one finding).
import { NONESSENTIAL, type SwitchState } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { setVariableFix } from '../scope/scope.js';
import {
  emptiedUmbrella,
  providerServices,
  releaseNotes,
  surveys,
  umbrellaFix,
  updateChecks,
} from './nonessential.js';
import { listWords } from './phrases.js';
import type { Rule } from './types.js';

export const NET001: Rule = {
  id: 'NET001',
  title: 'Non-essential traffic is not disabled',
  policies: ['nonessential-traffic', 'zdr'],
  severity: 'error',
  rationale:
    'Unless CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC is set (any non-empty value), Claude Code on the Claude API sends usage telemetry, error reports and lets users share whole transcripts with /bug, /feedback or Claude-drafted feedback, which Anthropic keeps for 5 years; it also checks for updates, shows surveys and fetches release notes (docs: data-usage, env-vars). Only a settings file guarantees the variable: Claude Code does not read .env files. The variable also stops PR status badge checks, fast-mode availability checks, background plugin command sources and feature-flag fetching; it does not stop gateway model discovery (NET006), the official-marketplace auto-install or the WebFetch preflight (NET005). DISABLE_BUG_COMMAND is the old name of DISABLE_FEEDBACK_COMMAND.',
  remediation:
    'Set "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env in the shared settings file (.claude/settings.json, or managed-settings.json for a fleet).',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const own = providerServices(scope);
      const on = own.filter((s) => s.state === 'on').map((s) => s.name);
      const unknown = own.filter((s) => s.state === 'unknown').map((s) => s.name);
      if (on.length === 0 && unknown.length === 0) continue;
      // What else the same variable would stop, so that the one fix is seen to cover them.
      const also: [string, SwitchState][] = [
        ['update checks', updateChecks(scope)],
        ['surveys', surveys(scope)],
        ['release notes', releaseNotes(scope)],
      ];
      const emptied = emptiedUmbrella(scope);
      const where = emptied?.location ?? scope.anchor;
      const because = emptied
        ? `${NONESSENTIAL} is set to an empty string here, which unsets it`
        : `${NONESSENTIAL} is not set`;
      const fix = umbrellaFix(scope, setVariableFix);
      if (on.length > 0) {
        const all = [...on, ...also.filter(([, state]) => state === 'on').map(([name]) => name)];
        findings.push({
          ruleId: 'NET001',
          ...where,
          scope: scope.id,
          message: `Claude Code still sends ${listWords(all)}: ${because}.`,
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
