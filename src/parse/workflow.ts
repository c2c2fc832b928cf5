// GitHub Actions workflow files, read with the `yaml` package so every node keeps its source range. Only the
// steps that run anthropics/claude-code-action (or claude-code-base-action) configure Claude Code; for each of
// them we keep what reaches the Claude process: workflow, job and step `env:`, the v0 `claude_env` input,
// the `settings` input (inline JSON or a path) and the `use_bedrock`/`use_vertex`/`use_foundry` inputs
// (base-action/src/setup-claude-code-settings.ts and action.yml of anthropics/claude-code-action).
// GitHub rejects a workflow that is not valid YAML or that defines a key twice ("'env' is already defined").
import type { Alias, Document, Node, Pair, Scalar } from 'yaml';
import { yaml } from './yaml.js';
import type { Span } from '../model.js';
import { createSourceFile, FIRST_LINE, positionAt, type SourceFile, spanAt } from '../discover/source.js';
import { type JsonNode, type JsonProblem, nodeAt, parseJson } from './json.js';
import { expandsAtRunTime, findClaudeCommand, githubEnvAppends, settingsArgument } from './shell.js';
import { EarliestItems } from '../bounded.js';

/** A syntax problem of the workflow itself (`syntax: 'yaml'`) or of an inline `settings` input (`'json'`). */
export interface WorkflowProblem {
  ruleId: 'CFG001' | 'CFG004' | 'CFG008';
  message: string;
  span: Span;
  syntax: 'yaml' | 'json';
  /** Duplicate keys after this one that were counted, not built (bounded.ts). */
  more?: number;
}

/** One `NAME: value` as it reaches the Claude process: an `env:` entry, a `claude_env` line, a settings `env` entry. */
export interface WorkflowEnvEntry {
  name: string;
  /** The string the process sees (YAML numbers and booleans as GitHub writes them; null as ''). */
  value: string;
  /** Built by a `${{ … }}` expression: only known at run time. */
  unknown: boolean;
  /** The `NAME: value` pair in the workflow file. */
  span: Span;
}

/** A string value and the key it was written under, for the committed-credential check (SEC001). */
export interface WorkflowString {
  key: string | undefined;
  value: string;
  /** Offset and length in the workflow text of the `key: value` pair (or the lone value). */
  offset: number;
  length: number;
}

/** A top-level key of an inline `settings` JSON object, with its place in the workflow file. */
export interface InlineSettingsKey {
  key: string;
  value: unknown;
  span: Span;
}

export type SettingsInput =
  /** `keys` and `env` are empty when the JSON is not valid (a CFG001 problem) or not an object. */
  | { kind: 'inline'; span: Span; keys: InlineSettingsKey[]; env: WorkflowEnvEntry[] }
  /** A path as written, a leading `${{ github.workspace }}/` removed (then `fromWorkspace`, whatever the directory). */
  | { kind: 'path'; span: Span; path: string; fromWorkspace: boolean }
  /** Built by an expression: nothing about it is known before run time. */
  | { kind: 'unknown'; span: Span };

export const PROVIDER_INPUTS = {
  use_bedrock: 'CLAUDE_CODE_USE_BEDROCK',
  use_vertex: 'CLAUDE_CODE_USE_VERTEX',
  use_foundry: 'CLAUDE_CODE_USE_FOUNDRY',
} as const;

export type ProviderInputName = keyof typeof PROVIDER_INPUTS;

/** A `use_bedrock`/`use_vertex`/`use_foundry` input as written. */
export interface ProviderInput {
  input: ProviderInputName;
  variable: (typeof PROVIDER_INPUTS)[ProviderInputName];
  /** The action sets the variable to "1" only when the input equals 'true' (GitHub compares strings ignoring case). */
  selected: boolean;
  unknown: boolean;
  raw: string;
  span: Span;
}

/**
 * A step that runs Claude Code: through claude-code-action or claude-code-base-action (`kind: 'action'`), or a
 * `run:` script that starts it (`claude …`, `npx -y @anthropic-ai/claude-code …`; `kind: 'run'`).
 */
