import { defineRule } from '../rule.js';
import { dangerousMatches, isFullWildcard } from './permissions.js';
import {
  RBAC_DOC,
  RBAC_TAGS,
  ROLE_KINDS,
  goodPractices,
  listText,
  resourceItemPath,
  roleEntries,
} from './common.js';

/** create pods or pod controllers (Part A row 43; AI-003 context). */
export default defineRule({
  meta: {
    id: 'rbac-create-pods',
    title: 'RBAC rule can create or change pods',
    severity: 'medium',
    category: 'rbac',
    description:
      'A rule entry of a Role or ClusterRole (directly or through `*`) allows `create` on `pods`, or `create`, ' +
      '`update` or `patch` on `pods` or on a controller that creates pods (`replicationcontrollers`; ' +
      '`deployments`, `replicasets`, `statefulsets`, `daemonsets` in `apps` and `extensions`; `jobs`, `cronjobs` in ' +
      '`batch`). Medium; low when only named objects (`resourceNames`) can be updated. One finding per entry, at ' +
      'the first matching `resources` item. Not in the recommended profile (deployment tooling legitimately needs ' +
      'it): enable it, or the `strict` profile, to review who can run workloads. Platform-owned roles, aggregated ' +
      'ClusterRoles and full-wildcard entries (rbac-wildcard) are skipped.',
    rationale:
      'Whoever can create a pod in a namespace can run any image with any ServiceAccount of that namespace, mount ' +
      'any of its Secrets and ConfigMaps, and, where Pod Security admission does not stop it, run privileged or ' +
      'host-namespace pods that take over the node. Changing a controller\u2019s pod template, or a running pod\u2019s ' +
      'image, gives the same code execution with the workload\u2019s identity (MITRE ATT&CK T1610, Deploy Container).',
    sources: [goodPractices({ anchor: 'workload-creation', title: 'workload creation' }), RBAC_DOC],
    remediation:
      'Give workload-creation rights only to deployment pipelines and operators that need them, in the namespaces ' +
      'they manage, and enforce Pod Security admission (`restricted`) there. Read-only access does not need them:\n\n' +
      '```yaml\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]\n```',
    recommended: false,
    tags: [...RBAC_TAGS, 'workload-creation'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report }) {
    for (const entry of roleEntries(resource)) {
      if (isFullWildcard(entry.rule)) continue;
      const matches = dangerousMatches(entry.rule, entry.all).filter((m) => m.concept === 'create-pods');
      if (matches.length === 0) continue;
      const byResource = new Map<string, string[]>();
      for (const m of matches) {
        const verbs = byResource.get(m.resource) ?? [];
        if (!verbs.includes(m.verb)) verbs.push(m.verb);
        byResource.set(m.resource, verbs);
      }
      const parts = [...byResource].map(([name, verbs]) => `${listText(verbs)} on ${name}`);
      report({
        message:
          `${entry.label} allows ${parts.join('; ')}: whoever holds it can run any image as any ServiceAccount of ` +
          'the namespace and mount its Secrets.',
        path: resourceItemPath(entry, matches[0]!.resource),
        severity: matches.every((m) => m.named) ? 'low' : 'medium',
        key: String(entry.index),
      });
    }
  },
});
