/* global URLSearchParams */
// GitHub's REST API as msw handlers, one per operation of the OpenAPI fixture (test/fixtures/github-openapi.json):
// the one mocked GitHub of every test. The package's tests serve them in process (mock-github.ts,
// msw's setupServer); the bundled Action, a child process, reaches them on loopback (loopback-github.mjs),
// in the e2e suite (test/action) and the benchmark (bench/action.mjs). Plain ES module, typed by
// github-handlers.d.mts, so that the benchmark (plain node) runs it too.
//
// Every request is recorded (operation, method, path, query, body, answered status, arrival time); a query
// parameter the operation does not declare, a body the validator rejects and a request no handler takes
// are problems: `problems` must be empty at the end of a test.
import { http, HttpResponse } from 'msw';

export const CHECK_RUN_ID = 4242;
export const REVIEW_ID = 80;
export const NEW_COMMENT_ID = 9001;

export const FORBIDDEN = {
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest',
    status: '403',
  },
};

/** GitHub's page size when a listing does not ask for one. */
const PAGE_SIZE = 30;

/** A fresh record of requests and problems; `at` times count from now. */
export function githubState() {
  return { requests: [], problems: [], started: Date.now() };
}

/** `METHOD /path?query` of a recorded request. */
export function requestLine(request) {
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

/** One page of a listing, with GitHub's `Link` header when more pages follow. */
function page(url, items) {
  const perPage = Number(url.searchParams.get('per_page') ?? PAGE_SIZE);
  const number = Number(url.searchParams.get('page') ?? 1);
  const body = items.slice((number - 1) * perPage, number * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  if (number >= last) return { body };
  const link = (p) => {
    const next = new URL(url);
    next.searchParams.set('page', String(p));
    return next.toString();
  };
  return { body, headers: { link: `<${link(number + 1)}>; rel="next", <${link(last)}>; rel="last"` } };
}

function defaultReply(request, url, options) {
  switch (request.operation) {
    case 'pulls/list-files':
      return page(url, options.files ?? []);
    case 'pulls/list-review-comments':
      return page(url, options.reviewComments ?? []);
    case 'issues/list-comments':
      return page(url, options.issueComments ?? []);
    case 'checks/create':
      return { status: 201, body: { id: CHECK_RUN_ID, status: 'completed' } };
    case 'checks/update':
      return { status: 200, body: { id: CHECK_RUN_ID, status: 'completed' } };
    case 'pulls/create-review':
      return { status: 200, body: { id: REVIEW_ID, state: 'COMMENTED' } };
    case 'issues/create-comment':
      return { status: 201, body: { id: NEW_COMMENT_ID, body: request.body.body } };
    case 'issues/update-comment':
      return { status: 200, body: { id: Number(request.path.split('/').pop()), body: request.body.body } };
    default:
      return { status: 500, body: { message: `no default answer for ${request.operation}` } };
  }
}

/**
 * msw handlers for every operation, on `origin`, recording into `state`. `options` is read at each
 * request: a test may change its `respond` between requests.
 */
export function githubHandlers(origin, options, state) {
  return Object.entries(options.operations).map(([id, op]) => {
    const route = `${origin}${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
    return http[op.method.toLowerCase()](route, async ({ request }) => {
      const url = new URL(request.url);
      const recorded = {
        operation: id,
        method: op.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: 0,
        at: Date.now() - state.started,
      };
      for (const name of Object.keys(recorded.query)) {
        if (!op.query.includes(name)) state.problems.push(`${id}: unknown query parameter ${name}`);
      }
      const text = await request.text();
      if (op.requestBody) {
        try {
          recorded.body = JSON.parse(text);
          state.problems.push(...(options.validate?.(id, recorded.body) ?? []));
        } catch {
          state.problems.push(`${id}: the body is not JSON: ${text.slice(0, 200)}`);
        }
      } else if (text !== '') {
        state.problems.push(`${id}: unexpected body ${text.slice(0, 200)}`);
      }
      state.requests.push(recorded);
      const count = state.requests.filter((r) => r.operation === id).length;
      const reply = options.respond?.(recorded, count) ?? defaultReply(recorded, url, options);
      recorded.status = reply.status ?? 200;
      return HttpResponse.json(reply.body ?? null, { status: recorded.status, headers: reply.headers ?? {} });
    });
  });
}
