import type { Finding, Report } from '@shiftdown/policy-core';
import {
  chooseReporters,
  collectManifests,
  decideGate,
  loadBaseline,
  newFindings,
  nodeFiles,
} from '../../src/run/index.js';
import type { RunContext } from '../../src/types.js';
import { writeRepo } from './fixture.js';

describe('collectManifests', () => {
  const repo = writeRepo({
    'k8s/.hidden/svc.json': '{}',
    'vendor/x.yaml': 'a: 1\n',
    'k8s/bytes.yaml': '\uFEFFa: 1\n',
  });
  afterAll(repo.cleanup);

  it.each([
    [
      'the default globs (dot directories walked; .git and node_modules never)',
      ['**/*.yaml', '**/*.yml', '**/*.json'],
      {},
      [
        '.github/workflows/ci.yml',
        'deploy/debug.yaml',
        'deploy/web.yaml',
        'k8s/.hidden/svc.json',
        'k8s/bytes.yaml',
        'vendor/x.yaml',
      ],
    ],
    ['a narrower glob', ['deploy/*.yaml'], {}, ['deploy/debug.yaml', 'deploy/web.yaml']],
    ['config include', ['**/*.yaml'], { include: ['deploy/**'] }, ['deploy/debug.yaml', 'deploy/web.yaml']],
    [
      'config exclude of a directory and a file',
      ['**/*.yaml', '**/*.yml'],
      { exclude: ['vendor', '**/debug.yaml'] },
      ['.github/workflows/ci.yml', 'deploy/web.yaml', 'k8s/bytes.yaml'],
    ],
    ['ignored paths', ['deploy/*.yaml'], { ignore: ['deploy/web.yaml'] }, ['deploy/debug.yaml']],
    [
      'globs and config filters written with a leading ./',
      ['./deploy/*.yaml', '././k8s/*.yaml'],
      { include: ['./deploy/**', 'k8s/**'], exclude: ['./deploy/web.yaml'] },
      ['deploy/debug.yaml', 'k8s/bytes.yaml'],
    ],
  ])('%s', async (_label, globs, filter, expected) => {
    const files = await collectManifests(repo.root, globs, filter, nodeFiles);
    expect(files.map((f) => f.path)).toEqual(expected);
  });

  it('decodes the bytes (the BOM is dropped)', async () => {
    const [file] = await collectManifests(`${repo.root}/`, ['k8s/bytes.yaml'], {}, nodeFiles);
    expect(file).toEqual({ path: 'k8s/bytes.yaml', text: 'a: 1\n' });
  });
});

const finding = (fingerprint: string, severity: Finding['severity'], suppressed = false): Finding =>
  ({
    ruleId: `rule-${fingerprint}`,
    severity,
    fingerprint,
    ...(suppressed && { suppressed: { reason: 'ok', source: 'config:x#0' } }),
  }) as Finding;

describe('loadBaseline and newFindings', () => {
  const files = (text: string | Error) => ({
    readFile: async () => {
      if (text instanceof Error) throw text;
      return new TextEncoder().encode(text);
    },
  });

  it('returns every fingerprint and keeps unsuppressed findings not in it', async () => {
    const baseline = await loadBaseline(
      'b.json',
      files(JSON.stringify({ findings: [{ fingerprint: 'a' }, { fingerprint: 'b' }] })),
    );
    expect([...baseline]).toEqual(['a', 'b']);
    const report = { findings: [finding('a', 'high'), finding('c', 'high'), finding('d', 'low', true)] };
    expect(newFindings(report, baseline).map((f) => f.fingerprint)).toEqual(['c']);
  });

  it.each([
    [Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }), 'baseline file b.json not found'],
    [new Error('EACCES'), 'cannot read the baseline file b.json: EACCES'],
    ['{', /^baseline file b\.json is not valid JSON: /],
    [
      '{"findings":[{"ruleId":"x"}]}',
      'baseline file b.json is not a Shiftdown JSON report (expected findings[].fingerprint',
    ],
    ['[]', 'is not a Shiftdown JSON report'],
    ['null', 'is not a Shiftdown JSON report'],
  ])('rejects a bad baseline %#', async (content, message) => {
    await expect(loadBaseline('b.json', files(content))).rejects.toThrow(message);
  });
});

