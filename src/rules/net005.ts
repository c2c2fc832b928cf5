// Before each WebFetch, Claude Code sends the hostname to api.anthropic.com to check it against a blocklist.
// CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC does not stop it; `skipWebFetchPreflight: true` does, and so does
// denying WebFetch (reference §3.1, §7.4; docs: env-vars, settings-reference "skipWebFetchPreflight").
import type { RawFinding } from '../model.js';
import { missingSettingLocation } from '../scope/scope.js';
import type { Scope } from '../scope/scope-model.js';
import type { Rule } from './types.js';

const KEY = 'skipWebFetchPreflight';

/** WebFetch denied as a whole (`"WebFetch"` in permissions.deny): no fetch, no preflight. */
function webFetchDenied(scope: Scope): boolean {
  const permissions = scope.settings.get('permissions')?.value;
  if (typeof permissions !== 'object' || permissions === null || Array.isArray(permissions)) return false;
  const deny = (permissions as { deny?: unknown }).deny;
  return Array.isArray(deny) && deny.includes('WebFetch');
}

function where(scope: Scope): string {
  if (scope.fix?.syntax === 'json' && scope.kind !== 'container') return `to \`${scope.fix.file}\``;
  return 'to the settings file Claude Code reads there (.claude/settings.json, or managed settings)';
}

export const NET005: Rule = {
  id: 'NET005',
  title: 'WebFetch preflight checks stay on',
  policies: ['nonessential-traffic'],
  severity: 'notice',
  rationale:
    'Before fetching a page, Claude Code sends its hostname to api.anthropic.com to check it against a blocklist. CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC does not turn this off; the settings key skipWebFetchPreflight: true does, and a WebFetch deny rule removes the tool (docs: env-vars, settings-reference). With the preflight off, the blocklist check is skipped too: weigh that before you turn it off.',
  remediation:
    'Add "skipWebFetchPreflight": true to the settings file, or deny WebFetch in permissions.deny.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const setting = scope.settings.get(KEY);
      if (setting?.value === true || webFetchDenied(scope)) continue;
      const location = setting !== undefined ? setting.location : missingSettingLocation(scope);
      findings.push({
        ruleId: 'NET005',
        ...location,
        scope: scope.id,
        message:
          setting !== undefined
            ? `${KEY} is ${JSON.stringify(setting.value)}: Claude Code sends each WebFetch hostname to api.anthropic.com first; the umbrella variable does not stop it.`
            : `Claude Code sends each WebFetch hostname to api.anthropic.com first: nothing sets ${KEY}, and the umbrella variable does not stop it.`,
        fix:
          setting !== undefined
            ? `Set "${KEY}" to true on line ${setting.location.line} of \`${setting.location.file}\`.`
            : `Add \`"${KEY}": true\` ${where(scope)}, or add "WebFetch" to permissions.deny.`,
      });
    }
    return findings;
  },
};
