import type { Path } from '../../types.js';
import { defineRule } from '../rule.js';
import { isSharedTenancy, isSystemNamespace, tenancyOf } from '../shared/context.js';
import { containerLabel } from '../pss/common.js';
import { asArray, asObject, asString } from '../../model/values.js';
import {
  DEVICE_PLUGIN_SHARING_SOURCE,
  GPU_TAG,
  KAI_SHARING_ANNOTATIONS,
  acceleratorUses,
  namespaceNoun,
} from './common.js';
import { TEMPLATE_KINDS, podTemplatesOf } from './templates.js';

const SHARING_LABEL = 'nvidia.com/gpu.sharing-strategy';
const SHARING_STRATEGIES = new Set(['time-slicing', 'mps']);

/** GPU-004: soft-shared GPUs for tenants that must not share a fault and memory domain. */
export default defineRule({
  meta: {
    id: 'gpu-shared-in-multi-tenant-namespace',
    title: 'Shared GPU in a multi-tenant namespace',
    severity: 'high',
    category: 'multitenancy',
    description:
      'The namespace tenancy is `multi` or `untrusted` (from the config, or the `shiftdown.dev/tenancy` label of a ' +
      'scanned Namespace; system namespaces are skipped) and a pod template consumes a GPU that is shared without ' +
      'hardware isolation: a container names a time-sliced or MPS replica (`nvidia.com/gpu.shared`, ' +
      '`nvidia.com/mig-*.shared`), HAMi (`nvidia.com/gpumem`, `gpumem-percentage`, `gpucores`) or Volcano vGPU ' +
      '(`volcano.sh/vgpu-*`) resources; the pod carries the KAI Scheduler `gpu-fraction` or `gpu-memory` ' +
      'annotation; or its `nodeSelector` or required node affinity selects `nvidia.com/gpu.sharing-strategy` ' +
      '`time-slicing` or `mps`. One finding per container resource, annotation or selector. Whole GPUs and MIG ' +
      'devices pass.',
    rationale:
      'NVIDIA documents that with time-slicing "nothing special is done to isolate workloads": every replica has ' +
      'access to the whole GPU memory and runs in the same fault domain, so one tenant can read or corrupt ' +
      "another's GPU memory, or crash all of them. MPS partitions memory and compute but keeps a shared fault " +
      'domain and is experimental in the device plugin; KAI fractions and HAMi/Volcano vGPU limits are enforced ' +
      'cooperatively or in user space (KAI states that it neither enforces the memory limit nor isolates ' +
      'memory between the processes), and pods sharing a device can come from different namespaces. For tenants that do not trust ' +
      'each other only MIG (hardware partitions) or whole GPUs isolate.',
    sources: [
      DEVICE_PLUGIN_SHARING_SOURCE,
      {
        title: 'KAI Scheduler: GPU Sharing',
        url: 'https://github.com/NVIDIA/KAI-Scheduler/blob/main/docs/gpu-sharing/README.md',
      },
      {
        title: 'NVIDIA Multi-Instance GPU User Guide',
        url: 'https://docs.nvidia.com/datacenter/tesla/mig-user-guide/index.html',
      },
    ],
    remediation:
      'Give tenants that must be isolated whole GPUs or MIG devices (mixed strategy), or run them on dedicated ' +
      'node pools; keep time-slicing and fractional sharing for namespaces of one team:\n\n' +
      '```yaml\nresources:\n  limits:\n    nvidia.com/mig-1g.10gb: 1\n```',
    tags: [GPU_TAG],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    const namespace = resource.namespace;
    if (isSystemNamespace(namespace, settings)) return;
    const tenancy = tenancyOf(namespace, settings, index);
    if (!isSharedTenancy(tenancy)) return;
    const where = `in ${namespaceNoun(namespace)} (tenancy ${tenancy})`;
    for (const workload of podTemplatesOf(resource)) {
      for (const container of workload.containers) {
        for (const use of acceleratorUses(container)) {
          if (!use.info.shared) continue;
          report({
            message:
              `${containerLabel(container)} uses the shared GPU resource ${use.name} ${where}: its GPU is shared ` +
              'with other pods without memory or fault isolation.',
            path: use.path,
            container,
            key: use.name,
          });
        }
      }
      const annotations = asObject(workload.podMetadata.annotations) ?? {};
      for (const key of KAI_SHARING_ANNOTATIONS) {
        if (annotations[key] === undefined) continue;
        report({
          message:
            `The pod requests a GPU fraction with the KAI annotation ${key} ${where}: KAI does not isolate the ` +
            'memory of pods that share a GPU, and they may come from other namespaces.',
          path: [...workload.podMetadataPath, 'annotations', key],
          key,
        });
      }
      for (const { path, strategy } of sharingSelectors(workload.podSpec, workload.podSpecPath)) {
        report({
          message:
            `The pod selects nodes with ${SHARING_LABEL}=${strategy} ${where}: the GPUs there are shared ` +
            `between pods by ${strategy} without memory or fault isolation.`,
          path,
          key: `${path.join('.')}:${strategy}`,
        });
      }
    }
  },
});

/** `nodeSelector` entries and required node-affinity expressions that pick time-sliced or MPS nodes. */
function sharingSelectors(podSpec: Record<string, unknown>, base: Path): { path: Path; strategy: string }[] {
  const found: { path: Path; strategy: string }[] = [];
  const selected = asString(asObject(podSpec.nodeSelector)?.[SHARING_LABEL]);
  if (selected && SHARING_STRATEGIES.has(selected)) {
    found.push({ path: [...base, 'nodeSelector', SHARING_LABEL], strategy: selected });
  }
  const required = asObject(
    asObject(asObject(podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution,
  );
  asArray(required?.nodeSelectorTerms).forEach((term, termIndex) => {
    asArray(asObject(term)?.matchExpressions).forEach((raw, exprIndex) => {
      const expression = asObject(raw);
      if (expression?.key !== SHARING_LABEL || expression.operator !== 'In') return;
      const strategy = asArray(expression.values).find(
        (v): v is string => typeof v === 'string' && SHARING_STRATEGIES.has(v),
      );
      if (!strategy) return;
      found.push({
        path: [
          ...base,
          'affinity',
          'nodeAffinity',
          'requiredDuringSchedulingIgnoredDuringExecution',
          'nodeSelectorTerms',
          termIndex,
          'matchExpressions',
          exprIndex,
        ],
        strategy,
      });
    });
  });
  return found;
}
