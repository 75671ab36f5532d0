import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, nodeFiles, parseInputs, type RunActionOptions } from '../../src/run/index.js';
import type { RunContext } from '../../src/types.js';
import {
  HARDENED,
  PRIVILEGED,
  fakeGitHub,
  recordingIO,
  writeRepo,
  type FakeGitHubOptions,
} from './fixture.js';

const PATCH = '@@ -10,1 +10,2 @@\n       securityContext:\n+        privileged: true';
const GIT_DIFF = [
  'diff --git a/deploy/debug.yaml b/deploy/debug.yaml',
  'index 1111111..2222222 100644',
  '--- a/deploy/debug.yaml',
  '+++ b/deploy/debug.yaml',
  PATCH,
  '',
].join('\n');

const PRIVILEGED_COMMAND =
  '::error file=deploy/debug.yaml,line=11,endLine=11,col=9,endColumn=24,title=privileged-container%3A Privileged container::Container "shell" runs privileged: it has full access to the host.';
const ALL_COMMANDS = [
  PRIVILEGED_COMMAND,
  '::warning file=deploy/debug.yaml,line=10,endLine=10,col=7,endColumn=21,title=privilege-escalation-allowed%3A Privilege escalation not disabled::Container "shell" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.',
  '::warning file=deploy/debug.yaml,line=10,endLine=10,col=7,endColumn=21,title=run-as-non-root%3A runAsNonRoot not required::Container "shell" does not set runAsNonRoot: true, and neither does the pod: it may run as root.',
  '::warning file=deploy/debug.yaml,line=10,endLine=10,col=7,endColumn=21,title=seccomp-profile-missing%3A Seccomp profile not set to RuntimeDefault or Localhost::Container "shell" has no seccomp profile and the pod sets none: it may run Unconfined.',
  '::warning file=deploy/debug.yaml,line=10,endLine=10,col=7,endColumn=21,title=capabilities-not-dropped%3A Capabilities not dropped::Container "shell" does not drop ALL capabilities; it must set capabilities.drop: ["ALL"].',
];
const RULE_IDS = [
  'privileged-container',
  'privilege-escalation-allowed',
  'run-as-non-root',
  'seccomp-profile-missing',
  'capabilities-not-dropped',
];
const OUTPUTS = {
  score: '66',
  grade: 'D',
  findings: '5',
  'new-findings': '5',
  'sarif-file': 'shiftdown.sarif',
  'report-file': 'shiftdown-report.json',
};
const GATE_FAILED = 'Shiftdown: 1 finding at or above high';
const READ_ONLY_NOTE =
  'info: Shiftdown: the pull request comes from a fork (read-only token): reporting with workflow-command annotations, the job summary and SARIF only.';

let repo: ReturnType<typeof writeRepo>;
beforeEach(() => {
  repo = writeRepo();
});
afterEach(() => repo.cleanup());

function context(kind: 'pr' | 'fork' | 'push'): RunContext {
  const base: RunContext = {
    eventName: kind === 'push' ? 'push' : 'pull_request',
    owner: 'Codertocat',
    repo: 'Hello-World',
    sha: 'head',
    workspace: repo.root,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
  };
  if (kind === 'push') return base;
  return {
    ...base,
    pullRequest: {
      number: 2,
      headSha: 'head',
      baseSha: 'base',
      baseRef: 'master',
      fromFork: kind === 'fork',
    },
  };
}

async function run(
  kind: 'pr' | 'fork' | 'push',
  values: Record<string, string> = {},
  api: FakeGitHubOptions | null = {},
  git: Pick<RunActionOptions, 'gitDiff' | 'checkoutDiff'> = {},
) {
  const io = recordingIO();
  const github = api
    ? fakeGitHub({ files: [{ filename: 'deploy/debug.yaml', status: 'modified', patch: PATCH }], ...api })
    : undefined;
  const all: Record<string, string> = {
    profile: 'pss-restricted',
    ...(github && { 'github-token': 'ghs_x' }),
    ...values,
  };
  const inputs = parseInputs((name) => all[name] ?? '');
  const result = await runAction({
    inputs,
    context: context(kind),
    io,
    ...(github && { github }),
    files: nodeFiles,
    ...git,
    today: '2026-11-24',
  });
  const read = (path: string) => readFileSync(join(repo.root, path), 'utf8');
  return { io, github, result, read };
}

