import { defineRule } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import { containerLabel, containerSecurityContextPath } from '../pss/common.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { GPU_TAG, SCHEDULE_GPUS_SOURCE, gpuConsumption, isTemplated } from './common.js';
import { TEMPLATE_KINDS, podTemplatesOf } from './templates.js';
import { isCapability } from '../shared/capabilities.js';
import { normalizeHostPath } from '../shared/host-path.js';

/** Host paths that hold accelerator device nodes, NVIDIA runtime state or driver libraries. */
const DEVICE_PATHS: readonly RegExp[] = [
  /^\/dev\/nvidia/, // nvidia0…, nvidiactl, nvidia-uvm, nvidia-caps
  /^\/dev\/(dri|accel)(\/|$)/, // DRM render nodes (AMD, Intel), accel (Gaudi, NPUs)
  /^\/dev\/(kfd|neuron\d*)$/, // AMD ROCm compute, AWS Neuron devices
  /^\/(var\/)?run\/nvidia($|[/-])/, // /run/nvidia (driver root), /var/run/nvidia-container-devices, persistenced
  /^\/usr\/(local\/)?lib(32|64|x32)?\/(.*\/)?(lib(nvidia|cuda)[^/]*|nvidia)(\/|$)/, // driver libraries
  /^\/usr\/local\/nvidia(\/|$)/,
  /^\/home\/kubernetes\/bin\/nvidia(\/|$)/, // GKE driver installation
];

/** The NVIDIA runtime reads `/dev/null` mounts below this path as the device list (volume-mounts strategy). */
const DEVICE_LIST_MOUNT_ROOT = '/var/run/nvidia-container-devices';



