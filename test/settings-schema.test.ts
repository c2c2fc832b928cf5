import { afterEach, describe, expect, it, vi } from 'vitest';
import { stressIt } from './helpers/stress.js';
import { PRESENCE_ONLY } from '../src/scope/env.js';
import { parseJson } from '../src/parse/json.js';
import * as settingsSchema from '../src/scope/settings-schema.js';
import {
  ENV_SWITCHES,
  forgetBuiltSchemas,
  HOOK_EVENTS,
  KNOWN_SETTINGS_KEYS,
  MANAGED_ONLY_KEYS,
  permissionRuleProblem,
  settingsSchemaFor,
} from '../src/scope/settings-schema.js';
import { createSourceFile } from '../src/discover/source.js';
import {
  closestKey,
  formatPath,
  type SettingsProblem,
  validateSettings,
} from '../src/scope/validate-settings.js';

function validate(text: string, label?: string): SettingsProblem[] {
  const source = createSourceFile('.claude/settings.json', text);
  const json = parseJson(source);
  expect(json.ok).toBe(true);
  return validateSettings(source, json, label);
}

/** The parts a reviewer checks first: rule, path and where it points. */
function brief(problems: SettingsProblem[]) {
  return problems.map((p) => ({ ruleId: p.ruleId, path: p.path, line: p.span.line, column: p.span.column }));
}

function messages(problems: SettingsProblem[]): string[] {
  return problems.map((p) => p.message);
}

/** Pretty-printed settings, so that each key sits on its own line. */
function settings(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

describe('top level', () => {
  it.each([['[1, 2]'], ['"settings"'], ['null'], ['42'], ['true']])('rejects %s as a whole file', (text) => {
    const problems = validate(text);
    expect(problems).toEqual([
      {
        ruleId: 'CFG002',
        message: 'the top level must be a JSON object; Claude Code ignores the whole file',
        path: [],
        span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        fix: 'In .claude/settings.json, write the settings as one JSON object, e.g. { "env": { … } }.',
      },
    ]);
  });

  it('finds nothing in an empty object or in well-formed settings', () => {
    expect(validate('{}')).toEqual([]);
    expect(
      validate(
        settings({
          $schema: 'https://json.schemastore.org/claude-code-settings.json',
          cleanupPeriodDays: 7,
          env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', MY_VAR: 'anything at all' },
          forceLoginMethod: 'console',
          forceLoginOrgUUID: ['3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11'],
          permissions: { allow: ['Bash(npm run test:*)', 'Read', 'mcp__github'], defaultMode: 'plan' },
          sandbox: { network: { httpProxyPort: null, socksProxyPort: null } },
          theme: 'custom:corp:dark',
        }),
      ),
    ).toEqual([]);
  });
});

describe('CFG002 on known keys', () => {
  it('cleanupPeriodDays must be a whole number of at least 1', () => {
    const text = '{\n  "model": "opus",\n  "cleanupPeriodDays": 0\n}\n';
    expect(validate(text)).toEqual([
      {
        ruleId: 'CFG002',
        message: 'cleanupPeriodDays must be a whole number of at least 1 (found 0)',
        path: ['cleanupPeriodDays'],
        span: { line: 3, column: 3, endLine: 3, endColumn: 25 },
        fix: 'In .claude/settings.json, set cleanupPeriodDays to a whole number of at least 1.',
      },
    ]);
    expect(messages(validate('{"cleanupPeriodDays": 1.5}'))).toEqual([
      'cleanupPeriodDays must be a whole number of at least 1 (found a number)',
    ]);
    const quoted = validate('{"cleanupPeriodDays": "30"}');
    expect(messages(quoted)).toEqual([
      'cleanupPeriodDays must be a whole number of at least 1 (found a string)',
    ]);
    expect(quoted[0]!.fix).toBe(
      'In .claude/settings.json, write the number without quotes as the value of cleanupPeriodDays.',
    );
  });

  it('forceLoginMethod must be claudeai, console or gateway', () => {
    const problems = validate('{\n  "forceLoginMethod": "github"\n}');
    expect(brief(problems)).toEqual([{ ruleId: 'CFG002', path: ['forceLoginMethod'], line: 2, column: 3 }]);
    expect(problems[0]!.message).toBe(
      'forceLoginMethod must be one of claudeai, console, gateway (found a string)',
    );
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, set forceLoginMethod to one of claudeai, console, gateway.',
    );
  });

  it('a boolean written as a string says what to write instead', () => {
    const problems = validate('{"includeCoAuthoredBy": "false", "enableAllProjectMcpServers": 1}');
    expect(messages(problems)).toEqual([
      // "Co-AUTH-oredBy" is secret-shaped for the one shared list: its value is not repeated.
      'includeCoAuthoredBy must be true or false (without quotes)',
      'enableAllProjectMcpServers must be true or false (without quotes) (found 1)',
    ]);
    expect(problems.map((p) => p.fix)).toEqual([
      'In .claude/settings.json, write false without quotes as the value of includeCoAuthoredBy.',
      'In .claude/settings.json, write true without quotes as the value of enableAllProjectMcpServers.',
    ]);
  });

  it.each([
    ['true', 'true'],
    ['yes', 'true'],
    ['on', 'true'],
    ['1', 'true'],
    ['enabled', 'true'],
    [' Yes ', 'true'],
    [1, 'true'],
    ['false', 'false'],
    ['no', 'false'],
    ['off', 'false'],
    ['0', 'false'],
    ['disabled', 'false'],
    ['OFF', 'false'],
    [0, 'false'],
  ])('reads the on/off word %j as %s', (value, meant) => {
    const problems = validate(settings({ enableAllProjectMcpServers: value }));
    expect(problems.map((p) => p.fix)).toEqual([
      `In .claude/settings.json, write ${meant} without quotes as the value of enableAllProjectMcpServers.`,
    ]);
  });

  it('says only what a boolean must be when the value is no on/off word, or not a string or number', () => {
    for (const value of ['maybe', ['yes'], [1], '']) {
      expect(validate(settings({ enableAllProjectMcpServers: value })).map((p) => p.fix)).toEqual([
        'In .claude/settings.json, set enableAllProjectMcpServers to true or false (without quotes).',
      ]);
    }
  });

  it('says to drop the quotes only from a number where a number belongs', () => {
    const problems = validate(settings({ forceLoginMethod: '1', cleanupPeriodDays: '', model: 'x' }));
    expect(problems.map((p) => p.fix)).toEqual([
      'In .claude/settings.json, set forceLoginMethod to one of claudeai, console, gateway.',
      'In .claude/settings.json, set cleanupPeriodDays to a whole number of at least 1.',
    ]);
    expect(validate(settings({ cleanupPeriodDays: '  ' })).map((p) => p.fix)).toEqual([
      'In .claude/settings.json, set cleanupPeriodDays to a whole number of at least 1.',
    ]);
  });

  it('uses the file label in the fix', () => {
    const problems = validate('{"cleanupPeriodDays": 0}', 'managed-settings.json');
    expect(problems[0]!.fix).toBe(
      'In managed-settings.json, set cleanupPeriodDays to a whole number of at least 1.',
    );
  });

  it('points at the last of duplicated keys, the value Claude Code reads, once', () => {
    const problems = validate('{\n  "cleanupPeriodDays": 5,\n  "cleanupPeriodDays": -1\n}');
    expect(brief(problems)).toEqual([{ ruleId: 'CFG002', path: ['cleanupPeriodDays'], line: 3, column: 3 }]);
    expect(problems[0]!.message).toBe(
      'cleanupPeriodDays must be a whole number of at least 1 (found a number)',
    );
  });

  it('never repeats a value held under a credential-like name', () => {
    const problems = validate(
      settings({ apiKeyHelper: 1234567890123, env: { ANTHROPIC_API_KEY: 1234567890123 } }),
    );
    expect(messages(problems)).toEqual([
      'apiKeyHelper must be a non-empty string',
      'env.ANTHROPIC_API_KEY must be a string (found a number)',
    ]);
    for (const problem of problems) {
      expect(problem.message + problem.fix).not.toContain('1234567890123');
    }
  });

  it('never repeats a list item held under a credential-like name', () => {
    const problems = validate(settings({ sandbox: { ignoreViolations: { MY_TOKEN: [1234567890123] } } }));
    expect(problems).toEqual([
      {
        ruleId: 'CFG002',
        message: 'sandbox.ignoreViolations.MY_TOKEN[0] must be a string',
        path: ['sandbox', 'ignoreViolations', 'MY_TOKEN', 0],
        span: { line: 5, column: 9, endLine: 5, endColumn: 22 },
        fix: 'In .claude/settings.json, set sandbox.ignoreViolations.MY_TOKEN[0] to a string.',
      },
    ]);
  });

  it('accepts null proxy ports, as Anthropic examples write them, but not a port out of range', () => {
    expect(validate(settings({ sandbox: { network: { httpProxyPort: null } } }))).toEqual([]);
    const problems = validate(settings({ sandbox: { network: { httpProxyPort: 70000 } } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['sandbox', 'network', 'httpProxyPort'], line: 4, column: 7 },
    ]);
    expect(problems[0]!.message).toBe(
      'sandbox.network.httpProxyPort must be a port number from 1 to 65535 (found a number)',
    );
  });

  it('reports wrong types inside lists and objects by path', () => {
    const problems = validate(
      settings({
        permissions: { allow: ['Read', 3] },
        enabledPlugins: { 'fmt@tools': 'yes' },
        fallbackModel: [],
      }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['permissions', 'allow', 1], line: 5, column: 7 },
      { ruleId: 'CFG002', path: ['enabledPlugins', 'fmt@tools'], line: 9, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'permissions.allow[1] must be a string (found a number)',
      'enabledPlugins["fmt@tools"] must be true, false, or a list of strings (found "yes")',
    ]);
  });
});

