import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS, LIMIT_RANGES, RESOURCE_MANAGEMENT, reportMissingLimit } from './common.js';

export default defineRule({
  meta: {
    id: 'ephemeral-storage-unset',
    title: 'Container has no ephemeral-storage limit',
    severity: 'low',
    category: 'reliability',
    description:
      'A container or sidecar of any workload has no `resources.limits.ephemeral-storage`, and no LimitRange of ' +
      'type `Container` in the same namespace of the scan provides one (`default` or `max`). A request without a ' +
      'limit does not count: it only affects scheduling. Pod-level `spec.resources` cannot set ephemeral storage. ' +
      'Init containers that run to completion and ephemeral containers are not checked; templated `resources` are ' +
      'skipped. Off by default (strict profile).',
    rationale:
      "A container's writable layer and its logs live on the node's root or image filesystem. Without a limit, a " +
      'process that writes temporary files or logs without bound fills that disk; the kubelet then reports ' +
      'DiskPressure, stops admitting pods and evicts pods from the node, including unrelated ones. With a limit, ' +
      'the kubelet evicts only the pod that exceeds it. A request additionally lets the scheduler avoid nodes whose ' +
      'disk is already committed.',
    sources: [
      {
        title: 'Kubernetes: Local ephemeral storage',
        url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage',
      },
      {
        title: 'Kubernetes: Node-pressure Eviction',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/',
      },
      RESOURCE_MANAGEMENT,
      LIMIT_RANGES,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Set an ephemeral-storage request and limit (and a `sizeLimit` on emptyDir volumes):\n\n' +
      '```yaml\nresources:\n  requests:\n    ephemeral-storage: 1Gi\n  limits:\n    ephemeral-storage: 2Gi\n```',
    recommended: false,
    tags: ['reliability', 'resources'],
  },
  match: { workloads: true },
  crossResource: true,
  check(context) {
    reportMissingLimit(
      context,
      'ephemeral-storage',
      'ephemeral-storage',
      'logs and files written to its writable ' +
        "layer can fill the node's disk, and the kubelet then evicts pods from the node under DiskPressure.",
    );
  },
});
