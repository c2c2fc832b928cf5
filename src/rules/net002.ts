// Background auto-update checks are non-essential traffic. They stop with CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC,
// DISABLE_AUTOUPDATER=1 or DISABLE_UPDATES=1 (docs: env-vars); a third-party provider does not stop them.
import { anyOn, NONESSENTIAL, stateOf } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { assignment } from '../scope/scope.js';
import type { Rule } from './types.js';

const SWITCHES = ['DISABLE_AUTOUPDATER', 'DISABLE_UPDATES'];

export const NET002: Rule = {
  id: 'NET002',
  title: 'Auto-update checks stay on',
  policies: ['nonessential-traffic'],
  severity: 'warning',
  rationale:
    'Claude Code checks for and downloads updates in the background unless CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, DISABLE_AUTOUPDATER or DISABLE_UPDATES is set (docs: env-vars). DISABLE_AUTOUPDATER is a standard boolean: "0" or "false" leave updates on.',
  remediation:
    'Set "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" (which also stops update checks) or "DISABLE_AUTOUPDATER": "1" under env.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const state = anyOn([NONESSENTIAL, ...SWITCHES].map((name) => stateOf(scope.env, name)));
      if (state === 'on') continue;
      const misleading = SWITCHES.map((name) => scope.env.get(name)).find(
        (v) => v !== undefined && !v.unknown,
      );
      const where = misleading?.location ?? scope.anchor;
      const message =
        state === 'unknown'
          ? 'Whether auto-update checks are off depends on a value that cannot be verified statically.'
          : misleading !== undefined
            ? `Auto-update checks stay on: ${misleading.name} is ${JSON.stringify(misleading.value)}, which Claude Code reads as off; nothing else disables updates.`
            : `Auto-update checks stay on: neither ${NONESSENTIAL} nor DISABLE_AUTOUPDATER is set.`;
      const target =
        misleading !== undefined ? `in \`${misleading.location.file}\`` : (scope.fix?.where ?? '');
      findings.push({
        ruleId: 'NET002',
        ...where,
        scope: scope.id,
        ...(state === 'unknown' ? { severity: 'warning' as const } : {}),
        message,
        fix: `Set \`${assignment(scope, misleading?.name ?? 'DISABLE_AUTOUPDATER', '1')}\` ${target}, or set ${NONESSENTIAL} which also stops update checks.`,
      });
    }
    return findings;
  },
};
