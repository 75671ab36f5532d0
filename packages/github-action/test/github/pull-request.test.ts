import { githubApi } from '../../src/github/api.js';
import { createOctokit } from '../../src/github/octokit.js';
import {
  API,
  NEW_COMMENT_ID,
  REVIEW_ID,
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

const log: string[] = [];
const api = githubApi(testOctokit(), (m) => log.push(m));
const forbidden = { status: 403, body: { message: 'Resource not accessible by integration' } };
const next = (path: string, page: number) => ({
  link: `<${API}${path}?per_page=100&page=${page}>; rel="next"`,
});

describe('listPullRequestFiles', () => {
  const path = '/repos/octo-org/manifests/pulls/12/files';
  const file = (i: number) => ({
    sha: 'abc',
    filename: `k8s/f${i}.yaml`,
    status: 'modified',
    additions: 1,
    deletions: 0,
    changes: 1,
    patch: '@@ -1 +1 @@\n-a\n+b',
  });

  it('reads 3 pages of 100 and keeps filename, status, patch and previous_filename', async () => {
    mock.respond((r) => {
      const page = Number(r.query.page);
      if (page === 3)
        return {
          body: [{ sha: 'x', filename: 'new.yaml', previous_filename: 'old.yaml', status: 'renamed' }],
        };
      return {
        body: Array.from({ length: 100 }, (_, i) => file((page - 1) * 100 + i)),
        headers: next(path, page + 1),
      };
    });
    const files = await api.listPullRequestFiles(pullRequestContext);
    expect(mock.sequence()).toEqual(
      [1, 2, 3].map((page) => ({ request: `GET ${path}?per_page=100&page=${page}` })),
    );
    expect(files).toHaveLength(201);
    expect(files[0]).toEqual({ filename: 'k8s/f0.yaml', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' });
    expect(files[199]!.filename).toBe('k8s/f199.yaml');
    expect(files[200]).toEqual({ filename: 'new.yaml', status: 'renamed', previous_filename: 'old.yaml' });
  });

  it('stops at 3,000 files (30 pages) and says so', async () => {
    log.length = 0;
    mock.respond((r) => ({
      body: Array.from({ length: 100 }, (_, i) => file(i)),
      headers: next(path, Number(r.query.page) + 1),
    }));
    expect(await api.listPullRequestFiles(pullRequestContext)).toHaveLength(3000);
    expect(mock.requests).toHaveLength(30);
    expect(log).toEqual(["The pull request lists 3000 files, GitHub's maximum: later files are not seen."]);
  });

  it('a failed read throws a clear error (after retries for a 5xx)', async () => {
    mock.respond(() => ({ status: 503, body: { message: 'Service Unavailable' } }));
    await expect(api.listPullRequestFiles(pullRequestContext)).rejects.toThrow(
      'GitHub API: listing the pull request files failed: 503 Service Unavailable',
    );
    expect(mock.requests).toHaveLength(3);
  });

  it('throws without a pull request', async () => {
    expect(() => api.listPullRequestFiles(pushContext)).toThrow(
      'listing the pull request files: the run has no pull request (event push)',
    );
  });
});

describe('listReviewCommentBodies', () => {
  it('returns the bodies of every page', async () => {
    const path = '/repos/octo-org/manifests/pulls/12/comments';
    mock.respond((r) =>
      r.query.page === '1'
        ? { body: Array.from({ length: 100 }, (_, i) => ({ id: i, body: `c${i}` })), headers: next(path, 2) }
        : { body: [{ id: 100, body: 'last' }] },
    );
    const bodies = await api.listReviewCommentBodies(pullRequestContext);
    expect(bodies).toHaveLength(101);
    expect([bodies[0], bodies[100]]).toEqual(['c0', 'last']);
    expect(mock.sequence()).toEqual([
      { request: `GET ${path}?per_page=100&page=1` },
      { request: `GET ${path}?per_page=100&page=2` },
    ]);
  });

  it('is empty without a pull request, without a request', async () => {
    expect(await api.listReviewCommentBodies(pushContext)).toEqual([]);
    expect(mock.requests).toEqual([]);
  });
});

describe('createReview', () => {
  const comments = [
    { path: 'k8s/deploy.yaml', line: 14, side: 'RIGHT' as const, body: 'privileged' },
    {
      path: 'k8s/deploy.yaml',
      line: 22,
      start_line: 20,
      side: 'RIGHT' as const,
      start_side: 'RIGHT' as const,
      body: '```suggestion\nx\n```',
    },
  ];
  const request = {
    request: 'POST /repos/octo-org/manifests/pulls/12/reviews',
    body: { commit_id: pullRequestContext.pullRequest!.headSha, event: 'COMMENT', comments },
  };

  it('posts one COMMENT review with every comment on the head commit', async () => {
    expect(await api.createReview(pullRequestContext, comments)).toEqual({
      status: 'ok',
      detail: `review ${REVIEW_ID}: 2 comments`,
    });
    expect(mock.sequence()).toEqual([request]);
  });

  it('posts nothing when there are no comments', async () => {
    expect(await api.createReview(pullRequestContext, [])).toEqual({
      status: 'ok',
      detail: 'no review comments',
    });
    expect(mock.requests).toEqual([]);
  });

  it('a 422 is failed with GitHub message, not thrown and not retried', async () => {
    mock.respond(() => ({
      status: 422,
      body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], status: '422' },
    }));
    expect(await api.createReview(pullRequestContext, comments)).toEqual({
      status: 'failed',
      message: 'creating the review: 422 Unprocessable Entity: "Line could not be resolved"',
    });
    expect(mock.sequence()).toEqual([request]);
  });

  it.each([
    [403, 'Resource not accessible by integration'],
    [404, 'Not Found'],
  ])('a %i is forbidden', async (status, message) => {
    mock.respond(() => ({ status, body: { message } }));
    expect(await api.createReview(pullRequestContext, comments)).toEqual({
      status: 'forbidden',
      message: `creating the review: ${status} ${message}`,
      reason: `${status} ${message}`,
    });
    expect(mock.requests).toHaveLength(1);
  });

  it('fails without a pull request', async () => {
    expect(await api.createReview(pushContext, comments)).toEqual({
      status: 'failed',
      message: 'creating the review: the run has no pull request',
    });
  });
});

describe('upsertStickyComment', () => {
  const marker = '<!-- shiftdown:summary -->';
  const list = '/repos/octo-org/manifests/issues/12/comments';

  it('creates the comment when none carries the marker', async () => {
    mock.respond((r) =>
      r.operation === 'issues/list-comments' ? { body: [{ id: 1, body: 'LGTM' }] } : undefined,
    );
    expect(await api.upsertStickyComment(pullRequestContext, `${marker}\nScore 90`, marker)).toEqual({
      status: 'ok',
      detail: `created comment ${NEW_COMMENT_ID}`,
    });
    expect(mock.sequence()).toEqual([
      { request: `GET ${list}?per_page=100&page=1` },
      { request: `POST ${list}`, body: { body: `${marker}\nScore 90` } },
    ]);
  });

  it('a comment that only quotes the marker is not the summary comment', async () => {
    mock.respond((r) =>
      r.operation === 'issues/list-comments'
        ? {
            body: [
              { id: 3, body: `Why is \`${marker}\` in the summary comment?` },
              { id: 4, body: `> ${marker}` },
            ],
          }
        : undefined,
    );
    expect(await api.upsertStickyComment(pullRequestContext, `${marker}\nScore 90`, marker)).toEqual({
      status: 'ok',
      detail: `created comment ${NEW_COMMENT_ID}`,
    });
    expect(mock.sequence().map((r) => r.request)).toEqual([
      `GET ${list}?per_page=100&page=1`,
      `POST ${list}`,
    ]);
  });

  it('updates the comment with the marker, found on page 2, without reading further', async () => {
    mock.respond((r) => {
      if (r.operation !== 'issues/list-comments') return undefined;
      if (r.query.page === '1')
        return {
          body: Array.from({ length: 100 }, (_, i) => ({ id: i, body: 'chat' })),
          headers: next(list, 2),
        };
      return {
        body: [
          ...Array.from({ length: 99 }, (_, i) => ({ id: 200 + i, body: 'x' })),
          { id: 555, body: `${marker}\nold` },
        ],
        headers: next(list, 3),
      };
    });
    expect(await api.upsertStickyComment(pullRequestContext, `${marker}\nnew`, marker)).toEqual({
      status: 'ok',
      detail: 'updated comment 555',
    });
    expect(mock.sequence()).toEqual([
      { request: `GET ${list}?per_page=100&page=1` },
      { request: `GET ${list}?per_page=100&page=2` },
      { request: 'PATCH /repos/octo-org/manifests/issues/comments/555', body: { body: `${marker}\nnew` } },
    ]);
  });

  it('a 403 on the create is forbidden', async () => {
    mock.respond((r) => (r.operation === 'issues/create-comment' ? forbidden : undefined));
    expect(await api.upsertStickyComment(pullRequestContext, marker, marker)).toEqual({
      status: 'forbidden',
      message: 'creating the summary comment: 403 Resource not accessible by integration',
      reason: '403 Resource not accessible by integration',
    });
    expect(mock.requests.map((r) => r.operation)).toEqual(['issues/list-comments', 'issues/create-comment']);
  });

  it('a 403 on the update is forbidden', async () => {
    mock.respond((r) =>
      r.operation === 'issues/list-comments'
        ? { body: [{ id: 9, body: marker }] }
        : r.operation === 'issues/update-comment'
          ? forbidden
          : undefined,
    );
    expect(await api.upsertStickyComment(pullRequestContext, marker, marker)).toEqual({
      status: 'forbidden',
      message: 'updating comment 9: 403 Resource not accessible by integration',
      reason: '403 Resource not accessible by integration',
    });
    expect(mock.requests.map((r) => r.operation)).toEqual(['issues/list-comments', 'issues/update-comment']);
  });

  it('a listing that keeps failing is failed, not thrown', async () => {
    mock.respond(() => ({ status: 500, body: { message: 'Server Error' } }));
    expect(await api.upsertStickyComment(pullRequestContext, marker, marker)).toEqual({
      status: 'failed',
      message: 'listing the pull request comments: 500 Server Error',
    });
    expect(mock.requests).toHaveLength(3);
  });
});

describe('pacing of the default (waiting) Octokit', () => {
  it('sends the few writes of a run at once: review and sticky comment are not held 3 s apart', async () => {
    // The throttling plugin's default groups would hold the second notifying write for 3 s (and each
    // write 1 s after the one before); the Action's groups let a burst through (octokit.ts WRITE_LIMITS).
    // On Jest's fake clock (Bottleneck reads Date.now() and refills from a heartbeat), so the times are exact.
    jest.useFakeTimers();
    try {
      const paced = githubApi(createOctokit({ token: 't', apiUrl: API }), () => {});
      const marker = '<!-- shiftdown:summary -->';
      const started = Date.now();
      const sent: [string, number][] = [];
      mock.respond((r) => {
        sent.push([r.operation, Date.now() - started]);
        return r.operation === 'issues/list-comments' ? { body: [] } : undefined;
      });
      /** Runs the clock 1 ms at a time until the call is answered, so the next call starts right after. */
      const settle = async <T>(call: Promise<T>) => {
        let answered = false;
        void call.finally(() => (answered = true));
        while (!answered) await jest.advanceTimersByTimeAsync(1);
        return call;
      };
      const review = [{ path: 'k8s/a.yaml', line: 3, side: 'RIGHT' as const, body: 'x' }];
      expect(await settle(paced.createReview(pullRequestContext, review))).toMatchObject({ status: 'ok' });
      expect(
        await settle(paced.upsertStickyComment(pullRequestContext, `${marker}\nScore 90`, marker)),
      ).toMatchObject({ status: 'ok' });
      // Every request leaves within a few zero-delay limiter timers (1 ms each on the clock); the plugin's
      // default groups would have held the comment until 3,000 ms.
      expect(sent.map(([operation]) => operation)).toEqual([
        'pulls/create-review',
        'issues/list-comments',
        'issues/create-comment',
      ]);
      expect(sent.at(-1)![1]).toBeLessThan(100);
    } finally {
      jest.useRealTimers();
    }
    expect(mock.sequence().map((r) => r.request)).toEqual([
      'POST /repos/octo-org/manifests/pulls/12/reviews',
      'GET /repos/octo-org/manifests/issues/12/comments?per_page=100&page=1',
      'POST /repos/octo-org/manifests/issues/12/comments',
    ]);
  });
});
