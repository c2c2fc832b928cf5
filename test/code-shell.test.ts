// Which shell commands count as a Claude API request that uses a feature ZDR does not cover: the client (curl,
// wget, httpie, xh), how the arguments are quoted, what makes a request send data, and where the feature is named
// (path, beta header, body). Each case asserts the whole analysis of a script, or every site it yields.
import { describe, expect, it } from 'vitest';
import type { CodeAnalysis } from '../src/parse/code/analyse.js';
import { parserFor } from '../src/parse/code/grammars.js';
import { analyseShellTree } from '../src/parse/code/shell.js';

async function analyse(script: string): Promise<CodeAnalysis> {
  const parser = await parserFor('bash');
  const tree = parser.parse(script)!;
  try {
    return analyseShellTree(tree);
  } finally {
    tree.delete();
    parser.delete();
  }
}

/** Each site as `kind@offset what`. */
async function sites(script: string): Promise<string[]> {
  return (await analyse(script)).sites.map((s) => `${s.kind}@${s.offset} ${s.what}`);
}

const VERSION = "-H 'anthropic-version: 2023-06-01'";
const API = 'https://api.anthropic.com';
/** How a site shows its command: the first line, cut to 77 characters and an ellipsis past 80. */
const shown = (cmd: string): string => (cmd.length > 80 ? `${cmd.slice(0, 77)}…` : cmd);

describe('shell: the whole analysis of a script', () => {
  it('reports each feature of a request at its command, keeps comments, and says the API is used', async () => {
    const script = [
      '# upload, then batch',
      `/usr/bin/curl ${VERSION} -H 'anthropic-beta: files-api-2025-04-14' -F file=@a.pdf ${API}/v1/files`,
      'echo done',
    ].join('\n');
    const line = script.split('\n')[1]!;
    expect(await analyse(script)).toEqual({
      sites: [{ kind: 'files', offset: 21, length: line.length, what: `${line.slice(0, 77)}…` }],
      comments: [{ offset: 0, text: '# upload, then batch' }],
      usesApi: true,
      usesAgentSdk: false,
    });
  });

  it('finds nothing in a script with no request: no site, and the API is not used', async () => {
    expect(await analyse(`echo ${API}/v1/files -d x\ncurl ${API}/v1/files\n`)).toEqual({
      sites: [],
      comments: [],
      usesApi: false,
      usesAgentSdk: false,
    });
  });

  it('shows a command of exactly 80 characters whole, and a longer one cut to 77 and an ellipsis', async () => {
    const base = 'curl -d x -H anthropic-version:1 api.anthropic.com/v1/files';
    const exact = `${base} ${'x'.repeat(79 - base.length)}`;
    expect(exact.length).toBe(80);
    expect(await sites(exact)).toEqual([`files@0 ${exact}`]);
    const longer = `${exact}y`;
    expect(await sites(longer)).toEqual([`files@0 ${longer.slice(0, 77)}…`]);
  });

  it('names a multi-line command by its first line', async () => {
    expect(await sites(`curl -X POST \\\n  ${API}/v1/skills ${VERSION}`)).toEqual([
      'skills@0 curl -X POST \\',
    ]);
  });
});

describe('shell: which commands are requests to the Claude API', () => {
  it('counts only an HTTP client whose arguments name the API host or an anthropic header', async () => {
    expect(await sites(`echo -X POST ${API}/v1/files`)).toEqual([]);
    expect(await sites(`printf -d '{"model":"claude-fable-5"}' ${API}/v1/messages`)).toEqual([]);
    // Another vendor's endpoint: the same body is not a Claude request.
    expect(await sites(`curl -d '{"model":"claude-fable-5"}' https://example.com/v1/messages`)).toEqual([]);
    expect(
      await sites(`curl -H 'x-anthropic-version: 1' -d '{"model":"claude-fable-5"}' https://e.com`),
    ).toEqual([]);
  });

  it('knows the anthropic headers with blanks before the colon, or none after it', async () => {
    const body = `-d '{"model":"claude-fable-5"}' "$BASE/v1/messages"`;
    expect(await sites(`curl -H 'anthropic-version : 2023-06-01' ${body}`)).toEqual([
      `covered-model@0 ${shown(`curl -H 'anthropic-version : 2023-06-01' ${body}`)}`,
    ]);
    expect(await sites(`curl -H 'anthropic-version:2023-06-01' ${body}`)).toEqual([
      `covered-model@0 ${shown(`curl -H 'anthropic-version:2023-06-01' ${body}`)}`,
    ]);
    const beta = `curl -H 'anthropic-beta : files-api-2025-04-14' -F f=@a "$BASE/v1/files"`;
    expect(await sites(beta)).toEqual([`files@0 ${shown(beta)}`]);
  });

  it('reads a header however it is quoted: single, ANSI-C, or a quoted piece joined to a word', async () => {
    const single = `curl -H 'anthropic-beta: files-api-2025-04-14' -F f=@a "$B/v1/files"`;
    expect(await sites(single)).toEqual([`files@0 ${shown(single)}`]);
    const ansi = `curl -H $'anthropic-beta: files-api-2025-04-14' -F f=@a "$B/v1/files"`;
    expect(await sites(ansi)).toEqual([`files@0 ${shown(ansi)}`]);
    const joined = `curl -H 'anthropic-beta: 'files-api-2025-04-14 -F f=@a "$B/v1/files"`;
    expect(await sites(joined)).toEqual([`files@0 ${shown(joined)}`]);
  });
});

