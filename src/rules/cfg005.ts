// A line of an env file that does not parse is dropped by dotenv loaders (and direnv may fail on it): whatever
// the author meant to set there is not set.
import { asSentence } from './phrases.js';
import type { RawFinding } from '../model.js';
import type { Rule } from './types.js';

export const CFG005: Rule = {
  id: 'CFG005',
  title: 'Env file line cannot be parsed',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    'Tools that load env files skip a line they cannot parse, so the variable it meant to set is silently missing. Lines must read NAME=value, optionally with export and quotes.',
  remediation: 'Rewrite the line as NAME=value (quote values with spaces or #).',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind !== 'dotenv') continue;
      for (const problem of file.dotenv.problems) {
        findings.push({
          ruleId: 'CFG005',
          file: file.source.path,
          ...problem.span,
          scope: null,
          message: asSentence(problem.message),
          fix: `Rewrite line ${problem.span.line} of \`${file.source.path}\` as NAME=value.`,
          ...(problem.more === undefined ? {} : { more: problem.more }),
        });
      }
    }
    return findings;
  },
};
