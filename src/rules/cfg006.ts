// .claude/settings.local.json is personal: Claude Code adds it to git's global excludes when it creates it
// (docs: settings "Settings files"). Committed, it overrides the shared settings on every clone.
import type { RawFinding } from '../model.js';
import { FIRST_LINE } from '../discover/source.js';
import type { Rule } from './types.js';

export const CFG006: Rule = {
  id: 'CFG006',
  title: 'Personal settings file is committed',
  policies: ['hygiene'],
  severity: 'warning',
  rationale:
    ".claude/settings.local.json holds one person's overrides and wins over .claude/settings.json. Claude Code keeps it out of git; committed, it silently overrides the shared, reviewed settings on every clone (docs: settings).",
  remediation:
    'Move shared keys to .claude/settings.json, then `git rm --cached` the local file and add it to .gitignore.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind !== 'settings' || file.role !== 'local') continue;
      // The root local file reaches every project of the repository (2.1.211): one finding listing them all.
      const reached = context.scopes.filter((s) => s.files.includes(file.source.path)).map((s) => s.id);
      for (const scope of reached.length > 0 ? reached : [null]) {
        findings.push({
          ruleId: 'CFG006',
          file: file.source.path,
          ...FIRST_LINE,
          scope,
          message: `\`${file.source.path}\` is part of the repository: this personal file overrides the shared settings on every clone.`,
          fix: `Move shared keys to .claude/settings.json, run \`git rm --cached ${file.source.path}\` and add it to .gitignore.`,
        });
      }
    }
    return findings;
  },
};
