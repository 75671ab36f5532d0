import { defineRule } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import {
  SCORE_MATCH,
  SCORE_SPEC_REFERENCE,
  SCORE_TAGS,
  mountLabel,
  scoreContainers,
  scoreMounts,
} from './common.js';

/** Score volumes mounted read-write (IDP-004). */
export default defineRule({
  meta: {
    id: 'score-volume-not-read-only',
    title: 'Score volume mounted read-write',
    severity: 'low',
    category: 'isolation',
    description:
      'A volume of a Score container (`volumes`, mapping or list form) does not set `readOnly: true`, so it is ' +
      'mounted read-write. One finding per volume. Off by default (strict profile): many volumes exist to be ' +
      'written (data directories, caches); enable it where shared volumes must be mounted read-only unless a ' +
      'writer is declared.',
    rationale:
      'Volumes from resources are often shared: a ConfigMap or Secret projection, a volume another workload ' +
      'writes, a common cache. A read-write mount lets a compromised container tamper with what other ' +
      'containers read, or plant files they execute, and lets a bug corrupt shared state. Declaring read-only ' +
      'mounts makes writers explicit.',
    sources: [
      SCORE_SPEC_REFERENCE,
      {
        title: 'Kubernetes: Volumes (read-only mounts)',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#read-only-mounts',
      },
    ],
    remediation:
      'Mount the volume read-only unless the container must write to it:\n\n' +
      '```yaml\ncontainers:\n  main:\n    image: ghcr.io/acme/web:1.4.2\n    volumes:\n      /data:\n' +
      '        source: ${resources.data}\n        readOnly: true\n```',
    recommended: false,
    tags: [...SCORE_TAGS, 'volumes'],
  },
  match: SCORE_MATCH,
  check({ resource, report }) {
    for (const container of scoreContainers(resource)) {
      for (const mount of scoreMounts(container, 'volumes')) {
        if (mount.entry.readOnly === true) continue;
        const how = mount.entry.readOnly === false ? 'sets readOnly: false' : 'does not set readOnly: true';
        report({
          message:
            `${containerLabel(container.view)} mounts ${mountLabel(mount, 'volume')} read-write (it ${how}): the ` +
            'container can modify or plant files in a volume other workloads may read.',
          path: [...mount.path, 'readOnly'],
          container: container.view,
          key: mount.target ?? String(mount.path[mount.path.length - 1]),
        });
      }
    }
  },
});
