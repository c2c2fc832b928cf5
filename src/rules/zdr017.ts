// The web search and web fetch tool versions from 2026-02-09 filter results in a code execution container unless allowed_callers is ["direct"]; that filtering is not eligible for ZDR.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR017: Rule = {
  id: 'ZDR017',
  title: 'Web search or fetch with dynamic filtering',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'web-dynamic-filtering',
    'The web search and web fetch tool versions from 2026-02-09 filter results in a code execution container unless allowed_callers is ["direct"]; that filtering is not eligible for ZDR.',
  ),
  remediation:
    'Add allowed_callers: ["direct"] to the tool, or use web_search_20250305 / web_fetch_20250910.',
  check: (context) => featureFindings('ZDR017', context, 'web-dynamic-filtering'),
};
