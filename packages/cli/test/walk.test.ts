import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { collectFiles, resolveTargets } from '../src/files/walk.js';
import type { Target } from '../src/files/walk.js';
import { createPathFilter } from '../src/files/filter.js';
import { readFiles } from '../src/files/read.js';
import { nodeFileSystem } from '../src/files/fs.js';
import type { CliFs } from '../src/files/fs.js';
import { deniedFs, systemError, tempTree } from './helpers.js';

const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

async function collect(root: string, args: string[], fs: CliFs = nodeFileSystem, filter?: ReturnType<typeof createPathFilter>) {
  const resolved = await resolveTargets(args, { cwd: root, fs });
  const collection = await collectFiles(resolved.targets, { cwd: root, fs, ...(filter && { filter }) });
  return {
    ...resolved,
    files: collection.files,
    problems: [...resolved.problems, ...collection.problems],
    paths: collection.files.map((f) => f.path),
  };
}

describe('collectFiles', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('walks nested directories for *.yaml, *.yml and *.json (any case), sorted, with forward-slash paths', async () => {
    tree = tempTree({
      'k8s/b.yaml': 'a: 1',
      'k8s/a.YML': 'a: 1',
      'k8s/nested/deeper/c.json': '{}',
      'k8s/nested/Z.Yaml': 'a: 1',
      'k8s/readme.md': '# no',
      'k8s/script.sh': 'echo',
      'k8s/yaml': 'no extension',
      'top.yaml': 'a: 1',
    });
    const { paths, problems } = await collect(tree.root, ['.']);
    expect(paths).toEqual(['k8s/a.YML', 'k8s/b.yaml', 'k8s/nested/Z.Yaml', 'k8s/nested/deeper/c.json', 'top.yaml']);
    expect(problems).toEqual([]);
  });

  test('paths are relative to the working directory even when the scanned path is elsewhere', async () => {
    tree = tempTree({ 'repo/k8s/app.yaml': 'a: 1' });
    const cwd = join(tree.root, 'repo', 'k8s');
    const resolved = await resolveTargets([join(tree.root, 'repo')], { cwd, fs: nodeFileSystem });
    const { files } = await collectFiles(resolved.targets, { cwd, fs: nodeFileSystem });
    expect(files.map((f) => f.path)).toEqual(['app.yaml']);
    const outside = await collectFiles(resolved.targets, { cwd: join(tree.root, 'other'), fs: nodeFileSystem });
    expect(outside.files.map((f) => f.path)).toEqual(['../repo/k8s/app.yaml']);
  });

  test('skips .git and node_modules directories', async () => {
    tree = tempTree({
      '.git/config.yaml': 'a: 1',
      'node_modules/pkg/chart.yaml': 'a: 1',
      'src/node_modules/x.yaml': 'a: 1',
      '.github/workflows/ci.yml': 'on: push',
      'app.yaml': 'a: 1',
    });
    expect((await collect(tree.root, ['.'])).paths).toEqual(['.github/workflows/ci.yml', 'app.yaml']);
  });

  test('explicitly named files are always scanned, whatever their extension; duplicates are removed', async () => {
    tree = tempTree({ 'manifest.txt': 'a: 1', 'dir/app.yaml': 'a: 1' });
    const { paths, targets } = await collect(tree.root, ['manifest.txt', 'dir', 'dir/app.yaml', './dir/app.yaml']);
    expect(paths).toEqual(['dir/app.yaml', 'manifest.txt']);
    expect(targets.map((t: Target) => t.kind)).toEqual(['file', 'directory', 'file', 'file']);
  });

  test('missing paths are reported separately; - is stdin', async () => {
    tree = tempTree({ 'app.yaml': 'a: 1' });
    const { missing, targets } = await collect(tree.root, ['-', 'nope.yaml', 'app.yaml', 'gone/']);
    expect(missing).toEqual(['nope.yaml', 'gone/']);
    expect(targets.map((t) => t.kind)).toEqual(['stdin', 'file']);
  });

  test('follows symbolic links to files and directories', async () => {
    tree = tempTree({ 'real/app.yaml': 'a: 1', 'shared/one.yaml': 'a: 1' });
    symlinkSync(join(tree.root, 'shared'), join(tree.root, 'real', 'linked'));
    symlinkSync(join(tree.root, 'shared', 'one.yaml'), join(tree.root, 'real', 'alias.yml'));
    const { paths, problems } = await collect(tree.root, ['real']);
    expect(paths).toEqual(['real/alias.yml', 'real/app.yaml', 'real/linked/one.yaml']);
    expect(problems).toEqual([]);
  });

  test('a symbolic link loop is a problem for that path, not a hang or a crash', async () => {
    tree = tempTree({ 'a/app.yaml': 'a: 1', 'a/b/deep.yaml': 'a: 1' });
    symlinkSync(join(tree.root, 'a'), join(tree.root, 'a', 'b', 'back'));
    const { paths, problems } = await collect(tree.root, ['a']);
    expect(paths).toEqual(['a/app.yaml', 'a/b/deep.yaml']);
    expect(problems).toEqual([
      { kind: 'loop', path: 'a/b/back', message: 'symbolic link loop: a/b/back leads back to a; not followed' },
    ]);
  });

  test('a self-referencing link named like a manifest is a loop problem', async () => {
    tree = tempTree({ 'ok.yaml': 'a: 1' });
    symlinkSync(join(tree.root, 'self.yaml'), join(tree.root, 'self.yaml'));
    const { paths, problems } = await collect(tree.root, ['.']);
    expect(paths).toEqual(['ok.yaml']);
    expect(problems).toEqual([expect.objectContaining({ kind: 'loop', path: 'self.yaml' })]);
  });

  test('a directory reached twice through different links is walked once', async () => {
    tree = tempTree({ 'shared/one.yaml': 'a: 1' });
    mkdirSync(join(tree.root, 'x'));
    symlinkSync(join(tree.root, 'shared'), join(tree.root, 'x', 'l1'));
    symlinkSync(join(tree.root, 'shared'), join(tree.root, 'x', 'l2'));
    const { paths, problems } = await collect(tree.root, ['x']);
    expect(paths).toEqual(['x/l1/one.yaml']);
    expect(problems).toEqual([]);
  });

  test('a broken symbolic link named like a manifest is unreadable; other broken links are ignored', async () => {
    tree = tempTree({ 'ok.yaml': 'a: 1' });
    symlinkSync(join(tree.root, 'missing.yaml'), join(tree.root, 'dangling.yaml'));
    symlinkSync(join(tree.root, 'missing'), join(tree.root, 'dangling-dir'));
    const { paths, problems } = await collect(tree.root, ['.']);
    expect(paths).toEqual(['ok.yaml']);
    expect(problems).toEqual([{ kind: 'unreadable', path: 'dangling.yaml', message: 'cannot read dangling.yaml: broken symbolic link' }]);
  });

  test('a FIFO found while walking is skipped with a warning (reading it would block)', async () => {
    tree = tempTree({ 'ok.yaml': 'a: 1' });
    execFileSync('mkfifo', [join(tree.root, 'pipe.yaml')]);
    const { paths, problems } = await collect(tree.root, ['.']);
    expect(paths).toEqual(['ok.yaml']);
    expect(problems).toEqual([{ kind: 'not-regular', path: 'pipe.yaml', message: 'skipping pipe.yaml: not a regular file' }]);
  });

  test('a directory that cannot be listed (EACCES) is an unreadable problem; the rest is still walked', async () => {
    tree = tempTree({ 'open/a.yaml': 'a: 1', 'secret/b.yaml': 'a: 1' });
    const fs = deniedFs({ readdir: [join(tree.root, 'secret')] });
    const { paths, problems } = await collect(tree.root, ['.'], fs);
    expect(paths).toEqual(['open/a.yaml']);
    expect(problems).toEqual([{ kind: 'unreadable', path: 'secret', message: 'cannot read secret: permission denied' }]);
  });

  test('a named path that cannot be examined (EACCES on stat) is unreadable, not missing', async () => {
    tree = tempTree({});
    const fs: CliFs = {
      ...nodeFileSystem,
      stat: async (path) => {
        throw systemError('EACCES', path);
      },
    };
    const { missing, problems, targets } = await collect(tree.root, ['locked/app.yaml'], fs);
    expect(missing).toEqual([]);
    expect(targets).toEqual([]);
    expect(problems).toEqual([{ kind: 'unreadable', path: 'locked/app.yaml', message: 'cannot access locked/app.yaml: permission denied' }]);
  });

  test('config include/exclude globs filter walked files but not named ones', async () => {
    tree = tempTree({
      'k8s/app.yaml': 'a: 1',
      'k8s/vendor/chart.yaml': 'a: 1',
      'k8s/values.json': '{}',
      'ci/pipeline.yml': 'a: 1',
    });
    const filter = createPathFilter({ include: ['k8s/**'], exclude: ['**/*.json', 'k8s/vendor'], baseDirectory: tree.root });
    expect((await collect(tree.root, ['.'], nodeFileSystem, filter)).paths).toEqual(['k8s/app.yaml']);
    expect((await collect(tree.root, ['.', 'ci/pipeline.yml', 'k8s/values.json'], nodeFileSystem, filter)).paths).toEqual([
      'ci/pipeline.yml',
      'k8s/app.yaml',
      'k8s/values.json',
    ]);
  });
});

