import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { containerNoun } from '../pss/common.js';
import {
  SPIFFE_CSI_SOURCE,
  containerMounts,
  isSpirePlatformWorkload,
  mountsOf,
  normalisePath,
  volumesOf,
  type VolumeView,
} from './common.js';
import { isUnder } from '../shared/host-path.js';

/** Node directories where SPIRE agents serve the Workload API socket (prefixes). */
const SOCKET_DIR_PREFIXES = ['/run/spire', '/var/run/spire', '/tmp/spire-agent'];
/** Directories that hold exactly the Workload API socket. */
const SOCKET_DIRS = ['/run/secrets/workload-spiffe-uds', '/var/run/secrets/workload-spiffe-uds'];
/** Where pods conventionally mount the Workload API (SPIFFE CSI examples, Istio with SPIRE). */
const SOCKET_MOUNT_PATHS = [
  '/spiffe-workload-api',
  '/run/secrets/workload-spiffe-uds',
  '/var/run/secrets/workload-spiffe-uds',
];

function isSocketHostPath(path: string): boolean {
  const p = normalisePath(path);
  return (
    SOCKET_DIR_PREFIXES.some((prefix) => p.startsWith(prefix)) || SOCKET_DIRS.some((dir) => isUnder(p, dir))
  );
}

/** The SPIRE agent admin API (`/tmp/spire-agent/private/admin.sock` by default) lives in a `private` or `admin` dir. */
function isAdminSocketPath(path: string): boolean {
  return normalisePath(path)
    .split('/')
    .some((segment) => segment === 'private' || segment.includes('admin'));
}

/** `unix:///a/b.sock` or `unix:/a/b.sock` → `/a/b.sock`. */
function socketPath(endpoint: string): string | undefined {
  const match = /^unix:(?:\/\/)?(\/.*)$/.exec(endpoint.trim());
  return match?.[1];
}

/** Why a hostPath volume looks like the SPIFFE Workload API, or undefined. */
function socketEvidence(volume: VolumeView, mounts: ReturnType<typeof mountsOf>): string | undefined {
  const hostPath = asString(asObject(volume.spec.hostPath)?.path);
  if (hostPath !== undefined && isSocketHostPath(hostPath)) return '';
  for (const mount of mounts) {
    if (mount.mountPath === undefined) continue;
    if (SOCKET_MOUNT_PATHS.some((dir) => normalisePath(dir) === normalisePath(mount.mountPath!))) {
      return ` mounted at "${mount.mountPath}" in ${containerNoun(mount.container)}`;
    }
    for (const raw of asArray(mount.container.spec.env)) {
      const env = asObject(raw);
      if (env?.name !== 'SPIFFE_ENDPOINT_SOCKET') continue;
      const socket = socketPath(asString(env.value) ?? '');
      const deepest = containerMounts(mount.container)
        .filter(
          (m) =>
            m.mountPath !== undefined && socket !== undefined && isUnder(socket, normalisePath(m.mountPath)),
        )
        .sort((a, b) => normalisePath(b.mountPath!).length - normalisePath(a.mountPath!).length)[0];
      if (deepest && deepest.spec.name === volume.name) {
        return ` where ${containerNoun(mount.container)} expects the Workload API socket (SPIFFE_ENDPOINT_SOCKET=${asString(env.value)})`;
      }
    }
  }
  return undefined;
}

/** ID-004: the SPIRE agent socket reaches the pod through hostPath instead of the SPIFFE CSI driver. */
export default defineRule({
  meta: {
    id: 'spiffe-socket-host-path',
    title: 'SPIFFE Workload API socket mounted with hostPath',
    severity: 'medium',
    category: 'identity',
    description:
      'A `hostPath` volume brings the SPIRE agent socket into the pod: its host path is under `/run/spire*`, ' +
      '`/var/run/spire*`, `/tmp/spire-agent` (the agent default) or `/run/secrets/workload-spiffe-uds`, or it is ' +
      "mounted at `/spiffe-workload-api` or `/run/secrets/workload-spiffe-uds`, or a container's " +
      '`SPIFFE_ENDPOINT_SOCKET` points into it. High when the host path is the agent admin socket directory (a ' +
      "`private` or `*admin*` segment). SPIRE's own components are exempt: pods in platform namespaces (`spire`, " +
      '`spire-system`, `spire-server`, `kube-system`, … and `systemNamespaces` from config) and pods running the ' +
      'spire-agent, spire-server, spiffe-csi-driver or spire-controller-manager images. One finding per volume.',
    rationale:
      'A hostPath mount of the agent socket directory couples the pod to the node filesystem: it fails Pod Security ' +
      'baseline (hostPath is forbidden), needs an exemption in every policy engine, and, when mounted writable, lets ' +
      'the pod replace or remove the socket other pods on the node use, or reach anything else placed in that ' +
      'directory, such as the agent admin API that can mint SVIDs for other workloads (delegated identity). The ' +
      'SPIFFE CSI driver exists to avoid exactly this: it injects only the Workload API socket as an ephemeral, ' +
      'read-only inline volume that Pod Security restricted allows.',
    sources: [
      SPIFFE_CSI_SOURCE,
      {
        title: 'SPIRE Agent configuration reference (socket_path, admin_socket_path)',
        url: 'https://spiffe.io/docs/latest/deploying/spire_agent/',
      },
      {
        title: 'Pod Security Standards: Baseline (HostPath Volumes)',
        url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      },
      { title: 'Istio: SPIRE integration', url: 'https://istio.io/latest/docs/ops/integrations/spire/' },
    ],
    remediation:
      'Install the SPIFFE CSI driver next to the SPIRE agent and replace the hostPath volume with a read-only CSI ' +
      'volume:\n\n' +
      '```yaml\nvolumes:\n  - name: spiffe-workload-api\n    csi:\n      driver: csi.spiffe.io\n      readOnly: true\n' +
      'containers:\n  - name: app\n    env:\n      - name: SPIFFE_ENDPOINT_SOCKET\n' +
      '        value: unix:///spiffe-workload-api/spire-agent.sock\n    volumeMounts:\n' +
      '      - name: spiffe-workload-api\n        mountPath: /spiffe-workload-api\n        readOnly: true\n```',
    tags: ['workload-identity', 'spiffe', 'container-escape'],
  },
  match: { workloads: true },
  check({ workload, resource, settings, report }) {
    if (isSpirePlatformWorkload(resource, workload, settings)) return;
    for (const volume of volumesOf(workload)) {
      const hostPathSpec = asObject(volume.spec.hostPath);
      if (!hostPathSpec) continue;
      const evidence = socketEvidence(volume, mountsOf(workload, volume.name));
      if (evidence === undefined) continue;
      const hostPath = asString(hostPathSpec.path);
      const admin = hostPath !== undefined && isSocketHostPath(hostPath) && isAdminSocketPath(hostPath);
      const what = admin
        ? 'the SPIRE agent admin socket directory'
        : 'the SPIFFE Workload API socket directory';
      const path: Path = [...volume.path, 'hostPath', ...(hostPath === undefined ? [] : ['path'])];
      report({
        message:
          `Volume "${volume.name}" mounts ${what} ${hostPath === undefined ? '' : `"${hostPath}" `}from the node ` +
          `with hostPath${evidence}: use a read-only csi.spiffe.io volume (SPIFFE CSI driver) instead.`,
        path,
        key: volume.name,
        ...(admin && { severity: 'high' as const }),
      });
    }
  },
});