describe('CFG002 in closed objects', () => {
  it('reports an unknown nested key on its own pair, with the keys the object accepts', () => {
    const problems = validate(
      settings({
        sandbox: { network: { tlsTerminate: { caCertPath: '/ca.pem', caChainPath: '/chain.pem' } } },
      }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['sandbox', 'network', 'tlsTerminate', 'caChainPath'], line: 6, column: 9 },
    ]);
    expect(problems[0]!.message).toBe(
      'unknown key "caChainPath" in sandbox.network.tlsTerminate, which accepts only caCertPath, caKeyPath',
    );
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, remove "caChainPath" from sandbox.network.tlsTerminate.',
    );
  });

  it('suggests the close key for a typo in a hook event', () => {
    const problems = validate(settings({ hooks: { PreToolUSe: [] } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['hooks', 'PreToolUSe'], line: 3, column: 5 },
    ]);
    expect(problems[0]!.message).toBe('unknown key "PreToolUSe" in hooks; did you mean "PreToolUse"?');
    expect(problems[0]!.fix).toBe('In .claude/settings.json, rename "PreToolUSe" in hooks to "PreToolUse".');
  });

  it('says when a top-level setting was put inside permissions', () => {
    const problems = validate(settings({ permissions: { deny: [], allowManagedPermissionRulesOnly: true } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['permissions', 'allowManagedPermissionRulesOnly'], line: 4, column: 5 },
    ]);
    expect(problems[0]!.message).toBe(
      '"allowManagedPermissionRulesOnly" is a top-level setting, not part of permissions',
    );
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, move "allowManagedPermissionRulesOnly" out of permissions to the top level of the file.',
    );
  });

  it('lists the accepted keys only for an object of at most eight', () => {
    // sandbox accepts 16 keys, a command hook 9: too many to list, so the message names none.
    const problems = validate(
      settings({
        sandbox: { zzqx: 1 },
        hooks: { Stop: [{ hooks: [{ type: 'command', command: 'x', zzqx: 1 }] }] },
      }),
    );
    expect(problems.map((p) => [p.path, p.message, p.fix])).toEqual([
      [
        ['sandbox', 'zzqx'],
        'unknown key "zzqx" in sandbox',
        'In .claude/settings.json, remove "zzqx" from sandbox.',
      ],
      [
        ['hooks', 'Stop', 0, 'hooks', 0, 'zzqx'],
        'unknown key "zzqx" in hooks.Stop[0].hooks[0]',
        'In .claude/settings.json, remove "zzqx" from hooks.Stop[0].hooks[0].',
      ],
    ]);
    // A prompt hook accepts 7 keys: listed.
    expect(
      messages(
        validate(settings({ hooks: { Stop: [{ hooks: [{ type: 'prompt', prompt: 'x', zzqx: 1 }] }] } })),
      ),
    ).toEqual([
      'unknown key "zzqx" in hooks.Stop[0].hooks[0], which accepts only type, prompt, model, timeout, if, statusMessage, continueOnBlock',
    ]);
  });
});

