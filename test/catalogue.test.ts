// Keeps the rule catalogue honest (ESLint's checkRuleFiles, adapted): the rule files in src/rules/, the registry,
// docs/rules/*.md, the README rule table and test/fixtures/rules/ must name the same rules, with the same title,
// policies and default severity, in the order of SPEC §6. A rule added in one place and forgotten in another fails
// here, before a user follows a dead docs link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsUrl, TOOL_VERSION } from '../src/version.js';
import { RULES } from '../src/rules/index.js';
import type { Rule } from '../src/rules/types.js';

const ROOT = path.join(import.meta.dirname, '..');
const RULES_DIR = path.join(ROOT, 'src', 'rules');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures', 'rules');
const REPOS_DIR = path.join(ROOT, 'test', 'fixtures', 'repos');

const ID = /^(NET|ZDR|SEC|CFG)\d{3}$/;
/** SPEC §6 lists the families in this order, each by number; CFG007 (SPEC §8) takes its place by number. */
const FAMILY_ORDER = ['NET', 'ZDR', 'SEC', 'CFG'];
/** Every id of SPEC §6 and §8: none may go missing from the registry. */
const SPEC_IDS = [
  'NET001',
  'NET002',
  'NET003',
  'NET004',
  'ZDR001',
  'ZDR002',
  'ZDR003',
  'ZDR004',
  'ZDR005',
  'ZDR006',
  'ZDR007',
  'ZDR008',
  'SEC001',
  'CFG001',
  'CFG002',
  'CFG003',
  'CFG004',
  'CFG005',
  'CFG006',
  'CFG007',
  'CFG008',
];
/** The sections of a rule page, in this order (ruff's layout). */
const SECTIONS = ['## What it does', '## Why is this bad', '## Example', '## How to fix', '## Suppressing'];

const ids = RULES.map((rule) => rule.id);
const sorted = (values: Iterable<string>) => [...values].sort();

function specOrder(a: string, b: string): number {
  return (
    FAMILY_ORDER.indexOf(a.slice(0, 3)) - FAMILY_ORDER.indexOf(b.slice(0, 3)) ||
    Number(a.slice(3)) - Number(b.slice(3))
  );
}

function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
}

/** The text between `<!-- section:NAME -->` and `<!-- /section:NAME -->`. */
function readmeSection(name: string): string {
  const readme = readText(path.join(ROOT, 'README.md'));
  const start = readme.indexOf(`<!-- section:${name} -->`);
  const end = readme.indexOf(`<!-- /section:${name} -->`);
  expect(start, `README.md has no <!-- section:${name} --> marker`).toBeGreaterThanOrEqual(0);
  expect(end, `README.md has no <!-- /section:${name} --> marker`).toBeGreaterThan(start);
  return readme.slice(start, end);
}

interface TableRow {
  id: string;
  link: string;
  title: string;
  policies: string;
  severity: string;
}

/** `| [NET001](docs/rules/NET001.md) | Title | nonessential-traffic, zdr | error |` */
function readmeRows(): TableRow[] {
  const rows: TableRow[] = [];
  for (const line of readmeSection('rules').split('\n')) {
    const match = /^\|\s*\[([A-Z]{3}\d{3})\]\(([^)]+)\)\s*\|([^|]+)\|([^|]+)\|([^|]+)\|\s*$/.exec(
      line.trim(),
    );
    if (match === null) continue;
    const [, id, link, title, policies, severity] = match;
    rows.push({
      id: id!,
      link: link!,
      title: title!.trim(),
      policies: policies!.trim(),
      severity: severity!.trim(),
    });
  }
  return rows;
}

function docsPage(id: string): string {
  return readText(path.join(DOCS_DIR, `${id}.md`));
}

