import { defineRule } from '../rule.js';
import { dangerousMatches, isFullWildcard } from './permissions.js';
import {
  RBAC_DOC,
  RBAC_TAGS,
  ROLE_KINDS,
  USER_FACING_ROLES,
  goodPractices,
  listText,
  resourceItemPath,
  roleEntries,
} from './common.js';

/** get/list/watch on Secrets (Part A row 41; API-011). */
export default defineRule({
  meta: {
    id: 'rbac-secrets-read',
    title: 'RBAC rule can read Secrets',
    severity: 'medium',
    category: 'rbac',
    description:
      'A rule entry of a Role or ClusterRole allows `get`, `list` or `watch` on `secrets` in the core API group ' +
      '(directly or through `*` in verbs, resources or apiGroups) for every Secret: entries limited by ' +
      '`resourceNames` are not reported. `list` or `watch`: medium in a Role, high in a ClusterRole (which a ' +
      'ClusterRoleBinding grants in every namespace). `get` alone: one step lower (low / medium). One finding per ' +
      'entry, at the `resources` item that matches (`secrets` or `*`). Platform-owned roles (`system:*`, ' +
      '`kubeadm:*`, `eks:*`, `gce:*`), aggregated ClusterRoles and full-wildcard entries (reported by ' +
      'rbac-wildcard) are skipped. Bindings to the built-in `admin`/`edit` roles, which read Secrets, are reported ' +
      'by rbac-builtin-role-binding.',
    rationale:
      '`list` and `watch` return the full content of every Secret in scope, not just the names: ServiceAccount ' +
      'tokens (which carry those accounts\u2019 RBAC rights), registry credentials, TLS private keys, cloud ' +
      'credentials. Reading Secrets is therefore a privilege-escalation path, which is why the built-in `view` ' +
      'role excludes them. `get` needs a name, but Secret names are predictable or visible in pod specs (MITRE ' +
      'ATT&CK T1552.007, Unsecured Credentials: Container API).',
    sources: [
      goodPractices({ anchor: 'listing-secrets', title: 'listing secrets' }),
      USER_FACING_ROLES,
      RBAC_DOC,
    ],
    remediation:
      'Mount or inject the Secrets the workload needs instead of reading them through the API. When API access ' +
      'is required, limit it to named Secrets with `get` only:\n\n' +
      '```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-config"]\n    verbs: ["get"]\n```',
    tags: [...RBAC_TAGS, 'secrets'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report }) {
    for (const entry of roleEntries(resource)) {
      if (isFullWildcard(entry.rule)) continue;
      const verbs = dangerousMatches(entry.rule, entry.all)
        .filter((m) => m.concept === 'secrets-read')
        .map((m) => m.verb);
      if (verbs.length === 0) continue;
      const bulk = verbs.includes('list') || verbs.includes('watch');
      const severity = bulk ? (entry.namespaced ? 'medium' : 'high') : entry.namespaced ? 'low' : 'medium';
      const scope = entry.namespaced ? 'in its namespace' : 'in every namespace it is bound for';
      const effect = bulk
        ? `whoever holds it can read the values of every Secret ${scope}`
        : `whoever holds it can read any Secret whose name it knows ${scope}`;
      report({
        message: `${entry.label} allows ${listText(verbs)} on secrets: ${effect}, including ServiceAccount tokens and TLS keys.`,
        path: resourceItemPath(entry, 'secrets'),
        severity,
        key: String(entry.index),
      });
    }
  },
});
