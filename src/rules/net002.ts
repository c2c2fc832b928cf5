// Background auto-update checks are non-essential traffic. They stop with CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC,
// DISABLE_AUTOUPDATER=1 or DISABLE_UPDATES=1 (docs: env-vars); a third-party provider does not stop them.
// Reported only where NET001 is not: there the umbrella variable NET001 asks for stops update checks too.
import { NONESSENTIAL } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { assignment, setVariableFix } from '../scope/scope.js';
import { emptiedUmbrella, UPDATE_SWITCHES, updateChecks } from './nonessential.js';
import type { Rule } from './types.js';

export const NET002: Rule = {
  id: 'NET002',
  title: 'Auto-update checks stay on',
  policies: ['nonessential-traffic'],
  severity: 'warning',
  rationale:
    'Claude Code checks for and downloads updates in the background unless CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, DISABLE_AUTOUPDATER or DISABLE_UPDATES is set (docs: env-vars). DISABLE_AUTOUPDATER is a standard boolean: "0" or "false" leave updates on.',
  remediation:
    'Set "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" (which also stops update checks) or "DISABLE_AUTOUPDATER": "1" under env.',
  coveredBy: 'NET001',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const state = updateChecks(scope);
      if (state === 'off') continue;
      const misleading = UPDATE_SWITCHES.map((name) => scope.env.get(name)).find(
        (v) => v !== undefined && !v.unknown,
      );
      const emptied = emptiedUmbrella(scope);
      const where = misleading?.location ?? emptied?.location ?? scope.anchor;
      const message =
        state === 'unknown'
          ? 'Whether auto-update checks are off depends on a value that cannot be verified statically.'
          : misleading !== undefined
            ? `Auto-update checks stay on: ${misleading.name} is ${JSON.stringify(misleading.value)}, which Claude Code reads as off; nothing else disables updates.`
            : emptied !== undefined
              ? `Auto-update checks stay on: ${NONESSENTIAL} is set to an empty string here, which unsets it, and DISABLE_AUTOUPDATER is not set.`
              : `Auto-update checks stay on: neither ${NONESSENTIAL} nor DISABLE_AUTOUPDATER is set.`;
      const fix =
        misleading !== undefined
          ? `Set \`${assignment(scope, misleading.name, '1')}\` on line ${misleading.location.line} of \`${misleading.location.file}\`.`
          : emptied !== undefined
            ? `Set ${NONESSENTIAL} to "1" on line ${emptied.location.line} of \`${emptied.location.file}\` (an empty string unsets it).`
            : setVariableFix(scope, 'DISABLE_AUTOUPDATER');
      findings.push({
        ruleId: 'NET002',
        ...where,
        scope: scope.id,
        message,
        fix,
      });
    }
    return findings;
  },
};
