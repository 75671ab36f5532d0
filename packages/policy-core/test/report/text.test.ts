import { formatText } from '../../src/report/text.js';
import { buildCleanReport, buildReport } from './fixture.js';
import { scan } from '../../src/engine/scan.js';

const SUMMARY = `Summary
  Score:       72/100 (grade D)
  Grade cap:   a critical finding caps the grade at D
  Findings:    1 critical, 2 high, 1 medium, 1 low, 1 info
  Suppressed:  1 (not shown)
  Scanned:     6 files, 5 documents, 5 resources, 1 file error
  Profile:     recommended (PSS v1.34, Kubernetes 1.34)
  Maturity:    level 1 (Initial)
  Next level:  Fix every critical finding
               Meet the Pod Security baseline profile
  Categories:
    Workload isolation           40  F   2 findings
    Workload identity           100  A+  0 findings
    Access control (RBAC)        75  C   1 finding
    Supply chain               82.5  B-  2 findings
    Reliability and resources    95  A   1 finding
`;

describe('formatText', () => {
  it('renders the fixture exactly (no colour, suppressed findings counted)', () => {
    expect(formatText(buildReport(), { color: false })).toBe(
      `charts/web/templates/deployment.yaml
  1  skipped   Helm template (contains {{ }}): render it first

manifests/api/deployment.yaml
  23:18  medium    image-tag-latest      Image "ghcr.io/acme/api:latest" uses the latest tag  [Deployment prod/api]
  31:13  critical  privileged-container  Container "api" runs privileged: it has every capability and the host's devices  [Deployment prod/api]
  44:11  high      host-path-volume      Volume "docker-sock" mounts the host path /var/run/docker.sock  [Deployment prod/api]

manifests/broken.yaml
  4:3  error     unexpected end of flow sequence

manifests/rbac.yaml
  8:12  high      rbac-wildcard  ClusterRole "ci-admin" grants every verb ("*") on secrets  [ClusterRole ci-admin]

manifests/worker.yaml
  20:15  low       missing-resource-limits  Container "cleanup" has no memory limit  [CronJob batch/cleanup]
  21:22  info      image-digest             Image "busybox:1.36" is not pinned by digest  [CronJob batch/cleanup]

${SUMMARY}`,
    );
  });

  it('lists suppressed findings with their reason and source when asked', () => {
    const out = formatText(buildReport(), { color: false, showSuppressed: true });
    expect(out).toContain(`manifests/api/deployment.yaml
  22:11  medium    run-as-non-root       Container "api" may run as root: runAsNonRoot is not set  [Deployment prod/api]
         suppressed: legacy image needs root until ACME-142 ships (annotation:ignore.shiftdown.dev/run-as-non-root)
  23:18  medium    image-tag-latest      Image "ghcr.io/acme/api:latest" uses the latest tag  [Deployment prod/api]
`);
    expect(out).toContain('\n  Suppressed:  1\n');
    expect(out).not.toContain('(not shown)');
  });

  it('hides suppressed findings by default', () => {
    const out = formatText(buildReport(), { color: false });
    expect(out).not.toContain('run-as-non-root');
    expect(out).not.toContain('ACME-142');
  });

  it('writes no ANSI escapes without colour and some with colour', () => {
    for (const showSuppressed of [false, true]) {
      expect(formatText(buildReport(), { color: false, showSuppressed })).not.toContain('\u001b');
    }
    const colored = formatText(buildReport(), { color: true, showSuppressed: true });
    expect(colored).toContain('\u001b[1;35mcritical\u001b[0m');
    expect(colored).toContain('\u001b[2m  22:11  medium'); // the suppressed finding is dimmed
    // Stripping the escapes gives back the plain output.
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(
      formatText(buildReport(), { color: false, showSuppressed: true }),
    );
  });

  it('never leaves trailing whitespace and ends with one newline', () => {
    for (const color of [false, true]) {
      for (const showSuppressed of [false, true]) {
        const out = formatText(buildReport(), { color, showSuppressed });
        expect(out.endsWith('\n')).toBe(true);
        expect(out.endsWith('\n\n')).toBe(false);
        for (const line of out.split('\n')) expect(line).not.toMatch(/[ \t]$/);
      }
    }
  });

  it('sorts files by path and findings by line, then column', () => {
    const report = buildReport();
    const base = report.findings[0]!;
    report.findings = [
      { ...base, file: 'b.yaml', line: 3, column: 9, fingerprint: 'f1' },
      { ...base, file: 'a.yaml', line: 10, column: 1, fingerprint: 'f2' },
      { ...base, file: 'b.yaml', line: 3, column: 2, fingerprint: 'f3' },
      { ...base, file: 'b.yaml', line: 1, column: 5, fingerprint: 'f4' },
    ];
    report.files = [];
    const out = formatText(report, { color: false });
    const positions = out
      .split('\n')
      .filter((line) => /^(\S+\.yaml| {2}\d+:\d+)/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(positions).toEqual(['a.yaml', '10:1', 'b.yaml', '1:5', '3:2', '3:9']);
  });

  it('keeps every finding on one line', () => {
    const report = buildReport();
    report.findings[1]!.message = 'first line\n  second line\r\nthird';
    const out = formatText(report, { color: false });
    expect(out).toContain(
      '  31:13  critical  privileged-container  first line second line third  [Deployment prod/api]\n',
    );
  });

  it('says so when there is nothing to show', () => {
    expect(formatText(buildCleanReport(), { color: false })).toBe(`No findings.

Summary
  Score:       100/100 (grade A+)
  Findings:    0 critical, 0 high, 0 medium, 0 low, 0 info
  Scanned:     1 file, 1 document, 1 resource, 0 file errors
  Profile:     pss-restricted (PSS v1.34)
  Maturity:    level 5 (Hardened)
  Categories:
    Workload isolation  100  A+  0 findings
`);
  });

  it('labels cluster-scoped and unnamed resources', () => {
    const report = buildCleanReport();
    const finding = buildReport().findings[5]!; // rbac-wildcard on ClusterRole ci-admin
    report.findings = [
      finding,
      { ...finding, line: 9, resource: { kind: 'Role', namespace: 'ci' }, fingerprint: 'x' },
    ];
    const out = formatText(report, { color: false });
    expect(out).toContain('[ClusterRole ci-admin]\n');
    expect(out).toContain('[Role ci/(unnamed)]\n');
  });
});

describe('text report: parse errors', () => {
  const files = [{ path: 'broken.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "bad\n' }];

  it('lists a parse error once, as its finding', () => {
    const text = formatText(scan({ files, today: '2026-01-01' }), { color: false });
    expect(text.split('\n').filter((line) => line.includes('Missing closing "quote'))).toEqual([
      '  5:1  high      parse-error  document 1: Missing closing "quote  [File broken.yaml]',
    ]);
  });

  it('still lists it as a file error when the parse-error rule is off', () => {
    const report = scan({ files, config: { rules: { 'parse-error': 'off' } }, today: '2026-01-01' });
    const text = formatText(report, { color: false });
    expect(text.split('\n').filter((line) => line.includes('Missing closing "quote'))).toEqual([
      '  5:1  error     document 1: Missing closing "quote',
    ]);
  });
});
