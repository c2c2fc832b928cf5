// The shape of a Claude Code settings file, as zod schemas, so that CFG002 can report what Claude Code would
// reject or misread. Facts from the SchemaStore claude-code-settings schema (HEAD 3b6446a, v2.1.220) and the
// docs pages named in reference/claude-code-config.md §2–§3; where the runtime is known to accept more than the
// schema (null proxy ports, "1"/"true" on a true/false switch, nested parentheses in rules), we accept it too.
import '../zod.js';
import { describeScannedValue, isSecretName } from '../redact.js';
import { z } from 'zod';
import { isPresenceOnly } from './env.js';

/**
 * Every issue a schema here raises carries, as its message, the plain words for what is expected
 * ("a whole number of at least 1"), so that the validator can write "<path> must be <message>".
 * A closed object's unknown-key issue carries its allowed keys instead (see `allowedKeysFromMessage`);
 * a `custom` issue carries a whole predicate ("must end at its closing parenthesis") and a fix in `params`.
 */
const ALLOWED_KEYS_MARK = 'allowed keys:';

/** The allowed keys encoded in an `unrecognized_keys` issue of a closed object here, or undefined. */
export function allowedKeysFromMessage(message: string): string[] | undefined {
  if (!message.startsWith(ALLOWED_KEYS_MARK)) return undefined;
  return message.slice(ALLOWED_KEYS_MARK.length).split(',');
}

/** What a `custom` issue carries in `params`. */
export interface CustomIssueParams {
  /** What to do, as a clause that can follow "In <file>, " (no final full stop). */
  fix: string;
  /** When the problem is the key itself: the words that name it, e.g. `env name` gives `env name "x" must …`. */
  keyLabel?: string;
}

const bool = () => z.boolean({ error: 'true or false (without quotes)' });
const str = () => z.string({ error: 'a string' });
const nonEmpty = () => z.string({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' });
const strings = () => z.array(str(), { error: 'a list of strings' });
const nonEmptyStrings = () => z.array(nonEmpty(), { error: 'a list of non-empty strings' });

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const words = values.length === 1 ? `"${values[0]}"` : `one of ${values.join(', ')}`;
  return z.enum(values, { error: words });
}

function literal<const T extends string>(value: T) {
  return z.literal(value, { error: `"${value}"` });
}

/** A whole number; `min` inclusive. */
function wholeNumber(min?: number) {
  const words = min === undefined ? 'a whole number' : `a whole number of at least ${min}`;
  const schema = z.int({ error: words });
  return min === undefined ? schema : schema.min(min, { error: words });
}

const port = () => wholeNumber(1).max(65535, { error: 'a port number from 1 to 65535' });
const timeoutSeconds = () =>
  z
    .number({ error: 'a number of seconds greater than 0' })
    .gt(0, { error: 'a number of seconds greater than 0' });

/** Every cache of built schemas below, for `forgetBuiltSchemas`. */
const caches: { clear(): void }[] = [];

/** `build`'s result, built on the first call: for a part of the schema that several keys share. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  caches.push({ clear: () => (built = undefined) });
  return () => (built ??= { value: build() }).value;
}

/** An object that rejects keys it does not name (JSON Schema `additionalProperties: false`). */
function closed<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = `${ALLOWED_KEYS_MARK}${Object.keys(shape).join(',')}`;
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? allowed : 'an object'),
  });
}

function recordOf<T extends z.core.SomeType>(value: T, words = 'an object') {
  return z.record(z.string(), value, { error: words });
}

/** A union told apart by one key, e.g. a hook's `type` or a marketplace's `source`. */
function tagged<const K extends string>(
  key: K,
  options: [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
  values: readonly string[],
) {
  const words = `one of ${values.join(', ')}`;
  return z.discriminatedUnion(key, options, {
    // Typed as union issues only, but a value that is not an object arrives here as invalid_type.
    error: (issue) =>
      (issue as { code: string }).code === 'invalid_type' ? `an object with "${key}"` : words,
  });
}

// Permission rules (docs: permissions; Claude Code skips a malformed rule with a warning).

/**
 * Why Claude Code would skip a permission rule, or undefined when the rule has a shape it reads.
 * Tool names are not checked against a list: the schema's list lags the tools Claude Code accepts
 * (SchemaStore PR #6236), and an unknown name is harmless. The shape is: `Tool` or `Tool(content)`,
 * content non-empty and running to the final `)` (parentheses inside it are literal).
 */
export function permissionRuleProblem(
  rule: string,
  list: 'allow' | 'ask' | 'deny',
): { predicate: string; fix: string } | undefined {
  if (rule.trim() === '') {
    return {
      predicate: 'must not be empty',
      fix: 'remove the empty rule or write a tool name such as "Read"',
    };
  }
  const open = rule.indexOf('(');
  const name = open === -1 ? rule : rule.slice(0, open);
  if (!/^[A-Za-z0-9_*-]+$/.test(name)) {
    return {
      predicate: 'must be a tool name or Tool(pattern), such as "Bash" or "Bash(npm test)"',
      fix: 'write the rule as a tool name, optionally followed by a pattern in parentheses, e.g. "Bash(npm test)"',
    };
  }
  // "mcp__*" in allow is in SchemaStore's own positive tests, so only other wildcard names are reported.
  if (name.includes('*') && list === 'allow' && !name.startsWith('mcp__')) {
    return {
      predicate: 'may not use a wildcard tool name: wildcards work only in deny and ask rules',
      fix: 'name the tool exactly in this allow rule, or move the wildcard rule to deny or ask',
    };
  }
  if (open === -1) return undefined;
  let backslashes = 0;
  for (let i = rule.length - 2; i >= 0 && rule[i] === '\\'; i--) backslashes++;
  if (!rule.endsWith(')') || backslashes % 2 === 1) {
    return {
      predicate: 'must end at its closing parenthesis',
      fix: `close the pattern with ")" at the end of the rule, e.g. "${name}(…)"`,
    };
  }
  const content = rule.slice(open + 1, -1);
  if (content.trim() === '') {
    return {
      predicate: `has empty parentheses: write "${name}" for every use, or "${name}(pattern)"`,
      fix: `write "${name}" or put a pattern inside the parentheses`,
    };
  }
  if (content.trim() === ':*') {
    return {
      predicate: 'has an empty prefix before :*',
      fix: `put a command prefix before ":*", e.g. "${name}(npm run:*)", or write "${name}"`,
    };
  }
  return undefined;
}

function ruleList(list: 'allow' | 'ask' | 'deny') {
  const rule = str().superRefine((value, ctx) => {
    const problem = permissionRuleProblem(value, list);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem.predicate, params: { fix: problem.fix } });
    }
  });
  return z.array(rule, { error: 'a list of permission rules (strings)' });
}

