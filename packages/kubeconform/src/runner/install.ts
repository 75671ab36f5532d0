import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { KUBECONFORM_SHA256 } from './checksums.js';
import { KubeconformError } from './errors.js';

export interface InstallKubeconformOptions {
  /** Release to install, e.g. `v0.6.7` or `0.6.7`. */
  version: string;
  /** Node platform of the runner (default: `process.platform`). */
  platform?: NodeJS.Platform;
  /** Node architecture of the runner (default: `process.arch`). */
  arch?: string;
  /** Expected sha256 of the release archive; required for versions and platforms not pinned in the source. */
  sha256?: string;
}

const OS_NAMES: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
};
const ARCH_NAMES: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: '386',
  arm: 'armv6',
};
const TOOL = 'kubeconform';

/** Release asset of one version and platform. */
export function kubeconformAsset(
  version: string,
  platform: NodeJS.Platform,
  arch: string,
): { url: string; os: string; arch: string } {
  const os = OS_NAMES[platform];
  const goArch = ARCH_NAMES[arch];
  if (!os || !goArch) throw new KubeconformError(`kubeconform has no release for ${platform}/${arch}.`);
  const file = `kubeconform-${os}-${goArch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
  return {
    url: `https://github.com/yannh/kubeconform/releases/download/${version}/${file}`,
    os,
    arch: goArch,
  };
}

/**
 * Installs a kubeconform release for the GitHub Action with `@actions/tool-cache`: a cached copy when the
 * runner has one, else the release archive is downloaded, its sha256 checked against the pinned (or given)
 * value BEFORE anything is extracted, then extracted and cached. Returns the binary's path.
 */
export async function installKubeconform(options: InstallKubeconformOptions): Promise<string> {
  const version = normalizeVersion(options.version);
  const platform = options.platform ?? process.platform;
  const asset = kubeconformAsset(version, platform, options.arch ?? process.arch);
  const binaryName = asset.os === 'windows' ? 'kubeconform.exe' : 'kubeconform';
  const cacheVersion = version.slice(1);
  const givenSha256 = options.sha256 === undefined ? undefined : normalizeSha256(options.sha256);

  // Loaded on demand: only the Action installs, and the CLI should not load the Actions toolkit.
  const toolCache = await import('@actions/tool-cache');
  const cached = await step('Looking up kubeconform in the tool cache failed', async () =>
    toolCache.find(TOOL, cacheVersion, asset.arch),
  );
  if (cached) return path.join(cached, binaryName);

  const expected = givenSha256 ?? pinnedSha256(version, `${asset.os}-${asset.arch}`);
  const archive = await step(`Downloading ${asset.url} failed`, () => toolCache.downloadTool(asset.url));
  const actual = await sha256File(archive);
  if (actual !== expected) {
    await fs.rm(archive, { force: true });
    throw new KubeconformError(
      `Checksum mismatch for ${asset.url}: expected sha256 ${expected}, got ${actual}. The download was discarded.`,
    );
  }
  const extracted = await step(`Extracting ${asset.url} failed`, () =>
    asset.os === 'windows' ? toolCache.extractZip(archive) : toolCache.extractTar(archive),
  );
  try {
    await fs.access(path.join(extracted, binaryName));
  } catch {
    throw new KubeconformError(`The kubeconform ${version} archive ${asset.url} has no ${binaryName}.`);
  }
  const cacheDir = await step('Caching kubeconform failed', () =>
    toolCache.cacheDir(extracted, TOOL, cacheVersion, asset.arch),
  );
  return path.join(cacheDir, binaryName);
}

/** Runs one tool-cache step, turning its failure (HTTP error, bad archive, …) into a KubeconformError. */
async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new KubeconformError(`${what}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function normalizeVersion(version: string): string {
  const match = /^v?(\d+\.\d+\.\d+)$/.exec(version.trim());
  if (!match)
    throw new KubeconformError(
      `Invalid kubeconform version "${version}": expected a release such as v0.6.7.`,
    );
  return `v${match[1]}`;
}

function normalizeSha256(sha256: string): string {
  const normalized = sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized))
    throw new KubeconformError(`Invalid sha256 "${sha256}": expected 64 hex digits.`);
  return normalized;
}

function pinnedSha256(version: string, platformKey: string): string {
  const pinned = KUBECONFORM_SHA256[version]?.[platformKey];
  if (!pinned) {
    throw new KubeconformError(
      `No pinned sha256 for kubeconform ${version} (${platformKey}): pass the sha256 from that release's CHECKSUMS file.`,
    );
  }
  return pinned;
}

/** sha256 of a file, streamed (release archives are several megabytes). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