describe('CFG002 in hooks', () => {
  const hook = (command: Record<string, unknown>) =>
    settings({ hooks: { PreToolUse: [{ hooks: [command] }] } });

  it('rejects an unknown hook type, naming the types that exist', () => {
    const problems = validate(hook({ type: 'script', command: 'echo' }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['hooks', 'PreToolUse', 0, 'hooks', 0, 'type'], line: 7, column: 13 },
    ]);
    expect(problems[0]!.message).toBe(
      'hooks.PreToolUse[0].hooks[0].type must be one of command, prompt, agent, http, mcp_tool (found a string)',
    );
  });

  it('points a missing required field at the object that lacks it', () => {
    const problems = validate(hook({ type: 'command' }));
    expect(problems).toEqual([
      {
        ruleId: 'CFG002',
        message: 'hooks.PreToolUse[0].hooks[0] is missing "command", which must be a non-empty string',
        path: ['hooks', 'PreToolUse', 0, 'hooks', 0, 'command'],
        span: { line: 6, column: 11, endLine: 8, endColumn: 12 },
        fix: 'In .claude/settings.json, add "command" (a non-empty string) to hooks.PreToolUse[0].hooks[0].',
      },
    ]);
    expect(messages(validate(hook({ type: 'http' })))).toEqual([
      'hooks.PreToolUse[0].hooks[0] is missing "url", which must be a non-empty string',
    ]);
    expect(messages(validate(hook({ type: 'mcp_tool', server: 'lint' })))).toEqual([
      'hooks.PreToolUse[0].hooks[0] is missing "tool", which must be a non-empty string',
    ]);
    expect(messages(validate(hook({ command: 'echo' })))).toEqual([
      'hooks.PreToolUse[0].hooks[0] is missing "type", which must be one of command, prompt, agent, http, mcp_tool',
    ]);
  });

  it('wants a timeout above 0 and a known shell', () => {
    expect(messages(validate(hook({ type: 'command', command: 'x', timeout: 0, shell: 'fish' })))).toEqual([
      'hooks.PreToolUse[0].hooks[0].timeout must be a number of seconds greater than 0 (found 0)',
      'hooks.PreToolUse[0].hooks[0].shell must be one of bash, powershell (found a string)',
    ]);
    expect(validate(hook({ type: 'command', command: 'x', timeout: 0.5, shell: 'powershell' }))).toEqual([]);
  });

  it('rejects a hook that is not an object, and extra keys in a matcher', () => {
    const problems = validate(settings({ hooks: { Stop: [{ hooks: ['echo hi'], extra: 1 }] } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['hooks', 'Stop', 0, 'hooks', 0], line: 6, column: 11 },
      { ruleId: 'CFG002', path: ['hooks', 'Stop', 0, 'extra'], line: 8, column: 9 },
    ]);
    expect(messages(problems)).toEqual([
      'hooks.Stop[0].hooks[0] must be an object with "type" (found a string)',
      'unknown key "extra" in hooks.Stop[0], which accepts only matcher, hooks',
    ]);
  });
});

