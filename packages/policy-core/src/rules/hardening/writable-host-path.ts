import { defineRule } from '../rule.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { containerLabel, show } from '../pss/common.js';
import { HOST_PATH_SOURCE, hostPathVolumes, isTemplated, kubeLinterSource } from './common.js';
import { isUnder } from '../shared/host-path.js';
import { SUBMOUNT_ROOTS } from './host-paths.js';

const RECURSIVE = new Set(['Enabled', 'IfPossible']);

/** kube-linter's writable-host-mount, plus read-only mounts of trees whose nested mounts stay writable. */
export default defineRule({
  meta: {
    id: 'writable-host-path',
    title: 'Writable hostPath mount',
    severity: 'high',
    category: 'isolation',
    description:
      'A container, init container or ephemeral container mounts a hostPath volume (`volumeMounts[].name` naming a ' +
      '`spec.volumes[]` entry with `hostPath`) without `readOnly: true`; one finding per mount, at the mount. Also, ' +
      'at medium severity, a read-only mount of a host directory that normally carries other mounts (`/`, /var, ' +
      '/var/lib, /var/lib/kubelet, /var/lib/kubelet/pods, /run, /var/run, /sys, /proc, /dev, /mnt, and their ' +
      'parents) without `recursiveReadOnly: Enabled` or `IfPossible`: `readOnly` alone leaves those nested mounts ' +
      'writable. That second check is skipped when `mountPropagation` is HostToContainer or Bidirectional, which ' +
      'recursive read-only mounts do not allow. Mounts whose `readOnly` or `recursiveReadOnly` value is templated ' +
      'are not reported.',
    rationale:
      'Write access to the node filesystem turns a container compromise into a node compromise: replace binaries or ' +
      'kubelet configuration, drop a static pod manifest, plant SSH keys or cron jobs, or create symlinks that the ' +
      'kubelet follows as root (the /var/log symlink attack, CVE-2021-25741 through subPath). Before recursive ' +
      'read-only mounts (Kubernetes 1.30 alpha, 1.31 beta, 1.33 stable), a `readOnly` bind mount of a directory left ' +
      'every mount below it (for example the volumes of other pods under /var/lib/kubelet/pods) writable.',
    sources: [
      kubeLinterSource('writable-host-mount.yaml'),
      HOST_PATH_SOURCE,
      {
        title: 'KEP-3857: Recursive Read-only (RRO) mounts',
        url: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/3857-rro-mounts',
      },
      {
        title: 'Aqua KHV047: Pod with write access to /var/log',
        url: 'https://avd.aquasec.com/misconfig/kubernetes/khv047',
      },
    ],
    remediation:
      'Mount host paths read-only, recursively where the directory has nested mounts (recursiveReadOnly needs ' +
      '`mountPropagation` unset or None), or replace the hostPath volume:\n\n' +
      '```yaml\nvolumeMounts:\n  - name: host-logs\n    mountPath: /host/var/log\n    readOnly: true\n    recursiveReadOnly: IfPossible\n```',
    tags: ['container-escape', 'volumes', 'host-path'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const volumes = hostPathVolumes(workload);
    if (volumes.size === 0) return;
    for (const container of workload.containers) {
      asArray(container.spec.volumeMounts).forEach((raw, index) => {
        const mount = asObject(raw);
        const name = asString(mount?.name);
        const volume = name === undefined ? undefined : volumes.get(name);
        if (!mount || !volume) return;
        if (isTemplated(mount.readOnly) || isTemplated(mount.recursiveReadOnly)) return;
        const at = asString(mount.mountPath);
        const where = `hostPath volume "${name}"${volume.path === undefined ? '' : ` (host path ${show(volume.path)})`}${at === undefined ? '' : ` at ${at}`}`;
        // Recursive read-only mounts need mountPropagation None: with propagation, RRO is not an option.
        const propagation = mount.mountPropagation;
        const nested =
          volume.path !== undefined &&
          (propagation === undefined || propagation === null || propagation === 'None') &&
          SUBMOUNT_ROOTS.some((root) => isUnder(root, volume.path!));
        const path = [...container.path, 'volumeMounts', index];
        if (mount.readOnly !== true) {
          const also = nested
            ? ' and recursiveReadOnly: IfPossible (or Enabled), since the directory has nested mounts'
            : '';
          report({
            message: `${containerLabel(container)} mounts ${where} read-write: a compromised process can change node files; set readOnly: true${also}.`,
            path,
            container,
            key: `${name}:${index}`,
          });
        } else if (nested && !RECURSIVE.has(String(mount.recursiveReadOnly))) {
          report({
            message: `${containerLabel(container)} mounts ${where} read-only but not recursively: the mounts nested below it stay writable; set recursiveReadOnly: IfPossible (or Enabled).`,
            path: mount.recursiveReadOnly === undefined ? path : [...path, 'recursiveReadOnly'],
            container,
            key: `${name}:${index}`,
            severity: 'medium',
          });
        }
      });
    }
  },
});
