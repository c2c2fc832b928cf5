// The slice of the GitHub REST API the action's pull request comment uses, served from 127.0.0.1 with the comments
// kept in memory: list an issue's comments (paginated with a Link header, as GitHub does), create one, update one.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export type Operation = 'list' | 'create' | 'update' | 'user' | 'contents';

export interface FakeGitHub {
  url: string;
  /** Comments per issue number. */
  comments: Map<number, StoredComment[]>;
  requests: RecordedRequest[];
  /** Answer this operation with this status (e.g. 403, as a fork's read-only token gets). */
  failures: Partial<Record<Operation, number>>;
  addComment(issue: number, body: string, login?: string): StoredComment;
  /** Files the contents API serves, keyed `owner/repo/path@ref`. */
  files: Map<string, string>;
  /** The login GET /user answers with; undefined answers 403, as it does for a GITHUB_TOKEN. */
  viewer: string | undefined;
  close(): Promise<void>;
}

/** GitHub's limit on a comment body. */
export const MAX_BODY = 65_536;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeGitHub(owner: string, repo: string): Promise<FakeGitHub> {
  const comments = new Map<number, StoredComment[]>();
  const requests: RecordedRequest[] = [];
  const failures: FakeGitHub['failures'] = {};
  const files = new Map<string, string>();
  let nextId = 1000;
  const base = `/repos/${owner}/${repo}`;

  const addComment = (issue: number, body: string, login = 'github-actions[bot]'): StoredComment => {
    const comment = { id: nextId++, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } };
    comments.set(issue, [...(comments.get(issue) ?? []), comment]);
    return comment;
  };

  const fail = (response: ServerResponse, operation: Operation): boolean => {
    const status = failures[operation];
    if (status === undefined) return false;
    send(response, status, {
      message: status === 403 ? 'Resource not accessible by integration' : 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    });
    return true;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname + url.search, authorization: request.headers.authorization });
    const body = await readBody(request);

    if (url.pathname === '/user' && method === 'GET') {
      if (fail(response, 'user')) return;
      if (fake.viewer === undefined) {
        send(response, 403, { message: 'Resource not accessible by integration' });
      } else {
        send(response, 200, { login: fake.viewer, type: 'User' });
      }
      return;
    }
    const contents = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (contents && method === 'GET') {
      if (fail(response, 'contents')) return;
      const key = `${contents[1]}/${contents[2]}/${decodeURIComponent(contents[3]!)}@${url.searchParams.get('ref') ?? ''}`;
      const text = files.get(key);
      if (text === undefined) send(response, 404, { message: 'Not Found' });
      else {
        response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
        response.end(text);
      }
      return;
    }
    const list = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(url.pathname);
    if (list && method === 'GET') {
      if (fail(response, 'list')) return;
      const all = comments.get(Number(list[1])) ?? [];
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url);
        next.host = request.headers.host ?? next.host;
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      send(response, 200, all.slice((page - 1) * perPage, page * perPage), headers);
      return;
    }
    if (list && method === 'POST') {
      if (fail(response, 'create')) return;
      const text = String(JSON.parse(body).body ?? '');
      if (text.length > MAX_BODY) {
        send(response, 422, { message: 'Body is too long (maximum is 65536 characters)' });
        return;
      }
      send(response, 201, addComment(Number(list[1]), text));
      return;
    }
    const one = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (one && method === 'PATCH') {
      if (fail(response, 'update')) return;
      const text = String(JSON.parse(body).body ?? '');
      const comment = [...comments.values()].flat().find((c) => c.id === Number(one[1]));
      if (comment === undefined) {
        send(response, 404, { message: 'Not Found' });
        return;
      }
      if (text.length > MAX_BODY) {
        send(response, 422, { message: 'Body is too long (maximum is 65536 characters)' });
        return;
      }
      comment.body = text;
      send(response, 200, comment);
      return;
    }
    send(response, 404, { message: 'Not Found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    comments,
    requests,
    failures,
    files,
    viewer: undefined,
    addComment,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}
