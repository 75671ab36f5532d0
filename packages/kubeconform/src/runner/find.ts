import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeconformError } from './errors.js';

export interface FindKubeconformOptions {
  /** An explicit binary (e.g. from `--kubeconform-path`); wins over everything else. */
  path?: string;
  /** Environment to read `KUBECONFORM_PATH` and `PATH` from (default: `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Platform whose naming rules apply (default: `process.platform`). */
  platform?: NodeJS.Platform;
}

/**
 * Locates the kubeconform binary: the explicit `path` option, then `KUBECONFORM_PATH`, then the first
 * executable `kubeconform` (`kubeconform.exe` on Windows) on `PATH`. Returns undefined when `PATH` has none.
 * A path the user named explicitly that is missing or not executable is an error, not a silent fallback:
 * validating with some other kubeconform (or none) than the one asked for would be surprising.
 */
export function findKubeconform(options: FindKubeconformOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  if (options.path !== undefined && options.path !== '')
    return checkExplicit(options.path, 'the kubeconform path option');
  const fromEnv = env.KUBECONFORM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return checkExplicit(fromEnv, 'KUBECONFORM_PATH');
  return searchPath(env, platform);
}

function checkExplicit(file: string, source: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new KubeconformError(`kubeconform not found at "${file}" (from ${source}): no such file.`);
  }
  if (!stat.isFile()) throw new KubeconformError(`kubeconform at "${file}" (from ${source}) is not a file.`);
  if (!isExecutable(file))
    throw new KubeconformError(`kubeconform at "${file}" (from ${source}) is not executable.`);
  return file;
}

function searchPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const windows = platform === 'win32';
  // Windows spells it `Path`; environment names are case-insensitive there.
  const pathValue = windows
    ? Object.entries(env).find(([key]) => key.toUpperCase() === 'PATH')?.[1]
    : env.PATH;
  if (!pathValue) return undefined;
  const name = windows ? 'kubeconform.exe' : 'kubeconform';
  for (const dir of pathValue.split(windows ? ';' : ':')) {
    if (dir === '') continue;
    const candidate = path.join(dir.replace(/^"(.*)"$/, '$1'), name);
    try {
      if (fs.statSync(candidate).isFile() && isExecutable(candidate)) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
