// The policy config file: strict parsing with file:line errors, its mapping onto the scan options, and the
// precedence flags / Action inputs > config file > defaults, through the CLI and the Action's input reader.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInputs } from '../src/action/inputs.js';
import { readRunnerEnvironment } from '../src/action/runner.js';
import { loadConfig, parseConfig } from '../src/policy/config.js';
import { ConfigurationError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import type { Report } from '../src/model.js';
import { resolveOptions } from '../src/policy/options.js';
import { scan } from '../src/scan.js';
import { runCli, useTempTrees } from './support/cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'repos');
const NOW = new Date('2026-11-22T00:00:00Z');
const UUID = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';

afterEach(() => {
  vi.unstubAllEnvs();
});

const tree = useTempTrees('ccp-config-');

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

/** A settings file that meets every policy except the login pin (ZDR004, which a project file cannot meet). */
const COMPLIANT = `{
  "env": {
    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"
  }
}
`;

function configError(text: string): string {
  try {
    parseConfig(text, '.github/claude-code-policy.yml', '.github/claude-code-policy.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseConfig', () => {
  it('maps every key of SPEC §8 onto the scan options', () => {
    const text = `policy: [nonessential-traffic, zdr]
fail-on: warning
zdr-org-uuid: ${UUID}
allowed-base-urls: [https://llm-gateway.corp.example]
max-retention-days: 14
include: []
exclude: [examples/**]
rules:
  NET002: off
  ZDR004: error
ignore:
  - rule: NET001
    path: sandbox/**
    reason: throwaway experiments, never run against real code
    until: 2027-03-31
`;
    const config = parseConfig(text, 'c.yml', '.github/claude-code-policy.yml');
    expect(config.options).toEqual({
      policies: ['nonessential-traffic', 'zdr'],
      failOn: 'warning',
      zdrOrgUuid: UUID,
      allowedBaseUrls: ['https://llm-gateway.corp.example'],
      maxRetentionDays: 14,
      include: [],
      exclude: ['examples/**'],
      rules: { NET002: 'off', ZDR004: 'error' },
      ignore: config.ignore,
    });
    expect(config.ignore).toEqual([
      {
        rule: 'NET001',
        path: 'sandbox/**',
        reason: 'throwaway experiments, never run against real code',
        until: '2027-03-31',
        file: '.github/claude-code-policy.yml',
        line: 12,
        column: 5,
        endColumn: 17,
      },
    ]);
    // Each key's name, to point a relaxation at (CFG010).
    expect(config.positions).toMatchObject({
      policy: { line: 1, column: 1, endColumn: 7 },
      'fail-on': { line: 2, column: 1, endColumn: 8 },
      'rules.NET002': { line: 9, column: 3, endColumn: 9 },
      'rules.ZDR004': { line: 10, column: 3, endColumn: 9 },
    });
  });

  it('takes a comma list where a list is expected, like the flags', () => {
    const config = parseConfig('policy: zdr, hygiene\nexclude: a/**, b/**\n', 'c.yml', 'c.yml');
    expect(config.options.policies).toEqual(['zdr', 'hygiene']);
    expect(config.options.exclude).toEqual(['a/**', 'b/**']);
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfig('', 'c.yml', 'c.yml').options).toEqual({ ignore: [] });
    expect(parseConfig('# nothing yet\n', 'c.yml', 'c.yml').ignore).toEqual([]);
    expect(parseConfig('rules:\nignore:\n#  - rule: NET001\n', 'c.yml', 'c.yml').options).toEqual({
      ignore: [],
    });
  });

  it.each([
    [
      'an unknown key, with a suggestion',
      'policy: [zdr]\nfail_on: error\n',
      '.github/claude-code-policy.yml:2: unknown key "fail_on" (did you mean "fail-on"?); known keys: policy, fail-on, zdr-org-uuid, allowed-base-urls, max-retention-days, min-claude-code-version, include, exclude, require, code, rules, ignore',
    ],
    [
      'an unknown rule id in rules',
      'rules:\n  NET002: off\n  NET099: error\n',
      '.github/claude-code-policy.yml:3: unknown rule id "NET099" in rules (did you mean NET001?)',
    ],
    [
      'an unknown rule id in ignore',
      'ignore:\n  - rule: ZDR007\n    path: a/**\n    reason: r\n  - rule: ZDR070\n    path: b/**\n    reason: r\n',
      '.github/claude-code-policy.yml:5: unknown rule id "ZDR070" in ignore[1].rule (did you mean ZDR007?)',
    ],
    [
      'an ignore entry without a reason',
      'ignore:\n  - rule: NET001\n    path: sandbox/**\n',
      '.github/claude-code-policy.yml:2: ignore[0].reason is missing: every ignore entry needs a reason: say why the finding is acceptable',
    ],
    [
      'an ignore entry with an empty reason',
      'ignore:\n  - rule: NET001\n    path: sandbox/**\n    reason: "  "\n',
      '.github/claude-code-policy.yml:4: ignore[0].reason: every ignore entry needs a reason: say why the finding is acceptable',
    ],
    [
      'an unknown key in an entry',
      'ignore:\n  - rule: NET001\n    paths: a/**\n    reason: r\n',
      '.github/claude-code-policy.yml:3: unknown key "paths" in ignore[0] (did you mean "path"?); known keys: rule, path, reason, until',
    ],
    [
      'a bad until date',
      'ignore:\n  - rule: NET001\n    path: a/**\n    reason: r\n    until: 2027-02-30\n',
      '.github/claude-code-policy.yml:5: ignore[0].until: until must be a real calendar date (YYYY-MM-DD)',
    ],
    [
      'a bad severity',
      'rules:\n  NET002: silent\n',
      '.github/claude-code-policy.yml:2: rules.NET002: must be error, warning, notice or off',
    ],
    [
      'a bad fail-on',
      'fail-on: sometimes\n',
      '.github/claude-code-policy.yml:1: fail-on must be one of error, warning, notice, never',
    ],
    [
      'a bad policy',
      'policy: [zdr, telemetry]\n',
      '.github/claude-code-policy.yml:1: policy[1]: policy must be one of nonessential-traffic, zdr, hygiene',
    ],
    [
      'a bad uuid',
      'zdr-org-uuid: not-a-uuid\n',
      '.github/claude-code-policy.yml:1: zdr-org-uuid must be a UUID',
    ],
    [
      'a bad number',
      'max-retention-days: 0\n',
      '.github/claude-code-policy.yml:1: max-retention-days must be a whole number of at least 1',
    ],
    [
      'a list for a number',
      'max-retention-days: []\n',
      '.github/claude-code-policy.yml:1: max-retention-days must be a whole number of at least 1',
    ],
    [
      'an absolute ignore path',
      'ignore:\n  - rule: NET001\n    path: /etc/**\n    reason: r\n',
      '.github/claude-code-policy.yml:3: ignore[0].path: path is relative to the scanned root: remove the leading /',
    ],
    [
      'a YAML syntax error',
      'policy: [zdr\nrules: {}\n',
      '.github/claude-code-policy.yml:2: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'a duplicate key',
      'fail-on: error\nfail-on: never\n',
      '.github/claude-code-policy.yml:2: not valid YAML: Map keys must be unique',
    ],
    [
      'a list at the top',
      '- policy\n',
      '.github/claude-code-policy.yml:1: the config must be a mapping of keys such as policy, rules and ignore',
    ],
    [
      'a value of the wrong type',
      'fail-on: 5\n',
      '.github/claude-code-policy.yml:1: fail-on: expected string, received number',
    ],
    [
      'a list of the wrong type',
      'policy: 5\n',
      '.github/claude-code-policy.yml:1: policy: expected array, received number',
    ],
    [
      'an empty policy string',
      'policy: ""\n',
      '.github/claude-code-policy.yml:1: policy must name at least one of nonessential-traffic, zdr, hygiene',
    ],
    [
      'an empty item in a policy list',
      'policy: [zdr, ""]\n',
      '.github/claude-code-policy.yml:1: policy[1]: policy must be one of nonessential-traffic, zdr, hygiene',
    ],
    [
      'an unknown rule id close to none',
      'rules:\n  NET001: off\n  QQQQQQQQ: off\n',
      '.github/claude-code-policy.yml:3: unknown rule id "QQQQQQQQ" in rules',
    ],
    [
      'an unknown rule id in ignore close to none',
      'ignore:\n  - rule: QQQQQQQQ\n    path: a/**\n    reason: r\n',
      '.github/claude-code-policy.yml:2: unknown rule id "QQQQQQQQ" in ignore[0].rule',
    ],
    [
      'an entry that is not a mapping',
      'ignore:\n  - 5\n',
      '.github/claude-code-policy.yml:2: ignore[0]: expected object, received number',
    ],
    [
      'an unclosed quote',
      'fail-on: "error\n',
      '.github/claude-code-policy.yml:2: not valid YAML: Missing closing "quote',
    ],
    [
      'a scalar at the top',
      '\njust some text\n',
      '.github/claude-code-policy.yml:2: the config must be a mapping of keys such as policy, rules and ignore',
    ],
  ])('rejects %s with the file, the line and what is wrong', (_name, text, message) => {
    expect(configError(text)).toBe(message);
  });

  it('maps code and require, and gives the place of each key and each rule', () => {
    const config = parseConfig(
      'fail-on: warning\nrules:\n  ZDR004: error\n  NET001: off\ncode: all\nrequire: project-settings\n',
      'c.yml',
      'c.yml',
    );
    expect(config.options).toMatchObject({ code: 'all', require: ['project-settings'] });
    expect(config.positions).toEqual({
      'fail-on': { line: 1, column: 1, endColumn: 8 },
      rules: { line: 2, column: 1, endColumn: 6 },
      'rules.ZDR004': { line: 3, column: 3, endColumn: 9 },
      'rules.NET001': { line: 4, column: 3, endColumn: 9 },
      code: { line: 5, column: 1, endColumn: 5 },
      require: { line: 6, column: 1, endColumn: 8 },
    });
    expect(resolveOptions({}, parseConfig('fail-on: never\n', 'c.yml', 'c.yml').options).code).toBe('auto');
  });

  it('points at the line of a bad item in a comma list', () => {
    // The list is one YAML scalar, so the error points at its line.
    // Nothing is missing: the second item is the wrong one.
    expect(configError('fail-on: error\npolicy: zdr, telemetry\n')).toBe(
      '.github/claude-code-policy.yml:2: policy[1]: policy must be one of nonessential-traffic, zdr, hygiene',
    );
  });

  it('reports the first problem in the file when there are several', () => {
    expect(configError('rules:\n  NET002: off\nbogus: 1\nfail-on: nope\n')).toMatch(
      /^\.github\/claude-code-policy\.yml:3: unknown key "bogus"/,
    );
  });
});

describe('loadConfig', () => {
  it('finds .github/claude-code-policy.yml first, then .claude-code-policy.yml, under the root', async () => {
    const both = tree({
      '.github/claude-code-policy.yml': 'fail-on: warning\n',
      '.claude-code-policy.yml': 'fail-on: notice\n',
    });
    expect(await loadConfig(undefined, both, '/')).toMatchObject({
      path: '.github/claude-code-policy.yml',
      options: { failOn: 'warning' },
    });
    const second = tree({ '.claude-code-policy.yml': 'fail-on: notice\n' });
    expect(await loadConfig(undefined, second, '/')).toMatchObject({
      path: '.claude-code-policy.yml',
      options: { failOn: 'notice' },
    });
    expect(await loadConfig(undefined, tree({}), '/')).toEqual({
      path: undefined,
      options: {},
      ignore: [],
      positions: {},
    });
  });

  it('reads --config relative to the working directory, and says when it is missing', async () => {
    const cwd = tree({ 'policies/strict.yml': 'fail-on: notice\n', 'repo/README.md': '' });
    const root = path.join(cwd, 'repo');
    expect(await loadConfig('policies/strict.yml', root, cwd)).toMatchObject({
      path: '../policies/strict.yml',
      options: { failOn: 'notice' },
    });
    await expect(loadConfig('policies/missing.yml', root, cwd)).rejects.toThrow(
      'config file policies/missing.yml not found',
    );
  });

  it('names a --config file under a folder whose name starts with two dots by its relative path', async () => {
    const cwd = tree({ '..x/strict.yml': 'fail-on: sometimes\n' });
    await expect(loadConfig('..x/strict.yml', cwd, cwd)).rejects.toThrow(
      /^\.\.x\/strict\.yml:1: fail-on must be one of error, warning, notice, never$/,
    );
  });

  it('looks for the default names when --config is blank, and says nothing when there is none', async () => {
    const root = tree({ '.claude-code-policy.yml': 'fail-on: notice\n' });
    expect(await loadConfig('  ', root, root)).toMatchObject({
      path: '.claude-code-policy.yml',
      options: { failOn: 'notice' },
    });
    const none = { path: undefined, options: {}, ignore: [], positions: {} };
    expect(await loadConfig('', tree({}), root)).toEqual(none);
    expect(await loadConfig(' ', tree({}), root)).toEqual(none);
  });

  it('reads a file that starts with a byte order mark', async () => {
    const root = tree({ '.claude-code-policy.yml': '\uFEFFfail-on: notice\n' });
    const config = await loadConfig(undefined, root, root);
    expect(config.options.failOn).toBe('notice');
    // The mark takes no column: the key starts in column 1, as an editor shows it.
    expect(config.positions['fail-on']).toEqual({ line: 1, column: 1, endColumn: 8 });
  });

  it('refuses a default config that links out of the root, and a named one that links out of the working folder', async () => {
    const outside = tree({ 'policy.yml': 'fail-on: never\n' });
    const root = tree({ '.github/README.md': '' });
    symlinkSync(path.join(outside, 'policy.yml'), path.join(root, '.github/claude-code-policy.yml'));
    await expect(loadConfig(undefined, root, root)).rejects.toThrow(
      `config file ${path.join(root, '.github/claude-code-policy.yml')}: ".github/claude-code-policy.yml" is a link that leads outside the scanned root: refused`,
    );
    await expect(loadConfig('.github/claude-code-policy.yml', tree({}), root)).rejects.toThrow(
      `config file ${path.join(root, '.github/claude-code-policy.yml')}: ".github/claude-code-policy.yml" is a link that leads outside the working folder: refused`,
    );
  });

  it('says why a named file could not be read', async () => {
    const cwd = tree({});
    const name = `${'a'.repeat(300)}.yml`;
    await expect(loadConfig(name, cwd, cwd)).rejects.toThrow(
      `config file ${path.join(cwd, name)}: ENAMETOOLONG`,
    );
  });

  it('names a file outside the working directory by its full path in its errors', async () => {
    const outside = tree({ 'policy.yml': 'fail-on: nope\n' });
    const cwd = tree({});
    await expect(loadConfig(path.join(outside, 'policy.yml'), cwd, cwd)).rejects.toThrow(
      `${path.join(outside, 'policy.yml')}:1: fail-on must be one of error, warning, notice, never`,
    );
  });

  it('names the file relative to the working directory in its errors', async () => {
    const cwd = tree({ 'repo/.github/claude-code-policy.yml': 'rules:\n  NET007: off\n' });
    await expect(loadConfig(undefined, path.join(cwd, 'repo'), cwd)).rejects.toThrow(
      'repo/.github/claude-code-policy.yml:2: unknown rule id "NET007" in rules',
    );
  });
});

describe('the config file in a scan', () => {
  it('`rules: {NET002: off}` silences NET002', async () => {
    const repo = tree({
      '.claude/settings.json':
        '{\n  "env": {\n    "DISABLE_TELEMETRY": "1",\n    "DISABLE_ERROR_REPORTING": "1",\n    "DISABLE_FEEDBACK_COMMAND": "1"\n  }\n}\n',
    });
    const before = await cli([repo, '--format', 'json', '--policy', 'nonessential-traffic'], repo);
    expect((JSON.parse(before.stdout) as Report).findings.map((f) => f.ruleId)).toContain('NET002');
    writeFileSync(path.join(repo, '.claude-code-policy.yml'), 'rules:\n  NET002: off\n');
    const after = await cli([repo, '--format', 'json', '--policy', 'nonessential-traffic'], repo);
    expect((JSON.parse(after.stdout) as Report).findings.map((f) => f.ruleId)).not.toContain('NET002');
  });

  it('`ZDR007: error` raises ZDR007 and fails the run', async () => {
    const repo = tree({
      '.claude/settings.json':
        '{\n  "env": {\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n  },\n  "cleanupPeriodDays": 90\n}\n',
      '.github/claude-code-policy.yml': 'policy: [zdr]\nrules:\n  ZDR004: off\n',
    });
    const warned = await cli([repo, '--format', 'json'], repo);
    expect(warned.code).toBe(0);
    expect((JSON.parse(warned.stdout) as Report).findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['ZDR007', 'warning'],
    ]);
    writeFileSync(
      path.join(repo, '.github/claude-code-policy.yml'),
      'policy: [zdr]\nrules:\n  ZDR004: off\n  ZDR007: error\n',
    );
    const failed = await cli([repo, '--format', 'json'], repo);
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as Report;
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.file, f.line])).toEqual([
      ['ZDR007', 'error', '.claude/settings.json', 5],
    ]);
    expect(report.summary).toMatchObject({ errors: 1, passed: false });
  });

  it('an unknown rule id exits 2 naming the file and the line', async () => {
    const repo = tree({
      '.claude/settings.json': COMPLIANT,
      '.github/claude-code-policy.yml': 'fail-on: error\nrules:\n  NET002: off\n  NET2: off\n',
    });
    const result = await cli([repo], repo);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'claude-code-policy: .github/claude-code-policy.yml:4: unknown rule id "NET2" in rules (did you mean NET002?)\n',
    });
  });

  it('a config with an unknown key exits 2 too, from --config', async () => {
    const repo = tree({
      '.claude/settings.json': COMPLIANT,
      'strict.yml': 'policy: [zdr]\nseverity: error\n',
    });
    const result = await cli(['.', '--config', 'strict.yml'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'claude-code-policy: strict.yml:2: unknown key "severity"; known keys: policy, fail-on, zdr-org-uuid, allowed-base-urls, max-retention-days, min-claude-code-version, include, exclude, require, code, rules, ignore\n',
    );
  });
});

