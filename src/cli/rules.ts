// `claude-code-policy rules` (the catalogue, as a table or JSON) and `explain RULE` (the rule's page in the
// terminal). The pages are docs/rules/<ID>.md, shipped in the package beside dist/: this file and the bundle
// (dist/cli/index.js) both sit two folders below the project root. Without the page (a bundle copied alone),
// explain prints what the registry knows and the page's URL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, describeError } from '../errors.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { docsUrl, TOOL_NAME } from '../version.js';
import { type CliIo, parseCommandArgs, stderrLine } from './io.js';
import { closestWord } from '../suggest.js';
import { colorChoice } from './terminal.js';

export const RULES_USAGE = `Usage: ${TOOL_NAME} rules [--format text|json]

List every rule: id, default severity, policies and title. --format json prints them as a JSON array
(id, title, policies, severity, docsUrl).
`;

export const EXPLAIN_USAGE = `Usage: ${TOOL_NAME} explain RULE

Print a rule's page: what it checks, why, an example, the exact fix and how to suppress it (e.g. explain NET001).
`;

function ruleList(): string[] {
  return RULES.map((rule) => rule.id);
}

export function findRule(word: string): Rule {
  const id = word.trim().toUpperCase();
  const rule = RULES.find((r) => r.id === id);
  if (rule !== undefined) return rule;
  const guess = closestWord(id, ruleList());
  throw new ConfigurationError(
    `unknown rule ${JSON.stringify(word)}${guess === undefined ? '' : ` (did you mean ${guess}?)`}; \`${TOOL_NAME} rules\` lists them`,
  );
}

function table(color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const header = ['RULE', 'SEVERITY', 'POLICIES', 'TITLE'];
  const rows = RULES.map((r) => [r.id, r.severity, r.policies.join(','), r.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return (
    [bold(line(header)), ...rows.map(line)].join('\n') +
    `\n\n${TOOL_NAME} explain RULE shows a rule's page.\n`
  );
}

export async function runRules(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(RULES_USAGE);
      return 0;
    }
    if (positionals.length > 0)
      throw new ConfigurationError(`rules takes no PATH (got ${JSON.stringify(positionals[0])})`);
    const format = values.format ?? 'text';
    if (format === 'json') {
      const list = RULES.map((r) => ({
        id: r.id,
        title: r.title,
        policies: r.policies,
        severity: r.severity,
        docsUrl: docsUrl(r.id),
      }));
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    } else if (format === 'text') {
      io.stdout(table(colorChoice(io, values.color, values['no-color'])));
    } else {
      throw new ConfigurationError('--format must be one of text, json for rules');
    }
    return 0;
  } catch (error) {
    stderrLine(io, describeError(error));
    return 2;
  }
}

/** docs/rules/<ID>.md next to this module's project (source tree, or the package the bundle came in). */
async function rulePage(id: string): Promise<string | undefined> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = [here, '..', '..', 'docs', 'rules', `${id}.md`].join(path.sep);
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function fromRegistry(rule: Rule): string {
  return [
    `# ${rule.id}: ${rule.title}`,
    '',
    `Policies: ${rule.policies.join(', ')} · Default severity: ${rule.severity}`,
    '',
    '## Why is this bad',
    '',
    rule.rationale,
    '',
    '## How to fix',
    '',
    rule.remediation,
    '',
  ].join('\n');
}

/** Markdown for a terminal: headings in bold when colour is on; nothing else changes. */
function forTerminal(markdown: string, color: boolean): string {
  const text = markdown.replace(/\r\n?/g, '\n');
  if (!color) return text;
  return text.replace(/^(#{1,6} .*)$/gm, '\u001b[1m$1\u001b[0m');
}

export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(EXPLAIN_USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new ConfigurationError(`explain takes one rule id, e.g. \`${TOOL_NAME} explain NET001\``);
    const rule = findRule(positionals[0]!);
    const page = (await rulePage(rule.id)) ?? fromRegistry(rule);
    const text = forTerminal(page, colorChoice(io, values.color, values['no-color']));
    io.stdout(`${text.trimEnd()}\n\n${docsUrl(rule.id)}\n`);
    return 0;
  } catch (error) {
    stderrLine(io, describeError(error));
    return 2;
  }
}
