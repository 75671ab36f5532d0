import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  GPU_TAG,
  SCHEDULE_GPUS_SOURCE,
  acceleratorUses,
  isTemplated,
  isWholeQuantity,
  parseQuantity,
  sameQuantity,
  showValue,
} from './common.js';
import { TEMPLATE_KINDS, podTemplatesOf } from './templates.js';

/** GPU-001: accelerator requests the API server rejects. */
export default defineRule({
  meta: {
    id: 'gpu-request-without-limit',
    title: 'Accelerator request the API server rejects',
    severity: 'high',
    category: 'validity',
    description:
      'A container (including init and ephemeral containers, in built-in workloads and in Ray, JobSet, Kubeflow ' +
      'training, LeaderWorkerSet, Volcano Job and Notebook templates) names an accelerator extended resource ' +
      '(`nvidia.com/gpu`, `nvidia.com/gpu.shared`, `nvidia.com/mig-*`, HAMi `nvidia.com/gpumem`/`gpucores`, ' +
      '`volcano.sh/vgpu-*`, `amd.com/gpu`, `gpu.intel.com/*`, `habana.ai/*`, `aws.amazon.com/neuron*`, ' +
      '`google.com/tpu`) in `resources.requests` without the same quantity in `resources.limits`, or gives it a ' +
      'quantity that is not a whole number. Quantities are compared numerically (`"1"` equals `1`). A limit ' +
      'alone is fine: the request defaults to the limit. Templated values are skipped.',
    rationale:
      'Extended resources cannot be overcommitted, so the API server validates them strictly: a request needs a ' +
      'limit, the two must be equal, and the quantity must be an integer. Such a pod, and every pod a controller ' +
      'stamps out of the template, is rejected at admission ("Limit must be set for non overcommitable ' +
      'resources", "must be equal to … limit", "must be an integer"), so the rollout stalls with the error only ' +
      'visible in the controller events. A fractional value such as `nvidia.com/gpu: 0.5` is a common attempt ' +
      'at GPU sharing that Kubernetes does not support: sharing is configured in the device plugin instead.',
    sources: [SCHEDULE_GPUS_SOURCE],
    remediation:
      'Put accelerators in `limits` (the request then defaults to the same value), or set the request equal to ' +
      'the limit, with a whole number:\n\n' +
      '```yaml\nresources:\n  limits:\n    nvidia.com/gpu: 1\n```',
    tags: [GPU_TAG, 'validity'],
  },
  match: { kinds: TEMPLATE_KINDS },
  check({ resource, report }) {
    for (const workload of podTemplatesOf(resource)) {
      for (const container of workload.containers) {
        const label = containerLabel(container);
        const base = [...container.path, 'resources'];
        for (const use of acceleratorUses(container)) {
          const { name, limit, request } = use;
          if (isTemplated(limit) || isTemplated(request)) continue;
          const requestPath = [...base, 'requests', name];
          if (request !== undefined && request !== null && (limit === undefined || limit === null)) {
            report({
              message:
                `${label} requests ${name}: ${showValue(request)} without a limit; the API server rejects ` +
                'extended resources requested without an equal limit.',
              path: requestPath,
              container,
              key: `${name}:no-limit`,
            });
            continue;
          }
          const limitValue = parseQuantity(limit);
          const requestValue = parseQuantity(request);
          if (
            limitValue !== undefined &&
            requestValue !== undefined &&
            !sameQuantity(limitValue, requestValue)
          ) {
            report({
              message:
                `${label} requests ${name}: ${showValue(request)} but limits it to ${showValue(limit)}; the API ` +
                'server rejects extended resources whose request differs from the limit.',
              path: requestPath,
              container,
              key: `${name}:mismatch`,
            });
            continue;
          }
          const [value, list] = limitValue !== undefined ? [limit, 'limits'] : [request, 'requests'];
          const parsed = limitValue ?? requestValue;
          if (parsed !== undefined && !isWholeQuantity(parsed)) {
            report({
              message:
                `${label} asks for ${name}: ${showValue(value)}, which is not a whole number; the API server ` +
                'rejects fractional extended resources (GPU sharing is configured in the device plugin, not by ' +
                'fractions).',
              path: [...base, list, name],
              container,
              key: `${name}:fraction`,
            });
          }
        }
      }
    }
  },
});