describe('CFG002 in env', () => {
  it('wants string values and says how to write a number', () => {
    const problems = validate('{\n  "env": {\n    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": 1\n  }\n}');
    expect(problems).toEqual([
      {
        ruleId: 'CFG002',
        message: 'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC must be a string: write "1" with quotes',
        path: ['env', 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC'],
        span: { line: 3, column: 5, endLine: 3, endColumn: 50 },
        fix: 'In .claude/settings.json, write the value in double quotes: "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1".',
      },
    ]);
    expect(messages(validate(settings({ env: { A: true, B: null, C: [], D: {} } })))).toEqual([
      'env.A must be a string (found true/false)',
      'env.B must be a string (found null)',
      'env.C must be a string (found a list)',
      'env.D must be a string (found an object)',
    ]);
  });

  it('wants names of capitals, digits and underscores', () => {
    const problems = validate(settings({ env: { my_var: 'x', '1ST': 'x', OK_1: 'x' } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['env', 'my_var'], line: 3, column: 5 },
      { ruleId: 'CFG002', path: ['env', '1ST'], line: 4, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'env name "my_var" must match ^[A-Z_][A-Z0-9_]*$',
      'env name "1ST" must match ^[A-Z_][A-Z0-9_]*$',
    ]);
    expect(problems[1]!.fix).toBe(
      'In .claude/settings.json, rename it using capital letters, digits and underscores only, e.g. "_1ST".',
    );
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, rename it using capital letters, digits and underscores only, e.g. "MY_VAR".',
    );
  });

  it('rejects env that is not an object', () => {
    expect(messages(validate('{"env": ["A=1"]}'))).toEqual(['env must be an object of NAME: "value" pairs']);
  });

  it('flags a switch value Claude Code reads as off, whatever it looks like', () => {
    const problems = validate(
      settings({
        env: {
          CLAUDE_CODE_ENABLE_TELEMETRY: 'yes',
          DISABLE_AUTOUPDATER: 'disabled',
          OTEL_METRICS_INCLUDE_SESSION_ID: 'maybe',
        },
      }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['env', 'CLAUDE_CODE_ENABLE_TELEMETRY'], line: 3, column: 5 },
      { ruleId: 'CFG002', path: ['env', 'DISABLE_AUTOUPDATER'], line: 4, column: 5 },
      { ruleId: 'CFG002', path: ['env', 'OTEL_METRICS_INCLUDE_SESSION_ID'], line: 5, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'env.CLAUDE_CODE_ENABLE_TELEMETRY must be "1" or "0": Claude Code reads only 1/true as on, so "yes" means off',
      'env.DISABLE_AUTOUPDATER must be "1" or "0": Claude Code reads only 1/true as on, so "disabled" means off',
      'env.OTEL_METRICS_INCLUDE_SESSION_ID must be "true" or "false": Claude Code reads only 1/true as on, so this value means off',
    ]);
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, write "1" to turn CLAUDE_CODE_ENABLE_TELEMETRY on or "0" to turn it off.',
    );
  });

  it('accepts every on/off spelling on a switch, in any case', () => {
    for (const value of ['1', '0', 'true', 'false', 'TRUE', 'False', '']) {
      expect(
        validate(settings({ env: { DISABLE_AUTOUPDATER: value, OTEL_METRICS_INCLUDE_VERSION: value } })),
      ).toEqual([]);
    }
  });

  it('leaves presence-only variables, unknown names and FORCE_HYPERLINK to other rules', () => {
    expect(
      validate(
        settings({
          env: {
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: 'false',
            DISABLE_TELEMETRY: 'disabled',
            DISABLE_ERROR_REPORTING: '0',
            IS_DEMO: 'yes',
            MY_SWITCH: 'maybe',
            FORCE_HYPERLINK: '2',
          },
        }),
      ),
    ).toEqual([]);
  });

  it('checks the fixed words of non-boolean variables, ignoring case', () => {
    const problems = validate(
      settings({ env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'tcp', CLAUDE_EFFORT: 'HIGH' } }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['env', 'OTEL_EXPORTER_OTLP_PROTOCOL'], line: 3, column: 5 },
    ]);
    expect(problems[0]!.message).toBe(
      'env.OTEL_EXPORTER_OTLP_PROTOCOL must be one of grpc, http/json, http/protobuf (found a string)',
    );
  });
});

describe('CFG002 in permissions rules', () => {
  it.each([
    [
      'Bash without parentheses',
      'allow',
      'must be a tool name or Tool(pattern), such as "Bash" or "Bash(npm test)"',
    ],
    ['Read[secrets]', 'deny', 'must be a tool name or Tool(pattern), such as "Bash" or "Bash(npm test)"'],
    ['WebFetch(domain:x.com', 'ask', 'must end at its closing parenthesis'],
    ['Bash(rm -rf /)*', 'deny', 'must end at its closing parenthesis'],
    ['Bash()', 'allow', 'has empty parentheses: write "Bash" for every use, or "Bash(pattern)"'],
    ['Bash(:*)', 'allow', 'has an empty prefix before :*'],
    ['*', 'allow', 'may not use a wildcard tool name: wildcards work only in deny and ask rules'],
    ['', 'deny', 'must not be empty'],
  ] as const)('%j in %s %s', (rule, list, predicate) => {
    const problems = validate(settings({ permissions: { [list]: [rule] } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['permissions', list, 0], line: 4, column: 7 },
    ]);
    expect(problems[0]!.message).toBe(`permissions.${list}[0] ${predicate}`);
  });

  it('accepts the shapes Claude Code reads', () => {
    for (const rule of [
      'Bash',
      'Bash(npm run test:*)',
      'Bash(node -e "console.log((1))")',
      'Read(//etc/**)',
      'WebFetch(domain:*.example.com)',
      'mcp__github',
      'mcp__github__search_repositories',
      'mcp__filesystem(read:/home)',
      'InventedTool',
    ]) {
      expect(permissionRuleProblem(rule, 'allow')).toBeUndefined();
    }
    expect(permissionRuleProblem('*', 'deny')).toBeUndefined();
    expect(permissionRuleProblem('mcp__*', 'allow')).toBeUndefined();
  });
});