describe('readFiles', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('reads and decodes files in order; an unreadable file (EACCES) is a problem, not a crash', async () => {
    tree = tempTree({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 2\n', 'c.yaml': 'c: 3\n' });
    const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((path) => ({ path, absolutePath: join(tree.root, path) }));
    const progress: number[] = [];
    const result = await readFiles(files, {
      fs: deniedFs({ readFile: [join(tree.root, 'b.yaml')] }),
      decode,
      concurrency: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(result.inputs).toEqual([
      { path: 'a.yaml', text: 'a: 1\n' },
      { path: 'c.yaml', text: 'c: 3\n' },
    ]);
    expect(result.problems).toEqual([{ kind: 'unreadable', path: 'b.yaml', message: 'cannot read b.yaml: permission denied' }]);
    expect(progress).toEqual([1, 2, 3]);
  });

  test('files over the byte limit are not read', async () => {
    tree = tempTree({ 'big.yaml': 'x'.repeat(100) });
    const result = await readFiles([{ path: 'big.yaml', absolutePath: join(tree.root, 'big.yaml') }], { fs: nodeFileSystem, decode, maxBytes: 10 });
    expect(result.inputs).toEqual([]);
    expect(result.problems[0]?.message).toBe('cannot read big.yaml: file is too large (100 bytes; the limit is 10)');
  });
});
