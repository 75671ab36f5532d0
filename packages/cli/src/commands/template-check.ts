/**
 * `shiftdown template check`: render Backstage software templates' skeletons with example parameter
 * values (or `--values`), scan what they generate, and report findings at skeleton lines. The paths are
 * walked, filtered by the config and read as `scan` does them; same report options, gate and exit codes
 * as `scan`. A template that cannot be rendered fails the run like an unreadable file does (a finding may
 * hide in it).
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ScanOptionError, decodeBytes } from '@shiftdown/policy-core';
import type { SchemaValidatorChoice } from '@shiftdown/policy-core';
import type { ParsedTemplateValues, TemplateCheckResult, TemplateSource } from '@shiftdown/templates';
import type { LoadedConfig } from '../config/load.js';
import { UsageError } from '../exit-codes.js';
import { verdict } from '../exit-status.js';
import { describeFsError, type CliFs } from '../files/fs.js';
import { displayPath } from '../files/paths.js';
import type { CliIO } from '../io.js';
import { printError, warn } from '../io.js';
import { countUnreadable, printProblems, withInputProblems } from './input-problems.js';
import { addReportOptions, type ReportFlags } from './report-options.js';
import { reportSettings, writeReport } from './report-output.js';
import { gatherInputs } from './scan-inputs.js';
import { addCrdsOption, prepareSchemaValidator } from './schema-validation.js';

/**
 * kubeconform is not offered: `prepareSchemaValidator` runs it over the inputs before the scan, and the
 * manifests to validate only exist once each template is rendered, inside `checkTemplates`.
 */
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
    .argument(
      '<paths...>',
      'template files, or directories searched for scaffolder.backstage.io/v1beta3 Templates',
    );
  addReportOptions(check)
    .option(
      '--values <file>',
      'YAML or JSON mapping of parameter values (default: from each template parameter schema)',
    )
    .addOption(
      new Option(
        '--schema <validator>',
        'schema validation of the rendered manifests: auto (embedded), embedded or off',
      ).choices(TEMPLATE_SCHEMA_CHOICES),
    );
  addCrdsOption(check).action(async (paths: string[], flags: TemplateCheckFlags) => {
    setExitCode(await runTemplateCheck(paths, flags, io, deps));
  });
}

export async function runTemplateCheck(
  paths: readonly string[],
  flags: TemplateCheckFlags,
  io: CliIO,
  deps: TemplateCheckDeps,
): Promise<number> {
  if (paths.includes('-'))
    throw new UsageError('template check reads template files: stdin ("-") cannot be checked');
  // Loaded on use: the template engine is not needed by `scan`, nor by surfaces that reuse the CLI's file walking.
  const templates = await import('@shiftdown/templates');
  const values =
    flags.values === undefined
      ? undefined
      : await readValues(flags.values, io, deps.fs, templates.parseTemplateValues);
  const gathered = await gatherInputs({
    args: paths,
    configFlag: flags.config,
    io,
    fs: deps.fs,
  });
  gathered.progress.finish();
  const loaded = gathered.config;
  const config = loaded?.config;
  const kubernetesVersion = flags.kubernetesVersion ?? config?.kubernetesVersion;
  const schema = await prepareSchemaValidator({
    flags: { schema: schemaChoice(flags, loaded, io), ...(flags.crds && { crds: flags.crds }) },
    ...(loaded && { config: loaded }),
    inputs: [],
    virtualPaths: new Set(),
    onDisk: false,
    ...(kubernetesVersion !== undefined && { kubernetesVersion }),
    io,
    fs: deps.fs,
  });

  const named = new Set(gathered.targets.flatMap((target) => (target.kind === 'file' ? [target.path] : [])));
  const sources: TemplateSource[] = gathered.inputs.map((file) => ({
    ...file,
    absolutePath: resolve(io.cwd, file.path),
    explicit: named.has(file.path),
  }));
  let result: TemplateCheckResult;
  try {
    result = await templates.checkTemplates(sources, {
      cwd: io.cwd,
      ...(values && { values }),
      ...(config && { config }),
      ...(flags.profile !== undefined && { profile: flags.profile }),
      ...(flags.pssVersion !== undefined && { pssVersion: flags.pssVersion }),
      ...(flags.kubernetesVersion !== undefined && { kubernetesVersion: flags.kubernetesVersion }),
      ...(schema.validator && { schemaValidator: schema.validator }),
    });
  } catch (error) {
    if (error instanceof ScanOptionError) throw new UsageError(error.message);
    throw error;
  }

  printProblems(io, gathered.problems);
  // The text report on the terminal lists errors and warnings itself; anything else gets them on stderr.
  if (flags.format !== 'text' || flags.output !== undefined) {
    for (const error of result.errors)
      printError(io, `${error.file}:${error.line}:${error.column}: ${error.message}`);
    for (const template of result.templates) {
      for (const warning of template.warnings)
        warn(io, `${warning.file}:${warning.line}:${warning.column}: ${warning.message}`);
    }
  }
  if (result.templates.length === 0 && result.errors.length === 0 && gathered.problems.length === 0) {
    warn(
      io,
      `no Backstage software templates (scaffolder.backstage.io/v1beta3 Template) found in ${paths.join(' ')}`,
    );
  }
  result = { ...result, report: withInputProblems(result.report, gathered.problems) };

  const settings = reportSettings(flags, config, io);
  const text = templates.formatTemplateCheck(result, flags.format, {
    ...settings.format,
    ...(settings.gate.minScore !== undefined && { minScore: settings.gate.minScore }),
  });
  await writeReport([text], flags.output, io);
  const unreadable = result.errors.length + countUnreadable(gathered.problems);
  return verdict(result.report, { ...settings.gate, unreadable }).code;
}

/**
 * `embedded` or `off`: the flag, else the config's `schema.validator`. A config asking for kubeconform
 * (`kubeconform`, or `auto`, which would use it when found) is told that the embedded validator is used.
 */
function schemaChoice(
  flags: TemplateCheckFlags,
  loaded: LoadedConfig | undefined,
  io: CliIO,
): 'embedded' | 'off' {
  const configured = loaded?.config.schema?.validator;
  const choice = flags.schema ?? configured ?? 'auto';
  if (flags.schema === undefined && (configured === 'kubeconform' || configured === 'auto')) {
    warn(
      io,
      `${displayPath(io.cwd, loaded!.absolutePath)} asks for schema validator "${configured}": template check validates the rendered manifests with the embedded schemas`,
    );
  }
  return choice === 'off' ? 'off' : 'embedded';
}

/** `--values FILE`: a mapping of parameter names to values. Unreadable or invalid is a usage error. */
async function readValues(
  path: string,
  io: CliIO,
  fs: CliFs,
  parse: (text: string, path: string) => ParsedTemplateValues,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = decodeBytes(await fs.readFile(resolve(io.cwd, path)));
  } catch (error) {
    throw new UsageError(`cannot read the values file ${path}: ${describeFsError(error)}`);
  }
  const parsed = parse(text, path);
  if ('errors' in parsed) throw new UsageError(`invalid values file ${path}`, parsed.errors);
  if ('notAMapping' in parsed)
    throw new UsageError(`invalid values file ${path}: it must be a mapping of parameter names to values`);
  return parsed.values;
}
