import rule from '../../../src/rules/hardening/sensitive-host-path.js';
import { classifyHostPath } from '../../../src/rules/hardening/host-paths.js';
import { normalizeHostPath } from '../../../src/rules/shared/host-path.js';
import type { Severity } from '../../../src/types.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A Pod with one hostPath volume; `path:` is on line 12. */
function pod(path: string): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: host
    spec:
      containers:
        - name: app
          image: nginx
      volumes:
        - name: host
          hostPath:
            path: ${path}
  `;
}

const cases: RuleCase[] = [
  {
    name: 'passes without hostPath volumes',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
        volumes:
          - name: data
            emptyDir: {}
          - name: cfg
            configMap:
              name: cfg
    `,
    expected: [],
  },
  {
    name: 'a runtime socket is critical, at hostPath.path',
    yaml: pod('/var/run/docker.sock'),
    expected: [
      {
        line: 12,
        column: 9,
        severity: 'critical',
        message: 'Volume "host" mounts host path "/var/run/docker.sock", which is a container runtime socket',
      },
    ],
  },
  {
    name: 'normalises the path before classifying it and shows both forms',
    yaml: pod('//run/./containerd/../containerd//containerd.sock/'),
    expected: [
      {
        line: 12,
        severity: 'critical',
        message:
          'host path "//run/./containerd/../containerd//containerd.sock/" (/run/containerd/containerd.sock)',
      },
    ],
  },
  {
    name: 'a parent of a critical path is critical',
    yaml: pod('/var'),
    expected: [
      {
        line: 12,
        severity: 'critical',
        message: 'which is a parent of /var/run/docker.sock (the container runtime socket)',
      },
    ],
  },
  {
    name: 'other sensitive paths are high',
    yaml: pod('/var/log'),
    expected: [{ line: 12, severity: 'high', message: 'the node and pod log directory' }],
  },
  {
    name: 'ordinary paths are medium',
    yaml: pod('/data/cache'),
    expected: [
      { line: 12, severity: 'medium', message: 'a node directory shared with every pod scheduled there' },
    ],
  },
  {
    name: 'a templated path is medium',
    yaml: pod('"{{ .hostDir }}"'),
    expected: [
      { line: 12, severity: 'medium', message: 'host path "{{ .hostDir }}", which cannot be checked' },
    ],
  },
  {
    name: 'reports every hostPath volume, even without a path, in Deployments',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: agent
            volumes:
              - name: root
                hostPath:
                  path: /
                  type: Directory
              - name: empty
                hostPath: {}
              - name: kubelet
                hostPath: {path: /var/lib/kubelet/pods}
    `,
    expected: [
      {
        line: 14,
        column: 13,
        severity: 'critical',
        message: 'Volume "root" mounts host path "/", which is the whole host filesystem',
      },
      {
        line: 17,
        column: 11,
        severity: 'medium',
        message: 'Volume "empty" mounts a hostPath without a path',
      },
      { line: 19, column: 22, severity: 'critical', message: 'kubelet state' },
    ],
  },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: backup
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: backup
                    image: restic
                volumes:
                  - name: etc
                    hostPath:
                      path: /etc
    `,
    expected: [{ line: 17, column: 17, severity: 'critical', message: 'a parent of /etc/kubernetes' }],
  },
];

const TIERS: readonly [string, Severity][] = [
  ['/', 'critical'],
  ['/var/run/docker.sock', 'critical'],
  ['/run/docker.sock', 'critical'],
  ['/var/run/cri-dockerd.sock', 'critical'],
  ['/var/run/dockershim.sock', 'critical'],
  ['/run/k3s/containerd/containerd.sock', 'critical'],
  ['/custom/place/crio.sock', 'critical'],
  ['/run/containerd', 'critical'],
  ['/var/run/crio', 'critical'],
  ['/run', 'critical'],
  ['/var/run', 'critical'],
  ['/var/lib', 'critical'],
  ['/run/k3s', 'critical'],
  ['/proc', 'critical'],
  ['/proc/sys/kernel', 'critical'],
  ['/sys', 'critical'],
  ['/sys/fs/cgroup', 'critical'],
  ['/dev', 'critical'],
  ['/dev/sda', 'critical'],
  ['/dev/nvme0n1', 'critical'],
  ['/dev/disk/by-id', 'critical'],
  ['/dev/mem', 'critical'],
  ['/dev/fuse', 'high'],
  ['/dev/net/tun', 'high'],
  ['/dev/memory_bandwidth', 'high'],
  ['/etc/kubernetes', 'critical'],
  ['/etc/kubernetes/manifests', 'critical'],
  ['/etc', 'critical'],
  ['/var/lib/kubelet', 'critical'],
  ['/var/lib/kubelet/pki', 'critical'],
  ['/var/lib/etcd', 'critical'],
  ['\\\\.\\pipe\\docker_engine', 'critical'],
  ['\\\\.\\pipe\\containerd-containerd', 'critical'],
  ['/etc/passwd', 'high'],
  ['/boot', 'high'],
  ['/lib/modules', 'high'],
  ['/root/.ssh', 'high'],
  ['/home/admin/.ssh', 'high'],
  ['/var/lib/docker/containers', 'high'],
  ['/var/lib/containerd', 'high'],
  ['/var/lib/containers/storage', 'high'],
  ['/var/log/pods', 'high'],
  ['/opt/cni/bin', 'high'],
  ['/opt', 'high'],
  ['/usr/bin', 'high'],
  ['/lib', 'high'],
  ['/bin', 'high'],
  ['/etc/localtime', 'medium'],
  ['/etc/ssl/certs', 'medium'],
  ['/usr/share/ca-certificates', 'medium'],
  ['/usr/share/zoneinfo/UTC', 'medium'],
  ['/data', 'medium'],
  ['/mnt/disks/ssd0', 'medium'],
  ['/var/lib/rancher/k3s/server/tls', 'critical'],
  ['/etc/rancher/k3s', 'critical'],
  ['/procfs', 'medium'],
  ['/devices', 'medium'],
  ['/etcd-backup', 'medium'],
  ['C:\\data', 'medium'],
  ['relative/path', 'medium'],
];

const NORMALISED: readonly [string, string][] = [
  ['/', '/'],
  ['//', '/'],
  ['/var/run/', '/var/run'],
  ['/var//run///docker.sock', '/var/run/docker.sock'],
  ['/var/./run/docker.sock', '/var/run/docker.sock'],
  ['/var/lib/../run', '/var/run'],
  ['/../../etc', '/etc'],
  [' /etc ', '/etc'],
  ['C:\\data', 'C:\\data'],
];

describe('sensitive-host-path', () => {
  testRuleCases(rule, cases);

  it.each(TIERS)('classifies %s as %s', (path, severity) => {
    expect(classifyHostPath(normalizeHostPath(path)).severity).toBe(severity);
  });

  it.each(NORMALISED)('normalises %j to %j', (raw, normalised) => {
    expect(normalizeHostPath(raw)).toBe(normalised);
  });

  it('supersedes the Pod Security hostPath rule', () => {
    expect(rule.meta.supersedes).toEqual(['host-path-volume']);
  });
});
