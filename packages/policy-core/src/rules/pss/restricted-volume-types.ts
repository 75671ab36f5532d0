import { defineRule } from '../rule.js';
import { asArray, asObject, asString, isSet } from '../../model/values.js';
import { PSS_RESTRICTED_SOURCE, psaSource } from './common.js';

/** Volume sources the restricted level allows. */
export const ALLOWED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** Every other volume source of the core API: restricted forbids them. */
export const RESTRICTED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'portworxVolume',
  'photonPersistentDisk',
  'scaleIO',
  'storageos',
]);

/** PSS restricted "Volume Types" (Pod Security admission check `restrictedVolumes`). */
export default defineRule({
  meta: {
    id: 'restricted-volume-types',
    title: 'Volume type not allowed by restricted',
    severity: 'low',
    category: 'isolation',
    description:
      'A volume in `spec.volumes` uses a source other than configMap, csi, downwardAPI, emptyDir, ephemeral, image, ' +
      'persistentVolumeClaim, projected or secret: hostPath and the in-tree network and cloud volume types ' +
      '(nfs, iscsi, rbd, cephfs, glusterfs, gitRepo, awsElasticBlockStore, gcePersistentDisk, azureDisk, …) and any ' +
      'unrecognised source. One finding per offending volume source. A volume with no source at all defaults to ' +
      'emptyDir and is allowed.',
    rationale:
      "Non-core volume types are mounted by the kubelet on the node, with the node's credentials and kernel " +
      'drivers, from parameters the pod author controls: a pod can attach arbitrary network storage or devices, ' +
      'reach storage backends as the node, and exercise kernel filesystem code. gitRepo volumes run git on the ' +
      'node and let a pod author run commands outside the container through repository hooks (CVE-2024-10220). Restricted workloads ' +
      'should get storage only through PersistentVolumeClaims that a cluster administrator controls.',
    sources: [
      PSS_RESTRICTED_SOURCE,
      psaSource('check_restrictedVolumes.go'),
      {
        title: 'CVE-2024-10220: arbitrary command execution through gitRepo volume',
        url: 'https://github.com/kubernetes/kubernetes/issues/128885',
      },
    ],
    remediation:
      'Replace the volume with a PersistentVolumeClaim (backed by a StorageClass or PersistentVolume the ' +
      'administrator defines) or a configMap/secret/projected/emptyDir volume:\n\n' +
      '```yaml\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n```',
    pss: { level: 'restricted', check: 'restrictedVolumes', since: 'v1.0' },
    tags: ['volumes', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    asArray(workload.podSpec.volumes).forEach((raw, index) => {
      const volume = asObject(raw);
      if (!volume) return;
      const name = asString(volume.name) ?? `volumes[${index}]`;
      for (const [source, value] of Object.entries(volume)) {
        if (source === 'name' || ALLOWED_VOLUME_SOURCES.has(source) || !isSet(value)) continue;
        const known = RESTRICTED_VOLUME_SOURCES.has(source);
        report({
          message: known
            ? `Volume "${name}" uses a ${source} volume, which the restricted level does not allow.`
            : `Volume "${name}" uses the unrecognised volume source "${source}"; the restricted level allows only core volume types.`,
          path: [...workload.podSpecPath, 'volumes', index, source],
          key: `${name}:${source}`,
        });
      }
    });
  },
});
