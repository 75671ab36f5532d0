import { ScanOptionError, estimateDocuments, formatReportChunks, scan } from '@shiftdown/policy-core';
import type { Report } from '@shiftdown/policy-core';
import { UsageError } from '../exit-codes.js';
import { verdict } from '../exit-status.js';
import type { CliFs } from '../files/fs.js';
import { nodeFileSystem } from '../files/fs.js';
import type { CliIO } from '../io.js';
import { warn } from '../io.js';
import { countUnreadable, printProblems, withInputProblems } from './input-problems.js';
import type { ReportFlags } from './report-options.js';
import { reportSettings, writeReport } from './report-output.js';
import { DEFAULT_STDIN_FILENAME, gatherInputs } from './scan-inputs.js';
import { prepareSchemaValidator, type SchemaFlags } from './schema-validation.js';

/** `shiftdown scan` options as commander parses them. */
export interface ScanFlags extends ReportFlags, SchemaFlags {
  stdinFilename?: string;
}

export interface ScanDeps {
  fs: CliFs;
}

/**
 * From this many documents on (about 8 MB of typical manifests), a scan asks the process to prefer
 * memory over speed (`CliIO.preferMemory`): measured at 50,000 documents, peak RSS 390 → 250 MiB for about
 * 30 % more time (docs/benchmarks.md).
 */
export const LARGE_SCAN_DOCUMENTS = 25_000;

/** Run `shiftdown scan`: the exit code (0 pass, 1 policy failure); usage problems throw UsageError. */
export async function runScan(
  args: readonly string[],
  flags: ScanFlags,
  io: CliIO,
  deps: ScanDeps,
): Promise<number> {
  const paths = args.length > 0 ? args : ['.'];
  const gathered = await gatherInputs({
    args: paths,
    configFlag: flags.config,
    io,
    fs: deps.fs,
    ...(flags.stdinFilename !== undefined && { stdinFilename: flags.stdinFilename }),
  });
  const config = gathered.config?.config;
  const schema = await prepareSchemaValidator({
    flags,
    ...(gathered.config && { config: gathered.config }),
    inputs: gathered.inputs,
    virtualPaths: new Set(paths.includes('-') ? [flags.stdinFilename ?? DEFAULT_STDIN_FILENAME] : []),
    onDisk: deps.fs === nodeFileSystem,
    ...((flags.kubernetesVersion ?? config?.kubernetesVersion) !== undefined && {
      kubernetesVersion: flags.kubernetesVersion ?? config?.kubernetesVersion,
    }),
    io,
    fs: deps.fs,
  });

  if (io.preferMemory && estimateDocuments(gathered.inputs) >= LARGE_SCAN_DOCUMENTS) io.preferMemory();
  let report: Report;
  try {
    report = scan({
      files: gathered.inputs,
      ...(config && { config }),
      ...(flags.profile !== undefined && { profile: flags.profile }),
      ...(flags.pssVersion !== undefined && { pssVersion: flags.pssVersion }),
      ...(flags.kubernetesVersion !== undefined && { kubernetesVersion: flags.kubernetesVersion }),
      ...(schema.validator && { schemaValidator: schema.validator }),
      // Parsing is the slow part of a large scan: the progress line follows it file by file.
      onFile: (index) => gathered.progress.update(index + 1),
    });
  } catch (error) {
    if (error instanceof ScanOptionError) throw new UsageError(error.message);
    throw error;
  } finally {
    gathered.progress.finish();
  }

  schema.afterScan();
  const scanned = gathered.inputs.length;
  // The report holds no input text: let the files' text go before the report is written.
  gathered.inputs = [];
  printProblems(io, gathered.problems);
  if (scanned === 0 && gathered.problems.length === 0) {
    warn(io, `no Kubernetes manifests (*.yaml, *.yml, *.json) found in ${paths.join(' ')}`);
  }
  report = withInputProblems(report, gathered.problems);

  const settings = reportSettings(flags, config, io);
  await writeReport(formatReportChunks(report, flags.format, settings.format), flags.output, io);
  return verdict(report, { ...settings.gate, unreadable: countUnreadable(gathered.problems) }).code;
}