describe('decideGate', () => {
  const report = (grade: Report['summary']['grade'], score: number, findings: Finding[]) =>
    ({ findings, summary: { grade, score } }) as Pick<Report, 'findings' | 'summary'>;
  const base = { failOn: 'high' as const, softFail: false };
  const two = [finding('a', 'critical'), finding('b', 'medium')];

  it.each([
    ['a pass', report('A', 95, [finding('b', 'medium')]), base, undefined, { failed: false, reasons: [] }],
    [
      'fail-on',
      report('D', 60, two),
      base,
      undefined,
      { failed: true, reasons: ['1 finding at or above high'] },
    ],
    [
      'suppressed findings never count',
      report('A', 95, [finding('a', 'critical', true)]),
      base,
      undefined,
      { failed: false, reasons: [] },
    ],
    [
      'min-score and min-grade',
      report('C-', 71, []),
      { ...base, minScore: 80, minGrade: 'B' as const },
      undefined,
      { failed: true, reasons: ['score 71 is below the minimum 80', 'grade C- is below the minimum B'] },
    ],
    [
      'min-grade B accepts B-',
      report('B-', 81, []),
      { ...base, minGrade: 'B' as const },
      undefined,
      { failed: false, reasons: [] },
    ],
    [
      'min-grade A+ needs A+',
      report('A', 97, []),
      { ...base, minGrade: 'A+' as const },
      undefined,
      { failed: true, reasons: ['grade A is below the minimum A+'] },
    ],
    [
      'min-grade E accepts D-',
      report('D-', 50, []),
      { ...base, minGrade: 'E' as const },
      undefined,
      { failed: false, reasons: [] },
    ],
    [
      'min-grade E rejects F',
      report('F', 10, []),
      { ...base, minGrade: 'E' as const },
      undefined,
      { failed: true, reasons: ['grade F is below the minimum E'] },
    ],
    [
      'baseline: only new findings count',
      report('D', 60, two),
      { ...base, baseline: 'b.json' },
      [finding('b', 'medium')],
      { failed: false, reasons: [] },
    ],
    [
      'baseline: a new high finding fails',
      report('D', 60, two),
      { ...base, baseline: 'b.json' },
      [two[0]!],
      { failed: true, reasons: ['1 new finding at or above high'] },
    ],
    [
      'fail-on none',
      report('D', 60, two),
      { ...base, failOn: 'none' as const },
      undefined,
      { failed: false, reasons: [] },
    ],
    [
      'soft-fail keeps the reasons',
      report('D', 60, two),
      { ...base, softFail: true },
      undefined,
      { failed: false, reasons: ['1 finding at or above high'] },
    ],
  ])('%s', (_label, r, inputs, fresh, expected) => {
    expect(decideGate(r, inputs, fresh)).toEqual(expected);
  });
});

describe('chooseReporters', () => {
  const push: RunContext = {
    eventName: 'push',
    owner: 'o',
    repo: 'r',
    sha: 's',
    workspace: '/w',
    serverUrl: 'x',
    apiUrl: 'y',
  };
  const pr = (fromFork: boolean): RunContext => ({
    ...push,
    eventName: 'pull_request',
    pullRequest: { number: 1, headSha: 'h', baseSha: 'b', baseRef: 'main', fromFork },
  });
  const readOnly = ['annotations', 'summary', 'sarif'];

  it.each([
    [
      'a PR with a token',
      undefined,
      pr(false),
      true,
      { reporters: ['check', 'review', 'comment', 'summary', 'sarif'] },
    ],
    [
      'a fork PR',
      undefined,
      pr(true),
      true,
      {
        reporters: readOnly,
        note: 'Shiftdown: the pull request comes from a fork (read-only token): reporting with workflow-command annotations, the job summary and SARIF only.',
      },
    ],
    [
      'no token',
      undefined,
      pr(false),
      false,
      {
        reporters: readOnly,
        note: 'Shiftdown: no GitHub token: reporting with workflow-command annotations, the job summary and SARIF only.',
      },
    ],
    ['a push with a token', undefined, push, true, { reporters: ['check', 'summary', 'sarif'] }],
    ['the input wins', ['review' as const], pr(true), false, { reporters: ['review'] }],
  ])('%s', (_label, requested, context, hasToken, expected) => {
    expect(chooseReporters(requested, context, hasToken)).toEqual(expected);
  });
});
