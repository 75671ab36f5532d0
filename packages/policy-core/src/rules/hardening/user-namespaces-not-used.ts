import { defineRule } from '../rule.js';
import type { Workload } from '../../model/workload.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { isSandboxRuntimeClass, isSharedTenancy, tenancyOf } from '../shared/context.js';
import { USER_NAMESPACES_PSA_SOURCE, containerNoun } from '../pss/common.js';
import {
  USER_NAMESPACES_SOURCE,
  capabilityList,
  isPrivileged,
  isTemplated,
  kubernetesMinor,
  normalizeCapability,
} from './common.js';

/** First Kubernetes minor where user namespaces are on by default (beta; GA in 1.36). */
export const USER_NAMESPACES_DEFAULT_ON_MINOR = 33;

/** Capabilities that only act in the initial (host) user namespace. */
const HOST_ONLY_CAPABILITIES = new Set(['SYS_MODULE', 'SYS_TIME', 'SYS_BOOT', 'SYS_RAWIO']);

/** Why the pod cannot run in its own user namespace, or undefined when it could. */
export function userNamespaceBlocker(workload: Workload): string | undefined {
  const spec = workload.podSpec;
  if (workload.isWindows) return 'Windows pod';
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec[field] === true) return field;
  for (const container of workload.containers) {
    if (isPrivileged(container)) return `privileged ${containerNoun(container)}`;
    if (asObject(container.effective('windowsOptions').value)?.hostProcess === true) return 'HostProcess';
    if (asArray(container.spec.volumeDevices).length > 0)
      return `volumeDevices in ${containerNoun(container)}`;
    const added = capabilityList(container, 'add').filter((c): c is string => typeof c === 'string');
    const hostOnly = added.map(normalizeCapability).find((c) => HOST_ONLY_CAPABILITIES.has(c));
    if (hostOnly) return `${hostOnly} in ${containerNoun(container)}`;
  }
  return undefined;
}

/** Prefer `hostUsers: false` where the pod could run in its own user namespace. */
export default defineRule({
  meta: {
    id: 'user-namespaces-not-used',
    title: 'User namespace not used',
    severity: 'info',
    category: 'isolation',
    description:
      'The pod leaves `spec.hostUsers` unset or sets it to `true` although it could run in its own user namespace, ' +
      'and the target Kubernetes version enables user namespaces by default (1.33 and later; an unknown version is ' +
      'taken as current). Medium when the namespace tenancy is `multi` or `untrusted` (config or the ' +
      '`shiftdown.dev/tenancy` label of a scanned Namespace), info otherwise. Not reported for pods that cannot use ' +
      'a user namespace: Windows pods, pods with hostNetwork, hostPID or hostIPC (the API server rejects those with ' +
      '`hostUsers: false`), privileged or HostProcess containers, containers with `volumeDevices` (raw block ' +
      'devices are not supported), and containers that add SYS_MODULE, SYS_TIME, SYS_BOOT or SYS_RAWIO, which act ' +
      'only in the host user namespace. Also not reported for pods with a sandbox `runtimeClassName` (gVisor, Kata), ' +
      'or in `untrusted` namespaces where `untrusted-workload-not-sandboxed` already asks for isolation, or when ' +
      '`hostUsers` is templated.',
    rationale:
      'Without a user namespace, UID 0 in the container is UID 0 on the node: any container escape (runc CVEs such ' +
      'as CVE-2019-5736 and CVE-2024-21626, kernel bugs, a mis-mounted volume) lands as root on the host. With ' +
      '`hostUsers: false` the kubelet maps the pod to an unprivileged host UID/GID range, so an escaped root ' +
      'process is an unprivileged user on the node, CAP_SYS_MODULE has no effect and CAP_SYS_ADMIN applies only ' +
      'inside the pod; the Kubernetes documentation names CVE-2021-25741 as mitigated. User namespaces need Linux ' +
      '6.3 or later, idmap-capable filesystems (NFS is not) and containerd 2.0+ or CRI-O 1.25+ on the nodes.',
    sources: [
      USER_NAMESPACES_SOURCE,
      {
        title: 'Kubernetes: Use a User Namespace With a Pod',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/user-namespaces/',
      },
      USER_NAMESPACES_PSA_SOURCE,
    ],
    remediation:
      'Run the pod in its own user namespace. Pod Security admission (policy v1.35+) then also relaxes the ' +
      'runAsNonRoot and runAsUser checks for it:\n\n' +
      '```yaml\nspec:\n  hostUsers: false\n```',
    tags: ['user-namespaces', 'container-escape'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, settings, index, report }) {
    const hostUsers = workload.podSpec.hostUsers;
    if (hostUsers === false || isTemplated(hostUsers)) return;
    const minor = kubernetesMinor(settings);
    if (minor !== undefined && minor < USER_NAMESPACES_DEFAULT_ON_MINOR) return;
    const runtimeClass = workload.podSpec.runtimeClassName;
    if (isTemplated(runtimeClass) || isSandboxRuntimeClass(asString(runtimeClass), settings)) return;
    if (userNamespaceBlocker(workload) !== undefined) return;
    const tenancy = tenancyOf(resource.namespace, settings, index);
    if (tenancy === 'untrusted') return;
    const shared = isSharedTenancy(tenancy);
    const setting = hostUsers === true ? 'sets hostUsers: true' : 'leaves hostUsers unset';
    const where = shared ? ` in a ${tenancy}-tenant namespace` : '';
    report({
      message: `The pod ${setting}${where}, so root in its containers is root on the node; nothing in it needs the host user namespace, so set hostUsers: false.`,
      path: [...workload.podSpecPath, 'hostUsers'],
      severity: shared ? 'medium' : 'info',
    });
  },
});
