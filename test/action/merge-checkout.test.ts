// actions/checkout's default checkout of a pull_request run is the merge commit. When the base branch
// changed a scanned file since the pull request branched off, the merge commit's lines are not the head
// commit's, and annotations (on the head commit) must use the head's lines.
import { openFindings, worstFirst } from './support/expectations.js';
import { git, mergeCheckout, moveBase } from './support/git-repo.js';
import { cleanupScenarios, runIn, startScenario } from './support/scenario.js';
import { BASE, CATALOG, PRIVILEGED_CHANGES } from './support/services.js';

afterEach(cleanupScenarios);

it("annotates the merge commit's findings at the head commit's lines; the report keeps the checkout's", async () => {
  const started = await startScenario({ base: BASE, changes: PRIVILEGED_CHANGES });
  const { repo, github } = started;
  // main moves on: two comment lines on top of the Deployment the pull request makes privileged.
  moveBase(repo, { [CATALOG]: `# Owned by the catalog team.\n# Pages on-call.\n${BASE[CATALOG]}` });
  const checkout = mergeCheckout(repo);
  expect(
    git(checkout.root, ['show', `HEAD:${CATALOG}`])
      .split('\n')
      .slice(0, 2),
  ).toEqual(['# Owned by the catalog team.', '# Pages on-call.']);

  const run = await runIn(started, { with: { reporters: 'check,review' }, checkout });
  expect(github.problems).toEqual([]);
  // Every finding in the Deployment moved 2 lines up; none is on a line only main has.
  const report = run.report!;
  const moved = report.findings.filter((f) => f.file === CATALOG).length;
  expect(run.log).toEqual([
    `Shiftdown: the base branch changed 1 file with findings since the pull request branched off (the checkout is not its head): ${moved} findings moved to the head's lines.`,
  ]);

  // The pull request added lines 18 and 19 of the head's file: lines 20 and 21 of the merge commit's.
  const added = worstFirst(
    openFindings(report).filter((f) => f.file === CATALOG && (f.line === 20 || f.line === 21)),
  );
  expect(added.length).toBeGreaterThan(0);
  const check = github.of('checks/create')[0]!.body as {
    head_sha: string;
    output: { summary: string; annotations: { path: string; start_line: number; end_line: number }[] };
  };
  expect(check.head_sha).toBe(repo.headSha);
  expect(check.output.annotations.map((a) => `${a.path}:${a.start_line}-${a.end_line}`)).toEqual(
    added.map((f) => `${f.file}:${f.line - 2}-${f.endLine - 2}`),
  );
  // The check run's Markdown lists the findings at the head's lines too.
  const privileged = [...check.output.summary.matchAll(/`privileged-container`.*?`([^`]+:\d+)`/g)].map(
    (match) => match[1],
  );
  expect(privileged).toEqual([`${CATALOG}:19`]);
  const review = github.of('pulls/create-review')[0]!.body as { comments: { path: string; line: number }[] };
  expect(review.comments.map((c) => c.line).every((line) => line === 18 || line === 19)).toBe(true);
  expect(review.comments).toHaveLength(added.length);
  expect(run.code).toBe(1);
}, 120_000);
