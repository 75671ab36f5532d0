import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Report } from '@shiftdown/policy-core';
import { assertBuilt, fixtureDir, shiftdown } from './run-cli.js';
import { BROKEN_YAML, HARDENED_DEPLOYMENT, PRIVILEGED_POD } from './fixtures.js';

function findingsOf(stdout: string, ruleId: string): Finding[] {
  return (JSON.parse(stdout) as Report).findings.filter((f) => f.ruleId === ruleId);
}

describe('shiftdown scan (the built CLI as a process)', () => {
  let fixture: ReturnType<typeof fixtureDir>;

  beforeAll(() => {
    assertBuilt();
    fixture = fixtureDir({
      'clean/deployment.yaml': HARDENED_DEPLOYMENT,
      'bad/pod.yaml': PRIVILEGED_POD,
      'mixed/good.yaml': PRIVILEGED_POD,
      'mixed/broken.yaml': BROKEN_YAML,
      'badconfig/.shiftdown.yaml': 'profile: strict\nfailOn: sometimes\n',
      'badconfig/k8s/deployment.yaml': HARDENED_DEPLOYMENT,
    });
  });
  afterAll(() => fixture?.cleanup());

  test('a clean, hardened Deployment exits 0', async () => {
    const result = await shiftdown(['scan', 'clean'], { cwd: fixture.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = await shiftdown(['scan', 'clean', '--format', 'json'], { cwd: fixture.root });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.files).toEqual([expect.objectContaining({ path: 'clean/deployment.yaml', documents: 1, errors: [] })]);
    expect(report.findings.filter((f) => !f.suppressed && (f.severity === 'critical' || f.severity === 'high'))).toEqual([]);
  });

  test('a privileged Pod exits 1 with the finding at its exact line and column', async () => {
    const result = await shiftdown(['scan', 'bad', '--format', 'json'], { cwd: fixture.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const [finding, ...more] = findingsOf(result.stdout, 'privileged-container');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      file: 'bad/pod.yaml',
      line: 11,
      column: 9,
      endLine: 11,
      endColumn: 25,
      severity: 'critical',
      container: 'shell',
      resource: { kind: 'Pod', namespace: 'ops', name: 'root-shell' },
    });
  });

  test('- reads the manifest from stdin (named by --stdin-filename)', async () => {
    const result = await shiftdown(['scan', '-', '--stdin-filename', 'rendered/pod.yaml', '--format', 'json'], {
      cwd: fixture.root,
      input: PRIVILEGED_POD,
    });
    expect(result.code).toBe(1);
    expect(findingsOf(result.stdout, 'privileged-container')).toEqual([
      expect.objectContaining({ file: 'rendered/pod.yaml', line: 11, column: 9 }),
    ]);
    const clean = await shiftdown(['scan', '-'], { cwd: fixture.root, input: HARDENED_DEPLOYMENT });
    expect(clean.code).toBe(0);
  });

  test('--format sarif is SARIF 2.1.0 JSON', async () => {
    const result = await shiftdown(['scan', 'bad', '--format', 'sarif'], { cwd: fixture.root });
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toContain('privileged-container');
  });

  test('a broken YAML file next to a good one: the good one is still checked and the parse error is located', async () => {
    const result = await shiftdown(['scan', 'mixed', '--format', 'json'], { cwd: fixture.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(findingsOf(result.stdout, 'privileged-container')).toEqual([expect.objectContaining({ file: 'mixed/good.yaml', line: 11 })]);
    expect(findingsOf(result.stdout, 'parse-error')).toEqual([expect.objectContaining({ file: 'mixed/broken.yaml', line: 11, column: 1 })]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['mixed/broken.yaml', 'mixed/good.yaml']);
  });

  test('an invalid config exits 2 and points at file:line:col', async () => {
    const result = await shiftdown(['scan', 'badconfig/k8s'], { cwd: fixture.root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('invalid config file badconfig/.shiftdown.yaml');
    expect(result.stderr).toMatch(/^badconfig\/\.shiftdown\.yaml:2:9: .+$/m);
    // --no-config skips it.
    expect((await shiftdown(['scan', 'badconfig/k8s', '--no-config'], { cwd: fixture.root })).code).toBe(0);
  });

  test('a bad flag, a bad value or a missing path exits 2 with a message', async () => {
    const flag = await shiftdown(['scan', 'clean', '--no-such-flag'], { cwd: fixture.root });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--no-such-flag'");
    const value = await shiftdown(['scan', 'clean', '--fail-on', 'sometimes'], { cwd: fixture.root });
    expect(value.code).toBe(2);
    expect(value.stderr).toContain("'sometimes' is invalid");
    const missing = await shiftdown(['scan', 'does-not-exist'], { cwd: fixture.root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shiftdown: error: path not found: does-not-exist\n');
  });

  test('--output writes the report to the file and prints nothing', async () => {
    const out = join(fixture.root, 'reports', 'shiftdown.json');
    const result = await shiftdown(['scan', 'bad', '--format', 'json', '--output', 'reports/shiftdown.json'], { cwd: fixture.root });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(existsSync(out)).toBe(true);
    expect(findingsOf(readFileSync(out, 'utf8'), 'privileged-container')).toHaveLength(1);
  });

  test('--fail-on none turns findings into a pass', async () => {
    expect((await shiftdown(['scan', 'bad', '--fail-on', 'none'], { cwd: fixture.root })).code).toBe(0);
  });
});
