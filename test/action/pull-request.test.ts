// A pull request that adds a privileged securityContext to an existing Deployment, next to an unchanged
// Job with findings of its own and an unchanged clean Deployment: findings on changed lines, on unchanged
// lines of a changed file, and in an unchanged file. The filter mode decides what is annotated and
// commented; the summary and the SARIF file always have everything.
import {
  checkAnnotationFor,
  expectEveryFindingReported,
  openFindings,
  workflowCommandFor,
  worstFirst,
} from './support/expectations.js';
import { cleanupScenarios, scenario, type Scenario } from './support/scenario.js';
import {
  API,
  BASE,
  CATALOG,
  GPU,
  LIST_FILES,
  PR_REQUESTS,
  PRIVILEGED_CHANGES as CHANGES,
} from './support/services.js';

const PATCH = [
  '@@ -15,6 +15,8 @@ spec:',
  '       containers:',
  '         - name: catalog',
  '           image: ghcr.io/example/catalog:1.4.2',
  '+          securityContext:',
  '+            privileged: true',
  '           ports:',
  '             - containerPort: 8080',
  '           env:',
].join('\n');

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';
const PRIVILEGED_COMMENT = [
  '🔴 **Critical** · **Privileged container** (`privileged-container`)',
  'Container "catalog" runs privileged: it has full access to the host.',
  'Set privileged to false:',
  '```suggestion\n            privileged: false\n```',
  `[How to fix](${DOCS}/privileged-container.md)`,
].join('\n\n');

afterEach(cleanupScenarios);

interface CheckRunBody {
  name: string;
  head_sha: string;
  status: string;
  conclusion: string;
  output: { title: string; summary: string; text: string; annotations?: Record<string, unknown>[] };
}
interface ReviewBody {
  commit_id: string;
  event: string;
  comments: { path: string; line: number; start_line?: number; side: string; body: string }[];
}

function bodies(s: Scenario) {
  return {
    check: s.github.of('checks/create')[0]!.body as CheckRunBody,
    review: s.github.of('pulls/create-review')[0]?.body as ReviewBody | undefined,
    sticky: (s.github.of('issues/create-comment')[0]?.body as { body: string } | undefined)?.body,
  };
}

