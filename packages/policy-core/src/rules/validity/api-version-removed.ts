import { defineRule, type EvaluationSettings } from '../rule.js';
import type { Fix, Path, Severity } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import {
  LATEST_RELEASED_MINOR,
  findDeprecatedApi,
  replacementFor,
  type ApiReplacement,
  type DeprecatedApi,
} from './api-versions.js';
import {
  DEPRECATION_GUIDE,
  DEPRECATION_POLICY,
  DRA_DOCS,
  ENDPOINTS_DEPRECATION,
  HELM_MAPKUBEAPIS,
  KUBE_NO_TROUBLE,
  PLUTO,
} from './sources.js';

/** The target minor version (undefined: not set); a major version above 1 is newer than any 1.x. */
function targetMinor(settings: EvaluationSettings): number | undefined {
  const version = settings.kubernetesVersion;
  if (!version) return undefined;
  return version.major > 1 ? Number.MAX_SAFE_INTEGER : version.major < 1 ? 0 : version.minor;
}

function describe(resource: Resource): string {
  return resource.name !== undefined ? `${resource.kind} "${resource.name}"` : resource.kind;
}

function replacementName(replacement: ApiReplacement): string {
  return replacement.kind ? `${replacement.apiVersion} ${replacement.kind}` : replacement.apiVersion;
}

