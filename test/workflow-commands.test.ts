// The three escapes every printed report goes through, on their own: the runner model (test/helpers/runner.ts)
// must read no command in their output, and a reader must see the text that was there, with one backslash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeLineBreaks,
  neutraliseCommands,
  neutraliseJsonCommands,
} from '../src/report/workflow-commands.js';
import { runnerLines, workflowCommands } from './helpers/runner.js';

describe('escapeLineBreaks', () => {
  it('shows CR and LF as \\r and \\n, so one field stays on one line', () => {
    expect(escapeLineBreaks('a\r\nb\rc\nd')).toBe('a\\r\\nb\\rc\\nd');
    expect(runnerLines(escapeLineBreaks('x\n::set-output name=passed::true\ry'))).toEqual([
      'x\\n::set-output name=passed::true\\ry',
    ]);
    expect(escapeLineBreaks('plain')).toBe('plain');
  });
});

describe('neutraliseCommands', () => {
  it('escapes a leading :: after blanks, on every line, and ##[ anywhere', () => {
    expect(
      neutraliseCommands(
        '::error::x\n  \t::warning file=a::y\nnot::here\r::debug::z\nsee ##[error]w and ##[warning]v\n',
      ),
    ).toBe(
      '\\::error::x\n  \t\\::warning file=a::y\nnot::here\r\\::debug::z\nsee ##\\[error]w and ##\\[warning]v\n',
    );
  });

  it('leaves text with neither alone', () => {
    expect(neutraliseCommands('a :: b\n# [x]\n')).toBe('a :: b\n# [x]\n');
  });

  it('leaves the runner no command to act on, whatever the text', () => {
    const piece = fc.constantFrom(
      '::',
      '##[',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\t',
      'error',
      'set-output name=x',
      ']',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const out = neutraliseCommands(pieces.join(''));
        expect(workflowCommands(out)).toEqual([]);
        // What a reader sees is the text with a backslash before each escaped marker, nothing lost.
        expect(out.replace(/\\::/g, '::').replace(/##\\\[/g, '##[')).toBe(pieces.join(''));
      }),
    );
  });
});

describe('neutraliseJsonCommands', () => {
  it('writes [ after ## as a JSON escape, which parses back to the same data', () => {
    const data = { message: 'a ##[error]b', nested: ['##[warning]', '##'] };
    const json = neutraliseJsonCommands(`${JSON.stringify(data, null, 2)}\n`);
    expect(json).toContain('"a ##\\u005berror]b"');
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual(data);
    expect(workflowCommands(json)).toEqual([]);
  });
});
