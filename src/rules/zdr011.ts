// The Files API keeps uploaded files for later requests until they are deleted.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR011: Rule = {
  id: 'ZDR011',
  title: 'Code uploads to the Files API',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'files',
    'The Files API keeps uploaded files for later requests until they are deleted.',
  ),
  remediation:
    'Send content inline in the Messages request, or delete each file as soon as the request that needs it is done.',
  check: (context) => featureFindings('ZDR011', context, 'files'),
};
