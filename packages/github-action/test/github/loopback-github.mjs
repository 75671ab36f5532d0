/* global Headers, Request, Response */
// The mocked GitHub API (github-handlers.mjs) on 127.0.0.1, for the bundled Action, which runs as a child
// process that msw cannot reach in process: a node:http server hands each request to msw's `getResponse`,
// with GITHUB_API_URL pointing at it. Used by the e2e suite (test/action) and the benchmark
// (bench/action.mjs); typed by loopback-github.d.mts.
import { createServer } from 'node:http';
import { getResponse } from 'msw';
import { githubHandlers, githubState, requestLine } from './github-handlers.mjs';

/** The body of a node request, whole. */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A node request as a fetch Request, for msw. */
async function toRequest(req, origin) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value].flat()) if (one !== undefined) headers.append(name, one);
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  return new Request(`${origin}${req.url}`, { method: req.method, headers, body });
}

async function send(res, response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startLoopbackGitHub(options) {
  const state = githubState();
  let handlers = [];
  let origin = '';
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(async (request) => {
        const response = await getResponse(handlers, request);
        if (response) return send(res, response);
        state.problems.push(`unhandled ${req.method} ${req.url}`);
        return send(res, Response.json({ message: 'Not Found' }, { status: 404 }));
      })
      // A handler that throws is a problem too, never a hung request.
      .catch((error) => {
        state.problems.push(`${req.method} ${req.url}: ${error.message}`);
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: error.message }));
      });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The handlers' routes need the origin, known once the server listens.
  origin = `http://127.0.0.1:${server.address().port}`;
  handlers = githubHandlers(origin, options, state);
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