describe('CFG002 elsewhere', () => {
  it('wants .git URLs for git marketplaces where the schema says so', () => {
    const bad = 'https://example.com/repo';
    const problems = validate(
      settings({
        extraKnownMarketplaces: { corp: { source: { source: 'git', url: bad } } },
        strictKnownMarketplaces: [{ source: 'git', url: bad }],
        blockedMarketplaces: [{ source: 'git', url: bad }, { source: 'github' }],
      }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['extraKnownMarketplaces', 'corp', 'source', 'url'], line: 6, column: 9 },
      { ruleId: 'CFG002', path: ['blockedMarketplaces', 0, 'url'], line: 19, column: 7 },
      { ruleId: 'CFG002', path: ['blockedMarketplaces', 1, 'repo'], line: 21, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'extraKnownMarketplaces.corp.source.url must be a git URL ending in ".git" (found a string)',
      'blockedMarketplaces[0].url must be a git URL ending in ".git" (found a string)',
      'blockedMarketplaces[1] is missing "repo", which must be a string',
    ]);
  });

  it('wants each MCP server entry to name the server exactly one way', () => {
    const problems = validate(
      settings({
        allowedMcpServers: [
          { serverName: 'ok-name' },
          { serverName: 'bad name!' },
          {},
          { serverName: 'a', serverUrl: 'u' },
        ],
      }),
    );
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['allowedMcpServers', 1, 'serverName'], line: 7, column: 7 },
      { ruleId: 'CFG002', path: ['allowedMcpServers', 2], line: 9, column: 5 },
      { ruleId: 'CFG002', path: ['allowedMcpServers', 3], line: 10, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'allowedMcpServers[1].serverName must be a server name of letters, digits, "_" and "-" (found a string)',
      'allowedMcpServers[2] must name the server with one of "serverName", "serverCommand" or "serverUrl"',
      'allowedMcpServers[3] must use only one of "serverName", "serverUrl"',
    ]);
  });

  it('wants two-key sequences mapped to <Esc> in vimInsertModeRemaps', () => {
    const problems = validate(settings({ vimInsertModeRemaps: { jjj: '<Esc>', jk: 'x', kj: '<Esc>' } }));
    expect(brief(problems)).toEqual([
      { ruleId: 'CFG002', path: ['vimInsertModeRemaps', 'jjj'], line: 3, column: 5 },
      { ruleId: 'CFG002', path: ['vimInsertModeRemaps', 'jk'], line: 4, column: 5 },
    ]);
    expect(messages(problems)).toEqual([
      'vimInsertModeRemaps key "jjj" must be exactly two characters',
      'vimInsertModeRemaps.jk must be "<Esc>", the only target Claude Code supports (found a string)',
    ]);
  });

  it('checks statusLine, attribution and theme', () => {
    expect(
      messages(
        validate(
          settings({
            statusLine: { type: 'script', command: 'x' },
            attribution: { commit: 1 },
            theme: 'neon',
          }),
        ),
      ),
    ).toEqual([
      'statusLine.type must be "command" (found a string)',
      'attribution.commit must be a string (found 1)',
      'theme must be one of auto, dark, light, dark-daltonized, light-daltonized, dark-ansi, light-ansi, or "custom:<name>" (found a string)',
    ]);
  });
});

describe('CFG003 unknown top-level keys', () => {
  it('suggests the closest known key', () => {
    const problems = validate('{\n  "cleanupPeriodDay": 7\n}');
    expect(problems).toEqual([
      {
        ruleId: 'CFG003',
        message: 'unknown setting "cleanupPeriodDay"; did you mean "cleanupPeriodDays"?',
        path: ['cleanupPeriodDay'],
        span: { line: 2, column: 3, endLine: 2, endColumn: 21 },
        fix: 'In .claude/settings.json, rename "cleanupPeriodDay" to "cleanupPeriodDays".',
      },
    ]);
  });

  it('suggests a key that differs only in case, and nothing for a short unrelated key', () => {
    expect(messages(validate('{"CLEANUPPERIODDAYS": 7, "modle": "opus", "ui": {}}'))).toEqual([
      'unknown setting "CLEANUPPERIODDAYS"; did you mean "cleanupPeriodDays"?',
      'unknown setting "modle"; did you mean "model"?',
      'unknown setting "ui"; Claude Code ignores it',
    ]);
  });

  it('gives the specific hint for legacy and misplaced keys', () => {
    const problems = validate(
      settings({ autoUpdates: false, allowedTools: ['Read'], deny: [], defaultMode: 'plan', _comment: 'x' }),
    );
    expect(brief(problems).map((p) => [p.ruleId, p.path[0], p.line])).toEqual([
      ['CFG003', 'autoUpdates', 2],
      ['CFG003', 'allowedTools', 3],
      ['CFG003', 'deny', 6],
      ['CFG003', 'defaultMode', 7],
      ['CFG003', '_comment', 8],
    ]);
    expect(messages(problems)).toEqual([
      'unknown setting "autoUpdates": an old "claude config" key that settings files do not read',
      'unknown setting "allowedTools": the layout before "permissions"; Claude Code reads allow rules only from permissions.allow',
      'unknown setting "deny": it belongs inside "permissions", and Claude Code ignores it here',
      'unknown setting "defaultMode": it belongs inside "permissions", and Claude Code ignores it here',
      'unknown setting "_comment": settings files have no comments, and Claude Code ignores this key',
    ]);
    expect(problems[0]!.fix).toBe(
      'In .claude/settings.json, remove "autoUpdates"; to turn off automatic updates add "DISABLE_AUTOUPDATER": "1" under env.',
    );
  });

  it('says what to do for each kind of unknown key', () => {
    const problems = validate(settings({ deny: [], '//': 'note', zzqx: 1 }), 'managed-settings.json');
    expect(problems.map((p) => [p.path[0], p.message, p.fix])).toEqual([
      [
        'deny',
        'unknown setting "deny": it belongs inside "permissions", and Claude Code ignores it here',
        'In managed-settings.json, move "deny" into the "permissions" object.',
      ],
      [
        '//',
        'unknown setting "//": settings files have no comments, and Claude Code ignores this key',
        'In managed-settings.json, remove "//" or keep the note in a README beside the file.',
      ],
      [
        'zzqx',
        'unknown setting "zzqx"; Claude Code ignores it',
        'In managed-settings.json, remove "zzqx" or correct it to a setting listed in the Claude Code settings reference.',
      ],
    ]);
  });

  it('takes a key for a comment by its start ("//", "_") or the word "comment", not by an inner underscore', () => {
    const problems = validate(settings({ _note: 1, teamComments: 1, my_notes_x: 1 }));
    expect(messages(problems)).toEqual([
      'unknown setting "_note": settings files have no comments, and Claude Code ignores this key',
      'unknown setting "teamComments": settings files have no comments, and Claude Code ignores this key',
      'unknown setting "my_notes_x"; Claude Code ignores it',
    ]);
  });

  it('does not check the value of an unknown key', () => {
    expect(brief(validate('{"maxTokens": "lots"}'))).toEqual([
      { ruleId: 'CFG003', path: ['maxTokens'], line: 1, column: 2 },
    ]);
  });

  it('closestKey and formatPath', () => {
    expect(closestKey('verbos', KNOWN_SETTINGS_KEYS)).toBe('verbose');
    expect(closestKey('//', KNOWN_SETTINGS_KEYS)).toBeUndefined();
    expect(closestKey('x'.repeat(10_000), KNOWN_SETTINGS_KEYS)).toBeUndefined();
    expect(formatPath(['env', 'A_B'])).toBe('env.A_B');
    expect(formatPath(['hooks', 'Stop', 0, 'hooks', 1])).toBe('hooks.Stop[0].hooks[1]');
    expect(formatPath(['enabledPlugins', 'a@b'])).toBe('enabledPlugins["a@b"]');
    expect(formatPath([])).toBe('the top level');
  });

  it('closestKey matches names of up to 64 characters, and one edit more or less for a short name', () => {
    expect(closestKey('a'.repeat(64), ['A'.repeat(64)])).toBe('A'.repeat(64));
    expect(closestKey('a'.repeat(65), ['A'.repeat(65)])).toBeUndefined();
    expect(closestKey('mode', KNOWN_SETTINGS_KEYS)).toBe('model');
  });

  it('closestKey compares names in lower case, even where lower case is longer than the name', () => {
    // "İ" (U+0130) is "i̇" (i and U+0307) in lower case: same letters, in another case, of another length.
    expect(closestKey('i\u0307i\u0307i\u0307', ['\u0130\u0130\u0130'])).toBe('\u0130\u0130\u0130');
  });

  it('closestKey never matches an empty name, as a closed object with no keys would list it', () => {
    expect(closestKey('', [''])).toBeUndefined();
  });
});

