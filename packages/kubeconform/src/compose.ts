import type { Resource, SchemaIssue, SchemaValidator } from '@shiftdown/policy-core';

/** `group/version/Kind` of a resource (`v1/Kind` for the core group), as kubeconform's `-skip` spells it. */
function gvk(resource: Resource): string {
  return `${resource.apiVersion}/${resource.kind}`;
}

/**
 * A validator that does not validate the given kinds (`Kind` or `group/version/Kind`), like kubeconform's
 * `-skip`; used for the embedded validator (kubeconform gets the flag itself).
 */
export function skippingKinds(validator: SchemaValidator, kinds: readonly string[]): SchemaValidator {
  if (kinds.length === 0) return validator;
  const skipped = new Set(kinds);
  return {
    name: validator.name,
    validate(resource, index) {
      if (skipped.has(resource.kind) || skipped.has(gvk(resource))) return [];
      return validator.validate(resource, index);
    },
  };
}

/**
 * kubeconform for what it has schemas for, and a second validator (the embedded one, which reads the
 * CustomResourceDefinitions of the scan) for objects kubeconform had no schema for: kubeconform cannot
 * validate custom resources against CRDs, the embedded validator can.
 */
export function withFallbackForMissing(primary: SchemaValidator, fallback: SchemaValidator): SchemaValidator {
  return {
    name: `${primary.name}; ${fallback.name} where kubeconform has no schema`,
    validate(resource, index): readonly SchemaIssue[] {
      const issues = primary.validate(resource, index);
      if (issues.length === 0 || issues.some((issue) => issue.type !== 'missing')) return issues;
      const second = fallback.validate(resource, index);
      return second.some((issue) => issue.type === 'missing') ? issues : second;
    },
  };
}
