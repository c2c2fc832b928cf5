// What analyseTree reports, exactly, for the filters after the tree walk: which receiver a call is bound to,
// which objects are Agent SDK options, which tool/container/browser entries count, which strings name an API path
// or a covered model, and when two findings are one. Each case asserts every site: its kind, its line, the text it
// covers, its short `what` and its detail.
import { describe, expect, it } from 'vitest';
import { analyseTree } from '../src/parse/code/analyse.js';
import { type Grammar, parserFor } from '../src/parse/code/grammars.js';

interface Case {
  name: string;
  grammar: Grammar;
  typed: boolean;
  /** Defaults to what the scan passes: only TypeScript and JavaScript replace the environment. */
  envReplaces?: boolean;
  text: string;
  expected: { usesApi: boolean; usesAgentSdk: boolean; sites: (string | number)[][] };
}

async function analyse({ grammar, typed, text, envReplaces }: Case) {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text)!;
  try {
    const result = analyseTree({
      tree,
      text,
      typed,
      envReplaces: envReplaces ?? (grammar === 'typescript' || grammar === 'javascript'),
    });
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

describe('analyseTree: which receiver a call is on (bindings, this., dotted names, constructors)', () => {
  const cases: Case[] = [
    {
      name: 'a declaration without a value binds nothing, even when its name is a client class',
      grammar: 'typescript',
      typed: false,
      text: 'let Anthropic;\nlet OpenAI;\n',
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'a receiver keeps its vendor after it is reassigned to something unknown',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nlet c = new OpenAI();\nc = pick();\nawait c.files.upload(f);\n",
      expected: { usesApi: true, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'this.client is looked up without this.',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nclass S {\n  client = new OpenAI();\n  async f() {\n    await this.client.files.upload(x);\n  }\n}\n",
      expected: { usesApi: true, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'a receiver that is itself a constructor call is classified directly',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nawait new OpenAI().files.upload(x);\nawait new Anthropic().files.upload(y);\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 3, 'new Anthropic().files.upload(y)', 'new Anthropic().files.upload']],
      },
    },
    {
      name: 'a dotted receiver bound as a whole is found before its last segment',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\napp.client = new OpenAI();\nawait app.client.files.upload(x);\n",
      expected: { usesApi: true, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'a dotted receiver not bound as a whole falls back to its last segment',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst client = new OpenAI();\nawait ctx.client.files.upload(y);\nawait ctx.other.files.upload(z);\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 4, 'ctx.other.files.upload(z)', 'ctx.other.files.upload']],
      },
    },
    {
      name: 'a Kotlin parameter typed with another vendor is that vendor',
      grammar: 'kotlin',
      typed: false,
      text: 'import com.anthropic.client.AnthropicClient\nfun f(store: OpenAIClient, other: Bucket) {\n  store.files.upload(x)\n  other.files.upload(y)\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 4, 'other.files.upload(y)', 'other.files.upload']],
      },
    },
    {
      name: 'without the SDK imported no call counts, nor a model string',
      grammar: 'typescript',
      typed: false,
      text: "await client.beta.files.upload(x);\nconst model = 'claude-fable-5';\n",
      expected: { usesApi: false, usesAgentSdk: false, sites: [] },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});

describe('analyseTree: which objects are Agent SDK options', () => {
  const cases: Case[] = [
    {
      name: 'an object declared beside a value that ends in .query is not its options',
      grammar: 'typescript',
      typed: false,
      text: "import { query } from '@anthropic-ai/claude-agent-sdk';\nconst job = { env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' } }, run = db.query\n",
      expected: { usesApi: false, usesAgentSdk: true, sites: [] },
    },
    {
      name: 'only a callee that ends in ClaudeAgentOptions takes its keyword arguments as options',
      grammar: 'python',
      typed: false,
      text: "from claude_agent_sdk import query, ClaudeAgentOptions\na = ClaudeAgentOptionsFactory(env={'CLAUDE_CODE_ENABLE_TELEMETRY': '1'})\nb = ClaudeAgentOptions (env={'CLAUDE_CODE_ENABLE_TELEMETRY': '1'})\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          [
            'agent-env-telemetry',
            3,
            "'CLAUDE_CODE_ENABLE_TELEMETRY': '1'",
            "'CLAUDE_CODE_ENABLE_TELEMETRY': '1'",
            'CLAUDE_CODE_ENABLE_TELEMETRY',
          ],
        ],
      },
    },
    {
      name: 'a Python dict is no options object, whatever its keys',
      grammar: 'python',
      typed: false,
      text: "from claude_agent_sdk import query, ClaudeAgentOptions\njob = {'env': {'CLAUDE_CODE_ENABLE_TELEMETRY': '1'}, 'hooks': []}\n",
      expected: { usesApi: false, usesAgentSdk: true, sites: [] },
    },
    {
      name: 'only a call named query takes its object argument as options',
      grammar: 'typescript',
      typed: false,
      text: "import { query } from '@anthropic-ai/claude-agent-sdk';\ndb.queryRaw({ env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' } });\nquery({ prompt: 'hi', options: {} });\nsdk.query ({ env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' } });\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [
          ['agent-env-umbrella', 4, "env: { CLAUDE_CODE_ENABLE_TELEMETRY: '1' }", 'env: { … }'],
          [
            'agent-env-telemetry',
            4,
            "CLAUDE_CODE_ENABLE_TELEMETRY: '1'",
            "CLAUDE_CODE_ENABLE_TELEMETRY: '1'",
            'CLAUDE_CODE_ENABLE_TELEMETRY',
          ],
        ],
      },
    },
    {
      name: 'Agent SDK options count only in a file that uses the Agent SDK',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nrun({ settingSources: ['user'], allowedTools: [] });\n",
      expected: { usesApi: true, usesAgentSdk: false, sites: [] },
    },
    {
      name: 'a dict splat in env keeps the environment where env replaces it',
      grammar: 'python',
      typed: false,
      envReplaces: true,
      text: "from claude_agent_sdk import query, ClaudeAgentOptions\na = ClaudeAgentOptions(env={**os.environ, 'CLAUDE_CODE_ENABLE_TELEMETRY': '0'})\nb = ClaudeAgentOptions(env={'CLAUDE_CODE_ENABLE_TELEMETRY': '0'})\n",
      expected: {
        usesApi: false,
        usesAgentSdk: true,
        sites: [['agent-env-umbrella', 3, "env={'CLAUDE_CODE_ENABLE_TELEMETRY': '0'}", 'env: { … }']],
      },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});

