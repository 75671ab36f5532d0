import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { discoverConfig } from '../src/config/discover.js';
import { loadConfig } from '../src/config/load.js';
import { UsageError } from '../src/exit-codes.js';
import { nodeFileSystem } from '../src/files/fs.js';
import { deniedFs, tempTree } from './helpers.js';

describe('discoverConfig', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('finds .shiftdown.yaml in the start directory or the nearest parent', async () => {
    tree = tempTree({ 'repo/.shiftdown.yaml': 'profile: strict\n', 'repo/services/api/k8s/app.yaml': '' });
    expect(await discoverConfig(join(tree.root, 'repo/services/api/k8s'), nodeFileSystem)).toBe(join(tree.root, 'repo/.shiftdown.yaml'));
    expect(await discoverConfig(join(tree.root, 'repo'), nodeFileSystem)).toBe(join(tree.root, 'repo/.shiftdown.yaml'));
  });

  test('the nearest one wins, and .yaml is preferred over .yml in the same directory', async () => {
    tree = tempTree({
      'repo/.shiftdown.yaml': '',
      'repo/services/.shiftdown.yml': '',
      'repo/services/api/.shiftdown.yml': '',
      'repo/services/api/.shiftdown.yaml': '',
    });
    expect(await discoverConfig(join(tree.root, 'repo/services'), nodeFileSystem)).toBe(join(tree.root, 'repo/services/.shiftdown.yml'));
    expect(await discoverConfig(join(tree.root, 'repo/services/api'), nodeFileSystem)).toBe(
      join(tree.root, 'repo/services/api/.shiftdown.yaml'),
    );
  });

  test('a directory named .shiftdown.yaml is not a config', async () => {
    tree = tempTree({ 'repo/x/.keep': '' });
    mkdirSync(join(tree.root, 'repo/x/.shiftdown.yaml'));
    const found = await discoverConfig(join(tree.root, 'repo/x'), nodeFileSystem);
    expect(found === undefined || !found.startsWith(tree.root)).toBe(true);
  });

  test('stops at the file-system root', async () => {
    const seen: string[] = [];
    const fs = {
      stat: async (path: string) => {
        seen.push(path);
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    };
    expect(await discoverConfig('/a/b', fs)).toBeUndefined();
    expect(seen).toEqual([
      '/a/b/.shiftdown.yaml',
      '/a/b/.shiftdown.yml',
      '/a/.shiftdown.yaml',
      '/a/.shiftdown.yml',
      '/.shiftdown.yaml',
      '/.shiftdown.yml',
    ]);
  });
});

describe('loadConfig', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('--no-config disables discovery', async () => {
    tree = tempTree({ '.shiftdown.yaml': 'profile: strict\n' });
    expect(await loadConfig({ flag: false, startDirectory: tree.root, cwd: tree.root, fs: nodeFileSystem })).toBeUndefined();
  });

  test('a discovered config is parsed; its path is relative to the working directory', async () => {
    tree = tempTree({ 'repo/.shiftdown.yaml': 'profile: strict\nfailOn: medium\n' });
    const loaded = await loadConfig({ flag: undefined, startDirectory: join(tree.root, 'repo/k8s'), cwd: tree.root, fs: nodeFileSystem });
    expect(loaded?.config).toMatchObject({ profile: 'strict', failOn: 'medium', path: 'repo/.shiftdown.yaml' });
    expect(loaded?.directory).toBe(join(tree.root, 'repo'));
  });

  test('--config FILE is resolved against the working directory', async () => {
    tree = tempTree({ 'conf/custom.yaml': 'minScore: 80\n' });
    const loaded = await loadConfig({ flag: 'conf/custom.yaml', startDirectory: '/', cwd: tree.root, fs: nodeFileSystem });
    expect(loaded?.config.minScore).toBe(80);
  });

  test('an invalid config is a usage error listing each problem as file:line:col: message', async () => {
    tree = tempTree({ '.shiftdown.yaml': 'profile: strict\nfailOn: sometimes\n' });
    const error = await loadConfig({ flag: undefined, startDirectory: tree.root, cwd: tree.root, fs: nodeFileSystem }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('invalid config file .shiftdown.yaml');
    expect((error as UsageError).details).toEqual([expect.stringMatching(/^\.shiftdown\.yaml:2:9: /)]);
  });

  test('an unknown rule id in rules: is an error (the CLI knows every rule)', async () => {
    tree = tempTree({ '.shiftdown.yaml': 'rules:\n  privileged-containr: off\n' });
    const error = (await loadConfig({ flag: undefined, startDirectory: tree.root, cwd: tree.root, fs: nodeFileSystem }).catch(
      (e: unknown) => e,
    )) as UsageError;
    expect(error.details).toEqual([expect.stringMatching(/^\.shiftdown\.yaml:2:3: .*privileged-container/)]);
  });

  test('a missing or unreadable --config file is a usage error', async () => {
    tree = tempTree({ 'locked.yaml': 'profile: strict\n' });
    await expect(loadConfig({ flag: 'nope.yaml', startDirectory: tree.root, cwd: tree.root, fs: nodeFileSystem })).rejects.toThrow(
      'cannot read config file nope.yaml: no such file or directory',
    );
    const fs = deniedFs({ readFile: [join(tree.root, 'locked.yaml')] });
    await expect(loadConfig({ flag: 'locked.yaml', startDirectory: tree.root, cwd: tree.root, fs })).rejects.toThrow(
      'cannot read config file locked.yaml: permission denied',
    );
  });
});
