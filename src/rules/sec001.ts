// A credential committed in plain text is readable by everyone with the repository, forever (git history).
// Claude Code's credential variables are listed on docs: authentication "Authentication precedence";
// Anthropic keys start with `sk-ant-`. The message names the variable and file, never the value.
import { earliestFindings, pushAll } from '../bounded.js';
import { CREDENTIAL_VARIABLES } from '../scope/env.js';
import type { SettingsFile, WorkflowFile } from '../parse/files.js';
import type { Location, RawFinding } from '../model.js';
import type { JsonNode } from '../parse/json.js';
import { nodeSpan } from '../parse/json.js';
import { ANTHROPIC_KEY_PATTERN } from '../redact.js';
import { positionAt, type SourceFile, spanAt } from '../discover/source.js';
import type { Rule } from './types.js';

const PLACEHOLDER_WORDS = [
  'example',
  'dummy',
  'changeme',
  'change-me',
  'change_me',
  'placeholder',
  'redacted',
  'your-',
  'your_',
  'replace',
];

// The checks below avoid regular expressions that backtrack: /\$\{\{[^}]*\}\}/ takes quadratic time on a value
// of `${{` repeated and /^(.)\1+$/ overflows the stack on a 10 MB run of one character (test/hostile.test.ts).

/** `${ … }` somewhere in the value, `${{ secrets.X }}` included. */
function hasExpression(value: string): boolean {
  const open = value.indexOf('${');
  return open !== -1 && value.indexOf('}', open + 2) !== -1;
}

/**
 * At least two of one character, nothing else: `********`, `00000000`. Given a trimmed value's tail, so never a
 * run of blanks or line breaks.
 */
function isOneCharacterRepeated(text: string): boolean {
  const first = text[0];
  if (text.length < 2) return false;
  for (let i = 1; i < text.length; i++) if (text[i] !== first) return false;
  return true;
}

/** A value that stands for a credential rather than being one (SPEC §6, SEC001). */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim();
  if (value === '') return true;
  if (hasExpression(value) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return true; // ${{ secrets.X }}, ${VAR}, $VAR
  if (/^<[^>]*>$/.test(value)) return true;
  const lower = value.toLowerCase();
  // What follows a known key prefix is what matters: sk-ant-xxxxxxxx is a placeholder too.
  const body = lower.replace(/^sk-ant-(api\d+-|oat\d+-|admin\d+-)?/, '');
  if (body.startsWith('xxx') || /^test([-_.]|$)/.test(body) || body.includes('...') || body.includes('…'))
    return true;
  if (isOneCharacterRepeated(body)) return true; // ******** or 00000000
  return PLACEHOLDER_WORDS.some((word) => lower.includes(word));
}

/** Whether a value for variable `name` is a committed credential. */
export function isCommittedCredential(name: string | undefined, value: string): boolean {
  if (isPlaceholder(value)) return false;
  if (ANTHROPIC_KEY_PATTERN.test(value)) return true;
  return name !== undefined && CREDENTIAL_VARIABLES.has(name) && value.trim().length >= 16;
}

function finding(location: Location, what: string, scope: string | null): RawFinding {
  const file = location.file ?? 'the file';
  return {
    ruleId: 'SEC001',
    ...location,
    scope,
    message: `${what} is committed in plain text in \`${file}\`.`,
    fix: `Rotate the credential now, remove it from \`${file}\`, and supply it at run time (a CI secret or the shell environment).`,
  };
}

/**
 * What a message calls a committed value: its credential variable, or an Anthropic key and the name it is set under
 * as `place` writes it. A name that is itself shaped like a key is not repeated.
 */
function credentialLabel(name: string, place: string): string {
  if (CREDENTIAL_VARIABLES.has(name)) return name;
  return ANTHROPIC_KEY_PATTERN.test(name) ? 'An Anthropic key' : `An Anthropic key (in ${place})`;
}

/** Walk a JSON tree for credential-named properties and key-shaped strings. */
function jsonSecrets(source: SourceFile, tree: JsonNode): RawFinding[] {
  const out: RawFinding[] = [];
  const stack: JsonNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'property') {
      const [key, value] = node.children ?? [];
      const name = typeof key?.value === 'string' ? key.value : '';
      if (value?.type === 'string' && isCommittedCredential(name, value.value)) {
        out.push(
          finding(
            { file: source.path, ...nodeSpan(source, node) },
            credentialLabel(name, JSON.stringify(name)),
            null,
          ),
        );
        continue;
      }
    } else if (node.type === 'string' && isCommittedCredential(undefined, node.value)) {
      // A key anywhere else: an item of a list, a property's name, the whole document.
      out.push(finding({ file: source.path, ...nodeSpan(source, node) }, 'An Anthropic key', null));
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}

/** For files that did not parse: a line-by-line look for Anthropic keys. */
function textSecrets(source: SourceFile): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = new Set<number>();
  const pattern = new RegExp(ANTHROPIC_KEY_PATTERN.source, 'g');
  for (const match of source.text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const token = match[0];
    if (isPlaceholder(token)) continue;
    const line = positionAt(source, start).line;
    if (lines.has(line)) continue;
    lines.add(line);
    out.push(
      finding({ file: source.path, ...spanAt(source, start, token.length) }, 'An Anthropic key', null),
    );
  }
  return out;
}

