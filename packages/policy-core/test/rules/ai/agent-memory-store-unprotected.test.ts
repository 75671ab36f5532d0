import rule from '../../../src/rules/ai/agent-memory-store-unprotected.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** An agent and a policy that admits only agent pods to everything in the namespace (lines 1-25, `---` at 26;
 * the store's first container is at line 38). */
const AGENT_AND_POLICY = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: assistant
    namespace: ai
  spec:
    template:
      metadata:
        labels: {app: assistant}
      spec:
        containers:
          - name: agent
            image: ghcr.io/acme/assistant-mcp:1.0
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: from-agents
    namespace: ai
  spec:
    podSelector: {}
    policyTypes: [Ingress]
    ingress:
      - from:
          - podSelector: {matchLabels: {app: assistant}}
`;

function store(name: string, container: string): string {
  return `${AGENT_AND_POLICY}---\n${yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: ${name}
      namespace: ai
    spec:
      template:
        metadata:
          labels: {app: ${name}}
        spec:
          containers:
  `}${container}`;
}

const cases: RuleCase[] = [
  {
    name: 'reports an open, unauthenticated Qdrant next to an MCP server: network and auth findings',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: mcp
        namespace: ai
      spec:
        containers:
          - name: mcp
            image: mcp/memory
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: qdrant
        namespace: ai
      spec:
        template:
          metadata:
            labels: {app: qdrant}
          spec:
            containers:
              - name: qdrant
                image: qdrant/qdrant:v1.12.4
    `,
    expected: [
      {
        line: 18,
        column: 5,
        message:
          'Qdrant in StatefulSet "qdrant" holds agent memory next to the MCP server Pod "mcp" (image "mcp/memory"), but no ingress network policy selects its pods',
      },
      {
        line: 22,
        column: 11,
        container: 'qdrant',
        message: 'without client authentication (QDRANT__SERVICE__API_KEY)',
      },
    ],
  },
  {
    name: 'passes a Qdrant with an API key and an ingress policy limited to the agent pods',
    yaml: store(
      'qdrant',
      `        - name: qdrant
          image: qdrant/qdrant:v1.12.4
          env:
            - name: QDRANT__SERVICE__API_KEY
              valueFrom:
                secretKeyRef: {name: qdrant, key: api-key}
`,
    ),
    expected: [],
  },
  {
    name: 'ignores stores in namespaces without agents, and non-store workloads',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: cache
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: redis
                image: redis:7
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: mcp
        namespace: ai
      spec:
        containers:
          - name: mcp
            image: mcp/memory
          - name: exporter
            image: oliver006/redis_exporter
    `,
    expected: [],
  },
  {
    name: 'reports ingress rules open to every source, naming the policy',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: mcp
        namespace: ai
      spec:
        containers:
          - name: mcp
            image: mcp/memory
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: milvus-any
        namespace: ai
      spec:
        podSelector: {matchLabels: {app: milvus}}
        ingress:
          - from:
              - namespaceSelector: {}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: milvus
        namespace: ai
      spec:
        template:
          metadata:
            labels: {app: milvus}
          spec:
            containers:
              - name: milvus
                image: milvusdb/milvus:v2.4.0
    `,
    expected: [{ line: 29, message: 'NetworkPolicy "milvus-any" allows ingress from every source' }],
  },
  {
    name: 'Weaviate: anonymous access (explicit or image default) is reported; API-key auth passes',
    yaml: store(
      'weaviate',
      `        - name: open
          image: cr.weaviate.io/semitechnologies/weaviate:1.25.2
          env:
            - {name: AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED, value: "true"}
            - {name: AUTHENTICATION_APIKEY_ENABLED, value: "true"}
        - name: default
          image: semitechnologies/weaviate:1.25.2
        - name: keyed
          image: semitechnologies/weaviate:1.25.2
          env:
            - {name: AUTHENTICATION_APIKEY_ENABLED, value: "true"}
            - {name: AUTHENTICATION_APIKEY_ALLOWED_KEYS, valueFrom: {secretKeyRef: {name: w, key: keys}}}
        - name: templated
          image: semitechnologies/weaviate:1.25.2
          env:
            - {name: AUTHENTICATION_OIDC_ENABLED, value: "\${OIDC}"}
`,
    ),
    expected: [
      { line: 38, container: 'open', message: 'runs Weaviate next to the MCP server Deployment "assistant"' },
      {
        line: 43,
        container: 'default',
        message: 'AUTHENTICATION_APIKEY_ENABLED or AUTHENTICATION_OIDC_ENABLED',
      },
    ],
  },
  {
    name: 'Redis and Valkey: a password, ACL or config file passes; none, or ALLOW_EMPTY_PASSWORD, is reported',
    yaml: store(
      'cache',
      `        - name: plain
          image: redis:7.4
        - name: requirepass
          image: redis:7.4
          command: [sh, -c, 'exec redis-server --requirepass "$REDIS_PASSWORD"']
        - name: bitnami
          image: bitnami/redis:7.4
          env:
            - {name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: r, key: p}}}
        - name: empty
          image: bitnami/valkey:8
          env:
            - {name: ALLOW_EMPTY_PASSWORD, value: "yes"}
        - name: conf
          image: valkey/valkey:8
          args: [/etc/valkey/valkey.conf]
        - name: stack
          image: redis/redis-stack-server:7.4.0-v1
          env:
            - {name: REDIS_ARGS, value: "--save 60 1000"}
        - name: from-secret
          image: redis:7.4
          envFrom:
            - secretRef: {name: redis-env}
`,
    ),
    expected: [
      { line: 38, container: 'plain', message: 'runs Redis' },
      { line: 47, container: 'empty', message: 'runs Valkey' },
      { line: 54, container: 'stack', message: '--requirepass or an ACL file' },
    ],
  },
  {
    name: 'PostgreSQL (pgvector) with trust auth and Chroma without auth are reported; configured ones pass',
    yaml: store(
      'vectors',
      `        - name: trust
          image: pgvector/pgvector:pg16
          env:
            - {name: POSTGRES_HOST_AUTH_METHOD, value: trust}
        - name: password
          image: pgvector/pgvector:pg16
          env:
            - {name: POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: pg, key: password}}}
        - name: chroma
          image: chromadb/chroma:0.5.20
        - name: chroma-auth
          image: ghcr.io/chroma-core/chroma:0.5.20
          env:
            - {name: CHROMA_SERVER_AUTHN_PROVIDER, value: chromadb.auth.token_authn.TokenAuthenticationServerProvider}
        - name: milvus
          image: milvusdb/milvus:v2.4.0
`,
    ),
    expected: [
      { line: 38, container: 'trust', message: 'runs pgvector (PostgreSQL)' },
      { line: 46, container: 'chroma', message: 'runs Chroma' },
    ],
  },
  {
    name: 'ignores plain init containers but checks sidecars',
    yaml: store(
      'warmup',
      `        - name: app
          image: busybox
      initContainers:
        - name: seed
          image: redis:7
        - name: side
          image: redis:7
          restartPolicy: Always
`,
    ),
    expected: [{ line: 43, container: 'side', message: 'Init container "side" runs Redis' }],
  },
];

describe('agent-memory-store-unprotected', () => {
  testRuleCases(rule, cases);
});
