// What one source file's analysis finds, site by site: string literals of each grammar, object initialisers,
// docstrings and comparisons (not uses), how far the tool object of a `type` reaches, typed builder chains, and
// which receivers count as another object than a Claude client, call chains, and Agent SDK telemetry switches.
import { describe, expect, it } from 'vitest';
import { sites } from './helpers/code-sites.js';

describe('object initialisers and string literals', () => {
  it('reads C# object initialiser members as entries', async () => {
    expect(
      await sites(
        'csharp',
        'a.cs',
        'using Anthropic;\nvar p = new MessageCreateParams {\n  Model = "claude-fable-5",\n};\nvar t = new Tool { Type = "code_execution_20250825" };\nvar v = @"https://api.anthropic.com/v1/files";\n',
      ),
    ).toEqual([
      'covered-model 3:11-3:27 Model = "claude-fable-5"',
      'code-execution 5:20-5:52 Type = "code_execution_20250825"',
      'files 6:9-6:46 @"https://api.anthropic.com/v1/files"',
    ]);
  });

  it('does not take a plain JavaScript assignment for an entry', async () => {
    expect(
      await sites(
        'javascript',
        'a.js',
        'import Anthropic from "@anthropic-ai/sdk";\nlet type;\ntype = "code_execution_20250825";\nconst base = "https://api.anthropic.com";\nfetch(`${base}/v1/files`);\nconst e = "";\n',
      ),
    ).toEqual(['files 5:7-5:25 `${base}/v1/files`']);
  });

  it('reads raw, escaped and prefixed strings', async () => {
    expect(
      await sites(
        'go',
        'a.go',
        'package a\nimport "github.com/anthropics/anthropic-sdk-go"\nvar u = `https://api.anthropic.com/v1/files`\nvar m = `claude-fable-5`\nvar s = `https://api.anthropic.com/v1/skills `\n',
      ),
    ).toEqual([
      'files 3:9-3:45 `https://api.anthropic.com/v1/files`',
      'skills 5:9-5:47 `https://api.anthropic.com/v1/skills `',
    ]);
    expect(
      await sites(
        'python',
        'a.py',
        'import anthropic\nu = "https://api.anthropic.com/v1/files\\n"\nv = rb"https://api.anthropic.com/v1/skills"\n',
      ),
    ).toEqual([
      'files 2:5-2:43 "https://api.anthropic.com/v1/files\\n"',
      'skills 3:5-3:44 rb"https://api.anthropic.com/v1/skills"',
    ]);
  });
});

describe('docstrings and comparisons are not uses', () => {
  it('skips a string alone in a statement and strings compared', async () => {
    expect(
      await sites(
        'javascript',
        'a.js',
        [
          'import Anthropic from "@anthropic-ai/sdk";',
          '"https://api.anthropic.com/v1/files" /* c */;',
          '"https://api.anthropic.com/v1/files";',
          'if (u === "https://api.anthropic.com/v1/files") {}',
          'if (u == "https://api.anthropic.com/v1/skills") {}',
          'if (u != "https://api.anthropic.com/v1/tunnels") {}',
          'const w = u + "https://api.anthropic.com/v1/sessions";',
          'switch (u) { case "https://api.anthropic.com/v1/files": break; }',
          'const v = "https://api.anthropic.com/v1/files";',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'files 2:1-2:37 "https://api.anthropic.com/v1/files"',
      'managed-agents 7:15-7:54 "https://api.anthropic.com/v1/sessions"',
      'files 9:11-9:47 "https://api.anthropic.com/v1/files"',
    ]);
    expect(
      await sites(
        'python',
        'a.py',
        'import anthropic\ndef f():\n    """https://api.anthropic.com/v1/files"""\nif u == "https://api.anthropic.com/v1/skills":\n    pass\n',
      ),
    ).toEqual([]);
    // Python's `match` puts a case's string in a case_pattern: a comparison, not a request.
    expect(
      await sites(
        'python',
        'b.py',
        'import anthropic\nmatch u:\n    case "https://api.anthropic.com/v1/files":\n        pass\nv = "https://api.anthropic.com/v1/files"\n',
      ),
    ).toEqual(['files 5:5-5:41 "https://api.anthropic.com/v1/files"']);
  });
});

describe('the tool object a dynamic web tool type sits in', () => {
  it('reaches as far as the object, not past an array or a statement', async () => {
    const py = [
      'import anthropic',
      'c.messages.create(tools=[dict(type="web_search_20260209"), dict(allowed_callers=["direct"])])',
      'x = dict(type="web_fetch_20260209")',
      'y = dict(allowed_callers=["direct"])',
      'Tool(type="web_search_20260209").with_options(allowed_callers=["direct"])',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'web-dynamic-filtering 2:31-2:57 type="web_search_20260209"',
      'web-dynamic-filtering 3:10-3:35 type="web_fetch_20260209"',
    ]);
    const js =
      'import Anthropic from "@anthropic-ai/sdk";\ncreate({ type: "web_search_20260209" }, { allowed_callers: ["direct"] });\n';
    expect(await sites('javascript', 'a.js', js)).toEqual([
      'web-dynamic-filtering 2:10-2:37 type: "web_search_20260209"',
    ]);
    const rb = 'require "anthropic"\nTool.new(type: "web_search_20260209")\n';
    expect(await sites('ruby', 'a.rb', rb)).toEqual([
      'web-dynamic-filtering 2:10-2:37 type: "web_search_20260209"',
    ]);
  });

  it('looks a bounded number of levels up', async () => {
    const lines = ['import anthropic'];
    for (let n = 0; n < 7; n++)
      lines.push(
        `w(allowed_callers=["direct"], t=${'f('.repeat(n)}dict(type="web_search_20260209")${')'.repeat(n)})`,
      );
    expect(await sites('python', 'a.py', `${lines.join('\n')}\n`)).toEqual([
      'web-dynamic-filtering 5:44-5:70 type="web_search_20260209"',
      'web-dynamic-filtering 6:46-6:72 type="web_search_20260209"',
      'web-dynamic-filtering 7:48-7:74 type="web_search_20260209"',
      'web-dynamic-filtering 8:50-8:76 type="web_search_20260209"',
    ]);
  });
});

