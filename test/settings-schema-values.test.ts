// What CFG002 says about each kind of value the settings schema describes (reference §2.2–§2.3, §3.2, §7): the
// plain words of every shared helper and key, the permission-rule shapes, env names and words, and the caches of
// built schemas. Each test asserts the whole finding a user reads: rule, path, line, message and fix.
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../src/parse/json.js';
import { createSourceFile } from '../src/discover/source.js';
import {
  allowedKeysFromMessage,
  forgetBuiltSchemas,
  KNOWN_SETTINGS_KEYS,
  settingsSchemaFor,
} from '../src/scope/settings-schema.js';
import { formatPath, validateSettings } from '../src/scope/validate-settings.js';

type Row = [ruleId: string, path: string, line: number, message: string, fix: string];

/** Each problem of pretty-printed settings as [rule, path, line, message, fix]. */
function findings(value: unknown): Row[] {
  const source = createSourceFile('.claude/settings.json', JSON.stringify(value, null, 2));
  const json = parseJson(source);
  expect(json.ok).toBe(true);
  return validateSettings(source, json).map((p) => [
    p.ruleId,
    formatPath(p.path),
    p.span.line,
    p.message,
    p.fix,
  ]);
}

/** One CFG002 row; `fix` is the clause after "In .claude/settings.json, ". */
function cfg002(path: string, line: number, message: string, fix: string): Row {
  return ['CFG002', path, line, message, `In .claude/settings.json, ${fix}.`];
}

/** The usual row of a value of the wrong kind: "<path> must be <words> (found …)", fixed by "set <path> to <words>". */
function mustBe(path: string, line: number, words: string, found: string): Row {
  return cfg002(path, line, `${path} must be ${words} (found ${found})`, `set ${path} to ${words}`);
}

