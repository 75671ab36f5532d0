import { defineRule } from '../rule.js';
import { asObject } from '../../model/values.js';
import { containerLabel, hasOwn } from '../pss/common.js';
import { SPIFFE_CSI_SOURCE, mountsOf, volumesOf } from './common.js';

const DRIVER = 'csi.spiffe.io';

/** ID-005: the SPIFFE CSI volume or one of its mounts is not read-only. */
export default defineRule({
  meta: {
    id: 'spiffe-csi-writable',
    title: 'SPIFFE CSI volume not read-only',
    severity: 'medium',
    category: 'identity',
    description:
      'A `csi` volume with `driver: csi.spiffe.io` does not set `readOnly: true` (medium), or a container mounts it ' +
      'without `readOnly: true` in its volumeMount (low, one finding per mount).',
    rationale:
      'The SPIFFE CSI driver bind-mounts the node directory that holds the SPIRE agent socket, shared by every pod ' +
      'on the node. The driver writes it read-write on the host and relies on the volume being read-only so the ' +
      'kubelet mounts it read-only into containers; current driver versions refuse to publish a volume without ' +
      '`csi.readOnly: true` ("pod.spec.volumes[].csi.readOnly must be set to \'true\'"), so the pod never starts, ' +
      'and older or forked drivers would hand the pod a writable view of the shared socket directory, letting a ' +
      "compromised workload delete or replace the socket and intercept other pods' SVID requests. Marking each " +
      'volumeMount read-only as well keeps the intent explicit and does not depend on the driver enforcing it.',
    sources: [
      SPIFFE_CSI_SOURCE,
      {
        title: 'spiffe-csi driver: NodePublishVolume requires csi.readOnly',
        url: 'https://github.com/spiffe/spiffe-csi/blob/main/pkg/driver/driver.go',
      },
    ],
    remediation:
      'Set `readOnly: true` on the volume and on every mount of it:\n\n' +
      '```yaml\nvolumes:\n  - name: spiffe-workload-api\n    csi:\n      driver: csi.spiffe.io\n      readOnly: true\n' +
      'containers:\n  - name: app\n    volumeMounts:\n      - name: spiffe-workload-api\n' +
      '        mountPath: /spiffe-workload-api\n        readOnly: true\n```',
    fixable: true,
    tags: ['workload-identity', 'spiffe'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const volume of volumesOf(workload)) {
      const csi = asObject(volume.spec.csi);
      if (!csi || csi.driver !== DRIVER) continue;
      if (csi.readOnly !== true) {
        const set = hasOwn(csi, 'readOnly');
        report({
          message:
            `SPIFFE CSI volume "${volume.name}" does not set readOnly: true: the driver refuses to mount it (the pod ` +
            'does not start), and a driver that does not enforce it exposes the shared socket directory writable.',
          path: [...volume.path, 'csi', ...(set ? ['readOnly'] : [])],
          key: volume.name,
          ...(set &&
            csi.readOnly === false && {
              fix: { description: 'Set readOnly to true', replacement: 'readOnly: true' },
            }),
        });
      }
      for (const mount of mountsOf(workload, volume.name)) {
        if (mount.spec.readOnly === true) continue;
        const set = hasOwn(mount.spec, 'readOnly');
        report({
          message:
            `${containerLabel(mount.container)} mounts SPIFFE CSI volume "${volume.name}" without readOnly: true; ` +
            'mark the mount read-only so the shared Workload API directory can never be written from the pod.',
          path: set ? [...mount.path, 'readOnly'] : mount.path,
          container: mount.container,
          key: `${volume.name}:${mount.index}`,
          severity: 'low',
          ...(set &&
            mount.spec.readOnly === false && {
              fix: { description: 'Set readOnly to true', replacement: 'readOnly: true' },
            }),
        });
      }
    }
  },
});
