import { defineRule } from '../rule.js';
import { schemaRuleParts } from './schema-validator.js';
import { KUBECONFORM_SOURCE } from './sources.js';
import { LATEST_RELEASED_MINOR, findDeprecatedApi } from './api-versions.js';
import type { Resource } from '../../model/resource.js';
import type { EvaluationSettings } from '../rule.js';

export default defineRule({
  meta: {
    id: 'schema-missing',
    title: 'No schema to validate against',
    severity: 'info',
    category: 'validity',
    description:
      'Reports objects whose apiVersion and kind have no schema: a custom resource whose CustomResourceDefinition is ' +
      'neither in the scan nor in the configured CRD directories, or a built-in kind the validator does not know ' +
      '(for example an API version that was never served). Such objects are not schema-checked at all. Objects in an ' +
      'API version the target Kubernetes no longer serves are left to `api-version-removed`, which names the ' +
      'replacement. Informational ' +
      'by default; raise it in `.shiftdown.yaml` (`rules: { schema-missing: medium }`) to require schemas.',
    rationale:
      'An object nothing validates can carry any typo until the API server (or the operator behind the CRD) ' +
      'rejects or ignores it. Knowing which objects were not validated keeps the verdict honest.',
    sources: [KUBECONFORM_SOURCE],
    remediation:
      'Add the CustomResourceDefinition to the scan, point the CRD directories (`schema.crdPaths` in `.shiftdown.yaml` ' +
      'or `--crds`) at it, or give kubeconform a `--schema-location` that has the kind. Check the apiVersion and ' +
      'kind for typos.',
    tags: ['schema', 'validity'],
  },
  ...schemaRuleParts('missing', ({ resource, settings }) => removedAtTarget(resource, settings)),
});

/** A removed API version has no schema by definition; `api-version-removed` reports it with the replacement. */
function removedAtTarget(resource: Resource, settings: EvaluationSettings): boolean {
  const removedIn = findDeprecatedApi(resource.apiVersion, resource.kind)?.removedIn;
  if (removedIn === undefined) return false;
  const version = settings.kubernetesVersion;
  const target = version === undefined ? LATEST_RELEASED_MINOR : version.major > 1 ? Infinity : version.minor;
  return target >= removedIn;
}
