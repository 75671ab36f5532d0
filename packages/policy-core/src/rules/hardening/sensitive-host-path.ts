import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { PSS_BASELINE_SOURCE, show } from '../pss/common.js';
import { HOST_PATH_SOURCE, isTemplated, kubeLinterSource } from './common.js';
import { normalizeHostPath } from '../shared/host-path.js';
import { classifyHostPath } from './host-paths.js';

/** hostPath volumes with a severity by path: a finer version of the Pod Security baseline "HostPath Volumes". */
export default defineRule({
  meta: {
    id: 'sensitive-host-path',
    title: 'hostPath volume (severity by path)',
    severity: 'high',
    category: 'isolation',
    description:
      'A volume in `spec.volumes` uses `hostPath` (one finding per volume, at `hostPath.path`). The path is ' +
      'normalised first (repeated and trailing slashes, `.` and `..` segments). Critical: container runtime ' +
      'sockets (any path ending in docker.sock, containerd.sock, crio.sock, cri-dockerd.sock or dockershim.sock, ' +
      'the directories /run/containerd, /var/run/containerd, /run/crio, /var/run/crio, /run/docker, ' +
      '/var/run/docker and /run/k3s/containerd, and the Windows pipes `\\\\.\\pipe\\docker_engine` and ' +
      '`\\\\.\\pipe\\containerd-containerd`); `/`; `/dev` itself and its disk and memory devices (sd*, nvme*, ' +
      'disk/, mapper/, mem, …); anything in /proc, /sys, /etc/kubernetes, /var/lib/kubelet, /var/lib/etcd, ' +
      '/var/lib/rancher or /etc/rancher; and every parent directory of those (/var, /var/run, /run, /var/lib, ' +
      '/etc). High: other devices in /dev, and anything else in /etc, /boot, /lib/modules, /root, /home, ' +
      '/var/lib/docker, /var/lib/containerd, /var/lib/containers, /var/log, /opt/cni, /usr, /lib, /lib64, /bin or ' +
      '/sbin (or a parent of those, such as /opt). Medium: any other hostPath, including time zone and CA bundle ' +
      'files (/etc/localtime, /etc/ssl/certs, …) and volumes whose path is missing or templated. This rule ' +
      'replaces `host-path-volume` when both are enabled and reports every volume it would.',
    rationale:
      'A hostPath volume exposes the node filesystem to the pod (MITRE ATT&CK T1611, Escape to Host). The container ' +
      'runtime socket gives control of every container on the node, and a way to start a privileged one; `/`, ' +
      '`/etc/kubernetes` and `/var/lib/kubelet` hold the kubelet credentials, static pod manifests and the tokens ' +
      'and secrets of every pod on the node; `/proc` and `/sys` expose core_pattern and the cgroup release_agent, ' +
      'two classic ways to run code as root on the host; `/dev` exposes raw disks. Parent directories expose the ' +
      'same files (Kyverno warns that blocking `/var/run/docker.sock` is not enough when `/var/run` or `/var` may ' +
      'be mounted). A writable `/var/log` allows the symlink attack that reads any host file through `kubectl ' +
      'logs`, and symlinks in volume subPaths turned hostPath access into host file access (CVE-2021-25741).',
    sources: [
      PSS_BASELINE_SOURCE,
      HOST_PATH_SOURCE,
      kubeLinterSource('host-mounts.yaml'),
      kubeLinterSource('docker-sock.yaml'),
      {
        title: 'Kyverno policy: Disallow CRI socket mounts',
        url: 'https://kyverno.io/policies/best-practices/disallow-cri-sock-mount/disallow-cri-sock-mount',
      },
      {
        title: 'Aqua KHV047: Pod with write access to /var/log',
        url: 'https://avd.aquasec.com/misconfig/kubernetes/khv047',
      },
    ],
    remediation:
      'Replace the hostPath volume with a PersistentVolumeClaim, a configMap/secret/projected volume, or an ' +
      'emptyDir. Node agents that truly need a host path should mount the narrowest path, read-only, and run in a ' +
      'dedicated namespace:\n\n' +
      '```yaml\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n```',
    supersedes: ['host-path-volume'],
    tags: ['container-escape', 'volumes', 'host-path'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    asArray(workload.podSpec.volumes).forEach((raw, index) => {
      const volume = asObject(raw);
      if (!volume || !isSet(volume.hostPath)) return;
      const name = asString(volume.name) ?? `volumes[${index}]`;
      const rawPath = asObject(volume.hostPath)?.path;
      const path = asString(rawPath);
      let severity: Severity = 'medium';
      let what: string;
      if (path === undefined || isTemplated(path)) {
        what = `${rawPath === undefined ? 'a hostPath without a path' : `host path ${show(rawPath)}`}, which cannot be checked (any hostPath exposes the node filesystem)`;
      } else {
        const normalized = normalizeHostPath(path);
        const tier = classifyHostPath(normalized);
        severity = tier.severity;
        what = `host path ${show(path)}${normalized !== path.trim() ? ` (${normalized})` : ''}, which is ${tier.reason}`;
      }
      report({
        message: `Volume "${name}" mounts ${what}.`,
        path: [...workload.podSpecPath, 'volumes', index, 'hostPath', 'path'],
        key: name,
        severity,
      });
    });
  },
});
