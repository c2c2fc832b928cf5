// What one source file's analysis finds, site by site, where it depends on how the walk reads entries (single-value
// array elements, Ruby symbol keys, C# initialisers), which strings are comparisons, how far a tool object
// reaches, which nodes bind a receiver to a vendor (assignments and parameters, by their fields, not comparisons),
// which files count as using the Claude API, and which Agent SDK env values count as on.
import { describe, expect, it } from 'vitest';
import { sites } from './helpers/code-sites.js';

describe('entries read from array elements, symbol keys and initialisers', () => {
  it('takes a PHP array element with a value only for a value, not a key', async () => {
    const php = [
      '<?php',
      '$urls = ["https://api.anthropic.com/v1/files", "https://api.anthropic.com/v1/skills" => 1];',
      '',
    ];
    expect(await sites('php', 'a.php', php.join('\n'))).toEqual([
      'files 2:10-2:46 "https://api.anthropic.com/v1/files"',
    ]);
  });

  it('reads a Ruby symbol key without its colon', async () => {
    const rb = [
      'require "anthropic"',
      't = { :type => "code_execution_20250825" }',
      'u = { type: "code_execution_20250825" }',
      '',
    ];
    expect(await sites('ruby', 'a.rb', rb.join('\n'))).toEqual([
      'code-execution 2:7-2:41 :type => "code_execution_20250825"',
      'code-execution 3:7-3:38 type: "code_execution_20250825"',
    ]);
  });

  it('takes only assignments in a C# initialiser for members, not other expressions in it', async () => {
    const cs = [
      'using Anthropic;',
      'var p = new Params { Model = "claude-fable-5" };',
      'var urls = new List<string> { "https://api.anthropic.com/v1/files" + suffix };',
      'var q = new Params { type = "code_execution_20250825" };',
      'type = "code_execution_20250825";',
      '',
    ];
    expect(await sites('csharp', 'a.cs', cs.join('\n'))).toEqual([
      'covered-model 2:30-2:46 Model = "claude-fable-5"',
      'files 3:31-3:67 "https://api.anthropic.com/v1/files"',
      'code-execution 4:22-4:54 type = "code_execution_20250825"',
    ]);
  });
});

describe('strings compared, not sent', () => {
  it('skips a string compared or matched, not one beside a comparison', async () => {
    const js = [
      'import Anthropic from "@anthropic-ai/sdk";',
      'switch (u) { case "https://api.anthropic.com/v1/files": break; }',
      'fetch("https://api.anthropic.com/v1/skills", { keep: a === b });',
      'if (u !== "https://api.anthropic.com/v1/files") {}',
      '',
    ];
    expect(await sites('javascript', 'a.js', js.join('\n'))).toEqual([
      'skills 3:7-3:44 "https://api.anthropic.com/v1/skills"',
    ]);
    const py = [
      'import anthropic',
      'if u == "https://api.anthropic.com/v1/files": pass',
      'match u:',
      '    case "https://api.anthropic.com/v1/files":',
      '        pass',
      'v = ("https://api.anthropic.com/v1/skills", a == b)',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'skills 6:6-6:43 "https://api.anthropic.com/v1/skills"',
    ]);
  });

  it('skips strings in every kind of Python match pattern: alternatives, class keywords, nested, mapping keys', async () => {
    const py = [
      'import anthropic',
      'match u:',
      '    case "https://api.anthropic.com/v1/files" | "https://api.anthropic.com/v1/skills":',
      '        pass',
      '    case Request(url="https://api.anthropic.com/v1/files"):',
      '        pass',
      '    case ["https://api.anthropic.com/v1/files", *rest]:',
      '        pass',
      '    case "https://api.anthropic.com/v1/files" if x:',
      '        pass',
      '    case {"https://api.anthropic.com/v1/files": x}:',
      '        pass',
      'Request(url="https://api.anthropic.com/v1/files")',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'files 13:13-13:49 "https://api.anthropic.com/v1/files"',
    ]);
  });
});

describe('the tool object of a dynamic web tool, in Ruby', () => {
  it('stops at the array of tools, so a sibling tool does not lend its callers', async () => {
    const rb = [
      'require "anthropic"',
      'c.messages.create(tools: [Tool.new(type: "web_search_20260209"), Tool.new(allowed_callers: ["direct"])])',
      'c.messages.create(tools: [Tool.new(type: "web_fetch_20260209", allowed_callers: ["direct"])])',
      '',
    ];
    expect(await sites('ruby', 'a.rb', rb.join('\n'))).toEqual([
      'web-dynamic-filtering 2:36-2:63 type: "web_search_20260209"',
    ]);
  });
});

