// Pull requests from forks run with a read-only token: the Action reports with what needs no permission
// (job summary, workflow-command annotations, SARIF), says so once, and the exit status is the gate's
// alone. A token that turns out read-only (writes answered 403) degrades the same way.
import {
  expectEveryFindingReported,
  openFindings,
  workflowCommandFor,
  worstFirst,
} from './support/expectations.js';
import { FORBIDDEN } from './support/mock-github.js';
import type { ActionRun } from './support/run-bundle.js';
import { cleanupScenarios, scenario } from './support/scenario.js';
import { BASE, CATALOG, LIST_FILES, PR_REQUESTS, PRIVILEGED_CHANGES } from './support/services.js';

afterEach(cleanupScenarios);

const REFUSED =
  'Shiftdown: the check, review, comment reporters were refused (403 Resource not accessible by integration): ' +
  'reporting with workflow-command annotations instead.';

const WRITES = ['checks/create', 'pulls/create-review', 'issues/create-comment', 'issues/update-comment'];
const refuseWrites = (request: { operation: string }) =>
  WRITES.includes(request.operation) ? FORBIDDEN : undefined;

/** The workflow commands for the findings on the changed lines (18-19), worst first. */
function changedLineCommands(run: ActionRun): string[] {
  const report = run.report!;
  return worstFirst(
    openFindings(report).filter((f) => f.file === CATALOG && (f.line === 18 || f.line === 19)),
  ).map((f) => workflowCommandFor(f, report));
}

it('a fork PR: no write is tried; summary, annotations and SARIF; said once; the gate decides the exit status', async () => {
  const { run, github } = await scenario({ base: BASE, changes: PRIVILEGED_CHANGES, fork: true });
  expect(github.problems).toEqual([]);
  // Reading the PR's files is allowed to a fork's token; nothing else is asked.
  expect(github.lines()).toEqual([LIST_FILES]);
  expect(run.log).toEqual([
    'Shiftdown: the pull request comes from a fork (read-only token): reporting with workflow-command annotations, the job summary and SARIF only.',
  ]);
  expect(run.annotations).toHaveLength(6);
  expect(run.annotations).toEqual(changedLineCommands(run));
  expect(run.commands).toEqual([...run.annotations, '::error::Shiftdown: 4 findings at or above high']);
  expect(run.code).toBe(1);
  expect(run.outputs['sarif-file']).toBe('shiftdown.sarif');
  expectEveryFindingReported(run);
}, 120_000);

it('a fork PR asked for check, review and comment: each write gets 403, one line says so, exit 0 with fail-on none', async () => {
  const { run, github } = await scenario({
    base: BASE,
    changes: PRIVILEGED_CHANGES,
    fork: true,
    with: { reporters: 'check,review,comment,summary,sarif', 'fail-on': 'none' },
    respond: refuseWrites,
  });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual(PR_REQUESTS);
  expect(github.requests.map((r) => r.status)).toEqual([200, 403, 200, 403, 200, 403]);
  expect(run.log).toEqual([REFUSED]);
  expect(run.commands).toEqual(changedLineCommands(run));
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expectEveryFindingReported(run);
}, 120_000);

it('a same-repository PR whose token is read-only: refused writes degrade; the gate alone fails the job', async () => {
  const { run, github } = await scenario({ base: BASE, changes: PRIVILEGED_CHANGES, respond: refuseWrites });
  expect(github.problems).toEqual([]);
  expect(github.lines()).toEqual(PR_REQUESTS);
  expect(github.requests.filter((r) => r.status === 403).map((r) => r.operation)).toEqual([
    'checks/create',
    'pulls/create-review',
    'issues/create-comment',
  ]);
  expect(run.log).toEqual([REFUSED]);
  // The only error is the gate's: no refused reporter fails the job.
  expect(run.commands).toEqual([
    ...changedLineCommands(run),
    '::error::Shiftdown: 4 findings at or above high',
  ]);
  expect(run.code).toBe(1);
  expectEveryFindingReported(run);
}, 120_000);