describe('the words CFG002 uses for each kind of value', () => {
  it.each<[string, unknown, Row[]]>([
    // Shared helpers: a string that may not be empty, lists of strings, one fixed word, whole numbers.
    ['a non-empty string', { outputStyle: '' }, [mustBe('outputStyle', 2, 'a non-empty string', '""')]],
    [
      'a list of strings',
      { availableModels: 'opus' },
      [mustBe('availableModels', 2, 'a list of strings', 'a string')],
    ],
    [
      'a list of non-empty strings',
      { claudeMdExcludes: 'docs/**' },
      [mustBe('claudeMdExcludes', 2, 'a list of non-empty strings', 'a string')],
    ],
    [
      'the one word an enum of one allows',
      { disableDeepLinkRegistration: 'yes' },
      [mustBe('disableDeepLinkRegistration', 2, '"disable"', '"yes"')],
    ],
    [
      'a whole number without a minimum',
      { sshConfigs: [{ id: 'a', name: 'b', sshHost: 'h', sshPort: 22.5 }] },
      [mustBe('sshConfigs[0].sshPort', 7, 'a whole number', 'a number')],
    ],
    [
      'a hook timeout in seconds',
      { hooks: { Stop: [{ hooks: [{ type: 'command', command: 'x', timeout: 'soon' }] }] } },
      [mustBe('hooks.Stop[0].hooks[0].timeout', 9, 'a number of seconds greater than 0', 'a string')],
    ],
    [
      'a list of hooks in a matcher',
      { hooks: { Stop: [{ hooks: 'echo hi' }] } },
      [mustBe('hooks.Stop[0].hooks', 5, 'a list of hooks', 'a string')],
    ],
    [
      'the headers of an http hook',
      { hooks: { Stop: [{ hooks: [{ type: 'http', url: 'https://h.example', headers: [] }] }] } },
      [mustBe('hooks.Stop[0].hooks[0].headers', 9, 'an object of header names to string values', 'a list')],
    ],
    // Objects: a closed one, a record with its own words and one without.
    ['a closed object', { attribution: 5 }, [mustBe('attribution', 2, 'an object', 'a number')]],
    [
      'a record of model names',
      { modelOverrides: [] },
      [mustBe('modelOverrides', 2, 'an object of model names to strings', 'a list')],
    ],
    [
      'a record without words of its own',
      { pluginConfigs: [] },
      [mustBe('pluginConfigs', 2, 'an object', 'a list')],
    ],
    [
      'a plugin option value',
      { pluginConfigs: { fmt: { options: { width: {} } } } },
      [
        mustBe(
          'pluginConfigs.fmt.options.width',
          5,
          'a string, number, true/false, or a list of strings',
          'an object',
        ),
      ],
    ],
    // sandbox
    [
      'sandbox platforms',
      { sandbox: { enabledPlatforms: 'linux' } },
      [mustBe('sandbox.enabledPlatforms', 3, 'a list of platforms', 'a string')],
    ],
    [
      'sandbox credentials',
      { sandbox: { credentials: { files: {}, envVars: {} } } },
      [
        mustBe('sandbox.credentials.files', 4, 'a list of {"path", "mode": "deny"} objects', 'an object'),
        mustBe('sandbox.credentials.envVars', 5, 'a list of {"name", "mode": "deny"} objects', 'an object'),
      ],
    ],
    // Marketplaces and plugins
    [
      'a git marketplace URL that is not a string',
      { extraKnownMarketplaces: { corp: { source: { source: 'git', url: 5 } } } },
      [mustBe('extraKnownMarketplaces.corp.source.url', 6, 'a git URL ending in ".git"', 'a number')],
    ],
    [
      'a marketplace URL that is not absolute, or not a string',
      {
        extraKnownMarketplaces: {
          a: { source: { source: 'url', url: 'marketplace.json' } },
          b: { source: { source: 'url', url: 5 } },
        },
      },
      [
        mustBe('extraKnownMarketplaces.a.source.url', 6, 'an absolute URL', 'a string'),
        mustBe('extraKnownMarketplaces.b.source.url', 12, 'an absolute URL', 'a number'),
      ],
    ],
    [
      'extraKnownMarketplaces as a whole',
      { extraKnownMarketplaces: [] },
      [
        mustBe(
          'extraKnownMarketplaces',
          2,
          'an object of marketplace names to {"source": …} objects',
          'a list',
        ),
      ],
    ],
    [
      'the plugins of a settings marketplace',
      { extraKnownMarketplaces: { corp: { source: { source: 'settings', name: 'corp', plugins: {} } } } },
      [mustBe('extraKnownMarketplaces.corp.source.plugins', 7, 'a list of plugins', 'an object')],
    ],
    [
      'strictKnownMarketplaces and blockedMarketplaces as a whole',
      { strictKnownMarketplaces: {}, blockedMarketplaces: 'github' },
      [
        mustBe('strictKnownMarketplaces', 2, 'a list of marketplace sources', 'an object'),
        mustBe('blockedMarketplaces', 3, 'a list of marketplace sources', 'a string'),
      ],
    ],
    [
      'the headers of a url marketplace rule',
      { strictKnownMarketplaces: [{ source: 'url', url: 'https://m.example/m.json', headers: [] }] },
      [
        mustBe(
          'strictKnownMarketplaces[0].headers',
          6,
          'an object of header names to string values',
          'a list',
        ),
      ],
    ],
    [
      'enabledPlugins as a whole',
      { enabledPlugins: [] },
      [mustBe('enabledPlugins', 2, 'an object of "plugin@marketplace" names to true or false', 'a list')],
    ],
    [
      'allowedChannelPlugins',
      { allowedChannelPlugins: {} },
      [mustBe('allowedChannelPlugins', 2, 'a list of {"marketplace", "plugin"} objects', 'an object')],
    ],
    // MCP servers
    [
      'the MCP server lists',
      { allowedMcpServers: {}, deniedMcpServers: 'all' },
      [
        mustBe('allowedMcpServers', 2, 'a list of server entries', 'an object'),
        mustBe('deniedMcpServers', 3, 'a list of server entries', 'a string'),
      ],
    ],
    [
      'a server name that is not a string',
      { allowedMcpServers: [{ serverName: 5 }] },
      [
        mustBe(
          'allowedMcpServers[0].serverName',
          4,
          'a server name of letters, digits, "_" and "-"',
          'a number',
        ),
      ],
    ],
    [
      'managedMcpServers and its entries',
      { managedMcpServers: [5] },
      [mustBe('managedMcpServers[0]', 3, 'an object', 'a number')],
    ],
    [
      'managedMcpServers as a whole',
      { managedMcpServers: {} },
      [mustBe('managedMcpServers', 2, 'a list of server objects', 'an object')],
    ],
    // Numbers with ranges
    [
      'feedbackSurveyRate below 0, above 1, or not a number',
      { feedbackSurveyRate: -0.5 },
      [mustBe('feedbackSurveyRate', 2, 'a number from 0 to 1', 'a number')],
    ],
    [
      'feedbackSurveyRate above 1',
      { feedbackSurveyRate: 2 },
      [mustBe('feedbackSurveyRate', 2, 'a number from 0 to 1', 'a number')],
    ],
    [
      'feedbackSurveyRate that is not a number',
      { feedbackSurveyRate: [] },
      [mustBe('feedbackSurveyRate', 2, 'a number from 0 to 1', 'a list')],
    ],
    [
      'skillListingMaxDescChars',
      { skillListingMaxDescChars: 0 },
      [mustBe('skillListingMaxDescChars', 2, 'a whole number greater than 0', '0')],
    ],
    [
      'skillListingMaxDescChars that is not a number',
      { skillListingMaxDescChars: 'many' },
      [mustBe('skillListingMaxDescChars', 2, 'a whole number greater than 0', 'a string')],
    ],
    [
      'skillListingBudgetFraction of 0',
      { skillListingBudgetFraction: 0 },
      [mustBe('skillListingBudgetFraction', 2, 'a number greater than 0 and at most 1', '0')],
    ],
    [
      'skillListingBudgetFraction above 1',
      { skillListingBudgetFraction: 1.5 },
      [mustBe('skillListingBudgetFraction', 2, 'a number greater than 0 and at most 1', 'a number')],
    ],
    [
      'skillListingBudgetFraction that is not a number',
      { skillListingBudgetFraction: 'half' },
      [mustBe('skillListingBudgetFraction', 2, 'a number greater than 0 and at most 1', 'a string')],
    ],
    [
      'statusLine padding',
      { statusLine: { type: 'command', command: 'x', padding: 'wide' } },
      [mustBe('statusLine.padding', 5, 'a number', 'a string')],
    ],
    // Lists with a size, and other keys with words of their own
    [
      'spinner verbs and tips that are empty',
      { spinnerVerbs: { verbs: [] }, spinnerTipsOverride: { tips: [] } },
      [
        mustBe('spinnerVerbs.verbs', 3, 'a list of at least one verb', 'a list'),
        mustBe('spinnerTipsOverride.tips', 6, 'a list of at least one tip', 'a list'),
      ],
    ],
    [
      'fallbackModel of four models',
      { fallbackModel: ['a', 'b', 'c', 'd'] },
      [mustBe('fallbackModel', 2, 'a list of at most three models', 'a list')],
    ],
    [
      'forceLoginOrgUUID',
      { forceLoginOrgUUID: 5 },
      [mustBe('forceLoginOrgUUID', 2, 'an organisation UUID string or a list of them', 'a number')],
    ],
    [
      'strictPluginOnlyCustomization',
      { strictPluginOnlyCustomization: 'skills' },
      [
        mustBe(
          'strictPluginOnlyCustomization',
          2,
          'true, false, or a list of skills, agents, hooks, mcp',
          'a string',
        ),
      ],
    ],
    [
      'sshConfigs',
      { sshConfigs: {} },
      [mustBe('sshConfigs', 2, 'a list of SSH connection objects', 'an object')],
    ],
    [
      'footerLinksRegexes',
      { footerLinksRegexes: {} },
      [mustBe('footerLinksRegexes', 2, 'a list of {"pattern", "url"} objects', 'an object')],
    ],
    [
      'a theme that is not a string',
      { theme: 5 },
      [
        mustBe(
          'theme',
          2,
          'one of auto, dark, light, dark-daltonized, light-daltonized, dark-ansi, light-ansi, or "custom:<name>"',
          'a number',
        ),
      ],
    ],
    [
      'policyHelper.timeoutMs',
      { policyHelper: { path: '/usr/local/bin/policy', timeoutMs: 1.5 } },
      [mustBe('policyHelper.timeoutMs', 4, 'a whole number', 'a number')],
    ],
  ])('%s', (_what, value, expected) => {
    expect(findings(value)).toEqual(expected);
  });

  it('asks for the number without quotes where a number in quotes was written', () => {
    expect(
      findings({
        hooks: { Stop: [{ hooks: [{ type: 'command', command: 'x', timeout: '5' }] }] },
      }),
    ).toEqual([
      cfg002(
        'hooks.Stop[0].hooks[0].timeout',
        9,
        'hooks.Stop[0].hooks[0].timeout must be a number of seconds greater than 0 (found a string)',
        'write the number without quotes as the value of hooks.Stop[0].hooks[0].timeout',
      ),
    ]);
  });
});