describe('precedence: flags and inputs, then the config file, then the defaults', () => {
  const CONFIG = `policy: [hygiene]
fail-on: never
max-retention-days: 14
zdr-org-uuid: ${UUID}
exclude: [vendor/**]
`;

  it('resolveOptions layers flags over the config over the defaults', () => {
    const config = parseConfig(CONFIG, 'c.yml', 'c.yml');
    const fromConfig = resolveOptions({}, config.options);
    expect(fromConfig).toMatchObject({
      policies: ['hygiene'],
      failOn: 'never',
      maxRetentionDays: 14,
      zdrOrgUuid: UUID,
      exclude: ['vendor/**'],
      allowedBaseUrls: [],
    });
    const flags = resolveOptions(
      { policy: 'zdr', failOn: 'warning', maxRetentionDays: '7', exclude: [] },
      config.options,
    );
    // An empty list counts as not given, as an empty Action input does.
    expect(flags).toMatchObject({
      policies: ['zdr'],
      failOn: 'warning',
      maxRetentionDays: 7,
      exclude: ['vendor/**'],
    });
    expect(resolveOptions({})).toMatchObject({
      policies: ['nonessential-traffic', 'zdr', 'hygiene'],
      failOn: 'error',
      maxRetentionDays: 30,
    });
  });

  it('a CLI flag overrides the config file', async () => {
    const repo = tree({
      '.claude/settings.json': '{}\n',
      '.github/claude-code-policy.yml': 'policy: [nonessential-traffic]\nfail-on: never\n',
    });
    expect((await cli([repo], repo)).code).toBe(0);
    expect((await cli([repo, '--fail-on', 'error'], repo)).code).toBe(1);
  });

  it('an Action input overrides the config file; an empty input leaves the config value', async () => {
    const workspace = tree({ '.claude/settings.json': COMPLIANT, '.github/claude-code-policy.yml': CONFIG });
    vi.stubEnv('INPUT_POLICY', 'zdr,nonessential-traffic');
    vi.stubEnv('INPUT_FAIL-ON', '');
    vi.stubEnv('INPUT_MAX-RETENTION-DAYS', '7');
    vi.stubEnv('INPUT_CONFIG', '');
    const inputs = await readInputs(workspace, readRunnerEnvironment({}, workspace));
    expect(inputs.options).toMatchObject({
      policies: ['zdr', 'nonessential-traffic'],
      failOn: 'never',
      maxRetentionDays: 7,
      zdrOrgUuid: UUID,
      exclude: ['vendor/**'],
    });
  });

  it('the Action reads the config named by its `config` input, and fails on a bad one', async () => {
    const workspace = tree({
      '.claude/settings.json': COMPLIANT,
      'ci/policy.yml': 'rules:\n  ZDR004: off\n  ignore: []\n',
    });
    vi.stubEnv('INPUT_CONFIG', 'ci/policy.yml');
    await expect(readInputs(workspace, readRunnerEnvironment({}, workspace))).rejects.toThrow(
      'ci/policy.yml:3: unknown rule id "ignore" in rules',
    );
    writeFileSync(path.join(workspace, 'ci/policy.yml'), 'rules:\n  ZDR004: off\n');
    const inputs = await readInputs(workspace, readRunnerEnvironment({}, workspace));
    expect(inputs.options.rules).toEqual({ ZDR004: 'off' });
  });
});

