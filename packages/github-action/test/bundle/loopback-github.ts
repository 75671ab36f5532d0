import { createServer, type Server } from 'node:http';
import { OPERATIONS, bodyProblems } from '../github-openapi.js';

const routes = Object.entries(OPERATIONS).map(([id, op]) => ({
  id,
  method: op.method,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  query: new Set(op.query),
}));

export interface LoopbackRequest {
  operation: string;
  method: string;
  path: string;
  body?: unknown;
}

/**
 * A GitHub REST API on 127.0.0.1 for the bundled Action (a child process, which msw cannot reach): every
 * request must be one of the fixture's operations with a schema-valid body, or it is a recorded problem.
 */
export async function startLoopbackGitHub(
  reply: (request: LoopbackRequest) => { status: number; body: unknown },
) {
  const requests: LoopbackRequest[] = [];
  const problems: string[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      const body = text === '' ? undefined : (JSON.parse(text) as unknown);
      if (!route) {
        problems.push(`unhandled ${req.method} ${url.pathname}`);
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
        return;
      }
      for (const name of url.searchParams.keys())
        if (!route.query.has(name)) problems.push(`${route.id}: unknown query ${name}`);
      problems.push(...bodyProblems(route.id, body));
      const request: LoopbackRequest = {
        operation: route.id,
        method: req.method!,
        path: url.pathname,
        ...(body !== undefined && { body }),
      };
      requests.push(request);
      const answer = reply(request);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    problems,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
