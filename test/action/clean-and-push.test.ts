// A clean pull request (nothing to report: a successful check run, no review, an empty SARIF run) and a
// push to main (no pull request: check run, summary and SARIF; no pull request endpoint is called).
import { example } from './support/git-repo.js';
import {
  checkAnnotationFor,
  expectEveryFindingReported,
  openFindings,
  worstFirst,
} from './support/expectations.js';
import { cleanupScenarios, scenario } from './support/scenario.js';
import { API, BASE, LIST_FILES, PAYMENTS } from './support/services.js';

afterEach(cleanupScenarios);

it('a clean PR: check run success without annotations, no review comments, SARIF results []', async () => {
  const hardened = example('payments-hardened/deployment.yaml');
  const { run, github, repo } = await scenario({
    base: { [PAYMENTS]: hardened },
    // A second hardened service, and one more replica for the first.
    changes: {
      'services/ledger/deployment.yaml': hardened.replace(/payments/g, 'ledger'),
      [PAYMENTS]: hardened.replace('replicas: 3', 'replicas: 4'),
    },
  });
  expect(github.problems).toEqual([]);
  expect(repo.files.map((f) => `${f.status} ${f.filename}`)).toEqual([
    'added services/ledger/deployment.yaml',
    `modified ${PAYMENTS}`,
  ]);
  // No review comment to post: the existing ones are not even listed.
  expect(github.lines()).toEqual([
    LIST_FILES,
    `POST ${API}/check-runs`,
    `GET ${API}/issues/2/comments?per_page=100&page=1`,
    `POST ${API}/issues/2/comments`,
  ]);
  const check = github.of('checks/create')[0]!.body as {
    conclusion: string;
    output: { title: string; text: string; annotations?: unknown[] };
  };
  expect(check.conclusion).toBe('success');
  expect(check.output.title).toBe('A+ (100/100): 0 findings');
  expect(check.output.text).toBe('');
  expect(check.output).not.toHaveProperty('annotations');
  const sticky = (github.of('issues/create-comment')[0]!.body as { body: string }).body;
  expect(sticky).toContain('## 🛡️ Shiftdown: A+ (100/100)');
  expect(sticky).toContain('### Findings\n\nNo findings. ✅');
  expect(sticky.endsWith('**Gate:** passed ✅\n')).toBe(true);

  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(run.sarif!.runs).toHaveLength(1);
  expect(run.sarif!.runs[0]!.results).toEqual([]);
  expect(run.sarif!.runs[0]!.tool.driver.name).toBe('shiftdown');
  expect(run.outputs).toEqual({
    score: '100',
    grade: 'A+',
    findings: '0',
    'new-findings': '0',
    'sarif-file': 'shiftdown.sarif',
    'report-file': 'shiftdown-report.json',
  });
  expect(run.summary).toBe(`${sticky.replace('<!-- shiftdown:summary -->\n', '')}\n`);
  expectEveryFindingReported(run);
}, 120_000);

it('a push: one check run on the pushed commit with every finding; no pull request endpoint', async () => {
  const { run, github, repo } = await scenario({
    base: { 'README.md': '# shop\n' },
    changes: BASE,
    event: 'push',
  });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual([`POST ${API}/check-runs`]);
  const report = run.report!;
  const check = github.of('checks/create')[0]!.body as {
    head_sha: string;
    conclusion: string;
    output: { annotations: unknown[] };
  };
  expect(check.head_sha).toBe(repo.headSha);
  expect(check.conclusion).toBe('failure');
  // No diff on a push: every finding is annotated (37, in one request).
  expect(check.output.annotations).toEqual(
    worstFirst(openFindings(report)).map((f) => checkAnnotationFor(f, report)),
  );
  expect(check.output.annotations).toHaveLength(37);
  expect(github.of('checks/update')).toEqual([]);
  expect(run.log).toEqual([]);
  expect(run.commands).toEqual(['::error::Shiftdown: 3 findings at or above high']);
  expect(run.code).toBe(1);
  expectEveryFindingReported(run);
}, 120_000);
