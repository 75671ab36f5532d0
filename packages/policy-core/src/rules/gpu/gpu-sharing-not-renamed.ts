import { defineRule } from '../rule.js';
import {
  DEVICE_PLUGIN_SHARING_SOURCE,
  GPU_OPERATOR_TIME_SLICING_SOURCE,
  GPU_TAG,
  isTemplated,
} from './common.js';
import { SHARING_NAMES, describeConfig, deviceSharingSections } from './device-plugin-config.js';

/** GPU-005: shared GPUs advertised under the name of whole GPUs. */
export default defineRule({
  meta: {
    id: 'gpu-sharing-not-renamed',
    title: 'GPU sharing hidden behind the whole-GPU resource name',
    severity: 'medium',
    category: 'multitenancy',
    description:
      'A ConfigMap data value is an NVIDIA device plugin configuration (YAML with a `sharing` section) whose ' +
      '`sharing.timeSlicing` or `sharing.mps` replicates at least one resource (`replicas` greater than 1) and ' +
      'does not set `renameByDefault: true`. One finding per configuration and sharing section, at the ConfigMap ' +
      'data key (the message names the field inside the configuration). Unparsable values, templated values and ' +
      'configurations without replication are skipped.',
    rationale:
      'Without renaming, time-sliced or MPS replicas are advertised as `nvidia.com/gpu` (or the MIG resource ' +
      'name), exactly like a dedicated GPU. Every workload that asks for a GPU on the nodes using the configuration ' +
      'silently gets a replica that shares memory and fault domain with other pods, ResourceQuota on `requests.nvidia.com/gpu` ' +
      'counts replicas as GPUs, and policies cannot tell shared from exclusive requests. With ' +
      '`renameByDefault: true` the device plugin advertises `<resource>.shared`, so sharing becomes an explicit ' +
      'choice that quota and admission policy can govern.',
    sources: [DEVICE_PLUGIN_SHARING_SOURCE, GPU_OPERATOR_TIME_SLICING_SOURCE],
    remediation:
      'Set `renameByDefault: true` and request `nvidia.com/gpu.shared` where sharing is acceptable:\n\n' +
      '```yaml\ndata:\n  any: |-\n    version: v1\n    sharing:\n      timeSlicing:\n        renameByDefault: true\n' +
      '        failRequestsGreaterThanOne: true\n        resources:\n          - name: nvidia.com/gpu\n' +
      '            replicas: 4\n```',
    tags: [GPU_TAG],
  },
  match: { kinds: ['ConfigMap'] },
  check({ resource, report }) {
    for (const { kind, section, key, path, resources } of deviceSharingSections(resource)) {
      const rename = section.renameByDefault;
      if (rename === true || rename === 'true' || isTemplated(rename)) continue;
      report({
        message:
          `${describeConfig(resource, key)} shares ${resources.join(', ')} by ${SHARING_NAMES[kind]} without ` +
          `sharing.${kind}.renameByDefault: true, so the replicas are advertised under the name of whole GPUs.`,
        path,
        key: `${key}:${kind}`,
      });
    }
  },
});
