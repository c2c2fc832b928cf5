// Cross-origin (CORS) browser calls are not supported for organisations with ZDR arrangements.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR019: Rule = {
  id: 'ZDR019',
  title: 'Code calls the API from a browser',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'browser-access',
    'Cross-origin (CORS) browser calls are not supported for organisations with ZDR arrangements.',
  ),
  remediation: 'Call the API from your server and let the browser talk to your server.',
  check: (context) => featureFindings('ZDR019', context, 'browser-access'),
};
