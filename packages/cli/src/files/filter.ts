import picomatch from 'picomatch';
import { isInside, relativeSlashPath } from './paths.js';

export interface PathFilter {
  /** Whether a file found by walking a directory is scanned. */
  includeFile(absolutePath: string): boolean;
  /** Whether a directory is skipped entirely (it matches an exclude glob). */
  pruneDirectory(absolutePath: string): boolean;
}

export interface FilterOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Globs are relative to this directory (the config file's). */
  baseDirectory: string;
}

export const ALLOW_ALL: PathFilter = { includeFile: () => true, pruneDirectory: () => false };

function normalizeGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '');
}

function compile(globs: readonly string[] | undefined): ((path: string) => boolean) | undefined {
  const patterns = (globs ?? []).map(normalizeGlob).filter((g) => g !== '');
  if (patterns.length === 0) return undefined;
  return picomatch(patterns, { dot: true });
}

/**
 * Config `include`/`exclude` globs (picomatch, relative to the config file's directory). A walked file
 * is scanned when it matches an include glob (or there are none) and no exclude glob matches it or
 * one of its parent directories. Files outside the config's directory are not filtered.
 */
export function createPathFilter(options: FilterOptions): PathFilter {
  const include = compile(options.include);
  const exclude = compile(options.exclude);
  if (!include && !exclude) return ALLOW_ALL;
  const base = options.baseDirectory;
  const excluded = (rel: string): boolean => {
    if (!exclude) return false;
    if (exclude(rel)) return true;
    // A glob naming a directory (`vendor`, `charts/*`) excludes everything below it.
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (exclude(parts.slice(0, i).join('/'))) return true;
    return false;
  };
  return {
    includeFile(absolutePath) {
      if (!isInside(base, absolutePath)) return true;
      const rel = relativeSlashPath(base, absolutePath);
      return (!include || include(rel)) && !excluded(rel);
    },
    pruneDirectory(absolutePath) {
      if (!exclude || !isInside(base, absolutePath)) return false;
      const rel = relativeSlashPath(base, absolutePath);
      return rel !== '.' && excluded(rel);
    },
  };
}
