// Claude Code reads settings files as strict JSON: a comment, a trailing comma or a truncated file is a syntax
// error and the WHOLE file is rejected, its env included (docs: settings "Edit a settings file").
import type { RawFinding } from '../core/model.js';
import type { Rule } from './types.js';

export const CFG001: Rule = {
  id: 'CFG001',
  title: 'File is not valid JSON',
  policies: ['hygiene'],
  severity: 'error',
  rationale:
    'Claude Code parses settings files as strict JSON. A // comment, a trailing comma or a truncated file is a syntax error: Claude Code reports a "Settings Error" and ignores the whole file, so none of its settings or env variables apply (docs: settings).',
  remediation: 'Fix the syntax error at the reported line and column: remove comments and trailing commas.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind === 'dotenv') continue;
      for (const problem of file.json.problems) {
        if (problem.ruleId !== 'CFG001') continue;
        const consequence =
          file.kind === 'settings' ? ' Claude Code ignores this whole file, its env included.' : '';
        findings.push({
          ruleId: 'CFG001',
          file: file.source.path,
          ...problem.span,
          scope: null,
          message: `${problem.message}.${consequence}`.replace('..', '.'),
          fix: `Fix the syntax at line ${problem.span.line}, column ${problem.span.column} of \`${file.source.path}\` (strict JSON: no comments, no trailing commas).`,
        });
      }
    }
    return findings;
  },
};