describe('the first problems of each rule, the rest counted', () => {
  function validateFirst(text: string, limit: number): SettingsProblem[] {
    const source = createSourceFile('.claude/settings.json', text);
    return validateSettings(source, parseJson(source), undefined, limit);
  }

  it('keeps the earliest by line, then column, and counts the rest in the last one kept', () => {
    // A minified file: every problem on line 1. feedbackDrafts is checked before the schema's keys, and the schema
    // checks model before verbose, so the order found is not the order in the file.
    const text = '{"zzqa": 1, "model": 5, "feedbackDrafts": "never", "verbose": "x", "zzqb": 2}';
    expect(validateFirst(text, 1).map((p) => [p.ruleId, p.path, p.span.column, p.more])).toEqual([
      ['CFG003', ['zzqa'], 2, 1],
      ['CFG002', ['model'], 13, 2],
    ]);
    expect(validateFirst(text, 2).map((p) => [p.ruleId, p.path, p.span.column, p.more])).toEqual([
      ['CFG003', ['zzqa'], 2, undefined],
      ['CFG002', ['model'], 13, undefined],
      ['CFG002', ['feedbackDrafts'], 25, 1],
      ['CFG003', ['zzqb'], 68, undefined],
    ]);
  });

  it('keeps the problems of one place in the order the schema finds them', () => {
    const problems = validate(settings({ statusLine: {} }));
    expect(problems.map((p) => [p.path, p.span.line, p.span.column, p.message])).toEqual([
      [['statusLine', 'type'], 2, 3, 'statusLine is missing "type", which must be "command"'],
      [['statusLine', 'command'], 2, 3, 'statusLine is missing "command", which must be a string'],
    ]);
  });
});

describe('hostile input', () => {
  // A record (enabledPlugins here) skips a `__proto__` entry in zod, as it would in Claude Code's own parsing,
  // so only the closed objects, env and the top level report it.
  it('treats __proto__, constructor and toString as plain keys', () => {
    const text =
      '{"__proto__": {"polluted": 1}, "constructor": 1, "env": {"__proto__": 1, "constructor": "x"},' +
      ' "permissions": {"toString": 1}, "enabledPlugins": {"__proto__": "yes"}}';
    const problems = validate(text);
    expect(problems.map((p) => [p.ruleId, p.path])).toEqual([
      ['CFG003', ['__proto__']],
      ['CFG003', ['constructor']],
      ['CFG002', ['env', '__proto__']],
      ['CFG002', ['env', 'constructor']],
      ['CFG002', ['permissions', 'toString']],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not recurse into deep values', () => {
    const deep = `${'['.repeat(990)}${']'.repeat(990)}`;
    const problems = validate(`{"model": ${deep}, "unknownKey": ${deep}, "env": {"A": ${deep}}}`);
    expect(problems.map((p) => p.message)).toEqual([
      'model must be a string (found a list)',
      'unknown setting "unknownKey"; Claude Code ignores it',
      'env.A must be a string (found a list)',
    ]);
  });

  // How long it takes is measured by `npm run bench` (hostile inputs).
  stressIt('handles a large array of bad rules: the first 20 built, the rest counted', () => {
    const rules = Array.from({ length: 20_000 }, () => 'Bash()');
    const problems = validate(JSON.stringify({ permissions: { deny: rules } }));
    expect(problems.map((p) => [p.ruleId, formatPath(p.path), p.more])).toEqual(
      Array.from({ length: 20 }, (_, i) => [
        'CFG002',
        `permissions.deny[${i}]`,
        i === 19 ? 20_000 - 20 : undefined,
      ]),
    );
  });

  stressIt(
    'past what the schema library can gather in one pass, checks each key alone and reports the one too large',
    () => {
      // 200,000 wrong env values overflow the schema library's stack; `model` is still checked beside them.
      const env = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`V${i}`, i]));
      const text = JSON.stringify({ model: 5, env });
      const problems = validate(text);
      expect(problems.map((p) => [p.ruleId, formatPath(p.path), p.span.column, p.more])).toEqual([
        ['CFG002', 'model', text.indexOf('"model"') + 1, undefined],
        ['CFG002', 'env', text.indexOf('"env"') + 1, undefined],
      ]);
      expect(problems[1]!.message).toBe(
        '"env" has too many wrong entries to check one by one (over 100,000), so it was not checked',
      );
    },
  );
});

