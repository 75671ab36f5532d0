// GitHub answering 5xx (retried by @octokit/plugin-retry: 2 retries, 1 s then 4 s apart) and 422 (never
// retried; the reporter fails with a warning, the job does not).
import {
  expectEveryFindingReported,
  openFindings,
  workflowCommandFor,
  worstFirst,
} from './support/expectations.js';
import type { Reply } from './support/mock-github.js';
import { git, mergeCheckout } from './support/git-repo.js';
import { cleanupScenarios, runIn, scenario, startScenario } from './support/scenario.js';
import { API, BASE, CATALOG, LIST_FILES, PR_REQUESTS, PRIVILEGED_CHANGES } from './support/services.js';

afterEach(cleanupScenarios);

const status = (code: number, message: string): Reply => ({ status: code, body: { message } });

it('5xx: retried until it works; a listing that keeps failing falls back to git diff', async () => {
  const { run, github } = await scenario({
    base: BASE,
    changes: PRIVILEGED_CHANGES,
    respond: (request, count) => {
      if (request.operation === 'pulls/list-files') return status(502, 'Bad Gateway');
      if (request.operation === 'checks/create' && count === 1) return status(500, 'Internal Server Error');
      if (request.operation === 'issues/list-comments' && count === 1)
        return status(503, 'Service Unavailable');
      return undefined;
    },
  });
  expect(github.problems).toEqual([]);
  // 3 attempts at the file list (2 retries), 2 at the check run and at the comment list.
  expect(github.lines()).toEqual([
    LIST_FILES,
    LIST_FILES,
    LIST_FILES,
    `POST ${API}/check-runs`,
    `POST ${API}/check-runs`,
    `GET ${API}/pulls/2/comments?per_page=100&page=1`,
    `POST ${API}/pulls/2/reviews`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `POST ${API}/issues/2/comments`,
  ]);
  expect(github.requests.map((r) => r.status)).toEqual([502, 502, 502, 500, 201, 200, 200, 503, 200, 201]);
  // The retried create is the same request.
  const [first, second] = github.of('checks/create');
  expect(second!.body).toEqual(first!.body);
  // Retries wait 1 s, then 4 s, and each request counts its own: the check run's first retry waits 1 s,
  // not the 16 s a count left over from the file list would give.
  const gaps = (operation: string) => {
    const at = github.of(operation).map((r) => r.at);
    return at.slice(1).map((t, i) => t - at[i]!);
  };
  const [fileRetry1, fileRetry2] = gaps('pulls/list-files');
  expect(fileRetry1).toBeGreaterThanOrEqual(950);
  expect(fileRetry2).toBeGreaterThanOrEqual(3950);
  expect(fileRetry2).toBeLessThan(8000);
  expect(gaps('checks/create')[0]).toBeGreaterThanOrEqual(950);
  // Upper bounds with room for a loaded machine: a left-over count would make that first retry wait 16 s.
  expect(gaps('checks/create')[0]).toBeLessThan(8000);
  expect(gaps('issues/list-comments')[0]).toBeLessThan(8000);
  expect(run.log).toEqual([
    'Shiftdown: cannot list the pull request files (GitHub API: listing the pull request files failed: 502 Bad Gateway); using git diff.',
  ]);

  // The diff from git gives the same changed lines as the API's patch: the same 6 annotations.
  const report = run.report!;
  const changed = worstFirst(
    openFindings(report).filter((f) => f.file === CATALOG && (f.line === 18 || f.line === 19)),
  );
  const annotations = (second!.body as { output: { annotations: { path: string; start_line: number }[] } })
    .output.annotations;
  expect(annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(
    changed.map((f) => `${f.file}:${f.line}`),
  );
  const review = github.of('pulls/create-review')[0]!.body as { comments: { line: number }[] };
  expect(review.comments.map((c) => c.line)).toEqual([19, 18, 18, 18, 18, 18]);
  expect(run.commands).toEqual(['::error::Shiftdown: 4 findings at or above high']);
  expect(run.code).toBe(1);
  expectEveryFindingReported(run);
}, 120_000);

it("the listing fails in actions/checkout's depth-1 merge commit: base and head are fetched for git diff", async () => {
  const started = await startScenario({
    base: BASE,
    changes: PRIVILEGED_CHANGES,
    with: { reporters: 'check' },
    respond: (request) =>
      request.operation === 'pulls/list-files' ? status(500, 'Server Error') : undefined,
  });
  const { repo, github } = started;
  const checkout = mergeCheckout(repo);
  const has = (sha: string) => {
    try {
      git(checkout.root, ['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  };
  expect([has(repo.baseSha), has(repo.headSha)]).toEqual([false, false]);
  const run = await runIn(started, { with: { reporters: 'check' }, checkout });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual([LIST_FILES, LIST_FILES, LIST_FILES, `POST ${API}/check-runs`]);
  expect(run.log).toEqual([
    'Shiftdown: cannot list the pull request files (GitHub API: listing the pull request files failed: 500 Server Error); using git diff.',
  ]);
  expect([has(repo.baseSha), has(repo.headSha)]).toEqual([true, true]);
  const report = run.report!;
  const check = github.of('checks/create')[0]!.body as {
    head_sha: string;
    output: { annotations: { path: string; start_line: number }[] };
  };
  expect(check.head_sha).toBe(repo.headSha);
  expect(check.output.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(
    worstFirst(
      openFindings(report).filter((f) => f.file === CATALOG && (f.line === 18 || f.line === 19)),
    ).map((f) => `${f.file}:${f.line}`),
  );
  expect(run.code).toBe(1);
}, 120_000);

it('422: a refused check run is replaced by workflow commands, a refused review is a warning; no crash', async () => {
  const { run, github } = await scenario({
    base: BASE,
    changes: PRIVILEGED_CHANGES,
    with: { 'fail-on': 'none' },
    respond: (request) => {
      if (request.operation === 'checks/create') {
        return {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'CheckRun', code: 'invalid', field: 'head_sha' }],
            documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
            status: '422',
          },
        };
      }
      if (request.operation === 'pulls/create-review') {
        return {
          status: 422,
          body: {
            message: 'Unprocessable Entity',
            errors: ['Pull request review thread line must be part of the diff'],
            documentation_url:
              'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
            status: '422',
          },
        };
      }
      return undefined;
    },
  });
  expect(github.problems).toEqual([]);
  // No retries for a 422.
  expect(github.lines()).toEqual(PR_REQUESTS);
  expect(github.requests.map((r) => r.status)).toEqual([200, 422, 200, 422, 200, 201]);
  const report = run.report!;
  const changed = worstFirst(
    openFindings(report).filter((f) => f.file === CATALOG && (f.line === 18 || f.line === 19)),
  );
  expect(run.commands).toEqual([
    '::warning::Shiftdown: the check reporter failed: creating the check run: 422 Validation Failed: {"resource":"CheckRun","code":"invalid","field":"head_sha"}',
    '::warning::Shiftdown: the review reporter failed: creating the review: 422 Unprocessable Entity: "Pull request review thread line must be part of the diff"',
    ...changed.map((f) => workflowCommandFor(f, report)),
  ]);
  expect(run.log).toEqual(['Shiftdown: annotating with workflow commands instead of the check run.']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expectEveryFindingReported(run);
}, 120_000);
