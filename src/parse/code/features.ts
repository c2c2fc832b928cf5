// What application code can call that the Claude API keeps despite a ZDR arrangement (docs: "API and data
// retention", platform.claude.com, read Oct 2026; the project's reference/zdr-api-features.md), and how each is
// recognised: SDK method chains, HTTP paths, tool types, parameters, model ids. Data only; rules turn it into words.

export type FeatureId =
  | 'batches'
  | 'files'
  | 'skills'
  | 'code-execution'
  | 'mcp-connector'
  | 'mcp-tunnels'
  | 'managed-agents'
  | 'web-dynamic-filtering'
  | 'covered-model'
  | 'browser-access';

/** Agent SDK settings that change what the Claude Code process it starts sends or reads. */
export type AgentFindingId = 'agent-env-telemetry' | 'agent-env-umbrella' | 'agent-setting-sources';

export interface FeatureFacts {
  /** How the feature is named in a message. */
  name: string;
  /** What is kept, and for how long. */
  retention: string;
  /** The ZDR-eligible way to do the same, or what to do instead. */
  alternative: string;
}

export const FEATURES: Record<FeatureId, FeatureFacts> = {
  batches: {
    name: 'the Message Batches API',
    retention: 'requests and results are kept for 29 days (or until the batch is deleted)',
    alternative:
      'send each request to the Messages API synchronously (`messages.create`), or delete each batch with `DELETE /v1/messages/batches/{id}` as soon as its results are read',
  },
  files: {
    name: 'the Files API',
    retention: 'uploaded files are kept until they are deleted',
    alternative:
      'send the content inline in the Messages request (base64 or text blocks), or delete each file (`files.delete`) as soon as the request that needs it is done',
  },
  skills: {
    name: 'Agent Skills',
    retention: 'skill files and execution data are kept for the skill to run',
    alternative: 'give the instructions in the system prompt and run tools on your side (client tools)',
  },
  'code-execution': {
    name: 'server-side code execution (or programmatic tool calling)',
    retention: 'the execution container and its files are kept for up to 30 days',
    alternative:
      'run code on your side with a client tool (the bash and text editor tools are eligible), and call tools directly (`allowed_callers: ["direct"]`)',
  },
  'mcp-connector': {
    name: 'the MCP connector',
    retention: 'requests through the connector are not eligible for ZDR',
    alternative: 'call the MCP server from your own code and pass its results as client tool results',
  },
  'mcp-tunnels': {
    name: 'MCP tunnels',
    retention: 'tunnel traffic is not eligible for ZDR',
    alternative: 'call the MCP server from your own code and pass its results as client tool results',
  },
  'managed-agents': {
    name: 'Managed Agents',
    retention:
      'agents, sessions, environments, memory stores and vaults are kept server-side and are not eligible for ZDR',
    alternative:
      'run the agent loop yourself on the Messages API (or with the Agent SDK on your own machines)',
  },
  'web-dynamic-filtering': {
    name: 'web search or web fetch with dynamic filtering',
    retention:
      'these tool versions filter results in a code execution container, which is not eligible for ZDR',
    alternative:
      'add `allowed_callers: ["direct"]` to the tool, or use the basic versions `web_search_20250305` / `web_fetch_20250910`',
  },
  'covered-model': {
    name: 'a covered model',
    retention:
      'covered models need 30-day retention: an organisation without it gets a 400, one with it keeps data 30 days',
    alternative: 'use a model that is not covered (any other current Claude model)',
  },
  'browser-access': {
    name: 'direct browser access (CORS)',
    retention: 'browser calls are not supported for ZDR organisations',
    alternative: 'call the API from your server and let the browser talk to your server',
  },
};

/** The SDK collections whose creating calls keep data, by feature; matched against a call's method chain. */
export interface ChainPattern {
  feature: FeatureId;
  /** Consecutive segments before the method, lower-case, underscores removed. */
  path: string[];
  /** The path is Anthropic's own (no other vendor's SDK has it): no need to know the receiver. */
  distinctive: boolean;
}

export const CHAIN_PATTERNS: ChainPattern[] = [
  { feature: 'batches', path: ['messages', 'batches'], distinctive: true },
  { feature: 'files', path: ['beta', 'files'], distinctive: true },
  { feature: 'files', path: ['files'], distinctive: false },
  { feature: 'skills', path: ['skills', 'versions'], distinctive: true },
  { feature: 'skills', path: ['beta', 'skills'], distinctive: true },
  { feature: 'skills', path: ['skills'], distinctive: false },
  { feature: 'mcp-tunnels', path: ['beta', 'tunnels'], distinctive: true },
  { feature: 'managed-agents', path: ['beta', 'agents'], distinctive: true },
  { feature: 'managed-agents', path: ['beta', 'sessions'], distinctive: true },
  { feature: 'managed-agents', path: ['beta', 'environments'], distinctive: true },
  { feature: 'managed-agents', path: ['beta', 'memorystores'], distinctive: true },
  { feature: 'managed-agents', path: ['beta', 'vaults'], distinctive: true },
];

