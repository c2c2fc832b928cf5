// Zero Data Retention does not cover third-party tools and MCP servers (docs: zero-data-retention "does not
// cover"). Project MCP servers come from .mcp.json; enableAllProjectMcpServers approves them all unasked.
import type { RawFinding } from '../model.js';
import { keySpan } from '../parse/json.js';
import { FIRST_LINE } from '../discover/source.js';
import type { Rule } from './types.js';

export const ZDR008: Rule = {
  id: 'ZDR008',
  title: 'Third-party MCP traffic is outside ZDR',
  policies: ['zdr'],
  severity: 'notice',
  rationale:
    'MCP servers receive whatever Claude Code sends them, under their own retention terms: Zero Data Retention does not extend to third-party tools and MCP servers (docs: zero-data-retention). enableAllProjectMcpServers approves every server in .mcp.json without asking.',
  remediation:
    'Review each MCP server: keep only those your organisation has cleared, list them in enabledMcpjsonServers, and remove enableAllProjectMcpServers.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const scope of context.scopes) {
      const all = scope.settings.get('enableAllProjectMcpServers');
      if (all?.value !== true) continue;
      // claude-code-action writes enableAllProjectMcpServers: true into the runner's user settings on every run
      // (base-action setup-claude-code-settings.ts); the workflow scope records it at the step's `uses:` line.
      const forcedByAction =
        scope.kind === 'workflow' &&
        all.location.file === scope.origin.file &&
        all.location.line === scope.origin.line &&
        all.location.column === scope.origin.column;
      if (forcedByAction) {
        findings.push({
          ruleId: 'ZDR008',
          ...all.location,
          scope: scope.id,
          message:
            "claude-code-action always sets enableAllProjectMcpServers: true, so every server in the repository's .mcp.json starts without approval; their traffic is not covered by ZDR.",
          fix: 'Keep only servers your organisation has cleared in `.mcp.json`, or add `"enableAllProjectMcpServers": false` to the repository\'s `.claude/settings.json` (project settings win over the action\'s) and list the cleared servers in enabledMcpjsonServers.',
        });
        continue;
      }
      findings.push({
        ruleId: 'ZDR008',
        ...all.location,
        scope: scope.id,
        message:
          'enableAllProjectMcpServers approves every project MCP server; their traffic is not covered by ZDR.',
        fix: `Remove \`"enableAllProjectMcpServers": true\` from \`${all.location.file}\` and list cleared servers in enabledMcpjsonServers.`,
      });
    }
    for (const file of context.files) {
      if (file.kind !== 'mcp' || !file.json.ok) continue;
      const value = file.json.value as { mcpServers?: unknown } | null;
      const servers = typeof value === 'object' && value !== null ? value.mcpServers : undefined;
      if (typeof servers !== 'object' || servers === null || Object.keys(servers).length === 0) continue;
      const names = Object.keys(servers);
      findings.push({
        ruleId: 'ZDR008',
        file: file.source.path,
        ...(keySpan(file.source, file.json.tree, ['mcpServers']) ?? FIRST_LINE),
        scope: null,
        message: `${names.length} MCP server${names.length === 1 ? '' : 's'} declared (${names
          .slice(0, 5)
          .map((n) => JSON.stringify(n))
          .join(', ')}${names.length > 5 ? ', …' : ''}): their traffic is not covered by ZDR.`,
        fix: `Check that every server in \`${file.source.path}\` is cleared by your organisation, and remove the others.`,
      });
    }
    return findings;
  },
};
