import type { Severity } from '../../types.js';
import type { ContainerView } from '../../model/workload.js';
import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { containerLabel } from '../pss/common.js';
import {
  GPU_TAG,
  acceleratorUses,
  draAcceleratorClasses,
  envValue,
  grantsDevices,
  isTemplated,
} from './common.js';
import { TEMPLATE_KINDS, podTemplatesOf } from './templates.js';

const TOOLKIT_ENV_SOURCE = {
  title: 'NVIDIA Container Toolkit: environment variables (OCI spec)',
  url: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/1.16.0/docker-specialized.html',
};

/** Driver capabilities a CUDA container gets by default (`utility,compute`). */
const DEFAULT_CAPABILITIES = new Set(['compute', 'utility']);

interface EnvCheck {
  name: string;
  /** A finding for this value, or undefined when the value is harmless. */
  judge(
    value: string,
    container: ContainerView,
    hasGpu: boolean,
  ): { severity: Severity; why: string } | undefined;
}

const CHECKS: readonly EnvCheck[] = [
  {
    name: 'NVIDIA_VISIBLE_DEVICES',
    judge(value, _container, hasGpu) {
      if (!grantsDevices(value)) return undefined;
      const all = value.trim().toLowerCase() === 'all';
      if (!hasGpu) {
        return {
          severity: all ? 'critical' : 'high',
          why:
            'without requesting an NVIDIA GPU: where the runtime honours the variable for unprivileged containers ' +
            `(device-list strategy "envvar"), the container gets ${all ? 'every GPU on the node' : 'these GPUs'} ` +
            'outside scheduling, quota and tenant isolation',
        };
      }
      return {
        severity: 'high',
        why:
          'next to a GPU request: the pod value can override the device list the device plugin allocates and ' +
          'expose GPUs allocated to other pods',
      };
    },
  },
  {
    name: 'NVIDIA_MIG_CONFIG_DEVICES',
    judge: (value) =>
      value.trim() === ''
        ? undefined
        : {
            severity: 'high',
            why:
              'which lets the container (with CAP_SYS_ADMIN) enable or disable MIG mode and create or destroy GPU ' +
              "instances on the GPUs it sees, destroying other tenants' MIG devices",
          },
  },
  {
    name: 'NVIDIA_MIG_MONITOR_DEVICES',
    judge: (value) =>
      value.trim() === ''
        ? undefined
        : {
            severity: 'medium',
            why:
              'which lets the container (with CAP_SYS_ADMIN) monitor all MIG devices of the GPUs it sees, ' +
              "including other tenants' instances",
          },
  },
  {
    name: 'NVIDIA_DRIVER_CAPABILITIES',
    judge(value) {
      const requested = value
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c !== '');
      const extra = requested.filter((c) => !DEFAULT_CAPABILITIES.has(c));
      if (extra.length === 0) return undefined;
      return {
        severity: 'low',
        why:
          `which asks for driver capabilities beyond compute and utility (${extra.join(', ')}): more host driver ` +
          'libraries, binaries and device nodes are injected into the container, widening its attack surface',
      };
    },
  },
];

/** GPU-003: NVIDIA runtime variables that widen what the container sees. */
export default defineRule({
  meta: {
    id: 'gpu-visibility-env-override',
    title: 'NVIDIA runtime variable overrides GPU visibility',
    severity: 'high',
    category: 'multitenancy',
    description:
      'Outside system namespaces, a container (init and ephemeral containers included) sets a literal `env` value ' +
      'read by the NVIDIA container runtime: `NVIDIA_VISIBLE_DEVICES` to `all` or a device list (critical for ' +
      '`all` and high for a list when the container requests no NVIDIA GPU resource and the pod has no DRA GPU ' +
      'claim, high otherwise; `void`, `none` and empty expose no GPU and pass), `NVIDIA_MIG_CONFIG_DEVICES` ' +
      '(high), `NVIDIA_MIG_MONITOR_DEVICES` (medium), or `NVIDIA_DRIVER_CAPABILITIES` with capabilities beyond ' +
      '`compute,utility` (low). `CUDA_VISIBLE_DEVICES` is not reported: the CUDA runtime reads it inside the ' +
      'container and it can only hide or reorder devices that are already there. Values from `valueFrom` and ' +
      'templated values are not judged.',
    rationale:
      "With the device plugin's default `envvar` device-list strategy, the NVIDIA runtime decides which GPUs to " +
      'inject from `NVIDIA_VISIBLE_DEVICES`. Where the toolkit still honours the variable for unprivileged ' +
      'containers (`accept-nvidia-visible-devices-envvar-when-unprivileged = true`, the historical default), a ' +
      'pod that sets it to `all` gets every GPU on the node without requesting one: it bypasses scheduling, ' +
      "ResourceQuota and queue limits and can read other tenants' GPU memory (resource hijacking, MITRE ATT&CK " +
      'T1496). The MIG variables hand MIG administration to the container, which can tear down the partitions ' +
      'other pods run on.',
    sources: [
      TOOLKIT_ENV_SOURCE,
      {
        title: 'Bottlerocket: nvidia-container-runtime settings (visible-devices-envvar-when-unprivileged)',
        url: 'https://bottlerocket.dev/en/os/1.54.x/api/settings/nvidia-container-runtime',
      },
      {
        title: 'NVIDIA device plugin: DEVICE_LIST_STRATEGY',
        url: 'https://github.com/NVIDIA/k8s-device-plugin#configuration-option-details',
      },
    ],
    remediation:
      'Remove the variables from the pod spec and request GPUs as resources. On the nodes, make the runtime ignore ' +
      'the variable for unprivileged containers (`accept-nvidia-visible-devices-envvar-when-unprivileged = false`) ' +
      'and run the device plugin with `DEVICE_LIST_STRATEGY=volume-mounts` (or CDI):\n\n' +
      '```yaml\ncontainers:\n  - name: train\n    resources:\n      limits:\n        nvidia.com/gpu: 1\n```',
    tags: [GPU_TAG],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    if (isSystemNamespace(resource.namespace, settings)) return;
    for (const workload of podTemplatesOf(resource)) {
      const podHasDraGpu = draAcceleratorClasses(workload, resource.namespace, index).length > 0;
      for (const container of workload.containers) {
        const hasGpu = podHasDraGpu || acceleratorUses(container).some((use) => use.info.nvidia);
        for (const check of CHECKS) {
          const env = envValue(container, check.name);
          if (!env || isTemplated(env.value)) continue;
          const verdict = check.judge(env.value, container, hasGpu);
          if (!verdict) continue;
          report({
            message: `${containerLabel(container)} sets ${check.name}=${env.value} ${verdict.why}.`,
            path: env.path,
            container,
            severity: verdict.severity,
            key: check.name,
          });
        }
      }
    }
  },
});
