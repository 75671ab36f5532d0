// The merge gate and the exit status: fail-on, min-score, min-grade, soft-fail, and a baseline report
// from the base branch (only new findings fail). The repository: the services of BASE (37 findings,
// 3 of them high, none critical; score 86, grade B), pushed to main; the check run's conclusion follows the gate.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './support/git-repo.js';
import { expectEveryFindingReported } from './support/expectations.js';
import { runAction } from './support/run-bundle.js';
import { cleanupScenarios, runIn, scenario, startScenario } from './support/scenario.js';
import { API, BASE, CATALOG, LIST_FILES, PRIVILEGED_CHANGES } from './support/services.js';
import { pushEvent } from './support/webhooks.js';

afterEach(cleanupScenarios);

async function push(inputs: Record<string, string>) {
  const s = await scenario({ base: { 'README.md': '# shop\n' }, changes: BASE, event: 'push', with: inputs });
  expect(s.github.problems).toEqual([]);
  expect(s.github.lines()).toEqual([`POST ${API}/check-runs`]);
  expectEveryFindingReported(s.run);
  const check = s.github.of('checks/create')[0]!.body as { conclusion: string };
  return { ...s.run, conclusion: check.conclusion };
}

describe('gating on a push of 37 findings (3 high, score 86, grade B)', () => {
  it.each([
    ['fail-on high (default)', {}, 1, 'failure', ['::error::Shiftdown: 3 findings at or above high']],
    ['fail-on critical', { 'fail-on': 'critical' }, 0, 'success', []],
    [
      'fail-on medium',
      { 'fail-on': 'medium' },
      1,
      'failure',
      ['::error::Shiftdown: 24 findings at or above medium'],
    ],
    ['fail-on none', { 'fail-on': 'none' }, 0, 'success', []],
    [
      'min-score 87',
      { 'fail-on': 'none', 'min-score': '87' },
      1,
      'failure',
      ['::error::Shiftdown: score 86 is below the minimum 87'],
    ],
    ['min-score 86', { 'fail-on': 'none', 'min-score': '86' }, 0, 'success', []],
    [
      'min-grade A',
      { 'fail-on': 'none', 'min-grade': 'A' },
      1,
      'failure',
      ['::error::Shiftdown: grade B is below the minimum A'],
    ],
    ['min-grade B', { 'fail-on': 'none', 'min-grade': 'B' }, 0, 'success', []],
    [
      'every reason at once',
      { 'fail-on': 'high', 'min-score': '90', 'min-grade': 'A' },
      1,
      'failure',
      [
        '::error::Shiftdown: 3 findings at or above high; score 86 is below the minimum 90; grade B is below the minimum A',
      ],
    ],
    [
      'soft-fail: reported, never failed',
      { 'soft-fail': 'true', 'min-score': '90' },
      0,
      'neutral',
      ['::warning::Shiftdown (soft-fail): 3 findings at or above high; score 86 is below the minimum 90'],
    ],
  ])(
    '%s',
    async (_label, inputs, code, conclusion, commands) => {
      const run = await push(inputs);
      expect(run.outputs.score).toBe('86');
      expect(run.outputs.grade).toBe('B');
      expect(run.commands).toEqual(commands);
      expect(run.conclusion).toBe(conclusion);
      expect(run.code).toBe(code);
    },
    120_000,
  );

  it('soft-fail says so in the job summary', async () => {
    const run = await push({ 'soft-fail': 'true' });
    expect(
      run.summary.endsWith(
        '**Gate:** failed (soft-fail: the job passes)\n\n- 3 findings at or above high\n\n',
      ),
    ).toBe(true);
  }, 120_000);

  it('a bad input fails the step with a clear message and runs nothing', async () => {
    const s = await scenario({
      base: { 'README.md': '# shop\n' },
      changes: BASE,
      event: 'push',
      with: { 'fail-on': 'severe' },
    });
    expect(s.github.requests).toEqual([]);
    expect(s.run.commands).toEqual([
      '::error::invalid input fail-on: "severe" (allowed: critical, high, medium, low, info, none)',
    ]);
    expect(s.run.outputs).toEqual({});
    expect(s.run.code).toBe(1);
  }, 120_000);
});

describe('a baseline report from the base branch', () => {
  /** The base branch's JSON report (the report-file of a run on main), kept next to the checkout. */
  async function baselineOf(started: Awaited<ReturnType<typeof startScenario>>): Promise<string> {
    const { repo, github } = started;
    git(repo.root, ['checkout', '--quiet', 'main']);
    const base = await runAction({
      dir: repo.dir,
      workspace: repo.root,
      eventName: 'push',
      event: pushEvent('0'.repeat(40), repo.baseSha),
      sha: repo.baseSha,
      apiUrl: github.url,
      with: { reporters: 'sarif', 'fail-on': 'none' },
    });
    expect(base.code).toBe(0);
    git(repo.root, ['checkout', '--quiet', 'feature']);
    const path = join(repo.dir, 'baseline.json');
    copyFileSync(join(repo.root, 'shiftdown-report.json'), path);
    github.requests.length = 0;
    return path;
  }

  it('only the new finding fails the gate: the privileged container, not the 3 high findings already on main', async () => {
    const started = await startScenario({ base: BASE, changes: PRIVILEGED_CHANGES });
    const baseline = await baselineOf(started);
    const run = await runIn(started, { with: { baseline } });
    expect(started.github.problems).toEqual([]);
    expect(run.outputs).toMatchObject({ findings: '37', 'new-findings': '1' });
    expect(run.commands).toEqual(['::error::Shiftdown: 1 new finding at or above high']);
    expect(run.code).toBe(1);
    expect(run.summary.endsWith('**Gate:** failed ❌\n\n- 1 new finding at or above high\n\n')).toBe(true);
    expectEveryFindingReported(run);
  }, 120_000);

  it('no new finding: the gate passes although main has high findings', async () => {
    const catalog = BASE[CATALOG];
    const started = await startScenario({
      base: BASE,
      changes: { [CATALOG]: catalog.replace('replicas: 2', 'replicas: 3') },
    });
    const baseline = await baselineOf(started);
    const run = await runIn(started, { with: { baseline } });
    expect(started.github.problems).toEqual([]);
    expect(started.github.lines()).toEqual([
      LIST_FILES,
      `POST ${API}/check-runs`,
      `GET ${API}/issues/2/comments?per_page=100&page=1`,
      `POST ${API}/issues/2/comments`,
    ]);
    expect((started.github.of('checks/create')[0]!.body as { conclusion: string }).conclusion).toBe(
      'success',
    );
    expect(run.outputs).toMatchObject({ findings: '37', 'new-findings': '0' });
    expect(run.commands).toEqual([]);
    expect(run.code).toBe(0);
    expectEveryFindingReported(run);
  }, 120_000);
});
