// `init`: a compliant settings file from nothing (a scan after it has no error or warning), a merge that loses
// nothing, managed settings that pin login, and no claim about login pinning that the user did not make.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { runCli, useTempTrees } from './support/cli.js';
import { unifiedDiff } from '../src/edit/diff.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const UUID = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';

const tree = useTempTrees('ccp-init-');

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

async function scanReport(dir: string, ...flags: string[]): Promise<{ code: number; report: Report }> {
  const result = await cli([dir, '--format', 'json', ...flags], dir);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('init on an empty repository', () => {
  it('gives a scan with no finding, for all policies; writes no suppression and no reason the user did not give', async () => {
    const dir = tree();
    const result = await cli(['init', dir], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '.claude/settings.json: created the file',
        '.claude/settings.json: added "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" under env',
        '.claude/settings.json: added "skipWebFetchPreflight": true',
        '.claude/settings.json: set cleanupPeriodDays to 30',
        '.claude/settings.json cannot enforce the login pin (only managed settings can, and a project file that sets forceLoginOrgUUID blocks API-key sessions such as CI): Zero Data Retention also needs managed-settings.json deployed through device management (`init --managed --zdr-org-uuid UUID` writes one).',
        '',
      ].join('\n'),
    );
    expect(read(dir, '.claude/settings.json')).toBe(
      '{\n  "env": {\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n  },\n  "skipWebFetchPreflight": true,\n  "cleanupPeriodDays": 30\n}\n',
    );
    expect(existsSync(path.join(dir, '.github/claude-code-policy.yml'))).toBe(false);
    const { code, report } = await scanReport(dir, '--fail-on', 'notice');
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(/^Not verifiable from a repository: Zero Data Retention/),
    ]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, notices: 0, suppressed: 0, passed: true });
  });

  it('with --managed and --zdr-org-uuid, pins login in managed-settings.json and needs no suppression', async () => {
    const dir = tree();
    const result = await cli(
      ['init', dir, '--managed', '--zdr-org-uuid', UUID, '--login-method', 'console'],
      dir,
    );
    expect(result.code).toBe(0);
    expect(read(dir, 'managed-settings.json')).toBe(
      `{\n  "env": {\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\n  },\n  "skipWebFetchPreflight": true,\n  "cleanupPeriodDays": 30,\n  "forceLoginOrgUUID": "${UUID}",\n  "forceLoginMethod": "console"\n}\n`,
    );
    expect(read(dir, '.github/claude-code-policy.yml')).toContain(`zdr-org-uuid: ${UUID}\n`);
    expect(read(dir, '.github/claude-code-policy.yml')).not.toContain('ignore');
    const { report } = await scanReport(dir);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([]);
  });

  it('without --login-method, leaves forceLoginMethod out and says why', async () => {
    const dir = tree();
    const result = await cli(['init', dir, '--managed', '--zdr-org-uuid', UUID], dir);
    expect(result.stdout).toContain(
      'managed-settings.json: forceLoginMethod not written: give --login-method claudeai',
    );
    expect(read(dir, 'managed-settings.json')).not.toContain('forceLoginMethod');
    expect((await scanReport(dir, '--zdr-org-uuid', UUID)).report.findings).toEqual([]);
  });

  it('--managed for the zdr policy without --zdr-org-uuid exits 2', async () => {
    const dir = tree();
    expect(await cli(['init', dir, '--managed'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'claude-code-policy: init --managed for the zdr policy needs --zdr-org-uuid UUID: managed settings pin login to that organisation\n',
    });
  });

  it('records an explicit --policy so that the scan checks the same policies', async () => {
    const dir = tree();
    await cli(['init', dir, '--policy', 'nonessential-traffic,hygiene'], dir);
    expect(read(dir, '.github/claude-code-policy.yml')).toContain(
      'policy: [nonessential-traffic, hygiene]\n',
    );
    expect(read(dir, '.claude/settings.json')).not.toContain('cleanupPeriodDays');
    const { code, report } = await scanReport(dir, '--fail-on', 'notice');
    expect(code).toBe(0);
    expect(report.policies).toEqual(['nonessential-traffic', 'hygiene']);
    expect(report.findings).toEqual([]);
  });
});