describe('typed web tools in builder chains', () => {
  it('reports a chain without direct callers only', async () => {
    const lines = [
      'import com.anthropic.client.AnthropicClient;',
      'class A {',
      '  Object a = WebSearchTool20260209.builder().allowedCallers(List.of(WebSearchTool20260209.AllowedCaller.DIRECT)).build();',
      '  Object b = WebSearchTool20260209.builder().build();',
    ];
    for (let n = 0; n < 14; n++)
      lines.push(
        `  Object c${n} = WebFetchTool20260209.builder()${'.x()'.repeat(n)}.allowedCallers(DIRECT).build();`,
      );
    lines.push('}', '');
    expect(await sites('java', 'A.java', lines.join('\n'))).toEqual([
      'web-dynamic-filtering 4:14-4:35 WebSearchTool20260209',
      'web-dynamic-filtering 16:16-16:36 WebFetchTool20260209',
      'web-dynamic-filtering 17:16-17:36 WebFetchTool20260209',
      'web-dynamic-filtering 18:16-18:36 WebFetchTool20260209',
    ]);
  });
});

describe('receivers bound to other objects', () => {
  it('skips a non-distinctive chain on an object built here', async () => {
    const js = [
      'import Anthropic from "@anthropic-ai/sdk";',
      'const a = new Anthropic();',
      'const s3 = new  S3Client({});',
      'const st = await  new Store();',
      'const made = Store();',
      'const spaced = Store ();',
      'const mod = lib.Store();',
      'const plain = make_client();',
      'const factory = Foo.make();',
      'const boto = boto3.client("s3");',
      'a.files.upload(x);',
      's3.files.upload(x);',
      'st.files.upload(x);',
      'made.files.upload(x);',
      'spaced.files.upload(x);',
      'mod.files.upload(x);',
      'plain.files.upload(x);',
      'factory.files.upload(x);',
      'boto.files.upload(x);',
      '',
    ];
    expect(await sites('javascript', 'a.js', js.join('\n'))).toEqual([
      'files 11:1-11:18 a.files.upload',
      'files 17:1-17:22 plain.files.upload',
      'files 18:1-18:24 factory.files.upload',
    ]);
    const rb =
      'require "anthropic"\nst = Store.new\nnw = Store.newest\nns = Box::Store.new\nst.files.upload(x)\nnw.files.upload(x)\nns.files.upload(x)\n';
    expect(await sites('ruby', 'a.rb', rb)).toEqual(['files 6:1-6:19 nw.files.upload']);
  });
});

