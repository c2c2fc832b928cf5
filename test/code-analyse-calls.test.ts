// What analyseTree reports, exactly, for the parts after the tree walk: the calls on receivers bound to a
// vendor, the tool/model/browser entries, the Agent SDK options (env, settingSources), the strings that name
// API paths or covered models, and the typed names of Go/Java/Kotlin. Each case asserts every site: its kind,
// the text it covers, its short `what` and its detail.
import { describe, expect, it } from 'vitest';
import { analyseTree } from '../src/parse/code/analyse.js';
import { type Grammar, parserFor } from '../src/parse/code/grammars.js';

async function analyse(grammar: Grammar, typed: boolean, text: string) {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text)!;
  try {
    const result = analyseTree({ tree, text, typed, envReplaces: grammar === 'typescript' });
    return {
      usesApi: result.usesApi,
      usesAgentSdk: result.usesAgentSdk,
      sites: result.sites.map((s) => {
        const line = text.slice(0, s.offset).split('\n').length;
        const at = text.slice(s.offset, s.offset + s.length);
        return s.detail === undefined ? [s.kind, line, at, s.what] : [s.kind, line, at, s.what, s.detail];
      }),
    };
  } finally {
    tree.delete();
    parser.delete();
  }
}

describe('analyseTree after the walk: calls, entries, Agent SDK options, strings and typed names', () => {
  it.each([
    {
      name: 'long what is cut to 80 characters, runs of blanks become one',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\nawait c.messages.create({ tools: [{ type:    'code_execution_20250825', name: 'code_execution_with_a_rather_long_name_that_goes_on_and_on' }] });\nconst t = { type:   'code_execution_20250825' };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['code-execution', 3, "type:    'code_execution_20250825'", "type: 'code_execution_20250825'"],
          ['code-execution', 4, "type:   'code_execution_20250825'", "type: 'code_execution_20250825'"],
        ],
      },
    },
    {
      name: 'a what of 80 characters stays whole, one of 81 is cut',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst a = { allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstuv'] };\nconst b = { allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstuvw'] };\nconst c = { allowed_callers: ['code_execution_20250825',\n    'direct'] };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          [
            'code-execution',
            2,
            "allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstuv']",
            "allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstuv']",
          ],
          [
            'code-execution',
            3,
            "allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstuvw']",
            "allowed_callers: ['code_execution_20250825', 'direct', 'abcdefghijklmnopqrstu…",
          ],
          [
            'code-execution',
            4,
            "allowed_callers: ['code_execution_20250825',\n    'direct']",
            "allowed_callers: ['code_execution_20250825', 'direct']",
          ],
        ],
      },
    },
    {
      name: 'an MCP toolset without mcpServers in the file',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nawait client.beta.messages.create({ tools: [{ type: 'mcp_toolset', mcp_server_name: 'x' }] });\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['mcp-connector', 3, "type: 'mcp_toolset'", "type: 'mcp_toolset'"]],
      },
    },
    {
      name: 'an MCP toolset with mcp_servers in the request',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'import anthropic\nclient = anthropic.Anthropic()\nclient.beta.messages.create(mcp_servers=[{"type": "url"}], tools=[{"type": "mcp_toolset"}])\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['mcp-connector', 3, 'mcp_servers=[{"type": "url"}]', 'mcp_servers: …']],
      },
    },
    {
      name: 'Python ClaudeAgentOptions env',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'from claude_agent_sdk import ClaudeAgentOptions, query\nopts = ClaudeAgentOptions(env={"CLAUDE_CODE_ENABLE_TELEMETRY": "1", "OTEL_LOGS_EXPORTER": "none", "OTEL_METRICS_EXPORTER": " ", "OTEL_TRACES_EXPORTER": "otlp", "OTHER": x, **base})\nother = SomethingElse(env={"CLAUDE_CODE_ENABLE_TELEMETRY": "1"})\n',
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          [
            'agent-env-telemetry',
            2,
            '"CLAUDE_CODE_ENABLE_TELEMETRY": "1"',
            '"CLAUDE_CODE_ENABLE_TELEMETRY": "1"',
            'CLAUDE_CODE_ENABLE_TELEMETRY',
          ],
          [
            'agent-env-telemetry',
            2,
            '"OTEL_TRACES_EXPORTER": "otlp"',
            '"OTEL_TRACES_EXPORTER": "otlp"',
            'OTEL_TRACES_EXPORTER',
          ],
        ],
      },
    },
    {
      name: 'Python ClaudeCodeOptions env with exporter none spelled loosely',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'from claude_code_sdk import ClaudeCodeOptions\nopts = ClaudeCodeOptions(env={"OTEL_LOGS_EXPORTER": " NONE ", "OTEL_METRICS_EXPORTER": "nonexistent", "OTEL_TRACES_EXPORTER": "xnone"})\n',
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          [
            'agent-env-telemetry',
            2,
            '"OTEL_METRICS_EXPORTER": "nonexistent"',
            '"OTEL_METRICS_EXPORTER": "nonexistent"',
            'OTEL_METRICS_EXPORTER',
          ],
          [
            'agent-env-telemetry',
            2,
            '"OTEL_TRACES_EXPORTER": "xnone"',
            '"OTEL_TRACES_EXPORTER": "xnone"',
            'OTEL_TRACES_EXPORTER',
          ],
        ],
      },
    },
    {
      name: 'TypeScript query env, options object, spread and umbrella',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import { query } from '@anthropic-ai/claude-agent-sdk';\nquery({ prompt: 'p', env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' } });\nsdk.query({ prompt: 'p', env: { OTEL_LOG_USER_PROMPTS: 'true' } });\nrunQuery({ prompt: 'p', env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' } });\nquery({ prompt: 'p', options: { env: { A: '1' } } });\nquery({ prompt: 'p', options: { env: { ...process.env, A: '1' } } });\nquery({ prompt: 'p', options: { env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } } });\nquery({ prompt: 'p', options: { env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: process.env.X, [k]: '1' } } });\nconst o = { maxTurns: 2, env: { CLAUDE_CODE_ENABLE_TELEMETRY: 'yes' } };\nconst p = { colour: 2, env: { CLAUDE_CODE_ENABLE_TELEMETRY: 'yes' } };\nquery({ prompt: 'p', options: { env: process.env } });\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          ['agent-env-umbrella', 2, "env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' }", 'env: { … }'],
          [
            'agent-env-telemetry',
            2,
            "CLAUDE_CODE_ENABLE_TELEMETRY: '1'",
            "CLAUDE_CODE_ENABLE_TELEMETRY: '1'",
            'CLAUDE_CODE_ENABLE_TELEMETRY',
          ],
          ['agent-env-umbrella', 3, "env: { OTEL_LOG_USER_PROMPTS: 'true' }", 'env: { … }'],
          [
            'agent-env-telemetry',
            3,
            "OTEL_LOG_USER_PROMPTS: 'true'",
            "OTEL_LOG_USER_PROMPTS: 'true'",
            'OTEL_LOG_USER_PROMPTS',
          ],
          ['agent-env-umbrella', 5, "env: { A: '1' }", 'env: { … }'],
          ['agent-env-umbrella', 9, "env: { CLAUDE_CODE_ENABLE_TELEMETRY: 'yes' }", 'env: { … }'],
          [
            'agent-env-telemetry',
            9,
            "CLAUDE_CODE_ENABLE_TELEMETRY: 'yes'",
            "CLAUDE_CODE_ENABLE_TELEMETRY: 'yes'",
            'CLAUDE_CODE_ENABLE_TELEMETRY',
          ],
        ],
      },
    },
    {
      name: 'settingSources lists',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import { query } from '@anthropic-ai/claude-agent-sdk';\nquery({ prompt: 'p', options: { settingSources: ['user', 'local'] } });\nquery({ prompt: 'p', options: { settingSources: ['user', 'project'] } });\nquery({ prompt: 'p', options: { settingSources: [] } });\nquery({ prompt: 'p', options: { settingSources: [x, 'user'] } });\nquery({ prompt: 'p', options: { settingSources: 'user' } });\nquery({ prompt: 'p', options: { sources: ['user'] } });\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          [
            'agent-setting-sources',
            2,
            "settingSources: ['user', 'local']",
            "settingSources: ['user', 'local']",
            'user, local',
          ],
          ['agent-setting-sources', 4, 'settingSources: []', 'settingSources: []', ''],
        ],
      },
    },
    {
      name: 'Python setting_sources',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'from claude_agent_sdk import ClaudeAgentOptions\nClaudeAgentOptions(setting_sources=["user"])\nClaudeAgentOptions(setting_sources=("user",))\n',
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [['agent-setting-sources', 2, 'setting_sources=["user"]', 'setting_sources=["user"]', 'user']],
      },
    },
    {
      name: 'allowed callers with code execution, on a web tool or not',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst a = { type: 'custom', name: 'f', allowed_callers: ['code_execution_20250825'] };\nconst b = { type: 'web_search_20260209', name: 'web_search', allowed_callers: ['code_execution_20250825'] };\nconst c = { name: 'g', allowed_callers: ['code_execution_2025'] };\nconst d = { kind: 'web_search_20260209', allowed_callers: ['code_execution_20250825'] };\nconst e = { type: x, allowed_callers: ['code_execution_20250825'] };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          [
            'code-execution',
            2,
            "allowed_callers: ['code_execution_20250825']",
            "allowed_callers: ['code_execution_20250825']",
          ],
          ['web-dynamic-filtering', 3, "type: 'web_search_20260209'", "type: 'web_search_20260209'"],
          [
            'code-execution',
            5,
            "allowed_callers: ['code_execution_20250825']",
            "allowed_callers: ['code_execution_20250825']",
          ],
          [
            'code-execution',
            6,
            "allowed_callers: ['code_execution_20250825']",
            "allowed_callers: ['code_execution_20250825']",
          ],
        ],
      },
    },
    {
      name: 'container skills and model keys',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst r = { container: { skills: [{ type: 'anthropic', skill_id: 'pptx' }] }, skills: [], tools: { skills: [] } };\nconst m = { model: 'claude-fable-5', default_model: 'claude-mythos-5-1', name: 'claude-fable-5', model_id: 'claude-3', modelName: x };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['skills', 2, "skills: [{ type: 'anthropic', skill_id: 'pptx' }]", 'container.skills'],
          ['covered-model', 3, "'claude-fable-5'", "model: 'claude-fable-5'"],
          ['covered-model', 3, "'claude-mythos-5-1'", "default_model: 'claude-mythos-5-1'"],
        ],
      },
    },
    {
      name: 'dangerouslyAllowBrowser and the browser header',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ dangerouslyAllowBrowser: true });\nnew Anthropic({ dangerouslyAllowBrowser: ' TRUE' === x });\nnew Anthropic({ dangerouslyAllowBrowser: isTrue });\nnew Anthropic({ dangerouslyAllowBrowser: false });\nconst h = { 'anthropic-dangerous-direct-browser-access': 'true', [hdr]: 'true' };\nconst h2 = { 'Anthropic-Dangerous-Direct-Browser-Access': 'true' };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['browser-access', 2, 'dangerouslyAllowBrowser: true', 'dangerouslyAllowBrowser: true'],
          [
            'browser-access',
            6,
            "'anthropic-dangerous-direct-browser-access': 'true'",
            "'anthropic-dangerous-direct-browser-access': 'true'",
          ],
          [
            'browser-access',
            7,
            "'Anthropic-Dangerous-Direct-Browser-Access': 'true'",
            "'Anthropic-Dangerous-Direct-Browser-Access': 'true'",
          ],
        ],
      },
    },
    {
      name: 'no SDK import: nothing in entries',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "const t = { type: 'code_execution_20250825', model: 'claude-fable-5', dangerouslyAllowBrowser: true };\nfetch('/v1/files');\n",
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'API host strings and /v1/ paths',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "const BASE = 'https://api.anthropic.com';\nfetch(BASE + '/v1/files');\nfetch('/v1/messages/batches');\nfetch('/api/v1/skills');\nfetch('https://api.anthropic.com/v1/skills');\nconst u = 'https://api.anthropic.com/v1/messages';\nif (path === '/v1/tunnels') {}\nconst k = { '/v1/agents': 1 };\nfetch('https://api.anthropic.com/v1/sessions');\nconst m = 'claude-fable-5';\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['files', 2, "'/v1/files'", "'/v1/files'"],
          ['batches', 3, "'/v1/messages/batches'", "'/v1/messages/batches'"],
          ['skills', 5, "'https://api.anthropic.com/v1/skills'", "'https://api.anthropic.com/v1/skills'"],
          [
            'managed-agents',
            9,
            "'https://api.anthropic.com/v1/sessions'",
            "'https://api.anthropic.com/v1/sessions'",
          ],
        ],
      },
    },
    {
      name: 'model strings in calls and assignments',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst MODEL = 'claude-fable-5';\nconst other = 'claude-fable-5';\nlet x; x = 'claude-mythos-5';\nsetModel('claude-fable-5');\nlog('claude-fable-5');\nb.model('claude-mythos-5-1');\nconst arr = ['claude-fable-5'];\nconst obj = { model: 'claude-fable-5' };\nif (m === 'claude-fable-5') {}\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 2, "'claude-fable-5'", "MODEL = 'claude-fable-5'"],
          ['covered-model', 5, "'claude-fable-5'", "setModel('claude-fable-5')"],
          ['covered-model', 7, "'claude-mythos-5-1'", "b.model('claude-mythos-5-1')"],
          ['covered-model', 9, "'claude-fable-5'", "model: 'claude-fable-5'"],
        ],
      },
    },
    {
      name: 'model strings in Python',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'import anthropic\nMODEL = "claude-fable-5"\nchosen_model = "claude-mythos-5"\nx = "claude-fable-5"\nrun("claude-fable-5")\nclient.messages.create(model="claude-fable-5")\npick(model_name="claude-fable-5")\n"claude-fable-5"\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 2, '"claude-fable-5"', 'MODEL = "claude-fable-5"'],
          ['covered-model', 3, '"claude-mythos-5"', 'chosen_model = "claude-mythos-5"'],
          ['covered-model', 6, '"claude-fable-5"', 'model="claude-fable-5"'],
          ['covered-model', 7, '"claude-fable-5"', 'model_name="claude-fable-5"'],
        ],
      },
    },
    {
      name: 'model strings in Kotlin and Go',
      grammar: 'kotlin' as Grammar,
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient\nval other = listOf("claude-fable-5")\nval MODEL = "claude-mythos-5"\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 3, '"claude-mythos-5"', 'val MODEL = "claude-mythos-5"']],
      },
    },
    {
      name: 'Go typed names',
      grammar: 'go' as Grammar,
      typed: true,
      text: 'package main\nimport "github.com/anthropics/anthropic-sdk-go"\nfunc f() {\n\tm := anthropic.ModelClaudeFable5\n\tt := anthropic.BetaWebSearchTool20260209Param{}\n\tu := anthropic.BetaWebFetchTool20260309Param{AllowedCallers: []string{"direct"}}\n\tc := anthropic.BetaCodeExecutionTool20250825Param{}\n\t_ = anthropic.WebSearchTool20250305Param{}\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 4, 'ModelClaudeFable5', 'ModelClaudeFable5'],
          ['web-dynamic-filtering', 5, 'BetaWebSearchTool20260209Param', 'BetaWebSearchTool20260209Param'],
          ['web-dynamic-filtering', 6, 'BetaWebFetchTool20260309Param', 'BetaWebFetchTool20260309Param'],
          ['code-execution', 7, 'BetaCodeExecutionTool20250825Param', 'BetaCodeExecutionTool20250825Param'],
        ],
      },
    },
    {
      name: 'Java typed names with allowedCallers',
      grammar: 'java' as Grammar,
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient;\nclass A {\n  void f() {\n    var t = BetaWebSearchTool20260209.builder().allowedCallers(List.of(BetaWebSearchTool20260209.AllowedCaller.DIRECT)).build();\n    var u = BetaWebFetchTool20260309.builder().allowedCallers( Direct ).build();\n    var v = BetaWebFetchTool20260318.builder().maxUses(3).build();\n    var w = BetaWebSearchTool20260209.builder().allowedCallers(x).build();\n  }\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['web-dynamic-filtering', 6, 'BetaWebFetchTool20260318', 'BetaWebFetchTool20260318'],
          ['web-dynamic-filtering', 7, 'BetaWebSearchTool20260209', 'BetaWebSearchTool20260209'],
        ],
      },
    },
    {
      name: 'typed names without an SDK import',
      grammar: 'go' as Grammar,
      typed: true,
      text: 'package main\nfunc f() {\n\tm := anthropic.ModelClaudeFable5\n\tt := anthropic.BetaWebSearchTool20260209Param{}\n}\n',
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'calls on bound receivers',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nimport OpenAI from 'openai';\nconst anthropic = new Anthropic();\nconst oa = new OpenAI();\nawait anthropic.beta.files.upload({ file });\nawait oa.files.create({ file });\nawait this.client.messages.batches.create({ requests: [] });\nawait foo.files.create();\nawait   anthropic.messages.batches.create( );\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['files', 5, 'anthropic.beta.files.upload({ file })', 'anthropic.beta.files.upload'],
          [
            'batches',
            7,
            'this.client.messages.batches.create({ requests: [] })',
            'this.client.messages.batches.create',
          ],
          ['batches', 9, 'anthropic.messages.batches.create( )', 'anthropic.messages.batches.create'],
        ],
      },
    },
    {
      name: 'calls on bound members',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nclass S { client = new Anthropic(); run() { return this.client.beta.files.create({}); } }\nconst deps = { ai: null };\ndeps.ai = new Anthropic();\ndeps.ai.skills.create({});\nfoo.files.create({});\nconst bar = makeThing();\nbar.files.create({});\nconst other = new OpenAI();\nother.skills.create({});\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['files', 2, 'this.client.beta.files.create({})', 'this.client.beta.files.create'],
          ['skills', 5, 'deps.ai.skills.create({})', 'deps.ai.skills.create'],
          ['files', 6, 'foo.files.create({})', 'foo.files.create'],
        ],
      },
    },
    {
      name: 'a parameter typed as the client',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import type Anthropic from '@anthropic-ai/sdk';\nexport async function f(client: Anthropic, other: OpenAI) {\n  await client.files.create({});\n  await other.files.create({});\n}\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 3, 'client.files.create({})', 'client.files.create']],
      },
    },
  ])('$name', async ({ grammar, typed, text, expected }) => {
    expect(await analyse(grammar, typed, text)).toEqual(expected);
  });
});

