// SARIF 2.1.0 for GitHub code scanning. Facts from GitHub's "SARIF support for code scanning" page:
// at most 25,000 results per run, rule `name` ≤ 255 and `shortDescription` ≤ 1,024 characters, stable
// `partialFingerprints` keep alerts matched across runs, and an upload is rejected as a whole when a
// single result has no location ("locationFromSarifResult: expected at least one location").
import { neutraliseJsonCommands } from './workflow-commands.js';
import type { Finding, Report, Severity, SuppressedFinding } from '../model.js';
import { severityRank } from '../model.js';
import { docsUrl, REPOSITORY_URL } from '../version.js';
import type { RuleMeta } from './rule-meta.js';
import { truncate } from './truncate.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const MAX_SARIF_RESULTS = 25_000;
export const FINGERPRINT_KEY = 'claudeCodePolicyFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};
const NAME_MAX_LENGTH = 255;
const SHORT_DESCRIPTION_MAX_LENGTH = 1024;

/** `Non-essential traffic stays on` → `NonEssentialTrafficStaysOn`. */
export function pascalCaseName(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return truncate(words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''), NAME_MAX_LENGTH);
}

/** A path relative to %SRCROOT% as a URI reference: each segment percent-encoded, so `a:b` is no scheme. */
export function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * What identifies a finding across runs: rule, file, scope and message (digits included, since they
 * carry meaning such as a retention period), never its line or column, so the alert survives lines moving.
 */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'file' | 'scope' | 'message'>): string {
  const identity = [finding.ruleId, finding.file ?? '', finding.scope ?? '', finding.message].join('\u0000');
  // node:crypto is loaded on first use (it costs about 6 ms of every start otherwise): only SARIF needs it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

/**
 * GitHub code scanning ranks alerts by `security-severity` (a CVSS-like score as a string: over 9.0 critical, 7.0
 * to 8.9 high, 4.0 to 6.9 medium, under 4.0 low), not by the SARIF level. From the rule's default severity, except
 * a committed credential, which is critical: anyone who can read the repository can use it.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', notice: '2.0' };
const CRITICAL_RULES: ReadonlySet<string> = new Set(['SEC001']);

export function securitySeverity(ruleId: string, severity: Severity): string {
  return CRITICAL_RULES.has(ruleId) ? '9.5' : SECURITY_SEVERITY[severity];
}

function reportingDescriptor(rule: RuleMeta) {
  const url = docsUrl(rule.id);
  return {
    id: rule.id,
    name: pascalCaseName(rule.title),
    shortDescription: { text: truncate(rule.title, SHORT_DESCRIPTION_MAX_LENGTH) },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.rationale}\n\nHow to fix: ${rule.remediation}\n\nDocumentation: ${url}`,
      markdown: `${rule.rationale}\n\n**How to fix:** ${rule.remediation}\n\n[Rule documentation](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [...new Set([...rule.policies, 'security'])],
      'security-severity': securitySeverity(rule.id, rule.severity),
    },
  };
}

/** A rule the caller did not describe still gets a descriptor, so every ruleIndex resolves. */
function placeholderDescriptor(finding: Finding) {
  return {
    id: finding.ruleId,
    shortDescription: { text: truncate(finding.ruleId, SHORT_DESCRIPTION_MAX_LENGTH) },
    helpUri: finding.docsUrl,
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: [finding.policy, 'security'],
      'security-severity': securitySeverity(finding.ruleId, finding.severity),
    },
  };
}

