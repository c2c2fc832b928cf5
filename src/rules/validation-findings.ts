import { asSentence } from './phrases.js';
import type { RawFinding } from '../model.js';
import type { RuleContext } from './types.js';

/** The findings of one rule among the problems settings validation recorded (CFG002, CFG003). */
export function validationFindings(context: RuleContext, ruleId: 'CFG002' | 'CFG003'): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.kind !== 'settings') continue;
    for (const problem of file.validation) {
      if (problem.ruleId !== ruleId) continue;
      findings.push({
        ruleId,
        file: file.source.path,
        ...problem.span,
        scope: null,
        message: asSentence(problem.message),
        fix: problem.fix,
        ...(problem.more === undefined ? {} : { more: problem.more }),
      });
    }
  }
  return findings;
}