describe('shell: what makes a request send data', () => {
  it('a GET keeps nothing: no site', async () => {
    expect(await sites(`curl ${VERSION} ${API}/v1/files`)).toEqual([]);
    expect(await sites(`curl -X GET ${VERSION} ${API}/v1/files`)).toEqual([]);
    // -o names the output file: a file called POST is not a method.
    expect(await sites(`curl -o POST ${VERSION} ${API}/v1/files`)).toEqual([]);
    expect(await sites(`curl ${VERSION} ${API}/v1/files -X`)).toEqual([]);
    // A header that mentions a method flag, or a method that is not POST/PUT/PATCH.
    expect(await sites(`curl -H 'X-Note: --request=POST' ${VERSION} ${API}/v1/files`)).toEqual([]);
    expect(await sites(`curl --request=POSTS ${VERSION} ${API}/v1/files`)).toEqual([]);
  });

  it('-X, --request and --method with POST, PUT or PATCH send, as a separate word or after =', async () => {
    for (const method of ['-X POST', '--request PUT', '--method PATCH', '--request=POST', '--method=PUT']) {
      const cmd = `curl ${method} ${VERSION} ${API}/v1/files`;
      expect(await sites(cmd)).toEqual([`files@0 ${shown(cmd)}`]);
    }
  });

  it('httpie and xh send with a method word or a data item; a GET with a query string does not', async () => {
    for (const client of ['http', 'https', 'xh', 'xhs']) {
      const post = `${client} POST ${API}/v1/messages/batches anthropic-version:2023-06-01`;
      expect(await sites(post)).toEqual([`batches@0 ${shown(post)}`]);
      const item = `${client} ${API}/v1/messages/batches anthropic-version:2023-06-01 name=x`;
      expect(await sites(item)).toEqual([`batches@0 ${shown(item)}`]);
    }
    expect(await sites(`http ${API}/v1/files anthropic-version:2023-06-01 f@a.pdf`)).toEqual([
      `files@0 ${shown(`http ${API}/v1/files anthropic-version:2023-06-01 f@a.pdf`)}`,
    ]);
    expect(await sites(`http ${API}/v1/files anthropic-version:2023-06-01 n:=1`)).toEqual([
      `files@0 ${shown(`http ${API}/v1/files anthropic-version:2023-06-01 n:=1`)}`,
    ]);
    expect(await sites(`http GET '${API}/v1/files?limit=1' anthropic-version:2023-06-01`)).toEqual([]);
    // curl has no data items: a word with = is not a body.
    expect(await sites(`curl ${API}/v1/files ${VERSION} name=x`)).toEqual([]);
  });
});

describe('shell: where a request names a feature', () => {
  it('reads the body after -d, or after --data= even when it spans lines', async () => {
    const next = `curl ${VERSION} -d '{"model":"claude-fable-5"}' ${API}/v1/messages`;
    expect(await sites(next)).toEqual([`covered-model@0 ${shown(next)}`]);
    const first = `curl -d '{"model":"claude-fable-5"}' ${VERSION} ${API}/v1/messages`;
    expect(await sites(first)).toEqual([`covered-model@0 ${shown(first)}`]);
    const inline = `curl ${VERSION} --data='{"model":"claude-fable-5"}' ${API}/v1/messages`;
    expect(await sites(inline)).toEqual([`covered-model@0 ${shown(inline)}`]);
    const short = `curl ${VERSION} -d='{"model":"claude-fable-5"}' ${API}/v1/messages`;
    expect(await sites(short)).toEqual([`covered-model@0 ${shown(short)}`]);
    const lines = `curl ${VERSION} --data='{\n"model":"claude-fable-5"}' ${API}/v1/messages`;
    expect(await sites(lines)).toEqual([`covered-model@0 curl ${VERSION} --data='{`]);
    // The body is the word after the flag, not the one before it.
    const before = `curl '{"model":"claude-fable-5"}' -d x ${VERSION} ${API}/v1/messages`;
    expect(await sites(before)).toEqual([]);
  });

  it('takes the path only from the URL and the beta feature only from an anthropic-beta header', async () => {
    const cmd = `curl ${VERSION} -d '{"model":"claude-fable-5","note":"/v1/files x-anthropic-beta: files-api-2025-04-14 code-execution-2025-05-22"}' ${API}/v1/messages`;
    expect(await sites(cmd)).toEqual([`covered-model@0 ${shown(cmd)}`]);
    const beta = `curl ${VERSION} -H 'anthropic-beta: code-execution-2025-05-22' -d x ${API}/v1/messages`;
    expect(await sites(beta)).toEqual([`code-execution@0 ${shown(beta)}`]);
  });

  it('counts skills in a body only inside a container', async () => {
    const bare = `curl ${VERSION} -d '{"skills": []}' ${API}/v1/messages`;
    expect(await sites(bare)).toEqual([]);
    const inContainer = `curl ${VERSION} -d '{"container": {"skills": []}}' ${API}/v1/messages`;
    expect(await sites(inContainer)).toEqual([`skills@0 ${shown(inContainer)}`]);
    const spaced = `curl ${VERSION} -d '{"container" : {"skills": []}}' ${API}/v1/messages`;
    expect(await sites(spaced)).toEqual([`skills@0 ${shown(spaced)}`]);
  });

  it('reports each feature of a body once, in the order of the body markers', async () => {
    const cmd = `curl ${VERSION} -d '{"model":"claude-fable-5","tools":[{"type":"code_execution_20250825"}]}' ${API}/v1/messages`;
    expect(await sites(cmd)).toEqual([`code-execution@0 ${shown(cmd)}`, `covered-model@0 ${shown(cmd)}`]);
  });
});
