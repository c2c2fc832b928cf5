// A crafted file can hold a million duplicate keys or bad lines; a report that lists each one is hundreds of
// megabytes no one reads. Findings of one rule in one file are capped, and the rest are counted in one finding at
// the first one left out, as severe as the most severe of them: the verdict is the same, and nothing is lost.
import { compareFindings, type Finding, severityRank } from '../model.js';

/** Findings of one rule in one file that are listed one by one. */
export const MAX_FINDINGS_PER_FILE_RULE = 20;
/** Findings in one file, all rules together, listed one by one. */
export const MAX_FINDINGS_PER_FILE = 100;

function countFinding<T extends Finding>(hidden: T[], what: string): T {
  const first = hidden[0]!;
  const severity = hidden.reduce(
    (worst, f) => (severityRank(f.severity) > severityRank(worst) ? f.severity : worst),
    first.severity,
  );
  return {
    ...first,
    severity,
    message: `${hidden.length} more ${what} in this file, not listed one by one (the first is here).`,
    fix: `${first.fix} The same applies to the ${hidden.length} findings not listed; run the scan again after fixing.`,
  };
}

/** The findings with each (file, rule) and each file capped; the input order (sorted) is kept. */
export function capFindings<T extends Finding>(findings: readonly T[]): T[] {
  const byFileRule = new Map<string, T[]>();
  const kept: T[] = [];
  const extra: T[] = [];
  for (const finding of findings) {
    if (finding.file === null) {
      kept.push(finding);
      continue;
    }
    const key = `${finding.file}\u0000${finding.ruleId}`;
    const list = byFileRule.get(key) ?? [];
    list.push(finding);
    byFileRule.set(key, list);
  }
  for (const list of byFileRule.values()) {
    if (list.length <= MAX_FINDINGS_PER_FILE_RULE) kept.push(...list);
    else {
      kept.push(...list.slice(0, MAX_FINDINGS_PER_FILE_RULE - 1));
      extra.push(countFinding(list.slice(MAX_FINDINGS_PER_FILE_RULE - 1), `${list[0]!.ruleId} findings`));
    }
  }
  const all = [...kept, ...extra].sort(compareFindings);
  const byFile = new Map<string, T[]>();
  const out: T[] = [];
  for (const finding of all) {
    if (finding.file === null) out.push(finding);
    else {
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
  }
  for (const list of byFile.values()) {
    if (list.length <= MAX_FINDINGS_PER_FILE) out.push(...list);
    else {
      out.push(...list.slice(0, MAX_FINDINGS_PER_FILE - 1));
      out.push(countFinding(list.slice(MAX_FINDINGS_PER_FILE - 1), 'findings'));
    }
  }
  return out.sort(compareFindings);
}