const permissions = () =>
  closed({
    allow: ruleList('allow').optional(),
    deny: ruleList('deny').optional(),
    ask: ruleList('ask').optional(),
    defaultMode: oneOf([
      'acceptEdits',
      'bypassPermissions',
      'default',
      'delegate',
      'dontAsk',
      'plan',
      'auto',
      'manual',
    ]).optional(),
    disableBypassPermissionsMode: oneOf(['disable']).optional(),
    disableAutoMode: oneOf(['disable']).optional(),
    additionalDirectories: nonEmptyStrings().optional(),
  });

// Hooks (docs: hooks): the schema closes the event list, each matcher and each hook type.

export const HOOK_EVENTS = [
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PermissionRequest',
  'Notification',
  'UserPromptSubmit',
  'Stop',
  'StopFailure',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PostCompact',
  'Elicitation',
  'ElicitationResult',
  'TeammateIdle',
  'TaskCompleted',
  'Setup',
  'InstructionsLoaded',
  'CwdChanged',
  'FileChanged',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'SessionStart',
  'SessionEnd',
  'PostToolBatch',
  'TaskCreated',
  'PermissionDenied',
  'UserPromptExpansion',
  'MessageDisplay',
  'DirectoryAdded',
] as const;

const hookCommon = () => ({
  timeout: timeoutSeconds().optional(),
  if: str().optional(),
  statusMessage: str().optional(),
});

const hookCommand = () =>
  tagged(
    'type',
    [
      closed({
        type: z.literal('command'),
        command: nonEmpty(),
        ...hookCommon(),
        async: bool().optional(),
        asyncRewake: bool().optional(),
        shell: oneOf(['bash', 'powershell']).optional(),
        args: strings().optional(),
      }),
      closed({
        type: z.literal('prompt'),
        prompt: nonEmpty(),
        model: str().optional(),
        ...hookCommon(),
        continueOnBlock: bool().optional(),
      }),
      closed({ type: z.literal('agent'), prompt: nonEmpty(), model: str().optional(), ...hookCommon() }),
      closed({
        type: z.literal('http'),
        url: nonEmpty(),
        headers: recordOf(str(), 'an object of header names to string values').optional(),
        allowedEnvVars: nonEmptyStrings().optional(),
        ...hookCommon(),
      }),
      closed({
        type: z.literal('mcp_tool'),
        server: nonEmpty(),
        tool: nonEmpty(),
        input: recordOf(z.unknown()).optional(),
        ...hookCommon(),
      }),
    ],
    ['command', 'prompt', 'agent', 'http', 'mcp_tool'],
  );

const hookMatcher = once(() =>
  closed({
    matcher: str().optional(),
    hooks: z.array(hookCommand(), { error: 'a list of hooks' }),
  }),
);

const hooks = () =>
  closed(
    Object.fromEntries(
      HOOK_EVENTS.map((event) => [event, z.array(hookMatcher(), { error: 'a list of matchers' }).optional()]),
    ) as Record<(typeof HOOK_EVENTS)[number], z.ZodOptional<z.ZodArray<ReturnType<typeof hookMatcher>>>>,
  );

// Sandbox (docs: sandboxing). Anthropic's own examples write `null` for the proxy ports (reference §2.2): accepted.

const sandbox = () =>
  closed({
    network: closed({
      allowUnixSockets: strings().optional(),
      allowLocalBinding: bool().optional(),
      httpProxyPort: port().nullable().optional(),
      socksProxyPort: port().nullable().optional(),
      allowAllUnixSockets: bool().optional(),
      allowedDomains: nonEmptyStrings().optional(),
      deniedDomains: nonEmptyStrings().optional(),
      allowManagedDomainsOnly: bool().optional(),
      allowMachLookup: nonEmptyStrings().optional(),
      tlsTerminate: closed({ caCertPath: str().optional(), caKeyPath: str().optional() }).optional(),
      strictAllowlist: bool().optional(),
    }).optional(),
    ignoreViolations: recordOf(strings()).optional(),
    excludedCommands: strings().optional(),
    autoAllowBashIfSandboxed: bool().optional(),
    enableWeakerNetworkIsolation: bool().optional(),
    enableWeakerNestedSandbox: bool().optional(),
    allowUnsandboxedCommands: bool().optional(),
    enabled: bool().optional(),
    filesystem: closed({
      allowWrite: nonEmptyStrings().optional(),
      denyWrite: nonEmptyStrings().optional(),
      denyRead: nonEmptyStrings().optional(),
      allowRead: nonEmptyStrings().optional(),
      allowManagedReadPathsOnly: bool().optional(),
      disabled: bool().optional(),
    }).optional(),
    ripgrep: closed({ command: nonEmpty(), args: strings().optional() }).optional(),
    bwrapPath: nonEmpty().optional(),
    socatPath: nonEmpty().optional(),
    failIfUnavailable: bool().optional(),
    enabledPlatforms: z
      .array(oneOf(['macos', 'linux', 'wsl', 'windows']), { error: 'a list of platforms' })
      .optional(),
    credentials: closed({
      files: z
        .array(closed({ path: str(), mode: oneOf(['deny']) }), {
          error: 'a list of {"path", "mode": "deny"} objects',
        })
        .optional(),
      envVars: z
        .array(closed({ name: str(), mode: oneOf(['deny']) }), {
          error: 'a list of {"name", "mode": "deny"} objects',
        })
        .optional(),
      allowPlaintextInject: bool().optional(),
    }).optional(),
    allowAppleEvents: bool().optional(),
  });

