import { isAbsolute, relative, sep } from 'node:path';

/** Path relative to `base` with forward slashes (`.` for the base itself). */
export function relativeSlashPath(base: string, path: string): string {
  const rel = relative(base, path);
  if (rel === '') return '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** How a path appears in reports and messages: relative to the working directory, forward slashes. */
export function displayPath(cwd: string, absolutePath: string): string {
  return relativeSlashPath(cwd, absolutePath);
}

/** True when `path` is `base` or inside it. */
export function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
