import { resolve } from 'node:path';
import type { Command } from 'commander';
import { decodeBytes } from '@shiftdown/policy-core';
import type { InputFile, SchemaValidator, SchemaValidatorChoice } from '@shiftdown/policy-core';
import {
  KubeconformError,
  crdsFromFiles,
  embeddedValidatorFor,
  findKubeconform,
  kubeconformValidator,
  runKubeconform,
  withFallbackForMissing,
  type JsonObject,
  type KubeconformValidator,
} from '@shiftdown/kubeconform';
import { UsageError } from '../exit-codes.js';
import type { LoadedConfig } from '../config/load.js';
import type { CliFs } from '../files/fs.js';
import { collectFiles, resolveTargets } from '../files/walk.js';
import { readFiles } from '../files/read.js';
import type { CliIO } from '../io.js';
import { warn } from '../io.js';
import { collect } from './report-options.js';

export const SCHEMA_CHOICES: readonly SchemaValidatorChoice[] = ['auto', 'embedded', 'kubeconform', 'off'];

/** The schema flags of `shiftdown scan`. */
export interface SchemaFlags {
  schema?: SchemaValidatorChoice;
  kubeconform?: string;
  schemaLocation?: string[];
  crds?: string[];
}

/** `--crds PATH` (repeatable), as `scan` and `template check` take it. */
export function addCrdsOption(command: Command): Command {
  return command.option(
    '--crds <path>',
    'file or directory of CustomResourceDefinitions for custom resources (repeatable)',
    collect,
    [] as string[],
  );
}

export interface SchemaRequest {
  flags: SchemaFlags;
  config?: LoadedConfig;
  inputs: readonly InputFile[];
  /** Report names that are not files on disk (stdin). */
  virtualPaths: ReadonlySet<string>;
  /** True when the inputs were read from the real file system (kubeconform may then read them itself). */
  onDisk: boolean;
  kubernetesVersion?: string;
  io: CliIO;
  fs: CliFs;
}

export interface PreparedSchema {
  validator?: SchemaValidator;
  /** Warnings to print after the scan (kubeconform results that match no scanned object). */
  afterScan(): void;
}

/**
 * The schema validator for this run: `off`, the embedded validator, or kubeconform (with the embedded
 * validator for the custom resources kubeconform has no schema for). `auto` uses kubeconform when the
 * binary is found. A kubeconform run that fails is a warning and the embedded validator takes over, so
 * no object goes unvalidated.
 */
export async function prepareSchemaValidator(request: SchemaRequest): Promise<PreparedSchema> {
  const settings = request.config?.config.schema ?? {};
  const choice = request.flags.schema ?? settings.validator ?? 'auto';
  const none: PreparedSchema = { afterScan: () => undefined };
  if (choice === 'off') return none;

  const embedded = embeddedValidatorFor(settings, await loadCrds(request));
  const skip = settings.skipKinds ?? [];
  if (choice === 'embedded') return { validator: embedded, afterScan: none.afterScan };

  const binary = locateKubeconform(request, choice === 'kubeconform');
  if (!binary) return { validator: embedded, afterScan: none.afterScan };
  let validator: KubeconformValidator;
  try {
    const run = await runKubeconform({
      binary,
      cwd: request.io.cwd,
      env: request.io.env,
      inputs: request.inputs.map((file) => ({
        path: file.path,
        text: file.text,
        ...(request.onDisk &&
          !request.virtualPaths.has(file.path) && { diskPath: resolve(request.io.cwd, file.path) }),
      })),
      ...(request.kubernetesVersion !== undefined && { kubernetesVersion: request.kubernetesVersion }),
      ...(request.flags.schemaLocation?.length
        ? { schemaLocations: request.flags.schemaLocation }
        : settings.schemaLocations && { schemaLocations: settings.schemaLocations }),
      ...(skip.length > 0 && { skip }),
      ...(settings.ignoreMissingSchemas && { ignoreMissingSchemas: true }),
    });
    validator = kubeconformValidator(run);
  } catch (error) {
    if (!(error instanceof KubeconformError)) throw error;
    warn(request.io, `${error.message}; validating with the embedded schemas instead`);
    return { validator: embedded, afterScan: none.afterScan };
  }
  return {
    validator: withFallbackForMissing(validator, embedded),
    afterScan() {
      for (const result of validator.unmatched) {
        const what = [result.kind, result.name].filter(Boolean).join(' ') || 'a document';
        warn(
          request.io,
          `kubeconform reported on ${what} in ${result.filename}, which Shiftdown did not read as an object: ${result.msg || result.status}`,
        );
      }
    },
  };
}

/** The kubeconform binary: the flag, the config's `kubeconformPath`, KUBECONFORM_PATH, then PATH. */
function locateKubeconform(request: SchemaRequest, required: boolean): string | undefined {
  const configured = request.config?.config.schema?.kubeconformPath;
  const path =
    request.flags.kubeconform !== undefined
      ? resolve(request.io.cwd, request.flags.kubeconform)
      : configured !== undefined && request.config
        ? resolve(request.config.directory, configured)
        : undefined;
  let binary: string | undefined;
  try {
    binary = findKubeconform({ ...(path !== undefined && { path }), env: request.io.env });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!binary && required) {
    throw new UsageError(
      'kubeconform not found: give --kubeconform PATH, set KUBECONFORM_PATH or put it on PATH (or use --schema embedded)',
    );
  }
  return binary;
}

/** CustomResourceDefinitions from `--crds` (relative to the working directory) and `schema.crdPaths` (to the config). */
async function loadCrds(request: SchemaRequest): Promise<JsonObject[]> {
  const { io, fs } = request;
  const fromFlags = (request.flags.crds ?? []).map((p) => resolve(io.cwd, p));
  const config = request.config;
  const fromConfig = (config?.config.schema?.crdPaths ?? []).map((p) => resolve(config!.directory, p));
  const paths = [...fromFlags, ...fromConfig];
  if (paths.length === 0) return [];
  const resolved = await resolveTargets(paths, { cwd: io.cwd, fs });
  if (resolved.missing.length > 0) throw new UsageError(`CRD path not found: ${resolved.missing.join(', ')}`);
  const collection = await collectFiles(resolved.targets, { cwd: io.cwd, fs });
  const read = await readFiles(collection.files, { fs, decode: decodeBytes });
  for (const problem of [...resolved.problems, ...collection.problems, ...read.problems])
    warn(io, problem.message);
  return crdsFromFiles(read.inputs, (file, error) =>
    warn(io, `${file}:${error.line}:${error.column}: ${error.message} (CRD file)`),
  );
}
