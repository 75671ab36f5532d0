import { defineRule } from '../rule.js';
import { SERVICE_ACCOUNTS_SOURCE, automountState, serviceAccountOf } from './common.js';

const RULE_ID = 'service-account-token-automount';

/** ID-002: the pod gets an API token it probably does not need. */
export default defineRule({
  meta: {
    id: RULE_ID,
    title: 'Service account token mounted automatically',
    severity: 'medium',
    category: 'identity',
    description:
      "The pod's ServiceAccount token is mounted into its containers: the pod spec does not set " +
      '`automountServiceAccountToken: false` and the ServiceAccount it runs as (`serviceAccountName`, else the ' +
      'deprecated `serviceAccount`, else `default`) does not set it to `false` either. The ServiceAccount is looked ' +
      'up in the scan (same namespace); when it is not there, only the pod setting counts. As in Kubernetes, the pod ' +
      'setting wins: a pod `automountServiceAccountToken: true` is reported even when the ServiceAccount sets ' +
      '`false`. A ServiceAccount that sets `automountServiceAccountToken: true` is not reported by itself, only ' +
      'through the pods that use it. Templated or non-boolean values are not judged.',
    rationale:
      'Every automounted token is a bearer credential for the Kubernetes API, readable by any process in the pod at ' +
      '`/var/run/secrets/kubernetes.io/serviceaccount/token`. Most applications never call the API, yet an attacker ' +
      'who gets code execution (RCE, SSRF with file read, a malicious dependency) can use the token to enumerate ' +
      'the cluster and exercise every RBAC permission bound to the ServiceAccount, which is how a single compromised ' +
      'pod turns into a cluster compromise (MITRE ATT&CK T1528, Steal Application Access Token; Microsoft Threat ' +
      'Matrix for Kubernetes "Container service account"). CIS Kubernetes Benchmark 5.1.6 asks for tokens to be ' +
      'mounted only where necessary.',
    sources: [
      SERVICE_ACCOUNTS_SOURCE,
      {
        title: 'Kubernetes: Service accounts (concepts)',
        url: 'https://kubernetes.io/docs/concepts/security/service-accounts/',
      },
      {
        title: 'Microsoft Threat Matrix for Kubernetes: MS-M9025 Disable Service Account Auto Mount',
        url: 'https://microsoft.github.io/Threat-Matrix-for-Kubernetes/mitigations/MS-M9025%20Disable%20Service%20Account%20Auto%20Mount/',
      },
      { title: 'Polaris security checks', url: 'https://polaris.docs.fairwinds.com/checks/security/' },
      {
        title: 'MITRE ATT&CK T1528: Steal Application Access Token',
        url: 'https://attack.mitre.org/techniques/T1528/',
      },
    ],
    remediation:
      'Disable the automount on the ServiceAccount (it then applies to every pod using it) or on the pod:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n' +
      '---\n# or in the pod template\nspec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n```\n\n' +
      'Workloads that do call the Kubernetes API (operators, controllers) keep the token; mark them so the finding ' +
      'records why, e.g. `ignore.shiftdown.dev/service-account-token-automount: "operator: watches ConfigMaps"` on ' +
      'the object or its pod template. Prefer a projected `serviceAccountToken` volume with an `audience` when the ' +
      'token is only needed for another service.',
    tags: ['workload-identity', 'service-accounts', 'rbac'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, index, report }) {
    const account = serviceAccountOf(workload);
    const sa = account.known ? index.find('ServiceAccount', resource.namespace, account.name) : undefined;
    if (automountState(workload, sa) !== 'mounted') return;
    const podSets = workload.podSpec.automountServiceAccountToken === true;
    const saValue = sa?.object.automountServiceAccountToken;
    const who =
      account.name === 'default'
        ? 'the namespace\'s "default" ServiceAccount'
        : `ServiceAccount "${account.name}"`;
    const path = podSets ? [...workload.podSpecPath, 'automountServiceAccountToken'] : workload.podSpecPath;
    const consequence =
      'anyone who gets code execution in the pod can use it against the Kubernetes API with its RBAC permissions';
    let message: string;
    if (podSets) {
      const token =
        saValue === false
          ? `, overriding automountServiceAccountToken: false on ${who}, so its API token`
          : `, so the API token of ${who}`;
      message = `The pod sets automountServiceAccountToken: true${token} is mounted into every container: ${consequence}.`;
    } else if (sa) {
      const saSays = saValue === true ? 'sets it to true' : 'does not set it';
      message = `The pod does not set automountServiceAccountToken and ${who} (in the scan) ${saSays}, so its API token is mounted into every container: ${consequence}.`;
    } else {
      message = `The pod does not set automountServiceAccountToken: false and ${who} is not in the scan, so Kubernetes mounts its API token into every container unless that ServiceAccount disables it: ${consequence}.`;
    }
    report({ message, path });
  },
});
