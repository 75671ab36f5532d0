import { dirname } from 'node:path';
import { InputError } from '@backstage/errors';
import { compareStrings, decodeBytes } from '@shiftdown/policy-core';
import type { InputFile } from '@shiftdown/policy-core';
import {
  ALLOW_ALL,
  MAX_FILE_BYTES,
  UsageError,
  collectFiles,
  createPathFilter,
  loadConfig,
  readFiles,
} from '@shiftdown/cli';
import type { InputProblem, LoadedConfig, PathFilter } from '@shiftdown/cli';
import type { PathTarget, Workspace } from './workspace.js';

export interface CollectedInputs {
  config?: LoadedConfig;
  /** Decoded files, sorted by path (relative to the workspace). */
  inputs: InputFile[];
  /** Inputs that could not be scanned, sorted by path. */
  problems: InputProblem[];
}

export interface CollectRequest {
  workspace: Workspace;
  /** The file or directory to scan (inside the workspace, known to exist). */
  target: PathTarget;
  /** Never scanned: the report the action writes (a previous run's would otherwise be read as input). */
  reportFile: string;
}

/**
 * The config and the manifests to scan, walked, filtered and read exactly as `shiftdown scan` does (the
 * CLI's walker: *.yaml, *.yml, *.json; `.git` and `node_modules` skipped; symbolic-link loops and
 * unreadable files reported), confined to the workspace. The config file itself is not scanned.
 */
export async function collectInputs(request: CollectRequest): Promise<CollectedInputs> {
  const { workspace, target } = request;
  const start = target.kind === 'directory' ? target.absolutePath : dirname(target.absolutePath);
  const config = await loadWorkspaceConfig(workspace, start);
  const configFilter = config
    ? createPathFilter({
        include: config.config.include,
        exclude: config.config.exclude,
        baseDirectory: config.directory,
      })
    : ALLOW_ALL;
  const filter: PathFilter = {
    includeFile: (path) =>
      path !== request.reportFile && path !== config?.absolutePath && configFilter.includeFile(path),
    pruneDirectory: (path) => configFilter.pruneDirectory(path),
  };
  const collection = await collectFiles([target], { cwd: workspace.path, fs: workspace.fs, filter });
  const read = await readFiles(collection.files, {
    fs: workspace.fs,
    decode: decodeBytes,
    maxBytes: MAX_FILE_BYTES,
  });
  const problems = [...collection.problems, ...read.problems].sort((a, b) => compareStrings(a.path, b.path));
  return { ...(config && { config }), inputs: read.inputs, problems };
}

/**
 * The nearest `.shiftdown.yaml` (or `.shiftdown.yml`) from the scanned directory up, found as the CLI
 * finds it; the confined file system sees none above the workspace, so the template's own config is the
 * only one used. An invalid or unreadable one is an InputError with its located lines.
 */
async function loadWorkspaceConfig(
  workspace: Workspace,
  startDirectory: string,
): Promise<LoadedConfig | undefined> {
  try {
    return await loadConfig({ flag: undefined, startDirectory, cwd: workspace.path, fs: workspace.fs });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const details = error.details.length > 0 ? `:\n${error.details.join('\n')}` : '';
    throw new InputError(`${error.message}${details}`);
  }
}
