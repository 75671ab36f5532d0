import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { GPU_TAG, acceleratorUses } from './common.js';
import { TEMPLATE_KINDS, podTemplatesOf } from './templates.js';

/** GPU-007: one container asks for several kinds of accelerator device. */
export default defineRule({
  meta: {
    id: 'gpu-mixed-resource-types',
    title: 'Several GPU resource types in one container',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'A container (init and ephemeral containers included) names more than one accelerator device resource in ' +
      '`resources.limits` or `resources.requests`, e.g. `nvidia.com/gpu` with `nvidia.com/mig-3g.20gb`, two MIG ' +
      'profiles, or `aws.amazon.com/neuron` with `aws.amazon.com/neurondevice`. Amounts that accompany a device ' +
      '(HAMi `nvidia.com/gpumem`/`gpucores`, Volcano `volcano.sh/vgpu-memory`/`vgpu-cores`, Intel ' +
      '`gpu.intel.com/millicores`/`memory.max`/`tiles`) do not count as another type. One finding per container, ' +
      'at the second device resource.',
    rationale:
      'Each resource name is allocated separately, so the container holds and is charged quota for devices of ' +
      'every type, yet it cannot use them all: the NVIDIA device plugins all pass their allocation in the same ' +
      '`NVIDIA_VISIBLE_DEVICES` variable, the kubelet keeps only one of them, and CUDA runs on a single MIG device ' +
      'anyway. The remaining devices sit idle while other tenants wait for them, and which device the workload ' +
      'really gets is not what its spec says.',
    sources: [
      {
        title: 'NVIDIA/k8s-device-plugin#728: two MIG resource types in one pod, only one visible',
        url: 'https://github.com/NVIDIA/k8s-device-plugin/issues/728',
      },
      {
        title: 'NVIDIA device plugin: MIG strategies',
        url: 'https://github.com/NVIDIA/k8s-device-plugin#configuration-option-details',
      },
    ],
    remediation:
      'Request one accelerator resource type per container; split work that needs different devices into ' +
      'separate containers or pods:\n\n```yaml\nresources:\n  limits:\n    nvidia.com/mig-3g.20gb: 1\n```',
    tags: [GPU_TAG],
  },
  match: { kinds: TEMPLATE_KINDS },
  check({ resource, report }) {
    for (const workload of podTemplatesOf(resource)) {
      for (const container of workload.containers) {
        const devices = acceleratorUses(container).filter((use) => use.info.role === 'device');
        const second = devices[1];
        if (!second) continue;
        report({
          message:
            `${containerLabel(container)} requests ${devices.length} GPU resource types ` +
            `(${devices.map((d) => d.name).join(', ')}): it is charged for a device of each type but the runtime ` +
            'exposes only one allocation.',
          path: second.path,
          container,
        });
      }
    }
  },
});
