// A scanner that silently passes over a file it could not read gives a false all-clear. Every candidate not
// checked is reported: too large, not text, nested too deep, or a symlink out of the scanned root.
import type { RawFinding } from '../model.js';
import type { Rule } from './types.js';
import { parseProblems } from '../parse/files.js';

export const CFG008: Rule = {
  id: 'CFG008',
  title: 'File was not checked',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    'A configuration file that could not be checked may hold anything. Files larger than the size cap, binary or non-UTF-8 files, JSON nested beyond the supported depth and symlinks that leave the scanned root are reported instead of being passed over in silence.',
  remediation:
    'Replace the file with a regular UTF-8 text file inside the repository, or exclude it explicitly.',
  check(context) {
    const findings: RawFinding[] = context.skipped.map((skipped) => ({
      ruleId: 'CFG008',
      ...skipped.location,
      scope: null,
      message: `\`${skipped.path}\` was not checked: ${skipped.reason}.`,
      fix: `Make \`${skipped.path}\` a regular UTF-8 text file inside the repository, or exclude it with --exclude.`,
    }));
    for (const file of context.files) {
      for (const problem of parseProblems(file)) {
        if (problem.ruleId !== 'CFG008') continue;
        findings.push({
          ruleId: 'CFG008',
          file: file.source.path,
          ...problem.span,
          scope: null,
          message: `\`${file.source.path}\` was not checked: ${problem.message}.`,
          fix: `Flatten the structure of \`${file.source.path}\`; no Claude Code setting needs such depth.`,
        });
      }
    }
    return findings;
  },
};
