import { newSideLines, readHunks, splitLines } from './patch.js';
import { readQuoted, unquotePath } from './quoted-path.js';
import type { ChangeStatus, ChangedFile, Hunk } from './types.js';

/** Removes git's default `a/` / `b/` prefix (run git with `--src-prefix=a/ --dst-prefix=b/` to be sure). */
function stripPrefix(path: string): string {
  return /^[ab]\//.test(path) ? path.slice(2) : path;
}

/** A `---`/`+++` path: possibly quoted, with the tab git appends to names containing a space. */
function markerPath(rest: string): string | undefined {
  const raw = rest.startsWith('"') ? unquotePath(rest.replace(/\t.*$/, '')) : rest.replace(/\t.*$/, '');
  return raw === '/dev/null' ? undefined : stripPrefix(raw);
}

/**
 * The two paths of `diff --git <a> <b>`. Unquoted paths with spaces are ambiguous; git writes the same
 * name on both sides unless the file was renamed or copied (and then `rename from/to` tells), so a split
 * into two equal names is tried first.
 */
function headerPaths(rest: string): { a: string; b: string } | undefined {
  if (rest.startsWith('"')) {
    const a = readQuoted(rest, 0);
    if (!a || rest[a.end] !== ' ') return undefined;
    return { a: stripPrefix(a.value), b: stripPrefix(unquotePath(rest.slice(a.end + 1))) };
  }
  if (rest.endsWith('"')) {
    const at = rest.indexOf(' "');
    if (at < 0) return undefined;
    return { a: stripPrefix(rest.slice(0, at)), b: stripPrefix(unquotePath(rest.slice(at + 1))) };
  }
  const mid = (rest.length - 1) / 2;
  if (rest[mid] === ' ' && stripPrefix(rest.slice(0, mid)) === stripPrefix(rest.slice(mid + 1))) {
    return { a: stripPrefix(rest.slice(0, mid)), b: stripPrefix(rest.slice(mid + 1)) };
  }
  const at = rest.indexOf(' b/');
  return at < 0 ? undefined : { a: stripPrefix(rest.slice(0, at)), b: stripPrefix(rest.slice(at + 1)) };
}

interface Section {
  header?: { a: string; b: string };
  isNew?: boolean;
  isDeleted?: boolean;
  modeChange?: boolean;
  binary?: boolean;
  from?: string;
  to?: string;
  kind?: 'renamed' | 'copied';
  minus?: string | undefined;
  plus?: string | undefined;
  sawMarkers?: boolean;
  hunks?: Hunk[];
}

function toChangedFile(s: Section): ChangedFile | undefined {
  const oldPath = s.from ?? (s.sawMarkers ? s.minus : undefined) ?? s.header?.a;
  const newPath = s.to ?? (s.sawMarkers ? s.plus : undefined) ?? s.header?.b;
  let status: ChangeStatus;
  if (s.isNew) status = 'added';
  else if (s.isDeleted) status = 'removed';
  else if (s.kind) status = s.kind;
  else if (s.modeChange && !s.binary && !s.hunks?.length) status = 'changed';
  else status = 'modified';
  const path = status === 'removed' ? oldPath : newPath;
  if (path === undefined) return undefined;
  // Binary content has no lines; every other section without hunks is known to change none.
  const hunks = s.binary ? undefined : (s.hunks ?? []);
  return {
    path,
    ...((status === 'renamed' || status === 'copied') && oldPath !== undefined && { previousPath: oldPath }),
    status,
    ...(hunks && { hunks }),
    lines: newSideLines(hunks ?? []),
  };
}

/**
 * Parses `git diff` output (any `--unified=N`, default `a/`/`b/` prefixes). Text before the first
 * `diff --git` (a commit header) and combined diffs (`diff --cc`) are skipped. Throws on a malformed hunk.
 */
export function parseGitDiff(text: string): ChangedFile[] {
  const lines = splitLines(text);
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as string;
    i++;
    if (!first.startsWith('diff --git ')) continue;
    const s: Section = { header: headerPaths(first.slice('diff --git '.length)) };
    while (i < lines.length) {
      const line = lines[i] as string;
      if (line.startsWith('diff ')) break;
      if (line.startsWith('@@ ')) {
        const read = readHunks(lines, i);
        s.hunks = read.hunks;
        i = read.next;
        break;
      }
      const value = (prefix: string) => unquotePath(line.slice(prefix.length));
      if (line.startsWith('new file mode ')) s.isNew = true;
      else if (line.startsWith('deleted file mode ')) s.isDeleted = true;
      else if (line.startsWith('old mode ') || line.startsWith('new mode ')) s.modeChange = true;
      else if (line.startsWith('rename from ')) [s.from, s.kind] = [value('rename from '), 'renamed'];
      else if (line.startsWith('rename to ')) s.to = value('rename to ');
      else if (line.startsWith('copy from ')) [s.from, s.kind] = [value('copy from '), 'copied'];
      else if (line.startsWith('copy to ')) s.to = value('copy to ');
      else if (line.startsWith('Binary files ') || line === 'GIT binary patch') s.binary = true;
      else if (line.startsWith('--- ')) [s.minus, s.sawMarkers] = [markerPath(line.slice(4)), true];
      else if (line.startsWith('+++ ')) s.plus = markerPath(line.slice(4));
      i++;
    }
    const file = toChangedFile(s);
    if (file) files.push(file);
  }
  return files;
}
