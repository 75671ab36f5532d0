import picomatch from 'picomatch';
import { SKIPPED_DIRECTORIES, decodeBytes } from '@shiftdown/policy-core';
import type { InputFile } from '@shiftdown/policy-core';
import type { RunFiles } from './files.js';

export interface ManifestFilter {
  /** Config `include` globs: when given, a file must match one. */
  include?: readonly string[];
  /** Config `exclude` globs: a file is left out when it, or a directory above it, matches one. */
  exclude?: readonly string[];
  /** Repository-relative paths never scanned (the config file itself). */
  ignore?: readonly string[];
}

type Matcher = (path: string) => boolean;

/**
 * A glob as the walked paths are written (repository-relative, no leading `./`): users write `./k8s/**`
 * as often as `k8s/**`, and picomatch would never match `./k8s/**` against `k8s/app.yaml`. A leading
 * `!` (negation) is kept.
 */
export function normalizeGlob(glob: string): string {
  const negated = /^!+/.exec(glob)?.[0] ?? '';
  return negated + glob.slice(negated.length).replace(/^(\.\/)+/, '');
}

function compile(globs: readonly string[] | undefined): Matcher | undefined {
  return globs && globs.length > 0 ? picomatch(globs.map(normalizeGlob), { dot: true }) : undefined;
}

/**
 * Every file under `workspace` whose repository-relative path (`/`-separated) matches `globs` and the
 * config filter, in path order, decoded to text. Dot directories are walked (manifests often live in
 * `.k8s/`); the core then skips YAML that is not a Kubernetes object (workflows, Compose files).
 */
export async function collectManifests(
  workspace: string,
  globs: readonly string[],
  filter: ManifestFilter,
  files: Pick<RunFiles, 'readDir' | 'readFile'>,
): Promise<InputFile[]> {
  const wanted = compile(globs) ?? (() => false);
  const include = compile(filter.include);
  const exclude = compile(filter.exclude);
  const ignore = new Set(filter.ignore ?? []);
  const root = workspace.replace(/[\\/]+$/, '');
  const found: string[] = [];

  const walk = async (relative: string): Promise<void> => {
    const entries = await files.readDir(relative === '' ? root : `${root}/${relative}`);
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !exclude?.(path)) await walk(path);
      } else if (entry.kind === 'file') {
        if (wanted(path) && (!include || include(path)) && !exclude?.(path) && !ignore.has(path))
          found.push(path);
      }
    }
  };
  await walk('');
  found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: InputFile[] = [];
  for (const path of found) out.push({ path, text: decodeBytes(await files.readFile(`${root}/${path}`)) });
  return out;
}