// Plugin marketplaces (docs: plugin-marketplaces). A git source must be a URL ending in ".git" where the schema
// says so (extraKnownMarketplaces, blockedMarketplaces); strictKnownMarketplaces matches sources exactly.

const gitUrl = () =>
  z.string({ error: 'a git URL ending in ".git"' }).regex(/\.git$/, { error: 'a git URL ending in ".git"' });

const absoluteUrl = () =>
  z.string({ error: 'an absolute URL' }).refine((value) => URL.canParse(value), { error: 'an absolute URL' });

const headers = () => recordOf(str(), 'an object of header names to string values');

const pluginSource = () =>
  tagged(
    'source',
    [
      closed({ source: z.literal('github'), repo: str(), ref: str().optional(), sha: str().optional() }),
      closed({ source: z.literal('url'), url: str(), ref: str().optional(), sha: str().optional() }),
      closed({
        source: z.literal('git-subdir'),
        url: str(),
        path: str(),
        ref: str().optional(),
        sha: str().optional(),
      }),
      closed({
        source: z.literal('npm'),
        package: str(),
        version: str().optional(),
        registry: str().optional(),
      }),
    ],
    ['github', 'url', 'git-subdir', 'npm'],
  );

const knownMarketplaceSource = () =>
  tagged(
    'source',
    [
      closed({ source: z.literal('url'), url: absoluteUrl() }),
      closed({ source: z.literal('hostPattern'), hostPattern: str() }),
      closed({
        source: z.literal('github'),
        repo: str(),
        ref: str().optional(),
        path: str().optional(),
        skipLfs: bool().optional(),
      }),
      closed({
        source: z.literal('git'),
        url: gitUrl(),
        ref: str().optional(),
        path: str().optional(),
        skipLfs: bool().optional(),
      }),
      closed({ source: z.literal('npm'), package: str() }),
      closed({ source: z.literal('file'), path: str() }),
      closed({ source: z.literal('directory'), path: str() }),
      closed({
        source: z.literal('settings'),
        name: str(),
        plugins: z.array(closed({ name: str(), source: pluginSource() }), { error: 'a list of plugins' }),
      }),
    ],
    ['url', 'hostPattern', 'github', 'git', 'npm', 'file', 'directory', 'settings'],
  );

const extraKnownMarketplaces = () =>
  recordOf(
    closed({
      source: knownMarketplaceSource(),
      installLocation: str().optional(),
      autoUpdate: bool().optional(),
      lastUpdated: str().optional(),
    }),
    'an object of marketplace names to {"source": …} objects',
  );

function marketplaceRules(gitUrlRule: () => z.ZodType) {
  return z.array(
    tagged(
      'source',
      [
        closed({ source: z.literal('hostPattern'), hostPattern: str() }),
        closed({ source: z.literal('github'), repo: str(), ref: str().optional(), path: str().optional() }),
        closed({
          source: z.literal('git'),
          url: gitUrlRule(),
          ref: str().optional(),
          path: str().optional(),
        }),
        closed({ source: z.literal('url'), url: absoluteUrl(), headers: headers().optional() }),
        closed({ source: z.literal('npm'), package: str() }),
        closed({ source: z.literal('file'), path: str() }),
        closed({ source: z.literal('directory'), path: str() }),
        closed({ source: z.literal('pathPattern'), pathPattern: str() }),
      ],
      ['hostPattern', 'github', 'git', 'url', 'npm', 'file', 'directory', 'pathPattern'],
    ),
    { error: 'a list of marketplace sources' },
  );
}

// MCP server allow/deny lists (docs: managed-mcp): each entry names a server exactly one way.

const MCP_SERVER_KEYS = ['serverName', 'serverCommand', 'serverUrl'] as const;

const mcpServerEntry = () =>
  closed({
    serverName: z
      .string({ error: 'a server name of letters, digits, "_" and "-"' })
      .regex(/^[a-zA-Z0-9_-]+$/, { error: 'a server name of letters, digits, "_" and "-"' })
      .optional(),
    serverCommand: strings().optional(),
    serverUrl: str().optional(),
  }).superRefine((entry, ctx) => {
    const present = MCP_SERVER_KEYS.filter((key) => entry[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          present.length === 0
            ? 'must name the server with one of "serverName", "serverCommand" or "serverUrl"'
            : `must use only one of ${present.map((key) => `"${key}"`).join(', ')}`,
        params: { fix: 'give the entry exactly one of "serverName", "serverCommand" or "serverUrl"' },
      });
    }
  });

const mcpServerList = () => z.array(mcpServerEntry(), { error: 'a list of server entries' });

// env (docs: env-vars). Checked on the raw object, because a record rebuilds the value and drops `__proto__`.

export const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Switches the schema types as "0"|"1" or "true"|"false". Claude Code reads 1/true (any case) as on and
 * 0/false/empty as off (env-vars page), so any of those spellings is fine on any of these; anything else
 * ("yes", "enabled") reads as off. Left out: the presence-only variables (env.ts), which any non-empty value
 * turns on, and FORCE_HYPERLINK, which the env-vars page says is numeric.
 */
