/**
 * Reading an entity's manifests: remote trees and files through Backstage's `urlReader` (with the
 * stored ETag, so an unchanged tree is not downloaded or scanned again), local `file:` trees from disk
 * with the CLI's walker (with an ETag computed from their contents, so they are skipped the same way).
 * Either way the files come back decoded, as the policy core takes them.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { MANIFEST_EXTENSION, SKIPPED_DIRECTORIES, decodeBytes, type InputFile } from '@shiftdown/policy-core';
import {
  collectFiles,
  nodeFileSystem,
  readFiles,
  resolveTargets,
  type CollectedFile,
  type InputProblem,
} from '@shiftdown/cli';

export type ReadResult = { type: 'files'; files: InputFile[]; etag?: string } | { type: 'not-modified' };

/** Larger files of a tree are not read (generated bundles, vendored schemas). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** A tree with more manifest files than this is refused: point the annotation at the manifests. */
export const MAX_FILES = 5000;

/** Thrown when the tree is too large to scan. */
export class TreeTooLargeError extends Error {
  override name = 'TreeTooLargeError';
}

/** A NotFoundError like the URL readers throw, so callers treat local and remote alike. */
class LocalNotFoundError extends Error {
  override name = 'NotFoundError';
}

function isNotModified(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotModifiedError';
}

/** A remote tree's entry the scan reads: the files the CLI's walker would pick, up to MAX_FILE_BYTES. */
function wanted(path: string, size?: number): boolean {
  if (!MANIFEST_EXTENSION.test(path)) return false;
  if (path.split('/').some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
  return size === undefined || size <= MAX_FILE_BYTES;
}

function checkCount(count: number, location: string): void {
  if (count > MAX_FILES) {
    throw new TreeTooLargeError(
      `${location} has more than ${MAX_FILES} YAML/JSON files; point shiftdown.dev/manifests at the directory with the manifests`,
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
        files: [{ path: name, text: decodeBytes(await response.buffer()) }],
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
    const files: InputFile[] = [];
    for (const entry of entries)
      files.push({ path: entry.path.replace(/^\/+/, ''), text: decodeBytes(await entry.content()) });
    return { type: 'files', files, etag: response.etag };
  } catch (error) {
    if (isNotModified(error)) return { type: 'not-modified' };
    throw error;
  }
}

/** Problems that would hide manifests fail the read, as unreadable inputs fail the CLI's run. */
function failOnUnreadable(problems: readonly InputProblem[]): void {
  const unreadable = problems.filter((problem) => problem.kind === 'unreadable');
  if (unreadable.length > 0) throw new Error(unreadable.map((problem) => problem.message).join('; '));
}

/**
 * A local tree as `shiftdown scan <dir>` walks it (symbolic links followed, loops and special files
 * left out), or one local file; files are named relative to the tree (a single file: its name).
 */
async function readLocal(path: string, kind: 'tree' | 'file', etag: string | undefined): Promise<ReadResult> {
  const fs = nodeFileSystem;
  const resolved = await resolveTargets([path], { cwd: path, fs });
  if (resolved.missing.length > 0) throw new LocalNotFoundError(`${path} does not exist`);
  failOnUnreadable(resolved.problems);
  let collected: CollectedFile[];
  if (kind === 'tree' && resolved.targets[0]!.kind === 'directory') {
    const collection = await collectFiles(resolved.targets, { cwd: path, fs });
    failOnUnreadable(collection.problems);
    const sizes = await Promise.all(collection.files.map((file) => fs.stat(file.absolutePath)));
    collected = collection.files.filter((_, index) => sizes[index]!.size <= MAX_FILE_BYTES);
    checkCount(collected.length, path);
  } else {
    collected = [{ absolutePath: path, path: basename(path) }];
  }
  const read = await readFiles(collected, { fs, decode: decodeBytes });
  failOnUnreadable(read.problems);
  const files = read.inputs;
  const hash = createHash('sha256');
  for (const file of files)
    hash.update(file.path).update('\0').update(createHash('sha256').update(file.text).digest()).update('\0');
  const contentEtag = `sha256:${hash.digest('hex')}`;
  if (etag !== undefined && etag === contentEtag) return { type: 'not-modified' };
  return { type: 'files', files, etag: contentEtag };
}
