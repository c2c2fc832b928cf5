// Code that starts Claude Code through the Agent SDK can turn on, in `options.env` (TypeScript) or `env` (Python),
// what ZDR002/ZDR003 forbid in settings: OTel metrics (exempt from ZDR), an exporter, or content export.
// Source: Agent SDK reference (code.claude.com/docs/en/agent-sdk/); Claude Code monitoring docs; reference §7.8.
import { CONTENT_SWITCHES, TELEMETRY_SWITCH } from '../parse/code/features.js';
import { codeSites } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR020: Rule = {
  id: 'ZDR020',
  title: 'Agent SDK session turns on telemetry or content export',
  policies: ['zdr'],
  severity: 'error',
  rationale:
    "The Agent SDK passes `env` to the Claude Code process it starts, so a variable set there applies to that session whatever the repository's settings say. CLAUDE_CODE_ENABLE_TELEMETRY sends OpenTelemetry metrics (productivity data is exempt from ZDR); the OTEL_LOG_* switches export prompts, responses and tool content; an OTEL_*_EXPORTER sends them somewhere. Source: Agent SDK reference (options.env), Claude Code monitoring and ZDR docs.",
  remediation:
    'Remove the variable from the Agent SDK options, or set it to its off value ("0", or "none" for an exporter).',
  check(context) {
    return codeSites(context, 'agent-env-telemetry').map(({ file, site }) => {
      const variable = site.detail ?? '';
      const what =
        variable === TELEMETRY_SWITCH
          ? 'turns on OpenTelemetry metrics, whose productivity data is exempt from ZDR'
          : CONTENT_SWITCHES.includes(variable)
            ? 'exports conversation content (prompts, responses or tool content) through OpenTelemetry'
            : 'sends OpenTelemetry data to an exporter';
      return {
        ruleId: 'ZDR020',
        file: file.source.path,
        ...site.span,
        scope: null,
        message: `\`${site.what}\` in the Agent SDK options ${what}, for every Claude Code session this code starts.`,
        fix: `Remove \`${variable}\` from the Agent SDK \`env\` in \`${file.source.path}\` line ${site.span.line} (or set it to ${variable.endsWith('_EXPORTER') ? '"none"' : '"0"'}).`,
      };
    });
  },
};