describe('analyseTree: tool, container and browser entries', () => {
  const cases: Case[] = [
    {
      name: 'allowed_callers of a web tool is not code execution; an entry with the tool id under another key is no web tool',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst tools = [\n  { type: 'web_search_20260209', name: 'web_search', allowed_callers: ['code_execution_20250825'] },\n  { name: 'web_fetch_20260209', allowed_callers: ['code_execution_20250825'] },\n];\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['web-dynamic-filtering', 3, "type: 'web_search_20260209'", "type: 'web_search_20260209'"],
          [
            'code-execution',
            4,
            "allowed_callers: ['code_execution_20250825']",
            "allowed_callers: ['code_execution_20250825']",
          ],
        ],
      },
    },
    {
      name: 'only skills count under container',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst p = { container: { id: 'cntr_1', skills: [{ type: 'anthropic', skill_id: 'pptx' }] } };\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['skills', 2, "skills: [{ type: 'anthropic', skill_id: 'pptx' }]", 'container.skills']],
      },
    },
    {
      name: 'dangerouslyAllowBrowser counts only as the literal true',
      grammar: 'typescript',
      typed: false,
      // `true` then blanks then more is an expression (its value is `dev`), however many blanks come between.
      text: `import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ dangerouslyAllowBrowser: trueInStorybook });\nnew Anthropic({ dangerouslyAllowBrowser: true });\nnew Anthropic({ dangerouslyAllowBrowser: true${' '.repeat(16)}&& dev });\n`,
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['browser-access', 3, 'dangerouslyAllowBrowser: true', 'dangerouslyAllowBrowser: true']],
      },
    },
    {
      name: 'the browser header counts only as a string key',
      grammar: 'python',
      typed: false,
      text: "import anthropic\nh = {anthropic-dangerous-direct-browser-access: 'true'}\nk = {'anthropic-dangerous-direct-browser-access': 'true'}\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          [
            'browser-access',
            3,
            "'anthropic-dangerous-direct-browser-access': 'true'",
            "'anthropic-dangerous-direct-browser-access': 'true'",
          ],
        ],
      },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});

