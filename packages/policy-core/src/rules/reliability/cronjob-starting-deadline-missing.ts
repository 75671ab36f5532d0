import { getPath, isSet } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS, inGroup, objectLabel } from './common.js';

export const CRON_JOBS = {
  title: 'Kubernetes: CronJob',
  url: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/',
};

export default defineRule({
  meta: {
    id: 'cronjob-starting-deadline-missing',
    title: 'CronJob has no starting deadline',
    severity: 'low',
    category: 'reliability',
    description:
      'A CronJob (`batch` API group) that does not set `spec.startingDeadlineSeconds`. Off by default (strict profile).',
    rationale:
      'Without a deadline, a run missed while the CronJob controller was unavailable (control-plane upgrade or ' +
      'outage, the CronJob suspended and resumed) is started whenever the controller catches up, however late: a ' +
      'nightly batch can start in the middle of the business day. The controller also counts every missed ' +
      'schedule since the last run; above 100 it emits TooManyMissedTimes warnings, and the original CronJob ' +
      'controller (replaced in Kubernetes 1.21) stopped scheduling the CronJob altogether. A deadline bounds both: ' +
      'runs that cannot start within it are skipped and counted as missed.',
    sources: [
      CRON_JOBS,
      {
        title: 'Kubernetes: CronJob, deadline for delayed job start',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#starting-deadline',
      },
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Set a deadline shorter than the schedule interval (and at least 10 seconds, the controller check period):\n\n' +
      '```yaml\nspec:\n  schedule: "0 2 * * *"\n  startingDeadlineSeconds: 600\n```',
    recommended: false,
    tags: ['reliability', 'batch'],
  },
  match: { kinds: ['CronJob'] },
  check({ resource, report }) {
    if (!inGroup(resource, 'batch')) return;
    if (isSet(getPath(resource.object, ['spec', 'startingDeadlineSeconds']))) return;
    report({
      message:
        `${objectLabel(resource)} sets no startingDeadlineSeconds: a run missed during a control-plane outage or ` +
        'upgrade starts whenever the controller catches up, however late.',
      path: ['spec', 'startingDeadlineSeconds'],
    });
  },
});
