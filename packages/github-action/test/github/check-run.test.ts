import { githubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/octokit.js';
import {
  API,
  CHECK_RUN_ID,
  mockGitHub,
  pullRequestContext,
  pushContext,
  testOctokit,
} from './mock-github.js';

const mock = mockGitHub();
beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  expect(mock.problems).toEqual([]);
  mock.requests.length = 0;
  mock.respond(() => undefined);
});
afterAll(() => mock.server.close());

const annotation = (i: number) => ({
  path: `deploy/app-${i}.yaml`,
  start_line: i + 1,
  end_line: i + 1,
  start_column: 3,
  end_column: 9,
  annotation_level: 'failure',
  message: `finding ${i}`,
  title: 'privileged-container',
});

/** The annotations in batches of 50, as the check-run reporter hands them over. */
function batches(count: number): unknown[][] {
  const all = Array.from({ length: count }, (_, i) => annotation(i));
  const out: unknown[][] = [];
  for (let i = 0; i < all.length; i += 50) out.push(all.slice(i, i + 50));
  return out;
}

const run = (count: number) => ({
  name: 'Shiftdown',
  conclusion: 'failure' as const,
  title: `${count} findings`,
  summary: 'Score 71 (C)',
  text: 'details',
  batches: batches(count),
});

const output = { title: '', summary: 'Score 71 (C)', text: 'details' };
const createBody = (count: number, annotations?: unknown[]) => ({
  name: 'Shiftdown',
  head_sha: pullRequestContext.pullRequest!.headSha,
  status: 'completed',
  conclusion: 'failure',
  output: { ...output, title: `${count} findings`, ...(annotations ? { annotations } : {}) },
});
const update = (count: number, annotations: unknown[]) => ({
  request: `PATCH /repos/octo-org/manifests/check-runs/${CHECK_RUN_ID}`,
  body: { output: { ...output, title: `${count} findings`, annotations } },
});
const slice = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => annotation(from + i));

