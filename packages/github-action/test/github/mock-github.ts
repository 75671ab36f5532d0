/**
 * A mocked GitHub REST API (msw, in process) for the operations in test/fixtures/github-openapi.json.
 * Every request body is validated against the operation's schema from the real OpenAPI description
 * (with objects closed, so a misspelt field fails too), every request is recorded, and any request the
 * handlers do not know is an error (`onUnhandledRequest: 'error'`; msw 3 renamed it `onUnhandledFrame`;
 * the workspace pins msw 2 for @mswjs/http-middleware). `problems` must be empty at the end of each test.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOctokit } from '../../src/github/octokit.js';
import type { RunContext } from '../../src/types.js';
import { OPERATIONS, bodyProblems } from '../github-openapi.js';

export const API = 'https://api.github.test';

export interface RecordedRequest {
  operation: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a recorded request; the default answers every operation with 2xx and a minimal body. */
export type Responder = (request: RecordedRequest, count: number) => Reply | undefined;

let nextId = 1000;
function defaultReply(request: RecordedRequest): Reply {
  switch (request.operation) {
    case 'checks/create':
      return { status: 201, body: { id: 42 } };
    case 'checks/update':
      return { status: 200, body: { id: 42 } };
    case 'pulls/create-review':
      return { status: 200, body: { id: 7 } };
    case 'issues/create-comment':
      return { status: 201, body: { id: nextId++ } };
    case 'issues/update-comment':
      return { status: 200, body: { id: Number(request.path.split('/').pop()) } };
    default:
      return { status: 200, body: [] };
  }
}

export function mockGitHub() {
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  let responder: Responder = () => undefined;

  const handlers = Object.entries(OPERATIONS).map(([id, op]) => {
    const route = `${API}${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
    const method = op.method.toLowerCase() as 'get' | 'post' | 'patch';
    return http[method](route, async ({ request }) => {
      const url = new URL(request.url);
      const recorded: RecordedRequest = {
        operation: id,
        method: op.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      };
      for (const name of Object.keys(recorded.query)) {
        if (!op.query.includes(name)) problems.push(`${id}: unknown query parameter ${name}`);
      }
      if (op.requestBody) {
        recorded.body = await request.json();
        problems.push(...bodyProblems(id, recorded.body));
      } else if (request.body) {
        const text = await request.text();
        if (text) problems.push(`${id}: unexpected body ${text}`);
      }
      requests.push(recorded);
      const count = requests.filter((r) => r.operation === id).length;
      const reply = responder(recorded, count) ?? defaultReply(recorded);
      return HttpResponse.json(reply.body ?? null, {
        status: reply.status ?? 200,
        headers: reply.headers ?? {},
      });
    });
  });

  const server = setupServer(...handlers);
  server.events.on('request:unhandled', ({ request }) => {
    problems.push(`unhandled ${request.method} ${request.url}`);
  });

  return {
    server,
    requests,
    problems,
    respond(next: Responder) {
      responder = next;
    },
    /** `METHOD /path?query` lines with bodies, in order: what the exact-sequence assertions compare. */
    sequence() {
      return requests.map((r) => {
        const query = new URLSearchParams(r.query).toString();
        return {
          request: `${r.method} ${r.path}${query ? `?${query}` : ''}`,
          ...(r.body === undefined ? {} : { body: r.body }),
        };
      });
    },
  };
}

export function testOctokit(log: string[] = []) {
  return createOctokit({
    token: 'test-token',
    apiUrl: API,
    throttle: { waits: false },
    log: (m) => log.push(m),
  });
}

export const pullRequestContext: RunContext = {
  eventName: 'pull_request',
  owner: 'octo-org',
  repo: 'manifests',
  sha: 'merge0000000000000000000000000000000000000',
  workspace: '/home/runner/work/manifests/manifests',
  serverUrl: 'https://github.com',
  apiUrl: API,
  pullRequest: {
    number: 12,
    headSha: 'head1111111111111111111111111111111111111',
    baseSha: 'base2222222222222222222222222222222222222',
    baseRef: 'main',
    fromFork: false,
  },
};

export const pushContext: RunContext = {
  eventName: 'push',
  owner: 'octo-org',
  repo: 'manifests',
  sha: 'push3333333333333333333333333333333333333',
  workspace: '/home/runner/work/manifests/manifests',
  serverUrl: 'https://github.com',
  apiUrl: API,
};
