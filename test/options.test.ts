// What each flag or Action input resolves to (src/policy/options.ts), and the one-line error a bad value gets. The
// CLI and the Action both pass what the user typed through `resolveOptions`; these are the values and messages the
// user sees.
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../src/errors.js';
import { type RawOptions, resolveOptions, type ScanOptions, splitList } from '../src/policy/options.js';

const UUID = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';

function errorOf(raw: RawOptions, fromConfig: Partial<ScanOptions> = {}): string {
  try {
    resolveOptions(raw, fromConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('resolveOptions: the defaults', () => {
  it('are every policy, fail on error, 30 days, 5 MiB, auto code, .gitignore respected, nothing else', () => {
    expect(resolveOptions({})).toStrictEqual({
      path: '.',
      policies: ['nonessential-traffic', 'zdr', 'hygiene'],
      failOn: 'error',
      zdrOrgUuid: undefined,
      allowedBaseUrls: [],
      maxRetentionDays: 30,
      maxFileSize: 5 * 1024 * 1024,
      include: [],
      exclude: [],
      gitignore: true,
      minClaudeCodeVersion: undefined,
      code: 'auto',
      rules: {},
      require: [],
      ignore: [],
    });
  });
});

describe('resolveOptions: values as typed', () => {
  it('splits lists on commas and new lines, trims, drops empty items and repeats', () => {
    expect(resolveOptions({ policy: 'zdr, ,hygiene,,zdr\n' }).policies).toEqual(['zdr', 'hygiene']);
    expect(resolveOptions({ policy: ['hygiene', 'nonessential-traffic'] }).policies).toEqual([
      'hygiene',
      'nonessential-traffic',
    ]);
    expect(resolveOptions({ require: 'project-settings,project-settings' }).require).toEqual([
      'project-settings',
    ]);
    expect(splitList(' , \n')).toBeUndefined();
  });

  it('splits globs on new lines only, so a brace glob stays whole', () => {
    const options = resolveOptions({ include: ['{src,lib}/**\n.claude/**'], exclude: ['vendor/**'] });
    expect(options.include).toEqual(['{src,lib}/**', '.claude/**']);
    expect(options.exclude).toEqual(['vendor/**']);
  });

  it('trims single values before reading them', () => {
    expect(
      resolveOptions({
        failOn: ' warning ',
        zdrOrgUuid: ` ${UUID} `,
        minClaudeCodeVersion: ' v2.1.282 ',
        code: ' all ',
      }),
    ).toMatchObject({ failOn: 'warning', zdrOrgUuid: UUID, minClaudeCodeVersion: '2.1.282', code: 'all' });
    expect(resolveOptions({ code: 'off' }).code).toBe('off');
  });

  it('takes a UUID in either case, and whole numbers from 1 up as numbers or text', () => {
    expect(resolveOptions({ zdrOrgUuid: UUID.toUpperCase() }).zdrOrgUuid).toBe(UUID.toUpperCase());
    expect(resolveOptions({ maxRetentionDays: '1', maxFileSize: 1 })).toMatchObject({
      maxRetentionDays: 1,
      maxFileSize: 1,
    });
    expect(resolveOptions({ maxRetentionDays: ' 7 ', maxFileSize: '2048' })).toMatchObject({
      maxRetentionDays: 7,
      maxFileSize: 2048,
    });
  });

  it('takes http and https base URLs', () => {
    expect(
      resolveOptions({ allowedBaseUrls: ['https://gw.example.com, http://localhost:8080'] }).allowedBaseUrls,
    ).toEqual(['https://gw.example.com', 'http://localhost:8080']);
  });

  it('strips only a leading v from a version, not one inside a pre-release tag', () => {
    expect(resolveOptions({ minClaudeCodeVersion: 'v2.1.0-rev1' }).minClaudeCodeVersion).toBe('2.1.0-rev1');
    expect(resolveOptions({ minClaudeCodeVersion: '2.1.0-rev1' }).minClaudeCodeVersion).toBe('2.1.0-rev1');
    expect(resolveOptions({}, { minClaudeCodeVersion: ' v2.0.0 ' }).minClaudeCodeVersion).toBe('2.0.0');
  });
});

describe('resolveOptions: layering', () => {
  it('a value given wins over the config; an empty one leaves the config value', () => {
    const fromConfig: Partial<ScanOptions> = {
      failOn: 'never',
      gitignore: false,
      code: 'off',
      rules: { NET001: 'off', ZDR004: 'notice' },
      include: ['a/**'],
    };
    // A blank version counts as not given too, though the schema would refuse an empty one.
    expect(
      resolveOptions({ minClaudeCodeVersion: '  ' }, { minClaudeCodeVersion: '2.1.0' }).minClaudeCodeVersion,
    ).toBe('2.1.0');
    expect(resolveOptions({ failOn: '', code: '', include: [] }, fromConfig)).toMatchObject({
      failOn: 'never',
      gitignore: false,
      code: 'off',
      rules: { NET001: 'off', ZDR004: 'notice' },
      include: ['a/**'],
    });
    expect(resolveOptions({ failOn: 'warning', gitignore: true, code: 'all' }, fromConfig)).toMatchObject({
      failOn: 'warning',
      gitignore: true,
      code: 'all',
    });
  });
});

describe('resolveOptions: a bad value is one line naming the option', () => {
  it.each<[string, RawOptions, Partial<ScanOptions>, string]>([
    ['policy', { policy: 'zdr,secrets' }, {}, 'policy must be one of nonessential-traffic, zdr, hygiene'],
    [
      'empty policy',
      {},
      { policies: [] },
      'policy must name at least one of nonessential-traffic, zdr, hygiene',
    ],
    ['fail-on', { failOn: 'sometimes' }, {}, 'fail-on must be one of error, warning, notice, never'],
    ['code', { code: 'some' }, {}, 'code must be one of off, auto, all'],
    ['require', { require: 'settings' }, {}, 'require must be one of project-settings'],
    ['uuid', { zdrOrgUuid: 'not-a-uuid' }, {}, 'zdr-org-uuid must be a UUID'],
    ['uuid with a prefix', { zdrOrgUuid: `x${UUID}` }, {}, 'zdr-org-uuid must be a UUID'],
    ['uuid with a suffix', { zdrOrgUuid: `${UUID}0` }, {}, 'zdr-org-uuid must be a UUID'],
    ['retention 0', { maxRetentionDays: '0' }, {}, 'max-retention-days must be a whole number of at least 1'],
    [
      'retention blank',
      { maxRetentionDays: ' ' },
      {},
      'max-retention-days must be a whole number of at least 1',
    ],
    [
      'retention 1.5',
      { maxRetentionDays: 1.5 },
      {},
      'max-retention-days must be a whole number of at least 1',
    ],
    ['file size', { maxFileSize: 'big' }, {}, 'max-file-size must be a whole number of at least 1'],
    [
      'base URL scheme',
      { allowedBaseUrls: ['ftp://gw.example.com'] },
      {},
      'allowed-base-url must be an http(s) URL such as https://llm-gateway.example.com',
    ],
    [
      'base URL',
      { allowedBaseUrls: ['gw.example.com'] },
      {},
      'allowed-base-url must be an http(s) URL such as https://llm-gateway.example.com',
    ],
    [
      'version',
      { minClaudeCodeVersion: 'latest' },
      {},
      'min-claude-code-version must be a Claude Code version such as 2.1.282',
    ],
  ])('%s', (_name, raw, fromConfig, message) => {
    expect(errorOf(raw, fromConfig)).toBe(message);
  });
});