describe('the values each list of fixed words accepts', () => {
  it('accepts every sandbox platform, and names them all for another', () => {
    expect(findings({ sandbox: { enabledPlatforms: ['macos', 'linux', 'wsl', 'windows'] } })).toEqual([]);
    expect(findings({ sandbox: { enabledPlatforms: ['bsd'] } })).toEqual([
      mustBe('sandbox.enabledPlatforms[0]', 4, 'one of macos, linux, wsl, windows', 'a string'),
    ]);
  });

  it('accepts each of skills, agents, hooks and mcp in strictPluginOnlyCustomization', () => {
    expect(findings({ strictPluginOnlyCustomization: ['skills', 'agents', 'hooks', 'mcp'] })).toEqual([]);
    expect(findings({ strictPluginOnlyCustomization: true })).toEqual([]);
  });

  it('accepts each kind of plugin source in a settings marketplace, and names them for another', () => {
    const marketplace = (plugins: unknown[]) => ({
      extraKnownMarketplaces: { corp: { source: { source: 'settings', name: 'corp', plugins } } },
    });
    expect(
      findings(
        marketplace([
          { name: 'a', source: { source: 'github', repo: 'o/a' } },
          { name: 'b', source: { source: 'url', url: 'https://git.example/b.git' } },
          { name: 'c', source: { source: 'git-subdir', url: 'https://git.example/c.git', path: 'c' } },
          { name: 'd', source: { source: 'npm', package: '@corp/d' } },
        ]),
      ),
    ).toEqual([]);
    expect(findings(marketplace([{ name: 'a', source: { source: 'svn' } }]))).toEqual([
      mustBe(
        'extraKnownMarketplaces.corp.source.plugins[0].source.source',
        11,
        'one of github, url, git-subdir, npm',
        'a string',
      ),
    ]);
  });

  it('accepts each kind of marketplace source in extraKnownMarketplaces, and names them for another', () => {
    const sources = [
      { source: 'url', url: 'https://m.example/marketplace.json' },
      { source: 'hostPattern', hostPattern: '^git\\.corp\\.example$' },
      { source: 'github', repo: 'corp/marketplace' },
      { source: 'git', url: 'https://git.corp.example/marketplace.git' },
      { source: 'npm', package: '@corp/marketplace' },
      { source: 'file', path: '/opt/marketplace.json' },
      { source: 'directory', path: '/opt/marketplace' },
      { source: 'settings', name: 'corp', plugins: [] },
    ];
    expect(
      findings({
        extraKnownMarketplaces: Object.fromEntries(sources.map((source, i) => [`m${i}`, { source }])),
      }),
    ).toEqual([]);
    expect(findings({ extraKnownMarketplaces: { corp: { source: { source: 'ftp' } } } })).toEqual([
      mustBe(
        'extraKnownMarketplaces.corp.source.source',
        5,
        'one of url, hostPattern, github, git, npm, file, directory, settings',
        'a string',
      ),
    ]);
  });

  it('accepts each kind of marketplace rule in strictKnownMarketplaces, and names them for another', () => {
    const rules = [
      { source: 'hostPattern', hostPattern: '^github\\.com$' },
      { source: 'github', repo: 'corp/marketplace' },
      { source: 'git', url: 'https://git.corp.example/marketplace.git' },
      { source: 'url', url: 'https://m.example/marketplace.json', headers: { Authorization: 'x' } },
      { source: 'npm', package: '@corp/marketplace' },
      { source: 'file', path: '/opt/marketplace.json' },
      { source: 'directory', path: '/opt/marketplace' },
      { source: 'pathPattern', pathPattern: '^/opt/' },
    ];
    expect(findings({ strictKnownMarketplaces: rules, blockedMarketplaces: rules })).toEqual([]);
    expect(findings({ strictKnownMarketplaces: [{ source: 'ftp' }] })).toEqual([
      mustBe(
        'strictKnownMarketplaces[0].source',
        4,
        'one of hostPattern, github, git, url, npm, file, directory, pathPattern',
        'a string',
      ),
    ]);
  });

  it('wants a git URL that ends in ".git", not one that only contains it', () => {
    expect(
      findings({ blockedMarketplaces: [{ source: 'git', url: 'https://git.example/tools.git/tree/main' }] }),
    ).toEqual([mustBe('blockedMarketplaces[0].url', 5, 'a git URL ending in ".git"', 'a string')]);
  });
});

