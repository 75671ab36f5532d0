import { relative, sep } from 'node:path';

/** How a path appears in results: relative to the working directory, forward slashes. */
export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  if (rel === '') return '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
