import type { ParsedFile, SkippedFile } from '../parse/files.js';
import type { PolicyId, RawFinding, Severity } from '../model.js';
import type { Scope } from '../scope/scope.js';

/** The options rules read; everything else about a run is the adapters' business. */
export interface RuleOptions {
  /** The organisation login must be pinned to (ZDR005); undefined when not configured. */
  zdrOrgUuid: string | undefined;
  /** API endpoints allowed besides https://api.anthropic.com (ZDR006). */
  allowedBaseUrls: string[];
  /** Local transcript retention ceiling in days (ZDR007). */
  maxRetentionDays: number;
  /** The oldest Claude Code version in use; undefined when every version counts. */
  minClaudeCodeVersion?: string | undefined;
}

export interface RuleContext {
  files: ParsedFile[];
  skipped: SkippedFile[];
  scopes: Scope[];
  options: RuleOptions;
}

export interface Rule {
  /** Stable id, never reused: NET001, ZDR004, CFG002 … */
  id: string;
  /** A short noun phrase, shown as the annotation title and in SARIF. */
  title: string;
  /** The first policy is the one a finding is reported under when several are selected. */
  policies: PolicyId[];
  severity: Severity;
  /** Why this matters, with the source of the fact (one paragraph; docs page and SARIF help). */
  rationale: string;
  /** How to fix it in general (docs page); each finding carries its own exact fix sentence. */
  remediation: string;
  /**
   * A rule whose finding in a scope already says everything this one would: this rule's findings in that scope
   * are dropped (one root cause, one finding). NET002 and NET004 are covered by NET001, whose one fix clears them.
   */
  coveredBy?: string;
  check(context: RuleContext): RawFinding[];
}