describe('which files use the Claude API', () => {
  it('counts only files that import, require or construct the SDK, or name the API host', async () => {
    const call = 'c.beta.files.upload(x);\n';
    const found = async (first: string) => sites('javascript', 'a.js', `${first}\n${call}`);
    const reported = ['files 2:1-2:23 c.beta.files.upload'];
    expect(await found('const name = "anthropic";')).toEqual([]);
    expect(await found('const t = { type: "code_execution_20250825" };')).toEqual([]);
    expect(await found('const A = require ("@anthropic-ai/sdk");')).toEqual(reported);
    expect(await found('notrequire("anthropic");')).toEqual([]);
    expect(await found('requireAll("anthropic");')).toEqual([]);
    expect(await found('fetch("https://api.anthropic.com/v1/files");')).toEqual([
      'files 1:7-1:43 "https://api.anthropic.com/v1/files"',
    ]);
    expect(
      await sites('python', 'a.py', 'm = importlib.import_module("anthropic")\nc.beta.files.upload(x)\n'),
    ).toEqual(['files 2:1-2:23 c.beta.files.upload']);
  });

  it('skips a non-distinctive chain on an unknown receiver when another vendor is imported', async () => {
    const js =
      'import OpenAI from "openai";\nimport Anthropic from "@anthropic-ai/sdk";\nq.files.upload(x);\nq.beta.files.upload(x);\n';
    expect(await sites('javascript', 'a.js', js)).toEqual(['files 4:1-4:23 q.beta.files.upload']);
  });

  it('binds parameters and assignments, not comparisons', async () => {
    const ts = [
      'import Anthropic from "@anthropic-ai/sdk";',
      'import OpenAI from "openai";',
      'class A {',
      '  constructor(private client: OpenAI, other: Anthropic) {}',
      '  run() {',
      '    this.client.files.upload(x);',
      '    other.files.upload(x);',
      '  }',
      '}',
      'let q;',
      'q == new Store();',
      'q.files.upload(x);',
      '',
    ];
    expect(await sites('typescript', 'a.ts', ts.join('\n'))).toEqual(['files 7:5-7:26 other.files.upload']);
  });
});

describe('call chains', () => {
  it('reads chains through argument lists, generics and response wrappers, not bare collections', async () => {
    const py = [
      'import anthropic',
      'files.upload(x)',
      'c.beta.files.with_raw_response.upload(x)',
      'c.beta.files.with_raw_response.upload (x)',
      'c.with_options(timeout=httpx.Timeout(5)).beta.files.upload(x)',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'files 3:1-3:41 c.beta.files.with_raw_response.upload',
      'files 4:1-4:42 c.beta.files.with_raw_response.upload',
      'files 5:1-5:62 c.with_options(timeout=httpx.Timeout(5)).beta.files.upload',
    ]);
    const java = [
      'import com.anthropic.client.AnthropicClient;',
      'class A {',
      '  void f() {',
      '    client.beta().files().upload(p);',
      '    client.messages().batches().create(p);',
      '    client.beta().files().<T>upload(p);',
      '    client.beta()[0].files().upload(p);',
      '  }',
      '}',
      '',
    ];
    expect(await sites('java', 'A.java', java.join('\n'))).toEqual([
      'files 4:5-4:36 client.beta().files().upload',
      'batches 5:5-5:42 client.messages().batches().create',
      'files 6:5-6:39 client.beta().files().<T>upload',
      'files 7:5-7:39 client.beta()[0].files().upload',
    ]);
  });
});

describe('telemetry switches in the Agent SDK env', () => {
  it('takes 1, true, yes and on as on, with spaces, and nothing else', async () => {
    const ts = [
      'import { query } from "@anthropic-ai/claude-agent-sdk";',
      'query({ prompt: "x", options: { env: { ...process.env,',
      '  CLAUDE_CODE_ENABLE_TELEMETRY: " yes ",',
      '  OTEL_LOG_USER_PROMPTS: "on",',
      '  OTEL_LOG_TOOL_DETAILS: "10",',
      '  OTEL_LOG_TOOL_CONTENT: "yes please",',
      '} } });',
      '',
    ];
    expect(await sites('typescript', 'a.ts', ts.join('\n'))).toEqual([
      'agent-env-telemetry 3:3-3:40 CLAUDE_CODE_ENABLE_TELEMETRY: " yes " [CLAUDE_CODE_ENABLE_TELEMETRY]',
      'agent-env-telemetry 4:3-4:30 OTEL_LOG_USER_PROMPTS: "on" [OTEL_LOG_USER_PROMPTS]',
    ]);
  });
});