export interface ClaudeStep {
  kind: 'action' | 'run';
  /** Readable and stable within the file: `jobs.<job>.steps[<0-based index>]`. */
  path: string;
  /** The `uses:` value, or the command word of a `run:` step. */
  uses: string;
  /** The `uses:` pair, or the command in the `run:` script: where a requirement that nothing meets is reported. */
  usesSpan: Span;
  workflowEnv: WorkflowEnvEntry[];
  jobEnv: WorkflowEnvEntry[];
  /** `NAME=value` lines that earlier steps of the job append to `$GITHUB_ENV`, in order. */
  githubEnv: WorkflowEnvEntry[];
  stepEnv: WorkflowEnvEntry[];
  /** `--settings FILE|JSON` in `claude_args` or on the `run:` command line: the command-line settings layer. */
  cliSettings: SettingsInput | undefined;
  claudeEnv: WorkflowEnvEntry[];
  providers: ProviderInput[];
  settings: SettingsInput | undefined;
  /**
   * Where a `run:` step starts: its `working-directory`, else `defaults.run.working-directory` of its job, else of
   * the workflow; undefined for the workspace itself, and for the action, which always starts there.
   */
  workingDirectory: WorkingDirectory | undefined;
}

/** A directory as written, a leading `${{ github.workspace }}/` removed; or one only known at run time. */
export type WorkingDirectory = { kind: 'path'; path: string } | { kind: 'unknown' };

export interface ParsedWorkflow {
  /** False when the file is not valid YAML: GitHub does not run it, so it has no Claude steps. */
  ok: boolean;
  problems: WorkflowProblem[];
  claudeSteps: ClaudeStep[];
  /** Every string value (and every `claude_env` line and inline settings string); empty when not ok. */
  strings: WorkflowString[];
}

/** A value GitHub computes at run time (`${{ secrets.X }}`, `${{ matrix.provider }}` …). */
export function hasExpression(value: string): boolean {
  // indexOf, not a lazy regex: a value of many `${{` without `}}` would make the regex quadratic.
  const start = value.indexOf('${{');
  return start >= 0 && value.indexOf('}}', start + 3) >= 0;
}

const CLAUDE_ACTIONS = [
  'anthropics/claude-code-action',
  'anthropics/claude-code-action/base-action',
  'anthropics/claude-code-base-action',
];

/** Whether a step's `uses:` runs Claude Code with the action's inputs, at any ref (`@v1`, `@beta`, a SHA). */
export function isClaudeAction(uses: string): boolean {
  const at = uses.indexOf('@');
  const name = (at < 0 ? uses : uses.slice(0, at)).trim().replace(/\/+$/, '').toLowerCase();
  return CLAUDE_ACTIONS.includes(name);
}

export function parseWorkflow(source: SourceFile): ParsedWorkflow {
  let documents: Document[];
  try {
    documents = parseDocuments(source.text);
  } catch (error) {
    // The parser recurses on nesting; a hostile file must not take the scan down with it.
    const deep = error instanceof RangeError;
    return {
      ok: false,
      problems: [
        {
          ruleId: deep ? 'CFG008' : 'CFG001',
          message: deep ? 'nested too deeply to parse' : 'not valid YAML: the parser gave up on this file',
          span: FIRST_LINE,
          syntax: 'yaml',
        },
      ],
      claudeSteps: [],
      strings: [],
    };
  }
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) {
      // An error found at the end of the text (an unclosed bracket) is shown on the last line that has content.
      const last = Math.max(0, trimmedEnd(source.text, source.text.length) - 1);
      const start = Math.min(error.pos[0], last);
      const end = Math.max(start + 1, Math.min(error.pos[1], last + 1));
      return {
        ok: false,
        problems: [
          {
            ruleId: 'CFG001',
            message: `not valid YAML: ${describeYamlError(error.message)}`,
            span: spanAt(source, start, Math.max(1, end - start)),
            syntax: 'yaml',
          },
        ],
        claudeSteps: [],
        strings: [],
      };
    }
  }
  const reader = new WorkflowReader(source, documents);
  return reader.read();
}

