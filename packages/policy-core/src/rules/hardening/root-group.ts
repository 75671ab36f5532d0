import { defineRule } from '../rule.js';
import { asArray } from '../../model/values.js';
import { PSS_RESTRICTED_SOURCE, podSecurityContextPath } from '../pss/common.js';
import { SECURITY_CONTEXT_SOURCE, asInteger, describeSetting, effectiveSettings } from './common.js';

const WHY =
  'files that belong to the root group (often group-writable in images and on volumes) become accessible';

/** The Pod Security Standards' optional "non-root groups" control, which Pod Security admission does not enforce. */
export default defineRule({
  meta: {
    id: 'root-group',
    title: 'Runs with the root group',
    severity: 'medium',
    category: 'isolation',
    description:
      'The effective `runAsGroup` of a container, init container or ephemeral container is 0 (reported once at the ' +
      'pod level when containers inherit it, else at the container), `spec.securityContext.supplementalGroups` ' +
      'contains 0, or `spec.securityContext.fsGroup` is 0 (one finding per field). Low instead of medium for pods ' +
      'with `hostUsers: false`, where GID 0 is not the host root group. Windows pods are skipped (the fields cannot ' +
      'be set); unset and templated values are not reported.',
    rationale:
      'GID 0 is the root group. Images and volumes often make files group-owned by root and group-writable (the ' +
      'OpenShift arbitrary-UID convention relies on it), and host files are root-group owned: a process in group 0 ' +
      'can read or change them, and a container escape lands with the root group on the node. fsGroup 0 also makes ' +
      'the kubelet chown every supporting volume to the root group. The Pod Security Standards list non-root groups ' +
      'as an optional restricted control that admission does not enforce.',
    sources: [PSS_RESTRICTED_SOURCE, SECURITY_CONTEXT_SOURCE],
    remediation:
      'Use a non-zero group for the process, the supplemental groups and the volume group:\n\n' +
      '```yaml\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n    fsGroup: 10001\n' +
      '    supplementalGroups: [10001]\n```',
    tags: ['root'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (workload.isWindows) return;
    const severity = workload.userNamespace ? 'low' : 'medium';
    for (const setting of effectiveSettings(workload, 'runAsGroup')) {
      if (asInteger(setting.value) !== 0) continue;
      report({
        message: `${describeSetting(setting, 'runAsGroup', '0')}: processes run with the root group, so ${WHY}.`,
        path: setting.path,
        ...(setting.container && { container: setting.container }),
        valueSource: setting.source,
        key: 'runAsGroup',
        severity,
      });
    }
    asArray(workload.podSecurityContext.supplementalGroups).forEach((group, index) => {
      if (asInteger(group) !== 0) return;
      report({
        message: `The pod lists group 0 in supplementalGroups: every container joins the root group, so ${WHY}.`,
        path: podSecurityContextPath(workload, 'supplementalGroups', index),
        key: 'supplementalGroups',
        severity,
      });
    });
    if (asInteger(workload.podSecurityContext.fsGroup) === 0) {
      report({
        message:
          'The pod sets fsGroup: 0: its volumes are made group-owned by root and every container joins the root group.',
        path: podSecurityContextPath(workload, 'fsGroup'),
        key: 'fsGroup',
        severity,
      });
    }
  },
});
