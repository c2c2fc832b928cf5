// ANTHROPIC_BASE_URL and the provider base URLs send every request to the host they name. A gateway or proxy
// that is not Anthropic's API sees and may keep all traffic, outside ZDR (docs: env-vars, network-config).
import { BASE_URL_VARIABLES } from '../scope/env.js';
import type { RawFinding } from '../model.js';
import { redactUrl } from '../redact.js';
import { environments } from './environments.js';
import type { Rule } from './types.js';

const FIRST_PARTY = 'https://api.anthropic.com';

/** Whether `value` is the first-party API or starts with one of the allowed base URLs (same origin, path prefix). */
export function isAllowedBaseUrl(value: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  return [FIRST_PARTY, ...allowed].some((entry) => {
    let base: URL;
    try {
      base = new URL(entry);
    } catch {
      return false;
    }
    // A URL without a host (`localhost:8080` reads as scheme `localhost:`) has the opaque origin "null", which
    // names no server: it matches nothing, not every other such URL.
    if (url.origin === 'null' || url.origin !== base.origin) return false;
    const prefix = base.pathname.replace(/\/+$/, '');
    return prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  });
}

export const ZDR006: Rule = {
  id: 'ZDR006',
  title: 'API traffic goes through a host outside ZDR',
  policies: ['zdr'],
  severity: 'warning',
  rationale:
    'A base URL override routes every prompt and response through the host it names. Unless that host is api.anthropic.com or a gateway your organisation operates and has allowed, the traffic passes a party that Zero Data Retention does not bind (docs: env-vars ANTHROPIC_BASE_URL, network-config).',
  remediation:
    'Remove the base URL override, or allow your own gateway with --allowed-base-url (allowed-base-urls in the config file).',
  check(context) {
    const findings: RawFinding[] = [];
    for (const environment of environments(context)) {
      for (const name of BASE_URL_VARIABLES) {
        const value = environment.env.get(name);
        if (value === undefined || value.value.trim() === '') continue;
        if (!value.unknown && isAllowedBaseUrl(value.value, context.options.allowedBaseUrls)) continue;
        findings.push({
          ruleId: 'ZDR006',
          ...value.location,
          scope: environment.scope?.id ?? null,
          message: value.unknown
            ? `${name} is set from a value that cannot be verified statically; API traffic may pass a host outside ZDR.`
            : `${name} sends API traffic to ${redactUrl(value.value)}, which is neither https://api.anthropic.com nor an allowed base URL.`,
          fix: `Remove ${name} from \`${value.location.file}\`, or, if your organisation operates that gateway under ZDR, allow it with \`--allowed-base-url\` (\`allowed-base-urls\` in the config file or the Action).`,
        });
      }
    }
    return findings;
  },
};
