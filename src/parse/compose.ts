// A Compose file (compose.yaml, docker-compose.yml …) read for the services that may run Claude Code: what each
// is built from (`build:` context and dockerfile), what it runs (`command:`, `entrypoint:`) and its
// `environment:` (map or `NAME=value` list form), with positions (docs.docker.com "Compose file reference").
// Aliases are resolved one step at a time and never expanded into values, so a hostile file stays cheap.
import type { Document, Node, Pair } from 'yaml';
import { yaml } from './yaml.js';
import type { Span } from '../model.js';
import { type SourceFile, spanAt } from '../discover/source.js';
import type { WorkflowEnvEntry } from './workflow.js';
import { hasExpression } from './workflow.js';

export interface ComposeService {
  name: string;
  /** The `NAME:` key of the service. */
  span: Span;
  /** The Dockerfile it is built from, relative to the Compose file's directory; undefined when it uses an image. */
  dockerfile: string | undefined;
  /** `command:` and `entrypoint:` joined, as one line. */
  command: string;
  /** The `environment:` key, where variables are added; undefined when the service has none. */
  environmentSpan: Span | undefined;
  environment: WorkflowEnvEntry[];
}

export interface ParsedCompose {
  ok: boolean;
  services: ComposeService[];
}

/** At most this many services are read. */
const MAX_SERVICES = 1000;

function resolve(document: Document, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 8 && yaml().isAlias(current); i++) current = current.resolve(document);
  return current;
}

function pairs(document: Document, node: unknown): Pair[] {
  const map = resolve(document, node);
  return yaml().isMap(map) ? map.items.filter((item): item is Pair => yaml().isPair(item)) : [];
}

function key(pair: Pair): string | undefined {
  return yaml().isScalar(pair.key) && pair.key.value != null ? String(pair.key.value) : undefined;
}

function get(list: Pair[], name: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of list) if (key(pair) === name) found = pair;
  return found;
}

function text(document: Document, node: unknown): string | undefined {
  const value = resolve(document, node);
  if (yaml().isScalar(value)) return value.value == null ? '' : String(value.value);
  return undefined;
}

function spanOf(source: SourceFile, node: Node | null | undefined, fallback: number): Span {
  const range = node?.range;
  const start = range?.[0] ?? fallback;
  const end = range?.[1] ?? start + 1;
  return spanAt(source, start, Math.max(1, end - start));
}

function pairSpan(source: SourceFile, pair: Pair): Span {
  const k = pair.key as Node | null;
  const v = pair.value as Node | null;
  const start = k?.range?.[0] ?? v?.range?.[0] ?? 0;
  let end = v?.range?.[1] ?? k?.range?.[1] ?? start + 1;
  while (end > start + 1 && /\s/.test(source.text[end - 1] ?? '')) end--;
  return spanAt(source, start, Math.max(1, end - start));
}

function environment(document: Document, source: SourceFile, node: unknown): WorkflowEnvEntry[] {
  const value = resolve(document, node);
  const out: WorkflowEnvEntry[] = [];
  if (yaml().isMap(value)) {
    for (const pair of pairs(document, value)) {
      const name = key(pair);
      const written = text(document, pair.value);
      if (name === undefined || written === undefined) continue;
      out.push(mapEntry(document, source, pair, name, written));
    }
  } else if (yaml().isSeq(value)) {
    for (const item of value.items) {
      const line = text(document, item);
      if (line === undefined) continue;
      const equals = line.indexOf('=');
      // `- NAME` without a value passes the variable through from the host: unknown here.
      const name = equals < 0 ? line.trim() : line.slice(0, equals).trim();
      const written = equals < 0 ? '' : line.slice(equals + 1);
      if (name === '') continue;
      out.push({
        name,
        value: written,
        unknown: equals < 0 || /\$/.test(written) || hasExpression(written),
        span: spanOf(source, resolve(document, item) as Node, 0),
      });
    }
  }
  return out;
}

function commandLine(document: Document, node: unknown): string {
  const value = resolve(document, node);
  if (yaml().isSeq(value)) return value.items.map((item) => text(document, item) ?? '').join(' ');
  return text(document, value) ?? '';
}

export function parseCompose(source: SourceFile): ParsedCompose {
  let document: Document;
  try {
    document = yaml().parseDocument(source.text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return { ok: false, services: [] };
  }
  if (document.errors.length > 0) return { ok: false, services: [] };
  const services: ComposeService[] = [];
  for (const pair of pairs(document, get(pairs(document, document.contents), 'services')?.value)) {
    if (services.length >= MAX_SERVICES) break;
    const name = key(pair);
    if (name === undefined) continue;
    const service = pairs(document, pair.value);
    const build = get(service, 'build');
    let dockerfile: string | undefined;
    if (build !== undefined) {
      const context = text(document, build.value);
      if (context !== undefined) {
        dockerfile = `${context.replace(/\/+$/, '') || '.'}/Dockerfile`;
      } else {
        const options = pairs(document, build.value);
        const dir = text(document, get(options, 'context')?.value) ?? '.';
        const file = text(document, get(options, 'dockerfile')?.value) ?? 'Dockerfile';
        dockerfile = `${dir.replace(/\/+$/, '') || '.'}/${file}`;
      }
    }
    const env = get(service, 'environment');
    services.push({
      name,
      span: spanOf(source, pair.key as Node, 0),
      dockerfile,
      command: [
        commandLine(document, get(service, 'entrypoint')?.value),
        commandLine(document, get(service, 'command')?.value),
      ]
        .join(' ')
        .trim(),
      environmentSpan: env === undefined ? undefined : spanOf(source, env.key as Node, 0),
      environment: env === undefined ? [] : environment(document, source, env.value),
    });
  }
  return { ok: true, services };
}

/** A map entry. `NAME:` without a value, like a bare `- NAME`, passes the variable through from the host: unknown. */
function mapEntry(
  document: Document,
  source: SourceFile,
  pair: Pair,
  name: string,
  written: string,
): WorkflowEnvEntry {
  const value = resolve(document, pair.value);
  const fromHost = yaml().isScalar(value) && value.value == null;
  return { name, value: written, unknown: fromHost || /\$/.test(written), span: pairSpan(source, pair) };
}