/** "use apps/v1 (field changes)", or what to do when the target serves no replacement. */
function advice(
  entry: DeprecatedApi,
  replacement: ApiReplacement | undefined,
  target: number | undefined,
): string {
  if (!replacement) {
    const none =
      entry.noReplacement ?? `no replacement is served by Kubernetes 1.${target ?? LATEST_RELEASED_MINOR}`;
    return entry.note ? `${none} (${entry.note})` : none;
  }
  const details = [replacement.changes, entry.note].filter((part) => part !== undefined);
  return `use ${replacementName(replacement)}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** Where the resource sits in its document, for a fix path relative to the document root. */
function documentBase(resource: Resource): Path {
  if (resource.embeddedIn) return resource.embeddedIn.path;
  return resource.itemIndex !== undefined ? ['items', resource.itemIndex] : [];
}

function swapFix(resource: Resource, replacement: ApiReplacement | undefined): Fix | undefined {
  if (!replacement || replacement.changes !== undefined || replacement.kind !== undefined) return undefined;
  return {
    description: `Set apiVersion to ${replacement.apiVersion}`,
    replacement: `apiVersion: ${replacement.apiVersion}`,
    set: { path: [...documentBase(resource), 'apiVersion'], value: replacement.apiVersion },
  };
}

export default defineRule({
  meta: {
    id: 'api-version-removed',
    title: 'Removed or deprecated API version',
    severity: 'high',
    category: 'validity',
    description:
      'Reports an object whose `apiVersion` and `kind` are listed in the Kubernetes Deprecated API Migration Guide ' +
      '(every entry from v1.16 to v1.32: `extensions/v1beta1` and `apps/v1beta1`/`v1beta2` workloads, NetworkPolicy ' +
      'and PodSecurityPolicy in `extensions`, the v1.22 betas of admissionregistration, apiextensions, ' +
      'apiregistration, authentication, authorization, certificates, coordination, Ingress and IngressClass, rbac, ' +
      'scheduling and storage, `batch/v1beta1` CronJob, `discovery.k8s.io/v1beta1`, `events.k8s.io/v1beta1`, ' +
      '`autoscaling/v2beta1` and `v2beta2`, `policy/v1beta1` PodDisruptionBudget and PodSecurityPolicy, ' +
      '`node.k8s.io/v1beta1`, `storage.k8s.io/v1beta1` CSIStorageCapacity and the `flowcontrol.apiserver.k8s.io` ' +
      'v1alpha1/v1beta1/v1beta2/v1beta3 versions), plus the beta Dynamic Resource Allocation versions ' +
      '(`resource.k8s.io/v1beta1`: deprecated 1.35, removed 1.38; `v1beta2`: deprecated 1.36, removal expected in ' +
      '1.39 under the beta API lifecycle, not yet confirmed by the guide) and core `v1` Endpoints (deprecated in ' +
      '1.33 in favour of `discovery.k8s.io/v1` EndpointSlice, no removal scheduled). Against the target Kubernetes ' +
      'version (`kubernetesVersion` setting): high when the target no longer serves the version, or when no target ' +
      'is set and a released Kubernetes (up to 1.' +
      LATEST_RELEASED_MINOR +
      ') already removed it; medium when the ' +
      'target still serves a deprecated version whose removal is scheduled; low when it is deprecated with no ' +
      'removal date but a stable replacement is available; nothing when the target predates the deprecation. The ' +
      'message names the release that removes it, the replacement the target serves and the field changes the ' +
      'move needs; a fix is offered when the move is a pure apiVersion swap (e.g. `rbac.authorization.k8s.io/v1beta1` ' +
      'to `v1`). Kinds in a `List` are checked like any object; kinds the guide does not list (e.g. ' +
      '`apps/v1beta2` ControllerRevision) and alpha versions other than flowcontrol are not reported.',
    rationale:
      'The API server answers a removed version with `no matches for kind "Deployment" in version ' +
      '"extensions/v1beta1"`: the apply fails, usually in the middle of a cluster upgrade or the first deployment ' +
      'to a new cluster, and Helm refuses to upgrade a release whose stored manifest uses it. A version that is ' +
      'only deprecated still works but will break at a known release; the migration is rarely a pure rename ' +
      '(Ingress backends, HPA metric targets, the PodDisruptionBudget empty selector and the CustomResourceDefinition ' +
      'schema all changed), so it is best done before the upgrade, not during it. PodSecurityPolicy has no ' +
      'replacement: a manifest that still ships one has silently lost its pod admission controls since 1.25.',
    sources: [
      DEPRECATION_GUIDE,
      DEPRECATION_POLICY,
      ENDPOINTS_DEPRECATION,
      DRA_DOCS,
      HELM_MAPKUBEAPIS,
      PLUTO,
      KUBE_NO_TROUBLE,
    ],
    remediation:
      'Change `apiVersion` to the replacement the message names and make the listed field changes (`kubectl ' +
      'convert -f <file> --output-version <group>/<version>`, from the kubectl-convert plugin, does it mechanically ' +
      'but may add non-ideal defaults). Set `kubernetesVersion` in `.shiftdown.yaml` (or `--kubernetes-version`) to ' +
      'the version of the cluster you deploy to, so findings are graded against it:\n\n```yaml\n' +
      '# before: apiVersion: extensions/v1beta1\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n' +
      '  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n' +
      '            pathType: Prefix          # required in v1\n            backend:\n              service:\n' +
      '                name: web             # was serviceName\n                port:\n' +
      '                  number: 80          # was servicePort\n```',
    fixable: true,
    tags: ['deprecated-api', 'upgrade'],
  },
  match: { any: true },
  check({ resource, settings, report }) {
    const entry = findDeprecatedApi(resource.apiVersion, resource.kind);
    if (!entry) return;
    const target = targetMinor(settings);
    const at = target ?? LATEST_RELEASED_MINOR;
    if (at < entry.deprecatedIn) return;
    const replacement = replacementFor(entry, at);
    if (replacement === undefined && entry.noReplacement === undefined && entry.removedIn === undefined)
      return;
    const subject = `${describe(resource)} uses apiVersion ${resource.apiVersion}`;
    let message: string;
    let severity: Severity;
    if (entry.removedIn !== undefined && at >= entry.removedIn) {
      severity = 'high';
      message = `${subject}, which Kubernetes 1.${entry.removedIn} removed; ${advice(entry, replacement, target)}.`;
    } else if (entry.removedIn !== undefined) {
      severity = 'medium';
      message =
        `${subject}, deprecated since Kubernetes 1.${entry.deprecatedIn} and removed in 1.${entry.removedIn}; ` +
        `${advice(entry, replacement, target)}.`;
    } else {
      severity = 'low';
      message =
        `${subject}, deprecated since Kubernetes 1.${entry.deprecatedIn} (no removal is scheduled); ` +
        `${advice(entry, replacement, target)}.`;
    }
    const fix = swapFix(resource, replacement);
    report({ message, path: ['apiVersion'], severity, ...(fix && { fix }) });
  },
});
