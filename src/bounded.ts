// A crafted file can hold a million duplicate keys or bad entries. Only the first few findings of a rule in a file
// are listed (policy/caps.ts), so a producer that can make one finding per key builds only those, and counts the
// rest: time stays linear in the file and memory bounded, and the count still reaches the report.

/** Findings of one rule in one file that are listed one by one. */
export const MAX_FINDINGS_PER_FILE_RULE = 20;
/** Findings in one file, all rules together, listed one by one. */
export const MAX_FINDINGS_PER_FILE = 100;

interface Offered<T> {
  offset: number;
  build: () => T;
}

/**
 * The `limit` earliest items by offset in the file, built only once kept, and how many were offered in all.
 * Items may be offered in any order (a tree walk is not in file order); each offer costs at most O(limit).
 */
export class EarliestItems<T> {
  private readonly kept: Offered<T>[] = [];
  private offered = 0;

  constructor(private readonly limit: number = MAX_FINDINGS_PER_FILE_RULE) {}

  offer(offset: number, build: () => T): void {
    this.offered++;
    const kept = this.kept;
    if (kept.length === this.limit && offset >= kept[kept.length - 1]!.offset) return;
    let at = kept.length;
    while (at > 0 && kept[at - 1]!.offset > offset) at--;
    kept.splice(at, 0, { offset, build });
    if (kept.length > this.limit) kept.pop();
  }

  /** The kept items, built, in file order; the last carries `more`: how many were offered beyond them. */
  items(withMore: (item: T, more: number) => T): T[] {
    const built = this.kept.map((k) => k.build());
    const more = this.offered - built.length;
    if (more > 0 && built.length > 0) built[built.length - 1] = withMore(built.at(-1)!, more);
    return built;
  }
}

/**
 * `target.push(...items)` without the spread: a spread passes each item as an argument, and past about 120,000
 * the call overflows the stack. Lists built from a scanned file can be that long.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The first findings of one rule in one file by position (line, then column), the rest counted in `more`. */
export function earliestFindings<T extends { line: number; column: number; more?: number }>(
  findings: Iterable<T>,
  limit: number = MAX_FINDINGS_PER_FILE_RULE,
): T[] {
  const kept = new EarliestItems<T>(limit);
  for (const finding of findings) kept.offer(finding.line * 2 ** 26 + finding.column, () => finding);
  return kept.items((finding, more) => ({ ...finding, more: (finding.more ?? 0) + more }));
}
