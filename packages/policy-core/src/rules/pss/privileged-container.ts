import { defineRule } from '../rule.js';

/** PSS baseline "Privileged Containers" (Pod Security admission check `privileged`). */
export default defineRule({
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'critical',
    category: 'isolation',
    description:
      'A container (including init and ephemeral containers) sets `securityContext.privileged: true`.',
    rationale:
      'A privileged container has every Linux capability, sees all host devices and runs without seccomp or ' +
      'AppArmor confinement: a process in it can mount the host disk or load kernel modules, which is a ' +
      'direct path to taking over the node (MITRE ATT&CK T1611, Escape to Host).',
    sources: [
      { title: 'Pod Security Standards: Privileged Containers', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
      { title: 'Pod Security admission check_privileged.go', url: 'https://github.com/kubernetes/pod-security-admission/blob/master/policy/check_privileged.go' },
    ],
    remediation:
      'Remove `privileged: true` (or set it to `false`) and grant only the specific capability the container needs:\n\n' +
      '```yaml\nsecurityContext:\n  privileged: false\n  capabilities:\n    drop: ["ALL"]\n```',
    pss: { level: 'baseline', check: 'privileged', since: 'v1.0' },
    fixable: true,
    tags: ['container-escape', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      if (container.securityContext.privileged === true) {
        report({
          message: `Container "${container.name}" runs privileged: it has full access to the host.`,
          path: [...container.path, 'securityContext', 'privileged'],
          container,
          fix: { description: 'Set privileged to false', replacement: 'privileged: false' },
        });
      }
    }
  },
});