/** Methods that send data to be kept (listing, reading and deleting keep nothing new). */
export const CREATING_METHODS = new Set([
  'create',
  'new',
  'upload',
  'send',
  'createandpoll',
  'uploadandpoll',
]);

/** HTTP paths under api.anthropic.com, longest first. */
export const HTTP_PATHS: { path: RegExp; feature: FeatureId }[] = [
  { path: /\/v1\/messages\/batches(?![\w-])/, feature: 'batches' },
  { path: /\/v1\/files(?![\w-])/, feature: 'files' },
  { path: /\/v1\/skills(?![\w-])/, feature: 'skills' },
  { path: /\/v1\/tunnels(?![\w-])/, feature: 'mcp-tunnels' },
  { path: /\/v1\/(agents|sessions|environments|memory_stores|vaults)(?![\w-])/, feature: 'managed-agents' },
];

/** Beta header values that name a feature. */
export const BETA_HEADERS: { value: RegExp; feature: FeatureId }[] = [
  { value: /message-batches-2024-09-24/, feature: 'batches' },
  { value: /files-api-2025-04-14/, feature: 'files' },
  { value: /skills-2025-10-02/, feature: 'skills' },
  { value: /code-execution-2025-05-22/, feature: 'code-execution' },
  { value: /mcp-client-2025-(04-04|11-20)/, feature: 'mcp-connector' },
  { value: /mcp-tunnels-2026-06-22/, feature: 'mcp-tunnels' },
  { value: /managed-agents-2026-04-01|agent-memory-2026-07-22/, feature: 'managed-agents' },
];

export const CODE_EXECUTION_TOOL = /^code_execution_20\d{6}$/;
export const DYNAMIC_WEB_TOOL =
  /^(web_search_20260209|web_search_20260318|web_fetch_20260209|web_fetch_20260309|web_fetch_20260318)$/;
export const COVERED_MODEL = /^claude-(fable|mythos)-5(-1)?(-\d{8}|-latest)?$/;
/** The SDKs' typed spellings in Go, Java, Kotlin, C# and PHP. */
export const TYPED_CODE_EXECUTION = /^(Beta)?CodeExecutionTool20\d{6}/;
export const TYPED_DYNAMIC_WEB = /^(Beta)?Web(Search|Fetch)Tool(20260209|20260318|20260309)/;
export const TYPED_COVERED_MODEL =
  /^(ModelClaude(Fable|Mythos)5(_?1)?\w*|CLAUDE_(FABLE|MYTHOS)_5(_1)?\w*|Claude(Fable|Mythos)5(_?1)?\w*)$/;
/** Any of these anywhere in a request body (shell `-d`, notebooks' JSON) name a feature. */
export const BODY_MARKERS: { value: RegExp; feature: FeatureId }[] = [
  { value: /"code_execution_20\d{6}"|"container_upload"/, feature: 'code-execution' },
  { value: /"mcp_servers"\s*:|"mcp_toolset"/, feature: 'mcp-connector' },
  {
    value:
      /"(web_search_20260209|web_search_20260318|web_fetch_20260209|web_fetch_20260309|web_fetch_20260318)"/,
    feature: 'web-dynamic-filtering',
  },
  { value: /"claude-(fable|mythos)-5(-1)?(-\d{8})?"/, feature: 'covered-model' },
  { value: /"skills"\s*:/, feature: 'skills' },
];

export const BROWSER_HEADER = 'anthropic-dangerous-direct-browser-access';

/** Variables that turn on what ZDR002/ZDR003 forbid, for the Claude Code process an Agent SDK session starts. */
export const TELEMETRY_SWITCH = 'CLAUDE_CODE_ENABLE_TELEMETRY';
export const CONTENT_SWITCHES = [
  'OTEL_LOG_USER_PROMPTS',
  'OTEL_LOG_ASSISTANT_RESPONSES',
  'OTEL_LOG_TOOL_CONTENT',
  'OTEL_LOG_TOOL_DETAILS',
  'OTEL_LOG_RAW_API_BODIES',
];
export const EXPORTERS = ['OTEL_METRICS_EXPORTER', 'OTEL_LOGS_EXPORTER', 'OTEL_TRACES_EXPORTER'];
export const UMBRELLA = 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC';