/** The body of a `## ` section of a page, up to the next `## ` heading. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const rest = page.slice(start + heading.length + 2);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

function policiesLine(rule: Rule): string {
  return `Policies: ${rule.policies.map((p) => `\`${p}\``).join(', ')} · Default severity: \`${rule.severity}\``;
}

describe('the registry', () => {
  it('has unique ids of the form NET/ZDR/SEC/CFG and three digits', () => {
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('lists every rule of the SPEC, in the SPEC order', () => {
    expect(SPEC_IDS.filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids).toEqual([...ids].sort(specOrder));
  });

  it('gives every rule a title, policies, rationale and remediation', () => {
    for (const rule of RULES) {
      expect({ id: rule.id, title: rule.title.trim() !== '', policies: rule.policies.length > 0 }).toEqual({
        id: rule.id,
        title: true,
        policies: true,
      });
      expect(rule.rationale.trim(), `${rule.id} rationale`).not.toBe('');
      expect(rule.remediation.trim(), `${rule.id} remediation`).not.toBe('');
      expect(['error', 'warning', 'notice'], `${rule.id} severity`).toContain(rule.severity);
    }
  });
});

describe('the rule files', () => {
  const files = readdirSync(RULES_DIR).filter((name) => /^[a-z]{3}\d{3}\.ts$/.test(name));

  it('are one per registered rule, named by the lower-case id', () => {
    expect(sorted(files)).toEqual(sorted(ids.map((id) => `${id.toLowerCase()}.ts`)));
  });

  it.each(files)('%s exports the rule under its id', async (name) => {
    const id = name.slice(0, -3).toUpperCase();
    const module = (await import(path.join(RULES_DIR, name))) as Record<string, Rule | undefined>;
    expect(module[id]?.id).toBe(id);
    expect(RULES).toContain(module[id]);
  });
});

describe('the docs pages', () => {
  const pages = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md')) : [];

  it('are one per registered rule', () => {
    expect(sorted(pages)).toEqual(sorted(ids.map((id) => `${id}.md`)));
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s has the title, policies, severity and sections',
    (id, rule) => {
      expect(existsSync(path.join(DOCS_DIR, `${id}.md`)), `docs/rules/${id}.md is missing`).toBe(true);
      const page = docsPage(id);
      const lines = page.split('\n');
      expect(lines[0]).toBe(`# ${id}: ${rule.title}`);
      expect(lines).toContain(policiesLine(rule));
      const headings = lines.filter((line) => line.startsWith('## '));
      expect(headings.filter((h) => SECTIONS.includes(h))).toEqual(SECTIONS);
      for (const heading of SECTIONS)
        expect(section(page, heading).trim(), `${id}: ${heading} is empty`).not.toBe('');
    },
  );

  it.each(ids)('%s: the finding docsUrl points at its page', (id) => {
    expect(docsUrl(id).endsWith(`/docs/rules/${id}.md`)).toBe(true);
  });
});

describe('the README rule table', () => {
  it('has one row per registered rule, in registry order', () => {
    expect(readmeRows().map((row) => row.id)).toEqual(ids);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s row agrees with the rule and links its page',
    (id, rule) => {
      const row = readmeRows().find((r) => r.id === id);
      expect(row, `README has no row for ${id}`).toBeDefined();
      expect(row).toEqual({
        id,
        link: `docs/rules/${id}.md`,
        title: rule.title,
        policies: rule.policies.join(', '),
        severity: rule.severity,
      });
      expect(existsSync(path.join(ROOT, row!.link))).toBe(true);
    },
  );
});

describe('the fixtures', () => {
  const folders = existsSync(FIXTURES_DIR)
    ? readdirSync(FIXTURES_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];

  it('have one folder per registered rule under test/fixtures/rules/', () => {
    expect(sorted(folders)).toEqual(sorted(ids));
  });

  /** Every expected.json under a folder, however deeply nested. */
  function expectations(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) out.push(...expectations(full));
      else if (entry.name === 'expected.json') out.push(full);
    }
    return out;
  }

  it.each(folders)('%s cases expect only that rule, with at least one passing and one failing case', (id) => {
    const cases = expectations(path.join(FIXTURES_DIR, id)).map((file) => ({
      file: path.relative(ROOT, file),
      ...(JSON.parse(readFileSync(file, 'utf8')) as { rule?: string; findings: { ruleId: string }[] }),
    }));
    for (const c of cases) {
      expect({ file: c.file, rule: c.rule }).toEqual({ file: c.file, rule: id });
      expect(
        c.findings.filter((f) => f.ruleId !== id),
        c.file,
      ).toEqual([]);
    }
    expect({
      id,
      passing: cases.some((c) => c.findings.length === 0),
      failing: cases.some((c) => c.findings.length > 0),
    }).toEqual({
      id,
      passing: true,
      failing: true,
    });
  });

  it('name only registered rules in the whole-repository cases', () => {
    const unknown = (existsSync(REPOS_DIR) ? expectations(REPOS_DIR) : []).flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { findings: { ruleId: string }[] }).findings
        .map((f) => f.ruleId)
        .filter((ruleId) => !ids.includes(ruleId))
        .map((ruleId) => `${path.relative(ROOT, file)}: ${ruleId}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the version', () => {
  it('src/version.ts TOOL_VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});

describe('the module graph', () => {
  // STYLE.md: imports run one way, down the pipeline. A cycle (type-only imports included) is a module without
  // a home; this walks every relative import under src/ and names the first cycle it finds.
  function importsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
    return specs.map((spec) => path.join(path.dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('src/ has no import cycle', () => {
    const graph = new Map(sourceFiles(path.join(ROOT, 'src')).map((file) => [file, importsOf(file)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done' || cycles.length > 0) return;
      if (state.get(file) === 'open') {
        cycles.push(
          [...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(ROOT, f)).join(' -> '),
        );
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
