// Covered models (Fable 5, Fable 5.1 and their Mythos variants) need 30-day retention: a ZDR organisation gets a 400 unless it enables that retention for the workspace, and then data is kept 30 days.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR018: Rule = {
  id: 'ZDR018',
  title: 'Code requests a covered model',
  policies: ['zdr'],
  severity: 'warning',
  rationale: featureRationale(
    'covered-model',
    'Covered models (Fable 5, Fable 5.1 and their Mythos variants) need 30-day retention: a ZDR organisation gets a 400 unless it enables that retention for the workspace, and then data is kept 30 days.',
  ),
  remediation:
    'Use a model that is not covered, or confirm that your organisation has enabled 30-day retention for this workspace and suppress the finding with that reason.',
  check: (context) => featureFindings('ZDR018', context, 'covered-model'),
};
