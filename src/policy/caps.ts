// A crafted file can hold a million duplicate keys or bad lines; a report that lists each one is hundreds of
// megabytes no one reads. Findings of one rule in one file are capped, and the rest are counted in one finding at
// the first one left out, as severe as the most severe of them: the verdict is the same, and nothing is lost.
// A producer that can make one finding per key lists only the first ones and counts the rest in the last one's
// `more` (bounded.ts): each finding here stands for 1 + `more`, so the count is the true total.
import { MAX_FINDINGS_PER_FILE, MAX_FINDINGS_PER_FILE_RULE } from '../bounded.js';
import { compareFindings, type Finding, severityRank } from '../model.js';

export { MAX_FINDINGS_PER_FILE, MAX_FINDINGS_PER_FILE_RULE };

/** How many findings one stands for: itself and those its producer counted but did not build. */
function weight(finding: Finding): number {
  return 1 + (finding.more ?? 0);
}

function total(findings: readonly Finding[]): number {
  let sum = 0;
  for (const finding of findings) sum += weight(finding);
  return sum;
}

function countFinding<T extends Finding>(hidden: T[], what: string): T {
  const first = hidden[0]!;
  const severity = hidden.reduce(
    (worst, f) => (severityRank(f.severity) > severityRank(worst) ? f.severity : worst),
    first.severity,
  );
  const count = total(hidden);
  return {
    ...first,
    // It stands for all of them: the per-file cap below counts it as such.
    more: count - 1,
    severity,
    message: `${count} more ${what} in this file, not listed one by one (the first is here).`,
    fix: `${first.fix} The same applies to the ${count} findings not listed; run the scan again after fixing.`,
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
    if (total(list) <= MAX_FINDINGS_PER_FILE_RULE) kept.push(...list);
    else {
      // The last one listed is never one that counts others: those are all in the counting finding.
      const listed = Math.min(MAX_FINDINGS_PER_FILE_RULE - 1, list.length - 1);
      kept.push(...list.slice(0, listed));
      extra.push(countFinding(list.slice(listed), `${list[0]!.ruleId} findings`));
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
  // Each rule's counting finding is one entry of the list here, and stands for all it counts.
  for (const list of byFile.values()) {
    if (list.length <= MAX_FINDINGS_PER_FILE) out.push(...list);
    else {
      out.push(...list.slice(0, MAX_FINDINGS_PER_FILE - 1));
      out.push(countFinding(list.slice(MAX_FINDINGS_PER_FILE - 1), 'findings'));
    }
  }
  return out.sort(compareFindings);
}
