// How a Compose file is read, service by service: every field of the result (names, Dockerfile paths, command
// lines, environment entries and all positions) for the forms Compose accepts, aliases, values that are not text,
// and the limits a hostile file meets.
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../src/discover/source.js';
import { parseCompose } from '../src/parse/compose.js';
import { runCli, useTempTrees } from './support/cli.js';

const parse = (lines: string[]) => parseCompose(createSourceFile('compose.yaml', lines.join('\n')));

const span = (line: number, column: number, endLine: number, endColumn: number) => ({
  line,
  column,
  endLine,
  endColumn,
});

/** A service's `NAME:` key on `line`, indented by two. */
const keySpan = (line: number, name: string) => span(line, 3, line, 3 + name.length);

/** An `environment:` key on `line`, indented by four. */
const envKey = (line: number) => span(line, 5, line, 16);

describe('Compose environment in map form', () => {
  it('reads each NAME: value with the span of the entry, block values to their last line', () => {
    const parsed = parse([
      'services:',
      '  a:',
      '    environment:',
      '      A:',
      '      B: ~',
      '      C: |',
      '        line',
      '',
      '      D: "2"  # c',
      '      E: [1, 2]',
      '      ~: x',
      '      F: $HOME',
    ]);
    expect(parsed).toEqual({
      ok: true,
      services: [
        {
          name: 'a',
          span: keySpan(2, 'a'),
          dockerfile: undefined,
          command: '',
          environmentSpan: envKey(3),
          environment: [
            // Without a value the variable is passed through from the host, as a bare `- NAME` is.
            { name: 'A', value: '', unknown: true, span: span(4, 7, 4, 9) },
            { name: 'B', value: '', unknown: true, span: span(5, 7, 5, 11) },
            { name: 'C', value: 'line\n', unknown: false, span: span(6, 7, 7, 13) },
            { name: 'D', value: '2', unknown: false, span: span(9, 7, 9, 13) },
            { name: 'F', value: '$HOME', unknown: true, span: span(12, 7, 12, 15) },
          ],
        },
      ],
    });
  });
});

describe('Compose environment in list form', () => {
  it('reads NAME=value and bare NAME items, trimmed, and skips items with no name or no text', () => {
    const parsed = parse([
      'services:',
      '  a:',
      '    environment:',
      '      - " PASSED "',
      '      - "A =1"',
      '      - =x',
      '      - ""',
      '      - {B: 1}',
      '      - C=$X',
      '  b:',
      '    environment:',
      '  c:',
      '    environment: FOO=1',
    ]);
    expect(parsed).toEqual({
      ok: true,
      services: [
        {
          name: 'a',
          span: keySpan(2, 'a'),
          dockerfile: undefined,
          command: '',
          environmentSpan: envKey(3),
          environment: [
            { name: 'PASSED', value: '', unknown: true, span: span(4, 9, 4, 19) },
            { name: 'A', value: '1', unknown: false, span: span(5, 9, 5, 15) },
            { name: 'C', value: '$X', unknown: true, span: span(9, 9, 9, 13) },
          ],
        },
        // An empty `environment:` and one that is neither a map nor a list add nothing, but are still places.
        {
          name: 'b',
          span: keySpan(10, 'b'),
          dockerfile: undefined,
          command: '',
          environmentSpan: envKey(11),
          environment: [],
        },
        {
          name: 'c',
          span: keySpan(12, 'c'),
          dockerfile: undefined,
          command: '',
          environmentSpan: envKey(13),
          environment: [],
        },
      ],
    });
  });
});

