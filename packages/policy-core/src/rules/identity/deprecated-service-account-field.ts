import { defineRule } from '../rule.js';
import { isTemplatedText } from '../../model/image.js';
import { asString } from '../../model/values.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** A DNS-1123 subdomain: safe to write back unquoted. */
const SAFE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** `spec.serviceAccount` is a deprecated alias of `serviceAccountName`. */
export default defineRule({
  meta: {
    id: 'deprecated-service-account-field',
    title: 'Deprecated serviceAccount field',
    severity: 'low',
    category: 'validity',
    description:
      'The pod spec sets the deprecated `serviceAccount` field without `serviceAccountName` (low), or sets both to ' +
      'different values (medium: the API server ignores `serviceAccount` and runs the pod as ' +
      '`serviceAccountName`). Both fields set to the same value, as `kubectl get -o yaml` prints them, is not ' +
      'reported; an empty `serviceAccount` counts as unset.',
    rationale:
      '`serviceAccount` is a deprecated alias of `serviceAccountName`, kept only for compatibility: on ' +
      'write, the API server uses it only when `serviceAccountName` is empty, and on read it overwrites it with ' +
      '`serviceAccountName`. Manifests that still use it mislead reviewers and policy tools that read only one of ' +
      'the two fields; when both disagree, the identity the pod actually gets (and the RBAC permissions and ' +
      'SPIFFE/cloud identity that come with it) is not the one a reader of `serviceAccount` expects.',
    sources: [
      {
        title: 'Kubernetes API reference: Pod (serviceAccount is a deprecated alias for serviceAccountName)',
        url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
      },
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Rename the field to `serviceAccountName` (and remove `serviceAccount`):\n\n' +
      '```yaml\nspec:\n  serviceAccountName: web\n```',
    fixable: true,
    tags: ['workload-identity', 'service-accounts'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    const alias = asString(workload.podSpec.serviceAccount);
    if (alias === undefined || alias === '') return;
    const primary = asString(workload.podSpec.serviceAccountName);
    const path = [...workload.podSpecPath, 'serviceAccount'];
    if (primary === undefined || primary === '') {
      const safe = SAFE_NAME.test(alias);
      report({
        message: `The pod sets the deprecated serviceAccount field ("${alias}") instead of serviceAccountName.`,
        path,
        ...(safe && {
          fix: {
            description: 'Rename serviceAccount to serviceAccountName',
            replacement: `serviceAccountName: ${alias}`,
          },
        }),
      });
      return;
    }
    if (primary === alias || isTemplatedText(primary) || isTemplatedText(alias)) return;
    report({
      message:
        `The deprecated serviceAccount field ("${alias}") differs from serviceAccountName ("${primary}"): the API ` +
        `server ignores serviceAccount and runs the pod as "${primary}".`,
      path,
      severity: 'medium',
    });
  },
});