describe('theme', () => {
  it('accepts the built-in themes and "custom:" followed by a name', () => {
    for (const theme of ['auto', 'dark', 'light-ansi', 'custom:corp', 'custom:c']) {
      expect(findings({ theme })).toEqual([]);
    }
  });

  it('rejects "custom:" without a name, and a value that only contains "custom:"', () => {
    const words =
      'one of auto, dark, light, dark-daltonized, light-daltonized, dark-ansi, light-ansi, or "custom:<name>"';
    for (const theme of ['custom:', 'my-custom:dark', 'Dark']) {
      expect(findings({ theme })).toEqual([mustBe('theme', 2, words, 'a string')]);
    }
  });
});

describe('policyHelper.refreshIntervalMs', () => {
  const words = '0 or a whole number of at least 60000';
  it.each([0, 60000, 3600000])('accepts %j', (refreshIntervalMs) => {
    expect(findings({ policyHelper: { path: '/usr/local/bin/policy', refreshIntervalMs } })).toEqual([]);
  });

  it.each([
    [1, '1'],
    [59999, 'a number'],
    [60000.5, 'a number'],
    [[60000], 'a list'],
  ])('rejects %j', (refreshIntervalMs, found) => {
    expect(findings({ policyHelper: { path: '/usr/local/bin/policy', refreshIntervalMs } })).toEqual([
      mustBe('policyHelper.refreshIntervalMs', 4, words, found),
    ]);
  });

  it('asks for the number without quotes where one was written in quotes', () => {
    expect(findings({ policyHelper: { path: '/usr/local/bin/policy', refreshIntervalMs: '60000' } })).toEqual(
      [
        cfg002(
          'policyHelper.refreshIntervalMs',
          4,
          `policyHelper.refreshIntervalMs must be ${words} (found a string)`,
          'write the number without quotes as the value of policyHelper.refreshIntervalMs',
        ),
      ],
    );
  });
});