function describeYamlError(message: string): string {
  const first = message.split('\n')[0]!.trim().replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

type YamlMapNode = { items: Pair[] };

class WorkflowReader {
  private readonly problems: WorkflowProblem[] = [];
  /** Duplicate YAML keys: the first ones built, the rest counted (a crafted workflow can hold a million). */
  private readonly duplicates = new EarliestItems<WorkflowProblem>();
  private readonly strings: WorkflowString[] = [];
  /**
   * Each document's anchors by name, in source order. The yaml library's Alias.resolve walks the whole document
   * for every alias: 4,000 `env: *shared` would be 4,000 walks. Here each alias is one binary search.
   */
  private readonly anchors = new Map<Document, Map<string, { offset: number; node: unknown }[]>>();
  /** Each mapping's merged pairs, computed once: a chain of `<<:` merges would otherwise be re-merged per lookup. */
  private readonly merged = new Map<YamlMapNode, Pair[]>();

  constructor(
    private readonly source: SourceFile,
    private readonly documents: Document[],
  ) {}

  read(): ParsedWorkflow {
    for (const document of this.documents) this.collect(document);
    this.problems.push(...this.duplicates.items((problem, more) => ({ ...problem, more })));
    // The workflow is the first document with content; a workflow file has no use for more, and they are not read.
    const document = this.documents.find((d) => d.contents !== null);
    const claudeSteps = document === undefined ? [] : this.claudeSteps(document);
    this.problems.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
    return { ok: true, problems: this.problems, claudeSteps, strings: this.strings };
  }

  // Duplicate keys and string values, over every node once (aliases are not followed: their anchor is walked).
  private collect(document: Document): void {
    const anchors = new Map<string, { offset: number; node: unknown }[]>();
    this.anchors.set(document, anchors);
    const stack: unknown[] = [document.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      const anchor = (node as { anchor?: unknown } | null | undefined)?.anchor;
      const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
      if (typeof anchor === 'string' && range) {
        const list = anchors.get(anchor) ?? [];
        list.push({ offset: range[0], node });
        anchors.set(anchor, list);
      }
      if (yaml().isMap(node)) {
        this.duplicateKeys(node);
        for (const pair of node.items) {
          const key = scalarKey(pair);
          if (yaml().isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.range) {
            const start =
              yaml().isScalar(pair.key) && pair.key.range ? pair.key.range[0] : pair.value.range[0];
            this.strings.push({
              key,
              value: pair.value.value,
              offset: start,
              length: trimmedEnd(this.source.text, pair.value.range[1]) - start,
            });
          }
          stack.push(pair.key, pair.value);
        }
      } else if (yaml().isSeq(node)) {
        for (const item of node.items) {
          if (yaml().isScalar(item) && typeof item.value === 'string' && item.range) {
            this.strings.push({
              key: undefined,
              value: item.value,
              offset: item.range[0],
              length: trimmedEnd(this.source.text, item.range[1]) - item.range[0],
            });
          }
          stack.push(item);
        }
      }
    }
    for (const list of anchors.values()) list.sort((a, b) => a.offset - b.offset);
  }

  /** The node an alias names: the last anchor of that name before it (YAML lets an anchor be redefined). */
  private anchorFor(document: Document, alias: Alias): unknown {
    const list = this.anchors.get(document)?.get(alias.source);
    const offset = alias.range?.[0];
    if (list === undefined || offset === undefined) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: unknown;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.offset < offset) {
        found = list[mid]!.node;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private duplicateKeys(map: YamlMapNode): void {
    const seen = new Map<string, Scalar>();
    for (const pair of map.items) {
      if (!yaml().isScalar(pair.key) || pair.key.range == null) continue;
      const name = String(pair.key.value);
      if (name === '<<') continue;
      const earlier = seen.get(name);
      const range = pair.key.range;
      if (earlier?.range) {
        const first = earlier.range[0];
        this.duplicates.offer(range[0], () => ({
          ruleId: 'CFG004',
          message: `duplicate key "${name}" (first on line ${positionAt(this.source, first).line}): GitHub rejects the whole workflow ('${name}' is already defined)`,
          span: spanAt(this.source, range[0], range[1] - range[0]),
          syntax: 'yaml',
        }));
      }
      seen.set(name, pair.key);
    }
  }

  private claudeSteps(document: Document): ClaudeStep[] {
    const steps: ClaudeStep[] = [];
    const root = this.map(document, document.contents);
    if (root === undefined) return steps;
    const workflowEnv = this.env(document, get(this.pairs(document, root), 'env'));
    const workflowDirectory = this.defaultDirectory(document, root);
    const jobs = this.map(document, get(this.pairs(document, root), 'jobs'));
    if (jobs === undefined) return steps;
    for (const jobPair of this.pairs(document, jobs)) {
      const jobId = scalarKey(jobPair);
      const job = this.map(document, jobPair.value);
      if (jobId === undefined || job === undefined) continue;
      const jobPairs = this.pairs(document, job);
      // A job with `uses:` calls a reusable workflow: it has no steps of its own here.
      const list = this.resolve(document, get(jobPairs, 'steps'));
      if (!yaml().isSeq(list)) continue;
      const jobEnv = this.env(document, get(jobPairs, 'env'));
      const jobDirectory = this.defaultDirectory(document, job) ?? workflowDirectory;
      const githubEnv: WorkflowEnvEntry[] = [];
      list.items.forEach((item, index) => {
        const step = this.map(document, item);
        if (step === undefined) return;
        const stepPairs = this.pairs(document, step);
        const path = `jobs.${jobId}.steps[${index}]`;
        const usesPair = getPair(stepPairs, 'uses');
        const uses = this.resolve(document, usesPair?.value);
        const runPair = getPair(stepPairs, 'run');
        const run = this.resolve(document, runPair?.value);
        if (usesPair !== undefined && yaml().isScalar(uses) && typeof uses.value === 'string') {
          if (!isClaudeAction(uses.value)) return;
          const inputs = this.pairs(document, this.map(document, get(stepPairs, 'with')));
          steps.push({
            kind: 'action',
            path,
            uses: uses.value,
            usesSpan: this.pairSpan(usesPair),
            workflowEnv,
            jobEnv,
            githubEnv: [...githubEnv],
            stepEnv: this.env(document, get(stepPairs, 'env')),
            cliSettings: this.commandLineSettings(document, getPair(inputs, 'claude_args')),
            claudeEnv: this.claudeEnv(document, getPair(inputs, 'claude_env')),
            providers: this.providers(document, inputs),
            settings: this.settings(document, getPair(inputs, 'settings')),
            workingDirectory: undefined,
          });
        } else if (yaml().isScalar(run) && typeof run.value === 'string') {
          const text = run.value;
          const offsets = scalarOffsets(this.source.text, run, text);
          const command = findClaudeCommand(text);
          if (command !== undefined) {
            const argument = settingsArgument(command.args);
            steps.push({
              kind: 'run',
              path,
              uses: text.slice(command.start, command.end),
              usesSpan: this.mappedSpan(offsets, command.start, command.end),
              workflowEnv,
              jobEnv,
              githubEnv: [...githubEnv],
              stepEnv: this.env(document, get(stepPairs, 'env')),
              cliSettings:
                argument === undefined
                  ? undefined
                  : this.settingsValue(
                      argument.value,
                      offsets.slice(command.argsStart + argument.start, command.argsStart + argument.end + 1),
                      this.mappedSpan(
                        offsets,
                        command.argsStart + argument.start,
                        command.argsStart + argument.end,
                      ),
                    ),
              claudeEnv: [],
              providers: [],
              settings: undefined,
              workingDirectory: this.directory(document, get(stepPairs, 'working-directory')) ?? jobDirectory,
            });
          }
          // What this step writes to $GITHUB_ENV reaches the steps after it (docs: "Setting an environment variable").
          for (const append of githubEnvAppends(text)) {
            githubEnv.push({
              name: append.name,
              value: append.value,
              unknown: expandsAtRunTime(append.value) || hasExpression(append.value),
              span: this.mappedSpan(offsets, append.start, append.end),
            });
          }
        }
      });
    }
    return steps;
  }

  private resolve(document: Document, node: unknown): unknown {
    let current = node;
    // An alias of an alias is not valid YAML, but stay bounded whatever the library hands back.
    for (let i = 0; i < 8 && yaml().isAlias(current); i++)
      current = this.anchorFor(document, current as Alias);
    return current;
  }

  private map(document: Document, node: unknown): YamlMapNode | undefined {
    const resolved = this.resolve(document, node);
    return yaml().isMap(resolved) ? resolved : undefined;
  }

  /** A mapping's pairs, `<<: *anchor` merges first so that the mapping's own keys win; later duplicates win. */
  // Each mapping is merged once (memoised), and a mapping being merged is not merged into itself again.
  private pairs(document: Document, map: YamlMapNode | undefined, seen = new Set<YamlMapNode>()): Pair[] {
    if (map === undefined || seen.has(map)) return [];
    const done = this.merged.get(map);
    if (done !== undefined) return done;
    seen.add(map);
    const result = this.mergePairs(document, map, seen);
    seen.delete(map);
    this.merged.set(map, result);
    return result;
  }

  private mergePairs(document: Document, map: YamlMapNode, seen: Set<YamlMapNode>): Pair[] {
    const merged: Pair[] = [];
    const own: Pair[] = [];
    for (const pair of map.items) {
      if (!yaml().isPair(pair)) continue;
      if (scalarKey(pair) === '<<') {
        const value = this.resolve(document, pair.value);
        const sources = yaml().isSeq(value) ? value.items : [value];
        for (const source of sources) {
          for (const inherited of this.pairs(document, this.map(document, source), seen))
            merged.push(inherited);
        }
      } else {
        own.push(pair);
      }
    }
    // Later keys win, so only the last pair of each name matters: keeping one per name keeps a merge chain linear.
    const last = new Map<string | undefined, Pair>();
    const unnamed: Pair[] = [];
    for (const pair of [...merged, ...own]) {
      const name = scalarKey(pair);
      if (name === undefined) unnamed.push(pair);
      else {
        last.delete(name);
        last.set(name, pair);
      }
    }
    return [...unnamed, ...last.values()];
  }

  private env(document: Document, node: unknown): WorkflowEnvEntry[] {
    const entries: WorkflowEnvEntry[] = [];
    for (const pair of this.pairs(document, this.map(document, node))) {
      const name = scalarKey(pair);
      const value = this.resolve(document, pair.value);
      if (name === undefined || !(yaml().isScalar(value) || value == null)) continue;
      const text = scalarText(value);
      entries.push({ name, value: text, unknown: hasExpression(text), span: this.pairSpan(pair) });
    }
    return entries;
  }

  private providers(document: Document, inputs: Pair[]): ProviderInput[] {
    const out: ProviderInput[] = [];
    for (const input of Object.keys(PROVIDER_INPUTS) as ProviderInputName[]) {
      const pair = getPair(inputs, input);
      const value = this.resolve(document, pair?.value);
      if (pair === undefined || !(yaml().isScalar(value) || value == null)) continue;
      const raw = scalarText(value);
      out.push({
        input,
        variable: PROVIDER_INPUTS[input],
        selected: raw.toLowerCase() === 'true',
        unknown: hasExpression(raw),
        raw,
        span: this.pairSpan(pair),
      });
    }
    return out;
  }

  // The action reads claude_env line by line: `KEY: value`, split at the first colon, `#` lines skipped
  // (base-action parseCustomEnvVars). A value wrapped in quotes is read as YAML would, without them.
  private claudeEnv(document: Document, pair: Pair | undefined): WorkflowEnvEntry[] {
    const node = this.resolve(document, pair?.value);
    if (!yaml().isScalar(node) || typeof node.value !== 'string') return [];
    const text = node.value;
    const offsets = scalarOffsets(this.source.text, node, text);
    const entries: WorkflowEnvEntry[] = [];
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const trimmed = line.trim();
      const colon = trimmed.indexOf(':');
      if (trimmed !== '' && !trimmed.startsWith('#') && colon > 0) {
        const name = trimmed.slice(0, colon).trim();
        let value = trimmed.slice(colon + 1).trim();
        if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) {
          value = value.slice(1, -1);
        }
        const first = lineStart + line.indexOf(trimmed[0]!);
        const last = lineStart + line.lastIndexOf(trimmed[trimmed.length - 1]!);
        const span = this.mappedSpan(offsets, first, last + 1);
        if (name !== '') {
          entries.push({ name, value, unknown: hasExpression(value), span });
          this.strings.push({ key: name, value, ...this.mappedRange(offsets, first, last + 1) });
        }
      }
      if (newline < 0) break;
      lineStart = newline + 1;
    }
    return entries;
  }

  private settings(document: Document, pair: Pair | undefined): SettingsInput | undefined {
    if (pair === undefined) return undefined;
    const node = this.resolve(document, pair.value);
    const span = this.pairSpan(pair);
    if (!yaml().isScalar(node) || node.value == null) return undefined;
    const text = scalarText(node);
    return this.settingsValue(text, scalarOffsets(this.source.text, node, text), span);
  }

  /** `--settings FILE|JSON` in the action's `claude_args` input. */
  private commandLineSettings(document: Document, pair: Pair | undefined): SettingsInput | undefined {
    const node = this.resolve(document, pair?.value);
    if (!yaml().isScalar(node) || typeof node.value !== 'string') return undefined;
    const text = node.value;
    const argument = settingsArgument(text);
    if (argument === undefined) return undefined;
    const offsets = scalarOffsets(this.source.text, node, text);
    return this.settingsValue(
      argument.value,
      offsets.slice(argument.start, argument.end + 1),
      this.mappedSpan(offsets, argument.start, argument.end),
    );
  }

  /** A settings value (inline JSON, or a path) whose characters sit at `offsets` in the workflow text. */
  private settingsValue(text: string, offsets: number[], span: Span): SettingsInput | undefined {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    // The action's own test: inline JSON starts with `{` or `[`; anything else is a path.
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
      const path = trimmed.replace(WORKSPACE, '');
      return hasExpression(path) || expandsAtRunTime(path)
        ? { kind: 'unknown', span }
        : { kind: 'path', span, path, fromWorkspace: path !== trimmed };
    }
    return this.inlineSettings(offsets, text, span);
  }

  /** `defaults.run.working-directory` of a workflow or job mapping. */
  private defaultDirectory(document: Document, map: YamlMapNode): WorkingDirectory | undefined {
    const defaults = this.map(document, get(this.pairs(document, map), 'defaults'));
    const run = this.map(document, get(this.pairs(document, defaults), 'run'));
    return this.directory(document, get(this.pairs(document, run), 'working-directory'));
  }

  private directory(document: Document, node: unknown): WorkingDirectory | undefined {
    const value = this.resolve(document, node);
    if (!yaml().isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '')
      return undefined;
    const path = value.value.trim().replace(WORKSPACE, '');
    return hasExpression(path) || expandsAtRunTime(path) ? { kind: 'unknown' } : { kind: 'path', path };
  }

  private inlineSettings(offsets: number[], text: string, span: Span): SettingsInput {
    const virtual = createSourceFile(this.source.path, text);
    const json = parseJson(virtual);
    const expression = hasExpression(text);
    if (!json.ok) {
      // An expression outside a JSON string is substituted before the action parses the text: not an error here.
      if (expression) return { kind: 'unknown', span };
      for (const problem of json.problems) this.problems.push(this.mappedProblem(problem, virtual, offsets));
      return { kind: 'inline', span, keys: [], env: [] };
    }
    for (const problem of json.problems) this.problems.push(this.mappedProblem(problem, virtual, offsets));
    const value = json.value;
    const tree = json.tree;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || tree === undefined) {
      return { kind: 'inline', span, keys: [], env: [] };
    }
    const record = value as Record<string, unknown>;
    const keys: InlineSettingsKey[] = [];
    for (const key of Object.keys(record)) {
      const property = propertyNode(tree, [key]);
      keys.push({ key, value: record[key], span: property ? this.nodeSpan(offsets, property) : span });
    }
    const env: WorkflowEnvEntry[] = [];
    const block = record.env;
    if (typeof block === 'object' && block !== null && !Array.isArray(block)) {
      for (const [name, raw] of Object.entries(block as Record<string, unknown>)) {
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
        const property = propertyNode(tree, ['env', name]);
        const entrySpan = property ? this.nodeSpan(offsets, property) : span;
        env.push({
          name,
          value: String(raw),
          unknown: typeof raw === 'string' && hasExpression(raw),
          span: entrySpan,
        });
      }
    }
    // String properties anywhere in the object, for SEC001 at their own line.
    const stack: JsonNode[] = [tree];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current.type === 'property') {
        const [key, val] = current.children ?? [];
        if (typeof key?.value === 'string' && val?.type === 'string') {
          this.strings.push({
            key: key.value,
            value: String(val.value),
            ...this.mappedRange(offsets, current.offset, current.offset + current.length),
          });
        }
      }
      for (const child of current.children ?? []) stack.push(child);
    }
    return { kind: 'inline', span, keys, env };
  }

  private mappedProblem(problem: JsonProblem, virtual: SourceFile, offsets: number[]): WorkflowProblem {
    const start = virtualOffset(virtual, problem.span.line, problem.span.column);
    const end = Math.max(start + 1, virtualOffset(virtual, problem.span.endLine, problem.span.endColumn));
    const message = problem.message.replace(/\(first on line (\d+)\)/, (_match, line: string) => {
      const at = offsets[virtualOffset(virtual, Number(line), 1)] ?? 0;
      return `(first on line ${positionAt(this.source, at).line})`;
    });
    return {
      ruleId: problem.ruleId,
      message:
        problem.ruleId === 'CFG001'
          ? `the \`settings\` input is ${message}; the action stops before Claude Code starts`
          : `in the \`settings\` input: ${message}`,
      span: this.mappedSpan(offsets, start, end),
      syntax: 'json',
      ...(problem.more === undefined ? {} : { more: problem.more }),
    };
  }

  private nodeSpan(offsets: number[], node: JsonNode): Span {
    return this.mappedSpan(offsets, node.offset, node.offset + node.length);
  }

  /** The workflow span of the value characters [start, end). */
  private mappedSpan(offsets: number[], start: number, end: number): Span {
    const range = this.mappedRange(offsets, start, end);
    return spanAt(this.source, range.offset, range.length);
  }

  private mappedRange(offsets: number[], start: number, end: number): { offset: number; length: number } {
    const from = offsets[Math.min(start, offsets.length - 1)] ?? 0;
    const last = offsets[Math.min(Math.max(start, end - 1), offsets.length - 1)] ?? from;
    return { offset: from, length: Math.max(1, last + 1 - from) };
  }

  /** From the key to the end of the value, trailing blank lines of block scalars left out. */
  private pairSpan(pair: Pair): Span {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = trimmedEnd(this.source.text, value?.range?.[1] ?? key?.range?.[1] ?? start + 1);
    return spanAt(this.source, start, Math.max(1, end - start));
  }
}