export const ENV_SWITCHES: ReadonlySet<string> = new Set([
  'CCR_FORCE_BUNDLE',
  'CLAUDECODE',
  'CLAUDE_AGENT_SDK_DISABLE_BUILTIN_AGENTS',
  'CLAUDE_AGENT_SDK_MCP_NO_PREFIX',
  'CLAUDE_AUTO_BACKGROUND_TASKS',
  'CLAUDE_AX_SCREEN_READER',
  'CLAUDE_BASH_MAINTAIN_PROJECT_WORKING_DIR',
  'CLAUDE_CODE_ACCESSIBILITY',
  'CLAUDE_CODE_ADDITIONAL_DIRECTORIES_CLAUDE_MD',
  'CLAUDE_CODE_ALT_SCREEN_FULL_REPAINT',
  'CLAUDE_CODE_ALWAYS_ENABLE_EFFORT',
  'CLAUDE_CODE_ARTIFACT_AUTO_OPEN',
  'CLAUDE_CODE_ATTRIBUTION_HEADER',
  'CLAUDE_CODE_AUTO_CONNECT_IDE',
  'CLAUDE_CODE_CHILD_SESSION',
  'CLAUDE_CODE_DISABLE_1M_CONTEXT',
  'CLAUDE_CODE_DISABLE_ADAPTIVE_THINKING',
  'CLAUDE_CODE_DISABLE_ADVISOR_TOOL',
  'CLAUDE_CODE_DISABLE_AGENT_VIEW',
  'CLAUDE_CODE_DISABLE_ALTERNATE_SCREEN',
  'CLAUDE_CODE_DISABLE_ARTIFACT',
  'CLAUDE_CODE_DISABLE_ATTACHMENTS',
  'CLAUDE_CODE_DISABLE_AUTO_MEMORY',
  'CLAUDE_CODE_DISABLE_BACKGROUND_TASKS',
  'CLAUDE_CODE_DISABLE_BEDROCK_CONTENT_TYPE_GUARD',
  'CLAUDE_CODE_DISABLE_BG_EXIT_HANDOFF',
  'CLAUDE_CODE_DISABLE_BG_SHELL_PRESSURE_REAP',
  'CLAUDE_CODE_DISABLE_BUNDLED_SKILLS',
  'CLAUDE_CODE_DISABLE_CLAUDE_MDS',
  'CLAUDE_CODE_DISABLE_CRON',
  'CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS',
  'CLAUDE_CODE_DISABLE_EXPLORE_PLAN_AGENTS',
  'CLAUDE_CODE_DISABLE_FAST_MODE',
  'CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY',
  'CLAUDE_CODE_DISABLE_FILE_CHECKPOINTING',
  'CLAUDE_CODE_DISABLE_GIT_INSTRUCTIONS',
  'CLAUDE_CODE_DISABLE_LEGACY_MODEL_REMAP',
  'CLAUDE_CODE_DISABLE_MOUSE',
  'CLAUDE_CODE_DISABLE_MOUSE_CLICKS',
  'CLAUDE_CODE_DISABLE_NONSTREAMING_FALLBACK',
  'CLAUDE_CODE_DISABLE_NOTIFICATION_PRESENCE_CHECK',
  'CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL',
  'CLAUDE_CODE_DISABLE_POLICY_SKILLS',
  'CLAUDE_CODE_DISABLE_TERMINAL_TITLE',
  'CLAUDE_CODE_DISABLE_THINKING',
  'CLAUDE_CODE_DISABLE_VIRTUAL_SCROLL',
  'CLAUDE_CODE_DISABLE_WORKFLOWS',
  'CLAUDE_CODE_ENABLE_APPEND_SUBAGENT_PROMPT',
  'CLAUDE_CODE_ENABLE_AUTO_MODE',
  'CLAUDE_CODE_ENABLE_AWAY_SUMMARY',
  'CLAUDE_CODE_ENABLE_BACKGROUND_PLUGIN_REFRESH',
  'CLAUDE_CODE_ENABLE_FEEDBACK_SURVEY_FOR_OTEL',
  'CLAUDE_CODE_ENABLE_FINE_GRAINED_TOOL_STREAMING',
  'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY',
  'CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION',
  'CLAUDE_CODE_ENABLE_TASKS',
  'CLAUDE_CODE_ENABLE_TELEMETRY',
  'CLAUDE_CODE_ENHANCED_TELEMETRY_BETA',
  'CLAUDE_CODE_EXPERIMENTAL_AGENT_TEAMS',
  'CLAUDE_CODE_FORCE_SESSION_PERSISTENCE',
  'CLAUDE_CODE_FORCE_STRIKETHROUGH',
  'CLAUDE_CODE_FORCE_SYNC_OUTPUT',
  'CLAUDE_CODE_FORK_SUBAGENT',
  'CLAUDE_CODE_FORWARD_SUBAGENT_TEXT',
  'CLAUDE_CODE_GLOB_HIDDEN',
  'CLAUDE_CODE_GLOB_NO_IGNORE',
  'CLAUDE_CODE_HIDE_CWD',
  'CLAUDE_CODE_IDE_SKIP_AUTO_INSTALL',
  'CLAUDE_CODE_IDE_SKIP_VALID_CHECK',
  'CLAUDE_CODE_MCP_ALLOWLIST_ENV',
  'CLAUDE_CODE_NATIVE_CURSOR',
  'CLAUDE_CODE_NEW_INIT',
  'CLAUDE_CODE_NO_FLICKER',
  'CLAUDE_CODE_OTEL_DIAG_STDERR',
  'CLAUDE_CODE_PACKAGE_MANAGER_AUTO_UPDATE',
  'CLAUDE_CODE_PERFORCE_MODE',
  'CLAUDE_CODE_PLUGIN_KEEP_MARKETPLACE_ON_FAILURE',
  'CLAUDE_CODE_PLUGIN_PREFER_HTTPS',
  'CLAUDE_CODE_POWERSHELL_RESPECT_EXECUTION_POLICY',
  'CLAUDE_CODE_PROPAGATE_TRACEPARENT',
  'CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST',
  'CLAUDE_CODE_PROXY_RESOLVES_HOSTS',
  'CLAUDE_CODE_REMOTE',
  'CLAUDE_CODE_RESUME_INTERRUPTED_TURN',
  'CLAUDE_CODE_RETRY_WATCHDOG',
  'CLAUDE_CODE_SAFE_MODE',
  'CLAUDE_CODE_SIMPLE',
  'CLAUDE_CODE_SIMPLE_SYSTEM_PROMPT',
  'CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH',
  'CLAUDE_CODE_SKIP_AWS_CRED_CACHE',
  'CLAUDE_CODE_SKIP_BEDROCK_AUTH',
  'CLAUDE_CODE_SKIP_FAST_MODE_NETWORK_ERRORS',
  'CLAUDE_CODE_SKIP_FAST_MODE_ORG_CHECK',
  'CLAUDE_CODE_SKIP_FOUNDRY_AUTH',
  'CLAUDE_CODE_SKIP_MANTLE_AUTH',
  'CLAUDE_CODE_SKIP_PROMPT_HISTORY',
  'CLAUDE_CODE_SKIP_VERTEX_AUTH',
  'CLAUDE_CODE_SUBPROCESS_ENV_SCRUB',
  'CLAUDE_CODE_SYNC_PLUGIN_INSTALL',
  'CLAUDE_CODE_SYNC_SKILLS',
  'CLAUDE_CODE_SYNTAX_HIGHLIGHT',
  'CLAUDE_CODE_USE_ANTHROPIC_AWS',
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_FOUNDRY',
  'CLAUDE_CODE_USE_MANTLE',
  'CLAUDE_CODE_USE_NATIVE_FILE_SEARCH',
  'CLAUDE_CODE_USE_POWERSHELL_TOOL',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_DISABLE_ADOPT',
  'CLAUDE_ENABLE_BYTE_WATCHDOG',
  'CLAUDE_ENABLE_BYTE_WATCHDOG_BEDROCK',
  'CLAUDE_ENABLE_STREAM_WATCHDOG',
  'DISABLE_AUTOUPDATER',
  'DISABLE_AUTO_COMPACT',
  'DISABLE_COMPACT',
  'DISABLE_COST_WARNINGS',
  'DISABLE_DOCTOR_COMMAND',
  'DISABLE_EXTRA_USAGE_COMMAND',
  'DISABLE_FEEDBACK_COMMAND',
  'DISABLE_GROWTHBOOK',
  'DISABLE_INSTALLATION_CHECKS',
  'DISABLE_INSTALL_GITHUB_APP_COMMAND',
  'DISABLE_INTERLEAVED_THINKING',
  'DISABLE_LOGIN_COMMAND',
  'DISABLE_LOGOUT_COMMAND',
  'DISABLE_PROMPT_CACHING',
  'DISABLE_PROMPT_CACHING_FABLE',
  'DISABLE_PROMPT_CACHING_HAIKU',
  'DISABLE_PROMPT_CACHING_OPUS',
  'DISABLE_PROMPT_CACHING_SONNET',
  'DISABLE_UPDATES',
  'DISABLE_UPGRADE_COMMAND',
  'DO_NOT_TRACK',
  'ENABLE_BETA_TRACING_DETAILED',
  'ENABLE_CLAUDEAI_MCP_SERVERS',
  'ENABLE_PROMPT_CACHING_1H',
  'FORCE_AUTOUPDATE_PLUGINS',
  'FORCE_PROMPT_CACHING_5M',
  'MCP_CONNECTION_NONBLOCKING',
  'OTEL_LOG_ASSISTANT_RESPONSES',
  'OTEL_LOG_TOOL_CONTENT',
  'OTEL_LOG_TOOL_DETAILS',
  'OTEL_LOG_USER_PROMPTS',
  'OTEL_METRICS_INCLUDE_ACCOUNT_UUID',
  'OTEL_METRICS_INCLUDE_ENTRYPOINT',
  'OTEL_METRICS_INCLUDE_RESOURCE_ATTRIBUTES',
  'OTEL_METRICS_INCLUDE_SESSION_ID',
  'OTEL_METRICS_INCLUDE_VERSION',
  'USE_BUILTIN_RIPGREP',
]);

