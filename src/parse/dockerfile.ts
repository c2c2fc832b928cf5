// A Dockerfile (or Containerfile) read for what Claude Code in the image runs with: the `ENV` and `ARG` lines
// (with positions, `\` continuations and the legacy `ENV NAME value` form; docs.docker.com "Dockerfile
// reference"), and whether a `RUN`, `CMD` or `ENTRYPOINT` installs or starts Claude Code. Nothing is built or run.
import type { Span } from '../model.js';
import { type SourceFile, spanAt } from '../discover/source.js';
import { findClaudeCommand } from './shell.js';
import type { WorkflowEnvEntry } from './workflow.js';

export interface ParsedDockerfile {
  /** `ENV` and `ARG` (with a default) entries in file order; the later one wins. */
  env: WorkflowEnvEntry[];
  /** The first instruction that installs or starts Claude Code; undefined when none does (not a scope). */
  claude: Span | undefined;
}

/** One logical instruction: its text with continuations joined, and the source offset of each character. */
interface Instruction {
  keyword: string;
  /** The arguments after the keyword. */
  text: string;
  offsets: number[];
  /** Offset of the keyword. */
  start: number;
}

/** Installing or starting Claude Code: the npm package, the native installer, or a command that starts it. */
const INSTALLS = /@anthropic-ai\/claude-code|claude\.ai\/install\.(?:sh|ps1|cmd)/;

/** At most this many instructions are read: a hostile file cannot make the scan slow. */
const MAX_INSTRUCTIONS = 10_000;

function instructions(source: SourceFile): Instruction[] {
  const text = source.text;
  const out: Instruction[] = [];
  let at = 0;
  while (at < text.length && out.length < MAX_INSTRUCTIONS) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(at, end).replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      at = end + 1;
      continue;
    }
    const match = /^([A-Za-z]+)(?:[ \t]+|$)/.exec(trimmed);
    if (match === null) {
      at = end + 1;
      continue;
    }
    const start = at + (line.length - trimmed.length);
    let chars = '';
    const offsets: number[] = [];
    let from = start + match[0].length;
    let lineEnd = end;
    let lineText = text.slice(from, lineEnd).replace(/\r$/, '');
    for (;;) {
      const continued = lineText.endsWith('\\');
      const body = continued ? lineText.slice(0, -1) : lineText;
      for (let i = 0; i < body.length; i++) {
        chars += body[i];
        offsets.push(from + i);
      }
      if (!continued || lineEnd >= text.length) break;
      // Continuation lines: blank and comment lines inside an instruction are skipped (Docker does the same).
      let next = lineEnd + 1;
      for (;;) {
        const nl = text.indexOf('\n', next);
        const candidate = text.slice(next, nl < 0 ? text.length : nl).replace(/\r$/, '');
        if (candidate.trim() !== '' && !candidate.trimStart().startsWith('#')) break;
        if (nl < 0) {
          next = text.length;
          break;
        }
        next = nl + 1;
      }
      if (next >= text.length) break;
      chars += ' ';
      offsets.push(lineEnd);
      from = next;
      const nl = text.indexOf('\n', next);
      lineEnd = nl < 0 ? text.length : nl;
      lineText = text.slice(from, lineEnd).replace(/\r$/, '');
    }
    offsets.push(lineEnd);
    out.push({ keyword: match[1]!.toUpperCase(), text: chars, offsets, start });
    at = lineEnd + 1;
  }
  return out;
}

interface Word {
  value: string;
  start: number;
  end: number;
}

/** Shell-like words: quotes group and are removed, a backslash escapes the next character. */
function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    while (i < text.length && !/\s/.test(text[i]!)) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        const stop = close < 0 ? text.length : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (c === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    out.push({ value, start, end: Math.min(i, text.length) });
  }
  return out;
}

function entry(
  source: SourceFile,
  instruction: Instruction,
  name: string,
  value: string,
  start: number,
  end: number,
) {
  const from = instruction.offsets[start] ?? instruction.start;
  const to = instruction.offsets[Math.max(start, end - 1)] ?? from;
  return {
    name,
    value,
    // `$VAR` and `${VAR}` are substituted at build time from earlier ENV/ARG and build arguments.
    unknown: /\$/.test(value),
    span: spanAt(source, from, Math.max(1, to + 1 - from)),
  };
}

/** The command an exec-form (`["claude", "-p"]`) or shell-form instruction runs, as one line. */
function commandText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const list = JSON.parse(trimmed) as unknown;
      if (Array.isArray(list)) return list.map(String).join(' ');
    } catch {
      // Not JSON: Docker runs it in shell form.
    }
  }
  return trimmed;
}

export function parseDockerfile(source: SourceFile): ParsedDockerfile {
  const env: WorkflowEnvEntry[] = [];
  let claude: Span | undefined;
  for (const instruction of instructions(source)) {
    const { keyword, text } = instruction;
    if (keyword === 'ENV' || keyword === 'ARG') {
      const list = words(text);
      const first = list[0];
      if (first === undefined) continue;
      if (keyword === 'ENV' && !first.value.includes('=')) {
        // Legacy `ENV NAME value with spaces`: the rest of the line is the value.
        const rest = text.slice(first.end).trim();
        const end = rest === '' ? first.end : text.lastIndexOf(rest) + rest.length;
        env.push(entry(source, instruction, first.value, rest, first.start, end));
        continue;
      }
      for (const word of list) {
        const equals = word.value.indexOf('=');
        if (equals <= 0) continue;
        env.push(
          entry(
            source,
            instruction,
            word.value.slice(0, equals),
            word.value.slice(equals + 1),
            word.start,
            word.end,
          ),
        );
      }
    } else if ((keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') && claude === undefined) {
      const command = commandText(text);
      if (INSTALLS.test(command) || findClaudeCommand(command) !== undefined) {
        const end = instruction.offsets[instruction.offsets.length - 1] ?? instruction.start;
        const firstLineEnd = source.text.indexOf('\n', instruction.start);
        const stop = firstLineEnd < 0 || firstLineEnd > end ? end : firstLineEnd;
        claude = spanAt(source, instruction.start, Math.max(1, stop - instruction.start));
      }
    }
  }
  return { env, claude };
}
