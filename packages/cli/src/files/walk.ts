import { join, resolve } from 'node:path';
import { MANIFEST_EXTENSION, SKIPPED_DIRECTORIES, compareStrings } from '@shiftdown/policy-core';
import type { CliFs, FileStat } from './fs.js';
import { describeFsError, errorCode } from './fs.js';
import type { PathFilter } from './filter.js';
import { ALLOW_ALL } from './filter.js';
import { displayPath } from './paths.js';

/** What the user asked to scan, after checking that it exists. */
export type Target = { kind: 'stdin' } | { kind: 'file' | 'directory'; absolutePath: string; path: string };

/** A file to read: its absolute path and how reports name it. */
export interface CollectedFile {
  absolutePath: string;
  path: string;
}

/**
 * An input that could not be scanned. `unreadable` inputs may hide findings (they fail the run);
 * a symbolic-link `loop` is reported but harmless (its target is scanned through its real path);
 * a `not-regular` entry (FIFO, socket, device found while walking) is skipped with a warning.
 */
export interface InputProblem {
  kind: 'unreadable' | 'loop' | 'not-regular';
  path: string;
  message: string;
}

export interface Collection {
  files: CollectedFile[];
  problems: InputProblem[];
}

export interface CollectOptions {
  cwd: string;
  fs: CliFs;
  filter?: PathFilter;
}

/**
 * Check each command-line path (`-` is stdin). Paths that do not exist are returned in `missing`
 * (a usage error); paths that exist but cannot be examined are `unreadable` problems.
 */
export async function resolveTargets(
  args: readonly string[],
  options: Omit<CollectOptions, 'filter'>,
): Promise<{ targets: Target[]; missing: string[]; problems: InputProblem[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    if (arg === '-') {
      targets.push({ kind: 'stdin' });
      continue;
    }
    const absolutePath = resolve(options.cwd, arg);
    const path = displayPath(options.cwd, absolutePath);
    let stat: FileStat;
    try {
      stat = await options.fs.stat(absolutePath);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(arg);
      else
        problems.push({
          kind: 'unreadable',
          path,
          message: `cannot access ${path}: ${describeFsError(error)}`,
        });
      continue;
    }
    // Named FIFOs and devices (`<(helm template …)`, /dev/stdin) are read like files.
    targets.push({ kind: stat.isDirectory() ? 'directory' : 'file', absolutePath, path });
  }
  return { targets, missing, problems };
}

/**
 * Every file to scan, sorted by report path and without duplicates: named files as given, and the
 * `*.yaml`/`*.yml`/`*.json` files under named directories (recursively; `.git` and `node_modules`
 * skipped; symbolic links followed, loops detected by real path; the filter applies to walked files).
 */
export async function collectFiles(targets: readonly Target[], options: CollectOptions): Promise<Collection> {
  const walker = new Walker(options);
  for (const target of targets) {
    if (target.kind === 'file') walker.add(target.absolutePath);
    else if (target.kind === 'directory') await walker.walk(target.absolutePath, []);
  }
  return walker.result();
}

class Walker {
  private readonly files = new Map<string, CollectedFile>();
  private readonly problems: InputProblem[] = [];
  /** Real paths of the directories already walked. */
  private readonly visited = new Set<string>();
  private readonly filter: PathFilter;

  constructor(private readonly options: CollectOptions) {
    this.filter = options.filter ?? ALLOW_ALL;
  }

  add(absolutePath: string): void {
    if (!this.files.has(absolutePath))
      this.files.set(absolutePath, { absolutePath, path: this.display(absolutePath) });
  }

  result(): Collection {
    const files = [...this.files.values()].sort((a, b) => compareStrings(a.path, b.path));
    const problems = [...this.problems].sort((a, b) => compareStrings(a.path, b.path));
    return { files, problems };
  }

  /** @param ancestors real paths of the directories above this one on the current walk. */
  async walk(directory: string, ancestors: readonly string[]): Promise<void> {
    const { fs } = this.options;
    let real: string;
    try {
      real = await fs.realpath(directory);
    } catch (error) {
      this.unreadable(directory, error);
      return;
    }
    if (ancestors.includes(real)) {
      const path = this.display(directory);
      this.problems.push({
        kind: 'loop',
        path,
        message: `symbolic link loop: ${path} leads back to ${this.display(real)}; not followed`,
      });
      return;
    }
    if (this.visited.has(real)) return;
    this.visited.add(real);

    let entries;
    try {
      entries = await fs.readdir(directory);
    } catch (error) {
      this.unreadable(directory, error);
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    const chain = [...ancestors, real];
    for (const entry of entries) {
      const absolutePath = join(directory, entry.name);
      const manifest = MANIFEST_EXTENSION.test(entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.stat(absolutePath);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (!manifest) continue; // a broken link that is not a manifest is not our business
          if (errorCode(error) === 'ELOOP') {
            const path = this.display(absolutePath);
            this.problems.push({
              kind: 'loop',
              path,
              message: `symbolic link loop: ${path} cannot be resolved; not followed`,
            });
          } else if (errorCode(error) === 'ENOENT') {
            const path = this.display(absolutePath);
            this.problems.push({
              kind: 'unreadable',
              path,
              message: `cannot read ${path}: broken symbolic link`,
            });
          } else {
            this.unreadable(absolutePath, error);
          }
          continue;
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || this.filter.pruneDirectory(absolutePath)) continue;
        await this.walk(absolutePath, chain);
      } else if (manifest && this.filter.includeFile(absolutePath)) {
        if (isFile) {
          this.add(absolutePath);
        } else {
          const path = this.display(absolutePath);
          this.problems.push({ kind: 'not-regular', path, message: `skipping ${path}: not a regular file` });
        }
      }
    }
  }

  private unreadable(absolutePath: string, error: unknown): void {
    const path = this.display(absolutePath);
    this.problems.push({
      kind: 'unreadable',
      path,
      message: `cannot read ${path}: ${describeFsError(error)}`,
    });
  }

  private display(absolutePath: string): string {
    return displayPath(this.options.cwd, absolutePath);
  }
}