/** The switches the schema spells "true"|"false" rather than "0"|"1" (either spelling works at run time). */
const TRUE_FALSE_SWITCHES: ReadonlySet<string> = new Set([
  'CLAUDE_CODE_AUTO_CONNECT_IDE',
  'CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION',
  'CLAUDE_CODE_GLOB_HIDDEN',
  'CLAUDE_CODE_GLOB_NO_IGNORE',
  'CLAUDE_CODE_REMOTE',
  'CLAUDE_CODE_SYNTAX_HIGHLIGHT',
  'ENABLE_CLAUDEAI_MCP_SERVERS',
  'OTEL_METRICS_INCLUDE_ACCOUNT_UUID',
  'OTEL_METRICS_INCLUDE_ENTRYPOINT',
  'OTEL_METRICS_INCLUDE_RESOURCE_ATTRIBUTES',
  'OTEL_METRICS_INCLUDE_SESSION_ID',
  'OTEL_METRICS_INCLUDE_VERSION',
]);

/** Variables with a fixed set of words (schema enums); compared without regard to case. */
export const ENV_ENUMS: Readonly<Record<string, readonly string[]>> = {
  ANTHROPIC_BEDROCK_SERVICE_TIER: ['default', 'flex', 'priority'],
  CLAUDE_CODE_DEBUG_LOG_LEVEL: ['verbose', 'debug', 'info', 'warn', 'error'],
  CLAUDE_CODE_EFFORT_LEVEL: ['low', 'medium', 'high', 'xhigh', 'max', 'auto'],
  CLAUDE_EFFORT: ['low', 'medium', 'high', 'xhigh', 'max'],
  OTEL_EXPORTER_OTLP_PROTOCOL: ['grpc', 'http/json', 'http/protobuf'],
  OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: ['grpc', 'http/json', 'http/protobuf'],
  OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: ['grpc', 'http/json', 'http/protobuf'],
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: ['grpc', 'http/json', 'http/protobuf'],
  OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: ['delta', 'cumulative'],
};

/** Names whose values are never repeated in a message: the one list in redact.ts. */
export function isCredentialLike(name: string): boolean {
  return isSecretName(name);
}

const SWITCH_WORDS = new Set(['1', 'true', '0', 'false', '']);