describe('init on a repository that has settings', () => {
  const EXISTING = `{
    "model": "claude-opus-4-1",
    "env": {
        "ANTHROPIC_MODEL": "claude-opus-4-1",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "0"
    },
    "permissions": {
        "deny": ["Read(./.env)"]
    },
    "cleanupPeriodDays": 120
}
`;

  it('merges the required keys without losing anything, in the file’s own formatting', async () => {
    const dir = tree({ '.claude/settings.json': EXISTING });
    const result = await cli(['init', dir], dir);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '.claude/settings.json: set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC to "1"',
      '.claude/settings.json: added "skipWebFetchPreflight": true',
      '.claude/settings.json: lowered cleanupPeriodDays from 120 to 30',
    ]);
    expect(read(dir, '.claude/settings.json')).toBe(
      EXISTING.replace('"0"', '"1"')
        .replace('120', '30')
        .replace('"cleanupPeriodDays": 30', '"cleanupPeriodDays": 30,\n    "skipWebFetchPreflight": true'),
    );
    expect((await scanReport(dir, '--fail-on', 'warning')).report.findings).toEqual([]);
  });

  it('is idempotent, and leaves an existing config as it is', async () => {
    const config =
      '# Our policy\nfail-on: warning\nignore:\n  - rule: NET004 # surveys are fine\n    path: tools/**\n    reason: internal tooling\n';
    const dir = tree({ '.claude/settings.json': EXISTING, '.github/claude-code-policy.yml': config });
    await cli(['init', dir], dir);
    const written = read(dir, '.github/claude-code-policy.yml');
    expect(written).toBe(config);
    const settings = read(dir, '.claude/settings.json');
    const second = await cli(['init', dir], dir);
    expect(second).toEqual({
      code: 0,
      stdout: 'nothing to change: .claude/settings.json already has every required key.\n',
      stderr: '',
    });
    expect(read(dir, '.claude/settings.json')).toBe(settings);
    expect(read(dir, '.github/claude-code-policy.yml')).toBe(written);
  });

  it('refuses to merge into a file that is not valid JSON', async () => {
    const dir = tree({ '.claude/settings.json': '{\n  "env": {},\n}\n' });
    expect(await cli(['init', dir], dir)).toMatchObject({
      code: 2,
      stderr:
        'claude-code-policy: cannot merge into .claude/settings.json: it is not valid JSON (CFG001); correct it first\n',
    });
  });

  it('leaves another pinned organisation in managed settings alone and says so', async () => {
    const other = '0b6c1f9a-2222-4e21-9c8a-0d6f4b2e7a11';
    const dir = tree({ 'managed-settings.json': `{\n  "forceLoginOrgUUID": "${other}"\n}\n` });
    const result = await cli(['init', dir, '--managed', '--zdr-org-uuid', UUID], dir);
    expect(result.stdout).toContain(
      'managed-settings.json: forceLoginOrgUUID pins another organisation; left as it is',
    );
    expect(read(dir, 'managed-settings.json')).toContain(other);
  });
});

describe('init --dry-run', () => {
  it('prints the diff of what init writes, as fix --dry-run does, and writes nothing', async () => {
    const settings = '{\n    "model": "sonnet"\n}\n';
    const dry = tree({ '.claude/settings.json': settings });
    const wet = tree({ '.claude/settings.json': settings });
    const preview = await cli(['init', '--dry-run', '--policy', 'nonessential-traffic'], dry);
    expect(preview.code).toBe(0);
    expect(preview.stderr).toBe('dry run: would change 2 files.\n');
    expect(read(dry, '.claude/settings.json')).toBe(settings);
    expect(existsSync(path.join(dry, '.github'))).toBe(false);

    expect((await cli(['init', '--policy', 'nonessential-traffic'], wet)).code).toBe(0);
    const config = '.github/claude-code-policy.yml';
    expect(preview.stdout).toBe(
      unifiedDiff('.claude/settings.json', settings, read(wet, '.claude/settings.json')) +
        unifiedDiff(config, undefined, read(wet, config)),
    );
    expect(preview.stdout).toContain('+        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"');
    expect(preview.stdout).toContain(`+# yaml-language-server: $schema=`);
  });
});
