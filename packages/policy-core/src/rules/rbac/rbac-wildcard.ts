import type { Path, Severity } from '../../types.js';
import { defineRule } from '../rule.js';
import { isFullWildcard } from './permissions.js';
import {
  RBAC_DOC,
  RBAC_TAGS,
  ROLE_KINDS,
  goodPractices,
  itemPath,
  listText,
  maxSeverity,
  roleEntries,
  type RoleEntry,
} from './common.js';

const ALL_URLS = ['*', '/*'];

function quoted(values: readonly string[]): string {
  return listText(values.map((v) => `"${v}"`));
}

interface WildcardFinding {
  severity: Severity;
  path: Path;
  message: string;
}

function inspect(entry: RoleEntry): WildcardFinding | undefined {
  const { rule, label } = entry;
  const verbs = rule.verbs.includes('*');
  const resources = rule.resources.includes('*');
  const groups = rule.apiGroups.includes('*');
  const urls = rule.nonResourceURLs.some((u) => ALL_URLS.includes(u));
  let finding: WildcardFinding | undefined;
  if (isFullWildcard(rule)) {
    finding = {
      severity: entry.namespaced ? 'high' : 'critical',
      path: itemPath(entry, 'verbs', ['*']),
      message: entry.namespaced
        ? `${label} allows every verb on every resource of every API group ("*"): full control of the namespace, including Secrets, pods and RBAC.`
        : `${label} allows every verb on every resource of every API group ("*"): it is equivalent to cluster-admin.`,
    };
  } else if (verbs || resources) {
    const fields = [verbs && 'verbs', resources && 'resources', groups && 'apiGroups'].filter(
      Boolean,
    ) as string[];
    const what = resources
      ? 'every current and future resource type, including Secrets and custom resources added later'
      : `every current and future verb on ${quoted(rule.resources)}, including delete and deletecollection`;
    finding = {
      severity: 'high',
      path: resources ? itemPath(entry, 'resources', ['*']) : itemPath(entry, 'verbs', ['*']),
      message: `${label} uses "*" in ${listText(fields)}: it covers ${what}.`,
    };
  } else if (groups && rule.resources.length > 0) {
    finding = {
      severity: 'low',
      path: itemPath(entry, 'apiGroups', ['*']),
      message: `${label} matches ${quoted(rule.resources)} in every API group ("*"), including custom resources of the same name installed later.`,
    };
  }
  if (urls) {
    const url: WildcardFinding = {
      severity: 'medium',
      path: itemPath(entry, 'nonResourceURLs', ALL_URLS),
      message: `${label} allows ${quoted(rule.verbs)} on every non-resource URL ("*"), including /metrics and the /debug/pprof profiling endpoints.`,
    };
    if (!finding) return url;
    return {
      ...finding,
      severity: maxSeverity(finding.severity, url.severity),
      message: `${finding.message} It also allows every non-resource URL.`,
    };
  }
  return finding;
}

/** `*` in a Role or ClusterRole rule (Part A row 39; API-011). */
export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    title: 'Wildcard in an RBAC rule',
    severity: 'high',
    category: 'rbac',
    description:
      'A rule entry of a Role or ClusterRole uses `*`. Critical when `verbs`, `apiGroups` and `resources` are all ' +
      '`*` in a ClusterRole (equivalent to cluster-admin; high in a Role, where it is full control of the ' +
      'namespace); high when `verbs` or `resources` is `*`; low when only `apiGroups` is `*` (the named resources ' +
      'in every group); medium for `nonResourceURLs: ["*"]`. One finding per rule entry, at the `*` item (the ' +
      'verbs item for a full wildcard, else the resources item). `*/scale`-style subresource wildcards are not ' +
      'reported (they are targeted); `pods/*` is not a wildcard in Kubernetes and grants nothing. Roles and ' +
      'ClusterRoles named `system:*`, `kubeadm:*`, `eks:*` or `gce:*` are platform-owned and skipped, as are ' +
      'aggregated ClusterRoles (their rules are controller-managed). Full-wildcard entries are reported only here: ' +
      'the other RBAC rules skip them.',
    rationale:
      'A wildcard grants every matching verb or resource, including ones that do not exist yet: a CRD installed ' +
      'later, or a new verb, is granted automatically. `resources: ["*"]` includes Secrets and subresources such ' +
      'as `pods/exec` and `nodes/proxy`; `verbs: ["*"]` includes `escalate`, `bind` and `impersonate` where they ' +
      'apply. A full wildcard in a ClusterRole bound cluster-wide is cluster-admin: every Secret, every node through ' +
      'privileged pods, and the power to rewrite RBAC (MITRE ATT&CK T1078.001, Valid Accounts: Default Accounts; ' +
      'T1098, Account Manipulation).',
    sources: [
      goodPractices({ anchor: 'least-privilege', title: 'least privilege' }),
      RBAC_DOC,
      {
        title: 'Kubernetes RBAC: referring to resources',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources',
      },
      {
        title: 'Allow */subresource in RBAC policy rules (kubernetes#53722)',
        url: 'https://github.com/kubernetes/kubernetes/issues/53722',
      },
    ],
    remediation:
      'List the API groups, resources and verbs the subject needs, one rule per group of resources:\n\n' +
      '```yaml\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "patch"]\n```',
    tags: [...RBAC_TAGS, 'wildcard'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report }) {
    for (const entry of roleEntries(resource)) {
      const finding = inspect(entry);
      if (finding) report({ ...finding, key: String(entry.index) });
    }
  },
});
