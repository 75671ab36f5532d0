// The in-process mock must be able to fail a test: a request no handler takes is reported in `problems`.
// (The handlers' own checks — bodies outside the OpenAPI schema, unknown query parameters, paging — are
// tested once, on loopback: test/action/harness.test.ts.)
import { API, mockGitHub } from './mock-github.js';

const mock = mockGitHub();
beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.server.close());

it('reports an unhandled request', async () => {
  await expect(fetch(`${API}/repos/o/r/pulls/1/merge`, { method: 'PUT' })).rejects.toThrow();
  expect(mock.problems).toEqual([`unhandled PUT ${API}/repos/o/r/pulls/1/merge`]);
});
