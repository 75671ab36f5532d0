import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASE_FLAGS,
  KubeconformError,
  buildKubeconformArgs,
  kubeconformVersion,
  normalizeKubernetesVersion,
  parseKubeconformVersion,
  runKubeconform,
  type RunKubeconformOptions,
} from '../../src/runner/index.js';
import { INPUTS_DIR, KUBECONFORM_DIR, installFakeBinary, makeTempDir } from './helpers.js';

const posix = process.platform === 'win32' ? describe.skip : describe;

interface Invocation {
  argv: string[];
  stdinBytes: number;
}

posix('runKubeconform with a fake kubeconform binary', () => {
  let root: string;
  let binary: string;
  let log: string;

  beforeAll(() => {
    root = makeTempDir('shiftdown-run-');
    binary = installFakeBinary(root);
    log = path.join(root, 'invocations.jsonl');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  beforeEach(() => fs.rmSync(log, { force: true }));

  const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    ...process.env,
    FAKE_KC_LOG: log,
    ...vars,
  });
  const invocations = (): Invocation[] =>
    fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Invocation);
  const run = (options: Partial<RunKubeconformOptions>, vars?: Record<string, string>) =>
    runKubeconform({ inputs: [], binary, env: env(vars), ...options });
  const failure = async (promise: Promise<unknown>): Promise<string> => {
    const error: unknown = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(KubeconformError);
    return (error as Error).message;
  };

  it('builds the exact argument list from the options and closes stdin', async () => {
    const inputs = [{ path: 'a.yaml', diskPath: path.join(INPUTS_DIR, 'valid-deploy.yaml'), text: '' }];
    const result = await run({
      inputs,
      kubernetesVersion: '1.36',
      schemaLocations: ['default', 'schemas/{{ .ResourceKind }}.json'],
      skip: ['Secret', 'example.com/v1/Foo'],
      ignoreMissingSchemas: true,
      concurrency: 4,
    });
    expect(invocations()).toEqual([
      { argv: ['-v'], stdinBytes: 0 },
      {
        argv: [
          '-output',
          'json',
          '-summary',
          '-strict',
          '-verbose',
          '-n',
          '4',
          '-kubernetes-version',
          '1.36.0',
          '-schema-location',
          'default',
          '-schema-location',
          'schemas/{{ .ResourceKind }}.json',
          '-skip',
          'Secret,example.com/v1/Foo',
          '-ignore-missing-schemas',
          '--',
          path.join(INPUTS_DIR, 'valid-deploy.yaml'),
        ],
        stdinBytes: 0,
      },
    ]);
    expect(result.version).toBe('v0.6.7');
    expect(result.binary).toBe(binary);
    expect(result.exitCode).toBe(0);
    expect(result.resources).toEqual([
      { filename: 'a.yaml', kind: 'ConfigMap', name: 'web', version: 'v1', status: 'statusValid', msg: '' },
    ]);
  });

  it('writes inputs without a usable disk path to a private temporary directory and maps them back', async () => {
    const diskPath = path.join(INPUTS_DIR, 'multi.yaml');
    const inputs = [
      { path: '<stdin>', text: 'metadata:\n  name: from-stdin\ninvalid: true\n' },
      { path: 'disk/multi.yaml', diskPath, text: '' },
      {
        path: 'chart/templates/cm.tpl',
        diskPath: path.join(root, 'cm.tpl'),
        text: 'metadata:\n  name: tpl\n',
      },
      {
        path: 'weird,name.yaml',
        diskPath: path.join(root, 'weird,name.yaml'),
        text: 'metadata:\n  name: comma\n',
      },
      { path: 'in-memory.json', text: '{"metadata": {"name": "json"}}' },
    ];
    const result = await run({ inputs });
    const argv = invocations()[1]!.argv;
    const files = argv.slice(argv.indexOf('--') + 1);
    expect(files).toHaveLength(5);
    expect(files[1]).toBe(diskPath);
    const temp = path.dirname(files[0]!);
    expect(path.basename(temp)).toMatch(/^shiftdown-kubeconform-/);
    expect([0, 2, 3, 4].map((i) => path.relative(temp, files[i]!))).toEqual([
      '0.yaml',
      '2.yaml',
      '3.yaml',
      '4.json',
    ]);
    // Removed afterwards.
    expect(fs.existsSync(temp)).toBe(false);
    expect(result.resources.map(({ filename, name, status }) => [filename, name, status])).toEqual([
      ['<stdin>', 'from-stdin', 'statusInvalid'],
      ['disk/multi.yaml', 'svc', 'statusValid'],
      ['chart/templates/cm.tpl', 'tpl', 'statusValid'],
      ['weird,name.yaml', 'comma', 'statusValid'],
      ['in-memory.json', '', 'statusValid'],
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.summary).toEqual({ valid: 4, invalid: 1, errors: 0, skipped: 0 });
  });

  it('splits long input lists into several runs and merges them', async () => {
    const inputs = Array.from({ length: 7 }, (_, i) => ({
      path: `f${i}.yaml`,
      text: `metadata:\n  name: n${i}\n`,
    }));
    const result = await run({ inputs, maxFilesPerRun: 3 });
    const runs = invocations().slice(1);
    expect(
      runs.map(({ argv }) => argv.slice(argv.indexOf('--') + 1).map((file) => path.basename(file))),
    ).toEqual([['0.yaml', '1.yaml', '2.yaml'], ['3.yaml', '4.yaml', '5.yaml'], ['6.yaml']]);
    expect(result.resources.map(({ filename }) => filename)).toEqual(inputs.map((input) => input.path));
    expect(result.summary).toEqual({ valid: 7, invalid: 0, errors: 0, skipped: 0 });
  });

  it('also splits by the length of the arguments', async () => {
    const inputs = Array.from({ length: 4 }, (_, i) => ({
      path: `f${i}.yaml`,
      text: 'metadata:\n  name: x\n',
    }));
    await run({ inputs, maxArgumentChars: 1 });
    expect(invocations().slice(1)).toHaveLength(4);
  });

  it('returns the recorded output of a real run, mapped to the scan paths', async () => {
    const stdoutFile = path.join(root, 'recorded.json');
    const recorded = fs.readFileSync(path.join(KUBECONFORM_DIR, 'output.json.txt'), 'utf8');
    fs.writeFileSync(stdoutFile, recorded.replace(/exit 1\s*$/, ''));
    const inputs = ['broken.yaml', 'cm.json'].map((name) => ({
      path: `manifests/${name}`,
      diskPath: name,
      text: '',
    }));
    const result = await run(
      { inputs, cwd: INPUTS_DIR },
      { FAKE_KC_MODE: 'stdout-file', FAKE_KC_STDOUT_FILE: stdoutFile, FAKE_KC_EXIT: '1' },
    );
    expect(result.exitCode).toBe(1);
    expect(result.summary).toEqual({ valid: 5, invalid: 6, errors: 8, skipped: 0 });
    expect(result.resources.slice(0, 3).map(({ filename }) => filename)).toEqual([
      'manifests/broken.yaml',
      'manifests/cm.json',
      'crd-def.yaml',
    ]);
  });

  it('runs nothing but -v for no inputs', async () => {
    const result = await run({ inputs: [] });
    expect(result.resources).toEqual([]);
    expect(invocations().map(({ argv }) => argv)).toEqual([['-v']]);
  });

  it('quotes stderr when kubeconform refuses its flags (exit 1 without JSON)', async () => {
    const message = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_MODE: 'bad-flag' }),
    );
    expect(message).toBe(
      'kubeconform failed (exit code 1): flag provided but not defined: -bogus\nUsage: kubeconform [OPTION]... [FILE OR FOLDER]...',
    );
  });

  it('quotes the first 200 characters of garbage on stdout', async () => {
    const message = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_MODE: 'garbage' }),
    );
    expect(message).toBe(
      `kubeconform printed output that is not JSON: "panic: runtime error ${'x'.repeat(179)}…"`,
    );
  });

  it('fails when kubeconform prints nothing', async () => {
    const message = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_MODE: 'nothing' }),
    );
    expect(message).toBe('kubeconform printed no output.');
  });

  it('fails on an exit code kubeconform never uses, even with JSON', async () => {
    const message = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_EXIT: '2' }),
    );
    expect(message).toMatch(/^kubeconform exited with code 2 \(stdout: "\{\\n {2}\\"resources\\": \[/);
    const withStderr = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_MODE: 'garbage', FAKE_KC_EXIT: '3' }),
    );
    expect(withStderr).toBe('kubeconform exited with code 3: goroutine 1 [running]');
  });

  it('reports a crash by signal', async () => {
    const message = await failure(
      run({ inputs: [{ path: 'a.yaml', text: 'a: 1\n' }] }, { FAKE_KC_MODE: 'signal' }),
    );
    expect(message).toBe('kubeconform was killed by signal SIGKILL (stderr: about to crash).');
  });

  it('kills the whole process tree when it runs past the timeout', async () => {
    const pidFile = path.join(root, 'grandchild.pid');
    const message = await failure(
      run(
        // Room for the fake (a node process) to start its grandchild and write its pid on a loaded machine.
        { inputs: [{ path: 'a.yaml', text: 'a: 1\n' }], timeoutMs: 5000 },
        { FAKE_KC_MODE: 'sleep', FAKE_KC_PID_FILE: pidFile },
      ),
    );
    expect(message).toBe('kubeconform did not finish within 5 s and was stopped.');
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    await expect(waitUntilGone(grandchild)).resolves.toBe(true);
  });

  it('fails clearly when the binary cannot be started', async () => {
    const missing = path.join(root, 'missing', 'kubeconform');
    const inputs = [{ path: 'a.yaml', text: 'a: 1\n' }];
    expect(await failure(runKubeconform({ inputs, binary: missing }))).toBe(
      `Cannot run kubeconform: "${missing}" does not exist (ENOENT).`,
    );
    const notExecutable = installFakeBinary(root, 'not-executable', 0o644);
    expect(await failure(runKubeconform({ inputs, binary: notExecutable }))).toBe(
      `Cannot run kubeconform: "${notExecutable}" is not executable (EACCES).`,
    );
  });

  it('fails clearly without a binary, with a bad option or a missing directory', async () => {
    expect(await failure(runKubeconform({ inputs: [], env: { PATH: root + '/none' } }))).toBe(
      'kubeconform was not found: install it, put it on PATH or set KUBECONFORM_PATH.',
    );
    expect(await failure(run({ kubernetesVersion: 'latest' }))).toBe(
      'Invalid Kubernetes version "latest" for kubeconform: expected MAJOR.MINOR[.PATCH] such as 1.36 or 1.36.0.',
    );
    expect(fs.existsSync(log)).toBe(false);
    const missingDir = path.join(root, 'no-such-dir');
    expect(await failure(run({ cwd: missingDir }))).toBe(
      `Cannot run kubeconform in "${missingDir}": the directory does not exist.`,
    );
  });

  it('reads the version leniently and gives up quietly', async () => {
    expect(await kubeconformVersion(binary, { env: env({ FAKE_KC_VERSION: 'kubeconform 0.7.0' }) })).toBe(
      'v0.7.0',
    );
    expect(await kubeconformVersion(binary, { env: env({ FAKE_KC_VERSION: 'dev' }) })).toBeUndefined();
    expect(await kubeconformVersion(binary, { env: env({ FAKE_KC_VERSION_EXIT: '2' }) })).toBeUndefined();
    expect(await kubeconformVersion(path.join(root, 'missing'))).toBeUndefined();
  });
});

