// The CLI contract (SPEC §2): exit codes 0/1/2, one-line errors on stderr, formats, --output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { useTempTrees } from './support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const tree = useTempTrees('ccp-cli-');

function io(): CliIo & { out: string; err: string } {
  const state = {
    out: '',
    err: '',
    cwd: ROOT,
    isTty: false,
    env: {},
    stdout: (t: string) => {
      state.out += t;
    },
    stderr: (t: string) => {
      state.err += t;
    },
  };
  return state;
}

describe('claude-code-policy CLI', () => {
  it('passes the compliant example with exit 0', async () => {
    const streams = io();
    expect(await run(['examples/compliant'], streams)).toBe(0);
    expect(streams.err).toBe('');
    expect(streams.out).toMatch(/passed/);
  });

  it('fails the non-compliant example with exit 1 and findings on exact lines', async () => {
    const streams = io();
    expect(await run(['scan', 'examples/non-compliant', '--format', 'json'], streams)).toBe(1);
    const report = JSON.parse(streams.out);
    const found = report.findings.map(
      (f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`,
    );
    // NET001 on the local file's empty umbrella is the one root cause of the project's traffic: no NET002 beside it.
    expect(found).toEqual([
      'NET005 .claude/settings.json:1',
      'NET003 .claude/settings.json:4',
      'ZDR002 .claude/settings.json:5',
      'ZDR003 .claude/settings.json:6',
      'ZDR006 .claude/settings.json:7',
      'ZDR007 .claude/settings.json:9',
      'CFG003 .claude/settings.json:10',
      'ZDR008 .claude/settings.json:11',
      'CFG006 .claude/settings.local.json:1',
      'NET001 .claude/settings.local.json:3',
      'SEC001 .env:2',
      'ZDR001 .env:3',
      'CFG005 .env:4',
      'ZDR008 .mcp.json:2',
      'NET005 it-policy/managed-settings.json:1',
      'NET001 it-policy/managed-settings.json:2',
      'CFG002 it-policy/managed-settings.json:3',
      'ZDR005 it-policy/managed-settings.json:5',
    ]);
    expect(streams.out).not.toContain('Zq7vR2mK9pL4xT8wN3bYc6');
  });

  it('gives the same verdict whatever the format', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown', 'github']) {
      const streams = io();
      expect(await run(['examples/non-compliant', '--format', format], streams)).toBe(1);
      expect(streams.out).toContain('SEC001');
      expect(streams.out).not.toContain('Zq7vR2mK9pL4xT8wN3bYc6');
      expect(await run(['examples/compliant', '--format', format], io())).toBe(0);
    }
  });

  it('honours --fail-on and --policy', async () => {
    expect(await run(['examples/non-compliant', '--fail-on', 'never'], io())).toBe(0);
    expect(await run(['examples/non-compliant', '--fail-on', 'notice', '--policy', 'hygiene'], io())).toBe(1);
    // The compliant example needs no suppression: ZDR004 is checked in its managed settings, which pin login.
    const compliant = io();
    expect(await run(['examples/compliant', '--fail-on', 'notice', '--format', 'json'], compliant)).toBe(0);
    const { summary, suppressed } = JSON.parse(compliant.out);
    expect(summary).toMatchObject({ errors: 0, warnings: 0, notices: 0, suppressed: 0, passed: true });
    expect(suppressed).toEqual([]);
    const streams = io();
    await run(['examples/non-compliant', '--policy', 'hygiene', '--format', 'json'], streams);
    expect(new Set(JSON.parse(streams.out).findings.map((f: { policy: string }) => f.policy))).toEqual(
      new Set(['hygiene']),
    );
  });

  it('writes the report to --output', async () => {
    const target = path.join(tree(), 'report.sarif');
    const streams = io();
    expect(await run(['examples/non-compliant', '--format', 'sarif', '--output', target], streams)).toBe(1);
    expect(streams.out).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).version).toBe('2.1.0');
  });

  // A file where --output wants a directory: unwritable whatever exists elsewhere on the machine.
  const blocked = () => path.join(tree({ 'not-a-dir': 'x' }), 'not-a-dir', 'x.json');

  it.each([
    [
      ['--format', 'xml'],
      'claude-code-policy: --format must be one of text, json, sarif, markdown, github\n',
    ],
    [['--fail-on', 'fatal'], 'claude-code-policy: fail-on must be one of error, warning, notice, never\n'],
    [
      ['--policy', 'zdr,speed'],
      'claude-code-policy: policy must be one of nonessential-traffic, zdr, hygiene\n',
    ],
    [['--bogus'], "claude-code-policy: Unknown option '--bogus' (see --help)\n"],
    [['no/such/dir'], `claude-code-policy: path not found: ${path.join(ROOT, 'no/such/dir')}\n`],
    [['a', 'b'], 'claude-code-policy: PATH a not found\n'],
    [
      ['--max-retention-days', '0'],
      'claude-code-policy: max-retention-days must be a whole number of at least 1\n',
    ],
    [['--zdr-org-uuid', 'nope'], 'claude-code-policy: zdr-org-uuid must be a UUID\n'],
    [['--output', '<blocked>'], 'claude-code-policy: cannot write --output <blocked> (ENOTDIR)\n'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const streams = io();
    const target = args.includes('<blocked>') ? blocked() : '';
    const given = args.map((arg) => (arg === '<blocked>' ? target : arg));
    const argv = given[0] === 'no/such/dir' || given[0] === 'a' ? given : ['examples/compliant', ...given];
    expect(await run(argv, streams)).toBe(2);
    expect(streams.out).toBe('');
    expect(streams.err).toBe(message.replace('<blocked>', target));
    expect(streams.err.split('\n')).toHaveLength(2);
    expect(streams.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('prints help and version', async () => {
    const help = io();
    expect(await run(['--help'], help)).toBe(0);
    expect(help.out).toMatch(/^Usage: claude-code-policy/);
    const version = io();
    expect(await run(['--version'], version)).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('checks a file given as PATH in its folder, and says when it is not a file the check reads', async () => {
    const file = path.join(tree({ 'f.txt': 'x' }), 'f.txt');
    const streams = io();
    expect(await run([file, '--format', 'json'], streams)).toBe(0);
    expect(JSON.parse(streams.out).files).toEqual([]);
    expect(streams.err).toBe(
      'claude-code-policy: warning: f.txt was not checked: it is not a file Claude Code or this check reads\n',
    );
  });
});

describe('include and exclude globs', () => {
  it('keep a brace glob whole', async () => {
    const streams = io();
    await run(['examples/non-compliant', '--format', 'json', '--include', '{.env,.mcp.json}'], streams);
    expect([...new Set(JSON.parse(streams.out).findings.map((f: { file: string }) => f.file))]).toEqual([
      '.env',
      '.mcp.json',
    ]);
  });
});
