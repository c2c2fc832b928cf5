// Agent Skills run in server-side code execution, which stores execution data and uploaded files beyond the response.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR012: Rule = {
  id: 'ZDR012',
  title: 'Code uses Agent Skills',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'skills',
    'Agent Skills run in server-side code execution, which stores execution data and uploaded files beyond the response.',
  ),
  remediation: 'Give the instructions in the system prompt and run tools on your side.',
  check: (context) => featureFindings('ZDR012', context, 'skills'),
};
