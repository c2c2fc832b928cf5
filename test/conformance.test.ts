// Runs the settings checks over the shared conformance corpus (SchemaStore's own tests and real settings files
// from public repositories, see conformance/MANIFEST.md). The corpus is not part of this repository: these tests
// read it where test/helpers/shared.ts finds it and are skipped otherwise, and the run says so.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESENCE_ONLY } from '../src/scope/env.js';
import { type ParsedJson, parseJson } from '../src/parse/json.js';
import { ENV_ENUMS, ENV_SWITCHES, HOOK_EVENTS, KNOWN_SETTINGS_KEYS } from '../src/scope/settings-schema.js';
import { createSourceFile } from '../src/discover/source.js';
import { type SettingsProblem, validateSettings } from '../src/scope/validate-settings.js';
import { CONFORMANCE_DIR, CORPUS_PARTS, corpusMissing } from './helpers/shared.js';

const corpus = CONFORMANCE_DIR;
const schemastore = path.join(corpus, 'schemastore');
const realWorld = path.join(corpus, 'real-world');
const present = corpusMissing(CORPUS_PARTS.schemastore) === undefined;
const realWorldPresent = corpusMissing(CORPUS_PARTS.realWorld) === undefined;

interface Checked {
  json: ParsedJson;
  problems: SettingsProblem[];
}

function check(file: string): Checked {
  const source = createSourceFile(path.relative(corpus, file), readFileSync(file, 'utf8'));
  const json = parseJson(source);
  // Every problem, not only the first of each rule that a report lists: each one is checked here.
  return {
    json,
    problems: json.ok ? validateSettings(source, json, undefined, Number.POSITIVE_INFINITY) : [],
  };
}

