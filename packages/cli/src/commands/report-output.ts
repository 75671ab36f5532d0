import { resolve } from 'node:path';
import type { FormatOptions, GatePolicy, ShiftdownConfig } from '@shiftdown/policy-core';
import { shouldUseColor } from '../color.js';
import { UsageError } from '../exit-codes.js';
import type { FailOn } from '../exit-status.js';
import { describeFsError } from '../files/fs.js';
import { writeFilePieces, writePieces } from '../files/write.js';
import type { CliIO } from '../io.js';
import type { ReportFlags } from './report-options.js';

export interface ReportSettings {
  /** The exit gate: `--fail-on` and `--min-score`, else the config's. */
  gate: GatePolicy;
  format: FormatOptions;
}

/** The gate (flags, then config, then `high`) and the formatting options (colour only for a terminal). */
export function reportSettings(
  flags: ReportFlags,
  config: ShiftdownConfig | undefined,
  io: CliIO,
): ReportSettings {
  const failOn: FailOn = flags.failOn ?? config?.failOn ?? 'high';
  const minScore = flags.minScore ?? config?.minScore;
  const toFile = flags.output !== undefined;
  return {
    gate: { failOn, ...(minScore !== undefined && { minScore }) },
    format: {
      color: toFile
        ? flags.color === true
        : shouldUseColor({ flag: flags.color, isTTY: io.stdout.isTTY, env: io.env }),
      showSuppressed: flags.showSuppressed === true,
      ...(failOn !== 'none' && { failOn }),
    },
  };
}

/**
 * The report on stdout, or in the `--output` file (relative to the working directory), written a piece
 * at a time: a JSON or SARIF report of a large scan is 100 MB, which need not exist as one string. A file
 * that cannot be written is a usage error.
 */
export async function writeReport(
  pieces: Iterable<string>,
  output: string | undefined,
  io: CliIO,
): Promise<void> {
  if (output === undefined) {
    await writePieces(io.stdout, pieces);
    return;
  }
  try {
    await writeFilePieces(resolve(io.cwd, output), pieces);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${output}: ${describeFsError(error)}`);
  }
}
