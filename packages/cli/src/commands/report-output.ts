import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FormatOptions, ShiftdownConfig } from '@shiftdown/policy-core';
import { shouldUseColor } from '../color.js';
import { UsageError } from '../exit-codes.js';
import type { FailOn } from '../exit-status.js';
import { describeFsError } from '../files/fs.js';
import type { CliIO } from '../io.js';
import type { ReportFlags } from './report-options.js';

export interface ReportSettings {
  failOn: FailOn;
  minScore?: number;
  format: FormatOptions;
}

/** The gate (flags, then config, then `high`) and the formatting options (colour only for a terminal). */
export function reportSettings(flags: ReportFlags, config: ShiftdownConfig | undefined, io: CliIO): ReportSettings {
  const failOn: FailOn = flags.failOn ?? config?.failOn ?? 'high';
  const minScore = flags.minScore ?? config?.minScore;
  const toFile = flags.output !== undefined;
  return {
    failOn,
    ...(minScore !== undefined && { minScore }),
    format: {
      color: toFile ? flags.color === true : shouldUseColor({ flag: flags.color, isTTY: io.stdout.isTTY, env: io.env }),
      showSuppressed: flags.showSuppressed === true,
      ...(failOn !== 'none' && { failOn }),
    },
  };
}

/** The report text on stdout, or in the `--output` file (relative to the working directory). */
export async function emitReport(text: string, flags: Pick<ReportFlags, 'output'>, io: CliIO): Promise<void> {
  const complete = text.endsWith('\n') ? text : `${text}\n`;
  if (flags.output === undefined) {
    io.stdout.write(complete);
    return;
  }
  const absolutePath = resolve(io.cwd, flags.output);
  try {
    await mkdir(dirname(absolutePath), { recursive: true });
    await writeFile(absolutePath, complete);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${flags.output}: ${describeFsError(error)}`);
  }
}