function checkEnv(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an object of NAME: "value" pairs',
      params: { fix: 'write env as an object, e.g. "env": { "DISABLE_TELEMETRY": "1" }' },
    });
    return;
  }
  for (const name of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[name];
    if (!ENV_NAME_PATTERN.test(name)) {
      const suggestion = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
      const fixed = /^[0-9]/.test(suggestion) ? `_${suggestion}` : suggestion;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must match ${ENV_NAME_PATTERN.source}`,
        params: {
          keyLabel: 'env name',
          fix: `rename it using capital letters, digits and underscores only, e.g. "${fixed}"`,
        } satisfies CustomIssueParams,
      });
      continue;
    }
    if (typeof entry !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: envTypeMessage(name, entry),
        params: envTypeFix(name, entry),
      });
      continue;
    }
    const words = ENV_ENUMS[name];
    if (words !== undefined && entry.trim() !== '' && !words.includes(entry.trim().toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be one of ${words.join(', ')}${isCredentialLike(name) ? '' : ` (found ${describeScannedValue(entry)})`}`,
        params: { fix: `write one of ${words.map((w) => `"${w}"`).join(', ')} as the value of ${name}` },
      });
      continue;
    }
    if (ENV_SWITCHES.has(name) && !isPresenceOnly(name) && !SWITCH_WORDS.has(entry.trim().toLowerCase())) {
      const [on, off] = TRUE_FALSE_SWITCHES.has(name) ? ['"true"', '"false"'] : ['"1"', '"0"'];
      const described = describeScannedValue(entry);
      const shown = isCredentialLike(name) || !described.startsWith('"') ? 'this value' : described;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be ${on} or ${off}: Claude Code reads only 1/true as on, so ${shown} means off`,
        params: { fix: `write ${on} to turn ${name} on or ${off} to turn it off` },
      });
    }
  }
}

/** A known switch set to 0/1/true/false: the one kind of value a message may repeat. */
function shownSwitch(name: string, entry: unknown): string | undefined {
  if (!(ENV_SWITCHES.has(name) || isPresenceOnly(name)) || isCredentialLike(name)) return undefined;
  const described = describeScannedValue(entry);
  return typeof entry === 'number' || typeof entry === 'boolean'
    ? /^(?:0|1|true|false)$/.test(described)
      ? String(entry)
      : undefined
    : undefined;
}

function envTypeMessage(name: string, entry: unknown): string {
  const shown = shownSwitch(name, entry);
  if (shown !== undefined) return `must be a string: write ${JSON.stringify(shown)} with quotes`;
  if (entry === null) return 'must be a string (found null)';
  if (Array.isArray(entry)) return 'must be a string (found a list)';
  if (typeof entry === 'object') return 'must be a string (found an object)';
  if (typeof entry === 'number') return 'must be a string (found a number)';
  if (typeof entry === 'boolean') return 'must be a string (found true/false)';
  return 'must be a string in double quotes';
}

function envTypeFix(name: string, entry: unknown): CustomIssueParams {
  const shown = shownSwitch(name, entry);
  if (shown !== undefined)
    return { fix: `write the value in double quotes: "${name}": ${JSON.stringify(shown)}` };
  return { fix: `write the value of ${name} as a string in double quotes` };
}

const env = () => z.unknown().superRefine(checkEnv);

// The remaining top-level keys.

const vimInsertModeRemaps = () =>
  z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an object of two-key sequences to "<Esc>"',
        params: { fix: 'write it as an object, e.g. "vimInsertModeRemaps": { "jj": "<Esc>" }' },
      });
      return;
    }
    for (const key of Object.keys(value)) {
      const target = (value as Record<string, unknown>)[key];
      if ([...key].length !== 2) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be exactly two characters',
          params: {
            keyLabel: 'vimInsertModeRemaps key',
            fix: 'use a two-character key sequence such as "jj"',
          },
        });
      } else if (target !== '<Esc>') {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be "<Esc>", the only target Claude Code supports (found ${describeValue(target)})`,
          params: { fix: `write "${key}": "<Esc>"` },
        });
      }
    }
  });

const optionValue = () =>
  z.union([str(), z.number(), z.boolean(), strings()], {
    error: 'a string, number, true/false, or a list of strings',
  });

const THEMES = [
  'auto',
  'dark',
  'light',
  'dark-daltonized',
  'light-daltonized',
  'dark-ansi',
  'light-ansi',
] as const;
const themeWords = `one of ${THEMES.join(', ')}, or "custom:<name>"`;

/** The value as a message shows it: its type, or a switch word (never a value that could be a secret). */
export function describeValue(value: unknown): string {
  return describeScannedValue(value);
}

/**
 * Every top-level key of the schema (142 at SchemaStore HEAD 3b6446a), in schema order, each with a function that
 * builds its schema (see settingsSchemaFor).
 */