describe('permission rules: each shape Claude Code skips, with its fix', () => {
  const rule = (list: 'allow' | 'ask' | 'deny', value: string) =>
    findings({ permissions: { [list]: [value] } });
  const at = (list: string) => `permissions.${list}[0]`;

  it('an empty or blank rule', () => {
    for (const value of ['', '   ']) {
      expect(rule('deny', value)).toEqual([
        cfg002(
          at('deny'),
          4,
          `${at('deny')} must not be empty`,
          'remove the empty rule or write a tool name such as "Read"',
        ),
      ]);
    }
  });

  it('a rule that is not a tool name', () => {
    expect(rule('ask', 'Read secrets')).toEqual([
      cfg002(
        at('ask'),
        4,
        `${at('ask')} must be a tool name or Tool(pattern), such as "Bash" or "Bash(npm test)"`,
        'write the rule as a tool name, optionally followed by a pattern in parentheses, e.g. "Bash(npm test)"',
      ),
    ]);
  });

  it('a wildcard tool name in allow, but not in deny or ask', () => {
    expect(rule('allow', 'Bash*')).toEqual([
      cfg002(
        at('allow'),
        4,
        `${at('allow')} may not use a wildcard tool name: wildcards work only in deny and ask rules`,
        'name the tool exactly in this allow rule, or move the wildcard rule to deny or ask',
      ),
    ]);
    expect(rule('deny', 'Bash*')).toEqual([]);
    expect(rule('ask', 'Bash*')).toEqual([]);
  });

  it('a pattern whose closing parenthesis is escaped by a backslash', () => {
    // `Bash(echo \)` escapes its ")": the pattern never closes. `Bash(echo \\)` ends in an escaped backslash, then ")".
    for (const value of ['Bash(echo \\)', 'Bash(echo \\\\\\)', 'Bash(\\)', 'Bash(a) b']) {
      expect(rule('allow', value)).toEqual([
        cfg002(
          at('allow'),
          4,
          `${at('allow')} must end at its closing parenthesis`,
          'close the pattern with ")" at the end of the rule, e.g. "Bash(…)"',
        ),
      ]);
    }
    for (const value of ['Bash(echo \\\\)', 'Bash(\\\\)', 'Bash(a\\)b)', 'Read(C:\\\\temp\\\\)']) {
      expect(rule('allow', value)).toEqual([]);
    }
  });

  it('empty or blank parentheses', () => {
    for (const value of ['WebFetch()', 'WebFetch(  )']) {
      expect(rule('deny', value)).toEqual([
        cfg002(
          at('deny'),
          4,
          `${at('deny')} has empty parentheses: write "WebFetch" for every use, or "WebFetch(pattern)"`,
          'write "WebFetch" or put a pattern inside the parentheses',
        ),
      ]);
    }
  });

  it('":*" alone, with or without spaces around it', () => {
    for (const value of ['Bash(:*)', 'Bash( :* )']) {
      expect(rule('ask', value)).toEqual([
        cfg002(
          at('ask'),
          4,
          `${at('ask')} has an empty prefix before :*`,
          'put a command prefix before ":*", e.g. "Bash(npm run:*)", or write "Bash"',
        ),
      ]);
    }
    expect(rule('ask', 'Bash(npm run:*)')).toEqual([]);
  });

  it('permissions that is not an object, and rule lists that are not lists', () => {
    expect(findings({ permissions: [] })).toEqual([mustBe('permissions', 2, 'an object', 'a list')]);
    expect(findings({ permissions: { deny: 'Bash', ask: 'Read' } })).toEqual([
      mustBe('permissions.deny', 3, 'a list of permission rules (strings)', 'a string'),
      mustBe('permissions.ask', 4, 'a list of permission rules (strings)', 'a string'),
    ]);
  });
});

