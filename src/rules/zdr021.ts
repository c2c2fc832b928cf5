// TypeScript's Agent SDK `options.env` replaces the environment of the Claude Code process instead of adding to
// it: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC set for the job or the machine is dropped unless `env` carries it
// (or spreads process.env). Source: Agent SDK TypeScript reference; reference §7.8 (cherry-studio#18433).
import { UMBRELLA } from '../parse/code/features.js';
import { codeSites } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR021: Rule = {
  id: 'ZDR021',
  title: 'Agent SDK env drops the non-essential traffic switch',
  policies: ['zdr', 'nonessential-traffic'],
  severity: 'warning',
  rationale:
    'In TypeScript, `options.env` is the whole environment of the Claude Code process the Agent SDK starts: a CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC set in the shell, the CI job or the container does not reach it, so telemetry, error reporting and other non-essential traffic come back on unless the settings the session loads turn them off. Source: Agent SDK TypeScript reference (options.env replaces the inherited environment).',
  remediation: `Add \`${UMBRELLA}: '1'\` to the env object (or spread process.env into it).`,
  check(context) {
    return codeSites(context, 'agent-env-umbrella').map(({ file, site }) => ({
      ruleId: 'ZDR021',
      file: file.source.path,
      ...site.span,
      scope: null,
      message: `This Agent SDK \`env\` replaces the whole environment of Claude Code and does not set ${UMBRELLA}: a value set for the job or the machine is dropped, and non-essential traffic is back on unless the loaded settings turn it off.`,
      fix: `Add \`${UMBRELLA}: '1'\` to the \`env\` object in \`${file.source.path}\` line ${site.span.line}.`,
    }));
  },
};