describe('analyseTree: strings that name API paths or covered models', () => {
  const cases: Case[] = [
    {
      name: 'a docstring or a comparison naming an API path is no use of it',
      grammar: 'python',
      typed: false,
      text: 'import anthropic\ndef f(url):\n    """https://api.anthropic.com/v1/files"""\n    if url == "https://api.anthropic.com/v1/files":\n        return requests.get("https://api.anthropic.com/v1/skills")\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['skills', 5, '"https://api.anthropic.com/v1/skills"', '"https://api.anthropic.com/v1/skills"'],
        ],
      },
    },
    {
      name: 'a string in a model place counts only when it names a covered model',
      grammar: 'typescript',
      typed: false,
      text: "import Anthropic from '@anthropic-ai/sdk';\nconst model = 'gpt-4o';\nclient.models.retrieve('claude-fable-5');\nconfig.setModelName('claude-mythos-5');\nsetModel?.('claude-fable-5');\n",
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 4, "'claude-mythos-5'", "config.setModelName('claude-mythos-5')"],
          ['covered-model', 5, "'claude-fable-5'", "setModel?.('claude-fable-5')"],
        ],
      },
    },
    {
      name: 'a C# argument node is looked through to the call',
      grammar: 'c_sharp',
      typed: false,
      text: 'using Anthropic;\nbuilder.WithModel("claude-fable-5");\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['covered-model', 2, '"claude-fable-5"', 'builder.WithModel("claude-fable-5")']],
      },
    },
    {
      name: 'a covered model behind as const, satisfies or parentheses counts where the string would',
      grammar: 'typescript',
      typed: false,
      text: [
        "import Anthropic from '@anthropic-ai/sdk';",
        "const MODEL = 'claude-fable-5' as const;",
        "const other = { model: 'claude-fable-5' as const, name: 'claude-mythos-5' as const };",
        "client.messages.create({ model: ('claude-fable-5' satisfies string), max_tokens: 1 });",
        "if (other.model === ('claude-fable-5' as const)) {}",
        "const MODEL_B = <string>'claude-mythos-5';",
        "const MODEL_C = ('claude-mythos-5' as string)!;",
        '',
      ].join('\n'),
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 2, "'claude-fable-5'", "MODEL = 'claude-fable-5' as const"],
          ['covered-model', 3, "'claude-fable-5'", "model: 'claude-fable-5' as const"],
          ['covered-model', 4, "'claude-fable-5'", "model: ('claude-fable-5' satisfies string)"],
          ['covered-model', 6, "'claude-mythos-5'", "MODEL_B = <string>'claude-mythos-5'"],
          ['covered-model', 7, "'claude-mythos-5'", "MODEL_C = ('claude-mythos-5' as string)!"],
        ],
      },
    },
    {
      name: 'a C# variable or member given a covered model, through its = or a cast',
      grammar: 'c_sharp',
      typed: false,
      text: [
        'using Anthropic;',
        'class A {',
        '  void F() {',
        '    string model = "claude-fable-5";',
        '    string name = "claude-fable-5";',
        '    var p = new Params { Model = (string)"claude-mythos-5" };',
        '  }',
        '}',
        '',
      ].join('\n'),
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          ['covered-model', 4, '"claude-fable-5"', 'model = "claude-fable-5"'],
          ['covered-model', 6, '"claude-mythos-5"', 'Model = (string)"claude-mythos-5"'],
        ],
      },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});

describe('analyseTree: typed tool names and one finding per place', () => {
  const cases: Case[] = [
    {
      name: 'a typed web tool allowed only direct callers is not dynamic filtering',
      grammar: 'java',
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient;\nclass A {\n  void f() {\n    var a = WebSearchTool20260209.builder().allowedCallers(List.of(AllowedCaller.DIRECT)).build();\n    var b = WebSearchTool20260209.builder().build();\n  }\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['web-dynamic-filtering', 5, 'WebSearchTool20260209', 'WebSearchTool20260209']],
      },
    },
    {
      // Ruby names the class through its modules (`A::B::C`), a scope_resolution between the name and the call.
      name: 'a Ruby web tool named through its modules and allowed only direct callers is not dynamic filtering',
      grammar: 'ruby',
      typed: true,
      text: 'require "anthropic"\na = Anthropic::Beta::BetaWebSearchTool20260209.new(allowed_callers: [:direct])\nb = Anthropic::Beta::BetaWebSearchTool20260209.new\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['web-dynamic-filtering', 3, 'BetaWebSearchTool20260209', 'BetaWebSearchTool20260209']],
      },
    },
    {
      name: 'a call and the call of its trailing lambda are one finding',
      grammar: 'kotlin',
      typed: true,
      text: 'import com.anthropic.client.AnthropicClient\nfun f() {\n  client.beta.files.upload(params) { println(it) }\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [
          [
            'files',
            3,
            'client.beta.files.upload(params) { println(it) }',
            'client.beta.files.upload(params)',
          ],
        ],
      },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});

describe('analyseTree: Kotlin property declarations bind the declared name', () => {
  const cases: Case[] = [
    {
      name: 'a Kotlin val binds its name, so a call on a Claude client counts in a file that imports another vendor too',
      grammar: 'kotlin',
      typed: true,
      text: 'import com.anthropic.client.okhttp.AnthropicOkHttpClient\nimport com.openai.client.okhttp.OpenAIOkHttpClient\n\nval claude = AnthropicOkHttpClient.fromEnv()\nprivate val gpt: OpenAIClient = OpenAIOkHttpClient.fromEnv()\n\nfun f() {\n  claude.files().upload(params)\n  gpt.files().create(params)\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 8, 'claude.files().upload(params)', 'claude.files().upload']],
      },
    },
    {
      name: 'a Kotlin val bound to some other object (with or without modifiers and a type) is no client',
      grammar: 'kotlin',
      typed: true,
      text: 'import com.anthropic.client.okhttp.AnthropicOkHttpClient\n\nval store = Storage()\nprivate val bucket: Bucket = Bucket()\n\nfun f() {\n  store.files.upload(x)\n  bucket.files.upload(y)\n  cache.files.upload(z)\n}\n',
      expected: {
        usesApi: true,
        usesAgentSdk: false,
        sites: [['files', 9, 'cache.files.upload(z)', 'cache.files.upload']],
      },
    },
  ];
  it.each(cases)('$name', async (c) => {
    expect(await analyse(c)).toEqual(c.expected);
  });
});
