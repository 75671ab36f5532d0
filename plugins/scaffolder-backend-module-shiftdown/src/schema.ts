import { resolve } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { decodeBytes } from '@shiftdown/policy-core';
import type { InputFile, SchemaValidator } from '@shiftdown/policy-core';
import { crdsFromFiles, embeddedValidatorFor } from '@shiftdown/kubeconform';
import type { JsonObject } from '@shiftdown/kubeconform';
import { collectFiles, isInside, readFiles, resolveTargets } from '@shiftdown/cli';
import type { LoadedConfig } from '@shiftdown/cli';
import type { SchemaValidation } from './inputs.js';
import type { Workspace } from './workspace.js';

export interface SchemaRequest {
  /** The `schemaValidation` input, if given. */
  choice?: SchemaValidation;
  config?: LoadedConfig;
  /** The files the scan reads: the validator finds their CRDs itself, so `schema.crdPaths` need not repeat them. */
  scanned: readonly InputFile[];
  workspace: Workspace;
  logger: LoggerService;
}

/**
 * The embedded validator (Kubernetes schemas plus the CustomResourceDefinitions in the scan and in the
 * config's `schema.crdPaths`), or none when the input or the config turns schema validation off. The
 * kubeconform binary is not used here: a Backstage backend should not run binaries for a template.
 */
export async function schemaValidatorFor(request: SchemaRequest): Promise<SchemaValidator | undefined> {
  const { config, workspace } = request;
  const settings = config?.config.schema;
  const choice = request.choice ?? (settings?.validator === 'off' ? 'off' : 'embedded');
  if (choice === 'off') return undefined;
  if (
    config &&
    request.choice === undefined &&
    (settings?.validator === 'kubeconform' || settings?.validator === 'auto')
  ) {
    request.logger.info(
      `${workspace.display(config.absolutePath)} asks for schema validator "${settings.validator}": the scaffolder action validates with the embedded schemas`,
    );
  }
  return embeddedValidatorFor(settings, await loadCrds(request));
}

/**
 * CustomResourceDefinitions from the config's `schema.crdPaths` (relative to the config file, inside the
 * workspace), except from the files the scan reads anyway.
 */
async function loadCrds(request: SchemaRequest): Promise<JsonObject[]> {
  const { config, workspace, logger } = request;
  const crdPaths = config?.config.schema?.crdPaths ?? [];
  if (!config || crdPaths.length === 0) return [];
  const configPath = workspace.display(config.absolutePath);
  const paths = crdPaths.map((p) => resolve(config.directory, p));
  const outside = crdPaths.filter((_, i) => !isInside(workspace.path, paths[i]!));
  if (outside.length > 0) {
    throw new InputError(
      `${configPath}: schema.crdPaths ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the task workspace`,
    );
  }
  const resolved = await resolveTargets(paths, { cwd: workspace.path, fs: workspace.fs });
  if (resolved.missing.length > 0) {
    const missing = resolved.missing.map((p) => workspace.display(p));
    throw new InputError(
      `${configPath}: schema.crdPaths not found in the task workspace: ${missing.join(', ')}`,
    );
  }
  const collection = await collectFiles(resolved.targets, { cwd: workspace.path, fs: workspace.fs });
  const scanned = new Set(request.scanned.map((file) => file.path));
  const files = collection.files.filter((file) => !scanned.has(file.path));
  const read = await readFiles(files, { fs: workspace.fs, decode: decodeBytes });
  for (const problem of [...resolved.problems, ...collection.problems, ...read.problems])
    logger.warn(problem.message);
  return crdsFromFiles(read.inputs, (file, error) =>
    logger.warn(`${file}:${error.line}:${error.column}: ${error.message} (CRD file)`),
  );
}
