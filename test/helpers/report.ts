// A report with `count` NET001 errors in as many folders: for the size limits of the summary and the comment.
import type { Finding, Report } from '../../src/model.js';

export function manyFindingsReport(count: number, message: string, folder: (i: number) => string): Report {
  const finding: Finding = {
    ruleId: 'NET001',
    policy: 'nonessential-traffic',
    severity: 'error',
    message,
    fix: 'Add "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env in .claude/settings.json.',
    file: '.claude/settings.json',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    scope: '.',
    scopes: ['.'],
    docsUrl: 'https://example.com/NET001',
  };
  const findings = Array.from({ length: count }, (_, i) => ({
    ...finding,
    file: `${folder(i)}/.claude/settings.json`,
  }));
  return {
    version: 1,
    tool: { name: 'claude-code-policy', version: '0.0.0' },
    root: '.',
    policies: ['nonessential-traffic'],
    failOn: 'error',
    summary: {
      files: count,
      scopes: count,
      errors: count,
      warnings: 0,
      notices: 0,
      suppressed: 0,
      passed: false,
    },
    files: findings.map((f) => f.file),
    scopes: [],
    findings,
    suppressed: [],
    notes: [],
  };
}
