// More than 50 annotations: GitHub takes at most 50 per check-run request, so the first 50 go with the
// create and the rest follow in updates of the same check run, 50 at a time.
import { example } from './support/git-repo.js';
import {
  checkAnnotationFor,
  expectEveryFindingReported,
  openFindings,
  worstFirst,
} from './support/expectations.js';
import { CHECK_RUN_ID } from './support/mock-github.js';
import { cleanupScenarios, scenario } from './support/scenario.js';

afterEach(cleanupScenarios);

const API = '/repos/Codertocat/Hello-World';
const agent = example('node-agent-risky/daemonset.yaml');

interface Output {
  title: string;
  summary: string;
  text: string;
  annotations: Record<string, unknown>[];
}

it('a PR that adds 103 findings: check-run annotations in batches of 50, 50 and 3', async () => {
  const { run, github, repo } = await scenario({
    base: { 'README.md': '# shop\n' },
    changes: {
      // Three node agents (23 open findings and 2 suppressed each), an MCP server and a GPU job: all new.
      ...Object.fromEntries(
        [1, 2, 3].map((n) => [
          `agents/agent-${n}.yaml`,
          agent.replace(/name: node-agent$/m, `name: node-agent-${n}`),
        ]),
      ),
      'agents/mcp.yaml': example('mcp-github-server/mcp-server.yaml'),
      'ml/job.yaml': example('gpu-training-job/job.yaml'),
    },
  });
  expect(github.problems).toEqual([]);
  expect(repo.files.map((f) => `${f.status} ${f.filename} +${f.additions}`)).toEqual([
    'added agents/agent-1.yaml +36',
    'added agents/agent-2.yaml +36',
    'added agents/agent-3.yaml +36',
    'added agents/mcp.yaml +40',
    'added ml/job.yaml +22',
  ]);
  expect(github.lines()).toEqual([
    `GET ${API}/pulls/2/files?per_page=100&page=1`,
    `POST ${API}/check-runs`,
    `PATCH ${API}/check-runs/${CHECK_RUN_ID}`,
    `PATCH ${API}/check-runs/${CHECK_RUN_ID}`,
    `GET ${API}/pulls/2/comments?per_page=100&page=1`,
    `POST ${API}/pulls/2/reviews`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `POST ${API}/issues/2/comments`,
  ]);

  const report = run.report!;
  const open = worstFirst(openFindings(report));
  expect(open).toHaveLength(103);
  expect(report.findings.filter((f) => f.suppressed)).toHaveLength(6);

  const create = github.of('checks/create')[0]!.body as { conclusion: string; output: Output };
  const updates = github
    .of('checks/update')
    .map((r) => r.body as { output: Output } & Record<string, unknown>);
  const batches = [create.output.annotations, ...updates.map((u) => u.output.annotations)];
  expect(batches.map((b) => b.length)).toEqual([50, 50, 3]);
  expect(batches.flat()).toEqual(open.map((f) => checkAnnotationFor(f, report)));
  expect(create.conclusion).toBe('failure');
  // An update appends annotations and keeps the output's texts (it replaces them otherwise).
  for (const update of updates) {
    expect(Object.keys(update)).toEqual(['output']);
    expect(update.output).toEqual({ ...create.output, annotations: update.output.annotations });
  }

  // The review comments every finding on the new files, suppressed ones excepted.
  const review = github.of('pulls/create-review')[0]!.body as { comments: { path: string; line: number }[] };
  expect(review.comments.map((c) => `${c.path}:${c.line}`)).toEqual(open.map((f) => `${f.file}:${f.line}`));
  expect(run.code).toBe(1);
  expect(run.commands).toEqual(['::error::Shiftdown: 25 findings at or above high']);
  expectEveryFindingReported(run);
}, 120_000);

it('a push of 207 findings: 5 requests (50, 50, 50, 50, 7), and the job summary lists all of them', async () => {
  const { run, github } = await scenario({
    base: { 'README.md': '# shop\n' },
    changes: Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [
        `agents/agent-${i + 1}.yaml`,
        agent.replace(/name: node-agent$/m, `name: node-agent-${i + 1}`),
      ]),
    ),
    event: 'push',
    with: { 'fail-on': 'none' },
  });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual([
    `POST ${API}/check-runs`,
    ...Array(4).fill(`PATCH ${API}/check-runs/${CHECK_RUN_ID}`),
  ]);
  const report = run.report!;
  const open = worstFirst(openFindings(report));
  expect(open).toHaveLength(207);
  const batches = [
    (github.of('checks/create')[0]!.body as { output: Output }).output.annotations,
    ...github.of('checks/update').map((r) => (r.body as { output: Output }).output.annotations),
  ];
  expect(batches.map((b) => b.length)).toEqual([50, 50, 50, 50, 7]);
  expect(batches.flat()).toEqual(open.map((f) => checkAnnotationFor(f, report)));

  // The report's table stops at 200 rows or 60,000 characters (it is also the PR comment, limited to
  // 65,536); the job summary (1 MiB) goes on with every finding.
  expect(run.summary).toContain(
    '… and 56 more findings (see the full report). The table was shortened to stay under the 60,000-character limit.',
  );
  expect(run.summary).toContain('<details>\n<summary>All 207 findings</summary>');
  expect(run.code).toBe(0);
  expectEveryFindingReported(run);
}, 120_000);
