/**
 * Reading an entity's manifests: remote trees and files through Backstage's `urlReader` (with the
 * stored ETag, so an unchanged tree is not downloaded or scanned again), local `file:` trees from disk
 * (with an ETag computed from their contents, so they are skipped the same way).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';

export interface ManifestFile {
  /** Path relative to the tree root, `/`-separated (a single file: its name). */
  path: string;
  content: Buffer;
}

export type ReadResult = { type: 'files'; files: ManifestFile[]; etag?: string } | { type: 'not-modified' };

/** Files a scan reads: manifests and the repository's config. */
export const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Larger files are not read (generated bundles, vendored schemas). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** A tree with more manifest files than this is refused: point the annotation at the manifests. */
export const MAX_FILES = 5000;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** Thrown when the tree is too large to scan. */
export class TreeTooLargeError extends Error {
  override name = 'TreeTooLargeError';
}

function isNotModified(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotModifiedError';
}

function wanted(path: string, size?: number): boolean {
  if (!MANIFEST_FILE.test(path)) return false;
  if (path.split('/').some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
  return size === undefined || size <= MAX_FILE_BYTES;
}

function checkCount(count: number, url: string): void {
  if (count > MAX_FILES) {
    throw new TreeTooLargeError(
      `${url} has more than ${MAX_FILES} YAML/JSON files; point shiftdown.dev/manifests at the directory with the manifests`,
    );
  }
}

export interface ReadOptions {
  urlReader: UrlReaderService;
  /** The ETag of the last scan of this location (omit to force a full read). */
  etag?: string;
  signal?: AbortSignal;
}

export async function readManifests(
  url: string,
  kind: 'tree' | 'file',
  options: ReadOptions,
): Promise<ReadResult> {
  if (url.startsWith('file:')) return readLocal(fileURLToPath(url), kind, options.etag);
  try {
    if (kind === 'file') {
      const response = await options.urlReader.readUrl(url, {
        ...(options.etag !== undefined && { etag: options.etag }),
        ...(options.signal && { signal: options.signal }),
      });
      const name = decodeURIComponent(basename(new URL(url).pathname));
      return {
        type: 'files',
        files: [{ path: name, content: await response.buffer() }],
        ...(response.etag && { etag: response.etag }),
      };
    }
    const response = await options.urlReader.readTree(url, {
      ...(options.etag !== undefined && { etag: options.etag }),
      ...(options.signal && { signal: options.signal }),
      filter: (path, info) => wanted(path, info?.size),
    });
    const entries = (await response.files()).filter((file) => wanted(file.path));
    checkCount(entries.length, url);
    const files: ManifestFile[] = [];
    for (const entry of entries)
      files.push({ path: entry.path.replace(/^\/+/, ''), content: await entry.content() });
    return { type: 'files', files, etag: response.etag };
  } catch (error) {
    if (isNotModified(error)) return { type: 'not-modified' };
    throw error;
  }
}

/** A NotFoundError like the URL readers throw, so callers treat local and remote alike. */
class LocalNotFoundError extends Error {
  override name = 'NotFoundError';
}

async function readLocal(path: string, kind: 'tree' | 'file', etag: string | undefined): Promise<ReadResult> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new LocalNotFoundError(`${path} does not exist`);
    throw error;
  }
  let files: ManifestFile[];
  if (kind === 'file' || !isDirectory) {
    files = [{ path: basename(path), content: await readFile(path) }];
  } else {
    const paths = await walk(path, '');
    checkCount(paths.length, path);
    files = [];
    for (const relative of paths)
      files.push({ path: relative, content: await readFile(join(path, relative)) });
  }
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file.path)
      .update('\0')
      .update(createHash('sha256').update(file.content).digest())
      .update('\0');
  const contentEtag = `sha256:${hash.digest('hex')}`;
  if (etag !== undefined && etag === contentEtag) return { type: 'not-modified' };
  return { type: 'files', files, etag: contentEtag };
}

/** Manifest files under `root`, relative, sorted; symbolic links are not followed. */
async function walk(root: string, prefix: string): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...(await walk(root, relative)));
    } else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) {
      if ((await stat(join(root, relative))).size <= MAX_FILE_BYTES) found.push(relative);
    }
  }
  return found;
}
