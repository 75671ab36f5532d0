import { labelsOf } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import { policiesSelectingPod } from '../network/coverage.js';
import { objectLabel } from '../network/common.js';
import { containerLabel } from '../pss/common.js';
import { AI_TAG, SOURCES, agentTargetsIn, describeTarget, listText } from './common.js';
import {
  AUTH_SETTINGS,
  STORE_NAMES,
  openIngressPolicy,
  runsWithoutAuth,
  storeKindOf,
  type StoreKind,
} from './stores.js';

/** AI-007: a vector database or cache next to agents, open to any pod or without authentication. */
export default defineRule({
  meta: {
    id: 'agent-memory-store-unprotected',
    title: 'Unprotected agent memory store',
    severity: 'medium',
    category: 'network',
    description:
      'A workload runs an agent memory store (a container image named qdrant, weaviate, chroma, milvus, redis, ' +
      'redis-stack, redis-stack-server, valkey or pgvector) in a namespace that also holds an MCP server or AI agent ' +
      '(recognised as in `ai-agent-egress-unrestricted`), and (1) no network policy isolates its pods for ingress, ' +
      'or a Kubernetes NetworkPolicy selecting them has an ingress rule open to every source (no `from`, an ' +
      '`ipBlock` of 0.0.0.0/0 or ::/0, or `namespaceSelector: {}` without a pod selector): one finding at the pod ' +
      'template metadata; and/or (2) a store container visibly runs without client authentication: Qdrant without ' +
      '`QDRANT__SERVICE__API_KEY` (or the read-only key), Weaviate with anonymous access (`AUTHENTICATION_ANONYMOUS_' +
      'ACCESS_ENABLED: "true"`, the image default, and neither API-key nor OIDC auth enabled), Chroma without ' +
      '`CHROMA_SERVER_AUTHN_PROVIDER` (`CHROMA_SERVER_AUTH_PROVIDER` before 0.5), Redis/Valkey without ' +
      '`--requirepass`, an ACL or config file, or the Bitnami `*_PASSWORD` variables (or with ' +
      '`ALLOW_EMPTY_PASSWORD=yes`), PostgreSQL with `POSTGRES_HOST_AUTH_METHOD=trust`: one finding per container. ' +
      'Milvus authentication is configured in milvus.yaml and is not judged; containers with `envFrom`, config ' +
      'files or templated values are given the benefit of the doubt. Cilium and Calico policies count when they ' +
      'isolate the pods.',
    rationale:
      'Agents keep their long-term memory and retrieval corpus in these stores and treat what they read back as ' +
      'trusted context. Anyone who can write to the store can plant instructions the agent will follow later ' +
      '(OWASP Agentic Top 10 ASI06 Memory & Context Poisoning) or read everything the agent has seen (MITRE ATT&CK ' +
      'T1530, Data from Cloud Storage). The vendors ship these products open by default: Qdrant documents that ' +
      'self-hosted instances have no authentication until an API key is set, Weaviate\u2019s image enables anonymous ' +
      'access, Chroma has authentication disabled by default, and Redis without `requirepass` accepts every client.',
    sources: [
      SOURCES.owaspAgentic,
      { title: 'Qdrant: Security', url: 'https://qdrant.tech/documentation/security/' },
      {
        title: 'Weaviate: Authentication',
        url: 'https://docs.weaviate.io/deploy/configuration/authentication',
      },
      { title: 'Chroma Cookbook: Chroma-native auth', url: 'https://cookbook.chromadb.dev/security/auth' },
      {
        title: 'Redis: Security',
        url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/',
      },
      SOURCES.networkPolicies,
    ],
    remediation:
      'Enable the store\u2019s authentication (from a Secret) and allow ingress only from the agent pods:\n\n' +
      '```yaml\nenv:\n  - name: QDRANT__SERVICE__API_KEY\n    valueFrom:\n      secretKeyRef: {name: qdrant, key: api-key}\n' +
      '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: qdrant-from-agents\nspec:\n' +
      '  podSelector:\n    matchLabels: {app: qdrant}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n' +
      '        - podSelector:\n            matchLabels: {app.kubernetes.io/component: agent}\n      ports:\n' +
      '        - port: 6333\n```',
    tags: [AI_TAG, 'memory-store', 'network'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ resource, workload, index, report }) {
    if (resource.kind === 'PodTemplate') return;
    const stores = workload.containers
      .filter((c) => c.type === 'container' || c.sidecar)
      .map((container) => ({ container, kind: storeKindOf(container) }))
      .filter((s): s is { container: typeof s.container; kind: StoreKind } => s.kind !== undefined);
    if (stores.length === 0) return;
    const agents = agentTargetsIn(index, resource.namespace).filter((t) => t.resource !== resource);
    if (agents.length === 0) return;
    const product = listText([...new Set(stores.map((s) => STORE_NAMES[s.kind]))]);
    const store = `${product} in ${objectLabel(resource)}`;
    const shown = agents.slice(0, 2).map(describeTarget);
    const near = `next to the ${listText(shown)}${agents.length > 2 ? ` and ${agents.length - 2} more` : ''}`;
    const ingress = policiesSelectingPod(index, resource.namespace, labelsOf(workload.podMetadata)).ingress;
    const open = openIngressPolicy(ingress);
    if (ingress.length === 0 || open) {
      const why =
        ingress.length === 0
          ? 'no ingress network policy selects its pods'
          : `${objectLabel(open!)} allows ingress from every source`;
      report({
        message: `${store} holds agent memory ${near}, but ${why}: any pod can read the memory or poison it with instructions the agents will follow.`,
        path: workload.podMetadataPath,
        key: 'network',
      });
    }
    for (const { container, kind } of stores) {
      if (!runsWithoutAuth(kind, container)) continue;
      report({
        message: `${containerLabel(container)} runs ${STORE_NAMES[kind]} ${near} without client authentication (${AUTH_SETTINGS[kind]}): any client that reaches it can read or rewrite the agents\u2019 memory.`,
        path: container.path,
        container,
        key: `auth:${container.name}`,
      });
    }
  },
});