describe('MCP server entries: the fix', () => {
  it('says to give exactly one of the three keys', () => {
    expect(findings({ deniedMcpServers: [{}, { serverName: 'a', serverCommand: ['npx', 'a'] }] })).toEqual([
      cfg002(
        'deniedMcpServers[0]',
        3,
        'deniedMcpServers[0] must name the server with one of "serverName", "serverCommand" or "serverUrl"',
        'give the entry exactly one of "serverName", "serverCommand" or "serverUrl"',
      ),
      cfg002(
        'deniedMcpServers[1]',
        4,
        'deniedMcpServers[1] must use only one of "serverName", "serverCommand"',
        'give the entry exactly one of "serverName", "serverCommand" or "serverUrl"',
      ),
    ]);
  });
});

describe('env: names, words and types', () => {
  it('says how to write env that is not an object', () => {
    for (const env of ['DISABLE_TELEMETRY=1', null, ['A=1'], 1]) {
      expect(findings({ env })).toEqual([
        cfg002(
          'env',
          2,
          'env must be an object of NAME: "value" pairs',
          'write env as an object, e.g. "env": { "DISABLE_TELEMETRY": "1" }',
        ),
      ]);
    }
  });

  it('suggests a name with each other character made an underscore, and "_" before a leading digit only', () => {
    const rename = (suggestion: string) =>
      `rename it using capital letters, digits and underscores only, e.g. "${suggestion}"`;
    expect(findings({ env: { 'my-var.x': '1', node_env2: 'x', '9lives': 'x' } })).toEqual([
      cfg002('env["my-var.x"]', 3, 'env name "my-var.x" must match ^[A-Z_][A-Z0-9_]*$', rename('MY_VAR_X')),
      cfg002('env.node_env2', 4, 'env name "node_env2" must match ^[A-Z_][A-Z0-9_]*$', rename('NODE_ENV2')),
      cfg002('env["9lives"]', 5, 'env name "9lives" must match ^[A-Z_][A-Z0-9_]*$', rename('_9LIVES')),
    ]);
  });

  it('names the words to write for a variable with fixed words', () => {
    expect(findings({ env: { CLAUDE_CODE_EFFORT_LEVEL: 'turbo' } })).toEqual([
      cfg002(
        'env.CLAUDE_CODE_EFFORT_LEVEL',
        3,
        'env.CLAUDE_CODE_EFFORT_LEVEL must be one of low, medium, high, xhigh, max, auto (found a string)',
        'write one of "low", "medium", "high", "xhigh", "max", "auto" as the value of CLAUDE_CODE_EFFORT_LEVEL',
      ),
    ]);
  });

  // An empty value is unset (reference §3.2); the words are compared without case or surrounding spaces.
  it('accepts an empty value, and a word in another case or with spaces around it', () => {
    expect(
      findings({
        env: {
          CLAUDE_EFFORT: '',
          CLAUDE_CODE_EFFORT_LEVEL: '  ',
          OTEL_EXPORTER_OTLP_PROTOCOL: ' GRPC ',
          CLAUDE_CODE_DEBUG_LOG_LEVEL: 'Warn',
        },
      }),
    ).toEqual([]);
  });

  it('reads a switch word with spaces around it as that word', () => {
    expect(findings({ env: { DISABLE_AUTOUPDATER: ' 1 ', OTEL_METRICS_INCLUDE_VERSION: 'false ' } })).toEqual(
      [],
    );
  });

  it('says to quote a value that is not a string, repeating it only when it is a switch word', () => {
    expect(
      findings({
        env: { MY_VAR: 1, OTEL_METRICS_INCLUDE_VERSION: 2, DISABLE_COMPACT: 0, DO_NOT_TRACK: true },
      }),
    ).toEqual([
      cfg002(
        'env.MY_VAR',
        3,
        'env.MY_VAR must be a string (found a number)',
        'write the value of MY_VAR as a string in double quotes',
      ),
      cfg002(
        'env.OTEL_METRICS_INCLUDE_VERSION',
        4,
        'env.OTEL_METRICS_INCLUDE_VERSION must be a string (found a number)',
        'write the value of OTEL_METRICS_INCLUDE_VERSION as a string in double quotes',
      ),
      cfg002(
        'env.DISABLE_COMPACT',
        5,
        'env.DISABLE_COMPACT must be a string: write "0" with quotes',
        'write the value in double quotes: "DISABLE_COMPACT": "0"',
      ),
      cfg002(
        'env.DO_NOT_TRACK',
        6,
        'env.DO_NOT_TRACK must be a string: write "true" with quotes',
        'write the value in double quotes: "DO_NOT_TRACK": "true"',
      ),
    ]);
  });
});