/** GPU-002: GPU pods that bypass the device plugin's per-container allocation. */
export default defineRule({
  meta: {
    id: 'gpu-privileged-or-host-device',
    title: 'GPU pod with privileged access or host GPU devices',
    severity: 'high',
    category: 'multitenancy',
    description:
      'Outside system namespaces: (1) a pod mounts a hostPath volume at an accelerator device or driver path ' +
      '(`/dev/nvidia*`, `/dev/dri`, `/dev/kfd`, `/dev/accel`, `/dev/neuron*`, `/run/nvidia`, ' +
      '`/var/run/nvidia-container-devices`, `/usr/lib*/libnvidia*`, `libcuda*` or `nvidia` under `/usr/lib*`, `/usr/local/nvidia`, GKE ' +
      '`/home/kubernetes/bin/nvidia`), one finding per volume; (2) in a pod that consumes accelerators (an ' +
      'accelerator resource, KAI `gpu-fraction`/`gpu-memory` annotations, a scanned DRA claim of a GPU device ' +
      'class, `NVIDIA_VISIBLE_DEVICES` granting devices, or the `nvidia` runtime class), a container is privileged or ' +
      'adds `SYS_ADMIN` (or `ALL`), one finding per container and field; (3) a container mounts a volume at or ' +
      'below `/var/run/nvidia-container-devices`, the device list the NVIDIA runtime reads under the ' +
      '`volume-mounts` strategy (critical for `…/all`). Init and ephemeral containers count.',
    rationale:
      'The device plugin isolates GPUs by injecting only the allocated device nodes into each container. A ' +
      'privileged container gets every device node of the host, so it can use (and read the memory of) every ' +
      "GPU on the node, including other tenants' GPUs, outside scheduling and quota; with CAP_SYS_ADMIN it can " +
      'reconfigure MIG partitions and driver state that other pods depend on. A hostPath to `/dev/nvidia*` hands ' +
      "the node's device nodes to the pod, usable as soon as the container is privileged or the device rules let " +
      'it through, and mounts of the runtime directories or driver libraries let the pod tamper with the state ' +
      'and libraries other GPU containers use. Under the `volume-mounts` device-list strategy the ' +
      'runtime takes `/dev/null` mounts below `/var/run/nvidia-container-devices` as the list of GPUs to inject, so ' +
      'a pod that declares such a mount itself chooses its GPUs. GPU nodes are high-value targets for resource ' +
      'hijacking (MITRE ATT&CK T1496) and container escape (T1611).',
    sources: [
      {
        title: 'NVIDIA device plugin for Kubernetes',
        url: 'https://github.com/NVIDIA/k8s-device-plugin',
      },
      SCHEDULE_GPUS_SOURCE,
      { title: 'MITRE ATT&CK T1496: Resource Hijacking', url: 'https://attack.mitre.org/techniques/T1496/' },
    ],
    remediation:
      'Request GPUs through the device plugin (or a DRA claim) and drop the host mounts and privileges; only the ' +
      'GPU Operator components in their own namespace need them:\n\n' +
      '```yaml\ncontainers:\n  - name: train\n    resources:\n      limits:\n        nvidia.com/gpu: 1\n' +
      '    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n' +
      '      capabilities:\n        drop: ["ALL"]\n```',
    tags: [GPU_TAG, 'container-escape'],
  },
  match: { kinds: TEMPLATE_KINDS },
  crossResource: true,
  check({ resource, index, settings, report }) {
    if (isSystemNamespace(resource.namespace, settings)) return;
    for (const workload of podTemplatesOf(resource)) {
      asArray(workload.podSpec.volumes).forEach((raw, volumeIndex) => {
        const volume = asObject(raw);
        const hostPath = asString(asObject(volume?.hostPath)?.path);
        if (!hostPath || isTemplated(hostPath)) return;
        if (!DEVICE_PATHS.some((pattern) => pattern.test(normalizeHostPath(hostPath)))) return;
        const name = asString(volume?.name) ?? `volumes[${volumeIndex}]`;
        report({
          message:
            `The pod mounts host path "${hostPath}" (volume "${name}"), which exposes the node's accelerator ` +
            "device nodes or driver files outside the device plugin's per-container allocation.",
          path: [...workload.podSpecPath, 'volumes', volumeIndex, 'hostPath', 'path'],
          key: `${name}:${hostPath}`,
        });
      });
      for (const container of workload.containers) {
        asArray(container.spec.volumeMounts).forEach((raw, mountIndex) => {
          const mountPath = asString(asObject(raw)?.mountPath);
          if (!mountPath || isTemplated(mountPath)) return;
          const normalized = normalizeHostPath(mountPath);
          if (normalized !== DEVICE_LIST_MOUNT_ROOT && !normalized.startsWith(`${DEVICE_LIST_MOUNT_ROOT}/`))
            return;
          const device = normalized.slice(DEVICE_LIST_MOUNT_ROOT.length + 1);
          report({
            message:
              `${containerLabel(container)} mounts a volume at "${mountPath}", where the NVIDIA runtime reads the ` +
              'device list of the volume-mounts strategy: the pod picks its own GPUs instead of the device plugin.',
            path: [...container.path, 'volumeMounts', mountIndex, 'mountPath'],
            container,
            severity: device.toLowerCase() === 'all' ? 'critical' : 'high',
            key: `mount:${normalized}`,
          });
        });
      }
      const gpu = gpuConsumption(workload, resource.namespace, index);
      if (!gpu) continue;
      for (const container of workload.containers) {
        const label = containerLabel(container);
        if (container.securityContext.privileged === true) {
          report({
            message:
              `${label} is privileged in a pod that uses GPUs (${gpu}): it gets every device node of the host, ` +
              'so it can use every GPU on the node, not just the ones allocated to it.',
            path: containerSecurityContextPath(container, 'privileged'),
            container,
            key: 'privileged',
          });
        }
        const added = asArray(asObject(container.securityContext.capabilities)?.add);
        const capIndex = added.findIndex(
          (c) => isCapability(c, 'SYS_ADMIN', 'ALL'),
        );
        if (capIndex >= 0) {
          report({
            message:
              `${label} adds capability ${String(added[capIndex])} in a pod that uses GPUs (${gpu}): it can ` +
              'reconfigure MIG partitions and driver state shared with other pods on the node.',
            path: containerSecurityContextPath(container, 'capabilities', 'add', capIndex),
            container,
            key: 'sys-admin',
          });
        }
      }
    }
  },
});
