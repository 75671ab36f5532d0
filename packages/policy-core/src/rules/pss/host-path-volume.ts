import { defineRule } from '../rule.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { PSS_BASELINE_SOURCE, psaSource, show } from './common.js';

/** PSS baseline "HostPath Volumes" (Pod Security admission check `hostPathVolumes`). */
export default defineRule({
  meta: {
    id: 'host-path-volume',
    title: 'hostPath volume',
    severity: 'high',
    category: 'isolation',
    description:
      'A volume in `spec.volumes` uses `hostPath` (one finding per volume). Baseline allows no hostPath volume at all, ' +
      'whatever the path or the `readOnly` setting of its mounts.',
    rationale:
      'A hostPath volume exposes the node filesystem to the pod. Mounting `/`, `/etc`, `/var/lib/kubelet` or the ' +
      'container runtime socket (`/var/run/docker.sock`, `/run/containerd/containerd.sock`) gives node root or ' +
      'control of every container on it; even "read-only" mounts leak kubelet credentials and other pods\' ' +
      'secrets, and symlink tricks turned volume subPaths into host file access (CVE-2021-25741). ' +
      '(MITRE ATT&CK T1611, Escape to Host.)',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_hostPathVolumes.go'),
      {
        title: 'Kubernetes volumes: hostPath',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      },
    ],
    remediation:
      'Replace the hostPath volume with a PersistentVolumeClaim, a configMap/secret/projected volume, or an ' +
      'emptyDir for scratch space:\n\n' +
      '```yaml\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n```',
    pss: { level: 'baseline', check: 'hostPathVolumes', since: 'v1.0' },
    tags: ['container-escape', 'volumes', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    asArray(workload.podSpec.volumes).forEach((raw, index) => {
      const volume = asObject(raw);
      if (!volume || !isSet(volume.hostPath)) return;
      const name = asString(volume.name) ?? `volumes[${index}]`;
      const hostPath = asString(asObject(volume.hostPath)?.path);
      const where = hostPath === undefined ? '' : ` (host path ${show(hostPath)})`;
      report({
        message: `Volume "${name}" mounts a hostPath${where} from the node.`,
        path: [...workload.podSpecPath, 'volumes', index, 'hostPath'],
        key: name,
      });
    });
  },
});
