import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeconformError, findKubeconform } from '../../src/runner/index.js';
import { installFakeBinary, makeTempDir } from './helpers.js';

const posix = process.platform === 'win32' ? describe.skip : describe;

posix('findKubeconform', () => {
  let root: string;
  let explicit: string;
  let fromEnv: string;
  let onPath: string;
  let notExecutable: string;
  let emptyDir: string;

  beforeAll(() => {
    root = makeTempDir('shiftdown-find-');
    for (const dir of ['explicit', 'env', 'path1', 'path2', 'noexec', 'empty'])
      fs.mkdirSync(path.join(root, dir));
    explicit = installFakeBinary(path.join(root, 'explicit'), 'my-kubeconform');
    fromEnv = installFakeBinary(path.join(root, 'env'));
    notExecutable = installFakeBinary(path.join(root, 'noexec'), 'kubeconform', 0o644);
    onPath = installFakeBinary(path.join(root, 'path2'));
    // A directory named kubeconform earlier on PATH is not a binary.
    fs.mkdirSync(path.join(root, 'path1', 'kubeconform'));
    emptyDir = path.join(root, 'empty');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const pathValue = () =>
    [path.join(root, 'noexec'), path.join(root, 'path1'), '', path.join(root, 'path2')].join(':');

  it('prefers the explicit path, then KUBECONFORM_PATH, then PATH', () => {
    const env = { KUBECONFORM_PATH: fromEnv, PATH: pathValue() };
    expect(findKubeconform({ path: explicit, env })).toBe(explicit);
    expect(findKubeconform({ env })).toBe(fromEnv);
    expect(findKubeconform({ env: { PATH: pathValue() } })).toBe(onPath);
    expect(findKubeconform({ path: '', env: { KUBECONFORM_PATH: '', PATH: pathValue() } })).toBe(onPath);
  });

  it('skips non-executable files and directories on PATH, and returns undefined when there is none', () => {
    expect(
      findKubeconform({ env: { PATH: [path.join(root, 'noexec'), emptyDir].join(':') } }),
    ).toBeUndefined();
    expect(findKubeconform({ env: {} })).toBeUndefined();
  });

  it('looks for kubeconform.exe in Path on Windows', () => {
    const exe = installFakeBinary(emptyDir, 'kubeconform.exe');
    try {
      expect(
        findKubeconform({ platform: 'win32', env: { Path: `${path.join(root, 'path1')};${emptyDir}` } }),
      ).toBe(exe);
    } finally {
      fs.rmSync(exe);
    }
  });

  it('fails on a named binary that is missing, not a file or not executable', () => {
    const missing = path.join(root, 'nope', 'kubeconform');
    expect(() => findKubeconform({ path: missing, env: { PATH: pathValue() } })).toThrow(
      new KubeconformError(
        `kubeconform not found at "${missing}" (from the kubeconform path option): no such file.`,
      ),
    );
    expect(() => findKubeconform({ env: { KUBECONFORM_PATH: missing, PATH: pathValue() } })).toThrow(
      new KubeconformError(`kubeconform not found at "${missing}" (from KUBECONFORM_PATH): no such file.`),
    );
    expect(() => findKubeconform({ env: { KUBECONFORM_PATH: notExecutable } })).toThrow(
      new KubeconformError(`kubeconform at "${notExecutable}" (from KUBECONFORM_PATH) is not executable.`),
    );
    const dir = path.join(root, 'path1', 'kubeconform');
    expect(() => findKubeconform({ path: dir })).toThrow(
      new KubeconformError(`kubeconform at "${dir}" (from the kubeconform path option) is not a file.`),
    );
  });
});