describe('createCheckRun', () => {
  const api = githubApi(testOctokit(), () => {});

  it.each([
    [
      0,
      [{ request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(0) }],
      `check run ${CHECK_RUN_ID}: 0 annotations in 1 requests`,
    ],
    [
      1,
      [{ request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(1, slice(0, 1)) }],
      `check run ${CHECK_RUN_ID}: 1 annotations in 1 requests`,
    ],
    [
      50,
      [{ request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(50, slice(0, 50)) }],
      `check run ${CHECK_RUN_ID}: 50 annotations in 1 requests`,
    ],
    [
      51,
      [
        { request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(51, slice(0, 50)) },
        update(51, slice(50, 51)),
      ],
      `check run ${CHECK_RUN_ID}: 51 annotations in 2 requests`,
    ],
    [
      120,
      [
        { request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(120, slice(0, 50)) },
        update(120, slice(50, 100)),
        update(120, slice(100, 120)),
      ],
      `check run ${CHECK_RUN_ID}: 120 annotations in 3 requests`,
    ],
  ])(
    '%i annotations: one create, then an update per further batch of 50',
    async (count, sequence, detail) => {
      expect(await api.createCheckRun(pullRequestContext, run(count))).toEqual({ status: 'ok', detail });
      expect(mock.sequence()).toEqual(sequence);
    },
  );

  it('uses the pushed commit when there is no pull request, and sends no text when there is none', async () => {
    const { text: _text, ...noText } = run(1);
    expect(await api.createCheckRun(pushContext, noText)).toEqual({
      status: 'ok',
      detail: `check run ${CHECK_RUN_ID}: 1 annotations in 1 requests`,
    });
    expect(mock.sequence()).toEqual([
      {
        request: 'POST /repos/octo-org/manifests/check-runs',
        body: {
          name: 'Shiftdown',
          head_sha: pushContext.sha,
          status: 'completed',
          conclusion: 'failure',
          output: { title: '1 findings', summary: 'Score 71 (C)', annotations: slice(0, 1) },
        },
      },
    ]);
  });

  it('a 403 on the create is forbidden, without a retry (the documentation link left out)', async () => {
    mock.respond(() => ({
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
        status: '403',
      },
    }));
    expect(await api.createCheckRun(pullRequestContext, run(51))).toEqual({
      status: 'forbidden',
      message: 'creating the check run: 403 Resource not accessible by integration',
      reason: '403 Resource not accessible by integration',
    });
    expect(mock.sequence().map((r) => r.request)).toEqual(['POST /repos/octo-org/manifests/check-runs']);
  });

  it('a 403 on an update is forbidden and stops the updates', async () => {
    mock.respond((r) =>
      r.operation === 'checks/update'
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : undefined,
    );
    expect(await api.createCheckRun(pullRequestContext, run(120))).toEqual({
      status: 'forbidden',
      message: `adding annotation batch 2 of 3 to check run ${CHECK_RUN_ID}: 403 Resource not accessible by integration`,
      reason: '403 Resource not accessible by integration',
    });
    expect(mock.sequence().map((r) => r.request)).toEqual([
      'POST /repos/octo-org/manifests/check-runs',
      `PATCH /repos/octo-org/manifests/check-runs/${CHECK_RUN_ID}`,
    ]);
  });

  it('a 500 then a 201 is retried once and succeeds', async () => {
    mock.respond((_r, count) =>
      count === 1 ? { status: 500, body: { message: 'Server Error' } } : undefined,
    );
    expect(await api.createCheckRun(pullRequestContext, run(1))).toEqual({
      status: 'ok',
      detail: `check run ${CHECK_RUN_ID}: 1 annotations in 1 requests`,
    });
    expect(mock.sequence()).toEqual([
      { request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(1, slice(0, 1)) },
      { request: 'POST /repos/octo-org/manifests/check-runs', body: createBody(1, slice(0, 1)) },
    ]);
  });

  it("a request's retries do not lengthen the next request's waits (1, 4 then 1 unit, not 16)", async () => {
    // On Jest's fake clock, so the waits are exact: the retry plugin waits through Bottleneck's timers.
    jest.useFakeTimers();
    try {
      const octokit = createOctokit({
        token: 't',
        apiUrl: API,
        throttle: { waits: false, retryBaseMs: 40 },
      });
      const timed = githubApi(octokit, () => {});
      const at: number[] = [];
      mock.respond((_r, count) => {
        at.push(Date.now());
        return count <= 4 ? { status: 502, body: { message: 'Bad Gateway' } } : undefined;
      });
      const settle = async <T>(call: Promise<T>) => {
        await jest.advanceTimersByTimeAsync(1000);
        return call;
      };
      // Three failed attempts (waits of 40 and 160 ms), then a fourth request that fails once.
      expect((await settle(timed.createCheckRun(pullRequestContext, run(1)))).status).toBe('failed');
      expect(await settle(timed.createCheckRun(pullRequestContext, run(1)))).toMatchObject({ status: 'ok' });
      const waits = at.slice(1).map((t, i) => t - at[i]!);
      // The second request's first retry waits one unit (40 ms), not (3 + 1)² units (640 ms).
      // (The 800 ms between them is the rest of the first settle.)
      expect(waits).toEqual([40, 160, 800, 40]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a 502 on every attempt fails after 2 retries', async () => {
    mock.respond(() => ({ status: 502, body: { message: 'Bad Gateway' } }));
    expect(await api.createCheckRun(pullRequestContext, run(1))).toEqual({
      status: 'failed',
      message: 'creating the check run: 502 Bad Gateway',
    });
    expect(mock.requests).toHaveLength(3);
  });

  it('a secondary rate limit is logged and retried', async () => {
    const log: string[] = [];
    const limited = githubApi(testOctokit(log), () => {});
    mock.respond((_r, count) =>
      count === 1
        ? {
            status: 403,
            body: { message: 'You have exceeded a secondary rate limit' },
            headers: { 'retry-after': '7' },
          }
        : undefined,
    );
    expect(await limited.createCheckRun(pullRequestContext, run(1))).toEqual({
      status: 'ok',
      detail: `check run ${CHECK_RUN_ID}: 1 annotations in 1 requests`,
    });
    expect(mock.requests).toHaveLength(2);
    expect(log).toEqual([
      'GitHub secondary rate limit hit on POST /repos/{owner}/{repo}/check-runs: retrying in 7 s (retry 1 of 2)',
    ]);
  });
});
