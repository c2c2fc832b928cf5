// Message Batches store requests and results so they can be processed asynchronously.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR010: Rule = {
  id: 'ZDR010',
  title: 'Code calls the Message Batches API',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'batches',
    'Message Batches store requests and results so they can be processed asynchronously.',
  ),
  remediation:
    'Send each request to the Messages API synchronously, or delete each batch as soon as its results are read.',
  check: (context) => featureFindings('ZDR010', context, 'batches'),
};
