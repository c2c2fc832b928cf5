// Fixtures decide: each folder under test/fixtures/rules/<RULE>/<case>/ is a tiny repository with an
// expected.json listing the exact findings of that rule (ruleId, file, line[, column, severity]) and what a user
// reads in each: `messageIncludes` and `fixIncludes`, text (one string or several) that the message and the fix
// must contain, naming the variable, input, key or file; `scopes`, when given, every scope the finding reaches;
// `options` are scan options (minClaudeCodeVersion …) and `boundary` names the VERSION_TABLE entry a case decides
// (test/versions.test.ts); `pullRequest` makes the case's `.github/claude-code-policy.yml` a pull request's config,
// compared with the policy in force as the action does (CFG010). A passing case lists none. Folders under
// test/fixtures/repos/<case>/ compare every finding of every rule.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/model.js';
import { silentLogger } from '../src/logger.js';
import { loadConfig } from '../src/policy/config.js';
import { resolveOptions } from '../src/policy/options.js';
import { findRelaxations } from '../src/policy/relaxations.js';
import { scan, withRelaxations } from '../src/scan.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

type Included = string | string[];

interface ExpectedFinding {
  ruleId: string;
  file: string | null;
  line: number;
  column?: number;
  severity?: string;
  messageIncludes: Included;
  fixIncludes: Included;
  /** Every scope the finding reaches, in order. */
  scopes?: string[];
}

interface Expected {
  /** Only this rule's findings are compared (rules/ cases); all findings when absent (repos/ cases). */
  rule?: string;
  options?: Record<string, unknown>;
  /**
   * A pull request case (CFG010): the case's `.github/claude-code-policy.yml` is the pull request's config,
   * compared with the policy in force (the file named here, relative to the case, or the defaults when empty).
   */
  pullRequest?: { policyInForce?: string };
  findings: ExpectedFinding[];
}

function cases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (existsSync(path.join(full, 'expected.json'))) out.push(full);
    else out.push(...cases(full));
  }
  return out.sort();
}

/** `wanted` when `text` contains every part of it, else the text itself, so that a mismatch shows what was said. */
function included(text: string, wanted: Included | undefined): Included {
  if (wanted === undefined) return text;
  const parts = typeof wanted === 'string' ? [wanted] : wanted;
  return parts.length > 0 && parts.every((part) => part !== '' && text.includes(part)) ? wanted : text;
}

async function run(dir: string) {
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const now = new Date('2026-11-22T00:00:00Z');
  const raw = { path: dir, ...(expected.options ?? {}) };
  const inForce =
    expected.pullRequest?.policyInForce === undefined
      ? undefined
      : await loadConfig(path.join(dir, expected.pullRequest.policyInForce), dir, dir);
  const options = resolveOptions(raw, inForce?.options);
  let report = await scan(options, { cwd: process.cwd(), logger: silentLogger, now });
  if (expected.pullRequest !== undefined) {
    // As the action does on a pull request: the case's own config is compared, never applied.
    const proposed = await loadConfig(undefined, dir, dir);
    const relaxations = findRelaxations(options, resolveOptions(raw, proposed.options), proposed);
    report = withRelaxations(report, relaxations, options, 'the base commit', now);
  }
  const actual = report.findings
    .filter((f) => expected.rule === undefined || f.ruleId === expected.rule)
    .map((f, i) => {
      // Findings are compared in order, so the i-th expectation is the one this finding must meet.
      const want: Partial<ExpectedFinding> = expected.findings[i] ?? {};
      return {
        ruleId: f.ruleId,
        file: f.file,
        line: f.line,
        ...(want.column !== undefined ? { column: f.column } : {}),
        ...(want.severity !== undefined ? { severity: f.severity } : {}),
        ...(want.scopes !== undefined ? { scopes: f.scopes ?? [] } : {}),
        messageIncludes: included(f.message, want.messageIncludes),
        fixIncludes: included(f.fix, want.fixIncludes),
      };
    });
  return { expected, actual, report };
}

// The whole text of every fixture finding, as a user reads it, kept in one reviewed file: expected.json states what
// each message and fix must name; this catches every other change to the words (UPDATE_GOLDEN=1 rewrites it, and
// the diff is then read like any other change to what users see).
const FINDINGS_GOLDEN = path.join(import.meta.dirname, 'golden', 'fixture-findings.txt');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

function goldenSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(FINDINGS_GOLDEN)) return sections;
  for (const section of readFileSync(FINDINGS_GOLDEN, 'utf8').split(/^## /m).slice(1)) {
    const end = section.indexOf('\n');
    sections.set(section.slice(0, end), section.slice(end + 1));
  }
  return sections;
}

function findingsText(findings: readonly Finding[]): string {
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return findings
    .map(
      (f) =>
        `${f.ruleId} ${f.file ?? '-'}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ` +
        `[${f.scopes.join(', ')}]\n  ${indent(f.message)}\n  fix: ${indent(f.fix)}\n`,
    )
    .join('');
}

const golden = goldenSections();
const written = new Map<string, string>();

afterAll(() => {
  if (!UPDATE_GOLDEN) return;
  const names = [...written.keys()].sort();
  writeFileSync(FINDINGS_GOLDEN, names.map((name) => `## ${name}\n${written.get(name)}`).join(''));
});

describe.each([
  ['rules', cases(path.join(FIXTURES, 'rules'))],
  ['repos', cases(path.join(FIXTURES, 'repos'))],
])('%s fixtures', (_kind, dirs) => {
  it.each(dirs.map((d) => [path.relative(FIXTURES, d), d]))('%s', async (name, dir) => {
    const { expected, actual, report } = await run(dir);
    expect(actual).toEqual(expected.findings);
    const text = findingsText(
      report.findings.filter((f) => expected.rule === undefined || f.ruleId === expected.rule),
    );
    if (UPDATE_GOLDEN) written.set(name, text);
    else expect(text).toBe(golden.get(name));
  });
});

describe('test/golden/fixture-findings.txt', () => {
  it('has a section for each fixture and no other', () => {
    const names = [...cases(path.join(FIXTURES, 'rules')), ...cases(path.join(FIXTURES, 'repos'))].map(
      (dir) => path.relative(FIXTURES, dir),
    );
    expect([...golden.keys()]).toEqual([...names].sort());
  });
});

describe('every expected finding', () => {
  it('states text its message and its fix must contain', () => {
    const missing = [...cases(path.join(FIXTURES, 'rules')), ...cases(path.join(FIXTURES, 'repos'))].flatMap(
      (dir) =>
        (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected).findings
          .filter((f) => [f.messageIncludes, f.fixIncludes].some((v) => v === undefined || v.length === 0))
          .map((f) => `${path.relative(FIXTURES, dir)}: ${f.ruleId} ${f.file}:${f.line}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the fixture set', () => {
  it('has a passing and a failing case for every rule', async () => {
    const { RULES } = await import('../src/rules/index.js');
    for (const rule of RULES) {
      const dirs = cases(path.join(FIXTURES, 'rules', rule.id));
      const outcomes = dirs.map(
        (d) =>
          (JSON.parse(readFileSync(path.join(d, 'expected.json'), 'utf8')) as Expected).findings.length > 0,
      );
      expect({ rule: rule.id, fails: outcomes.includes(true), passes: outcomes.includes(false) }).toEqual({
        rule: rule.id,
        fails: true,
        passes: true,
      });
    }
  });
});