describe('runAction', () => {
  it('reports a PR everywhere, annotating only the added line, and fails the gate', async () => {
    const { io, github, result, read } = await run('pr');
    expect(github!.calls).toEqual([
      'listPullRequestFiles #2',
      'createCheckRun failure',
      'listReviewCommentBodies',
      'createReview 1',
      'upsertStickyComment <!-- shiftdown:summary -->',
    ]);
    // The check run carries the annotations: workflow commands would show each finding twice on the diff.
    expect(io.commands).toEqual([]);
    expect(result.reporters).toEqual(['check', 'review', 'comment', 'summary', 'sarif']);
    expect(io.outputs).toEqual(OUTPUTS);
    expect(io.failed).toEqual([GATE_FAILED]);
    expect(io.log).toEqual([]);
    expect(result).toMatchObject({ diffSource: 'api', inFilter: 1, newFindings: 5, refused: [] });

    const check = github!.checkRuns[0]!;
    expect(check).toMatchObject({
      name: 'Shiftdown',
      conclusion: 'failure',
      title: 'D (66/100): 5 findings',
    });
    expect(check.batches).toEqual([
      [
        expect.objectContaining({
          path: 'deploy/debug.yaml',
          start_line: 11,
          end_line: 11,
          start_column: 9,
          end_column: 24,
          annotation_level: 'failure',
        }),
      ],
    ]);
    const [comment] = github!.reviews[0]!;
    expect(comment).toMatchObject({ path: 'deploy/debug.yaml', line: 11, side: 'RIGHT' });
    expect(comment!.body).toContain('```suggestion\n');
    expect(github!.stickies[0]!.startsWith('<!-- shiftdown:summary -->\n## 🛡️ Shiftdown: D (66/100)')).toBe(
      true,
    );

    // Findings outside the filter still count in the summary and the SARIF report.
    const summary = io.summaries.join('');
    for (const id of RULE_IDS) expect(summary).toContain(`[\`${id}\`](`);
    expect(summary).toContain(
      '`.github/workflows/ci.yml:1` | not a Kubernetes object: looks like a GitHub Actions workflow',
    );
    expect(summary.endsWith('**Gate:** failed ❌\n\n- 1 finding at or above high\n')).toBe(true);
    const sarif = JSON.parse(read('shiftdown.sarif')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual([...RULE_IDS].sort());
    const json = JSON.parse(read('shiftdown-report.json')) as {
      findings: unknown[];
      files: { path: string }[];
    };
    expect(json.findings).toHaveLength(5);
    expect(json.files.map((f) => f.path)).toEqual([
      '.github/workflows/ci.yml',
      'deploy/debug.yaml',
      'deploy/web.yaml',
    ]);
  });

  it.each([
    ['diff_context', 5],
    ['file', 5],
    ['added', 1],
    ['nofilter', 5],
  ])('filter-mode %s annotates %i findings', async (mode, count) => {
    const { io } = await run('pr', { 'filter-mode': mode, reporters: 'annotations' });
    expect(io.commands).toEqual(ALL_COMMANDS.slice(0, count));
  });

  it('degrades a fork PR to annotations, summary and SARIF with one line', async () => {
    const { io, github, result } = await run('fork');
    expect(github!.calls).toEqual(['listPullRequestFiles #2']);
    expect(io.log).toEqual([READ_ONLY_NOTE]);
    expect(io.commands).toEqual([PRIVILEGED_COMMAND]);
    expect(io.summaries).toHaveLength(1);
    expect(io.outputs).toEqual(OUTPUTS);
    expect(io.failed).toEqual([GATE_FAILED]);
    expect(result.reporters).toEqual(['annotations', 'summary', 'sarif']);
  });

  it('without a token, uses git diff and the read-only reporters', async () => {
    const calls: string[] = [];
    const gitDiff = async (base: string, head: string) => {
      calls.push(`${base}..${head}`);
      return GIT_DIFF;
    };
    const { io, result } = await run('pr', {}, null, { gitDiff });
    expect(calls).toEqual(['base..head']);
    expect(io.log).toEqual([
      'info: Shiftdown: no GitHub token: reporting with workflow-command annotations, the job summary and SARIF only.',
    ]);
    expect(io.commands).toEqual([PRIVILEGED_COMMAND]);
    expect(result.diffSource).toBe('git');
  });

  it('falls back to git diff when the API cannot list the files', async () => {
    const { io, result } = await run(
      'pr',
      { reporters: 'annotations' },
      { files: new Error('HTTP 502') },
      { gitDiff: async () => GIT_DIFF },
    );
    expect(io.log).toEqual([
      'info: Shiftdown: cannot list the pull request files (HTTP 502); using git diff.',
    ]);
    expect(io.commands).toEqual([PRIVILEGED_COMMAND]);
    expect(result.diffSource).toBe('git');
  });

  describe('a merge-commit checkout whose base branch changed a scanned file since the PR branched off', () => {
    // The base branch added two comment lines on top of deploy/debug.yaml and a second Pod under it: the
    // checkout has the head's privileged line at line 13, and a privileged line of its own at line 25.
    const CHECKOUT_DIFF = [
      'diff --git a/deploy/debug.yaml b/deploy/debug.yaml',
      'index 36857ee..9cdb5db 100644',
      '--- a/deploy/debug.yaml',
      '+++ b/deploy/debug.yaml',
      '@@ -0,0 +1,2 @@',
      '+# Owned by the platform team.',
      '+# Reviewed 2026-11.',
      '@@ -11,0 +14,12 @@ spec:',
      '+---',
      ...secondPod().map((line) => `+${line}`),
      '',
    ].join('\n');
    function secondPod(): string[] {
      return PRIVILEGED.replace('name: debug', 'name: debug-2').trimEnd().split('\n');
    }
    beforeEach(() =>
      writeFileSync(
        join(repo.root, 'deploy/debug.yaml'),
        `# Owned by the platform team.\n# Reviewed 2026-11.\n${PRIVILEGED}---\n${secondPod().join('\n')}\n`,
      ),
    );

    it("annotates at the head's lines and leaves out findings on lines only the base branch has", async () => {
      const asked: string[] = [];
      const { io, github, result, read } = await run(
        'pr',
        { 'filter-mode': 'nofilter' },
        {},
        {
          checkoutDiff: async (head, paths) => {
            asked.push(`${head}: ${paths.join(', ')}`);
            return CHECKOUT_DIFF;
          },
        },
      );
      // Only the files with findings are compared.
      expect(asked).toEqual(['head: deploy/debug.yaml']);
      expect(result.onHead).toEqual({ moved: 5, left: 5 });
      expect(io.log).toEqual([
        "info: Shiftdown: the base branch changed 1 file with findings since the pull request branched off (the checkout is not its head): 5 findings moved to the head's lines, 5 on lines only the base branch has left unannotated (they are in the report and the gate).",
      ]);
      // The same annotations as on a checkout of the head commit.
      const annotations = github!.checkRuns[0]!.batches.flat() as { start_line: number; title: string }[];
      expect(annotations.map((a) => `${a.start_line} ${a.title.split(':')[0]}`)).toEqual([
        '11 privileged-container',
        '10 privilege-escalation-allowed',
        '10 run-as-non-root',
        '10 seccomp-profile-missing',
        '10 capabilities-not-dropped',
      ]);
      // Review comments go on the diff's lines: the added line 11 and its context line 10.
      expect(github!.reviews[0]!.map((c) => c.line)).toEqual([11, 10, 10, 10, 10]);
      // The Markdown of the check run, the sticky comment and the job summary lists every finding, at the
      // head's line where it has one (privileged: 11, not the checkout's 13) and at the checkout's otherwise.
      for (const markdown of [github!.stickies[0]!, io.summaries.join(''), github!.checkRuns[0]!.summary]) {
        const privileged = [...markdown.matchAll(/privileged-container.*?`(deploy\/debug\.yaml:\d+)`/g)];
        expect(privileged.map((match) => match[1])).toEqual(['deploy/debug.yaml:11', 'deploy/debug.yaml:25']);
      }
      // The report, the SARIF file and the gate describe the checkout: every finding, at its lines.
      expect(io.outputs.findings).toBe('10');
      const json = JSON.parse(read('shiftdown-report.json')) as {
        findings: { ruleId: string; line: number }[];
      };
      expect(json.findings.filter((f) => f.ruleId === 'privileged-container').map((f) => f.line)).toEqual([
        13, 25,
      ]);
    });

    it('annotates at the checkout lines, with a warning, when git cannot compare them', async () => {
      const checkoutDiff = async () => {
        throw new Error('fatal: remote error: upload-pack: not our ref head');
      };
      const { io, github, result } = await run('pr', { reporters: 'check' }, {}, { checkoutDiff });
      expect(result.onHead).toBeUndefined();
      expect(io.log).toEqual([
        "warning: Shiftdown: cannot compare the checkout with the head commit head (fatal: remote error: upload-pack: not our ref head): annotations use the checkout's lines, which differ where the base branch changed a file since the pull request branched off.",
      ]);
      expect(github!.checkRuns[0]!.batches.flat()).toEqual([]);
    });

    it('runs no git at all when there is no finding to move', async () => {
      writeFileSync(join(repo.root, 'deploy/debug.yaml'), HARDENED.replace('name: web', 'name: debug'));
      const asked: string[] = [];
      const checkoutDiff = async (head: string) => {
        asked.push(head);
        return CHECKOUT_DIFF;
      };
      const { io, result } = await run('pr', {}, {}, { checkoutDiff });
      expect(result.report!.findings).toEqual([]);
      expect(asked).toEqual([]);
      expect(io.log).toEqual([]);
    });

    it('changes nothing when the checkout is the head', async () => {
      const { io, result } = await run(
        'pr',
        { reporters: 'annotations' },
        {},
        { checkoutDiff: async () => undefined },
      );
      expect(result.onHead).toBeUndefined();
      expect(io.log).toEqual([]);
    });
  });

  it('annotates everything when no diff can be had', async () => {
    const { io, result } = await run('pr', { reporters: 'annotations' }, { files: new Error('HTTP 502') });
    expect(io.log).toEqual([
      'info: Shiftdown: cannot list the pull request files (HTTP 502); using git diff.',
      'warning: Shiftdown: the pull request diff is unknown: annotating every finding (filter-mode nofilter).',
    ]);
    expect(io.commands).toEqual(ALL_COMMANDS);
    expect(result.diffSource).toBe('none');
  });

  it('on push: check run, summary and SARIF; a forbidden check run falls back to annotations', async () => {
    const message = 'Resource not accessible by integration';
    const { io, github, result } = await run(
      'push',
      {},
      { outcome: { check: { status: 'forbidden', message } } },
    );
    expect(github!.calls).toEqual(['createCheckRun failure']);
    expect(io.log).toEqual([
      `info: Shiftdown: the check reporter was refused (${message}): reporting with workflow-command annotations instead.`,
    ]);
    expect(io.commands).toEqual(ALL_COMMANDS);
    expect(io.outputs).toEqual(OUTPUTS);
    expect(io.failed).toEqual([GATE_FAILED]);
    expect(result).toMatchObject({
      reporters: ['check', 'summary', 'sarif'],
      refused: ['check'],
      diffSource: 'none',
    });
  });

  it('falls back to annotations once when every writing reporter is refused', async () => {
    const forbidden = { status: 'forbidden' as const, message: 'Resource not accessible by integration' };
    const { io, result } = await run(
      'pr',
      { reporters: 'check,review,comment' },
      { outcome: { check: forbidden, review: forbidden, comment: forbidden } },
    );
    expect(io.log).toEqual([
      'info: Shiftdown: the check, review, comment reporters were refused (Resource not accessible by integration): reporting with workflow-command annotations instead.',
    ]);
    expect(io.commands).toEqual([PRIVILEGED_COMMAND]);
    expect(io.summaries).toEqual([]);
    expect(io.outputs['sarif-file']).toBe('');
    expect(io.failed).toEqual([GATE_FAILED]);
    expect(result.refused).toEqual(['check', 'review', 'comment']);
  });

  it('a refused review next to a posted check run: no workflow commands, said once', async () => {
    const forbidden = { status: 'forbidden' as const, message: 'Resource not accessible by integration' };
    const { io, result } = await run('pr', {}, { outcome: { review: forbidden, comment: forbidden } });
    expect(io.log).toEqual([
      'info: Shiftdown: the review, comment reporters were refused (Resource not accessible by integration): the check run carries the annotations.',
    ]);
    expect(io.commands).toEqual([]);
    expect(result.refused).toEqual(['review', 'comment']);
  });

  it('a check run that fails is replaced by workflow commands', async () => {
    const { io, result } = await run(
      'pr',
      {},
      { outcome: { check: { status: 'failed', message: 'creating the check run: 422 Unprocessable' } } },
    );
    expect(io.log).toEqual([
      'warning: Shiftdown: the check reporter failed: creating the check run: 422 Unprocessable',
      'info: Shiftdown: annotating with workflow commands instead of the check run.',
    ]);
    expect(io.commands).toEqual([PRIVILEGED_COMMAND]);
    expect(result.outcomes.annotations).toEqual({ status: 'ok', detail: '1 commands' });
  });

  it('never scans its own files: the baseline, the JSON and SARIF reports of an earlier run', async () => {
    writeFileSync(join(repo.root, 'base.json'), JSON.stringify({ findings: [] }));
    await run('push', { baseline: './base.json', reporters: 'sarif' });
    const { read } = await run('push', { baseline: './base.json', reporters: 'sarif' });
    expect(
      (JSON.parse(read('shiftdown-report.json')) as { files: { path: string }[] }).files.map((f) => f.path),
    ).toEqual(['.github/workflows/ci.yml', 'deploy/debug.yaml', 'deploy/web.yaml']);
  });

  it('a job summary or SARIF file that cannot be written is a warning; the gate and outputs stand', async () => {
    const io = recordingIO();
    io.appendSummary = async () => {
      throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    };
    const values: Record<string, string> = {
      profile: 'pss-restricted',
      reporters: 'summary,sarif',
      'sarif-file': 'deploy/web.yaml/x.sarif',
    };
    const inputs = parseInputs((name) => values[name] ?? '');
    const result = await runAction({
      inputs,
      context: context('push'),
      io,
      files: nodeFiles,
      today: '2026-11-24',
    });
    expect(io.log).toEqual([
      'warning: Shiftdown: the summary reporter failed: Unable to find environment variable for $GITHUB_STEP_SUMMARY.',
      expect.stringMatching(
        /^warning: Shiftdown: the sarif reporter failed: EEXIST: file already exists, mkdir '.*\/deploy\/web.yaml'$/,
      ),
    ]);
    expect(io.outputs).toEqual({ ...OUTPUTS, 'sarif-file': '' });
    expect(io.failed).toEqual([GATE_FAILED]);
    expect(result.outcomes.summary?.status).toBe('failed');
  });

  it('warns on a failed reporter without failing the job for it', async () => {
    const { io } = await run(
      'pr',
      { reporters: 'review', 'fail-on': 'none' },
      { outcome: { review: { status: 'failed', message: 'HTTP 422' } } },
    );
    expect(io.log).toEqual(['warning: Shiftdown: the review reporter failed: HTTP 422']);
    expect(io.failed).toEqual([]);
  });

  it('lists no review comments when no finding is on a diff line', async () => {
    const patch = '@@ -7,1 +7,1 @@\n-  replicas: 1\n+  replicas: 2';
    const { github, result } = await run(
      'pr',
      { reporters: 'review' },
      { files: [{ filename: 'deploy/web.yaml', status: 'modified', patch }] },
    );
    expect(github!.calls).toEqual(['listPullRequestFiles #2']);
    expect(result.outcomes.review).toEqual({ status: 'ok', detail: 'no findings on diff lines' });
  });

  it('does not comment again on a re-run', async () => {
    const existingBodies = ['old\n\n<!-- shiftdown:fingerprint=f1fba1f364db256f -->'];
    const { github, result } = await run('pr', { reporters: 'review' }, { existingBodies });
    expect(github!.calls).toEqual(['listPullRequestFiles #2', 'listReviewCommentBodies']);
    expect(result.outcomes.review).toEqual({ status: 'ok', detail: 'no new comments' });
  });

  it('with a baseline, only new findings fail the gate', async () => {
    writeFileSync(
      join(repo.root, 'base.json'),
      JSON.stringify({ findings: [{ fingerprint: 'f1fba1f364db256f' }] }),
    );
    const { io, result } = await run('push', { baseline: 'base.json', reporters: 'summary' });
    expect(io.outputs).toEqual({ ...OUTPUTS, 'new-findings': '4', 'sarif-file': '' });
    expect(io.failed).toEqual([]);
    expect(result.gate).toEqual({ failed: false, reasons: [] });
  });

  it('soft-fail reports the gate and passes, with a neutral check run', async () => {
    const { io, github } = await run('push', { 'soft-fail': 'true' });
    expect(io.failed).toEqual([]);
    expect(io.log).toEqual(['warning: Shiftdown (soft-fail): 1 finding at or above high']);
    expect(github!.checkRuns[0]!.conclusion).toBe('neutral');
    expect(
      io.summaries[0]!.endsWith(
        '**Gate:** failed (soft-fail: the job passes)\n\n- 1 finding at or above high\n',
      ),
    ).toBe(true);
  });

  it('reads .shiftdown.yaml at the workspace root (its include/exclude apply) and never scans it', async () => {
    writeFileSync(join(repo.root, '.shiftdown.yaml'), 'exclude:\n  - deploy/debug.yaml\n');
    const { io, read } = await run('push', { reporters: 'annotations' });
    expect(io.commands).toEqual([]);
    expect(io.outputs).toMatchObject({ findings: '0', score: '100', grade: 'A+' });
    expect(
      (JSON.parse(read('shiftdown-report.json')) as { files: { path: string }[] }).files.map((f) => f.path),
    ).toEqual(['.github/workflows/ci.yml', 'deploy/web.yaml']);
  });

  it.each([
    [{ config: 'missing.yaml' }, null, 'Shiftdown: config file missing.yaml not found'],
    [{ config: 'bad.yaml' }, 'profile: lax\n', /^Shiftdown: invalid config bad\.yaml:\nbad\.yaml:1:10: /],
    [{ baseline: 'nope.json' }, null, /^Shiftdown: baseline file .*\/nope\.json not found$/],
  ])('fails clearly on a bad config or baseline %#', async (values, text, message) => {
    if (text) writeFileSync(join(repo.root, 'bad.yaml'), text);
    const { io, result } = await run('push', values);
    expect(io.failed).toHaveLength(1);
    expect(io.failed[0]).toMatch(message);
    expect(io.outputs).toEqual({});
    expect(result.report).toBeUndefined();
  });
});
