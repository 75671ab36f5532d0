import { asArray, asObject, getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { inGroup, isControllerOwned, objectLabel } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'job-ttl-missing',
    title: 'Job is never cleaned up',
    severity: 'low',
    category: 'reliability',
    description:
      'A Job (`batch` API group) that sets no `spec.ttlSecondsAfterFinished` and is not owned by a CronJob or ' +
      'another controller (a CronJob cleans up its Jobs through `successfulJobsHistoryLimit` and ' +
      '`failedJobsHistoryLimit`; CronJob job templates are not checked). Off by default (strict profile): some ' +
      'deployment tools (for example Argo CD hooks with a delete policy) delete Jobs themselves.',
    rationale:
      'A finished Job and its pods stay in the cluster until someone deletes them. They accumulate in etcd and in ' +
      'every `kubectl get pods`, keep references to Secrets and ConfigMaps alive, and a Job with the same name ' +
      'cannot be created again while the old one exists, so re-running a migration Job from a pipeline fails with ' +
      '"already exists" (and changing its immutable pod template fails too). The TTL-after-finished controller ' +
      'deletes the Job and its pods a set time after it completes or fails.',
    sources: [
      {
        title: 'Kubernetes: Automatic cleanup for finished Jobs',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/',
      },
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Let Kubernetes delete the Job some time after it finishes (long enough to read its logs):\n\n' +
      '```yaml\nspec:\n  ttlSecondsAfterFinished: 86400\n```',
    recommended: false,
    tags: ['reliability', 'batch'],
  },
  match: { kinds: ['Job'] },
  check({ resource, report }) {
    if (!inGroup(resource, 'batch') || isControllerOwned(resource)) return;
    if (asArray(resource.metadata.ownerReferences).some((ref) => asObject(ref)?.kind === 'CronJob')) return;
    if (isSet(getPath(resource.object, ['spec', 'ttlSecondsAfterFinished']))) return;
    report({
      message:
        `${objectLabel(resource)} sets no ttlSecondsAfterFinished: the finished Job and its pods stay in the ` +
        'cluster until someone deletes them, and the Job cannot be re-created under the same name meanwhile.',
      path: ['spec', 'ttlSecondsAfterFinished'],
    });
  },
});