describe('vimInsertModeRemaps', () => {
  it.each([[[]], [null], ['jj'], [5]])('says how to write %j as an object', (vimInsertModeRemaps) => {
    expect(findings({ vimInsertModeRemaps })).toEqual([
      cfg002(
        'vimInsertModeRemaps',
        2,
        'vimInsertModeRemaps must be an object of two-key sequences to "<Esc>"',
        'write it as an object, e.g. "vimInsertModeRemaps": { "jj": "<Esc>" }',
      ),
    ]);
  });

  it('says how to fix a key of the wrong length and a target other than <Esc>', () => {
    expect(findings({ vimInsertModeRemaps: { j: '<Esc>', jk: 'x', kj: '<Esc>' } })).toEqual([
      [
        'CFG002',
        'vimInsertModeRemaps.j',
        3,
        'vimInsertModeRemaps key "j" must be exactly two characters',
        'In .claude/settings.json, use a two-character key sequence such as "jj".',
      ],
      cfg002(
        'vimInsertModeRemaps.jk',
        4,
        'vimInsertModeRemaps.jk must be "<Esc>", the only target Claude Code supports (found a string)',
        'write "jk": "<Esc>"',
      ),
    ]);
  });
});

describe('allowedKeysFromMessage', () => {
  it('reads the keys only from the message of a closed object', () => {
    expect(allowedKeysFromMessage('allowed keys:matcher,hooks')).toEqual(['matcher', 'hooks']);
    expect(allowedKeysFromMessage('an object')).toBeUndefined();
    expect(allowedKeysFromMessage('keys: allowed keys:a')).toBeUndefined();
  });
});

