import { labelsOf } from '../../model/selector.js';
import { LabelSetIndex } from '../../model/selector-index.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { asObject, getPath } from '../../model/values.js';
import { defineRule } from '../rule.js';
import {
  KUBE_SCORE_CHECKS,
  hasCustomResources,
  hasTemplate,
  inGroup,
  namespaceLabel,
  objectLabel,
  podWorkloadsIn,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** Labels Kubernetes controllers put on the pods they create: no manifest writes them in a template. */
const CONTROLLER_LABELS = new Set([
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-hash',
  'pod-template-generation',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

export default defineRule({
  meta: {
    id: 'service-selects-nothing',
    title: 'Service selector matches no pods in the scan',
    severity: 'medium',
    category: 'reliability',
    description:
      'A Service with a non-empty `spec.selector` matches the pod template labels of no workload (Pod, Deployment, ' +
      'StatefulSet, DaemonSet, Job, CronJob, … of any kind the scan knows) in its namespace (objects without a ' +
      'namespace match any), while the scan does contain workloads in that namespace. To stay quiet where pods ' +
      'come from elsewhere, nothing is reported when: the namespace holds no workload of the scan; the namespace ' +
      'holds custom resources (operators such as the Prometheus Operator or Rook create pods for them); a selector ' +
      'key appears on no pod template of the namespace (a label set by something outside the scan). Labels that ' +
      'controllers add to pods (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`, `job-name`, …) are ' +
      'ignored in the selector. Services without a selector (manually managed EndpointSlices), ExternalName ' +
      'Services and templated selectors or labels are skipped.',
    rationale:
      'A Service whose selector matches no pod has no endpoints: DNS resolves, but every connection is refused or ' +
      'times out, and the failure surfaces far from its cause (in the client, or as 503s from an Ingress). It is ' +
      'almost always a typo in a label value or a label renamed on one side only, which review misses because ' +
      'both objects look plausible on their own.',
    sources: [
      {
        title: 'Kubernetes: Service, defining a Service',
        url: 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
      },
      KUBE_LINTER_CHECKS,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Make the Service selector a subset of the pod template labels of the workload it fronts:\n\n' +
      '```yaml\nkind: Service\nspec:\n  selector:\n    app: web\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n```',
    tags: ['reliability', 'dangling-reference'],
  },
  match: { kinds: ['Service'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!inGroup(resource, '') || getPath(resource.object, ['spec', 'type']) === 'ExternalName') return;
    const written = asObject(getPath(resource.object, ['spec', 'selector']));
    if (!written || Object.keys(written).length === 0 || hasTemplate(written)) return;
    if (podWorkloadsIn(index, resource.namespace).length === 0) return;
    if (hasCustomResources(index, resource.namespace)) return;
    const templates = podTemplateLabels(index, resource.namespace);
    if (templates === 'templated') return;
    const selector = Object.fromEntries(
      Object.entries(written).filter(([key]) => !CONTROLLER_LABELS.has(key)),
    );
    if (Object.keys(selector).some((key) => !templates.keys.has(key))) return;
    if (Object.keys(selector).length === 0 || templates.anyMatches(selector)) return;
    const shown = Object.entries(written)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    report({
      message:
        `${objectLabel(resource)} selects ${shown}, which matches the pods of no workload of the scan in ` +
        `${namespaceLabel(resource.namespace)}: it has no endpoints, so every connection to it fails.`,
      path: ['spec', 'selector'],
    });
  },
});

/**
 * The pod template labels of the workloads in a namespace (and those that name none), indexed once per
 * namespace; `templated` when any of them holds placeholders (their labels are unknown).
 */
function podTemplateLabels(index: ResourceIndex, namespace: string | undefined): LabelSetIndex | 'templated' {
  return index.derived(`pod-template-labels\u0000${namespace ?? '\u0001'}`, () => {
    const labels = new LabelSetIndex();
    for (const r of index.compatibleWith(namespace)) {
      if (r.workload === undefined || r.kind === 'PodTemplate') continue;
      if (hasTemplate(r.workload.podMetadata.labels)) return 'templated' as const;
      labels.add(labelsOf(r.workload.podMetadata));
    }
    return labels;
  });
}
