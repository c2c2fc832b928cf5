// Parses a source file with its language's tree-sitter grammar (loaded on first use) and locates what
// analyse.ts/shell.ts found on the file's own lines: for a notebook, on the JSON lines of its code cells; for a
// workflow, on the lines of its `run:` blocks.
import { pushAll } from '../../bounded.js';
import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import type { SourceFile } from '../../discover/source.js';
import { createSourceFile, positionAt } from '../../discover/source.js';
import type { WorkflowFile } from '../files.js';
import { analyseTree, type CodeAnalysis } from './analyse.js';
import type { CodeFile, CodeLanguage, LocatedComment, LocatedSite } from './code-file.js';
import { type Grammar, parserFor } from './grammars.js';
import { analyseShellTree } from './shell.js';

function grammarOf(language: CodeLanguage, path: string): Grammar {
  switch (language) {
    case 'typescript':
      return path.endsWith('.tsx') ? 'tsx' : 'typescript';
    case 'javascript':
      return 'javascript';
    case 'python':
    case 'notebook':
      return 'python';
    case 'csharp':
      return 'c_sharp';
    case 'shell':
      return 'bash';
    default:
      return language;
  }
}

/**
 * A file in which none of these words occurs cannot hold a site of any code rule (each rule needs one of them: a
 * collection name, a tool or model id, a parameter, `env`, `settingSources`) nor a suppression: it is not parsed.
 * Most source files of a repository that uses the SDK are skipped this way, at the cost of one regex scan.
 */
const MAY_HAVE_SITES =
  /batches|files|skills|tunnels|agents|sessions|environments|memory_?stores|vaults|code_?execution|container_upload|mcp|(search|fetch)\w*2026|fable|mythos|dangerous|\benv\b|setting_?sources|claude-code-policy/i;
const SHELL_MAY_HAVE_SITES = /anthropic|claude-code-policy/i;

function mayHaveSites(text: string, language: CodeLanguage): boolean {
  return (language === 'shell' ? SHELL_MAY_HAVE_SITES : MAY_HAVE_SITES).test(text);
}

const TYPED: ReadonlySet<CodeLanguage> = new Set(['go', 'java', 'kotlin', 'csharp', 'php', 'ruby']);

async function analyseText(text: string, language: CodeLanguage, path: string): Promise<CodeAnalysis> {
  const parser = await parserFor(grammarOf(language, path));
  try {
    const tree = parser.parse(text);
    if (tree === null) throw new Error('the parser gave up');
    try {
      if (language === 'shell') return analyseShellTree(tree);
      return analyseTree({
        tree,
        text,
        typed: TYPED.has(language),
        envReplaces: language === 'typescript' || language === 'javascript',
      });
    } finally {
      tree.delete();
    }
  } finally {
    parser.delete();
  }
}

/** Maps offsets in a text made of pieces back to offsets in the file the pieces came from. */
interface PieceMap {
  /** Sorted by `at`: a piece of the analysed text starting at `at` comes from `from` in the file. */
  pieces: { at: number; from: number }[];
}

