// Re-runs on the same pull request: the review comments and the summary comment of the first run come
// back from the list endpoints, so no finding is commented twice and the summary comment is updated in
// place (PATCH), never posted again.
import { pushCommit } from './support/git-repo.js';
import { expectEveryFindingReported } from './support/expectations.js';
import { cleanupScenarios, runIn, startScenario } from './support/scenario.js';
import { API, BASE, CATALOG, LIST_FILES, PR_REQUESTS, PRIVILEGED_CHANGES } from './support/services.js';

afterEach(cleanupScenarios);

interface Comment {
  path: string;
  line: number;
  body: string;
}
const MARKER = '<!-- shiftdown:summary -->';

it('a new commit, then a re-run of the same commit: only new findings are commented; the summary comment is updated', async () => {
  const reviewComments: { id: number; body: string }[] = [];
  const issueComments: { id: number; body: string }[] = [
    { id: 501, body: `Why does ${MARKER} show up in my notifications?` },
  ];
  const started = await startScenario({
    base: BASE,
    changes: PRIVILEGED_CHANGES,
    reviewComments,
    issueComments,
  });
  const { github, repo } = started;

  // First run: 6 comments on the added lines, the summary comment created.
  const first = await runIn(started, {});
  expect(github.lines()).toEqual(PR_REQUESTS);
  const firstComments = (github.of('pulls/create-review')[0]!.body as { comments: Comment[] }).comments;
  expect(firstComments).toHaveLength(6);
  const firstSticky = (github.of('issues/create-comment')[0]!.body as { body: string }).body;
  expectEveryFindingReported(first);

  // What GitHub now lists: the review's comments (with ids) and the summary comment, after the question.
  reviewComments.push(...firstComments.map((c, i) => ({ id: 7000 + i, body: c.body })));
  issueComments.push({ id: 555, body: firstSticky });
  github.requests.length = 0;

  // A new commit puts the pod on the host network (synchronize): two more findings on added lines (the
  // privileged container, moved from line 19 to 20, is now also a node firewall risk); the six findings
  // commented before are not commented again, wherever their lines went.
  const catalog = PRIVILEGED_CHANGES[CATALOG];
  pushCommit(repo, {
    [CATALOG]: catalog.replace(
      '    spec:\n      containers:\n',
      '    spec:\n      hostNetwork: true\n      containers:\n',
    ),
  });
  const second = await runIn(started, { action: 'synchronize' });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual([
    LIST_FILES,
    `POST ${API}/check-runs`,
    `GET ${API}/pulls/2/comments?per_page=100&page=1`,
    `POST ${API}/pulls/2/reviews`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `PATCH ${API}/issues/comments/555`,
  ]);
  const secondReview = github.of('pulls/create-review')[0]!.body as {
    commit_id: string;
    comments: Comment[];
  };
  expect(secondReview.commit_id).toBe(repo.headSha);
  expect(
    secondReview.comments.map((c) => `${c.path}:${c.line} ${/\(`([a-z-]+)`\)/.exec(c.body)?.[1]}`),
  ).toEqual([`${CATALOG}:20 node-firewall-tamper`, `${CATALOG}:15 host-namespaces`]);
  const updated = (github.of('issues/update-comment')[0]!.body as { body: string }).body;
  expect(updated.startsWith(`${MARKER}\n## 🛡️ Shiftdown: `)).toBe(true);
  expect(updated).not.toBe(firstSticky);
  expect(updated).toContain('`host-namespaces`');
  expect(second.code).toBe(1);
  expectEveryFindingReported(second);

  // The job re-run on the same commit: nothing new to comment, the summary comment updated again.
  reviewComments.push(...secondReview.comments.map((c, i) => ({ id: 8000 + i, body: c.body })));
  issueComments[1] = { id: 555, body: updated };
  github.requests.length = 0;
  const third = await runIn(started, { action: 'synchronize' });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual([
    LIST_FILES,
    `POST ${API}/check-runs`,
    `GET ${API}/pulls/2/comments?per_page=100&page=1`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `PATCH ${API}/issues/comments/555`,
  ]);
  expect((github.of('issues/update-comment')[0]!.body as { body: string }).body).toBe(updated);
  expect(third.outputs).toEqual(second.outputs);
  expectEveryFindingReported(third);
}, 120_000);
