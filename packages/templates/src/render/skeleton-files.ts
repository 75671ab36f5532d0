/**
 * Skeleton directory listing and the choices `fetch:template` makes per file: which contents are
 * templated (copyWithoutTemplating globs, templateFileExtension), which names are (copyWithoutRender),
 * and which files are binary.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { compareStrings } from '@shiftdown/policy-core';

/** Skeletons bigger than this are not walked further (a runaway symlink-free tree, or the wrong directory). */
export const MAX_SKELETON_FILES = 5000;

export interface SkeletonEntry {
  /** Path relative to the skeleton root, forward slashes. */
  location: string;
  absolute: string;
  symlink: boolean;
}

/** Every file under `root` (dot files too; `.git` skipped; symbolic links listed, not followed), sorted. */
export async function listSkeleton(root: string): Promise<{ entries: SkeletonEntry[]; truncated: boolean }> {
  const entries: SkeletonEntry[] = [];
  let truncated = false;
  const walk = async (directory: string, prefix: string): Promise<void> => {
    const children = (await readdir(directory, { withFileTypes: true })).sort((a, b) =>
      compareStrings(a.name, b.name),
    );
    for (const child of children) {
      if (entries.length >= MAX_SKELETON_FILES) {
        truncated = true;
        return;
      }
      const absolute = join(directory, child.name);
      const location = prefix + child.name;
      if (child.isSymbolicLink()) entries.push({ location, absolute, symlink: true });
      else if (child.isDirectory()) {
        if (child.name !== '.git') await walk(absolute, `${location}/`);
      } else if (child.isFile()) entries.push({ location, absolute, symlink: false });
    }
  };
  await walk(root, '');
  return { entries, truncated };
}

/**
 * Globs as Backstage matches them (globby, `dot: true`): a pattern matches a file's path, and a pattern
 * that names a directory without glob characters covers everything below it.
 */
export function globMatcher(patterns: readonly string[]): (location: string) => boolean {
  const cleaned = patterns.map((p) => p.replace(/^\.\//, '')).filter((p) => p !== '');
  if (cleaned.length === 0) return () => false;
  const match = picomatch(cleaned, { dot: true });
  const directories = cleaned
    .filter((p) => !picomatch.scan(p).isGlob)
    .map((p) => `${p.replace(/\/+$/, '')}/`);
  return (location) => match(location) || directories.some((d) => location.startsWith(d));
}

/** isbinaryfile's first test: a NUL byte in the first 8 KiB; then, text must decode as UTF-8. */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}