function mapOffset(map: PieceMap, offset: number): number {
  let lo = 0;
  let hi = map.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.pieces[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const piece = map.pieces[lo]!;
  return piece.from + (offset - piece.at);
}

function locate(
  source: SourceFile,
  analysis: CodeAnalysis,
  map: PieceMap | undefined,
): { sites: LocatedSite[]; comments: LocatedComment[] } {
  const at = (offset: number) => positionAt(source, map === undefined ? offset : mapOffset(map, offset));
  const seen = new Set<string>();
  const sites: LocatedSite[] = [];
  for (const site of analysis.sites) {
    const start = at(site.offset);
    // The end stays on the line of the start: a call's arguments may run over many lines.
    const firstLine = site.what.split('\n', 1)[0]!;
    const key = `${site.kind}\u0000${start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const end = map === undefined ? at(site.offset + site.length) : start;
    sites.push({
      kind: site.kind,
      span: {
        line: start.line,
        column: start.column,
        endLine: end.line === start.line ? end.line : start.line,
        endColumn: end.line === start.line ? end.column : start.column + firstLine.length,
      },
      what: site.what,
      ...(site.detail !== undefined ? { detail: site.detail } : {}),
    });
  }
  const comments = analysis.comments.map((c) => ({ ...at(c.offset), text: c.text.split('\n', 1)[0]! }));
  return { sites, comments };
}

/** A notebook's code cells as one Python program, each source line mapped to its JSON string. */
function notebookProgram(source: SourceFile): { text: string; map: PieceMap } | undefined {
  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(source.text, errors, { allowTrailingComma: false, disallowComments: true });
  if (root === undefined || root.type !== 'object') return undefined;
  const cells = root.children?.find((p) => p.children?.[0]?.value === 'cells')?.children?.[1];
  if (cells?.type !== 'array') return undefined;
  let text = '';
  const pieces: PieceMap['pieces'] = [];
  for (const cell of cells.children ?? []) {
    if (cell.type !== 'object') continue;
    const prop = (name: string): JsonNode | undefined =>
      cell.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
    if (prop('cell_type')?.value !== 'code') continue;
    const body = prop('source');
    const lines: JsonNode[] =
      body?.type === 'array'
        ? (body.children ?? []).filter((n) => n.type === 'string')
        : body?.type === 'string'
          ? [body]
          : [];
    for (const line of lines) {
      const value = String(line.value);
      // IPython magics and shell escapes are not Python: blanked, so the rest of the cell still parses.
      const code = value.replace(/^[ \t]*[%!].*$/gm, (m) => ' '.repeat(m.length));
      for (const [index, part] of code.split('\n').entries()) {
        // Escapes (\" \n) make JSON text longer than the value: columns after one shift a little; lines stay exact.
        const lineStart = index === 0 ? line.offset + 1 : line.offset + 1;
        pieces.push({ at: text.length, from: lineStart });
        text += part + (index < code.split('\n').length - 1 ? '\n' : '');
      }
    }
    if (!text.endsWith('\n')) text += '\n';
  }
  return { text, map: { pieces } };
}

export async function parseCode(source: SourceFile, language: CodeLanguage): Promise<CodeFile> {
  try {
    if (language === 'notebook') {
      const program = mayHaveSites(source.text, language) ? notebookProgram(source) : undefined;
      if (program === undefined) return { kind: 'code', language, source, sites: [], comments: [] };
      const analysis = await analyseText(program.text, language, source.path);
      return { kind: 'code', language, source, ...locate(source, analysis, program.map) };
    }
    if (!mayHaveSites(source.text, language))
      return { kind: 'code', language, source, sites: [], comments: [] };
    const analysis = await analyseText(source.text, language, source.path);
    return { kind: 'code', language, source, ...locate(source, analysis, undefined) };
  } catch (error) {
    return {
      kind: 'code',
      language,
      source,
      sites: [],
      comments: [],
      error: error instanceof Error ? error.message.split('\n', 1)[0]! : 'parse failed',
    };
  }
}

/** The shell of each `run:` block of a workflow, checked as a script; sites sit on the workflow's own lines. */
export async function parseWorkflowRuns(file: WorkflowFile): Promise<CodeFile | undefined> {
  const source = file.source;
  const runs = file.workflow.strings.filter((s) => s.key === 'run' && /anthropic/i.test(s.value));
  if (runs.length === 0) return undefined;
  const sites: LocatedSite[] = [];
  for (const run of runs) {
    // Each line of the value is found in the file after the `run:` key; a folded block that cannot be found
    // line by line is located at the key.
    const pieces: PieceMap['pieces'] = [];
    let cursor = run.offset;
    let at = 0;
    for (const line of run.value.split('\n')) {
      const found = line.trim() === '' ? -1 : source.text.indexOf(line, cursor);
      const from = found === -1 || found > run.offset + run.length ? run.offset : found;
      pieces.push({ at, from });
      if (found !== -1 && from === found) cursor = found + line.length;
      at += line.length + 1;
    }
    const analysis = await analyseText(run.value, 'shell', source.path);
    pushAll(sites, locate(source, { ...analysis, comments: [] }, { pieces }).sites);
  }
  return {
    kind: 'code',
    language: 'shell',
    source: createSourceFile(source.path, source.text),
    sites,
    comments: [],
  };
}