const topLevelShape = {
  $schema: () => str(),
  apiKeyHelper: () => nonEmpty(),
  autoMemoryEnabled: () => bool(),
  autoUpdatesChannel: () => oneOf(['stable', 'latest']),
  awsCredentialExport: () => nonEmpty(),
  awsAuthRefresh: () => nonEmpty(),
  claudeMdExcludes: () => nonEmptyStrings(),
  cleanupPeriodDays: () => wholeNumber(1),
  env,
  attribution: () =>
    closed({ commit: str().optional(), pr: str().optional(), sessionUrl: bool().optional() }),
  includeGitInstructions: () => bool(),
  includeCoAuthoredBy: () => bool(),
  plansDirectory: () => str(),
  respectGitignore: () => bool(),
  permissions,
  language: () => str(),
  model: () => str(),
  availableModels: () => strings(),
  modelOverrides: () => recordOf(str(), 'an object of model names to strings'),
  effortLevel: () => oneOf(['low', 'medium', 'high', 'xhigh']),
  fastMode: () => bool(),
  fastModePerSessionOptIn: () => bool(),
  feedbackSurveyRate: () =>
    z
      .number({ error: 'a number from 0 to 1' })
      .min(0, { error: 'a number from 0 to 1' })
      .max(1, { error: 'a number from 0 to 1' }),
  enableAllProjectMcpServers: () => bool(),
  enabledMcpjsonServers: () => nonEmptyStrings(),
  disabledMcpjsonServers: () => nonEmptyStrings(),
  allowedMcpServers: () => mcpServerList(),
  deniedMcpServers: () => mcpServerList(),
  httpHookAllowedEnvVars: () => nonEmptyStrings(),
  hooks,
  disableAllHooks: () => bool(),
  allowedChannelPlugins: () =>
    z.array(closed({ marketplace: str(), plugin: str() }), {
      error: 'a list of {"marketplace", "plugin"} objects',
    }),
  allowedHttpHookUrls: () => nonEmptyStrings(),
  allowManagedHooksOnly: () => bool(),
  allowManagedPermissionRulesOnly: () => bool(),
  statusLine: () =>
    closed({
      type: literal('command'),
      command: str(),
      padding: z.number({ error: 'a number' }).optional(),
      refreshInterval: wholeNumber(1).optional(),
      hideVimModeIndicator: bool().optional(),
    }),
  fileSuggestion: () => closed({ type: literal('command'), command: str() }),
  enabledPlugins: () =>
    recordOf(
      z.union([strings(), z.boolean()], { error: 'true, false, or a list of strings' }),
      'an object of "plugin@marketplace" names to true or false',
    ),
  extraKnownMarketplaces,
  strictKnownMarketplaces: () => marketplaceRules(str),
  skippedMarketplaces: () => nonEmptyStrings(),
  skippedPlugins: () => nonEmptyStrings(),
  forceLoginMethod: () => oneOf(['claudeai', 'console', 'gateway']),
  forceLoginOrgUUID: () =>
    z.union([nonEmpty(), z.array(nonEmpty())], {
      error: 'an organisation UUID string or a list of them',
    }),
  otelHeadersHelper: () => nonEmpty(),
  outputStyle: () => nonEmpty(),
  skipWebFetchPreflight: () => bool(),
  sandbox,
  spinnerVerbs: () =>
    closed({
      mode: oneOf(['append', 'replace']).optional(),
      verbs: nonEmptyStrings().min(1, { error: 'a list of at least one verb' }),
    }),
  spinnerTipsEnabled: () => bool(),
  spinnerTipsOverride: () =>
    closed({
      excludeDefault: bool().optional(),
      tips: nonEmptyStrings().min(1, { error: 'a list of at least one tip' }),
    }),
  terminalProgressBarEnabled: () => bool(),
  showTurnDuration: () => bool(),
  skillOverrides: () => recordOf(oneOf(['on', 'name-only', 'user-invocable-only', 'off'])),
  prefersReducedMotion: () => bool(),
  prUrlTemplate: () => str(),
  alwaysThinkingEnabled: () => bool(),
  companyAnnouncements: () => nonEmptyStrings(),
  teammateMode: () => oneOf(['auto', 'in-process', 'tmux', 'iterm2']),
  worktree: () =>
    closed({
      sparsePaths: nonEmptyStrings().optional(),
      baseRef: oneOf(['fresh', 'head']).optional(),
      bgIsolation: oneOf(['worktree', 'none']).optional(),
      symlinkDirectories: strings().optional(),
    }),
  parentSettingsBehavior: () => oneOf(['first-wins', 'merge']),
  pluginTrustMessage: () => nonEmpty(),
  pluginConfigs: () =>
    recordOf(
      closed({
        mcpServers: recordOf(recordOf(optionValue())).optional(),
        options: recordOf(optionValue()).optional(),
      }),
    ),
  allowManagedMcpServersOnly: () => bool(),
  blockedMarketplaces: () => marketplaceRules(gitUrl),
  agent: () => nonEmpty(),
  autoMemoryDirectory: () => nonEmpty(),
  autoMode: () =>
    closed({
      allow: strings().optional(),
      soft_deny: strings().optional(),
      environment: strings().optional(),
      hard_deny: strings().optional(),
      classifyAllShell: bool().optional(),
    }),
  channelsEnabled: () => bool(),
  defaultShell: () => oneOf(['bash', 'powershell']),
  disableDeepLinkRegistration: () => oneOf(['disable']),
  disableSkillShellExecution: () => bool(),
  forceRemoteSettingsRefresh: () => bool(),
  minimumVersion: () => nonEmpty(),
  showClearContextOnPlanAccept: () => bool(),
  showThinkingSummaries: () => bool(),
  skipDangerousModePermissionPrompt: () => bool(),
  strictPluginOnlyCustomization: () =>
    z.union([z.boolean(), z.array(oneOf(['skills', 'agents', 'hooks', 'mcp']))], {
      error: 'true, false, or a list of skills, agents, hooks, mcp',
    }),
  tui: () => oneOf(['fullscreen', 'default']),
  viewMode: () => oneOf(['default', 'verbose', 'focus']),
  useAutoModeDuringPlan: () => bool(),
  voiceEnabled: () => bool(),
  wslInheritsWindowsSettings: () => bool(),
  subagentStatusLine: () => closed({ type: literal('command'), command: nonEmpty() }),
  advisorModel: () => str(),
  autoCompactEnabled: () => bool(),
  disableAgentView: () => bool(),
  editorMode: () => oneOf(['normal', 'vim']),
  enforceAvailableModels: () => bool(),
  fallbackModel: () => strings().max(3, { error: 'a list of at most three models' }),
  fileCheckpointingEnabled: () => bool(),
  gcpAuthRefresh: () => nonEmpty(),
  managedMcpServers: () =>
    z.array(z.looseObject({}, { error: 'an object' }), {
      error: 'a list of server objects',
    }),
  skillListingMaxDescChars: () =>
    z.int({ error: 'a whole number greater than 0' }).gt(0, {
      error: 'a whole number greater than 0',
    }),
  preferredNotifChannel: () =>
    oneOf([
      'auto',
      'terminal_bell',
      'iterm2',
      'iterm2_with_bell',
      'kitty',
      'ghostty',
      'notifications_disabled',
    ]),
  pluginSuggestionMarketplaces: () => strings(),
  requiredMaximumVersion: () => str(),
  requiredMinimumVersion: () => str(),
  respondToBashCommands: () => bool(),
  skillListingBudgetFraction: () =>
    z
      .number({ error: 'a number greater than 0 and at most 1' })
      .gt(0, { error: 'a number greater than 0 and at most 1' })
      .max(1, { error: 'a number greater than 0 and at most 1' }),
  sshConfigs: () =>
    z.array(
      closed({
        id: str(),
        name: str(),
        sshHost: str(),
        sshPort: wholeNumber().optional(),
        sshIdentityFile: str().optional(),
        startDirectory: str().optional(),
      }),
      { error: 'a list of SSH connection objects' },
    ),
  sshHostAllowlist: () => strings(),
  theme: () =>
    z
      .string({ error: themeWords })
      .refine((value) => (THEMES as readonly string[]).includes(value) || /^custom:.+/.test(value), {
        error: themeWords,
      }),
  voice: () =>
    closed({
      enabled: bool().optional(),
      mode: oneOf(['hold', 'tap']).optional(),
      autoSubmit: bool().optional(),
    }),
  wheelScrollAccelerationEnabled: () => bool(),
  disableBundledSkills: () => bool(),
  awaySummaryEnabled: () => bool(),
  autoScrollEnabled: () => bool(),
  allowAllClaudeAiMcps: () => bool(),
  agentPushNotifEnabled: () => bool(),
  axScreenReader: () => bool(),
  claudeMd: () => str(),
  disableArtifact: () => bool(),
  disableAutoMode: () => oneOf(['disable']),
  disableClaudeAiConnectors: () => bool(),
  disableRemoteControl: () => bool(),
  disableWorkflows: () => bool(),
  footerLinksRegexes: () =>
    z.array(
      closed({ type: literal('regex').optional(), pattern: str(), url: str(), label: str().optional() }),
      { error: 'a list of {"pattern", "url"} objects' },
    ),
  inputNeededNotifEnabled: () => bool(),
  policyHelper: () =>
    closed({
      path: str(),
      timeoutMs: wholeNumber().optional(),
      refreshIntervalMs: z
        .int({ error: '0 or a whole number of at least 60000' })
        .refine((value) => value === 0 || value >= 60000, { error: '0 or a whole number of at least 60000' })
        .optional(),
    }),
  remoteControlAtStartup: () => bool(),
  syntaxHighlightingDisabled: () => bool(),
  verbose: () => bool(),
  workflowKeywordTriggerEnabled: () => bool(),
  askUserQuestionTimeout: () => oneOf(['60s', '5m', '10m', 'never']),
  teammateDefaultModel: () => z.string({ error: 'a string or null' }).nullable(),
  workflowSizeGuideline: () => oneOf(['unrestricted', 'small', 'medium', 'large']),
  enableArtifact: () => bool(),
  permissionExplainerEnabled: () => bool(),
  diffTool: () => oneOf(['auto', 'terminal']),
  externalEditorContext: () => bool(),
  autoConnectIde: () => bool(),
  autoInstallIdeExtension: () => bool(),
  emojiCompletionEnabled: () => bool(),
  vimInsertModeRemaps,
  processWrapper: () => str(),
  forceLoginGatewayUrl: () => str(),
  disableSideloadFlags: () => bool(),
  browserExternalPageTools: () => oneOf(['disabled']),
  disableBrowserExternalNavigation: () => bool(),
  disableMobileSimulatorTools: () => bool(),
  requireCoworkFullVmSandbox: () => bool(),
};

