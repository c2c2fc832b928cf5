// Finds, in one parsed source file, the calls and values that use a Claude API feature outside ZDR, and the Agent
// SDK options that change what Claude Code sends. Works on tree-sitter trees of every supported language through
// a few node kinds they all have (calls, key/value entries, assignments, strings, comments, imports): the
// differences are tables, not code paths. Comments and strings are never taken for calls; type references are
// not calls either; a call counts only in a file that uses an Anthropic SDK, on a receiver not bound to another
// vendor's client.
import type { Node, Tree } from 'web-tree-sitter';
import type { Span } from '../../model.js';
import {
  type AgentFindingId,
  BROWSER_HEADER,
  CHAIN_PATTERNS,
  CODE_EXECUTION_TOOL,
  CONTENT_SWITCHES,
  COVERED_MODEL,
  CREATING_METHODS,
  DYNAMIC_WEB_TOOL,
  EXPORTERS,
  type FeatureId,
  HTTP_PATHS,
  TELEMETRY_SWITCH,
  TYPED_CODE_EXECUTION,
  TYPED_COVERED_MODEL,
  TYPED_DYNAMIC_WEB,
  UMBRELLA,
} from './features.js';

export type SiteKind = FeatureId | AgentFindingId;

/** One place in a source file that a ZDR rule reports. */
export interface CodeSite {
  kind: SiteKind;
  /** 0-based offset and length in the text that was parsed. */
  offset: number;
  length: number;
  /** What the code says there, short: `client.beta.files.upload`, `type: "code_execution_20250825"`. */
  what: string;
  /** The variable (env findings), or the sources listed (settingSources). */
  detail?: string;
}

export interface CodeComment {
  offset: number;
  text: string;
}

export interface CodeAnalysis {
  sites: CodeSite[];
  comments: CodeComment[];
  /** The file imports or uses the Claude API SDK / the Agent SDK / names the API host. */
  usesApi: boolean;
  usesAgentSdk: boolean;
}

/** The spans a site covers, for a caller that maps offsets to lines. */
export type SiteSpan = Span;

const CALL_TYPES = new Set([
  'call_expression',
  'call',
  'method_invocation',
  'invocation_expression',
  'member_call_expression',
  'function_call_expression',
  'scoped_call_expression',
]);
const ARGUMENT_TYPES = new Set(['arguments', 'argument_list', 'call_suffix', 'value_arguments']);
const ENTRY_TYPES = new Set(['pair', 'keyword_argument', 'keyed_element', 'array_element_initializer']);
const ASSIGNMENT_TYPES = new Set([
  'variable_declarator',
  'assignment',
  'short_var_declaration',
  'assignment_expression',
  'property_declaration',
  'public_field_definition',
  'field_definition',
  'var_spec',
  'const_spec',
]);
const PARAMETER_TYPES = new Set([
  'required_parameter',
  'optional_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'formal_parameter',
  'parameter',
  'parameter_declaration',
  'simple_parameter',
  'property_promotion_parameter',
]);
const IMPORT_TYPES = new Set([
  'import_statement',
  'import_from_statement',
  'import_declaration',
  'import_spec',
  'import_header',
  'using_directive',
  'namespace_use_declaration',
]);
const STRING_TYPES = new Set([
  'string',
  'template_string',
  'string_literal',
  'interpreted_string_literal',
  'raw_string_literal',
  'encapsed_string',
  'verbatim_string_literal',
  'line_string_literal',
]);
const OBJECT_TYPES = new Set([
  'object',
  'dictionary',
  'hash',
  'literal_value',
  'composite_literal',
  'array_creation_expression',
  'initializer_expression',
  'argument_list',
  'arguments',
]);
const IDENTIFIER_TYPES = new Set([
  'identifier',
  'type_identifier',
  'field_identifier',
  'simple_identifier',
  'name',
  'constant',
  'property_identifier',
]);

const API_IMPORT =
  /@anthropic-ai\/sdk|(^|[^\w-])anthropic([^\w-]|$)|github\.com\/anthropics\/anthropic-sdk-go|\bcom\.anthropic\b|\bAnthropic\b/;
const AGENT_IMPORT =
  /@anthropic-ai\/claude-agent-sdk|@anthropic-ai\/claude-code\b|claude[_-]agent[_-]sdk|claude_code_sdk/;
