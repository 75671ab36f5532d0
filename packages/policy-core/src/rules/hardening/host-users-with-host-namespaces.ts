import { defineRule } from '../rule.js';
import { USER_NAMESPACES_SOURCE, kubernetesMinor } from './common.js';

/** First Kubernetes minor with the alpha gate that allows hostNetwork in a user namespace (KEP-5607). */
const HOST_NETWORK_GATE_MINOR = 35;

/** `hostUsers: false` with a host namespace: the API server rejects the pod. */
export default defineRule({
  meta: {
    id: 'host-users-with-host-namespaces',
    title: 'User namespace combined with host namespaces',
    severity: 'high',
    category: 'validity',
    description:
      'The pod sets `spec.hostUsers: false` together with `hostPID: true`, `hostIPC: true` or `hostNetwork: true` ' +
      '(one finding per host namespace field). Pod validation forbids each of these combinations. The only ' +
      'exception is hostNetwork on a cluster that enables the alpha feature gate `UserNamespacesHostNetworkSupport` ' +
      '(KEP-5607, Kubernetes 1.35 and later, off by default); the message says so when the target version is 1.35 ' +
      'or later, or unknown.',
    rationale:
      'The API server rejects the object with a "Forbidden: when `hostUsers` is false" error, so the manifest ' +
      'cannot be applied and the workload never runs; the failure shows up only at deploy time, after review. ' +
      'Kubernetes restricts the combination because such pods easily run into unexpected permission problems ' +
      'and no good use case was known (hostNetwork is being relaxed behind an alpha gate by KEP-5607). Choose ' +
      'one: the user namespace (preferred), or the host namespace with the other host-level hardening.',
    sources: [
      { title: 'Kubernetes: User Namespaces, Limitations', url: `${USER_NAMESPACES_SOURCE.url}#limitations` },
      {
        title: 'KEP-5607: Allow HostNetwork Pods to Use User Namespaces',
        url: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/5607-hostnetwork-userns',
      },
    ],
    remediation:
      'Remove the host namespace (preferred), or remove `hostUsers: false` if the pod truly needs it:\n\n' +
      '```yaml\nspec:\n  hostUsers: false\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n```',
    tags: ['user-namespaces', 'host-namespaces'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    if (!workload.userNamespace) return;
    const minor = kubernetesMinor(settings);
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (workload.podSpec[field] !== true) continue;
      let rejected = 'the API server rejects the pod';
      if (field === 'hostNetwork') {
        rejected =
          minor === undefined || minor >= HOST_NETWORK_GATE_MINOR
            ? 'the API server rejects the pod unless the alpha feature gate UserNamespacesHostNetworkSupport is enabled (off by default)'
            : `the API server of Kubernetes 1.${minor} rejects the pod (hostNetwork with user namespaces needs an alpha gate from 1.35)`;
      }
      report({
        message: `The pod sets hostUsers: false with ${field}: true, which pod validation forbids: ${rejected}.`,
        path: [...workload.podSpecPath, field],
        key: field,
      });
    }
  },
});
