import { defineRule } from '../rule.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { SERVICE_ACCOUNTS_ADMIN_SOURCE, namespacePhrase, serviceAccountOf } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** A pod references a ServiceAccount the repository does not define, in a namespace where it defines others. */
export default defineRule({
  meta: {
    id: 'service-account-not-found',
    title: 'ServiceAccount not found',
    severity: 'medium',
    category: 'identity',
    description:
      'The pod names a ServiceAccount (`serviceAccountName`, else the deprecated `serviceAccount`) that is not in ' +
      'the scan, while the scan does define other ServiceAccounts in the same namespace: the manifests manage ' +
      'ServiceAccounts there, so the reference is most likely a typo or a forgotten object. The closest defined name ' +
      'is suggested. Not reported for `default` (created in every namespace by the cluster), for templated names, ' +
      'or when the scan defines no ServiceAccount in that namespace (it may be created elsewhere).',
    rationale:
      'The ServiceAccount admission controller rejects a pod whose ServiceAccount does not exist, so a Deployment or ' +
      'Job with a misspelt name never gets a running pod (the ReplicaSet or Job controller keeps failing with ' +
      '"error looking up service account"). Worse, when someone "fixes" this by creating the account by hand, it ' +
      'lives outside version control, without the RBAC bindings and workload identity annotations the intended ' +
      'account carries.',
    sources: [SERVICE_ACCOUNTS_ADMIN_SOURCE, KUBE_LINTER_CHECKS],
    remediation:
      'Fix the name, or add the ServiceAccount to the manifests next to the workload:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n' +
      'automountServiceAccountToken: false\n```',
    tags: ['workload-identity', 'service-accounts'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, index, report }) {
    const account = serviceAccountOf(workload);
    if (!account.known || account.field === undefined || account.name === 'default') return;
    const defined = index.inNamespace('ServiceAccount', resource.namespace);
    if (defined.length === 0) return;
    if (index.find('ServiceAccount', resource.namespace, account.name)) return;
    const names = defined.map((sa) => sa.name).filter((name): name is string => name !== undefined);
    const suggestion = didYouMean(account.name, names);
    const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
    report({
      message:
        `ServiceAccount "${account.name}" is not defined in the scan, which defines other ServiceAccounts in ` +
        `${namespacePhrase(resource.namespace)}${hint}: the ServiceAccount admission controller rejects pods that ` +
        'reference a missing account.',
      path: account.path,
    });
  },
});
