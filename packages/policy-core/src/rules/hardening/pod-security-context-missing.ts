import { defineRule } from '../rule.js';
import { asObject } from '../../model/values.js';
import { SECURITY_CONTEXT_SOURCE, nonEmpty } from './common.js';

/** No security context anywhere: every setting is the runtime default. */
export default defineRule({
  meta: {
    id: 'pod-security-context-missing',
    title: 'No security context at all',
    severity: 'low',
    category: 'isolation',
    description:
      'The pod has no `spec.securityContext` (absent, null or empty) and none of its containers, init containers or ' +
      'ephemeral containers sets a non-empty `securityContext`. One finding per pod template, at the pod spec (or ' +
      'at the empty `securityContext`).',
    rationale:
      'Without any security context the workload runs with every runtime default: the image user (often root), the ' +
      'default capability set including NET_RAW, a writable root filesystem, privilege escalation allowed and no ' +
      'seccomp profile unless the kubelet defaults one. Nobody has reviewed its privileges; Trivy (KSV-0118), ' +
      'Checkov (CKV_K8S_29/30) and kube-score flag the same situation.',
    sources: [SECURITY_CONTEXT_SOURCE],
    remediation:
      'Start from a restricted security context at pod and container level:\n\n' +
      '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n' +
      '  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation: false\n' +
      '        readOnlyRootFilesystem: true\n        capabilities:\n          drop: ["ALL"]\n```',
    recommended: false,
    tags: ['defaults'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    if (nonEmpty(asObject(workload.podSpec.securityContext))) return;
    if (workload.containers.some((c) => nonEmpty(c.securityContext))) return;
    report({
      message:
        'Neither the pod nor any of its containers sets a securityContext: every privilege setting is the runtime default.',
      path: [...workload.podSpecPath, 'securityContext'],
    });
  },
});
