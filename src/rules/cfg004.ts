// JSON.parse keeps the LAST of two equal keys in an object; a reviewer reads the first. A duplicated `env` or
// variable can hide the value that really applies (ECMA-262 JSON.parse; RFC 8259 §4 "names SHOULD be unique").
// GitHub rejects a whole workflow that defines a YAML key twice ("'env' is already defined").
import { asSentence } from './phrases.js';
import type { RawFinding } from '../model.js';
import type { Rule } from './types.js';
import { parseProblems } from '../parse/files.js';

export const CFG004: Rule = {
  id: 'CFG004',
  title: 'Duplicate key',
  policies: ['hygiene'],
  severity: 'error',
  rationale:
    'When a JSON object names a key twice, Claude Code (JSON.parse) uses the last value and ignores the first. A reviewer who reads the first one is misled about what applies.',
  remediation: 'Keep one of the two keys, with the value you mean.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      for (const problem of parseProblems(file)) {
        if (problem.ruleId !== 'CFG004') continue;
        findings.push({
          ruleId: 'CFG004',
          file: file.source.path,
          ...problem.span,
          scope: null,
          message: asSentence(problem.message),
          fix: `Remove one of the duplicate keys in \`${file.source.path}\`, keeping the value you mean.`,
          ...(problem.more === undefined ? {} : { more: problem.more }),
        });
      }
    }
    return findings;
  },
};
