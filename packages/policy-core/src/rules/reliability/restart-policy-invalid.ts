import { isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { show } from '../pss/common.js';
import { hasTemplate, objectLabel } from './common.js';

/** Kinds whose pods must run to completion: `restartPolicy` OnFailure or Never (the default Always is rejected). */
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);
/** Controllers that keep pods running: only `restartPolicy` Always (the default). */
const KEEP_RUNNING = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
]);

export default defineRule({
  meta: {
    id: 'restart-policy-invalid',
    title: 'Pod restartPolicy is not allowed for this kind',
    severity: 'high',
    category: 'validity',
    description:
      'A Job or CronJob whose pod template sets `restartPolicy: Always` or does not set it (the pod default is ' +
      'Always); or a Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController whose pod template ' +
      'sets a `restartPolicy` other than Always. Sidecar init containers (`restartPolicy: Always` on the container) ' +
      'are unaffected. Templated values are skipped.',
    rationale:
      'The API server rejects these objects ("Unsupported value: \\"Always\\": supported values: \\"OnFailure\\", ' +
      '\\"Never\\"" for Jobs; "supported values: \\"Always\\"" for controllers), so the apply fails. Forgetting ' +
      '`restartPolicy` on a Job is the most common cause: the pod-level default is Always, which would restart a ' +
      'successfully finished container forever, so Jobs must choose between retrying in place (OnFailure) and ' +
      'creating a new pod per attempt (Never).',
    sources: [
      {
        title: 'Kubernetes: Jobs, pod template',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template',
      },
      {
        title: 'Kubernetes: Pod lifecycle, restart policy',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
      },
      {
        title: 'kube-score checks (cronjob-restartpolicy)',
        url: 'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
      },
    ],
    remediation:
      'Jobs and CronJobs: set `restartPolicy: OnFailure` (retry in the same pod) or `Never` (new pod per attempt, ' +
      'failed pods kept for inspection). Controllers: remove `restartPolicy` or set it to Always.\n\n' +
      '```yaml\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n```',
    fixable: true,
    tags: ['reliability', 'validity', 'batch'],
  },
  match: { workloads: true },
  check({ resource, workload, report }) {
    const kind = workload.kind.kind;
    const policy = workload.podSpec.restartPolicy;
    const path = [...workload.podSpecPath, 'restartPolicy'];
    if (hasTemplate(policy)) return;
    if (RUN_TO_COMPLETION.has(kind) && policy !== 'OnFailure' && policy !== 'Never') {
      report({
        message: isSet(policy)
          ? `${objectLabel(resource)} sets restartPolicy: ${show(policy)}, which the API server rejects for Jobs: ` +
            'only OnFailure and Never are allowed.'
          : `${objectLabel(resource)} does not set restartPolicy, so it defaults to Always, which the API server ` +
            'rejects for Jobs: set OnFailure or Never.',
        path,
        ...(isSet(policy) && {
          fix: { description: 'Set restartPolicy to OnFailure', replacement: 'restartPolicy: OnFailure' },
        }),
      });
    } else if (KEEP_RUNNING.has(kind) && isSet(policy) && policy !== 'Always') {
      report({
        message:
          `${objectLabel(resource)} sets restartPolicy: ${show(policy)}, which the API server rejects: a controller ` +
          'that keeps pods running allows only Always.',
        path,
        fix: { description: 'Set restartPolicy to Always', replacement: 'restartPolicy: Always' },
      });
    }
  },
});
