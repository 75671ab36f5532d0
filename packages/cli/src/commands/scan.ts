import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_PARSE_LIMITS, ScanOptionError, decodeBytes, formatReport, scan } from '@shiftdown/policy-core';
import type { FormatOptions, ProfileName, Report, ReportFormat } from '@shiftdown/policy-core';
import { shouldUseColor } from '../color.js';
import { UsageError } from '../exit-codes.js';
import type { FailOn } from '../exit-status.js';
import { verdict } from '../exit-status.js';
import type { CliFs } from '../files/fs.js';
import { describeFsError } from '../files/fs.js';
import type { CliIO } from '../io.js';
import { warn } from '../io.js';
import { countUnreadable, printProblems, withInputProblems } from './input-problems.js';
import { DEFAULT_STDIN_FILENAME, gatherInputs } from './scan-inputs.js';
import { prepareSchemaValidator, type SchemaFlags } from './schema-validation.js';
import { nodeFileSystem } from '../files/fs.js';

/** `shiftdown scan` options as commander parses them. */
export interface ScanFlags extends SchemaFlags {
  format: ReportFormat;
  output?: string;
  profile?: ProfileName;
  pssVersion?: string;
  kubernetesVersion?: string;
  /** A file, `false` for --no-config, undefined to discover. */
  config?: string | false;
  failOn?: FailOn;
  minScore?: number;
  showSuppressed?: boolean;
  color?: boolean;
  stdinFilename?: string;
}

export interface ScanDeps {
  fs: CliFs;
}

/** Files bigger than this cannot be within the core's character limit in any encoding; they are not read. */
const MAX_FILE_BYTES = DEFAULT_PARSE_LIMITS.maxFileChars * 4;

/** Run `shiftdown scan`: the exit code (0 pass, 1 policy failure); usage problems throw UsageError. */
export async function runScan(args: readonly string[], flags: ScanFlags, io: CliIO, deps: ScanDeps): Promise<number> {
  const paths = args.length > 0 ? args : ['.'];
  const gathered = await gatherInputs({
    args: paths,
    configFlag: flags.config,
    cwd: io.cwd,
    fs: deps.fs,
    stdin: io.stdin,
    stderr: io.stderr,
    decode: decodeBytes,
    maxBytes: MAX_FILE_BYTES,
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
    decode: decodeBytes,
  });

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
  printProblems(io, gathered.problems);
  if (gathered.inputs.length === 0 && gathered.problems.length === 0) {
    warn(io, `no Kubernetes manifests (*.yaml, *.yml, *.json) found in ${paths.join(' ')}`);
  }
  report = withInputProblems(report, gathered.problems);

  const failOn: FailOn = flags.failOn ?? config?.failOn ?? 'high';
  const minScore = flags.minScore ?? config?.minScore;
  const toFile = flags.output !== undefined;
  const options: FormatOptions = {
    color: toFile ? flags.color === true : shouldUseColor({ flag: flags.color, isTTY: io.stdout.isTTY, env: io.env }),
    showSuppressed: flags.showSuppressed === true,
    ...(failOn !== 'none' && { failOn }),
  };
  let text = formatReport(report, flags.format, options);
  if (!text.endsWith('\n')) text += '\n';

  if (flags.output !== undefined) await writeReport(resolve(io.cwd, flags.output), flags.output, text);
  else io.stdout.write(text);

  return verdict(report, { failOn, ...(minScore !== undefined && { minScore }), unreadable: countUnreadable(gathered.problems) }).code;
}

async function writeReport(absolutePath: string, shown: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(absolutePath), { recursive: true });
    await writeFile(absolutePath, text);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${shown}: ${describeFsError(error)}`);
  }
}
