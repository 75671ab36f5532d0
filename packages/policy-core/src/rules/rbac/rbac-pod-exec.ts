import type { Severity } from '../../types.js';
import { defineRule, type EvaluationSettings } from '../rule.js';
import { dangerousMatches, isFullWildcard, type DangerousMatch } from './permissions.js';
import {
  RBAC_DOC,
  RBAC_TAGS,
  ROLE_KINDS,
  goodPractices,
  listText,
  lower,
  maxSeverity,
  resourceItemPath,
  roleEntries,
} from './common.js';

const EFFECTS: Readonly<Record<string, string>> = {
  'pods/exec': 'run commands in containers',
  'pods/attach': 'attach to running containers',
  'pods/portforward': 'open connections to pod ports, including ones that listen only on localhost',
  'pods/ephemeralcontainers': 'add a debug container to a running pod',
};

const INTERACTIVE = ['pods/exec', 'pods/attach', 'pods/ephemeralcontainers'];

/**
 * Before Kubernetes 1.35, WebSocket exec/attach/port-forward requests were authorized with `get` (kubernetes#78741);
 * 1.35 requires `create` for them too (feature gate AuthorizePodWebsocketUpgradeCreatePermission, on by default).
 * Undefined: `get` alone grants nothing on this version.
 */
function getOnlySeverity(resource: string, settings: EvaluationSettings): Severity | undefined {
  const version = settings.kubernetesVersion;
  const interactive = INTERACTIVE.includes(resource);
  if (!version) return interactive ? 'medium' : 'low';
  if (version.major > 1 || version.minor >= 35) return undefined;
  return interactive ? 'high' : 'medium';
}

function severityOf(resource: string, matches: readonly DangerousMatch[], settings: EvaluationSettings) {
  const mine = matches.filter((m) => m.resource === resource);
  const full = mine.filter((m) => m.verb !== 'get');
  let severity: Severity | undefined;
  if (full.length > 0) severity = INTERACTIVE.includes(resource) ? 'high' : 'medium';
  else severity = getOnlySeverity(resource, settings);
  if (severity && mine.every((m) => m.named)) severity = lower(severity);
  return severity;
}

/** pods/exec, attach, portforward, ephemeralcontainers (Part A row 43; API-011). */
export default defineRule({
  meta: {
    id: 'rbac-pod-exec',
    title: 'RBAC rule allows exec into pods',
    severity: 'high',
    category: 'rbac',
    description:
      'A rule entry of a Role or ClusterRole (directly or through `*`) allows `create` on `pods/exec` or ' +
      '`pods/attach` (high), `create` on `pods/portforward` (medium), or `update`/`patch` on ' +
      '`pods/ephemeralcontainers` (high). `get` alone on exec, attach or portforward is reported too, because ' +
      'WebSocket requests needed only `get` before Kubernetes 1.35: medium (low for portforward) when the target ' +
      'version is unknown, high (medium) below 1.35, not reported from 1.35. Grants limited by `resourceNames` ' +
      'are one step lower. One finding per entry, at the matching `resources` item. Platform-owned roles, ' +
      'aggregated ClusterRoles and full-wildcard entries (rbac-wildcard) are skipped; bindings to the built-in ' +
      '`admin`/`edit` roles are reported by rbac-builtin-role-binding.',
    rationale:
      'exec and attach run code inside existing pods: the caller gets the pod\u2019s ServiceAccount token, mounted ' +
      'Secrets, cloud credentials and network position, and from a privileged pod the node. Ephemeral containers ' +
      'do the same by adding a container to a running pod; port-forward reaches ports the pod only exposes ' +
      'locally. Before 1.35 a "read-only" `get` on `pods/exec` was enough through WebSockets (kubernetes#78741) ' +
      '(MITRE ATT&CK T1609, Container Administration Command).',
    sources: [
      goodPractices({ anchor: 'privilege-escalation-risks', title: 'privilege escalation risks' }),
      {
        title: 'Users can exec into pods with the websocket endpoint with only get (kubernetes#78741)',
        url: 'https://github.com/kubernetes/kubernetes/issues/78741',
      },
      {
        title: 'Require create for WebSocket exec, attach and portforward (kubernetes#134577, 1.35)',
        url: 'https://github.com/kubernetes/kubernetes/pull/134577',
      },
      {
        title: 'When is read-only not read-only? (Rory McCune)',
        url: 'https://raesene.github.io/blog/2024/11/11/When-Is-Read-Only-Not-Read-Only/',
      },
      RBAC_DOC,
    ],
    remediation:
      'Remove exec, attach, port-forward and ephemeral-container access from workload and automation roles; grant ' +
      'it to people through a separate, audited role bound only where needed:\n\n' +
      '```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list", "watch"]\n```',
    tags: [...RBAC_TAGS, 'exec'],
  },
  match: { kinds: ROLE_KINDS },
  check({ resource, report, settings }) {
    for (const entry of roleEntries(resource)) {
      if (isFullWildcard(entry.rule)) continue;
      const matches = dangerousMatches(entry.rule, entry.all).filter((m) => m.concept === 'pod-exec');
      const found: { resource: string; severity: Severity; verbs: string[] }[] = [];
      for (const target of [...new Set(matches.map((m) => m.resource))]) {
        const severity = severityOf(target, matches, settings);
        if (!severity) continue;
        const verbs = matches.filter((m) => m.resource === target).map((m) => m.verb);
        found.push({ resource: target, severity, verbs });
      }
      if (found.length === 0) continue;
      const severity = found.map((f) => f.severity).reduce(maxSeverity);
      const worst = found.find((f) => f.severity === severity)!;
      const parts = found
        .filter((f) => f.verbs.some((v) => v !== 'get'))
        .map((f) => `${listText(f.verbs)} on ${f.resource} (${EFFECTS[f.resource]})`);
      const getOnly = found.filter((f) => f.verbs.every((v) => v === 'get')).map((f) => f.resource);
      if (getOnly.length > 0) {
        parts.push(
          `get on ${listText(getOnly)}, which is enough through WebSocket requests before Kubernetes 1.35`,
        );
      }
      report({
        message: `${entry.label} allows ${parts.join('; ')}: whoever holds it gets the pods\u2019 ServiceAccount tokens, Secrets and network access.`,
        path: resourceItemPath(entry, worst.resource),
        severity,
        key: String(entry.index),
      });
    }
  },
});
