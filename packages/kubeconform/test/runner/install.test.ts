import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  KUBECONFORM_SHA256,
  KubeconformError,
  installKubeconform,
  kubeconformAsset,
  sha256File,
} from '../../src/runner/index.js';
import { makeTempDir } from './helpers.js';

// @actions/tool-cache is ESM-only (no `require` export), so it is mocked without resolving it.
jest.mock(
  '@actions/tool-cache',
  () => ({
    find: jest.fn(),
    downloadTool: jest.fn(),
    extractTar: jest.fn(),
    extractZip: jest.fn(),
    cacheDir: jest.fn(),
  }),
  { virtual: true },
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const toolCache = require('@actions/tool-cache') as Record<
  'find' | 'downloadTool' | 'extractTar' | 'extractZip' | 'cacheDir',
  jest.Mock
>;

const posix = process.platform === 'win32' ? describe.skip : describe;
const URL_067 =
  'https://github.com/yannh/kubeconform/releases/download/v0.6.7/kubeconform-linux-amd64.tar.gz';

posix('installKubeconform', () => {
  let root: string;
  let archive: string;
  let archiveSha: string;
  let emptyArchive: string;
  let downloads: string[];

  beforeAll(() => {
    root = makeTempDir('shiftdown-install-');
    const content = path.join(root, 'content');
    fs.mkdirSync(content);
    fs.writeFileSync(path.join(content, 'kubeconform'), '#!/bin/sh\necho v0.6.7\n', { mode: 0o755 });
    fs.writeFileSync(path.join(content, 'LICENSE'), 'Apache-2.0\n');
    archive = path.join(root, 'kubeconform-linux-amd64.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', content, 'kubeconform', 'LICENSE']);
    archiveSha = createHash('sha256').update(fs.readFileSync(archive)).digest('hex');
    emptyArchive = path.join(root, 'empty.tar.gz');
    execFileSync('tar', ['-czf', emptyArchive, '-C', content, 'LICENSE']);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  beforeEach(() => {
    jest.resetAllMocks();
    downloads = [];
    let counter = 0;
    toolCache.find.mockReturnValue('');
    toolCache.downloadTool.mockImplementation(async () => {
      const target = path.join(root, `download-${++counter}`);
      fs.copyFileSync(archive, target);
      downloads.push(target);
      return target;
    });
    toolCache.extractTar.mockImplementation(async (file: string) => {
      const dest = fs.mkdtempSync(path.join(root, 'extract-'));
      execFileSync('tar', ['-xzf', file, '-C', dest]);
      return dest;
    });
    toolCache.cacheDir.mockImplementation(
      async (dir: string, tool: string, version: string, arch: string) => {
        const dest = path.join(root, 'cache', tool, version, arch);
        fs.cpSync(dir, dest, { recursive: true });
        return dest;
      },
    );
  });

  const failure = async (promise: Promise<unknown>): Promise<string> => {
    const error: unknown = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(KubeconformError);
    return (error as Error).message;
  };

  it('downloads, verifies, extracts and caches the release, and returns the binary', async () => {
    const binary = await installKubeconform({
      version: '0.6.7',
      platform: 'linux',
      arch: 'x64',
      sha256: archiveSha.toUpperCase(),
    });
    expect(toolCache.find).toHaveBeenCalledWith('kubeconform', '0.6.7', 'amd64');
    expect(toolCache.downloadTool).toHaveBeenCalledWith(URL_067);
    expect(toolCache.extractTar).toHaveBeenCalledWith(downloads[0]);
    expect(toolCache.cacheDir).toHaveBeenCalledWith(
      expect.stringContaining('extract-'),
      'kubeconform',
      '0.6.7',
      'amd64',
    );
    expect(binary).toBe(path.join(root, 'cache', 'kubeconform', '0.6.7', 'amd64', 'kubeconform'));
    expect(execFileSync(binary, { encoding: 'utf8' })).toBe('v0.6.7\n');
  });

  it('checks the pinned sha256 before extracting anything, and discards a mismatch', async () => {
    const message = await failure(installKubeconform({ version: 'v0.6.7', platform: 'linux', arch: 'x64' }));
    expect(message).toBe(
      `Checksum mismatch for ${URL_067}: expected sha256 95f14e87aa28c09d5941f11bd024c1d02fdc0303ccaa23f61cef67bc92619d73, ` +
        `got ${archiveSha}. The download was discarded.`,
    );
    expect(toolCache.extractTar).not.toHaveBeenCalled();
    expect(toolCache.cacheDir).not.toHaveBeenCalled();
    expect(fs.existsSync(downloads[0]!)).toBe(false);
  });

  it('uses the tool cache when the runner has the version', async () => {
    toolCache.find.mockReturnValue('/opt/hostedtoolcache/kubeconform/0.7.0/arm64');
    expect(await installKubeconform({ version: 'v0.7.0', platform: 'linux', arch: 'arm64' })).toBe(
      path.join('/opt/hostedtoolcache/kubeconform/0.7.0/arm64', 'kubeconform'),
    );
    expect(toolCache.find).toHaveBeenCalledWith('kubeconform', '0.7.0', 'arm64');
    expect(toolCache.downloadTool).not.toHaveBeenCalled();
  });

  it('refuses a version with no pinned sha256 unless one is given', async () => {
    expect(await failure(installKubeconform({ version: 'v0.9.9', platform: 'linux', arch: 'x64' }))).toBe(
      "No pinned sha256 for kubeconform v0.9.9 (linux-amd64): pass the sha256 from that release's CHECKSUMS file.",
    );
    expect(toolCache.downloadTool).not.toHaveBeenCalled();
    await installKubeconform({ version: 'v0.9.9', platform: 'linux', arch: 'x64', sha256: archiveSha });
    expect(toolCache.downloadTool).toHaveBeenCalledWith(
      'https://github.com/yannh/kubeconform/releases/download/v0.9.9/kubeconform-linux-amd64.tar.gz',
    );
  });

  it('installs the zip release on Windows', async () => {
    const extracted = path.join(root, 'zip-content');
    fs.mkdirSync(extracted, { recursive: true });
    fs.writeFileSync(path.join(extracted, 'kubeconform.exe'), 'MZ');
    toolCache.extractZip.mockResolvedValue(extracted);
    const binary = await installKubeconform({
      version: 'v0.7.0',
      platform: 'win32',
      arch: 'x64',
      sha256: archiveSha,
    });
    expect(toolCache.downloadTool).toHaveBeenCalledWith(
      'https://github.com/yannh/kubeconform/releases/download/v0.7.0/kubeconform-windows-amd64.zip',
    );
    expect(toolCache.extractZip).toHaveBeenCalledWith(downloads[0]);
    expect(toolCache.extractTar).not.toHaveBeenCalled();
    expect(binary).toBe(path.join(root, 'cache', 'kubeconform', '0.7.0', 'amd64', 'kubeconform.exe'));
  });

  it('fails when the archive has no binary', async () => {
    const emptySha = createHash('sha256').update(fs.readFileSync(emptyArchive)).digest('hex');
    toolCache.downloadTool.mockImplementation(async () => emptyArchive);
    expect(
      await failure(
        installKubeconform({ version: 'v0.6.7', platform: 'linux', arch: 'x64', sha256: emptySha }),
      ),
    ).toBe(`The kubeconform v0.6.7 archive ${URL_067} has no kubeconform.`);
    expect(toolCache.cacheDir).not.toHaveBeenCalled();
  });

  it('rejects bad versions, hashes and platforms before downloading', async () => {
    expect(await failure(installKubeconform({ version: 'latest' }))).toBe(
      'Invalid kubeconform version "latest": expected a release such as v0.6.7.',
    );
    expect(
      await failure(installKubeconform({ version: 'v0.6.7', platform: 'linux', arch: 'x64', sha256: 'abc' })),
    ).toBe('Invalid sha256 "abc": expected 64 hex digits.');
    expect(await failure(installKubeconform({ version: 'v0.6.7', platform: 'aix', arch: 'ppc64' }))).toBe(
      'kubeconform has no release for aix/ppc64.',
    );
    expect(toolCache.find).not.toHaveBeenCalled();
    expect(toolCache.downloadTool).not.toHaveBeenCalled();
  });

  it('turns a failed download into a clear error', async () => {
    toolCache.downloadTool.mockRejectedValue(new Error('Unexpected HTTP response: 404'));
    expect(await failure(installKubeconform({ version: 'v0.6.7', platform: 'linux', arch: 'x64' }))).toBe(
      `Downloading ${URL_067} failed: Unexpected HTTP response: 404`,
    );
  });

  it('streams the sha256 of a file', async () => {
    expect(await sha256File(archive)).toBe(archiveSha);
  });
});

describe('kubeconform release assets', () => {
  it('names the assets like the releases', () => {
    expect(kubeconformAsset('v0.7.0', 'darwin', 'arm64')).toEqual({
      url: 'https://github.com/yannh/kubeconform/releases/download/v0.7.0/kubeconform-darwin-arm64.tar.gz',
      os: 'darwin',
      arch: 'arm64',
    });
  });

  it('pins a sha256 for the 64-bit platforms of v0.6.7 and v0.7.0', () => {
    const platforms = [
      'darwin-amd64',
      'darwin-arm64',
      'linux-amd64',
      'linux-arm64',
      'windows-amd64',
      'windows-arm64',
    ];
    expect(Object.keys(KUBECONFORM_SHA256['v0.7.0']!).sort()).toEqual(platforms);
    expect(Object.keys(KUBECONFORM_SHA256['v0.6.7']!).sort()).toEqual(
      platforms.filter((p) => p !== 'windows-arm64'),
    );
    const all = Object.values(KUBECONFORM_SHA256).flatMap((pins) => Object.values(pins));
    for (const sha of all) expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(all).size).toBe(all.length);
  });
});