const OTHER_VENDOR_IMPORT = /openai|@google\/genai|google[.-]genai|google\.generativeai|mistral|cohere|groq/i;
const ANTHROPIC_CONSTRUCTOR =
  /(^|[^\w])(Async)?Anthropic(Client|OkHttpClient(Async)?)?\b(?![.:\\]\w*(Bedrock|Vertex))|anthropic\.NewClient\b|Anthropic::Client\b|Anthropic\\Client\b/;
const OTHER_CONSTRUCTOR =
  /\b(Async)?(Azure)?OpenAI(Client|OkHttpClient)?\b|\bopenai\.NewClient\b|GoogleGenAI|genai\.Client|\bMistral\b|\bCohere(Client)?\b|\bGroq\b/;
const AGENT_OPTION_KEYS = new Set([
  'allowedTools',
  'disallowedTools',
  'permissionMode',
  'settingSources',
  'systemPrompt',
  'maxTurns',
  'mcpServers',
  'canUseTool',
  'pathToClaudeCodeExecutable',
  'includePartialMessages',
  'resume',
  'hooks',
  'agents',
  'executable',
]);
const API_HOST = /api\.anthropic\.com/;

/**
 * The text being analysed: nodes are sliced from it with a bound, because `node.text` of an outer node copies
 * everything inside it, and doing that at every level of a deeply nested file would be quadratic.
 */
let source = '';

function textOf(node: Node, max = 400): string {
  return source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + max));
}

/** Lower case without `_`, `$`, `@`: the SDKs spell one segment `batches`, `Batches`, `$batches`, `memory_stores`. */
function normal(segment: string): string {
  return segment.replace(/[_$@\s]/g, '').toLowerCase();
}