describe('kubeconform arguments', () => {
  it('normalises Kubernetes versions', () => {
    expect(normalizeKubernetesVersion('1.36')).toBe('1.36.0');
    expect(normalizeKubernetesVersion('v1.35.2')).toBe('1.35.2');
    expect(normalizeKubernetesVersion('master')).toBe('master');
    expect(() => normalizeKubernetesVersion('1')).toThrow(KubeconformError);
  });

  it('defaults to one worker, so results come in document order', () => {
    expect(buildKubeconformArgs({}, ['a.yaml'])).toEqual([...BASE_FLAGS, '-n', '1', '--', 'a.yaml']);
  });

  it('rejects options kubeconform would misread', () => {
    expect(() => buildKubeconformArgs({ skip: ['a,b'] }, [])).toThrow(
      'Invalid kind to skip "a,b": expected one kind or group/version/kind without commas.',
    );
    expect(() => buildKubeconformArgs({ concurrency: 0 }, [])).toThrow(
      'Invalid kubeconform concurrency 0: expected a whole number of at least 1.',
    );
    expect(() => buildKubeconformArgs({ schemaLocations: [' '] }, [])).toThrow(
      'Invalid kubeconform schema location: it is empty.',
    );
  });

  it('parses version output', () => {
    expect(parseKubeconformVersion('v0.6.7\n')).toBe('v0.6.7');
    expect(parseKubeconformVersion('0.7.0-rc.1+abc')).toBe('v0.7.0-rc.1+abc');
    expect(parseKubeconformVersion('')).toBeUndefined();
  });
});

/** Whether `pid` is gone (or a zombie nobody reaps yet), polling for up to five seconds. */
async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A killed process whose parent is gone may linger as a zombie until init reaps it.
    return !/\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
