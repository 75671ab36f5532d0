import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '@shiftdown/policy-core';
import { renderRuleDoc, ruleCatalog } from '@shiftdown/policy-core';
import { main } from '../src/index.js';
import { LARGE_SCAN_DOCUMENTS } from '../src/commands/scan.js';
import { HARDENED_DEPLOYMENT, PRIVILEGED_POD, deniedFs, tempTree, testIO } from './helpers.js';

async function run(
  cwd: string,
  argv: string[],
  options: Parameters<typeof testIO>[1] = {},
  deps: Parameters<typeof main>[2] = {},
) {
  const t = testIO(cwd, options);
  const code = await main(argv, t.io, deps);
  return { code, stdout: t.stdout.text(), stderr: t.stderr.text() };
}

describe('main: exit codes', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('0 for a clean manifest, 1 for a policy failure', async () => {
    tree = tempTree({ 'good/deploy.yaml': HARDENED_DEPLOYMENT, 'bad/pod.yaml': PRIVILEGED_POD });
    const good = await run(tree.root, ['scan', 'good']);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const bad = await run(tree.root, ['scan', 'bad']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('privileged-container');
  });

  test('scans the working directory by default', async () => {
    tree = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const result = await run(tree.root, ['scan', '--format', 'json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Report).files.map((f) => f.path)).toEqual(['pod.yaml']);
  });

  test('--fail-on and --min-score move the threshold', async () => {
    tree = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    expect((await run(tree.root, ['scan', '--fail-on', 'none'])).code).toBe(0);
    expect((await run(tree.root, ['scan', '--fail-on', 'none', '--min-score', '100'])).code).toBe(1);
    expect((await run(tree.root, ['scan', '--fail-on', 'none', '--min-score', '0'])).code).toBe(0);
  });

  test('failOn and minScore come from the config unless a flag overrides them', async () => {
    tree = tempTree({ '.shiftdown.yaml': 'failOn: none\n', 'pod.yaml': PRIVILEGED_POD });
    expect((await run(tree.root, ['scan'])).code).toBe(0);
    expect((await run(tree.root, ['scan', '--fail-on', 'critical'])).code).toBe(1);
    expect((await run(tree.root, ['scan', '--no-config'])).code).toBe(1);
  });

  test('2 for usage errors: bad flag, bad value, missing path, unknown command, no command', async () => {
    tree = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const bad = await run(tree.root, ['scan', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus'");
    const value = await run(tree.root, ['scan', '--fail-on', 'severe']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain("argument 'severe' is invalid");
    expect((await run(tree.root, ['scan', '--min-score', 'lots'])).code).toBe(2);
    expect((await run(tree.root, ['scan', '--format', 'xml'])).code).toBe(2);
    const missing = await run(tree.root, ['scan', 'pod.yaml', 'nope/']);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'shiftdown: error: path not found: nope/\n',
    });
    expect((await run(tree.root, ['frobnicate'])).code).toBe(2);
    expect((await run(tree.root, [])).code).toBe(2);
    expect((await run(tree.root, ['scan', '--pss-version', 'v2.0'])).stderr).toContain(
      'invalid Pod Security Standards version',
    );
    expect((await run(tree.root, ['scan', '--pss-version', 'v2.0'])).code).toBe(2);
  });

  test('an invalid config exits 2 with file:line:col for each problem', async () => {
    tree = tempTree({
      'repo/.shiftdown.yaml': 'profile: strict\nminScore: high\n',
      'repo/k8s/pod.yaml': PRIVILEGED_POD,
    });
    const result = await run(tree.root, ['scan', 'repo/k8s']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^shiftdown: error: invalid config file repo\/\.shiftdown\.yaml\nrepo\/\.shiftdown\.yaml:2:11: /,
    );
  });

  test('--help and --version exit 0 on stdout', async () => {
    tree = tempTree();
    const help = await run(tree.root, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: shiftdown');
    const scanHelp = await run(tree.root, ['scan', '--help']);
    expect(scanHelp.code).toBe(0);
    expect(scanHelp.stdout).toContain('--fail-on <severity>');
    expect(await run(tree.root, ['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  test('an unreadable file is reported on stderr and in the report, and fails the run', async () => {
    tree = tempTree({ 'a.yaml': HARDENED_DEPLOYMENT, 'b.yaml': HARDENED_DEPLOYMENT });
    const fs = deniedFs({ readFile: [join(tree.root, 'b.yaml')] });
    const result = await run(tree.root, ['scan', '--format', 'json', '--fail-on', 'none'], {}, { fs });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('shiftdown: error: cannot read b.yaml: permission denied\n');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => [f.path, f.errors])).toEqual([
      ['a.yaml', []],
      ['b.yaml', [{ message: 'cannot read b.yaml: permission denied', line: 1, column: 1 }]],
    ]);
    expect(report.summary.files).toBe(2);
  });

  test('a symbolic-link loop is a warning and a file error, but does not fail the run', async () => {
    tree = tempTree({ 'k8s/deploy.yaml': HARDENED_DEPLOYMENT });
    symlinkSync(join(tree.root, 'k8s'), join(tree.root, 'k8s', 'self'));
    const result = await run(tree.root, ['scan', 'k8s', '--format', 'json']);
    expect(result.stderr).toBe(
      'shiftdown: warning: symbolic link loop: k8s/self leads back to k8s; not followed\n',
    );
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).files.map((f) => f.path)).toEqual([
      'k8s/deploy.yaml',
      'k8s/self',
    ]);
  });

  test('an empty directory is a warning, exit 0', async () => {
    tree = tempTree({ 'empty/readme.md': 'x' });
    const result = await run(tree.root, ['scan', 'empty']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no Kubernetes manifests');
  });
});

describe('main: scan input and output', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('- reads stdin, named by --stdin-filename', async () => {
    tree = tempTree();
    const result = await run(
      tree.root,
      ['scan', '-', '--stdin-filename', 'rendered.yaml', '--format', 'json'],
      { stdin: PRIVILEGED_POD },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['rendered.yaml']);
    expect(report.findings.find((f) => f.ruleId === 'privileged-container')).toMatchObject({
      file: 'rendered.yaml',
      line: 10,
      column: 9,
    });
    const unnamed = await run(tree.root, ['scan', '-', '--format', 'json'], { stdin: PRIVILEGED_POD });
    expect((JSON.parse(unnamed.stdout) as Report).files[0]?.path).toBe('<stdin>');
    expect((await run(tree.root, ['scan', '-', '-'])).code).toBe(2);
  });

  test('--output writes the report to a file and prints nothing', async () => {
    tree = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const result = await run(tree.root, ['scan', '--format', 'sarif', '--output', 'out/report.sarif']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const sarif = JSON.parse(readFileSync(join(tree.root, 'out/report.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');
  });

  test('text colour follows the TTY, NO_COLOR and the flags', async () => {
    tree = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const esc = '\u001b[';
    expect((await run(tree.root, ['scan'], { tty: true, env: {} })).stdout).toContain(esc);
    expect((await run(tree.root, ['scan'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await run(tree.root, ['scan'], { tty: false, env: {} })).stdout).not.toContain(esc);
    expect(
      (await run(tree.root, ['scan', '--color'], { tty: false, env: { NO_COLOR: '1' } })).stdout,
    ).toContain(esc);
    expect(
      (await run(tree.root, ['scan', '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(esc);
    expect((await run(tree.root, ['scan'], { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
  });

  test('progress appears on a TTY stderr for more than 100 files and is cleared', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 101; i++) files[`m/${String(i).padStart(3, '0')}.yaml`] = HARDENED_DEPLOYMENT;
    tree = tempTree(files);
    const tty = await run(tree.root, ['scan', 'm', '--format', 'json'], { tty: true, env: {} });
    expect(tty.stderr.startsWith('\r\u001b[2KReading ')).toBe(true);
    expect(tty.stderr).not.toContain('\n');
    expect(tty.stderr).toContain('Reading 101/101 files…');
    expect(tty.stderr).toContain('Scanning 101/101 files…');
    expect(tty.stderr.indexOf('Reading 101/101')).toBeLessThan(tty.stderr.indexOf('Scanning 1/101'));
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect((await run(tree.root, ['scan', 'm', '--format', 'json'], { tty: false })).stderr).toBe('');
  });
});

describe('main: large scans', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('asks the process to prefer memory before a scan of LARGE_SCAN_DOCUMENTS documents, not before a smaller one', async () => {
    // Empty documents: counted by the estimate, cheap to scan.
    const emptyDocuments = (count: number): string => `${PRIVILEGED_POD}${'---\n'.repeat(count - 1)}`;
    tree = tempTree({
      'large/all.yaml': emptyDocuments(LARGE_SCAN_DOCUMENTS),
      'small/all.yaml': emptyDocuments(LARGE_SCAN_DOCUMENTS - 1),
    });
    for (const [dir, expected] of [
      ['large', 1],
      ['small', 0],
    ] as const) {
      const t = testIO(tree.root);
      let calls = 0;
      const code = await main(['scan', dir, '--format', 'json', '--schema', 'off'], {
        ...t.io,
        preferMemory: () => calls++,
      });
      expect(code).toBe(1);
      expect(
        (JSON.parse(t.stdout.text()) as Report).findings.some((f) => f.ruleId === 'privileged-container'),
      ).toBe(true);
      expect(calls).toBe(expected);
    }
  });
});

describe('main: rules and explain', () => {
  test('explain prints the rule doc exactly', async () => {
    const result = await run('/', ['explain', 'privileged-container']);
    expect(result).toEqual({
      code: 0,
      stdout: renderRuleDoc(ruleCatalog().get('privileged-container')!),
      stderr: '',
    });
  });

  test('explain with an unknown id suggests the closest rule and exits 2', async () => {
    const result = await run('/', ['explain', 'privileged-containr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'shiftdown: error: unknown rule "privileged-containr" — did you mean "privileged-container"?\n',
    );
    expect((await run('/', ['explain'])).code).toBe(2);
  });

  test('rules lists every rule as a table or JSON; --profile narrows it', async () => {
    const text = await run('/', ['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^RULE +SEVERITY +CATEGORY +PSS +TITLE\n/);
    expect(text.stdout).toMatch(
      /\nprivileged-container +critical +isolation +baseline privileged \(since v1\.0\) +Privileged container\n/,
    );
    const json = JSON.parse((await run('/', ['rules', '--format', 'json'])).stdout) as {
      id: string;
      pss?: { level: string };
    }[];
    expect(json.map((r) => r.id)).toEqual(expect.arrayContaining(['privileged-container', 'parse-error']));
    const baseline = JSON.parse(
      (await run('/', ['rules', '--format', 'json', '--profile', 'pss-baseline'])).stdout,
    ) as typeof json;
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((r) => r.pss?.level === 'baseline')).toBe(true);
    expect((await run('/', ['rules', '--profile', 'nope'])).code).toBe(2);
  });
});
