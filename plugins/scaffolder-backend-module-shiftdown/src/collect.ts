import { dirname, join } from 'node:path';
import { InputError } from '@backstage/errors';
import { DEFAULT_PARSE_LIMITS, decodeBytes, readConfigFile } from '@shiftdown/policy-core';
import type { InputFile, ShiftdownConfig } from '@shiftdown/policy-core';
import {
  ALLOW_ALL,
  CONFIG_FILE_NAMES,
  collectFiles,
  createPathFilter,
  describeFsError,
  readFiles,
} from '@shiftdown/cli';
import type { InputProblem, PathFilter, Target } from '@shiftdown/cli';
import type { Workspace } from './workspace.js';

/** Files bigger than this cannot be within the core's character limit in any encoding (as in the CLI). */
const MAX_FILE_BYTES = DEFAULT_PARSE_LIMITS.maxFileChars * 4;

export interface LoadedConfig {
  config: ShiftdownConfig;
  /** As messages show it, relative to the workspace. */
  path: string;
  /** The directory its globs and CRD paths are relative to. */
  directory: string;
}

export interface CollectedInputs {
  config?: LoadedConfig;
  /** Decoded files, sorted by path (relative to the workspace). */
  inputs: InputFile[];
  /** Inputs that could not be scanned, sorted by path. */
  problems: InputProblem[];
}

export interface CollectRequest {
  workspace: Workspace;
  /** The file or directory to scan (absolute, inside the workspace, known to exist). */
  target: { absolutePath: string; isDirectory: boolean };
  /** Never scanned: the report the action writes (a previous run's would otherwise be read as input). */
  reportFile: string;
}

/**
 * The config and the manifests to scan, walked, filtered and read exactly as `shiftdown scan` does (the
 * CLI's walker: *.yaml, *.yml, *.json; `.git` and `node_modules` skipped; symbolic-link loops and
 * unreadable files reported), confined to the workspace.
 */
export async function collectInputs(request: CollectRequest): Promise<CollectedInputs> {
  const { workspace, target } = request;
  const start = target.isDirectory ? target.absolutePath : dirname(target.absolutePath);
  const config = await loadConfig(workspace, start);
  const configFilter = config
    ? createPathFilter({
        include: config.config.include,
        exclude: config.config.exclude,
        baseDirectory: config.directory,
      })
    : ALLOW_ALL;
  const filter: PathFilter = {
    includeFile: (path) => path !== request.reportFile && configFilter.includeFile(path),
    pruneDirectory: (path) => configFilter.pruneDirectory(path),
  };
  const walkTarget: Target = {
    kind: target.isDirectory ? 'directory' : 'file',
    absolutePath: target.absolutePath,
    path: workspace.display(target.absolutePath),
  };
  const collection = await collectFiles([walkTarget], { cwd: workspace.path, fs: workspace.fs, filter });
  const read = await readFiles(collection.files, {
    fs: workspace.fs,
    decode: decodeBytes,
    maxBytes: MAX_FILE_BYTES,
  });
  const problems = [...collection.problems, ...read.problems].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...(config && { config }), inputs: read.inputs, problems };
}

/**
 * The nearest `.shiftdown.yaml` (or `.shiftdown.yml`) from the scanned directory up to the workspace
 * root, never above it: the template's own config. An invalid one is an InputError with located lines.
 */
async function loadConfig(workspace: Workspace, startDirectory: string): Promise<LoadedConfig | undefined> {
  for (let directory = startDirectory; ; directory = dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const absolutePath = join(directory, name);
      const found = await readIfFile(workspace, absolutePath);
      if (found) {
        const path = workspace.display(absolutePath);
        const read = readConfigFile(found, path);
        if (read.errors)
          throw new InputError(`invalid Shiftdown config file ${path}:\n${read.errors.join('\n')}`);
        return { config: read.config, path, directory };
      }
    }
    if (directory === workspace.path || dirname(directory) === directory) return undefined;
  }
}

async function readIfFile(workspace: Workspace, absolutePath: string): Promise<Uint8Array | undefined> {
  let isFile: boolean;
  try {
    isFile = (await workspace.fs.stat(absolutePath)).isFile();
  } catch {
    return undefined; // absent (or a link out of the workspace): no config here
  }
  if (!isFile) return undefined;
  try {
    return await workspace.fs.readFile(absolutePath);
  } catch (error) {
    throw new InputError(
      `cannot read Shiftdown config file ${workspace.display(absolutePath)}: ${describeFsError(error)}`,
    );
  }
}
