// `settingSources` without "project" makes an Agent SDK session skip the repository's .claude/settings.json
// (and settings.local.json): the compliant settings this scan checked do not apply to it; only managed policy
// still loads. Source: Agent SDK reference (settingSources); reference §7.8.
import path from 'node:path';
import type { ParsedFile } from '../parse/files.js';
import { codeSites } from './code-sites.js';
import type { Rule } from './types.js';

/** The project settings file nearest above a source file, if the repository has one. */
function nearestProjectSettings(files: ParsedFile[], sourcePath: string): string | undefined {
  const settings = new Set(
    files.filter((f) => f.kind === 'settings' && f.role === 'project').map((f) => f.source.path),
  );
  for (let dir = path.posix.dirname(sourcePath); ; dir = path.posix.dirname(dir)) {
    const candidate = dir === '.' ? '.claude/settings.json' : `${dir}/.claude/settings.json`;
    if (settings.has(candidate)) return candidate;
    if (dir === '.' || dir === '/' || dir === '') return undefined;
  }
}

export const ZDR022: Rule = {
  id: 'ZDR022',
  title: 'Agent SDK session skips the project settings',
  policies: ['zdr', 'nonessential-traffic'],
  severity: 'notice',
  rationale:
    'An Agent SDK session loads only the setting sources it lists: without "project" it ignores the repository\'s .claude/settings.json and settings.local.json, so the requirements this scan checked there do not apply to it (managed policy still loads). Source: Agent SDK reference (settingSources).',
  remediation:
    'Include "project" in settingSources, or pass the required variables in the session\'s own env.',
  check(context) {
    return codeSites(context, 'agent-setting-sources').map(({ file, site }) => {
      const bypassed = nearestProjectSettings(context.files, file.source.path);
      const listed =
        site.detail === undefined || site.detail === '' ? 'no setting sources' : `only ${site.detail}`;
      return {
        ruleId: 'ZDR022',
        file: file.source.path,
        ...site.span,
        scope: null,
        message:
          bypassed !== undefined
            ? `This Agent SDK session loads ${listed}: it skips \`${bypassed}\`, so the settings checked there do not apply to it.`
            : `This Agent SDK session loads ${listed}: it would skip any project \`.claude/settings.json\`, so only managed policy and its own env configure it.`,
        fix: `Add "project" to \`${site.what.split(/[:=]/, 1)[0]!.trim()}\` in \`${file.source.path}\` line ${site.span.line}, or set the required variables in the session's env.`,
      };
    });
  },
};