describe('Compose aliases', () => {
  it('follows an alias to an environment map or a list item, and skips a service without a name', () => {
    const parsed = parse([
      'x-env: &env',
      '  A: "1"',
      'x-name: &name B',
      'services:',
      '  ~:',
      '    build: .',
      '  one:',
      '    environment: *env',
      '  two:',
      '    environment:',
      '      - *name',
      '    build: ""',
    ]);
    expect(parsed).toEqual({
      ok: true,
      services: [
        {
          name: 'one',
          span: keySpan(7, 'one'),
          dockerfile: undefined,
          command: '',
          environmentSpan: envKey(8),
          // The entry is shown where its anchor is written.
          environment: [{ name: 'A', value: '1', unknown: false, span: span(2, 3, 2, 9) }],
        },
        {
          name: 'two',
          span: keySpan(9, 'two'),
          dockerfile: './Dockerfile',
          command: '',
          environmentSpan: envKey(10),
          environment: [{ name: 'B', value: '', unknown: true, span: span(3, 15, 3, 16) }],
        },
      ],
    });
  });
});

describe('the Dockerfile a Compose service is built from', () => {
  it('joins the context, without its trailing slashes, and the dockerfile, with . and Dockerfile as defaults', () => {
    const parsed = parse([
      'services:',
      '  a:',
      '    build: {context: agent/, dockerfile: x.Dockerfile}',
      '  b:',
      '    build: {dockerfile: y.Dockerfile}',
      '  c:',
      '    build: {context: "a/b//"}',
      '  d:',
      '    build: {context: ""}',
      '  e:',
      '    build: ./ctx//',
    ]);
    expect(parsed.services.map((s) => [s.name, s.dockerfile])).toEqual([
      ['a', 'agent/x.Dockerfile'],
      ['b', './y.Dockerfile'],
      ['c', 'a/b/Dockerfile'],
      ['d', './Dockerfile'],
      ['e', './ctx/Dockerfile'],
    ]);
    expect(parsed.services.map((s) => s.span)).toEqual([
      keySpan(2, 'a'),
      keySpan(4, 'b'),
      keySpan(6, 'c'),
      keySpan(8, 'd'),
      keySpan(10, 'e'),
    ]);
  });
});

describe("a Compose service's command line", () => {
  it('is the entrypoint then the command, a list item that is not text read as an empty word', () => {
    const parsed = parse([
      'services:',
      '  b:',
      '    entrypoint: [claude]',
      '    command: [-p, hi]',
      '  c:',
      '    command: [echo, {x: 1}, done]',
      '  d:',
      '    command: echo',
      '    command: claude -p x',
    ]);
    expect(parsed).toEqual({
      ok: true,
      services: [
        { name: 'b', span: keySpan(2, 'b'), command: 'claude -p hi', environment: [] },
        { name: 'c', span: keySpan(5, 'c'), command: 'echo  done', environment: [] },
        // A repeated key is read, not refused as the YAML default would: the last one counts.
        { name: 'd', span: keySpan(7, 'd'), command: 'claude -p x', environment: [] },
      ],
    });
  });
});

describe('a Compose file without services', () => {
  it('is ok with no services when it has no services key or no content', () => {
    expect(parse(['volumes: {}', ''])).toEqual({ ok: true, services: [] });
    expect(parse([''])).toEqual({ ok: true, services: [] });
  });
});

describe('how many Compose services are read', () => {
  it('reads the first 1,000 services', () => {
    const lines = ['services:'];
    for (let i = 0; i <= 1000; i++) lines.push(`  s${i}:`, '    command: claude');
    const parsed = parse(lines);
    expect(parsed.ok).toBe(true);
    expect(parsed.services.map((s) => s.name)).toEqual(Array.from({ length: 1000 }, (_, i) => `s${i}`));
  });
});

describe('a Compose variable written without a value', () => {
  const tree = useTempTrees('ccp-compose-parse-');

  it.each([
    ['map', '      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC:'],
    ['list', '      - CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC'],
  ])('comes from the host in the %s form, so no finding says it is empty', async (_form, line) => {
    const dir = tree({
      'compose.yaml': [
        'services:',
        '  agent:',
        '    command: claude -p hi',
        '    environment:',
        line,
        '',
      ].join('\n'),
    });
    const result = await runCli(['.', '--format', 'json', '--no-gitignore'], dir);
    const report = JSON.parse(result.stdout) as {
      findings: { ruleId: string; file: string; line: number; message: string }[];
    };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['NET005', 'compose.yaml', 4]]);
  });
});