// Past about 120,000 issues under one key the schema library overflows the stack (the stress test above feeds it
// 200,000, too slow for the mutation run). Here the library is made to overflow past three issues, so that the way
// out is checked on a small file: each known key alone, and a key still too large reported, not skipped.
describe('when the schema library overflows the stack', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function overflowPast(
    most: number,
    error: () => Error = () => new RangeError('Maximum call stack size exceeded'),
  ) {
    const real = settingsSchema.settingsSchemaFor;
    vi.spyOn(settingsSchema, 'settingsSchemaFor').mockImplementation((keys) => {
      const schema = real(keys);
      return {
        safeParse(value: unknown) {
          const result = schema.safeParse(value);
          if (!result.success && result.error.issues.length > most) throw error();
          return result;
        },
      } as ReturnType<typeof real>;
    });
  }

  it('checks each known key alone and reports the key still too large, once, on its pair', () => {
    overflowPast(3);
    const text = settings({ model: 5, env: { A: 1, B: 2, C: 3, D: 4 }, zzqx: 1, verbose: 'x' });
    expect(validate(text, 'managed-settings.json')).toEqual([
      {
        ruleId: 'CFG002',
        message: 'model must be a string (found a number)',
        path: ['model'],
        span: { line: 2, column: 3, endLine: 2, endColumn: 13 },
        fix: 'In managed-settings.json, set model to a string.',
      },
      {
        ruleId: 'CFG002',
        message: '"env" has too many wrong entries to check one by one (over 100,000), so it was not checked',
        path: ['env'],
        span: { line: 3, column: 3, endLine: 8, endColumn: 4 },
        fix: 'In managed-settings.json, keep "env" to the entries Claude Code needs, each of the right type.',
      },
      {
        ruleId: 'CFG003',
        message: 'unknown setting "zzqx"; Claude Code ignores it',
        path: ['zzqx'],
        span: { line: 9, column: 3, endLine: 9, endColumn: 9 },
        fix: 'In managed-settings.json, remove "zzqx" or correct it to a setting listed in the Claude Code settings reference.',
      },
      {
        ruleId: 'CFG002',
        message: 'verbose must be true or false (without quotes) (found a string)',
        path: ['verbose'],
        span: { line: 10, column: 3, endLine: 10, endColumn: 17 },
        fix: 'In managed-settings.json, set verbose to true or false (without quotes).',
      },
    ]);
  });

  it('counts a key too large among the problems kept', () => {
    overflowPast(1);
    const text = '{"env": {"A": 1, "B": 2}, "permissions": {"allow": [1, 2]}, "model": 5}';
    const source = createSourceFile('.claude/settings.json', text);
    const problems = validateSettings(source, parseJson(source), undefined, 2);
    expect(problems.map((p) => [p.path, p.span.column, p.more, p.message])).toEqual([
      [
        ['env'],
        2,
        undefined,
        '"env" has too many wrong entries to check one by one (over 100,000), so it was not checked',
      ],
      [
        ['permissions'],
        27,
        1,
        '"permissions" has too many wrong entries to check one by one (over 100,000), so it was not checked',
      ],
    ]);
  });

  it('does not take another error of the schema library for an overflow', () => {
    overflowPast(0, () => new TypeError('a bug in the schema'));
    expect(() => validate('{"model": 5}')).toThrow(new TypeError('a bug in the schema'));
  });
});

describe('exported facts', () => {
  it('lists the 142 known top-level keys and the managed-only ones among them', () => {
    expect(KNOWN_SETTINGS_KEYS).toHaveLength(142);
    expect(new Set(KNOWN_SETTINGS_KEYS).size).toBe(142);
    expect(KNOWN_SETTINGS_KEYS).toContain('cleanupPeriodDays');
    expect(KNOWN_SETTINGS_KEYS).toContain('$schema');
    expect(MANAGED_ONLY_KEYS).toHaveLength(27);
    for (const key of MANAGED_ONLY_KEYS) expect(KNOWN_SETTINGS_KEYS).toContain(key);
    expect(HOOK_EVENTS).toHaveLength(31);
  });

  it('never lists a presence-only variable as a switch', () => {
    for (const name of PRESENCE_ONLY) expect(ENV_SWITCHES.has(name)).toBe(false);
    expect(ENV_SWITCHES.has('FORCE_HYPERLINK')).toBe(false);
  });
});

