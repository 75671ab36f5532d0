import { relative, sep } from 'node:path';

/** How a path appears in results: relative to the working directory, forward slashes. */
export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  if (rel === '') return '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
