/** @shiftdown/cli — the `shiftdown` command. `bin/shiftdown.mjs` calls `main` with the real process. */
import { CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { CliFs } from './files/fs.js';
import { nodeFileSystem } from './files/fs.js';
import type { CliIO } from './io.js';
import { printError } from './io.js';
import { buildProgram } from './program.js';

export type { CliIO } from './io.js';
export type { CliFs, DirEntry, FileStat } from './files/fs.js';
export { EXIT_OK, EXIT_POLICY_FAILURE, EXIT_USAGE, UsageError } from './exit-codes.js';
export { CLI_VERSION } from './version.js';

// File collection, reused by other surfaces (the scaffolder action) so every surface walks, filters and
// reads manifests the same way.
export { nodeFileSystem, describeFsError, errorCode } from './files/fs.js';
export { collectFiles, resolveTargets } from './files/walk.js';
export type { Collection, CollectedFile, CollectOptions, InputProblem, Target } from './files/walk.js';
export { readFiles } from './files/read.js';
export { MAX_FILE_BYTES } from './commands/scan-inputs.js';
export type { ReadOptions, ReadResult } from './files/read.js';
export { ALLOW_ALL, createPathFilter } from './files/filter.js';
export type { FilterOptions, PathFilter } from './files/filter.js';
export { isInside, relativeSlashPath } from './files/paths.js';
export { CONFIG_FILE_NAMES } from './config/discover.js';
export { loadConfig } from './config/load.js';
export type { ConfigChoice, LoadedConfig } from './config/load.js';
export { countUnreadable, withInputProblems } from './commands/input-problems.js';

export interface MainDeps {
  /** File-system access for scanning (default: node:fs). */
  fs?: CliFs;
}

/**
 * Run the CLI with `argv` (the arguments after the program name) and return the exit code:
 * 0 pass, 1 policy failure, 2 usage error. Never calls process.exit; user errors never throw.
 */
export async function main(argv: readonly string[], io: CliIO, deps: MainDeps = {}): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, { fs: deps.fs ?? nodeFileSystem }, (exitCode) => {
    code = exitCode;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "exit" with 0; every parse error (already printed by commander) is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      printError(io, error.message, error.details);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    printError(io, `internal error (please report it): ${detail}`);
    return EXIT_USAGE;
  }
}