/** The credential variable a workflow key names: env names as written, action inputs such as `anthropic_api_key`. */
function credentialName(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (CREDENTIAL_VARIABLES.has(key)) return key;
  return CREDENTIAL_VARIABLES.has(key.toUpperCase()) ? key.toUpperCase() : undefined;
}

/**
 * A workflow: Anthropic keys anywhere in its text (comments and `run:` scripts included), and long values under a
 * credential name (`env:`, `with:`, `claude_env` lines, the inline `settings` JSON). `${{ secrets.X }}` is a placeholder.
 */
function workflowSecrets(file: WorkflowFile): RawFinding[] {
  const out = textSecrets(file.source);
  for (const entry of file.workflow.strings) {
    const name = credentialName(entry.key);
    if (name === undefined || ANTHROPIC_KEY_PATTERN.test(entry.value)) continue;
    if (!isCommittedCredential(name, entry.value)) continue;
    out.push(
      finding({ file: file.source.path, ...spanAt(file.source, entry.offset, entry.length) }, name, null),
    );
  }
  return out;
}

/**
 * In a file that did not parse: `NAME: "value"` / `NAME=value` for the credential variables, on one line. A quoted
 * value runs to its closing quote on the line, so that `"${ANTHROPIC_API_KEY}"` is read whole (a placeholder); one
 * without a closing quote (a likely reason the file did not parse) to the next blank, quote, comma or brace.
 */
function namedTextSecrets(source: SourceFile): RawFinding[] {
  const out: RawFinding[] = [];
  const names = [...CREDENTIAL_VARIABLES].join('|');
  const pattern = new RegExp(
    `["']?\\b(${names})\\b["']?\\s*[:=]\\s*(?:"([^"\\r\\n]*)"|'([^'\\r\\n]*)'|["']?([^"'\\s,}]+))`,
    'g',
  );
  for (const match of source.text.matchAll(pattern)) {
    const [, name, doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare;
    if (name === undefined || value === undefined || !isCommittedCredential(name, value)) continue;
    const start = match.index ?? 0;
    out.push(finding({ file: source.path, ...spanAt(source, start, match[0].length) }, name, null));
  }
  return out;
}

/** Both text scans for a file that did not parse, one finding per line. */
function unparsedSecrets(source: SourceFile): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = new Set<number>();
  for (const f of [...namedTextSecrets(source), ...textSecrets(source)]) {
    if (lines.has(f.line)) continue;
    lines.add(f.line);
    out.push(f);
  }
  return out;
}

function settingsScope(file: SettingsFile, scopes: { id: string; files: string[] }[]): string | null {
  return scopes.find((s) => s.files.includes(file.source.path))?.id ?? null;
}

export const SEC001: Rule = {
  id: 'SEC001',
  title: 'A credential is committed',
  policies: ['hygiene'],
  severity: 'error',
  rationale:
    'ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN, CLAUDE_CODE_OAUTH_TOKEN, AWS_BEARER_TOKEN_BEDROCK, ANTHROPIC_FOUNDRY_API_KEY and ANTHROPIC_AWS_API_KEY authenticate Claude Code (docs: authentication). Committed in plain text, a key is readable by everyone with the repository and stays in its history after deletion.',
  remediation:
    'Rotate the key, remove it from the file, and supply it at run time: a CI secret (${{ secrets.ANTHROPIC_API_KEY }}), the shell, or apiKeyHelper.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.kind === 'dotenv') {
        for (const entry of file.dotenv.entries) {
          if (!isCommittedCredential(entry.name, entry.value)) continue;
          findings.push(
            finding({ file: file.source.path, ...entry.span }, credentialLabel(entry.name, entry.name), null),
          );
        }
      } else if (file.kind === 'workflow') {
        pushAll(findings, earliestFindings(workflowSecrets(file)));
      } else if (file.kind === 'dockerfile' || file.kind === 'compose') {
        // ENV/ARG lines of an image and a service's environment: baked into every container built from them.
        const entries =
          file.kind === 'dockerfile'
            ? file.dockerfile.env
            : file.compose.services.flatMap((service) => service.environment);
        for (const entry of entries) {
          if (entry.unknown || !isCommittedCredential(entry.name, entry.value)) continue;
          findings.push(
            finding({ file: file.source.path, ...entry.span }, credentialLabel(entry.name, entry.name), null),
          );
        }
      } else if (file.kind === 'code') {
        continue;
      } else if (file.json.ok && file.json.tree !== undefined) {
        const scope = file.kind === 'settings' ? settingsScope(file, context.scopes) : null;
        pushAll(
          findings,
          earliestFindings(jsonSecrets(file.source, file.json.tree)).map((f) => ({ ...f, scope })),
        );
      } else {
        pushAll(findings, earliestFindings(unparsedSecrets(file.source)));
      }
    }
    return findings;
  },
};
