import { defineRule } from '../rule.js';
import { asObject } from '../../model/values.js';
import { atLeast } from '../../pss-version.js';
import {
  PSS_BASELINE_SOURCE,
  annotationPath,
  containerNoun,
  hasOwn,
  psaSource,
  show,
  stringField,
} from './common.js';
import { reportProfileTypeViolations } from './profile-type.js';

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function allowedAnnotationValue(value: unknown): boolean {
  return (
    value === 'runtime/default' ||
    value === 'docker/default' ||
    (typeof value === 'string' && value.startsWith('localhost/'))
  );
}

/** PSS baseline "Seccomp" (Pod Security admission check `seccompProfile_baseline`). */
export default defineRule({
  meta: {
    id: 'seccomp-unconfined',
    title: 'Seccomp explicitly disabled',
    severity: 'medium',
    category: 'isolation',
    description:
      'From policy v1.19: the pod or a container (init and ephemeral included) sets ' +
      '`securityContext.seccompProfile` with a `type` other than `RuntimeDefault` or `Localhost` (i.e. ' +
      '`Unconfined`). Policy v1.0 to v1.18 check the alpha annotations instead: ' +
      '`seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<container>` ' +
      'must be `runtime/default`, `docker/default` or `localhost/<profile>` when present. Leaving seccomp unset is ' +
      'allowed by baseline (restricted requires it, see `seccomp-profile-missing`).',
    rationale:
      'Seccomp filters the system calls a container may make. The runtime default profile blocks rarely needed, ' +
      'dangerous calls (unshare of user namespaces, keyctl, bpf, mount, kernel module and clock calls) that are ' +
      'the entry point of many kernel exploits, for example CVE-2022-0185 (fsconfig heap overflow reached through ' +
      'unshare) which RuntimeDefault blocked. Unconfined exposes the whole kernel attack surface.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_seccompProfile_baseline.go'),
      {
        title: "Restrict a Container's Syscalls with seccomp",
        url: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
      },
    ],
    remediation:
      'Use the runtime default profile (or a Localhost profile) instead of Unconfined, and replace the alpha ' +
      'annotations with the field:\n\n' +
      '```yaml\nsecurityContext:\n  seccompProfile:\n    type: RuntimeDefault\n```',
    pss: { level: 'baseline', check: 'seccompProfile_baseline', since: 'v1.0' },
    tags: ['container-escape', 'seccomp', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, settings, report }) {
    if (!atLeast(settings.pssVersion, 19)) {
      // v1.0 to v1.18: only the alpha annotations count.
      const annotations = asObject(workload.podMetadata.annotations) ?? {};
      if (hasOwn(annotations, SECCOMP_POD_ANNOTATION)) {
        const value = stringField(annotations[SECCOMP_POD_ANNOTATION]);
        if (!allowedAnnotationValue(value)) {
          report({
            message: `Annotation ${SECCOMP_POD_ANNOTATION} sets the pod seccomp profile to ${show(value)}; only runtime/default, docker/default and localhost/<profile> are allowed.`,
            path: annotationPath(workload, SECCOMP_POD_ANNOTATION),
            key: SECCOMP_POD_ANNOTATION,
          });
        }
      }
      for (const container of workload.containers) {
        const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + container.name;
        if (!hasOwn(annotations, key)) continue;
        const value = stringField(annotations[key]);
        if (allowedAnnotationValue(value)) continue;
        report({
          message: `Annotation ${key} sets the seccomp profile of ${containerNoun(container)} to ${show(value)}; only runtime/default, docker/default and localhost/<profile> are allowed.`,
          path: annotationPath(workload, key),
          container,
          key,
        });
      }
      return;
    }

    // v1.19+: the seccompProfile fields.
    reportProfileTypeViolations(
      workload,
      'seccompProfile',
      report,
      'only RuntimeDefault and Localhost are allowed.',
    );
  },
});
