/**
 * Links from a finding to its file and line in the source repository.
 *
 * Pulled scans: resolved against the URL the manifests were read from, the way Backstage resolves
 * every catalog link (`ScmIntegrations.resolveUrl`, which adds `#L<line>`). Pushed reports: built from
 * the repository URL and commit (or ref) given with the push, in the URL scheme of the host's SCM
 * integration; hosts that match no integration get no links rather than wrong ones.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { ScmIntegrationRegistry } from '@backstage/integration';

/** `(file relative to the manifests root, line) → URL` or undefined when no link can be made. */
export type SourceLinker = (file: string, line: number) => string | undefined;

export const NO_LINKS: SourceLinker = () => undefined;

/** A path we can append to a URL: relative, no `..`, no leading `./`. */
function linkablePath(file: string): string | undefined {
  const path = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (path === '' || path.startsWith('/') || /^[a-z]+:/i.test(path) || path.split('/').includes('..'))
    return undefined;
  return path;
}

/** The tree URL as a base that relative paths resolve *into* (a trailing slash on the path). */
function directoryBase(url: string): string {
  const parsed = new URL(url);
  if (parsed.search === '' && !parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}

/**
 * Links for a pulled scan. `baseUrl` is the tree that was read (a directory), or the file itself when
 * a single file was read (then the finding's file is that file's name).
 */
export function pulledSourceLinker(
  baseUrl: string,
  kind: 'tree' | 'file',
  integrations: ScmIntegrationRegistry,
): SourceLinker {
  if (baseUrl.startsWith('file:')) {
    const directory = kind === 'tree' ? fileURLToPath(baseUrl) : join(fileURLToPath(baseUrl), '..');
    return (file, line) => {
      const path = linkablePath(file);
      return path === undefined ? undefined : `${pathToFileURL(join(directory, path)).href}#L${line}`;
    };
  }
  const base = kind === 'tree' ? directoryBase(baseUrl) : baseUrl;
  // resolveUrl parses URLs each time; findings often share a line (2,000 Deployments: 26,000 findings
  // on 10,000 lines).
  const resolved = new Map<string, string | undefined>();
  const resolve = (path: string, line: number): string | undefined => {
    try {
      return integrations.resolveUrl({
        url: path.split('/').map(encodeURIComponent).join('/'),
        base,
        lineNumber: line,
      });
    } catch {
      return undefined;
    }
  };
  return (file, line) => {
    const path = linkablePath(file);
    if (path === undefined) return undefined;
    const key = `${line}:${path}`;
    if (!resolved.has(key)) resolved.set(key, resolve(path, line));
    return resolved.get(key);
  };
}

/** Normalise a pushed repository URL: `https://github.com/acme/payments(.git)(/)` → without the suffixes. */
export function normaliseRepositoryUrl(repository: string): string | undefined {
  let url: URL;
  try {
    url = new URL(repository);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  const text = url
    .toString()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return text;
}

/**
 * Links for a pushed report: `repository` (normalised) at `revision` (a commit SHA, else a branch or tag).
 * The report's file paths must be relative to the repository root (run the CLI from the root).
 */
export function pushedSourceLinker(
  repository: string,
  revision: { commit?: string; ref?: string },
  integrations: ScmIntegrationRegistry,
): SourceLinker {
  const rev = revision.commit ?? revision.ref;
  if (rev === undefined) return NO_LINKS;
  const type = integrations.byUrl(repository)?.type;
  const encodedRev = encodeURIComponent(rev);
  const pathOf = (file: string) => linkablePath(file)?.split('/').map(encodeURIComponent).join('/');
  switch (type) {
    case 'github':
      return (file, line) => withPath(pathOf(file), (p) => `${repository}/blob/${encodedRev}/${p}#L${line}`);
    case 'gitlab':
      return (file, line) =>
        withPath(pathOf(file), (p) => `${repository}/-/blob/${encodedRev}/${p}#L${line}`);
    case 'gitea':
      return (file, line) =>
        withPath(
          pathOf(file),
          (p) => `${repository}/src/${revision.commit ? 'commit' : 'branch'}/${encodedRev}/${p}#L${line}`,
        );
    case 'bitbucketCloud':
      return (file, line) =>
        withPath(pathOf(file), (p) => `${repository}/src/${encodedRev}/${p}#lines-${line}`);
    case 'bitbucketServer':
      return (file, line) =>
        withPath(pathOf(file), (p) => `${repository}/browse/${p}?at=${encodedRev}#${line}`);
    case 'azure': {
      const version = `${revision.commit ? 'GC' : 'GB'}${encodedRev}`;
      return (file, line) =>
        withPath(
          pathOf(file),
          (p) =>
            `${repository}?path=/${p}&version=${version}&line=${line}&lineEnd=${line + 1}&lineStartColumn=1&lineEndColumn=1`,
        );
    }
    default:
      return NO_LINKS;
  }
}

function withPath(path: string | undefined, build: (path: string) => string): string | undefined {
  return path === undefined ? undefined : build(path);
}