/** Every finding for a file, parse-level and settings-level, as [ruleId, line] or [ruleId, path, line]. */
function located(checked: Checked): [string, string, number][] {
  return [
    ...checked.json.problems.map((p): [string, string, number] => [p.ruleId, '', p.span.line]),
    ...checked.problems.map((p): [string, string, number] => [p.ruleId, p.path.join('.'), p.span.line]),
  ];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

describe.skipIf(!present)('SchemaStore schema: our facts match it', () => {
  const schema = present
    ? (JSON.parse(readFileSync(path.join(schemastore, 'claude-code-settings.schema.json'), 'utf8')) as {
        properties: Record<string, { properties?: Record<string, { enum?: string[] }> }>;
      })
    : { properties: {} };

  it('knows exactly the top-level keys and hook events the schema has', () => {
    expect([...KNOWN_SETTINGS_KEYS].sort()).toEqual(Object.keys(schema.properties).sort());
    expect([...HOOK_EVENTS].sort()).toEqual(Object.keys(schema.properties.hooks?.properties ?? {}).sort());
  });

  it('takes every on/off env switch from the schema, less presence-only ones and FORCE_HYPERLINK', () => {
    const envProperties = schema.properties.env?.properties ?? {};
    const switches = Object.entries(envProperties)
      .filter(([, p]) => ['0,1', 'true,false'].includes(String(p.enum)))
      .map(([name]) => name);
    expect(switches).toHaveLength(155);
    const expected = switches.filter((name) => !PRESENCE_ONLY.has(name) && name !== 'FORCE_HYPERLINK').sort();
    expect([...ENV_SWITCHES].sort()).toEqual(expected);
    for (const [name, words] of Object.entries(ENV_ENUMS)) {
      expect(envProperties[name]?.enum).toEqual(words);
    }
  });
});

describe.skipIf(!present)('SchemaStore positive tests: nothing Claude Code would reject', () => {
  const files = present ? jsonFiles(path.join(schemastore, 'positive')) : [];

  it('has the 21 files of the snapshot', () => {
    expect(files).toHaveLength(21);
  });

  it.each(files.map((file) => [path.basename(file), file]))('%s', (_name, file) => {
    const checked = check(file);
    expect(checked.json.ok).toBe(true);
    expect(checked.json.problems).toEqual([]);
    expect(checked.problems.filter((p) => p.ruleId !== 'CFG003')).toEqual([]);
  });

  // modern-complete-config.json also has two keys Claude Code removed after the snapshot (reference §7.3).
  it('only enum-coverage.json has a key the schema does not list, and modern-complete-config.json removed ones (CFG003)', () => {
    const unknown = files.flatMap((file) =>
      check(file)
        .problems.filter((p) => p.ruleId === 'CFG003')
        .map((p) => [path.basename(file), p.path.join('.'), p.span.line]),
    );
    expect(unknown).toEqual([
      ['enum-coverage.json', 'terminalTitleFromRename', 188],
      ['modern-complete-config.json', 'permissionExplainerEnabled', 359],
      ['modern-complete-config.json', 'teammateDefaultModel', 520],
    ]);
  });
});

/** For each negative test: every CFG002 it gets, as [path, line]. */
const NEGATIVE_EXPECTATIONS: Record<string, [string, number][]> = {
  'additional-properties-hook.json': [
    ['hooks.PreToolUse.0.extraField', 5],
    ['hooks.PreToolUse.0.hooks.0.unknownProperty', 10],
  ],
  'invalid-blocked-marketplace-git-url.json': [['blockedMarketplaces.0.url', 5]],
  'invalid-env-variable-name.json': [
    ['env.HAS SPACES', 3],
    ['env.has-dashes', 4],
    ['env.lowercase', 5],
    ['env.valid_VAR', 6],
    ['env.123STARTS_WITH_NUMBER', 7],
  ],
  'invalid-hook-shell.json': [['hooks.PreToolUse.0.hooks.0.shell', 8]],
  'invalid-hook-type.json': [['hooks.PreToolUse.0.hooks.0.type', 8]],
  'invalid-inline-marketplace-plugin-source.json': [
    ['extraKnownMarketplaces.team-tools.source.plugins.0.source.source', 10],
  ],
  'invalid-inline-marketplace-source.json': [['extraKnownMarketplaces.team-tools.source.plugins', 4]],
  'invalid-managed-settings.json': [
    ['allowManagedMcpServersOnly', 2],
    ['blockedMarketplaces.0.repo', 4],
    ['sandbox.network.allowManagedDomainsOnly', 10],
  ],
  'invalid-marketplace-host-pattern.json': [['extraKnownMarketplaces.corp-bad-git.source.url', 6]],
  'invalid-mcp-server-name.json': [
    ['allowedMcpServers.0.serverName', 4],
    ['deniedMcpServers.0.serverName', 9],
  ],
  // "InvalidTool" and "AnotherInvalidTool" are well formed: tool names are not checked against a list.
  'invalid-permission-rule.json': [
    ['permissions.allow.1', 5],
    ['permissions.allow.2', 6],
    ['permissions.allow.3', 7],
    ['permissions.allow.4', 8],
    ['permissions.ask.1', 12],
    ['permissions.ask.2', 13],
    ['permissions.ask.3', 14],
    ['permissions.ask.4', 15],
  ],
  'invalid-timeout-value.json': [['hooks.PreToolUse.0.hooks.0.timeout', 8]],
  'invalid-tls-terminate-property.json': [['sandbox.network.tlsTerminate.caChainPath', 6]],
  'invalid-vim-insert-mode-remap.json': [['vimInsertModeRemaps.jjj', 3]],
  'missing-required-hook-fields.json': [
    ['hooks.PostToolUse.0.hooks.0.command', 6],
    ['hooks.PostToolUse.0.hooks.1.server', 9],
  ],
  'wrong-property-types.json': [
    ['cleanupPeriodDays', 2],
    ['enableAllProjectMcpServers', 3],
    ['fastMode', 4],
    ['hooks.PreToolUse.0.hooks.0.async', 10],
    ['includeCoAuthoredBy', 18],
    ['permissions.additionalDirectories', 20],
    ['permissions.allow', 21],
    ['permissions.ask', 22],
    ['sandbox.network.allowAllUnixSockets', 26],
    ['sandbox.network.allowedDomains', 27],
    ['sandbox.network.deniedDomains', 28],
    ['strictKnownMarketplaces.0.hostPattern', 33],
  ],
};

describe.skipIf(!present)('SchemaStore negative tests: each is caught, at the right place', () => {
  const files = present ? jsonFiles(path.join(schemastore, 'negative')) : [];

  it('has the 17 files of the snapshot, each with an expectation here', () => {
    expect(files).toHaveLength(17);
    expect(files.map((file) => path.basename(file))).toEqual(
      [...Object.keys(NEGATIVE_EXPECTATIONS), 'invalid-enum-values.json'].sort(),
    );
  });

  it.each(Object.entries(NEGATIVE_EXPECTATIONS))('%s', (name, expected) => {
    const checked = check(path.join(schemastore, 'negative', name));
    expect(checked.json.ok).toBe(true);
    expect(checked.json.problems).toEqual([]);
    const flagged = checked.problems.map((p) => [p.ruleId, p.path.join('.'), p.span.line]);
    expect(flagged).toEqual(expected.map(([where, line]) => ['CFG002', where, line]));
  });

  it('invalid-enum-values.json: every bad enum, and no switch spelled 0/1/true/false or presence-only', () => {
    const checked = check(path.join(schemastore, 'negative', 'invalid-enum-values.json'));
    const flagged = new Map(checked.problems.map((p) => [p.path.join('.'), p]));
    expect(checked.problems.every((p) => p.ruleId === 'CFG002')).toBe(true);
    expect(flagged.size).toBe(checked.problems.length);
    // 27 outside env; in env, 166 entries less 23 spelled 0/1/true/false, 3 more presence-only ones
    // (DISABLE_TELEMETRY, CLAUDE_CODE_TMUX_TRUECOLOR, IS_DEMO) and 3 that are not switches or enums
    // (ENABLE_TOOL_SEARCH, FORCE_HYPERLINK, CLAUDE_CODE_OPUS_4_6_FAST_MODE_OVERRIDE): 27 + 137.
    expect(checked.problems).toHaveLength(164);
    expect(flagged.get('forceLoginMethod')?.message).toBe(
      'forceLoginMethod must be one of claudeai, console, gateway (found a string)',
    );
    expect(flagged.get('forceLoginMethod')?.span.line).toBe(179);
    expect(flagged.get('autoUpdatesChannel')?.message).toBe(
      'autoUpdatesChannel must be one of stable, latest (found a string)',
    );
    expect(flagged.get('env.CLAUDE_CODE_ENABLE_TELEMETRY')?.message).toBe(
      'env.CLAUDE_CODE_ENABLE_TELEMETRY must be "1" or "0": Claude Code reads only 1/true as on, so "yes" means off',
    );
    expect(flagged.get('env.OTEL_METRICS_INCLUDE_ACCOUNT_UUID')?.span.line).toBe(172);
    for (const quiet of [
      'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
      'env.DISABLE_TELEMETRY',
      'env.DISABLE_ERROR_REPORTING',
      'env.CLAUDE_CODE_TMUX_TRUECOLOR',
      'env.IS_DEMO',
      'env.DISABLE_AUTOUPDATER',
      'env.CCR_FORCE_BUNDLE',
      'env.CLAUDE_CODE_AUTO_CONNECT_IDE',
      'env.CLAUDE_CODE_SYNTAX_HIGHLIGHT',
      'env.FORCE_HYPERLINK',
      'env.ENABLE_TOOL_SEARCH',
      'env.CLAUDE_CODE_OPUS_4_6_FAST_MODE_OVERRIDE',
    ]) {
      expect(flagged.has(quiet), quiet).toBe(false);
    }
    for (const path of [
      'sandbox.credentials.envVars.0.mode',
      'sandbox.credentials.files.0.mode',
      'permissions.defaultMode',
      'skillOverrides.test-skill',
      'spinnerVerbs.mode',
      'worktree.baseRef',
      'voice.mode',
      'env.OTEL_EXPORTER_OTLP_PROTOCOL',
    ]) {
      expect(flagged.has(path), path).toBe(true);
    }
  });
});

const REAL_WORLD_FILES = [
  'DCC-BS__ai-coding-agent-config/.devcontainer__managed-settings.json',
  'FradSer__dotfiles/dot_claude__settings.json',
  'JennySmith888__claude_docker/managed-settings.json',
  'PostHog__posthog/.claude__settings.json',
  'PostHog__posthog/.claude__settings.local.json',
  'adamrupe__claude-code-managed-settings-tests/managed-settings.json',
  'anthropics__claude-agent-sdk-python/.claude__settings.json',
  'centminmod__my-claude-code-setup/.claude__settings.json',
  'centminmod__my-claude-code-setup/.claude__settings.local.json',
  'decebal__devcontainers-best-practices/.devcontainer__managed-settings.json',
  'dhiller__claude-code-container/managed-settings.json',
  'home-assistant__core/.claude__settings.json',
  'jakelawllm__claude-settings/managed-settings.json',
  'jakelawllm__claude-settings/matter-settings.json',
  'jakelawllm__claude-settings/settings.json',
  'johncarmichael-rgb__claude-in-a-box/managed-settings.json',
  'kaihendry__claude-otel-gui/managed-settings.json',
  'kyxap1__claude-sandbox/.claude__settings.local.json',
  'kyxap1__claude-sandbox/.devcontainer__managed-settings.json',
  'mastra-ai__mastra/.claude__settings.json',
  'mhshah92__claude-code-hardening/managed-settings.json',
  'microsoft__vscode/.claude__settings.json',
  'simcap__claudeconfig/settings.json',
  'stfnwong__clanker-cage/managed-settings.json',
  'supabase__supabase/.claude__settings.json',
  'tomtyiu__Claude_Code_Security/managed-settings.json',
  'uschpc__CARC-Harness-for-Coding-Agents/claude__managed-settings.json',
  'wdcs-bharatjain__wdcs-engineering-claude-standards/claude__managed-settings.json',
  'wwbrannon__claude-sandbox-images/settings__managed-settings.json',
  'wwbrannon__claude-sandbox-images/settings__settings.json',
  'ycrc__claude-mod/etc__claude-code__managed-settings.json',
  'zed-industries__zed/.claude__settings.json',
];

/** Findings per file, from the facts in MANIFEST.md, with lines read from the files; any file not here has none. */
const REAL_WORLD_EXPECTATIONS: Record<string, [string, string, number][]> = {
  // Comments inside permissions.allow: JSONC, which Claude Code rejects.
  'zed-industries__zed/.claude__settings.json': [['CFG001', '', 4]],
  // CRLF file whose env value is the JSON number 1.
  'tomtyiu__Claude_Code_Security/managed-settings.json': [
    ['CFG002', 'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 3],
  ],
  'simcap__claudeconfig/settings.json': [['CFG002', 'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 3]],
  'kyxap1__claude-sandbox/.devcontainer__managed-settings.json': [
    ['CFG002', 'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 3],
    ['CFG002', 'env.CLAUDE_CODE_IDE_SKIP_AUTO_INSTALL', 4],
    ['CFG002', 'env.CLAUDE_CODE_DISABLE_TERMINAL_TITLE', 5],
  ],
  // allowManagedPermissionRulesOnly placed inside permissions.
  'mhshah92__claude-code-hardening/managed-settings.json': [
    ['CFG002', 'permissions.allowManagedPermissionRulesOnly', 30],
  ],
  // Duplicate "//" keys used as comments, at the top level and inside permissions (where the schema closes it).
  'decebal__devcontainers-best-practices/.devcontainer__managed-settings.json': [
    ['CFG004', '', 3],
    ['CFG004', '', 4],
    ['CFG004', '', 5],
    ['CFG004', '', 9],
    ['CFG004', '', 10],
    ['CFG004', '', 13],
    ['CFG004', '', 14],
    ['CFG004', '', 17],
    ['CFG004', '', 18],
    ['CFG004', '', 19],
    ['CFG003', '//', 5],
    ['CFG002', 'permissions.//', 19],
  ],
  // Invented keys that the schema lets through because its top level is open.
  'wwbrannon__claude-sandbox-images/settings__managed-settings.json': [
    ['CFG003', 'defaultMode', 2],
    ['CFG003', 'autoAllowBashIfSandboxed', 3],
    ['CFG003', 'disableBypassPermissionsMode', 4],
    ['CFG003', 'permissionRules', 8],
  ],
  'wwbrannon__claude-sandbox-images/settings__settings.json': [
    ['CFG003', 'maxTokens', 4],
    ['CFG003', 'ui', 6],
  ],
  // Pseudo-comment keys.
  'jakelawllm__claude-settings/managed-settings.json': [
    ['CFG003', '_template_comment', 2],
    ['CFG003', '_telemetry_note', 16],
    ['CFG003', '_failIfUnavailable_note', 123],
  ],
  'jakelawllm__claude-settings/matter-settings.json': [['CFG003', '_comment', 3]],
  'jakelawllm__claude-settings/settings.json': [['CFG003', '_comment', 4]],
  'uschpc__CARC-Harness-for-Coding-Agents/claude__managed-settings.json': [
    ['CFG003', '_comment', 2],
    ['CFG003', '_comment_rev_2026_07_21', 4],
  ],
  // Keys newer than the schema snapshot, or unknown to it: warnings only.
  'DCC-BS__ai-coding-agent-config/.devcontainer__managed-settings.json': [
    ['CFG003', 'disableCommandPluginSources', 79],
  ],
  'FradSer__dotfiles/dot_claude__settings.json': [
    ['CFG003', 'autoDreamEnabled', 159],
    ['CFG003', 'skipWorkflowUsageWarning', 161],
    ['CFG003', 'switchModelsOnFlag', 164],
    ['CFG003', 'skipAutoPermissionPrompt', 169],
  ],
};

describe.skipIf(!realWorldPresent)('real-world settings files', () => {
  it('has the files listed here, dot-named ones included', () => {
    const found = readdirSync(realWorld, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.split(path.sep).join('/'))
      .sort();
    expect(found).toEqual([...REAL_WORLD_FILES].sort());
  });

  it.each(REAL_WORLD_FILES)('%s', (name) => {
    const checked = check(path.join(realWorld, name));
    expect(located(checked)).toEqual(REAL_WORLD_EXPECTATIONS[name] ?? []);
  });

  it('says how to fix a number written as an env value', () => {
    const { problems } = check(path.join(realWorld, 'tomtyiu__Claude_Code_Security/managed-settings.json'));
    expect(problems[0]?.message).toBe(
      'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC must be a string: write "1" with quotes',
    );
    expect(problems[0]?.span).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 54 });
  });

  it('does not treat a duplicate allow rule as an error (centminmod settings.local.json)', () => {
    const { json, problems } = check(
      path.join(realWorld, 'centminmod__my-claude-code-setup/.claude__settings.local.json'),
    );
    expect(json.ok).toBe(true);
    expect(problems).toEqual([]);
  });
});
