import { defineRule } from '../rule.js';
import { asObject, isSet } from '../../model/values.js';
import { PSS_BASELINE_SOURCE, annotationPath, containerNoun, psaSource, show } from './common.js';
import { reportProfileTypeViolations } from './profile-type.js';

export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Annotation values: empty, `runtime/default` or `localhost/<profile>`. */
function allowedAnnotationValue(value: unknown): boolean {
  if (!isSet(value) || value === '' || value === 'runtime/default') return true;
  return typeof value === 'string' && value.startsWith('localhost/');
}

/** PSS baseline "AppArmor" (Pod Security admission check `appArmorProfile`). */
export default defineRule({
  meta: {
    id: 'apparmor-unconfined',
    title: 'AppArmor profile disabled or overridden',
    severity: 'medium',
    category: 'isolation',
    description:
      'The pod or a container (init and ephemeral included) sets `securityContext.appArmorProfile.type` to anything ' +
      'but `RuntimeDefault` or `Localhost` (i.e. `Unconfined`), or the pod template has a ' +
      '`container.apparmor.security.beta.kubernetes.io/<container>` annotation whose value is not empty, ' +
      '`runtime/default` or `localhost/<profile>`. Pod Security admission checks both the fields and the deprecated ' +
      'annotations at every policy version; one finding per offending field or annotation.',
    rationale:
      "The runtime's default AppArmor profile denies writes to sensitive parts of /proc and /sys, mounts and raw " +
      'access to kernel interfaces. Running unconfined removes that layer, so a process that gains root or extra ' +
      'capabilities in the container has an easier path to the node: several container escapes (for example ' +
      'cgroup release_agent abuse, CVE-2022-0492) are blocked by the default profile.',
    sources: [
      PSS_BASELINE_SOURCE,
      psaSource('check_appArmorProfile.go'),
      {
        title: "Restrict a Container's Access to Resources with AppArmor",
        url: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
      },
    ],
    remediation:
      'Use the runtime default profile (or a custom profile loaded on the node) and remove `unconfined` ' +
      'annotations:\n\n' +
      '```yaml\nsecurityContext:\n  appArmorProfile:\n    type: RuntimeDefault\n```',
    pss: { level: 'baseline', check: 'appArmorProfile', since: 'v1.0' },
    tags: ['container-escape', 'apparmor', 'pod-security-standards'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    reportProfileTypeViolations(
      workload,
      'appArmorProfile',
      report,
      'only RuntimeDefault and Localhost are allowed.',
    );
    const annotations = asObject(workload.podMetadata.annotations) ?? {};
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || allowedAnnotationValue(value)) continue;
      const name = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
      const container = workload.containers.find((c) => c.name === name);
      report({
        message:
          `Annotation ${key} sets the AppArmor profile of ${container ? containerNoun(container) : `container "${name}"`} ` +
          `to ${show(value)}; only runtime/default and localhost/<profile> are allowed.`,
        path: annotationPath(workload, key),
        ...(container && { container }),
        key,
      });
    }
  },
});
