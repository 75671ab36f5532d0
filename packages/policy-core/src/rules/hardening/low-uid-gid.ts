import { defineRule } from '../rule.js';
import { SECURITY_CONTEXT_SOURCE, asInteger, describeSetting, effectiveSettings } from './common.js';

/** Highest UID/GID treated as "low": kube-score, kubesec and Trivy ask for more than 10000. */
const LOW_ID_MAX = 10000;

/** UIDs and GIDs that may belong to accounts on the node. */
export default defineRule({
  meta: {
    id: 'low-uid-gid',
    title: 'Low UID or GID',
    severity: 'low',
    category: 'isolation',
    description:
      `The effective \`runAsUser\` or \`runAsGroup\` of a container, init container or ephemeral container is set ` +
      `and between 1 and ${LOW_ID_MAX} (reported once at the pod level when containers inherit it, else at the ` +
      'container; one finding per field). 0 is left to `run-as-root-user` and `root-group`. Not reported for pods ' +
      'with `hostUsers: false` (their IDs are mapped to an unprivileged host range), for Windows pods, or for unset ' +
      'and templated values.',
    rationale:
      'Without a user namespace, container UIDs and GIDs are host UIDs and GIDs. Low IDs are where distributions ' +
      'put system and login accounts: a process that escapes the container, or writes to a shared hostPath or NFS ' +
      'volume, acts as that host account and can touch its files. IDs above 10000 are unlikely to collide ' +
      '(kube-score container-security-context-user-group-id, kubesec RunAsUser/RunAsGroup).',
    sources: [
      SECURITY_CONTEXT_SOURCE,
      { title: 'kube-score checks', url: 'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md' },
    ],
    remediation:
      'Run as a high, unused UID and GID (and build the image for it), or use a user namespace:\n\n' +
      '```yaml\nsecurityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n```',
    recommended: false,
    tags: ['root'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (workload.isWindows || workload.userNamespace) return;
    for (const field of ['runAsUser', 'runAsGroup'] as const) {
      for (const setting of effectiveSettings(workload, field)) {
        const id = asInteger(setting.value);
        if (id === undefined || id < 1 || id > LOW_ID_MAX) continue;
        report({
          message: `${describeSetting(setting, field, String(id))}, at or below ${LOW_ID_MAX}, where it may match an account on the node.`,
          path: setting.path,
          ...(setting.container && { container: setting.container }),
          valueSource: setting.source,
          key: field,
        });
      }
    }
  },
});
