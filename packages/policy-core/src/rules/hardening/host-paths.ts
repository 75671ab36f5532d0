/** The host path tiers behind `sensitive-host-path` and `writable-host-path`. */
import type { Severity } from '../../types.js';
import { isUnder } from '../shared/host-path.js';

export interface HostPathClass {
  severity: Severity;
  /** What the path is, as a noun phrase ("… mounts host path "/x", which is <reason>"). */
  reason: string;
}

const RUNTIME_SOCKETS = [
  'docker.sock',
  'containerd.sock',
  'crio.sock',
  'cri-dockerd.sock',
  'dockershim.sock',
];
const SOCKET_REASON = 'a container runtime socket: whoever can reach it controls every container on the node';

/** Directories that hold the runtime sockets. */
const RUNTIME_SOCKET_DIRS = [
  '/run/containerd',
  '/var/run/containerd',
  '/run/crio',
  '/var/run/crio',
  '/run/docker',
  '/var/run/docker',
  '/run/k3s/containerd',
];

/** Critical trees: the path itself or anything inside it. */
const CRITICAL_TREES: readonly [string, string][] = [
  ['/proc', 'host /proc: writing /proc/sys/kernel/core_pattern runs code as root on the node'],
  ['/sys', 'host /sys: cgroup release_agent and kernel settings give code execution on the node'],
  ['/etc/kubernetes', 'the Kubernetes node configuration: kubeconfigs, PKI and static pod manifests'],
  ['/var/lib/kubelet', 'kubelet state, with the service account tokens and secrets of every pod on the node'],
  ['/var/lib/etcd', 'etcd data, with every Secret of the cluster'],
  ['/var/lib/rancher', 'k3s/RKE2 state: cluster CA keys, join tokens and kubeconfigs'],
  ['/etc/rancher', 'k3s/RKE2 configuration, including the admin kubeconfig'],
  ...RUNTIME_SOCKET_DIRS.map((dir): [string, string] => [
    dir,
    'a container runtime socket directory: whoever can reach it controls every container on the node',
  ]),
];

/** Paths whose parents are critical too: mounting `/var` exposes `/var/lib/kubelet`. */
const CRITICAL_ANCHORS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/cri-dockerd.sock',
  '/var/run/dockershim.sock',
  ...RUNTIME_SOCKET_DIRS,
  ...CRITICAL_TREES.map(([dir]) => dir),
];

/** Ordinary files often mounted read-only for time zones and CA bundles: any other hostPath. */
const BENIGN_TREES = [
  '/etc/localtime',
  '/etc/timezone',
  '/usr/share/zoneinfo',
  '/etc/ssl/certs',
  '/etc/ca-certificates',
  '/usr/share/ca-certificates',
];

const HIGH_TREES: readonly [string, string][] = [
  ['/etc', 'host configuration: /etc/shadow, sudoers, SSH and service credentials'],
  ['/dev', 'a host device'],
  ['/boot', 'the kernel and boot loader'],
  ['/lib/modules', 'the kernel modules'],
  ['/root', "root's home directory (SSH keys and credentials)"],
  ['/home', 'user home directories (SSH keys and credentials)'],
  ['/var/lib/docker', "container runtime storage: other containers' filesystems and logs"],
  ['/var/lib/containerd', "container runtime storage: other containers' filesystems and images"],
  ['/var/lib/containers', "container runtime storage: other containers' filesystems and images"],
  [
    '/var/log',
    'the node and pod log directory; writable, it allows the symlink attack that reads host files through kubectl logs',
  ],
  ['/opt/cni', 'CNI plugins, which the container runtime runs as root'],
  ['/usr', "the host's binaries and libraries"],
  ['/lib', "the host's libraries"],
  ['/lib64', "the host's libraries"],
  ['/bin', "the host's binaries"],
  ['/sbin', "the host's binaries"],
];

/** `/dev` itself, disks and memory devices: mounting one reads and writes the node's storage or memory. */
const RAW_DEVICES = /^\/dev(?:$|\/(?:sd|hd|vd|xvd|nvme|mmcblk|dm-|loop|md|disk\/|mapper\/|mem$|kmem$|port$))/;

const WINDOWS_PIPES = /^\\\\\.\\pipe\\(docker_engine|containerd-containerd)$/i;

/** Directories that usually carry other mounts: readOnly alone does not make those read-only. */
export const SUBMOUNT_ROOTS = [
  '/',
  '/var',
  '/var/lib',
  '/var/lib/kubelet',
  '/var/lib/kubelet/pods',
  '/run',
  '/var/run',
  '/sys',
  '/proc',
  '/dev',
  '/mnt',
];

/** The severity of a hostPath by its (normalised) path. */
export function classifyHostPath(path: string): HostPathClass {
  if (WINDOWS_PIPES.test(path))
    return {
      severity: 'critical',
      reason: 'a container runtime named pipe: whoever can reach it controls every container on the node',
    };
  if (!path.startsWith('/')) return { severity: 'medium', reason: 'a path on the node' };
  if (path === '/') return { severity: 'critical', reason: 'the whole host filesystem' };
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (RUNTIME_SOCKETS.includes(base)) return { severity: 'critical', reason: SOCKET_REASON };
  if (RAW_DEVICES.test(path)) {
    return {
      severity: 'critical',
      reason: 'host devices: a raw disk or memory device exposes the whole node',
    };
  }
  const tree = CRITICAL_TREES.find(([dir]) => isUnder(path, dir));
  if (tree) return { severity: 'critical', reason: tree[1] };
  const anchor = CRITICAL_ANCHORS.find((a) => isUnder(a, path));
  if (anchor) return { severity: 'critical', reason: `a parent of ${anchor} (${describeAnchor(anchor)})` };
  if (BENIGN_TREES.some((dir) => isUnder(path, dir)))
    return { severity: 'medium', reason: 'a node file shared with every pod that mounts it' };
  const high = HIGH_TREES.find(([dir]) => isUnder(path, dir));
  if (high) return { severity: 'high', reason: high[1] };
  const highChild = HIGH_TREES.find(([dir]) => isUnder(dir, path));
  if (highChild) return { severity: 'high', reason: `a parent of ${highChild[0]} (${highChild[1]})` };
  return {
    severity: 'medium',
    reason: 'a node directory shared with every pod scheduled there and kept across pod restarts',
  };
}

function describeAnchor(anchor: string): string {
  const base = anchor.slice(anchor.lastIndexOf('/') + 1);
  if (RUNTIME_SOCKETS.includes(base)) return 'the container runtime socket';
  return CRITICAL_TREES.find(([dir]) => dir === anchor)?.[1] ?? 'a critical node path';
}