function scalarKey(pair: Pair): string | undefined {
  return yaml().isScalar(pair.key) && pair.key.value != null ? String(pair.key.value) : undefined;
}

function getPair(pairs: Pair[], key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of pairs) if (scalarKey(pair) === key) found = pair;
  return found;
}

function get(pairs: Pair[], key: string): unknown {
  return getPair(pairs, key)?.value;
}

/** The string GitHub passes on for a scalar: numbers and booleans as text, null (an empty value) as ''. */
function scalarText(node: unknown): string {
  if (!yaml().isScalar(node)) return '';
  const value = node.value;
  if (value == null) return '';
  return typeof value === 'string' ? value : String(value);
}

function trimmedEnd(text: string, end: number): number {
  let at = Math.min(end, text.length);
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

function virtualOffset(file: SourceFile, line: number, column: number): number {
  const start = file.lineStarts[Math.max(0, Math.min(line, file.lineStarts.length) - 1)] ?? 0;
  return Math.min(file.text.length, start + Math.max(0, column - 1));
}

/** The `"key": value` property node at a path of the JSON tree. */
function propertyNode(tree: JsonNode, path: string[]): JsonNode | undefined {
  const value = nodeAt(tree, path);
  return value?.parent?.type === 'property' ? value.parent : value;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The character a double-quoted escape at `at` stands for ('' for an escaped line break), and its length. */
function escapeAt(text: string, at: number): { char: string; length: number } {
  const next = text[at + 1] ?? '';
  if (next === '\n') return { char: '', length: 2 };
  if (next === '\r') return { char: '', length: text[at + 2] === '\n' ? 3 : 2 };
  const hex = HEX_ESCAPES[next];
  if (hex !== undefined) {
    const code = Number.parseInt(text.slice(at + 2, at + 2 + hex), 16);
    return { char: Number.isNaN(code) ? '' : String.fromCodePoint(code), length: 2 + hex };
  }
  return { char: SIMPLE_ESCAPES[next] ?? next, length: 2 };
}

/**
 * For each character of a scalar's value, its offset in the file (plus one entry for the end). The value is
 * the text with YAML's layout taken out (block indentation, folded line breaks, quotes, escapes), so walking
 * both in step and skipping layout characters lines them up; a character YAML produced (an escape's result,
 * a folded space) maps to the next source character.
 */
export function scalarOffsets(text: string, node: Scalar, value: string): number[] {
  const [rangeStart, rangeEnd] = node.range ?? [0, 0];
  const end = Math.min(rangeEnd, text.length);
  const double = node.type === 'QUOTE_DOUBLE';
  const quote = double ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  let j = rangeStart;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    // Skip the header (`|`, `>-`, an indentation indicator and any comment) to the first content line.
    const newline = text.indexOf('\n', rangeStart);
    j = newline < 0 || newline >= end ? end : newline + 1;
  } else if (quote !== '') {
    j = rangeStart + 1;
  }
  const offsets: number[] = new Array(value.length + 1);
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let k = j;
    let matched = -1;
    let width = 1;
    while (k < end) {
      const s = text[k]!;
      if (double && s === '\\') {
        const escaped = escapeAt(text, k);
        if (escaped.char === c) {
          matched = k;
          width = escaped.length;
          break;
        }
        if (escaped.char === '') {
          k += escaped.length;
          continue;
        }
        break;
      }
      if (s === c) {
        matched = k;
        break;
      }
      if (s === ' ' || s === '\t' || s === '\n' || s === '\r' || (quote !== '' && s === quote)) k++;
      else break;
    }
    if (matched >= 0) {
      offsets[i] = matched;
      j = matched + width;
    } else {
      offsets[i] = Math.min(j, Math.max(rangeStart, end - 1));
      if (double && text[j] === '\\') j += escapeAt(text, j).length;
    }
  }
  offsets[value.length] = Math.min(j, end);
  return offsets;
}

/**
 * The documents of a YAML text. The parser reports running out of stack on deep nesting as an error of the document
 * (RESOURCE_EXHAUSTION) rather than throwing: it is thrown here as the RangeError it was, so that a file too deep to
 * read is reported as not checked (CFG008), not as invalid YAML at whatever depth the stack ran out.
 */
function parseDocuments(text: string): Document[] {
  const documents = [...yaml().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false })];
  for (const document of documents) {
    if (document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) {
      throw new RangeError('nested too deeply');
    }
  }
  return documents;
}

/**
 * A leading `${{ github.workspace }}` and the slashes after it: what follows is a path in the workspace. Anything
 * else right after the braces (`${{ github.workspace }}-x`) names a folder beside it, so the value stays unknown.
 */
const WORKSPACE = /^\$\{\{\s*github\.workspace\s*\}\}(?:\/+|$)/;