describe('keys Claude Code removed (reference §7.3)', () => {
  it('are CFG003 at their key, with the version that removed them', () => {
    const problems = validate(settings({ keybindingFlavor: 'vim', teammateDefaultModel: 'opus' }));
    expect(problems.map((p) => [p.ruleId, p.path.join('.'), p.span.line, p.message])).toEqual([
      [
        'CFG003',
        'keybindingFlavor',
        2,
        'setting "keybindingFlavor" was removed in Claude Code 2.1.261; newer versions ignore it',
      ],
      [
        'CFG003',
        'teammateDefaultModel',
        3,
        'setting "teammateDefaultModel" was removed in Claude Code 2.1.234; newer versions ignore it',
      ],
    ]);
  });

  it('say to remove the key', () => {
    expect(validate('{"taskOutputMaxChars": 4000}', 'managed-settings.json')).toEqual([
      {
        ruleId: 'CFG003',
        message: 'setting "taskOutputMaxChars" was removed in Claude Code 2.1.277; newer versions ignore it',
        path: ['taskOutputMaxChars'],
        span: { line: 1, column: 2, endLine: 1, endColumn: 22 },
        fix: 'In managed-settings.json, remove "taskOutputMaxChars".',
      },
    ]);
  });

  // teammateDefaultModel and permissionExplainerEnabled are still in the SchemaStore snapshot: a wrong value is not
  // a second finding on the key the user is told to remove.
  it('are reported once, as removed, when the schema still checks their value', () => {
    const problems = validate(settings({ teammateDefaultModel: 5, permissionExplainerEnabled: 'yes' }));
    expect(problems.map((p) => [p.ruleId, p.path, p.span.line, p.fix])).toEqual([
      ['CFG003', ['teammateDefaultModel'], 2, 'In .claude/settings.json, remove "teammateDefaultModel".'],
      [
        'CFG003',
        ['permissionExplainerEnabled'],
        3,
        'In .claude/settings.json, remove "permissionExplainerEnabled".',
      ],
    ]);
  });

  it('keys newer than the schema snapshot are not unknown', () => {
    expect(validate(settings({ feedbackDrafts: 'off', managedSourcesBehavior: 'merge' }))).toEqual([]);
  });
});

describe('keys newer than the schema snapshot (reference §7.3, §7.6)', () => {
  it('have their values checked (CFG002)', () => {
    const problems = validate(
      settings({
        feedbackDrafts: 'never',
        managedSourcesBehavior: 'union',
        desktopSessionCleanupPeriodDays: 0,
      }),
    );
    expect(problems.map((p) => [p.ruleId, p.path.join('.'), p.span.line, p.message])).toEqual([
      ['CFG002', 'feedbackDrafts', 2, '"feedbackDrafts" must be one of "notify", "quiet", "off"'],
      [
        'CFG002',
        'managedSourcesBehavior',
        3,
        '"managedSourcesBehavior" must be one of "first-wins", "merge"',
      ],
      [
        'CFG002',
        'desktopSessionCleanupPeriodDays',
        4,
        '"desktopSessionCleanupPeriodDays" must be a whole number of at least 1',
      ],
    ]);
  });
});

describe('values of keys newer than the schema snapshot', () => {
  it.each([
    ['feedbackDrafts', 'notify'],
    ['feedbackDrafts', 'quiet'],
    ['feedbackDrafts', 'off'],
    ['managedSourcesBehavior', 'first-wins'],
    ['managedSourcesBehavior', 'merge'],
    ['desktopSessionCleanupPeriodDays', 1],
    ['desktopSessionCleanupPeriodDays', 30],
    ['gatewayInternalNetworks', []],
    ['gatewayInternalNetworks', ['10.0.0.0/8', 'fd00::/8']],
  ])('accepts %s: %j', (key, value) => {
    expect(validate(settings({ [key]: value }))).toEqual([]);
  });

  it('wants gatewayInternalNetworks as a list of strings, and says how to write it', () => {
    for (const value of ['10.0.0.0/8', ['10.0.0.0/8', 8]]) {
      expect(validate(`{\n  "gatewayInternalNetworks": ${JSON.stringify(value)}\n}`)).toEqual([
        {
          ruleId: 'CFG002',
          message: '"gatewayInternalNetworks" must be a list of strings',
          path: ['gatewayInternalNetworks'],
          span: { line: 2, column: 3, endLine: 2, endColumn: 30 + JSON.stringify(value).length },
          fix: 'In .claude/settings.json, write "gatewayInternalNetworks" as a list of strings.',
        },
      ]);
    }
  });

  it('names the values to write in the fix', () => {
    expect(validate('{"desktopSessionCleanupPeriodDays": 0.5}', 'managed-settings.json')).toEqual([
      {
        ruleId: 'CFG002',
        message: '"desktopSessionCleanupPeriodDays" must be a whole number of at least 1',
        path: ['desktopSessionCleanupPeriodDays'],
        span: { line: 1, column: 2, endLine: 1, endColumn: 40 },
        fix: 'In managed-settings.json, write "desktopSessionCleanupPeriodDays" as a whole number of at least 1.',
      },
    ]);
  });
});

describe('settingsSchemaFor', () => {
  // Built per present key on first use: the issues must be those of the schema of every key.
  const everyKey = settingsSchemaFor(KNOWN_SETTINGS_KEYS);
  it.each([
    { env: { DISABLE_TELEMETRY: 1 }, permissions: { allow: 'Bash' }, cleanupPeriodDays: -1 },
    { hooks: { PreToolUse: [{ hooks: [{ type: 'command' }] }] }, unknownKey: true },
    { sandbox: { network: 'none' }, model: 3, $schema: 'x' },
    { extraKnownMarketplaces: { m: { source: { source: 'github' } } }, theme: 'pink' },
    {},
  ])('gives the issues of the whole schema for %j', (settings) => {
    const lazy = settingsSchemaFor(Object.keys(settings)).safeParse(settings);
    const whole = everyKey.safeParse(settings);
    expect(lazy.error?.issues).toEqual(whole.error?.issues);
  });

  it('reuses the schema of a file that names the same keys', () => {
    expect(settingsSchemaFor(['env', 'permissions'])).toBe(settingsSchemaFor(['permissions', 'env', 'x']));
  });
});

describe('forgetBuiltSchemas (for the mutation run)', () => {
  it('makes the next request build a new schema, which validates alike', () => {
    const before = settingsSchemaFor(['env', 'permissions']);
    expect(settingsSchemaFor(['permissions', 'env'])).toBe(before);
    forgetBuiltSchemas();
    const after = settingsSchemaFor(['env', 'permissions']);
    expect(after).not.toBe(before);
    expect(after.safeParse({ env: { A: 1 } }).success).toBe(false);
    expect(after.safeParse({ env: { A: '1' } }).success).toBe(true);
  });
});
