// The version table: each version-dependent behaviour is decided on both sides of its version by a fixture that
// names it (`"boundary": "<entry>"` in expected.json), and the helpers that read versions say what they should.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANY_VERSION,
  compareVersions,
  describeMin,
  newerVersion,
  parseVersion,
  VERSION_TABLE,
  versionSide,
} from '../src/scope/versions.js';
import { effectiveValues, projectFileIgnores } from '../src/scope/project-env.js';
import type { EnvValue } from '../src/scope/scope-model.js';
import { resolveOptions } from '../src/policy/options.js';
import { runCli, useTempTrees } from './support/cli.js';

const tree = useTempTrees('ccp-versions-');

const RULE_FIXTURES = path.join(import.meta.dirname, 'fixtures', 'rules');

interface Boundary {
  boundary?: string;
  options?: { minClaudeCodeVersion?: string };
  findings: unknown[];
  dir: string;
}

function expectations(dir: string): Boundary[] {
  const out: Boundary[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    const file = path.join(full, 'expected.json');
    if (existsSync(file)) out.push({ ...(JSON.parse(readFileSync(file, 'utf8')) as Boundary), dir: full });
    else out.push(...expectations(full));
  }
  return out;
}

/** The version a fixture runs as: its option, or the requiredMinimumVersion of a managed drop-in it holds. */
function pinnedVersion(fixture: Boundary): string | undefined {
  if (fixture.options?.minClaudeCodeVersion !== undefined) return fixture.options.minClaudeCodeVersion;
  const dropins = path.join(fixture.dir, 'managed-settings.d');
  if (!existsSync(dropins)) return undefined;
  for (const name of readdirSync(dropins)) {
    const value = JSON.parse(readFileSync(path.join(dropins, name), 'utf8')) as {
      requiredMinimumVersion?: string;
    };
    if (value.requiredMinimumVersion !== undefined) return value.requiredMinimumVersion;
  }
  return undefined;
}

