import type { Path } from '../../types.js';
import type { ContainerView } from '../../model/workload.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { defineRule, type ReportDescriptor } from '../rule.js';
import { containerLabel } from '../pss/common.js';
import { CLOUD_CREDENTIAL_NAMES, secretValueKind } from '../shared/secrets.js';
import {
  CWE_798,
  POLARIS_SECURITY,
  SECRETS_GOOD_PRACTICES,
  describeHit,
  literalSecret,
  type SecretHit,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** What to use instead of a static key, by the credential's cloud; undefined for non-cloud secrets. */
function workloadIdentityAdvice(name: string, hit: SecretHit): string | undefined {
  const upper = name.toUpperCase();
  const cloudName = CLOUD_CREDENTIAL_NAMES.has(upper);
  if (hit.kind === 'AWS access key id' || (cloudName && upper.startsWith('AWS_'))) {
    return 'use IAM roles for service accounts (IRSA) or EKS Pod Identity instead of static AWS keys';
  }
  if (!cloudName) return undefined;
  if (upper.startsWith('AZURE_') || upper.startsWith('ARM_')) {
    return 'use Microsoft Entra Workload ID (Azure Workload Identity) instead of a client secret or key';
  }
  if (upper.startsWith('GOOGLE_')) return 'use GKE Workload Identity Federation instead of Google keys';
  if (upper.startsWith('ALIBABA_'))
    return 'use RRSA (RAM roles for service accounts) instead of AccessKey pairs';
  return 'use short-lived credentials from workload identity instead of a static token';
}

const FLAG_WITH_VALUE = /^--?([A-Za-z][\w.-]*)=(.+)$/s;
const FLAG_ALONE = /^--?([A-Za-z][\w.-]*)$/;

interface Literal {
  what: string;
  name: string;
  hit: SecretHit;
  path: Path;
}

/** Literal secrets in `command`/`args`: credential shapes anywhere, and `--password=…` / `--token …` flags. */
function commandLiterals(container: ContainerView): Literal[] {
  const found: Literal[] = [];
  for (const field of ['command', 'args'] as const) {
    const items = asArray(container.spec[field]);
    items.forEach((raw, index) => {
      if (typeof raw !== 'string') return;
      const path: Path = [...container.path, field, index];
      const kind = secretValueKind(raw);
      if (kind) {
        found.push({ what: `${field}[${index}]`, name: field, hit: { kind, length: raw.length }, path });
        return;
      }
      const inline = FLAG_WITH_VALUE.exec(raw);
      const flag = inline?.[1] ?? FLAG_ALONE.exec(raw)?.[1];
      if (flag === undefined) return;
      const next = items[index + 1];
      const value = inline ? inline[2] : typeof next === 'string' && !next.startsWith('-') ? next : undefined;
      // A separate value with a credential shape is reported on its own item.
      if (value === undefined || (!inline && secretValueKind(value))) return;
      const hit = literalSecret(flag, value);
      if (!hit) return;
      const valueIndex = inline ? index : index + 1;
      found.push({ what: `flag --${flag}`, name: flag, hit, path: [...container.path, field, valueIndex] });
    });
  }
  return found;
}

/** Literal credentials in env values and arguments (Part A row 46; Part F ID-003). */
export default defineRule({
  meta: {
    id: 'literal-secret-in-env',
    title: 'Literal secret in environment variable or argument',
    severity: 'high',
    category: 'identity',
    description:
      'A container, init container or ephemeral container has an `env` entry with a literal `value` that is a ' +
      'secret: either the value has the shape of a known credential (private key, AWS access key id, GitHub, ' +
      'Slack, Google, OpenAI or Stripe key, JSON web token, URL with a password), whatever the name; or the name ' +
      'looks like a secret (PASSWORD, DB_PASS, API_KEY, CLIENT_SECRET, AUTH_TOKEN, camelCase `clientSecret`, the ' +
      'well-known cloud key names) and the value is real: not empty or shorter than 4 characters, not a ' +
      'placeholder (`changeme`, `<…>`, `${…}`, `$(VAR)`, `{{…}}`), reference, path, encrypted value (`ENC[…]`, ' +
      '`{cipher}`), boolean, short number or duration. Names of metadata (`*_FILE`, `*_PATH`, `*_NAME`, `*_URL`, ' +
      '`*_TTL`, `*_AUDIENCE`, …) are skipped. `command` and `args` items are checked the same way: credential ' +
      'shapes anywhere, and `--password=…` or `--token …` flags. `valueFrom` references are not reported here (see ' +
      '`secret-in-env-reference`). One finding per value; messages never show the value, only its kind or length.',
    rationale:
      'A literal in a pod spec is stored in plain text in Git history, in etcd (clusters usually encrypt only ' +
      'Secrets at rest), in every ReplicaSet revision, and is shown to anyone with `get` on pods or deployments, ' +
      'by `kubectl describe`, CI logs and dashboards. It cannot be rotated without a redeploy and usually outlives ' +
      'its owner. Static cloud keys are the worst case: valid from anywhere until revoked, while workload identity ' +
      'gives the pod short-lived, audience-bound credentials (MITRE ATT&CK T1552.001, Unsecured Credentials: ' +
      'Credentials In Files; CWE-798).',
    sources: [
      SECRETS_GOOD_PRACTICES,
      {
        title: 'Kubernetes: Distribute credentials securely using Secrets',
        url: 'https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/',
      },
      {
        title: 'Amazon EKS: IAM roles for service accounts',
        url: 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
      },
      {
        title: 'Amazon EKS Pod Identity',
        url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
      },
      {
        title: 'AKS: Microsoft Entra Workload ID',
        url: 'https://learn.microsoft.com/azure/aks/workload-identity-overview',
      },
      {
        title: 'GKE: Workload Identity Federation',
        url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity',
      },
      POLARIS_SECURITY,
      KUBE_LINTER_CHECKS,
      {
        title: 'MITRE ATT&CK T1552.001: Credentials In Files',
        url: 'https://attack.mitre.org/techniques/T1552/001/',
      },
      CWE_798,
    ],
    remediation:
      'Rotate the exposed credential, then move it out of the manifest: into a Secret managed outside Git ' +
      '(External Secrets, Sealed Secrets, SOPS) mounted as a file, or, for cloud APIs, replace it with workload ' +
      'identity (IRSA / EKS Pod Identity, Azure Workload Identity, GKE Workload Identity):\n\n' +
      '```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n```',
    tags: ['secrets', 'workload-identity'],
  },
  match: { workloads: true },
  check({ workload, report }) {
    for (const container of workload.containers) {
      const literals: Literal[] = [];
      asArray(container.spec.env).forEach((raw, index) => {
        const entry = asObject(raw);
        const name = asString(entry?.name);
        const value = asString(entry?.value);
        if (name === undefined || value === undefined) return;
        const hit = literalSecret(name, value);
        if (hit)
          literals.push({ what: `env ${name}`, name, hit, path: [...container.path, 'env', index, 'value'] });
      });
      literals.push(...commandLiterals(container));
      for (const literal of literals) {
        const advice =
          workloadIdentityAdvice(literal.name, literal.hit) ??
          'anyone who can read the manifest, its Git history or the pod spec can read it; reference a Secret instead';
        const descriptor: ReportDescriptor = {
          message: `${containerLabel(container)} sets ${literal.what} to ${describeHit(literal.hit)}: ${advice}.`,
          path: literal.path,
          container,
          key: literal.what,
        };
        report(descriptor);
      }
    }
  },
});