describe('receivers bound by assignments and parameters', () => {
  it('binds a Java or C# parameter by its name, to its type', async () => {
    const java = [
      'import com.anthropic.client.AnthropicClient;',
      'class A {',
      '  void f(OpenAIClient client, AnthropicClient mine) {',
      '    client.files().upload(p);',
      '    mine.files().upload(p);',
      '  }',
      '}',
      '',
    ];
    expect(await sites('java', 'A.java', java.join('\n'))).toEqual(['files 5:5-5:27 mine.files().upload']);
  });

  it('binds a TypeScript parameter property by its pattern, not its modifier', async () => {
    const ts = [
      'import Anthropic from "@anthropic-ai/sdk";',
      'class A {',
      '  constructor(private client: OpenAI) {}',
      '  run() {',
      '    this.client.files.upload(x);',
      '    other.files.upload(x);',
      '  }',
      '}',
      '',
    ];
    expect(await sites('typescript', 'a.ts', ts.join('\n'))).toEqual(['files 6:5-6:26 other.files.upload']);
  });

  it('binds a Python typed parameter, which has no name field', async () => {
    const py = [
      'import anthropic',
      'def f(client: OpenAI, mine):',
      '    client.files.upload(x)',
      '    mine.files.upload(x)',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual(['files 4:5-4:25 mine.files.upload']);
  });

  it('binds an annotated assignment to its value, not its annotation', async () => {
    // No import: constructing the client is what makes these files use the Claude API.
    const ts = 'const client: Client = new Anthropic();\nclient.beta.files.upload(x);\n';
    expect(await sites('typescript', 'a.ts', ts)).toEqual(['files 2:1-2:28 client.beta.files.upload']);
    const py = 'client: Client = Anthropic()\nclient.beta.files.upload(x)\n';
    expect(await sites('python', 'a.py', py)).toEqual(['files 2:1-2:28 client.beta.files.upload']);
  });

  it('does not bind the left side of a comparison', async () => {
    const js = [
      'import Anthropic from "@anthropic-ai/sdk";',
      'if (kind === OpenAI) {}',
      'kind.files.upload(x);',
      '',
    ];
    expect(await sites('javascript', 'a.js', js.join('\n'))).toEqual(['files 3:1-3:21 kind.files.upload']);
  });
});

describe('files that use the Claude API', () => {
  it('does not count an unrelated import, or the API host named in a comment only', async () => {
    const call = 'const t = { type: "code_execution_20250825" };\nc.beta.files.upload(x);\n';
    expect(await sites('javascript', 'a.js', `import fs from "node:fs";\n${call}`)).toEqual([]);
    expect(await sites('javascript', 'a.js', `// https://api.anthropic.com/v1/files\n${call}`)).toEqual([]);
    expect(await sites('javascript', 'a.js', `import Anthropic from "@anthropic-ai/sdk";\n${call}`)).toEqual([
      'code-execution 2:13-2:44 type: "code_execution_20250825"',
      'files 3:1-3:23 c.beta.files.upload',
    ]);
  });
});

describe('Agent SDK env values that count as on', () => {
  it('takes a whole word only: not 01, not anon', async () => {
    const ts = [
      'import { query } from "@anthropic-ai/claude-agent-sdk";',
      'query({ prompt: "x", options: { env: { ...process.env,',
      '  CLAUDE_CODE_ENABLE_TELEMETRY: "01",',
      '  OTEL_LOG_USER_PROMPTS: "anon",',
      '  OTEL_LOG_TOOL_DETAILS: "TRUE",',
      '} } });',
      '',
    ];
    expect(await sites('typescript', 'a.ts', ts.join('\n'))).toEqual([
      'agent-env-telemetry 5:3-5:32 OTEL_LOG_TOOL_DETAILS: "TRUE" [OTEL_LOG_TOOL_DETAILS]',
    ]);
  });
});

describe('docstrings are not uses', () => {
  it('skips a string alone in a statement, not one in a larger statement', async () => {
    const py = [
      'import anthropic',
      'def f():',
      '    """https://api.anthropic.com/v1/files"""',
      '    "https://api.anthropic.com/v1/skills", x',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'skills 4:5-4:42 "https://api.anthropic.com/v1/skills"',
    ]);
  });
});

describe('the tool object of a dynamic web tool, through calls', () => {
  it('reaches the whole builder statement in Python, and at most eight levels up', async () => {
    const py = [
      'import anthropic',
      'Tool(type="web_search_20260209").with_options(allowed_callers=["direct"])',
      'Tool(type="web_fetch_20260209")',
      'w(allowed_callers=["direct"], t=f(f(dict(type="web_search_20260209"))))',
      'w(allowed_callers=["direct"], t=g(k=f(dict(type="web_search_20260209"))))',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'web-dynamic-filtering 3:6-3:31 type="web_fetch_20260209"',
      'web-dynamic-filtering 5:44-5:70 type="web_search_20260209"',
    ]);
  });

  it('reads a typed Java tool through its builder chain', async () => {
    const java = [
      'import com.anthropic.client.AnthropicClient;',
      'class A {',
      '  Object a = WebSearchTool20260209.builder().allowedCallers(List.of(AllowedCaller.DIRECT)).build();',
      '  Object b = WebFetchTool20260209.builder().build();',
      '}',
      '',
    ];
    expect(await sites('java', 'A.java', java.join('\n'))).toEqual([
      'web-dynamic-filtering 4:14-4:34 WebFetchTool20260209',
    ]);
  });
});

describe('skills inside a request container', () => {
  it('finds a skills list in the container however it is built: a dict literal, dict() or a params class', async () => {
    const py = [
      'import anthropic',
      'client.beta.messages.create(container=dict(skills=[{"type": "anthropic", "skill_id": "pptx"}]))',
      'client.beta.messages.create(container=BetaContainerParams(skills=[x]))',
      'client.beta.messages.create(container={"skills": [x]})',
      'client.beta.messages.create(tools=[f(skills=[x])], container="c")',
      '',
    ];
    expect(await sites('python', 'a.py', py.join('\n'))).toEqual([
      'skills 2:44-2:94 container.skills',
      'skills 3:59-3:69 container.skills',
      'skills 4:40-4:53 container.skills',
    ]);
  });
});