describe('settingsSchemaFor builds and keeps schemas', () => {
  beforeEach(() => forgetBuiltSchemas());
  const shapeOf = (schema: z.ZodType) => (schema as z.ZodObject).shape;

  it('builds the schema of the known keys present only', () => {
    expect(Object.keys(shapeOf(settingsSchemaFor(['permissions', 'env', 'notASetting'])))).toEqual([
      'env',
      'permissions',
    ]);
    expect(Object.keys(shapeOf(settingsSchemaFor([])))).toEqual([]);
  });

  it('builds each key once, for every file that names it', () => {
    const one = settingsSchemaFor(['env']);
    const two = settingsSchemaFor(['env', 'model']);
    expect(two).not.toBe(one);
    expect(shapeOf(two).env).toBe(shapeOf(one).env);
  });

  it('says "an object" of a whole file that is not one', () => {
    const result = settingsSchemaFor(['env']).safeParse([]);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['invalid_type', [], 'an object'],
    ]);
  });

  it('keeps the schemas of up to 64 files, then starts again', () => {
    const first = settingsSchemaFor(['model']);
    const others = KNOWN_SETTINGS_KEYS.filter((key) => key !== 'model');
    for (const key of others.slice(0, 62)) settingsSchemaFor([key]);
    expect(settingsSchemaFor(['model'])).toBe(first);
    settingsSchemaFor([others[62]!]); // the 64th: still room
    expect(settingsSchemaFor(['model'])).toBe(first);
    settingsSchemaFor([others[63]!]); // the 65th: the cache starts again
    const again = settingsSchemaFor(['model']);
    expect(again).not.toBe(first);
    expect(again.safeParse({ model: 5 }).success).toBe(false);
  });
});
