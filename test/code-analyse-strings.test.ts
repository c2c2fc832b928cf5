// How one source file's analysis reads the text of strings and symbols (escape sequences, Java text blocks, Ruby
// symbols), the callee of a call whose arguments are no argument list (or absent), and the receiver of a chain
// indexed through brackets or built by `boto3.client (…)`, site by site.
import { describe, expect, it } from 'vitest';
import { sites } from './helpers/code-sites.js';

describe('strings with escape sequences', () => {
  // Go and C# give a string only its escape sequences as children, Java's text blocks a fragment kind of their own:
  // the text is the whole string between its quotes, not the escapes alone.
  it('reads the whole text of a Go, C# or Java string that holds an escape', async () => {
    expect(
      await sites(
        'go',
        'a.go',
        'package a\nimport "github.com/anthropics/anthropic-sdk-go"\nvar u = "https://api.anthropic.com/v1/files\\n"\nvar v = "\\thttps://api.anthropic.com/v1/skills"\n',
      ),
    ).toEqual([
      'files 3:9-3:47 "https://api.anthropic.com/v1/files\\n"',
      'skills 4:9-4:48 "\\thttps://api.anthropic.com/v1/skills"',
    ]);
    expect(
      await sites(
        'csharp',
        'a.cs',
        'using Anthropic;\nvar u = "https://api.anthropic.com/v1/files\\n";\nvar p = new MessageCreateParams { Model = "claude-fable-5\\u0000" };\n',
      ),
    ).toEqual(['files 2:9-2:47 "https://api.anthropic.com/v1/files\\n"']);
    expect(
      await sites(
        'java',
        'A.java',
        'import com.anthropic.client.AnthropicClient;\nclass A {\n  String t = """\n    https://api.anthropic.com/v1/skills\\t""";\n  String u = "https://api.anthropic.com/v1/files\\n";\n}\n',
      ),
    ).toEqual([
      'skills 3:14-3:58 """ https://api.anthropic.com/v1/skills\\t"""',
      'files 5:14-5:52 "https://api.anthropic.com/v1/files\\n"',
    ]);
  });

  it('joins the pieces of a PHP string around an escape without adding to them', async () => {
    expect(
      await sites(
        'php',
        'a.php',
        '<?php\nuse Anthropic\\Client;\n$u = "https://api.anthropic.com/v1/files\\n";\n$m = ["model" => "claude-\\x66able-5"];\n',
      ),
    ).toEqual(['files 3:6-3:44 "https://api.anthropic.com/v1/files\\n"']);
  });

  it('joins the pieces around an interpolation when the string also holds an escape', async () => {
    expect(
      await sites(
        'javascript',
        'a.js',
        'const base = "https://api.anthropic.com";\nfetch(`${base}/v1/files?name=caf\\u00e9`);\n',
      ),
    ).toEqual(['files 2:7-2:40 `${base}/v1/files?name=caf\\u00e9`']);
  });
});

describe('string prefixes and suffixes', () => {
  it('reads a C# UTF-8 literal ("…"u8) as its text', async () => {
    expect(
      await sites(
        'csharp',
        'a.cs',
        'using Anthropic;\nvar u = "https://api.anthropic.com/v1/files"u8;\nvar r = """\n  https://api.anthropic.com/v1/skills\n  """u8;\n',
      ),
    ).toEqual([
      'files 2:9-2:47 "https://api.anthropic.com/v1/files"u8',
      'skills 3:9-3:54 """ https://api.anthropic.com/v1/skills """u8',
    ]);
  });

  it('reads an empty Ruby %q"" string as empty, like ""', async () => {
    const rb = [
      'require "claude_agent_sdk"',
      'ClaudeAgentSDK.query(prompt: "hi", options: ClaudeAgentSDK::ClaudeAgentOptions.new(setting_sources: [%q"user", %q""]))',
      'ClaudeAgentSDK.query(prompt: "hi", options: ClaudeAgentSDK::ClaudeAgentOptions.new(setting_sources: ["user", ""]))',
      '',
    ].join('\n');
    expect(await sites('ruby', 'a.rb', rb)).toEqual([
      'agent-setting-sources 2:84-2:117 setting_sources: [%q"user", %q""] [user, ]',
      'agent-setting-sources 3:84-3:113 setting_sources: ["user", ""] [user, ]',
    ]);
  });
});

describe('Ruby symbols as tool types and model ids', () => {
  // The Ruby SDK's enum values are symbols: `type: :code_execution_20250825`, `model: :"claude-fable-5"`.
  it('reads a simple or quoted symbol as the value it names', async () => {
    const rb = [
      'require "anthropic"',
      'client.messages.create(',
      '  model: :"claude-fable-5",',
      '  tools: [',
      '    {type: :code_execution_20250825, name: :code_execution},',
      '    {type: :web_fetch_20260209, name: :web_fetch},',
      '    {type: :web_search_20260209, allowed_callers: [:direct]},',
      '    {type: :"web_search_20260318", allowed_callers: [:"direct"]},',
      '    {type: :text, name: :code_execution_20250825},',
      "    {type: :'code_execution_20260120'},",
      '    {type: code_execution_20250825, model: claude_fable_5}',
      '  ],',
      '  request_options: {extra_headers: {:"anthropic-dangerous-direct-browser-access" => "true"}}',
      ')',
      '',
    ].join('\n');
    expect(await sites('ruby', 'a.rb', rb)).toEqual([
      'covered-model 3:10-3:27 model: :"claude-fable-5"',
      'code-execution 5:6-5:36 type: :code_execution_20250825',
      'web-dynamic-filtering 6:6-6:31 type: :web_fetch_20260209',
      "code-execution 10:6-10:38 type: :'code_execution_20260120'",
      'browser-access 13:37-13:91 :"anthropic-dangerous-direct-browser-access" => "true"',
    ]);
  });
});

describe('the callee of a call', () => {
  it('ends at a Python generator argument, which is no argument list', async () => {
    expect(
      await sites('python', 'a.py', 'import anthropic\nclient.beta.files.upload(f for f in fs)\n'),
    ).toEqual(['files 2:1-2:40 client.beta.files.upload']);
  });

  it('is the whole Ruby call when it has no arguments', async () => {
    expect(await sites('ruby', 'a.rb', 'require "anthropic"\nclient.beta.files.upload\n')).toEqual([
      'files 2:1-2:25 client.beta.files.upload',
    ]);
  });
});

describe('receivers bound to another vendor or object', () => {
  it('drops what an index holds, calls inside it included, from the receiver', async () => {
    const py = [
      'import anthropic',
      'from mistralai import Mistral',
      'pool = [Mistral(api_key=k) for k in keys]',
      'pool[hash(user) % len(pool)].beta.agents.create(model="m")',
      'c = anthropic.Anthropic()',
      'c.beta.agents.create(model="m")',
      '',
    ].join('\n');
    expect(await sites('python', 'a.py', py)).toEqual(['managed-agents 6:1-6:32 c.beta.agents.create']);
  });

  it('takes `boto3.client (…)` with a space before its arguments for another object', async () => {
    const py =
      'import anthropic\ns3 = boto3.client ("s3")\nq = make()\ns3.files.upload(x)\nq.files.upload(x)\n';
    expect(await sites('python', 'a.py', py)).toEqual(['files 5:1-5:18 q.files.upload']);
  });
});
