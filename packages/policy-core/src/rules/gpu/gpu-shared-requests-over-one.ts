import { defineRule } from '../rule.js';
import { DEVICE_PLUGIN_SHARING_SOURCE, GPU_TAG, isTemplated } from './common.js';
import { SHARING_NAMES, describeConfig, deviceSharingSections } from './device-plugin-config.js';

/** GPU-006: requests for several replicas of a shared GPU are accepted. */
export default defineRule({
  meta: {
    id: 'gpu-shared-requests-over-one',
    title: 'Device plugin accepts requests for several shared GPU replicas',
    severity: 'low',
    category: 'multitenancy',
    description:
      'A ConfigMap data value is an NVIDIA device plugin configuration that replicates resources (`replicas` ' +
      'greater than 1) with `sharing.timeSlicing` and does not set `failRequestsGreaterThanOne: true` (the ' +
      'default is false), or with `sharing.mps` and sets `failRequestsGreaterThanOne: false` (MPS defaults to ' +
      'true). One finding per configuration and sharing section, at the ConfigMap data key.',
    rationale:
      'A request for two replicas of a shared GPU does not buy twice the compute: it is still access to a GPU ' +
      'shared with other clients (CUDA gives every process on the GPU an equal share of time, whatever the ' +
      'replica count). Accepting such requests lets workloads hoard replicas (starving other tenants and inflating ' +
      'quota usage) while misleading their owners about what they get. NVIDIA recommends ' +
      '`failRequestsGreaterThanOne: true`, which makes such requests fail with `UnexpectedAdmissionError`.',
    sources: [DEVICE_PLUGIN_SHARING_SOURCE],
    remediation:
      'Set `failRequestsGreaterThanOne: true` in the sharing section and request one replica per container:\n\n' +
      '```yaml\nsharing:\n  timeSlicing:\n    renameByDefault: true\n    failRequestsGreaterThanOne: true\n' +
      '    resources:\n      - name: nvidia.com/gpu\n        replicas: 4\n```',
    tags: [GPU_TAG],
  },
  match: { kinds: ['ConfigMap'] },
  check({ resource, report }) {
    for (const { kind, section, key, path, resources } of deviceSharingSections(resource)) {
      const fail = section.failRequestsGreaterThanOne;
      if (isTemplated(fail)) continue;
      const accepted = kind === 'mps' ? fail === false || fail === 'false' : fail !== true && fail !== 'true';
      if (!accepted) continue;
      report({
        message:
          `${describeConfig(resource, key)} shares ${resources.join(', ')} by ${SHARING_NAMES[kind]} ` +
          `${kind === 'mps' ? 'with' : 'without'} sharing.${kind}.failRequestsGreaterThanOne: ` +
          `${kind === 'mps' ? 'false' : 'true'}, so a container can take several replicas of a shared GPU.`,
        path,
        key: `${key}:${kind}`,
      });
    }
  },
});