describe('the version table', () => {
  const fixtures = expectations(RULE_FIXTURES).filter((f) => f.boundary !== undefined);

  it('names only entries that exist', () => {
    for (const fixture of fixtures) expect(Object.keys(VERSION_TABLE)).toContain(fixture.boundary);
  });

  it.each(Object.entries(VERSION_TABLE))('%s has a fixture on each side of its version', (id, behaviour) => {
    const mine = fixtures.filter((f) => f.boundary === id);
    const versions = mine.map(pinnedVersion).filter((v): v is string => v !== undefined);
    expect({
      id,
      before: versions.some((v) => compareVersions(v, behaviour.since) < 0),
      after: versions.some((v) => compareVersions(v, behaviour.since) >= 0),
    }).toEqual({ id, before: true, after: true });
    // The two sides must not agree: otherwise the fixture pair decides nothing.
    const outcomes = new Set(mine.map((f) => JSON.stringify(f.findings)));
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('gives every entry a version, both behaviours and a source', () => {
    for (const behaviour of Object.values(VERSION_TABLE)) {
      expect(parseVersion(behaviour.since)).toBeDefined();
      expect(behaviour.before.length).toBeGreaterThan(10);
      expect(behaviour.after.length).toBeGreaterThan(10);
      expect(behaviour.source).toMatch(/docs|CHANGELOG|https:/);
    }
  });
});

describe('versions', () => {
  it('compare numerically, with a v prefix and a pre-release suffix tolerated', () => {
    expect(compareVersions('2.1.99', '2.1.100')).toBeLessThan(0);
    expect(compareVersions('v2.1.282', '2.1.282')).toBe(0);
    expect(compareVersions('2.2.0-beta.1', '2.1.999')).toBeGreaterThan(0);
    expect(parseVersion('latest')).toBeUndefined();
    expect(parseVersion('2.1')).toBeUndefined();
    expect(newerVersion(undefined, '2.1.1')).toBe('2.1.1');
    expect(newerVersion('2.1.300', '2.1.1')).toBe('2.1.300');
    expect(newerVersion('2.1.1', '2.1.300')).toBe('2.1.300');
    expect(newerVersion('2.1.1', undefined)).toBe('2.1.1');
    expect(newerVersion('v2.1.1', '2.1.1')).toBe('v2.1.1');
    expect(parseVersion(' 2.1.282\n')).toEqual([2, 1, 282]);
  });

  it('describe the oldest version in use, and where it comes from', () => {
    expect(describeMin(ANY_VERSION)).toBe('no oldest Claude Code version is known');
    expect(describeMin({ min: '2.1.290', minSource: undefined, max: undefined })).toBe(
      'the oldest Claude Code version in use is 2.1.290',
    );
    expect(describeMin({ min: '2.1.290', minSource: '--min-claude-code-version', max: undefined })).toBe(
      'the oldest Claude Code version in use is 2.1.290 (--min-claude-code-version)',
    );
  });

  it('put a range on one side of a behaviour or on both', () => {
    const behaviour = VERSION_TABLE.projectTelemetryIgnored;
    const range = (min?: string, max?: string) => ({ min, minSource: undefined, max });
    expect(versionSide(range(), behaviour)).toBe('both');
    expect(versionSide(range('2.1.281'), behaviour)).toBe('both');
    expect(versionSide(range('2.1.282'), behaviour)).toBe('after');
    expect(versionSide(range(undefined, '2.1.281'), behaviour)).toBe('before');
    expect(versionSide(range('2.1.200', '2.1.282'), behaviour)).toBe('both');
  });

  it('--min-claude-code-version takes a version and refuses anything else in one line', () => {
    expect(resolveOptions({ minClaudeCodeVersion: 'v2.1.290' }).minClaudeCodeVersion).toBe('2.1.290');
    expect(resolveOptions({ minClaudeCodeVersion: '' }).minClaudeCodeVersion).toBeUndefined();
    expect(() => resolveOptions({ minClaudeCodeVersion: 'latest' })).toThrow(
      'min-claude-code-version must be a Claude Code version such as 2.1.282',
    );
  });
});

describe('the oldest version in use, from the command line and the config file', () => {
  const files = {
    '.claude/settings.json': JSON.stringify({
      env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_ENABLE_TELEMETRY: '1' },
    }),
  };
  const zdr002 = async (argv: string[], extra: Record<string, string> = {}) => {
    const result = await runCli(
      ['.', '--format', 'json', '--policy', 'zdr,hygiene', ...argv],
      tree({ ...files, ...extra }),
    );
    const report = JSON.parse(result.stdout) as {
      findings: { ruleId: string; file: string; line: number }[];
    };
    return report.findings
      .filter((f) => f.ruleId === 'ZDR002' || f.ruleId === 'CFG009')
      .map((f) => [f.ruleId, f.file, f.line]);
  };

  it('without one, the project file is charged (older versions read it)', async () => {
    expect(await zdr002([])).toEqual([['ZDR002', '.claude/settings.json', 1]]);
  });

  it('--min-claude-code-version 2.1.282 turns it into a setting with no effect', async () => {
    expect(await zdr002(['--min-claude-code-version', '2.1.282'])).toEqual([
      ['CFG009', '.claude/settings.json', 1],
    ]);
  });

  it('the config key does the same, and the flag wins over it', async () => {
    const config = { '.github/claude-code-policy.yml': 'min-claude-code-version: 2.1.290\n' };
    expect(await zdr002([], config)).toEqual([['CFG009', '.claude/settings.json', 1]]);
    expect(await zdr002(['--min-claude-code-version', '2.1.200'], config)).toEqual([
      ['ZDR002', '.claude/settings.json', 1],
    ]);
  });

  it('a bad version is exit 2 with one line', async () => {
    const result = await runCli(['.', '--min-claude-code-version', 'newest'], tree(files));
    expect([result.code, result.stderr]).toEqual([
      2,
      'claude-code-policy: min-claude-code-version must be a Claude Code version such as 2.1.282\n',
    ]);
  });
});

describe('variables a project file cannot set', () => {
  it('are named exactly: a hostile name is not one of them, and off-values still apply', async () => {
    expect(projectFileIgnores('XDG_CONFIG_HOME', '/x')).toBe(VERSION_TABLE.projectProcessVariablesIgnored);
    expect(projectFileIgnores('XDG_\n::error::forged', '/x')).toBeUndefined();
    expect(projectFileIgnores('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', 'https://c')).toBe(
      VERSION_TABLE.projectTelemetryIgnored,
    );
    expect(projectFileIgnores('OTEL_METRICS_EXPORTER', 'None')).toBeUndefined();
    expect(projectFileIgnores('OTEL_LOG_USER_PROMPTS', '0')).toBeUndefined();
    expect(projectFileIgnores('OTEL_LOG_RAW_API_BODIES', 'file:/tmp')).toBe(
      VERSION_TABLE.projectProcessVariablesIgnored,
    );
    expect(projectFileIgnores('CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', '1')).toBeUndefined();
  });

  it('take an exporter other than none, and an off-value only as Claude Code reads it', () => {
    const telemetry = VERSION_TABLE.projectTelemetryIgnored;
    const process = VERSION_TABLE.projectProcessVariablesIgnored;
    expect(projectFileIgnores('OTEL_METRICS_EXPORTER', 'otlp')).toBe(telemetry);
    expect(projectFileIgnores('OTEL_METRICS_EXPORTER', ' none ')).toBeUndefined();
    expect(projectFileIgnores('OTEL_LOG_RAW_API_BODIES', ' file:/tmp/bodies')).toBe(process);
    expect(projectFileIgnores('OTEL_LOG_RAW_API_BODIES', 'nofile:x')).toBeUndefined();
    expect(projectFileIgnores('MY_XDG_HOME', '/x')).toBeUndefined();
    expect(projectFileIgnores('XDG_CONFIG_home', '/x')).toBeUndefined();
  });
});

describe('the values a variable may run with across versions', () => {
  const NAME = 'CLAUDE_CODE_ENABLE_TELEMETRY';
  const at = (file: string, line: number) => ({ file, line, column: 5, endLine: line, endColumn: 9 });
  const user: EnvValue = {
    name: NAME,
    value: '0',
    unknown: false,
    location: at('dot_claude/settings.json', 3),
  };
  const project: EnvValue = {
    name: NAME,
    value: '1',
    unknown: false,
    location: at('.claude/settings.json', 3),
    fromProjectFile: true,
    below: user,
  };
  const env = new Map([[NAME, project]]);
  const range = (min?: string, max?: string) => ({ min, minSource: undefined, max });

  it('are the project value alone on versions that all read it', () => {
    expect(effectiveValues(env, NAME, range(undefined, '2.1.281'))).toEqual([{ value: project }]);
  });

  it('are the value below it on versions that all ignore it', () => {
    expect(effectiveValues(env, NAME, range('2.1.282'))).toEqual([{ value: user }]);
  });

  it('are both when either may run, the project value until the version that ignores it', () => {
    expect(effectiveValues(env, NAME, ANY_VERSION)).toEqual([
      { value: project, until: VERSION_TABLE.projectTelemetryIgnored },
      { value: user },
    ]);
  });

  it('are the value written when no versions apply (an env file)', () => {
    expect(effectiveValues(env, NAME, undefined)).toEqual([{ value: project }]);
  });
});
