import type { Resource, ResourceIndex, SchemaIssue, SchemaValidator } from '@shiftdown/policy-core';
import { validateWithCompiled } from './builtin.js';
import { CrdCatalog } from './crd/catalog.js';
import { CrdSchemaCompiler } from './crd/compile.js';
import { crdSchemaIssues } from './crd/crd-schemas.js';
import { validateCustomResource } from './crd/custom-resource.js';
import { isCrdObject, type JsonObject } from './crd/definitions.js';
import { InvisibleProperties } from './invisible-properties.js';
import { KubernetesModels } from './kubernetes-models.js';

export const EMBEDDED_KUBERNETES_VERSION = '1.36';
export const EMBEDDED_VALIDATOR_NAME = `embedded (Kubernetes v${EMBEDDED_KUBERNETES_VERSION})`;

export interface EmbeddedValidatorOptions {
  /** CustomResourceDefinition objects from the configured CRD directories (the scan's own CRDs are always used). */
  crds?: readonly JsonObject[];
  /** Report nothing for objects without a schema (kubeconform's `-ignore-missing-schemas`). */
  ignoreMissingSchemas?: boolean;
}

const MISSING_PATH = ['kind'];

/**
 * The offline schema validator: built-in kinds against the Kubernetes v1.36 OpenAPI (the compiled
 * validators of `kubernetes-models`), custom resources against the openAPIV3Schema of their
 * CustomResourceDefinition (from the scan or `options.crds`), unknown fields reported like kubeconform
 * `-strict`. `validate` never throws.
 */
export function createEmbeddedValidator(options: EmbeddedValidatorOptions = {}): SchemaValidator {
  const models = new KubernetesModels();
  const catalog = new CrdCatalog(options.crds ?? []);
  const compiler = new CrdSchemaCompiler();
  let invisible: InvisibleProperties | undefined;
  const invisibleProperties = (): InvisibleProperties =>
    (invisible ??= new InvisibleProperties((definition) => models.definitionSource(definition)));
  const missing = (resource: Resource, reason: string): SchemaIssue[] =>
    options.ignoreMissingSchemas
      ? []
      : [
          {
            type: 'missing',
            path: MISSING_PATH,
            message: `No schema for ${resource.kind} ${resource.apiVersion}: ${reason}.`,
          },
        ];

  const validateResource = (resource: Resource, index: ResourceIndex): SchemaIssue[] => {
    const builtin = models.schemaFor(resource.apiVersion, resource.kind);
    if (builtin) {
      const name = `${resource.kind} ${resource.apiVersion}`;
      const validate = models.validator(builtin.definition);
      const issues = validateWithCompiled(validate, resource.object, name, [], invisibleProperties());
      return isCrdObject(resource.object)
        ? [...issues, ...crdSchemaIssues(resource.object, compiler)]
        : issues;
    }
    const slash = resource.apiVersion.indexOf('/');
    if (slash > 0) {
      const group = resource.apiVersion.slice(0, slash);
      const version = resource.apiVersion.slice(slash + 1);
      const found = catalog.lookup(group, version, resource.kind, index);
      if (found.type === 'found') {
        const result = validateCustomResource(resource.object, found.entry, compiler, () =>
          models.objectMetaValidator(),
        );
        return 'missing' in result ? missing(resource, result.missing) : result.issues;
      }
      if (found.type === 'version-not-served') {
        const served =
          found.served.length > 0 ? `serves ${found.served.join(', ')} only` : 'serves no version';
        return missing(resource, `CustomResourceDefinition ${found.crdName} ${served}`);
      }
    }
    return missing(resource, notBuiltinReason(models, resource));
  };

  return {
    name: EMBEDDED_VALIDATOR_NAME,
    validate(resource, index) {
      try {
        return validateResource(resource, index);
      } catch (error) {
        // A safety net: a bug or an exotic value must not abort the scan; the object is then not validated.
        const detail = error instanceof Error ? error.message : String(error);
        return [
          {
            type: 'missing',
            path: MISSING_PATH,
            message: `No schema verdict for ${resource.kind} ${resource.apiVersion}: the embedded validator failed (${detail}).`,
          },
        ];
      }
    },
  };
}

function notBuiltinReason(models: KubernetesModels, resource: Resource): string {
  const version = `Kubernetes v${EMBEDDED_KUBERNETES_VERSION}`;
  const served = models.servedVersionsOf(resource.kind);
  const servedAs = served.length > 0 ? ` (${resource.kind} is served as ${served.join(', ')})` : '';
  if (models.isRemoved(resource.apiVersion, resource.kind))
    return `${version} no longer serves this API version${servedAs}`;
  if (served.length > 0) {
    // A beta or alpha version of a GA kind: the embedded schemas cover the GA versions only.
    return `the embedded ${version} schemas have no such API version${servedAs}`;
  }
  return `it is not a ${version} kind and no CustomResourceDefinition for it is in the scan or the configured CRD directories`;
}
