/**
 * `shiftdown template check`: render Backstage software templates' skeletons with example parameter
 * values (or `--values`), scan what they generate, and report findings at skeleton lines. Same report
 * options, gate and exit codes as `scan`; a template that cannot be rendered fails the run like an
 * unreadable file does (a finding may hide in it).
 */
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { ScanOptionError, decodeBytes } from '@shiftdown/policy-core';
import type { SchemaValidatorChoice } from '@shiftdown/policy-core';
import type { TemplateCheckResult } from '@shiftdown/templates';
import { UsageError } from '../exit-codes.js';
import { verdict } from '../exit-status.js';
import { describeFsError, type CliFs } from '../files/fs.js';
import type { CliIO } from '../io.js';
import { printError, warn } from '../io.js';
import { loadConfig } from '../config/load.js';
import { addReportOptions, collect, type ReportFlags } from './report-options.js';
import { emitReport, reportSettings } from './report-output.js';
import { prepareSchemaValidator } from './schema-validation.js';

/** Rendered files are never written to disk, so kubeconform (which reads files) is not offered. */
const TEMPLATE_SCHEMA_CHOICES: readonly SchemaValidatorChoice[] = ['auto', 'embedded', 'off'];

export interface TemplateCheckFlags extends ReportFlags {
  values?: string;
  schema?: SchemaValidatorChoice;
  crds?: string[];
}

export interface TemplateCheckDeps {
  fs: CliFs;
}

/** Adds `template check` under `template` to the program. */
export function registerTemplateCommands(
  program: Command,
  io: CliIO,
  deps: TemplateCheckDeps,
  setExitCode: (code: number) => void,
): void {
  const template = program.command('template').description('Backstage software templates (golden paths)');
  const check = template
    .command('check')
    .description(
      'render Backstage templates (fetch:template skeletons) with example values and check what they generate, reported at skeleton lines',
    )
    .argument('<paths...>', 'template files, or directories searched for scaffolder.backstage.io/v1beta3 Templates');
  addReportOptions(check)
    .option('--values <file>', 'YAML or JSON mapping of parameter values (default: from each template parameter schema)')
    .addOption(
      new Option('--schema <validator>', 'schema validation of the rendered manifests: auto (embedded), embedded or off').choices(
        TEMPLATE_SCHEMA_CHOICES,
      ),
    )
    .option('--crds <path>', 'file or directory of CustomResourceDefinitions for custom resources (repeatable)', collect, [] as string[])
    .action(async (paths: string[], flags: TemplateCheckFlags) => {
      setExitCode(await runTemplateCheck(paths, flags, io, deps));
    });
}

export async function runTemplateCheck(paths: readonly string[], flags: TemplateCheckFlags, io: CliIO, deps: TemplateCheckDeps): Promise<number> {
  const startDirectory = await discoveryStart(paths[0] ?? '.', io.cwd, deps.fs);
  const loaded = await loadConfig({ flag: flags.config, startDirectory, cwd: io.cwd, fs: deps.fs });
  const config = loaded?.config;
  const values = flags.values === undefined ? undefined : await readValues(flags.values, io, deps.fs);
  const kubernetesVersion = flags.kubernetesVersion ?? config?.kubernetesVersion;
  const choice = flags.schema ?? config?.schema?.validator ?? 'auto';
  const schema = await prepareSchemaValidator({
    flags: { schema: choice === 'off' ? 'off' : 'embedded', ...(flags.crds && { crds: flags.crds }) },
    ...(loaded && { config: loaded }),
    inputs: [],
    virtualPaths: new Set(),
    onDisk: false,
    ...(kubernetesVersion !== undefined && { kubernetesVersion }),
    io,
    fs: deps.fs,
    decode: decodeBytes,
  });

  // Loaded on use: the template engine is not needed by `scan`, nor by surfaces that reuse the CLI's file walking.
  const { MissingPathError, checkTemplates, formatTemplateCheck } = await import('@shiftdown/templates');
  let result: TemplateCheckResult;
  try {
    result = await checkTemplates(paths, {
      cwd: io.cwd,
      ...(values && { values }),
      ...(config && { config }),
      ...(flags.profile !== undefined && { profile: flags.profile }),
      ...(flags.pssVersion !== undefined && { pssVersion: flags.pssVersion }),
      ...(flags.kubernetesVersion !== undefined && { kubernetesVersion: flags.kubernetesVersion }),
      ...(schema.validator && { schemaValidator: schema.validator }),
    });
  } catch (error) {
    if (error instanceof MissingPathError || error instanceof ScanOptionError) throw new UsageError(error.message);
    throw error;
  }

  // The text report on the terminal lists errors and warnings itself; anything else gets them on stderr.
  if (flags.format !== 'text' || flags.output !== undefined) {
    for (const error of result.errors) printError(io, `${error.file}:${error.line}:${error.column}: ${error.message}`);
    for (const template of result.templates) {
      for (const warning of template.warnings) warn(io, `${warning.file}:${warning.line}:${warning.column}: ${warning.message}`);
    }
  }
  if (result.templates.length === 0 && result.errors.length === 0) {
    warn(io, `no Backstage software templates (scaffolder.backstage.io/v1beta3 Template) found in ${paths.join(' ')}`);
  }

  const settings = reportSettings(flags, config, io);
  const gate = { failOn: settings.failOn, ...(settings.minScore !== undefined && { minScore: settings.minScore }) };
  await emitReport(
    formatTemplateCheck(result, flags.format, {
      ...settings.format,
      ...(settings.failOn !== 'none' && { failOn: settings.failOn }),
      ...(settings.minScore !== undefined && { minScore: settings.minScore }),
    }),
    flags,
    io,
  );
  return verdict(result.report, { ...gate, unreadable: result.errors.length }).code;
}

/** `--values FILE`: a mapping of parameter names to values. Unreadable or invalid is a usage error. */
async function readValues(path: string, io: CliIO, fs: CliFs): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = decodeBytes(await fs.readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw new UsageError(`cannot read the values file ${path}: ${describeFsError(error)}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new UsageError(
      `invalid values file ${path}`,
      document.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return `${path}:${at.line}:${at.col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  const value: unknown = document.toJS({ maxAliasCount: 1000 });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`invalid values file ${path}: it must be a mapping of parameter names to values`);
  }
  return value as Record<string, unknown>;
}

/** Config discovery starts at the first path (a directory) or its directory (a file). */
async function discoveryStart(first: string, cwd: string, fs: CliFs): Promise<string> {
  const absolute = resolve(cwd, first);
  try {
    return (await fs.stat(absolute)).isDirectory() ? absolute : dirname(absolute);
  } catch {
    return dirname(absolute);
  }
}
