// MCP tunnels carry traffic between Anthropic and your MCP servers and are not eligible for ZDR.
// Source: Claude API docs, "API and data retention"; reference/zdr-api-features.md.
import { featureFindings, featureRationale } from './code-sites.js';
import type { Rule } from './types.js';

export const ZDR015: Rule = {
  id: 'ZDR015',
  title: 'Code opens MCP tunnels',
  policies: ['zdr'],
  severity: 'error',
  rationale: featureRationale(
    'mcp-tunnels',
    'MCP tunnels carry traffic between Anthropic and your MCP servers and are not eligible for ZDR.',
  ),
  remediation: 'Call the MCP server from your own code and pass its results back as client tool results.',
  check: (context) => featureFindings('ZDR015', context, 'mcp-tunnels'),
};
