import type { Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { dangerousMatches, isFullWildcard, type DangerousMatch } from './permissions.js';
import {
  RBAC_DOC,
  RBAC_TAGS,
  ROLE_KINDS,
  goodPractices,
  listText,
  maxSeverity,
  resourceItemPath,
  roleEntries,
  verbItemPath,
  type RoleEntry,
} from './common.js';

const EFFECTS: Readonly<Record<string, string>> = {
  escalate: 'create or edit roles with permissions it does not hold',
  bind: 'bind roles (up to cluster-admin) without holding their permissions',
  impersonate: 'act as another identity',
  'serviceaccounts/token:create': 'mint tokens for ServiceAccounts and use their rights',
  'signers:approve':
    'approve CSRs for API client certificates, i.e. log in as any user or group the signer accepts',
};

function describe(label: string, matches: readonly DangerousMatch[]): string {
  const mine = matches.filter((m) => m.label === label);
  const resources = [...new Set(mine.map((m) => m.resource))];
  const verb = mine[0]!.verb;
  return `${verb} on ${listText(resources)} (${EFFECTS[label]})`;
}

/** A grant limited to named objects that are not themselves privileged is one step less severe. */
function severityOf(match: DangerousMatch, entry: RoleEntry): Severity {
  if (!match.named) return 'high';
  if (match.label === 'impersonate' || match.label === 'serviceaccounts/token:create') {
    return entry.rule.resourceNames.some((n) => n.startsWith('system:')) ? 'high' : 'medium';
  }
  return 'high';
}

/** escalate, bind, impersonate, token minting, CSR approval (Part A row 42; API-011). */
export default defineRule({
  meta: {
    id: 'rbac-privilege-escalation-verbs',
    title: 'RBAC rule allows privilege escalation',
    severity: 'high',
    category: 'rbac',
    description:
      'A rule entry of a Role or ClusterRole grants one of the RBAC escalation primitives (directly or through ' +
      '`*`): `escalate` on `roles`/`clusterroles`; `bind` on `roles`/`clusterroles` (with `resourceNames`, only ' +
      'when it names cluster-admin, admin or edit); `impersonate` on `users`, `groups`, `serviceaccounts`, ' +
      '`uids` or `userextras/*`; `create` on `serviceaccounts/token`; `approve` on the API-client `signers` ' +
      '(`kubernetes.io/kube-apiserver-client`, `-kubelet`, `kubernetes.io/*` or all) when the role can also update ' +
      '`certificatesigningrequests/approval`. High; medium for `impersonate` and token creation limited by ' +
      '`resourceNames` to names not starting with `system:`. In a Role, permissions on cluster-scoped resources ' +
      '(users, groups, uids, ClusterRole escalation, signers) are ignored: a Role cannot grant them. One finding ' +
      'per entry, at the verb item (the resources item for tokens). Not covered: admission webhook configuration ' +
      'and namespace label changes. Platform-owned roles, aggregated ClusterRoles and full-wildcard entries ' +
      '(rbac-wildcard) are skipped.',
    rationale:
      'RBAC normally stops a subject from granting more than it holds; `escalate` and `bind` are the explicit ' +
      'exceptions, so a subject with them can give itself cluster-admin. `impersonate` lets it send requests as ' +
      'any user, group (including `system:masters`) or ServiceAccount. Creating ServiceAccount tokens hands out ' +
      'the rights of those accounts, and approving CSRs for the kube-apiserver-client signer issues client ' +
      'certificates for arbitrary identities (MITRE ATT&CK T1098, Account Manipulation; T1134, Access Token ' +
      'Manipulation).',
    sources: [
      goodPractices({ anchor: 'privilege-escalation-risks', title: 'privilege escalation risks' }),
      {
        title: 'Kubernetes RBAC: privilege escalation prevention and bootstrapping',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      },
      {
        title: 'Kubernetes: User impersonation',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/user-impersonation/',
      },
      {
        title: 'Kubernetes: Certificates and Certificate Signing Requests',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/',
      },
      RBAC_DOC,
    ],
    remediation:
      'Keep these verbs for the few administrative identities that manage RBAC. Where a controller must bind a ' +
      'role, limit `bind` to that role with `resourceNames`:\n\n' +
      '```yaml\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n' +
      '    resourceNames: ["app-reader"]\n    verbs: ["bind"]\n```',
    tags: [...RBAC_TAGS, 'privilege-escalation'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report }) {
    for (const entry of roleEntries(resource)) {
      if (isFullWildcard(entry.rule)) continue;
      const matches = dangerousMatches(entry.rule, entry.all).filter(
        (m) => m.concept === 'escalation' && !(entry.namespaced && m.clusterScoped),
      );
      if (matches.length === 0) continue;
      const labels = [...new Set(matches.map((m) => m.label))];
      const severity = matches.map((m) => severityOf(m, entry)).reduce(maxSeverity);
      const first = matches[0]!;
      const path =
        first.label === 'serviceaccounts/token:create'
          ? resourceItemPath(entry, first.resource)
          : verbItemPath(entry, first.verb);
      report({
        message: `${entry.label} allows ${labels.map((l) => describe(l, matches)).join('; ')}.`,
        path,
        severity,
        key: String(entry.index),
      });
    }
  },
});
