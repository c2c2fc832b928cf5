// The pipeline: discover -> parse -> resolve scopes -> evaluate -> report. Only discovery touches the disk.
import path from 'node:path';
import { RULES } from '../rules/index.js';
import { discover } from './discover.js';
import { evaluate } from './evaluate.js';
import type { ParsedFile } from './files.js';
import type { Logger } from './logger.js';
import { type Finding, type Report, reachesThreshold } from './model.js';
import type { ScanOptions } from './options.js';
import { parseLoaded } from './parse-files.js';
import { resolveScopes } from './scope.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface ScanContext {
  /** Relative `options.path` is resolved against this. */
  cwd: string;
  logger: Logger;
  /** For suppressions' `until` dates; tests pin it. */
  now?: Date;
}

export function summarise(findings: Finding[], failOn: ScanOptions['failOn']) {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    notices: count('notice'),
    passed: !findings.some((f) => reachesThreshold(f.severity, failOn)),
  };
}

export async function scan(options: ScanOptions, context: ScanContext): Promise<Report> {
  const root = path.resolve(context.cwd, options.path);
  const discovery = await discover(root, options, context.logger);
  context.logger.debug(`discovered ${discovery.files.length} files (${discovery.method})`);
  const files: ParsedFile[] = [];
  for (const loaded of discovery.files) {
    const parsed = parseLoaded(loaded);
    if (parsed !== undefined) files.push(parsed);
  }
  const scopes = resolveScopes(files);
  const findings = evaluate({
    rules: RULES,
    files,
    skipped: discovery.skipped,
    scopes,
    policies: options.policies,
    options: {
      zdrOrgUuid: options.zdrOrgUuid,
      allowedBaseUrls: options.allowedBaseUrls,
      maxRetentionDays: options.maxRetentionDays,
    },
    overrides: options.rules,
  });
  const checked = files.map((f) => f.source.path);
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: options.path.split(path.sep).join('/'),
    policies: options.policies,
    failOn: options.failOn,
    summary: {
      files: checked.length,
      scopes: scopes.length,
      ...summarise(findings, options.failOn),
      suppressed: 0,
    },
    files: checked,
    scopes: scopes.map((s) => ({ id: s.id, kind: s.kind, files: s.files })),
    findings,
    suppressed: [],
  };
}