const builtKeySchemas = new Map<string, z.ZodOptional>();
/** Whole-file schemas by the keys they name: files of a monorepo mostly name the same few keys. */
const builtFileSchemas = new Map<string, z.ZodType>();
const MAX_FILE_SCHEMAS = 64;
caches.push(builtKeySchemas, builtFileSchemas);

/**
 * Forgets every schema built so far, so that the next validation builds them again. For the mutation run
 * (test/setup/mutate-preload.ts): a mutant in the code that builds a schema shows only in a schema built while
 * that mutant is active, and without this every test after the first would reuse one built without it.
 */
export function forgetBuiltSchemas(): void {
  for (const cache of caches) cache.clear();
}

/**
 * The schema of a settings file whose top level holds `keys` (unknown ones pass here: CFG003 reports them, as a
 * warning). Only the present keys' schemas are built, each once, on first use: building all of them costs
 * more than validating a settings file, and a file names a few keys. The issues are those of one object schema
 * of every key, in schema order, since an absent optional key raises none.
 */
export function settingsSchemaFor(keys: Iterable<string>): z.ZodType {
  const present = new Set(keys);
  const known = KNOWN_SETTINGS_KEYS.filter((key) => present.has(key));
  const id = known.join(',');
  const cached = builtFileSchemas.get(id);
  if (cached !== undefined) return cached;
  const shape: Record<string, z.ZodOptional> = {};
  for (const key of known) {
    let schema = builtKeySchemas.get(key);
    if (schema === undefined) {
      schema = topLevelShape[key as keyof typeof topLevelShape]().optional();
      builtKeySchemas.set(key, schema);
    }
    shape[key] = schema;
  }
  const schema = z.looseObject(shape, { error: 'an object' });
  if (builtFileSchemas.size >= MAX_FILE_SCHEMAS) builtFileSchemas.clear();
  builtFileSchemas.set(id, schema);
  return schema;
}

export const KNOWN_SETTINGS_KEYS: readonly string[] = Object.freeze(Object.keys(topLevelShape));

/** Keys the schema describes as honoured only from managed settings (reference §2.3, marked [M]). */
export const MANAGED_ONLY_KEYS: readonly string[] = Object.freeze([
  'allowedChannelPlugins',
  'allowManagedHooksOnly',
  'allowManagedPermissionRulesOnly',
  'strictKnownMarketplaces',
  'parentSettingsBehavior',
  'pluginTrustMessage',
  'allowManagedMcpServersOnly',
  'blockedMarketplaces',
  'channelsEnabled',
  'forceRemoteSettingsRefresh',
  'strictPluginOnlyCustomization',
  'wslInheritsWindowsSettings',
  'disableAgentView',
  'enforceAvailableModels',
  'managedMcpServers',
  'pluginSuggestionMarketplaces',
  'requiredMaximumVersion',
  'requiredMinimumVersion',
  'sshConfigs',
  'sshHostAllowlist',
  'allowAllClaudeAiMcps',
  'claudeMd',
  'disableSideloadFlags',
  'browserExternalPageTools',
  'disableBrowserExternalNavigation',
  'disableMobileSimulatorTools',
  'requireCoworkFullVmSandbox',
]);

/** The keys of the nested objects that people put at the top level by mistake, with where they belong. */
export const NESTED_KEY_HOMES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(
    ['allow', 'ask', 'deny', 'defaultMode', 'disableBypassPermissionsMode', 'additionalDirectories'].map(
      (key) => [key, 'permissions'],
    ),
  ),
  ...Object.fromEntries(
    [
      'autoAllowBashIfSandboxed',
      'allowUnsandboxedCommands',
      'excludedCommands',
      'enableWeakerNestedSandbox',
      'enableWeakerNetworkIsolation',
    ].map((key) => [key, 'sandbox']),
  ),
});
