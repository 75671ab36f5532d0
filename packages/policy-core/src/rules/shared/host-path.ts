/**
 * A path as the kernel resolves it on the node (hostPath volumes) or in the container (mount paths):
 * repeated and trailing slashes removed, `.` segments dropped and `..` segments applied (never above `/`),
 * so that `/run/foo/../spire/sockets` and `/dev//./nvidia0` are recognised for what they name. Relative and
 * Windows paths are returned trimmed, unchanged. Every rule that compares paths uses this one.
 */
export function normalizeHostPath(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('/')) return text;
  const parts: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/**
 * True when `path` is `dir` or lies inside it, both as `normalizeHostPath` resolves them. `/` holds every
 * absolute path; relative paths (left as written) are inside only themselves and their relative parents.
 */
export function isUnder(path: string, dir: string): boolean {
  const p = normalizeHostPath(path);
  const d = normalizeHostPath(dir);
  if (d === '/') return p.startsWith('/');
  return p === d || p.startsWith(`${d}/`);
}
