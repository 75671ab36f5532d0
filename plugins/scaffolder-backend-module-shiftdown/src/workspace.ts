import { promises as nodeFs } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '@backstage/errors';
import { isInside, nodeFileSystem, relativeSlashPath, resolveTargets } from '@shiftdown/cli';
import type { CliFs, Target } from '@shiftdown/cli';

/** A file or directory to walk, as the CLI's walker takes it. */
export type PathTarget = Extract<Target, { kind: 'file' | 'directory' }>;

/** The task workspace: its real path (temporary directories may sit behind symbolic links) and a file system confined to it. */
export interface Workspace {
  /** The workspace as the scaffolder gave it. */
  path: string;
  /** Its real path. */
  realPath: string;
  /** Reads nothing outside the workspace, whatever symbolic links inside it point to. */
  fs: CliFs;
  /** A path inside the workspace as messages and reports show it: relative, forward slashes. */
  display(absolutePath: string): string;
}

export async function openWorkspace(workspacePath: string): Promise<Workspace> {
  const path = resolve(workspacePath);
  const realPath = await nodeFs.realpath(path);
  return { path, realPath, fs: confinedFileSystem(realPath), display: (p) => relativeSlashPath(path, p) };
}

/**
 * Resolve an input path (`path`, `reportPath`) inside the workspace. Absolute paths and `..` that lead
 * out of it are an InputError naming the input: a template must not read or write outside its workspace.
 */
export function resolveInside(workspace: Workspace, inputName: string, value: string): string {
  if (value.trim() === '') throw new InputError(`${inputName} must not be empty`);
  const absolutePath = resolve(workspace.path, value);
  if (isAbsolute(value) || !isInside(workspace.path, absolutePath)) {
    throw new InputError(
      `${inputName} "${value}" is outside the task workspace: give a path relative to the workspace`,
    );
  }
  return absolutePath;
}

/**
 * The `path` input (already resolved by `resolveInside`) as a walk target, examined through the confined
 * file system: InputError when it does not exist, leads out of the workspace or cannot be examined.
 */
export async function resolveScanTarget(
  workspace: Workspace,
  path: string,
  absolutePath: string,
): Promise<PathTarget> {
  const resolved = await resolveTargets([absolutePath], { cwd: workspace.path, fs: workspace.fs });
  const [target] = resolved.targets;
  if (target && target.kind !== 'stdin') return target;
  if (resolved.missing.length > 0) {
    throw new InputError(
      `path "${path}" does not exist in the task workspace (check the path the fetch:template step renders into)`,
    );
  }
  // The confined file system refuses a path whose real path is outside: name that cause, not "cannot access".
  if (!(await staysInside(workspace, absolutePath).catch(() => true))) {
    throw new InputError(`path "${path}" leads outside the task workspace through a symbolic link`);
  }
  throw new InputError(resolved.problems.map((problem) => problem.message).join('; '));
}

/** True when the real path of `absolutePath` (symbolic links followed) is inside the workspace. */
export async function staysInside(workspace: Workspace, absolutePath: string): Promise<boolean> {
  return isInside(workspace.realPath, await nodeFs.realpath(absolutePath));
}

/** The error the confined file system throws for a path whose real path is outside the workspace. */
class OutsideWorkspaceError extends Error {
  constructor() {
    super('symbolic link leads outside the task workspace; not read');
  }
}

/**
 * The CLI's file system, except that a path whose real path is outside `root` cannot be examined or
 * read (the walker then reports it as an unreadable input, located, and goes on).
 */
function confinedFileSystem(root: string): CliFs {
  const confined = async (path: string): Promise<string> => {
    const real = await nodeFileSystem.realpath(path);
    if (!isInside(root, real)) throw new OutsideWorkspaceError();
    return real;
  };
  return {
    stat: async (path) => nodeFileSystem.stat(await confined(path)),
    readdir: (path) => nodeFileSystem.readdir(path),
    realpath: confined,
    readFile: async (path) => nodeFileSystem.readFile(await confined(path)),
  };
}
