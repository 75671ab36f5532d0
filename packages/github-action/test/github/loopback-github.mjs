// The mocked GitHub API (github-handlers.mjs) on 127.0.0.1, for the bundled Action, which runs as a child
// process that msw cannot reach in process: @mswjs/http-middleware serves the handlers, with
// GITHUB_API_URL pointing at it. Used by the e2e suite (test/action) and the benchmark (bench/action.mjs);
// typed by loopback-github.d.mts.
//
// ⚠ @mswjs/http-middleware 0.10.3 (its latest release) calls `handleRequest` from 'msw', which msw 3 no
// longer exports: the workspace pins msw 2.
import { createServer } from '@mswjs/http-middleware';
import { http, HttpResponse } from 'msw';
import { githubHandlers, githubState, requestLine } from './github-handlers.mjs';

export async function startLoopbackGitHub(options) {
  const state = githubState();
  const app = createServer(
    // Relative routes: the middleware resolves them against the server's own origin.
    ...githubHandlers('', options, state),
    // Last: a request no operation takes is a problem, answered as GitHub would.
    http.all('*', ({ request }) => {
      const url = new URL(request.url);
      state.problems.push(`unhandled ${request.method} ${url.pathname}${url.search}`);
      return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
  );
  const server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin,
    requests: state.requests,
    problems: state.problems,
    lines: () => state.requests.map(requestLine),
    of: (operation) => state.requests.filter((r) => r.operation === operation),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
