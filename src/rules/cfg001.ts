// Claude Code reads settings files as strict JSON: a comment, a trailing comma or a truncated file is a syntax
// error and the WHOLE file is rejected, its env included (docs: settings "Edit a settings file"). GitHub does not
// run a workflow that is not valid YAML, and claude-code-action stops on an inline `settings` input that is not JSON.
import type { RawFinding } from '../model.js';
import { parseProblems, type SettingsFile } from '../parse/files.js';
import { ANY_VERSION, VERSION_TABLE, versionSide } from '../scope/versions.js';
import { asSentence } from './phrases.js';
import type { Rule, RuleContext } from './types.js';

/** What Claude Code does with a settings file that does not parse. */
function consequence(context: RuleContext, file: SettingsFile): string {
  if (file.role !== 'managed' && file.role !== 'managed-dropin') {
    return ' Claude Code ignores this whole file, its env included.';
  }
  // A managed file or drop-in that does not parse stops Claude Code from starting since 2.1.259 (reference §7.6).
  const scope = context.scopes.find((s) => s.kind === 'managed' && s.files.includes(file.source.path));
  const behaviour = VERSION_TABLE.managedParseFailureStops;
  switch (versionSide(scope?.versions ?? ANY_VERSION, behaviour)) {
    case 'after':
      return ' Claude Code does not start while a managed settings file does not parse.';
    case 'before':
      return ' Claude Code ignores this whole file, its env included.';
    case 'both':
      return ` Claude Code ${behaviour.since} and later do not start while a managed settings file does not parse; older versions ignore the whole file, its env included.`;
  }
}

export const CFG001: Rule = {
  id: 'CFG001',
  title: 'File does not parse',
  policies: ['hygiene'],
  severity: 'error',
  rationale:
    'Claude Code parses settings files as strict JSON. A // comment, a trailing comma or a truncated file is a syntax error: Claude Code reports a "Settings Error" and ignores the whole file, so none of its settings or env variables apply (docs: settings). A managed settings file or drop-in that does not parse stops Claude Code 2.1.259 and later from starting (docs: managed-settings). A workflow that is not valid YAML does not run at all, and claude-code-action fails the step when its inline settings input is not valid JSON.',
  remediation: 'Fix the syntax error at the reported line and column: remove comments and trailing commas.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind === 'workflow') {
        for (const problem of file.workflow.problems) {
          if (problem.ruleId !== 'CFG001') continue;
          findings.push({
            ruleId: 'CFG001',
            file: file.source.path,
            ...problem.span,
            scope: null,
            message: `${problem.message}.`,
            fix:
              problem.syntax === 'yaml'
                ? `Fix the YAML at line ${problem.span.line}, column ${problem.span.column} of \`${file.source.path}\`; GitHub does not run a workflow that does not parse.`
                : `Fix the JSON of the \`settings\` input at line ${problem.span.line}, column ${problem.span.column} of \`${file.source.path}\` (strict JSON: no comments, no trailing commas).`,
          });
        }
        continue;
      }
      for (const problem of parseProblems(file)) {
        if (problem.ruleId !== 'CFG001') continue;
        const outcome = file.kind === 'settings' ? consequence(context, file) : '';
        findings.push({
          ruleId: 'CFG001',
          file: file.source.path,
          ...problem.span,
          scope: null,
          message: `${asSentence(problem.message)}${outcome}`,
          fix: `Fix the syntax at line ${problem.span.line}, column ${problem.span.column} of \`${file.source.path}\` (${file.kind === 'devcontainer' ? 'comments and trailing commas are allowed here' : 'strict JSON: no comments, no trailing commas'}).`,
        });
      }
    }
    return findings;
  },
};