interface ConfigExpectation {
  now: string;
  exitCode: number;
  summary: Partial<Report['summary']>;
  findings: { ruleId: string; file: string | null; line: number; severity: string }[];
  suppressed: { ruleId: string; file: string | null; line: number; reason: string; suppressedBy: string }[];
}

describe('config fixtures (test/fixtures/repos/config-*, with expected-with-config.json)', () => {
  it.each(['config-suppressions'])('%s', async (name) => {
    const dir = path.join(FIXTURES, name);
    const expected = JSON.parse(
      readFileSync(path.join(dir, 'expected-with-config.json'), 'utf8'),
    ) as ConfigExpectation;
    const config = await loadConfig(undefined, dir, process.cwd());
    const report = await scan(resolveOptions({ path: dir }, config.options), {
      cwd: process.cwd(),
      logger: silentLogger,
      now: new Date(expected.now),
    });
    expect(
      report.findings.map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line, severity: f.severity })),
    ).toEqual(expected.findings);
    expect(
      report.suppressed.map((f) => ({
        ruleId: f.ruleId,
        file: f.file,
        line: f.line,
        reason: f.reason,
        suppressedBy: f.suppressedBy,
      })),
    ).toEqual(expected.suppressed);
    expect(report.summary).toMatchObject(expected.summary);
    // The CLI finds the same config by itself and reaches the same verdict.
    const copy = tree({});
    cpSync(dir, copy, { recursive: true });
    expect((await cli([copy], copy)).code).toBe(expected.exitCode);
  });
});