/** The literal text of a string node: quotes, prefixes and escapes of the common kinds removed. */
function literal(node: Node): string | undefined {
  if (!STRING_TYPES.has(node.type)) return symbolText(node);
  const parts = node.namedChildren.filter(
    (c): c is Node =>
      c !== null &&
      /^(string_content|string_fragment|escape_sequence|interpreted_string_literal_content|string_value|literal_content)$/.test(
        c.type,
      ),
  );
  if (parts.some((p) => p.type !== 'escape_sequence')) return parts.map((p) => p.text).join('');
  const match = /^[a-zA-Z@$%]*("""|'''|"|'|`)([\s\S]*)\1(u8)?$/.exec(node.text);
  return match?.[2] ?? undefined;
}

/** The text of the callee of a call (`client.messages.batches.create`), arguments left out. */
function calleeText(call: Node): string {
  let args = call.childForFieldName('arguments');
  if (args === null) {
    for (let i = call.namedChildCount - 1; i >= 0; i--) {
      const child = call.namedChild(i);
      if (child !== null && ARGUMENT_TYPES.has(child.type)) {
        args = child;
        break;
      }
    }
  }
  const end = args === null ? call.endIndex : args.startIndex;
  return source.slice(call.startIndex, Math.min(end, call.startIndex + 2000));
}

/** `client.messages().batches().create` → [client, messages, batches, create], argument lists dropped. */
function segments(callee: string): string[] {
  let flat = '';
  let depth = 0;
  // PHP's `->` is a separator, not a closing angle bracket.
  for (const ch of callee.replace(/\??->/g, '.')) {
    if (ch === '(' || ch === '[' || ch === '<') depth++;
    else if (ch === ')' || ch === ']' || ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0) flat += ch;
  }
  return flat
    .split(/\?\.|->|::|!!\.|\.|\\/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TRANSPARENT_SEGMENTS = new Set(['withrawresponse', 'withstreamingresponse', 'withoptions', 'await']);

interface ChainMatch {
  feature: FeatureId;
  distinctive: boolean;
  /** The receiver: the segments before the collection. */
  receiver: string[];
}

function matchChain(parts: string[]): ChainMatch | undefined {
  const normals = parts.map(normal).filter((s) => !TRANSPARENT_SEGMENTS.has(s));
  const raw = parts.filter((s) => !TRANSPARENT_SEGMENTS.has(normal(s)));
  if (normals.length < 2) return undefined;
  const method = normals[normals.length - 1]!.replace(/async$/, '');
  if (!CREATING_METHODS.has(method)) return undefined;
  for (const pattern of CHAIN_PATTERNS) {
    const start = normals.length - 1 - pattern.path.length;
    if (start < 0) continue;
    if (pattern.path.every((p, i) => normals[start + i] === p)) {
      // `client.files.upload` on the GA collection: the receiver must be there (a bare `files.upload()` is anyone's).
      if (start === 0) continue;
      return { feature: pattern.feature, distinctive: pattern.distinctive, receiver: raw.slice(0, start) };
    }
  }
  return undefined;
}

/** `unrelated`: bound to some other object built in this file (`new S3Client()`): not a client of any vendor we know. */
type Vendor = 'anthropic' | 'other' | 'unrelated';

function bindingKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^(this|self|\$this)(\.|->)|^@/, '')
    .replace(/^\$/, '');
}

function classifyText(text: string): Vendor | undefined {
  if (OTHER_CONSTRUCTOR.test(text)) return 'other';
  if (ANTHROPIC_CONSTRUCTOR.test(text)) return 'anthropic';
  return undefined;
}

/** What an assignment's right-hand side binds: a known client, or some other constructed object. */
function classifyValue(text: string): Vendor | undefined {
  const known = classifyText(text);
  if (known !== undefined) return known;
  // `new Store()`, `Store()`, `Store.new`, `NewStore()`, `boto3.client("s3")`: an object that is not ours.
  if (/^\s*(await\s+)?(new\s+[\w.$\\]+|[\w.$\\]*[A-Z]\w*\s*\(|[\w:]+\.new\b|[\w.]+\.client\s*\()/.test(text))
    return 'unrelated';
  return undefined;
}

function entryParts(node: Node): { key: string; keyNode: Node; value: Node } | undefined {
  if (ENTRY_TYPES.has(node.type)) {
    const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (named.length < 2) return undefined;
    const keyNode = node.childForFieldName('key') ?? node.childForFieldName('name') ?? named[0]!;
    let value = node.childForFieldName('value') ?? named[named.length - 1]!;
    // Go wraps keys and values of a struct literal in literal_element.
    if (value.type === 'literal_element' && value.namedChild(0) !== null) value = value.namedChild(0)!;
    const key = literal(keyNode) ?? keyNode.text.replace(/^[:$]|:$/g, '');
    return { key, keyNode, value };
  }
  if (node.type === 'assignment_expression' && node.parent?.type === 'initializer_expression') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left !== null && right !== null) return { key: left.text, keyNode: left, value: right };
  }
  return undefined;
}

function ancestorEntryKey(node: Node): string | undefined {
  for (let at = node.parent, i = 0; at !== null && i < 6; at = at.parent, i++) {
    const entry = entryParts(at);
    if (entry !== undefined) return entry.key;
    // A call in between (`container=dict(skills=[…])`) still builds its value; six levels bound the climb.
  }
  return undefined;
}

function isDocstring(node: Node): boolean {
  const parent = node.parent;
  return parent !== null && parent.type === 'expression_statement' && parent.namedChildCount === 1;
}

function isComparison(node: Node): boolean {
  const parent = valueParent(node);
  if (parent === null) return false;
  if (parent.type === 'comparison_operator' || parent.type === 'switch_case') return true;
  if (['case_pattern', 'union_pattern', 'keyword_pattern', 'dict_pattern'].includes(parent.type)) return true;
  if (parent.type === 'binary_expression') return /(^|[^=!<>])(===?|!==?)/.test(textOf(parent, 200));
  return false;
}

/** The object (dict, hash, struct literal, builder chain) a tool's `type` sits in. */
function enclosingObject(node: Node): Node {
  let at = node;
  for (let i = 0; i < 8 && at.parent !== null; i++) {
    const parent = at.parent;
    if (parent.type === 'array' || parent.type === 'list' || parent.type.endsWith('statement')) return at;
    at = parent;
    if (OBJECT_TYPES.has(at.type) && at.type !== 'argument_list' && at.type !== 'arguments') return at;
  }
  return at;
}

/** The builder chain or literal a typed tool name belongs to (`WebSearchTool20260209.builder()….build()`). */
function enclosingChain(node: Node): Node {
  let at = node;
  for (let i = 0; i < 12 && at.parent !== null; i++) {
    const parent = at.parent;
    if (
      CALL_TYPES.has(parent.type) ||
      ARGUMENT_TYPES.has(parent.type) ||
      /member|selector|field_access|navigation|qualified|scope|composite|object_creation|literal_value|generic_name/.test(
        parent.type,
      )
    ) {
      at = parent;
    } else break;
  }
  return at;
}

const DIRECT_ONLY =
  /allowed_?callers["']?\s*[:=(]+\s*(\[|List\.of\(|listOf\(|arrayOf\(|new\s*\[\]\s*\{|\{)?\s*(:?["']|:)direct["']?\s*[\])}]/i;

function truthy(value: string): boolean {
  return /^(1|true|yes|on)$/i.test(value.trim());
}

export interface AnalyseInput {
  tree: Tree;
  /** The text the tree was parsed from. */
  text: string;
  /** Go, Java, Kotlin, C#, PHP and Ruby spell tools and models as typed names too. */
  typed: boolean;
  /** Whether `env` of the Agent SDK replaces the environment (TypeScript/JavaScript) or merges (Python). */
  envReplaces: boolean;
}

export function analyseTree({ tree, text, typed, envReplaces }: AnalyseInput): CodeAnalysis {
  source = text;
  const comments: CodeComment[] = [];
  const calls: Node[] = [];
  const entries: { key: string; keyNode: Node; value: Node; node: Node }[] = [];
  const strings: Node[] = [];
  const identifiers: Node[] = [];
  const bindings = new Map<string, Vendor>();
  let usesApi = false;
  let usesAgentSdk = false;
  let otherVendor = false;
  let namesHost = false;

  const importText = (text: string) => {
    if (AGENT_IMPORT.test(text)) usesAgentSdk = true;
    else if (API_IMPORT.test(text)) usesApi = true;
    if (OTHER_VENDOR_IMPORT.test(text)) otherVendor = true;
  };

  const stack: { node: Node; inImport: boolean }[] = [{ node: tree.rootNode, inImport: false }];
  while (stack.length > 0) {
    const { node, inImport } = stack.pop()!;
    const type = node.type;
    if (type.includes('comment')) {
      comments.push({ offset: node.startIndex, text: node.text });
      continue;
    }
    const importing = inImport || IMPORT_TYPES.has(type);
    if (IMPORT_TYPES.has(type)) importText(node.text);
    if (CALL_TYPES.has(type)) {
      calls.push(node);
      const callee = calleeText(node).trim();
      if (/^(require|require_relative|import|__import__|importlib\.import_module)$/.test(callee))
        importText(node.text);
    }
    if (STRING_TYPES.has(type)) {
      strings.push(node);
      if (API_HOST.test(node.text)) namesHost = true;
    }
    const entry = entryParts(node);
    if (entry !== undefined) entries.push({ ...entry, node });
    if (!importing && IDENTIFIER_TYPES.has(type) && node.childCount === 0) identifiers.push(node);
    if (ASSIGNMENT_TYPES.has(type) || PARAMETER_TYPES.has(type)) {
      const left =
        node.childForFieldName('left') ?? node.childForFieldName('name') ?? node.childForFieldName('pattern');
      const right =
        node.childForFieldName('right') ?? node.childForFieldName('value') ?? node.childForFieldName('type');
      const named = node.namedChildren.filter((c): c is Node => c !== null);
      const lhs = left ?? kotlinDeclared(named) ?? named[0];
      const rhs = right ?? named[named.length - 1];
      if (lhs !== undefined && rhs !== undefined && lhs.id !== rhs.id) {
        const vendor = ASSIGNMENT_TYPES.has(type) ? classifyValue(textOf(rhs)) : classifyText(textOf(rhs));
        if (vendor !== undefined) {
          const key = bindingKey(textOf(lhs, 200));
          bindings.set(key, vendor);
          if (vendor === 'anthropic' && ASSIGNMENT_TYPES.has(type)) usesApi = true;
        }
      }
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child !== null) stack.push({ node: child, inImport: importing });
    }
  }

  const sites: CodeSite[] = [];
  const add = (kind: SiteKind, node: Node, what: string, detail?: string) => {
    sites.push({ kind, offset: node.startIndex, length: node.endIndex - node.startIndex, what, detail });
  };
  const short = (text: string) => {
    const one = text.replace(/\s+/g, ' ');
    return one.length > 80 ? `${one.slice(0, 77)}…` : one;
  };

  const vendorOf = (receiver: string[]): Vendor | undefined => {
    const text = receiver.join('.');
    const direct = classifyText(text);
    if (direct !== undefined) return direct;
    const key = bindingKey(text);
    return bindings.get(key) ?? bindings.get(key.slice(key.lastIndexOf('.') + 1));
  };

  if (usesApi) {
    for (const call of calls) {
      const callee = calleeText(call);
      const match = matchChain(segments(callee));
      if (match === undefined) continue;
      const vendor = vendorOf(match.receiver);
      if (vendor === 'other') continue;
      if (vendor === 'unrelated' && !match.distinctive) continue;
      if (vendor === undefined && !match.distinctive && otherVendor) continue;
      add(match.feature, call, short(callee.trim()));
    }
  }

  const reportedObjects = new Set<number>();
  const hasMcpServers = entries.some((e) => normal(e.key) === 'mcpservers');
  const agentOptionsObject = (object: Node | null): boolean => {
    if (object === null) return false;
    if (object.type === 'argument_list') {
      const callee = object.parent === null ? '' : calleeText(object.parent);
      return /(ClaudeAgentOptions|ClaudeCodeOptions)\s*$/.test(callee);
    }
    if (object.type !== 'object') return false;
    const holder = object.parent === null ? undefined : entryParts(object.parent);
    if (holder?.key === 'options') return true;
    if (object.parent?.type === 'arguments') {
      const callee = object.parent.parent === null ? '' : calleeText(object.parent.parent);
      if (/(^|\.)query\s*$/.test(callee)) return true;
    }
    return object.namedChildren.some((c) => {
      const e = c === null ? undefined : entryParts(c);
      return e !== undefined && AGENT_OPTION_KEYS.has(e.key);
    });
  };

  for (const { key, keyNode, value, node } of entries) {
    const k = normal(key);
    const text = literal(value);
    if (usesApi || namesHost) {
      if (k === 'type' && text !== undefined) {
        if (CODE_EXECUTION_TOOL.test(text) || text === 'container_upload') {
          add('code-execution', node, short(textOf(node, 200)));
        } else if (DYNAMIC_WEB_TOOL.test(text)) {
          const object = enclosingObject(node);
          reportedObjects.add(object.id);
          if (!DIRECT_ONLY.test(textOf(object, 4000)))
            add('web-dynamic-filtering', node, short(textOf(node, 200)));
        } else if (text === 'mcp_toolset' && !hasMcpServers) {
          add('mcp-connector', node, short(textOf(node, 200)));
        }
      } else if (k === 'allowedcallers' && /code_execution_20\d{6}/.test(textOf(value, 1000))) {
        const object = enclosingObject(node);
        const isWebTool = object.namedChildren.some((c) => {
          const e = c === null ? undefined : entryParts(c);
          return e !== undefined && normal(e.key) === 'type' && DYNAMIC_WEB_TOOL.test(literal(e.value) ?? '');
        });
        if (!isWebTool) add('code-execution', node, short(textOf(node, 200)));
      } else if (k === 'mcpservers' && usesApi && !agentOptionsObject(node.parent)) {
        add('mcp-connector', node, short(`${key}: …`));
      } else if (
        k === 'skills' &&
        ancestorEntryKey(node) !== undefined &&
        normal(ancestorEntryKey(node)!) === 'container'
      ) {
        add('skills', node, short(`container.${key}`));
      } else if (k.includes('model') && text !== undefined && COVERED_MODEL.test(text)) {
        add('covered-model', value, short(textOf(node, 200)));
      } else if (k === 'dangerouslyallowbrowser' && /^true$/i.test(textOf(value, 20))) {
        add('browser-access', node, short(textOf(node, 200)));
      } else if (key.toLowerCase() === BROWSER_HEADER && literal(keyNode) !== undefined) {
        add('browser-access', node, short(textOf(node, 200)));
      }
    }
    if (usesAgentSdk) {
      const inOptions = agentOptionsObject(node.parent);
      if (
        (key === 'env' && inOptions) ||
        (key === 'env' && node.type === 'keyword_argument' && agentOptionsObject(node.parent))
      ) {
        if (value.type !== 'object' && value.type !== 'dictionary') continue;
        let spread = false;
        let umbrella = false;
        for (const child of value.namedChildren) {
          if (child === null) continue;
          if (child.type === 'spread_element' || child.type === 'dictionary_splat') {
            spread = true;
            continue;
          }
          const variable = entryParts(child);
          if (variable === undefined) continue;
          const setting = literal(variable.value);
          if (variable.key === UMBRELLA) umbrella = true;
          if (setting === undefined) continue;
          if (variable.key === TELEMETRY_SWITCH && truthy(setting)) {
            add('agent-env-telemetry', child, short(textOf(child, 200)), variable.key);
          } else if (CONTENT_SWITCHES.includes(variable.key) && truthy(setting)) {
            add('agent-env-telemetry', child, short(textOf(child, 200)), variable.key);
          } else if (
            EXPORTERS.includes(variable.key) &&
            setting.trim() !== '' &&
            !/^none$/i.test(setting.trim())
          ) {
            add('agent-env-telemetry', child, short(textOf(child, 200)), variable.key);
          }
        }
        if (envReplaces && !spread && !umbrella) add('agent-env-umbrella', node, 'env: { … }');
      } else if (
        (key === 'settingSources' || key === 'setting_sources') &&
        (value.type === 'array' || value.type === 'list')
      ) {
        const listed = value.namedChildren.map((c) => (c === null ? undefined : literal(c)));
        if (listed.some((s) => s === undefined)) continue;
        if (!listed.includes('project'))
          add('agent-setting-sources', node, short(textOf(node, 200)), listed.join(', '));
      }
    }
  }

  if (usesApi || namesHost) {
    for (const node of strings) {
      const text = literal(node);
      if (text === undefined || isDocstring(node) || isComparison(node)) continue;
      if (node.parent !== null && entryParts(node.parent)?.keyNode.id === node.id) continue;
      if (API_HOST.test(text) || (namesHost && /^\/v1\//.test(text))) {
        for (const { path, feature } of HTTP_PATHS) {
          if (path.test(text)) {
            add(feature, node, short(textOf(node, 200)));
            break;
          }
        }
      }
      if (COVERED_MODEL.test(text)) {
        const parent = valueParent(node); // `"claude-fable-5" as const` stands where the string would
        if (parent === null || entryParts(parent)?.value.id === node.id) continue; // the entry loop took it
        // `MODEL = "claude-fable-5"`, `.model("claude-fable-5")`.
        let holder: Node | null = parent;
        if (holder !== null && ARGUMENT_TYPES.has(holder.type)) holder = holder.parent;
        if (holder !== null && (holder.type === 'argument' || holder.type === 'value_argument'))
          holder = holder.parent?.parent ?? null;
        if (holder?.type === 'call_suffix') holder = holder.parent; // Kotlin: `.model("…")` is call(callee, suffix)
        const context =
          holder === null
            ? ''
            : CALL_TYPES.has(holder.type)
              ? calleeText(holder)
              : source.slice(Math.max(holder.startIndex, node.startIndex - 200), node.startIndex);
        if (
          /model\w*\W*$/i.test(context.trim()) ||
          (ASSIGNMENT_TYPES.has(holder?.type ?? '') && /model/i.test(context))
        ) {
          add('covered-model', node, short(textOf(holder ?? node, 200)));
        }
      }
    }
  }

  if (typed && usesApi) {
    for (const node of identifiers) {
      const name = node.text;
      if (TYPED_CODE_EXECUTION.test(name)) add('code-execution', node, name);
      else if (TYPED_DYNAMIC_WEB.test(name)) {
        const chain = enclosingChain(node);
        const chainText = textOf(chain, 4000);
        if (!DIRECT_ONLY.test(chainText) && !/allowedCallers\s*\(\s*[^)]*Direct/i.test(chainText))
          add('web-dynamic-filtering', node, name);
      } else if (TYPED_COVERED_MODEL.test(name)) add('covered-model', node, name);
    }
  }

  // One finding per place and feature: a typed name that repeats on a line (a declaration and its builder) counts once.
  const seen = new Set<string>();
  const unique: CodeSite[] = [];
  for (const site of sites.sort((a, b) => a.offset - b.offset)) {
    const key = `${site.kind}\u0000${site.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(site);
  }
  return { sites: unique, comments, usesApi: usesApi || namesHost, usesAgentSdk };
}

/**
 * A Ruby symbol (`:code_execution_20250825`, `:"claude-fable-5"`): the Ruby SDK spells tool types and model ids so.
 * Other nodes that are no string have no literal text.
 */
function symbolText(node: Node): string | undefined {
  if (node.type !== 'simple_symbol' && node.type !== 'delimited_symbol') return undefined;
  return node.text.replace(/^:/, '').replace(/^(["'])(.*)\1$/s, '$2');
}

/** Kotlin's `val x: T = …` has no fields and starts with `val` (or modifiers): the name is in its declaration. */
function kotlinDeclared(named: Node[]): Node | undefined {
  return named.find((c) => c.type === 'variable_declaration')?.namedChild(0) ?? undefined;
}

/** Where a value stands: the parent of `node`, past `as const`, `satisfies T`, `!`, casts, parentheses and `=`. */
function valueParent(node: Node): Node | null {
  let parent = node.parent;
  while (parent !== null && VALUE_WRAPPERS.has(parent.type)) parent = parent.parent;
  return parent;
}

const VALUE_WRAPPERS = new Set([
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
  'cast_expression',
  'parenthesized_expression',
  'equals_value_clause', // C#'s `= "…"` in `string model = "…"`
]);
