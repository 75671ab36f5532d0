// The suite's own machinery must be able to fail a scenario: a request body outside GitHub's OpenAPI
// schema, an unknown query parameter and an unknown route are problems; listings are paged as GitHub
// pages them; the inputs given to the bundle are action.yml's.
import * as msw from 'msw';
import { readActionYml, TOKEN } from './support/run-bundle.js';
import { startMockGitHub, type MockGitHub } from './support/mock-github.js';

let github: MockGitHub;

const post = (path: string, body: unknown) =>
  fetch(`${github.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the mocked GitHub API', () => {
  afterEach(() => github.close());

  it('records a valid request and answers it', async () => {
    github = await startMockGitHub();
    const body = { name: 'Shiftdown', head_sha: 'abc', output: { title: 't', summary: 's' } };
    const response = await post('/repos/o/r/check-runs', body);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 4242, status: 'completed' });
    expect(github.requests).toEqual([
      {
        operation: 'checks/create',
        method: 'POST',
        path: '/repos/o/r/check-runs',
        query: {},
        body,
        status: 201,
        at: expect.any(Number),
      },
    ]);
    expect(github.problems).toEqual([]);
  });

  it('reports a body outside the schema, an unknown query parameter and an unknown route', async () => {
    github = await startMockGitHub();
    await post('/repos/o/r/check-runs?colour=red', {
      name: 'Shiftdown',
      head_sha: 'abc',
      conclusion: 'failed',
      output: {
        title: 't',
        summary: 's',
        annotations: Array.from({ length: 51 }, () => ({
          path: 'a',
          start_line: 1,
          end_line: 1,
          annotation_level: 'failure',
          message: 'm',
        })),
      },
    });
    const missing = await fetch(`${github.url}/repos/o/r/pulls/2/merge`, { method: 'PUT' });
    expect(missing.status).toBe(404);
    expect(github.problems).toEqual([
      'checks/create: unknown query parameter colour',
      'checks/create: data/conclusion must be equal to one of the allowed values, data/output/annotations must NOT have more than 50 items',
      'unhandled PUT /repos/o/r/pulls/2/merge',
    ]);
  });

  it('pages a listing with a Link header, as GitHub does', async () => {
    github = await startMockGitHub({
      issueComments: Array.from({ length: 150 }, (_, i) => ({ id: i, body: `c${i}` })),
    });
    const first = await fetch(`${github.url}/repos/o/r/issues/2/comments?per_page=100&page=1`);
    expect(((await first.json()) as unknown[]).length).toBe(100);
    expect(first.headers.get('link')).toBe(
      `<${github.url}/repos/o/r/issues/2/comments?per_page=100&page=2>; rel="next", <${github.url}/repos/o/r/issues/2/comments?per_page=100&page=2>; rel="last"`,
    );
    const second = await fetch(`${github.url}/repos/o/r/issues/2/comments?per_page=100&page=2`);
    expect(((await second.json()) as unknown[]).length).toBe(50);
    expect(second.headers.get('link')).toBeNull();
    expect(github.problems).toEqual([]);
  });
});

it("serves the handlers with @mswjs/http-middleware, which needs msw 2's handleRequest (msw 3 dropped it)", () => {
  expect(typeof (msw as unknown as Record<string, unknown>).handleRequest).toBe('function');
});

it('gives the bundle every input of action.yml with its default, as the runner does', () => {
  const { main, inputs } = readActionYml();
  expect(main.endsWith('/packages/github-action/bundle/index.mjs')).toBe(true);
  expect(inputs).toEqual({
    paths: '**/*.yaml\n**/*.yml\n**/*.json\n',
    'filter-mode': 'added',
    reporters: '',
    'fail-on': 'high',
    'min-score': '',
    'min-grade': '',
    'soft-fail': 'false',
    baseline: '',
    config: '',
    profile: '',
    'kubernetes-version': '',
    'kubeconform-version': '',
    templates: '',
    'template-values': '',
    'sarif-file': 'shiftdown.sarif',
    'report-file': 'shiftdown-report.json',
    'github-token': TOKEN,
  });
});
