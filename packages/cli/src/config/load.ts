import { dirname, resolve } from 'node:path';
import { readConfigFile } from '@shiftdown/policy-core';
import type { ShiftdownConfig } from '@shiftdown/policy-core';
import type { CliFs } from '../files/fs.js';
import { describeFsError } from '../files/fs.js';
import { displayPath } from '../files/paths.js';
import { UsageError } from '../exit-codes.js';
import { discoverConfig } from './discover.js';

export interface LoadedConfig {
  config: ShiftdownConfig;
  /** Absolute path of the file. */
  absolutePath: string;
  /** The directory its include/exclude globs are relative to. */
  directory: string;
}

export interface ConfigChoice {
  /** `--config FILE` (a string), `--no-config` (false), or neither (undefined: discover). */
  flag: string | false | undefined;
  /** Where discovery starts: the first scanned path's directory, or the working directory. */
  startDirectory: string;
  cwd: string;
  fs: Pick<CliFs, 'stat' | 'readFile'>;
}

/** The config for this run, if any. Invalid or unreadable config is a usage error with located messages. */
export async function loadConfig(choice: ConfigChoice): Promise<LoadedConfig | undefined> {
  if (choice.flag === false) return undefined;
  const absolutePath =
    typeof choice.flag === 'string' ? resolve(choice.cwd, choice.flag) : await discoverConfig(choice.startDirectory, choice.fs);
  if (absolutePath === undefined) return undefined;

  const path = displayPath(choice.cwd, absolutePath);
  let bytes: Uint8Array;
  try {
    bytes = await choice.fs.readFile(absolutePath);
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${describeFsError(error)}`);
  }
  const read = readConfigFile(bytes, path);
  if (read.errors) throw new UsageError(`invalid config file ${path}`, read.errors);
  return { config: read.config, absolutePath, directory: dirname(absolutePath) };
}
