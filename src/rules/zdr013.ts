// The code execution tool (and programmatic tool calling, which runs in its container) keeps the container and its files for up to 30 days.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR013: Rule = {
  id: 'ZDR013',
  title: 'Code enables server-side code execution',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'code-execution',
    'The code execution tool (and programmatic tool calling, which runs in its container) keeps the container and its files for up to 30 days.',
  ),
  remediation:
    'Run code on your side with a client tool (bash and text editor are eligible) and let Claude call tools directly.',
  check: (context) => featureFindings('ZDR013', context, 'code-execution'),
};
