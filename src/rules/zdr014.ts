// The MCP connector sends requests to remote MCP servers from Anthropic's side and is not eligible for ZDR.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR014: Rule = {
  id: 'ZDR014',
  title: 'Code uses the MCP connector',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'mcp-connector',
    "The MCP connector sends requests to remote MCP servers from Anthropic's side and is not eligible for ZDR.",
  ),
  remediation: 'Call the MCP server from your own code and pass its results back as client tool results.',
  check: (context) => featureFindings('ZDR014', context, 'mcp-connector'),
};
