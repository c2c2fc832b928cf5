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
      const scope = context.scopes.find((s) => s.files.includes(file.source.path));
      findings.push({
        ruleId: 'CFG006',
        file: file.source.path,
        ...FIRST_LINE,
        scope: scope?.id ?? null,
        message: `\`${file.source.path}\` is part of the repository: this personal file overrides the shared settings on every clone.`,
        fix: `Move shared keys to .claude/settings.json, run \`git rm --cached ${file.source.path}\` and add it to .gitignore.`,
      });
    }
    return findings;
  },
};
