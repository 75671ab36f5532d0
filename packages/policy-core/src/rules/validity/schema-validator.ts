import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import type { RuleContext } from '../rule.js';
import { SCORE_KIND } from '../../model/score.js';

/**
 * One schema problem of one resource, as a schema validator sees it. The core locates `path` in the
 * document (nearest existing parent when absent), so validators never deal with lines.
 */
export interface SchemaIssue {
  /** `invalid`: the object breaks its schema; `missing`: no schema is known for its apiVersion/kind. */
  type: 'invalid' | 'missing';
  /**
   * Where to report, relative to the resource: the unknown key itself for an unknown field, the value
   * for a wrong type or enum, the parent object for a missing required property.
   */
  path: Path;
  message: string;
}

/**
 * A source of schema verdicts: the embedded validator, or kubeconform's recorded output mapped back
 * to resources (both in `@shiftdown/kubeconform`). The core stays free of I/O: whatever the validator
 * needs (a binary's output, schemas, CRD files) is gathered before `scan()` is called.
 */
export interface SchemaValidator {
  /** Shown in the report settings and messages, e.g. `embedded (Kubernetes v1.36)`, `kubeconform v0.6.7`. */
  readonly name: string;
  /**
   * The issues of one resource. Called once per resource after every document is read, so `index`
   * holds the whole scan (CustomResourceDefinitions included, wherever they appear).
   */
  validate(resource: Resource, index: ResourceIndex): readonly SchemaIssue[];
}

/** Memoises a validator per resource: the schema rules each ask for the same resource's issues. */
export function memoizeValidator(validator: SchemaValidator): SchemaValidator {
  const cache = new WeakMap<Resource, readonly SchemaIssue[]>();
  return {
    name: validator.name,
    validate(resource, index) {
      let issues = cache.get(resource);
      if (!issues) {
        issues = validator.validate(resource, index);
        cache.set(resource, issues);
      }
      return issues;
    },
  };
}

/**
 * Backstage catalog entities (`backstage.io/v1alpha1` Components, `scaffolder.backstage.io/v1beta3` Templates,
 * …) sit next to manifests in many repositories and in every golden-path template's output; they are not
 * Kubernetes objects, so no Kubernetes schema applies to them.
 */
const BACKSTAGE_API_VERSION = /^([a-z0-9-]+\.)*backstage\.io\//;

export function isBackstageEntity(apiVersion: string | undefined): boolean {
  return apiVersion !== undefined && BACKSTAGE_API_VERSION.test(apiVersion);
}

/**
 * Whether a resource is validated at all: objects embedded in others and Score files have their own checks;
 * Backstage entities are not Kubernetes objects.
 */
export function isSchemaSubject(resource: Resource): boolean {
  return (
    resource.embeddedIn === undefined &&
    resource.kind !== SCORE_KIND &&
    !isBackstageEntity(resource.apiVersion)
  );
}

/**
 * How the schema rules run: on every object the validator applies to, once a validator is set, each
 * reporting the issues of its own type (`skip` leaves some objects to another rule).
 */
export function schemaRuleParts(type: SchemaIssue['type'], skip?: (context: RuleContext) => boolean) {
  return {
    match: { any: true } as const,
    crossResource: true,
    appliesTo: (settings: RuleContext['settings']) => settings.schemaValidator !== undefined,
    appliesToResource: isSchemaSubject,
    check(context: RuleContext): void {
      if (skip?.(context)) return;
      const { resource, index, settings, report } = context;
      for (const issue of settings.schemaValidator!.validate(resource, index)) {
        if (issue.type === type) report({ message: issue.message, path: issue.path, key: issue.message });
      }
    },
  };
}
