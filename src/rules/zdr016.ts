// Managed Agents (agents, sessions, environments, memory stores, vaults) keep their state server-side and are not eligible for ZDR.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR016: Rule = {
  id: 'ZDR016',
  title: 'Code uses Managed Agents',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'managed-agents',
    'Managed Agents (agents, sessions, environments, memory stores, vaults) keep their state server-side and are not eligible for ZDR.',
  ),
  remediation: 'Run the agent loop yourself on the Messages API, or with the Agent SDK on your own machines.',
  check: (context) => featureFindings('ZDR016', context, 'managed-agents'),
};
