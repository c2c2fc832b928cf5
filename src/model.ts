// The plain data that flows between the stages: discover -> parse -> resolve scopes -> evaluate -> report.
// Everything here is serialisable and free of I/O so that each stage can be asserted on in tests.

export const POLICIES = ['nonessential-traffic', 'zdr', 'hygiene'] as const;
export type PolicyId = (typeof POLICIES)[number];

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `never` means no finding fails the run. */
export const FAIL_LEVELS = ['error', 'warning', 'notice', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

/** A 1-based, inclusive-start / exclusive-end region of a file, as editors and SARIF count it. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place in the scanned tree. `file` is relative to the root with `/`; null when a scope has no file. */
export interface Location extends Span {
  file: string | null;
}

/** What a rule returns: everything that depends on the finding itself. */
export interface RawFinding extends Location {
  ruleId: string;
  message: string;
  fix: string;
  scope: string | null;
  /** A severity chosen by the rule for this finding (e.g. ZDR001 on Claude Platform on AWS); defaults to the rule's. */
  severity?: Severity;
  /**
   * Findings of this rule in this file, after this one, that the producer counted but did not build: a crafted
   * file can hold a million duplicate keys, and only the first few are listed (bounded.ts, policy/caps.ts). Not
   * in any report format; the counting finding says how many.
   */
  more?: number;
}

/** A finding as reported: the rule's metadata merged in. */
export interface Finding extends RawFinding {
  policy: PolicyId;
  severity: Severity;
  docsUrl: string;
  /**
   * Every scope the finding affects: one place to fix can be read by several scopes (a shared
   * `.claude/settings.json` read by the project and by each workflow step), and it is reported once. `scope` is
   * the first of them (report version 1 stays compatible); empty for a finding about a file alone.
   */
  scopes: string[];
}

export interface SuppressedFinding extends Finding {
  /** Why it was suppressed, as the user wrote it. */
  reason: string;
  /** Where the suppression is written: `file:line` of the inline comment or of the config file's ignore entry. */
  suppressedBy: string;
  /** An inline comment in the finding's own file, or an `ignore:` entry in the config file. */
  suppressionKind: 'inline' | 'config';
  /** The columns of the inline comment on its line (not in the JSON report): where a new one is pointed at. */
  suppressionColumns?: { column: number; endColumn: number };
}

export const SCOPE_KINDS = ['project', 'managed', 'user', 'workflow', 'container'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface ScopeSummary {
  id: string;
  kind: ScopeKind;
  /** Contributing files, lowest precedence first. */
  files: string[];
}

export interface ReportSummary {
  files: number;
  scopes: number;
  errors: number;
  warnings: number;
  notices: number;
  suppressed: number;
  passed: boolean;
}

export interface Report {
  version: 1;
  tool: { name: string; version: string };
  root: string;
  policies: PolicyId[];
  failOn: FailLevel;
  summary: ReportSummary;
  /** Every file that was read and checked, relative to the root. */
  files: string[];
  scopes: ScopeSummary[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** What the report cannot verify or did not find, one sentence each (nothing configured, login pinning …). */
  notes: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** The one pass/fail rule: a finding fails the run when its severity reaches the threshold. */
export function reachesThreshold(severity: Severity, failOn: FailLevel): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

/** Findings sorted by file, line, column, ruleId (SPEC §3); findings without a file come last. */
export function compareFindings(a: RawFinding, b: RawFinding): number {
  if (a.file !== b.file) {
    if (a.file === null) return 1;
    if (b.file === null) return -1;
    return a.file < b.file ? -1 : 1;
  }
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
