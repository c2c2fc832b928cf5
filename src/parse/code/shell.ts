// Shell scripts and workflow `run:` blocks that call the Claude API over HTTP (curl, httpie, wget): the path and
// the beta header name the feature, the body may name tools and models. Only commands whose arguments name
// api.anthropic.com or carry an `anthropic-version`/`anthropic-beta` header count; a mention in `echo` or a comment
// is not a request.
import type { Node, Tree } from 'web-tree-sitter';
import { BETA_HEADERS, BODY_MARKERS, type FeatureId, HTTP_PATHS } from './features.js';
import type { CodeAnalysis, CodeComment, CodeSite } from './analyse.js';

const CLIENTS = new Set(['curl', 'http', 'https', 'xh', 'xhs', 'wget']);
const DATA_FLAGS =
  /^(-d|--data|--data-raw|--data-binary|--data-urlencode|--json|-F|--form|--form-string|-T|--upload-file|--post-data|--post-file|--body-data|--body-file)(=|$)|^-[a-zA-Z]*[dF]$/;
const SENDING_METHOD = /^(POST|PUT|PATCH)$/;

function argumentText(node: Node): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    default:
      return node.text.replace(/^["']|["']$/g, '');
  }
}

function commandName(node: Node): string {
  const name = node.childForFieldName('name');
  const text = name === null ? '' : name.text;
  return text.slice(text.lastIndexOf('/') + 1);
}

function analyseCommand(node: Node): FeatureId[] {
  const name = commandName(node);
  if (!CLIENTS.has(name)) return [];
  const args = node
    .childrenForFieldName('argument')
    .filter((c): c is Node => c !== null)
    .map(argumentText);
  const anthropic = args.some(
    (a) => /api\.anthropic\.com/.test(a) || /^anthropic-(version|beta)\s*:/i.test(a),
  );
  if (!anthropic) return [];
  let sends = false;
  const bodies: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (DATA_FLAGS.test(arg)) {
      sends = true;
      const inline = /^--?[\w-]+=(.*)$/s.exec(arg);
      if (inline !== null) bodies.push(inline[1]!);
      else if (args[i + 1] !== undefined) bodies.push(args[i + 1]!);
    } else if (
      (arg === '-X' || arg === '--request' || arg === '--method') &&
      SENDING_METHOD.test(args[i + 1] ?? '')
    ) {
      sends = true;
    } else if (/^--(request|method)=(POST|PUT|PATCH)$/.test(arg)) {
      sends = true;
    } else if (
      (name === 'http' || name === 'https' || name.startsWith('xh')) &&
      (SENDING_METHOD.test(arg) || /^[\w-]+(:=|=|@)/.test(arg))
    ) {
      sends = true;
      bodies.push(arg);
    }
  }
  if (!sends) return [];
  const features = new Set<FeatureId>();
  for (const arg of args) {
    if (/api\.anthropic\.com|^\/v1\//.test(arg)) {
      for (const { path, feature } of HTTP_PATHS) if (path.test(arg)) features.add(feature);
    }
    if (/^anthropic-beta\s*:/i.test(arg)) {
      for (const { value, feature } of BETA_HEADERS) if (value.test(arg)) features.add(feature);
    }
  }
  for (const body of bodies) {
    for (const { value, feature } of BODY_MARKERS) {
      if (feature === 'skills' && !/"container"\s*:/.test(body)) continue;
      if (value.test(body)) features.add(feature);
    }
  }
  return [...features];
}

export function analyseShellTree(tree: Tree): CodeAnalysis {
  const sites: CodeSite[] = [];
  const comments: CodeComment[] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment') {
      comments.push({ offset: node.startIndex, text: node.text });
      continue;
    }
    if (node.type === 'command') {
      for (const feature of analyseCommand(node)) {
        const first = node.text.split('\n', 1)[0]!;
        sites.push({
          kind: feature,
          offset: node.startIndex,
          length: first.length,
          what: first.length > 80 ? `${first.slice(0, 77)}…` : first,
        });
      }
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child !== null) stack.push(child);
    }
  }
  return { sites, comments, usesApi: sites.length > 0, usesAgentSdk: false };
}
