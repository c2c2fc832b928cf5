// What the code rules (ZDR010–ZDR021) share: each reports the sites of its kinds that parsing found in source
// files, one finding per site, saying which feature, what is kept and for how long, and the eligible alternative.
import type { RawFinding } from '../model.js';
import type { CodeFile, LocatedSite } from '../parse/code/code-file.js';
import { FEATURES, type FeatureId } from '../parse/code/features.js';
import type { SiteKind } from '../parse/code/analyse.js';
import type { RuleContext } from './types.js';

export function codeSites(context: RuleContext, kind: SiteKind): { file: CodeFile; site: LocatedSite }[] {
  const out: { file: CodeFile; site: LocatedSite }[] = [];
  for (const file of context.files) {
    if (file.kind !== 'code') continue;
    for (const site of file.sites) if (site.kind === kind) out.push({ file, site });
  }
  return out;
}

/** `client.beta.files.upload` → "`client.beta.files.upload` uses the Files API: uploaded files are kept …". */
export function featureFindings(ruleId: string, context: RuleContext, feature: FeatureId): RawFinding[] {
  const facts = FEATURES[feature];
  return codeSites(context, feature).map(({ file, site }) => ({
    ruleId,
    file: file.source.path,
    ...site.span,
    scope: null,
    message: `\`${site.what}\` uses ${facts.name}, outside ZDR: ${facts.retention}.`,
    fix: `In \`${file.source.path}\` line ${site.span.line}: ${facts.alternative}.`,
  }));
}

export function featureRationale(feature: FeatureId, why: string): string {
  const facts = FEATURES[feature];
  return `${why} Under a Zero Data Retention arrangement the API does not block it: its own retention applies (${facts.retention}). Source: Claude API docs, "API and data retention" (platform.claude.com/docs/en/manage-claude/api-and-data-retention).`;
}
