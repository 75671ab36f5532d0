import { resolve } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { classifyDocument, decodeBytes, parseFile } from '@shiftdown/policy-core';
import type { SchemaValidator } from '@shiftdown/policy-core';
import { createEmbeddedValidator, isCrdObject, skippingKinds } from '@shiftdown/kubeconform';
import type { JsonObject } from '@shiftdown/kubeconform';
import { collectFiles, isInside, readFiles, resolveTargets } from '@shiftdown/cli';
import type { LoadedConfig } from './collect.js';
import type { SchemaValidation } from './inputs.js';
import type { Workspace } from './workspace.js';

/**
 * Backstage catalog entities (`backstage.io/v1alpha1` Components, `scaffolder.backstage.io/v1beta3`
 * Templates, …) sit next to the manifests in every template's output; they are not Kubernetes objects,
 * so they have no schema to miss.
 */
const BACKSTAGE_API_VERSION = /^([a-z0-9-]+\.)*backstage\.io\//;

export function isBackstageEntity(apiVersion: string | undefined): boolean {
  return apiVersion !== undefined && BACKSTAGE_API_VERSION.test(apiVersion);
}

export interface SchemaRequest {
  /** The `schemaValidation` input, if given. */
  choice?: SchemaValidation;
  config?: LoadedConfig;
  workspace: Workspace;
  logger: LoggerService;
}

/**
 * The embedded validator (Kubernetes schemas plus the CustomResourceDefinitions in the scan and in the
 * config's `schema.crdPaths`), or none when the input or the config turns schema validation off. The
 * kubeconform binary is not used here: a Backstage backend should not run binaries for a template.
 */
export async function schemaValidatorFor(request: SchemaRequest): Promise<SchemaValidator | undefined> {
  const settings = request.config?.config.schema ?? {};
  const choice = request.choice ?? (settings.validator === 'off' ? 'off' : 'embedded');
  if (choice === 'off') return undefined;
  if (
    request.choice === undefined &&
    (settings.validator === 'kubeconform' || settings.validator === 'auto')
  ) {
    request.logger.info(
      `${request.config!.path} asks for schema validator "${settings.validator}": the scaffolder action validates with the embedded schemas`,
    );
  }
  const crds = await loadCrds(request);
  const embedded = createEmbeddedValidator({
    crds,
    ...(settings.ignoreMissingSchemas && { ignoreMissingSchemas: true }),
  });
  const validator = skippingKinds(embedded, settings.skipKinds ?? []);
  return {
    name: validator.name,
    validate: (resource, index) =>
      isBackstageEntity(resource.apiVersion) ? [] : validator.validate(resource, index),
  };
}

/** CustomResourceDefinitions from the config's `schema.crdPaths` (relative to the config file, inside the workspace). */
async function loadCrds(request: SchemaRequest): Promise<JsonObject[]> {
  const { config, workspace, logger } = request;
  const crdPaths = config?.config.schema?.crdPaths ?? [];
  if (!config || crdPaths.length === 0) return [];
  const paths = crdPaths.map((p) => resolve(config.directory, p));
  const outside = crdPaths.filter((_, i) => !isInside(workspace.path, paths[i]!));
  if (outside.length > 0) {
    throw new InputError(
      `${config.path}: schema.crdPaths ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the task workspace`,
    );
  }
  const resolved = await resolveTargets(paths, { cwd: workspace.path, fs: workspace.fs });
  if (resolved.missing.length > 0) {
    const missing = resolved.missing.map((p) => workspace.display(p));
    throw new InputError(
      `${config.path}: schema.crdPaths not found in the task workspace: ${missing.join(', ')}`,
    );
  }
  const collection = await collectFiles(resolved.targets, { cwd: workspace.path, fs: workspace.fs });
  const read = await readFiles(collection.files, { fs: workspace.fs, decode: decodeBytes });
  for (const problem of [...resolved.problems, ...collection.problems, ...read.problems])
    logger.warn(problem.message);
  const crds: JsonObject[] = [];
  for (const file of read.inputs) {
    const parsed = parseFile(file);
    for (const error of parsed.errors)
      logger.warn(`${file.path}:${error.line}:${error.column}: ${error.message} (CRD file)`);
    for (const doc of parsed.documents) {
      const classified = classifyDocument(doc.value);
      const items = classified.type === 'list' ? classified.items : [doc.value];
      for (const item of items) if (isCrdObject(item)) crds.push(item);
    }
  }
  return crds;
}
