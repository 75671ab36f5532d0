import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { hasTemplate, inGroup, objectLabel } from './common.js';
import { CRON_JOBS } from './cronjob-starting-deadline-missing.js';

export default defineRule({
  meta: {
    id: 'cronjob-concurrency-allowed',
    title: 'CronJob allows overlapping runs',
    severity: 'info',
    category: 'reliability',
    description:
      'A CronJob (`batch` API group) whose `spec.concurrencyPolicy` is `Allow` or unset (the default is Allow). ' +
      'Templated values are skipped. Informational and off by default (strict profile): overlapping runs are ' +
      'fine for idempotent, independent work.',
    rationale:
      'With Allow, the controller starts a new Job at every schedule even when the previous run is still going. A ' +
      'run that slows down (a bigger backlog, a slow database) then overlaps with the next ones, which compete for ' +
      'the same resources and locks, may process the same records twice, and can snowball into many concurrent ' +
      'Jobs. Forbid skips a run while the previous one is active; Replace stops the old run.',
    sources: [
      {
        title: 'Kubernetes: CronJob, concurrency policy',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy',
      },
      CRON_JOBS,
    ],
    remediation:
      'Choose the policy explicitly; Forbid for jobs that must not overlap:\n\n' +
      '```yaml\nspec:\n  concurrencyPolicy: Forbid\n```',
    recommended: false,
    tags: ['reliability', 'batch'],
  },
  match: { kinds: ['CronJob'] },
  check({ resource, report }) {
    if (!inGroup(resource, 'batch')) return;
    const policy = getPath(resource.object, ['spec', 'concurrencyPolicy']);
    if ((isSet(policy) && policy !== 'Allow') || hasTemplate(policy)) return;
    report({
      message:
        `${objectLabel(resource)} allows concurrent runs (${isSet(policy) ? 'concurrencyPolicy: Allow' : 'concurrencyPolicy unset, so Allow'}): ` +
        'a run that outlasts the schedule interval overlaps with the next, and both may process the same work.',
      path: ['spec', 'concurrencyPolicy'],
    });
  },
});
