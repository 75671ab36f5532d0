// The mock itself must be able to fail a test: a body outside the OpenAPI schema and an unknown route
// are reported in `problems`.
import { API, mockGitHub, testOctokit } from './mock-github.js';

const mock = mockGitHub();
beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.server.close());
beforeEach(() => {
  mock.problems.length = 0;
  mock.requests.length = 0;
});

it('reports a request body outside the schema (wrong enum, misspelt field, > 50 annotations)', async () => {
  const octokit = testOctokit();
  await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: 'o',
    repo: 'r',
    name: 'n',
    head_sha: 's',
    conclusion: 'failed' as never,
    output: {
      title: 't',
      summary: 's',
      annotations: Array.from({ length: 51 }, () => ({
        path: 'a',
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure' as const,
        message: 'm',
      })),
    },
    colour: 'red',
  } as never);
  expect(mock.problems).toEqual([
    'checks/create: data must NOT have additional properties, data/conclusion must be equal to one of the allowed values, data/output/annotations must NOT have more than 50 items',
  ]);
});

it('reports an unhandled request', async () => {
  await expect(fetch(`${API}/repos/o/r/pulls/1/merge`, { method: 'PUT' })).rejects.toThrow();
  expect(mock.problems).toEqual([`unhandled PUT ${API}/repos/o/r/pulls/1/merge`]);
});
