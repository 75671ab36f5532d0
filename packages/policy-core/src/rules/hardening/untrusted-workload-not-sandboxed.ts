import { defineRule } from '../rule.js';
import { asString } from '../../model/values.js';
import { DEFAULT_SANDBOX_RUNTIME_CLASSES, isSandboxRuntimeClass, tenancyOf } from '../shared/context.js';
import { USER_NAMESPACES_SOURCE, isTemplated } from './common.js';

/** Untrusted code needs a stronger boundary than a shared kernel with host UIDs. */
export default defineRule({
  meta: {
    id: 'untrusted-workload-not-sandboxed',
    title: 'Untrusted workload without sandbox or user namespace',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'The workload is in a namespace whose tenancy is `untrusted` (config `namespaces.<ns>.tenancy`, or the ' +
      '`shiftdown.dev/tenancy` label of a scanned Namespace), its `spec.runtimeClassName` is not a sandbox runtime ' +
      `(config \`sandboxRuntimeClasses\`, default ${DEFAULT_SANDBOX_RUNTIME_CLASSES.join(', ')}), and it does not ` +
      'set `spec.hostUsers: false`. Not reported when either value is templated. The finding is at ' +
      '`runtimeClassName` when set, else at the pod spec.',
    rationale:
      'Containers share the node kernel: one kernel or runtime bug (CVE-2022-0185, CVE-2022-0492, CVE-2024-21626) ' +
      'is enough for untrusted code to take the node and every other tenant on it. Kubernetes has no API marker for ' +
      'sandboxed pods; the boundary comes from the runtime class (gVisor intercepts system calls in a user-space ' +
      'kernel, Kata Containers runs each pod in a lightweight VM) or, as a weaker but cheap layer, from a user ' +
      'namespace so that an escaped process is unprivileged on the node.',
    sources: [
      {
        title: 'Kubernetes: Runtime Class',
        url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/',
      },
      {
        title: 'Kubernetes: Multi-tenancy, sandboxing containers',
        url: 'https://kubernetes.io/docs/concepts/security/multi-tenancy/#sandboxing-containers',
      },
      USER_NAMESPACES_SOURCE,
    ],
    remediation:
      'Run untrusted workloads with a sandbox runtime class (and at least in their own user namespace):\n\n' +
      '```yaml\nspec:\n  runtimeClassName: gvisor\n  hostUsers: false\n```',
    tags: ['user-namespaces', 'multitenancy', 'sandbox'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, settings, index, report }) {
    if (tenancyOf(resource.namespace, settings, index) !== 'untrusted') return;
    const { runtimeClassName, hostUsers } = workload.podSpec;
    if (hostUsers === false || isTemplated(hostUsers) || isTemplated(runtimeClassName)) return;
    const runtimeClass = asString(runtimeClassName);
    if (isSandboxRuntimeClass(runtimeClass, settings)) return;
    const runtime = runtimeClass
      ? `runtime class "${runtimeClass}", which is not a sandbox`
      : 'the default runtime';
    report({
      message: `The pod runs in the untrusted namespace "${resource.namespace}" with ${runtime} and without hostUsers: false, so untrusted code shares the node kernel as host root.`,
      path: [...workload.podSpecPath, ...(runtimeClass ? ['runtimeClassName'] : [])],
    });
  },
});