interface Anchor {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where a result points. A finding with no file is anchored, as SPEC §3 does for scope findings, at line 1
 * of its scope's first file; with no file to point at it cannot be uploaded and is left out of the results.
 */
function anchorOf(finding: Finding, scopeFiles: ReadonlyMap<string, string>): Anchor | null {
  const { file, line, column, endLine, endColumn } = finding;
  if (file !== null) return { file, line, column, endLine, endColumn };
  const scopeFile = finding.scope !== null ? scopeFiles.get(finding.scope) : undefined;
  return scopeFile === undefined ? null : { file: scopeFile, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function region(anchor: Anchor) {
  const startLine = Math.max(1, anchor.line);
  const endLine = Math.max(startLine, anchor.endLine);
  const startColumn = Math.max(1, anchor.column);
  // An empty range on one line says nothing more than the line itself.
  if (endLine === startLine && anchor.endColumn <= startColumn) return { startLine };
  return { startLine, startColumn, endLine, endColumn: Math.max(1, anchor.endColumn) };
}

interface Candidate {
  finding: Finding;
  suppression: SuppressedFinding | null;
  anchor: Anchor;
  order: number;
}

/** `maxResults`: GitHub's limit, unless a test wants a smaller one. */
export function renderSarif(
  report: Report,
  rules: readonly RuleMeta[],
  maxResults: number = MAX_SARIF_RESULTS,
): string {
  const descriptors: object[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of rules) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, descriptors.length);
    descriptors.push(reportingDescriptor(rule));
  }

  const scopeFiles = new Map<string, string>();
  for (const scope of report.scopes) {
    if (scope.files[0] !== undefined) scopeFiles.set(scope.id, scope.files[0]);
  }

  const candidates: Candidate[] = [];
  const unlocated: { finding: Finding; suppressed: boolean }[] = [];
  const consider = (finding: Finding, suppression: SuppressedFinding | null) => {
    const anchor = anchorOf(finding, scopeFiles);
    if (anchor === null) unlocated.push({ finding, suppressed: suppression !== null });
    else candidates.push({ finding, suppression, anchor, order: candidates.length });
  };
  for (const finding of report.findings) consider(finding, null);
  for (const finding of report.suppressed) consider(finding, finding);

  // Over the limit, keep active findings before suppressed ones and the most severe first.
  const kept =
    candidates.length <= maxResults
      ? candidates
      : [...candidates]
          .sort(
            (a, b) =>
              Number(a.suppression !== null) - Number(b.suppression !== null) ||
              severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
              a.order - b.order,
          )
          .slice(0, maxResults)
          .sort((a, b) => a.order - b.order);

  const seen = new Map<string, number>();
  const results = kept.map(({ finding, suppression, anchor }) => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = descriptors.length;
      ruleIndex.set(finding.ruleId, index);
      descriptors.push(placeholderDescriptor(finding));
    }
    const base = findingFingerprint(finding);
    const collisions = seen.get(base) ?? 0;
    seen.set(base, collisions + 1);
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: LEVEL[finding.severity],
      message: { text: `${finding.message}\nFix: ${finding.fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(anchor.file), uriBaseId: '%SRCROOT%' },
            region: region(anchor),
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: collisions === 0 ? base : `${base}:${collisions}` },
      ...(suppression
        ? {
            suppressions: [
              {
                // SARIF: `inSource` for a suppression written in the analysed file, `external` for one kept elsewhere.
                kind: suppression.suppressionKind === 'inline' ? 'inSource' : 'external',
                justification: suppression.reason,
              },
            ],
          }
        : {}),
      properties: { policy: finding.policy, scope: finding.scope, scopes: [...finding.scopes] },
    };
  });

  const properties: Record<string, unknown> = {
    policies: [...report.policies],
    failOn: report.failOn,
    passed: report.summary.passed,
  };
  if (report.notes.length > 0) properties.notes = [...report.notes];
  if (kept.length < candidates.length) {
    properties.resultsTruncated = true;
    properties.totalResults = candidates.length;
    properties.truncationNote =
      `GitHub accepts at most ${maxResults} results per run: ${candidates.length - kept.length} of ` +
      `${candidates.length} were left out (suppressed and least severe first); the JSON report lists them all.`;
  }
  if (unlocated.length > 0) {
    // Code scanning cannot show these; they stay visible here and in every other report.
    properties.findingsWithoutLocation = unlocated.map(({ finding, suppressed }) => ({
      ruleId: finding.ruleId,
      level: LEVEL[finding.severity],
      scope: finding.scope,
      message: finding.message,
      fix: finding.fix,
      suppressed,
    }));
  }

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        properties,
      },
    ],
  };
  return neutraliseJsonCommands(`${JSON.stringify(sarif, null, 2)}\n`);
}