describe('a pull request with findings on changed and unchanged lines', () => {
  it('filter-mode added (default): annotates and comments only the changed lines; the rest is in the summary and SARIF', async () => {
    const s = await scenario({ base: BASE, changes: CHANGES });
    const { run, github, repo } = s;
    expect(github.problems).toEqual([]);
    expect(repo.files).toEqual([
      expect.objectContaining({
        filename: CATALOG,
        status: 'modified',
        additions: 2,
        deletions: 0,
        patch: PATCH,
      }),
    ]);
    expect(github.lines()).toEqual(PR_REQUESTS);
    // A run's few writes go out as a burst (WRITE_LIMITS in src/github/octokit.ts), in order;
    // @octokit/plugin-throttling's default groups would have held the review 1 s and the comment 3 s more.
    const at = (operation: string) => github.of(operation)[0]!.at;
    expect(at('pulls/create-review')).toBeGreaterThanOrEqual(at('checks/create'));
    expect(at('issues/create-comment')).toBeGreaterThanOrEqual(at('pulls/create-review'));
    // (Measured from the review, the notifying write the default groups would hold the comment 3 s after.)
    expect(at('issues/create-comment') - at('pulls/create-review')).toBeLessThan(2500);

    const report = run.report!;
    const { check, review, sticky } = bodies(s);
    expect(check).toMatchObject({
      name: 'Shiftdown',
      head_sha: repo.headSha,
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: `${report.summary.grade} (${report.summary.score}/100): ${openFindings(report).length} findings`,
      },
    });
    const rawDetails = (rule: string) =>
      `${report.rules.find((r) => r.id === rule)!.remediation}\n\nDocs: ${DOCS}/${rule}.md`;
    const line18 = (rule: string, title: string, message: string, level: string) => ({
      path: CATALOG,
      start_line: 18,
      end_line: 18,
      start_column: 11,
      end_column: 25,
      annotation_level: level,
      title: `${rule}: ${title}`,
      message,
      raw_details: rawDetails(rule),
    });
    expect(check.output.annotations).toEqual([
      {
        path: CATALOG,
        start_line: 19,
        end_line: 19,
        start_column: 13,
        end_column: 28,
        annotation_level: 'failure',
        title: 'privileged-container: Privileged container',
        message: 'Container "catalog" runs privileged: it has full access to the host.',
        raw_details: rawDetails('privileged-container'),
      },
      line18(
        'privilege-escalation-allowed',
        'Privilege escalation not disabled',
        'Container "catalog" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed.',
        'warning',
      ),
      line18(
        'run-as-non-root',
        'runAsNonRoot not required',
        'Container "catalog" does not set runAsNonRoot: true, and neither does the pod: it may run as root.',
        'warning',
      ),
      line18(
        'seccomp-profile-missing',
        'Seccomp profile not set to RuntimeDefault or Localhost',
        'Container "catalog" has no seccomp profile and the pod sets none: it may run Unconfined.',
        'warning',
      ),
      line18(
        'capabilities-not-dropped',
        'Capabilities not dropped',
        'Container "catalog" does not drop ALL capabilities; it must set capabilities.drop: ["ALL"].',
        'warning',
      ),
      line18(
        'read-only-root-filesystem',
        'Root filesystem is writable',
        'Container "catalog" does not set readOnlyRootFilesystem: true, so a compromised process can modify its filesystem and persist tools there.',
        'warning',
      ),
    ]);
    // The check run's text lists what it annotated; its summary is the job summary's report.
    expect(check.output.text.split('\n')).toHaveLength(6);
    expect(check.output.summary).toBe(sticky!.replace('<!-- shiftdown:summary -->\n', ''));

    expect(review!.commit_id).toBe(repo.headSha);
    expect(review!.event).toBe('COMMENT');
    expect(review!.comments.map((c) => `${c.path}:${c.line}:${c.side}:${c.start_line ?? '-'}`)).toEqual([
      `${CATALOG}:19:RIGHT:-`,
      ...Array(5).fill(`${CATALOG}:18:RIGHT:-`),
    ]);
    const privileged = report.findings.find((f) => f.ruleId === 'privileged-container')!;
    expect(review!.comments[0]!.body).toBe(
      `${PRIVILEGED_COMMENT}\n\n<!-- shiftdown:fingerprint=${privileged.fingerprint} -->`,
    );
    expect(sticky!.startsWith(`<!-- shiftdown:summary -->\n## 🛡️ Shiftdown: ${report.summary.grade} (`)).toBe(
      true,
    );

    // No workflow-command annotations next to the check run (they would double every annotation on the
    // diff); the only command is the gate's failure.
    expect(run.commands).toEqual(['::error::Shiftdown: 4 findings at or above high']);
    expect(run.log).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({
      score: String(report.summary.score),
      grade: report.summary.grade,
      findings: '37',
      'new-findings': '37',
      'sarif-file': 'shiftdown.sarif',
      'report-file': 'shiftdown-report.json',
    });
    // Findings outside the diff: unchanged lines of the changed file, and the unchanged Job.
    expect(report.findings.filter((f) => f.file === GPU)).toHaveLength(17);
    expect(report.findings.filter((f) => f.file === CATALOG && f.line !== 18 && f.line !== 19)).toHaveLength(
      14,
    );
    expect(report.files.map((f) => [f.path, f.documents])).toEqual([
      ['.github/workflows/ci.yml', 0],
      [CATALOG, 2],
      [GPU, 1],
      ['services/payments/deployment.yaml', 4],
    ]);
    // The job summary is the same report (core.summary adds a line break), gate verdict last.
    expect(run.summary).toBe(`${check.output.summary}\n`);
    expect(run.summary.endsWith('**Gate:** failed ❌\n\n- 4 findings at or above high\n\n')).toBe(true);
    expectEveryFindingReported(run);
  }, 120_000);

  it('filter-mode diff_context: the findings inside the hunk (lines 15-22)', async () => {
    const s = await scenario({ base: BASE, changes: CHANGES, with: { 'filter-mode': 'diff_context' } });
    expect(s.github.problems).toEqual([]);
    expect(s.github.lines()).toEqual(PR_REQUESTS);
    const report = s.run.report!;
    const { check, review } = bodies(s);
    expect(check.output.annotations!.map((a) => `${a.path}:${a.start_line} ${a.title as string}`)).toEqual([
      `${CATALOG}:19 privileged-container: Privileged container`,
      `${CATALOG}:18 privilege-escalation-allowed: Privilege escalation not disabled`,
      `${CATALOG}:18 run-as-non-root: runAsNonRoot not required`,
      `${CATALOG}:18 seccomp-profile-missing: Seccomp profile not set to RuntimeDefault or Localhost`,
      `${CATALOG}:16 readiness-probe-missing: Container that receives traffic has no readiness probe`,
      `${CATALOG}:18 capabilities-not-dropped: Capabilities not dropped`,
      `${CATALOG}:18 read-only-root-filesystem: Root filesystem is writable`,
    ]);
    const inHunk = worstFirst(
      openFindings(report).filter((f) => f.file === CATALOG && f.line >= 15 && f.line <= 22),
    );
    expect(check.output.annotations).toEqual(inHunk.map((f) => checkAnnotationFor(f, report)));
    expect(review!.comments.map((c) => `${c.path}:${c.line}`)).toEqual(
      inHunk.map((f) => `${f.file}:${f.line}`),
    );
    expect(s.run.code).toBe(1);
    expectEveryFindingReported(s.run);
  }, 120_000);

  it('filter-mode file: every finding of the changed file, none of the unchanged Job', async () => {
    const s = await scenario({ base: BASE, changes: CHANGES, with: { 'filter-mode': 'file' } });
    expect(s.github.problems).toEqual([]);
    expect(s.github.lines()).toEqual(PR_REQUESTS);
    const report = s.run.report!;
    const { check, review } = bodies(s);
    const inFile = worstFirst(openFindings(report).filter((f) => f.file === CATALOG));
    expect(inFile).toHaveLength(20);
    expect(check.output.annotations).toEqual(inFile.map((f) => checkAnnotationFor(f, report)));
    // Review comments only where GitHub accepts them: lines inside the hunk (15-22).
    expect(review!.comments.map((c) => `${c.path}:${c.line}`)).toEqual(
      inFile.filter((f) => f.line >= 15 && f.line <= 22).map((f) => `${f.file}:${f.line}`),
    );
    expectEveryFindingReported(s.run);
  }, 120_000);

  it('filter-mode nofilter with workflow-command annotations: everything annotated, within GitHub caps', async () => {
    const s = await scenario({
      base: BASE,
      changes: CHANGES,
      with: { 'filter-mode': 'nofilter', reporters: 'check,annotations,summary,sarif' },
    });
    expect(s.github.problems).toEqual([]);
    expect(s.github.lines()).toEqual([LIST_FILES, `POST ${API}/check-runs`]);
    const report = s.run.report!;
    const { check } = bodies(s);
    const all = worstFirst(openFindings(report));
    expect(all).toHaveLength(37);
    expect(check.output.annotations).toEqual(all.map((f) => checkAnnotationFor(f, report)));

    // 10 per level at most (GitHub drops the rest silently), then one notice naming what was left out.
    const errors = all.filter((f) => f.severity === 'critical' || f.severity === 'high');
    const warnings = all.filter((f) => f.severity === 'medium' || f.severity === 'low');
    const notices = all.filter((f) => f.severity === 'info');
    expect([errors.length, warnings.length, notices.length]).toEqual([4, 32, 1]);
    expect(s.run.annotations).toEqual(
      [...errors, ...warnings.slice(0, 10), ...notices].map((f) => workflowCommandFor(f, report)),
    );
    expect(s.run.commands).toEqual([
      ...s.run.annotations,
      '::notice::22 more findings were not annotated (GitHub caps annotations per step and per job): see the job summary and the SARIF report for every finding.',
      '::error::Shiftdown: 4 findings at or above high',
    ]);
    expect(s.run.code).toBe(1);
    expectEveryFindingReported(s.run);
  }, 120_000);
});
