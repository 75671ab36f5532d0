import { dirname, resolve } from 'node:path';
import { DEFAULT_PARSE_LIMITS, compareStrings, decodeBytes } from '@shiftdown/policy-core';
import type { InputFile } from '@shiftdown/policy-core';
import type { CliFs } from '../files/fs.js';
import { createPathFilter } from '../files/filter.js';
import { readFiles, readStream } from '../files/read.js';
import type { InputProblem, Target } from '../files/walk.js';
import { collectFiles, resolveTargets } from '../files/walk.js';
import { UsageError } from '../exit-codes.js';
import type { LoadedConfig } from '../config/load.js';
import { loadConfig } from '../config/load.js';
import { ProgressLine, progressEnabled } from '../progress.js';
import type { CliIO } from '../io.js';

export const DEFAULT_STDIN_FILENAME = '<stdin>';

/** Files bigger than this cannot be within the core's character limit in any encoding; they are not read. */
export const MAX_FILE_BYTES = DEFAULT_PARSE_LIMITS.maxFileChars * 4;

export interface InputRequest {
  /** Command-line paths; `-` is stdin. */
  args: readonly string[];
  stdinFilename?: string;
  /** `--config FILE`, `--no-config` (false) or neither. */
  configFlag: string | false | undefined;
  io: Pick<CliIO, 'cwd' | 'stdin' | 'stderr'>;
  fs: CliFs;
}

export interface GatheredInputs {
  config?: LoadedConfig;
  /** What the command line named, in its order (named files are in `inputs` under their `path`). */
  targets: Target[];
  /** Decoded files, sorted by path. */
  inputs: InputFile[];
  /** Inputs that could not be scanned, sorted by path. */
  problems: InputProblem[];
  /** Cleared by the caller once the scan is done. */
  progress: ProgressLine;
}

/**
 * Everything `scan` needs from the outside world: config, files (walked, filtered, read up to
 * MAX_FILE_BYTES, decoded with the core's `decodeBytes`) and stdin.
 */
export async function gatherInputs(request: InputRequest): Promise<GatheredInputs> {
  const { fs } = request;
  const { cwd, stderr } = request.io;
  if (request.args.filter((a) => a === '-').length > 1)
    throw new UsageError('stdin ("-") can be scanned only once');

  const resolved = await resolveTargets(request.args, { cwd, fs });
  if (resolved.missing.length > 0) {
    const [first, ...rest] = resolved.missing;
    throw new UsageError(
      rest.length === 0 ? `path not found: ${first}` : `paths not found: ${resolved.missing.join(', ')}`,
    );
  }

  const config = await loadConfig({
    flag: request.configFlag,
    startDirectory: discoveryStart(request.args, resolved.targets, cwd),
    cwd,
    fs,
  });
  const filter = config
    ? createPathFilter({
        include: config.config.include,
        exclude: config.config.exclude,
        baseDirectory: config.directory,
      })
    : undefined;

  const collection = await collectFiles(resolved.targets, { cwd, fs, ...(filter && { filter }) });
  const progress = new ProgressLine(
    stderr,
    collection.files.length,
    progressEnabled(stderr.isTTY, collection.files.length),
  );
  const read = await readFiles(collection.files, {
    fs,
    decode: decodeBytes,
    maxBytes: MAX_FILE_BYTES,
    onProgress: (done) => progress.update(done, 'Reading'),
  });

  const inputs = [...read.inputs];
  if (resolved.targets.some((t) => t.kind === 'stdin')) {
    const name = request.stdinFilename ?? DEFAULT_STDIN_FILENAME;
    if (inputs.some((file) => file.path === name)) {
      progress.finish();
      throw new UsageError(`--stdin-filename "${name}" is also a scanned file`);
    }
    inputs.push({ path: name, text: decodeBytes(await readStream(request.io.stdin)) });
  }
  inputs.sort((a, b) => compareStrings(a.path, b.path));
  const problems = [...resolved.problems, ...collection.problems, ...read.problems].sort((a, b) =>
    compareStrings(a.path, b.path),
  );
  return { ...(config && { config }), targets: resolved.targets, inputs, problems, progress };
}

/** Config discovery starts at the first path's directory (a file's parent), or the working directory for stdin. */
function discoveryStart(args: readonly string[], targets: readonly Target[], cwd: string): string {
  const first = args[0];
  if (first === undefined || first === '-') return cwd;
  const absolutePath = resolve(cwd, first);
  const target = targets.find(
    (t): t is Extract<Target, { absolutePath: string }> =>
      t.kind !== 'stdin' && t.absolutePath === absolutePath,
  );
  return target?.kind === 'directory' ? absolutePath : dirname(absolutePath);
}