describe('analyseTree: API use without an import, typed model declarations, Agent env values that are not literals, spaced builder calls', () => {
  it.each([
    {
      name: 'a client built without an import makes the file use the API; a parameter typed as one does not',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: 'const c = new Anthropic();\nawait c.beta.files.upload({ file });\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 2, 'c.beta.files.upload({ file })', 'c.beta.files.upload']],
      },
    },
    {
      name: 'a parameter typed as the client, no import',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: 'export function f(c: Anthropic) {\n  return c.beta.files.upload({ file });\n}\n',
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'another constructed object, no import',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: 'const s = new S3Client();\nawait s.beta.files.upload({ file });\n',
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
    {
      // Judged by the called name, as in the other languages: not by a word that happens to come before the string.
      name: 'Kotlin model strings among arguments',
      grammar: 'kotlin' as Grammar,
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient\nval a = pick(model, "claude-fable-5")\nval b = pick(name, "claude-fable-5")\nval c = b.model("claude-fable-5")\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 4, '"claude-fable-5"', 'b.model("claude-fable-5")']],
      },
    },
    {
      name: 'typed declarations of a model name',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst modelName: string = 'claude-fable-5';\nconst title: string = 'claude-fable-5';\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 2, "'claude-fable-5'", "modelName: string = 'claude-fable-5'"]],
      },
    },
    {
      name: 'Python annotated model assignment',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'import anthropic\nmodel_id: str = "claude-fable-5"\nlabel: str = "claude-fable-5"\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 2, '"claude-fable-5"', 'model_id: str = "claude-fable-5"']],
      },
    },
    {
      name: 'Agent env entries that are not literals',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: "import { query } from '@anthropic-ai/claude-agent-sdk';\nquery({ prompt: 'p', options: { env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, CLAUDE_CODE_ENABLE_TELEMETRY: flag, OTEL_LOGS_EXPORTER: kind } } });\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          [
            'agent-env-umbrella',
            2,
            'env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, CLAUDE_CODE_ENABLE_TELEMETRY: flag, OTEL_LOGS_EXPORTER: kind }',
            'env: { … }',
          ],
        ],
      },
    },
    {
      name: 'Java allowedCallers spelled with spaces',
      grammar: 'java' as Grammar,
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient;\nclass A {\n  void f() {\n    var t = BetaWebSearchTool20260209.builder().allowedCallers (List.of(Caller.DIRECT)).build();\n    var u = BetaWebFetchTool20260309.builder().allowedCallers(X.DIRECT).build();\n    var v = BetaWebFetchTool20260318.builder().allowedCallers(List.of("direct")).build();\n    var w = BetaWebSearchTool20260318.builder().allowedCallers(List.of(Caller.CODE)).description(Direct).build();\n  }\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['web-dynamic-filtering', 7, 'BetaWebSearchTool20260318', 'BetaWebSearchTool20260318']],
      },
    },
    {
      name: 'Go struct fields',
      grammar: 'go' as Grammar,
      typed: true,
      text: 'package main\nimport "github.com/anthropics/anthropic-sdk-go"\nvar p = anthropic.MessageNewParams{Model: "claude-fable-5", Name: "claude-fable-5"}\nvar t = anthropic.ToolParam{Type: "code_execution_20250825"}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 3, '"claude-fable-5"', 'Model: "claude-fable-5"'],
          ['code-execution', 4, 'Type: "code_execution_20250825"', 'Type: "code_execution_20250825"'],
        ],
      },
    },
    {
      name: 'C# initializers',
      grammar: 'c_sharp' as Grammar,
      typed: true,
      text: 'using Anthropic;\nvar p = new MessageCreateParams { Model = "claude-fable-5", Name = "claude-fable-5" };\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 2, '"claude-fable-5"', 'Model = "claude-fable-5"']],
      },
    },
    {
      name: 'the host named without the SDK: /v1/ paths count, a model string after an assignment too',
      grammar: 'python' as Grammar,
      typed: false,
      text: 'import requests\nBASE = "https://api.anthropic.com"\nrequests.post(BASE + "/v1/files")\nMODEL = "claude-fable-5"\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['files', 3, '"/v1/files"', '"/v1/files"'],
          ['covered-model', 4, '"claude-fable-5"', 'MODEL = "claude-fable-5"'],
        ],
      },
    },
  ])('$name', async ({ grammar, typed, text, expected }) => {
    expect(await analyse(grammar, typed, text)).toEqual(expected);
  });
});
