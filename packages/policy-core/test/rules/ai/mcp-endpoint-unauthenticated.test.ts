import rule from '../../../src/rules/ai/mcp-endpoint-unauthenticated.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const MCP = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: github-mcp
    namespace: agents
  spec:
    template:
      metadata:
        labels: {app: github-mcp}
      spec:
        containers:
          - name: mcp
            image: ghcr.io/github/github-mcp-server
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: github-mcp
    namespace: agents
  spec:
    selector: {app: github-mcp}
    ports:
      - port: 8080
`;

/** MCP takes lines 1-23 and its separator line 24: appended documents start at line 25. */
const cases: RuleCase[] = [
  {
    name: 'VirtualMCPServer: anonymous incoming auth is high, critical when exposed; oidc passes',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: VirtualMCPServer
      metadata:
        name: internal
      spec:
        groupRef: {name: tools}
        incomingAuth:
          type: anonymous
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: VirtualMCPServer
      metadata:
        name: public
      spec:
        serviceType: LoadBalancer
        groupRef: {name: tools}
        incomingAuth: {type: anonymous}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: VirtualMCPServer
      metadata:
        name: secured
      spec:
        serviceType: LoadBalancer
        groupRef: {name: tools}
        incomingAuth:
          type: oidc
          oidcConfigRef: {name: corp}
    `,
    expected: [
      {
        line: 8,
        column: 5,
        severity: 'high',
        message: 'VirtualMCPServer "internal" sets incomingAuth.type: anonymous, so any pod',
      },
      {
        line: 17,
        severity: 'critical',
        message: 'and serviceType: LoadBalancer, so anyone who reaches the node',
      },
    ],
  },
  {
    name: 'ToolHive MCPServer without client authentication is medium; any auth field or untrusted mode passes',
    yaml: yaml`
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: open
      spec:
        image: mcp/fetch
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: new-api
      spec:
        image: mcp/fetch
        oidcConfigRef: {name: corp, audience: fetch}
      ---
      apiVersion: toolhive.stacklok.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: old-api
      spec:
        image: mcp/fetch
        oidcConfig: {type: kubernetes}
      ---
      apiVersion: toolhive.stacklok.dev/v1beta1
      kind: MCPServer
      metadata:
        name: untrusted
      spec:
        image: ghcr.io/example/github-mcp
        untrusted: true
      ---
      apiVersion: kagent.dev/v1alpha1
      kind: MCPServer
      metadata:
        name: kagent
      spec:
        deployment: {image: mcp/everything}
    `,
    expected: [
      {
        line: 5,
        column: 1,
        severity: 'medium',
        message: 'MCPServer "open" configures no client authentication',
      },
    ],
  },
  {
    name: 'a LoadBalancer or NodePort Service in front of an MCP workload is reported at spec.type',
    yaml: `${MCP}---\n${yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: github-mcp-public
        namespace: agents
      spec:
        type: LoadBalancer
        selector: {app: github-mcp}
        ports:
          - port: 443
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: agents
      spec:
        type: NodePort
        selector: {app: web}
        ports:
          - port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: github-mcp-iap
        namespace: agents
        annotations:
          cloud.google.com/backend-config: '{"default": "iap"}'
      spec:
        type: LoadBalancer
        selector: {app: github-mcp}
    `}`,
    expected: [
      {
        line: 31,
        column: 3,
        message:
          'Service "github-mcp-public" exposes the MCP server Deployment "github-mcp" (image "ghcr.io/github/github-mcp-server") as LoadBalancer',
      },
    ],
  },
  {
    name: 'an Ingress without an authentication annotation is reported at each MCP backend',
    yaml: `${MCP}---\n${yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: mcp
        namespace: agents
        annotations:
          alb.ingress.kubernetes.io/auth-type: none
      spec:
        defaultBackend:
          service: {name: github-mcp, port: {number: 8080}}
        rules:
          - host: mcp.example.com
            http:
              paths:
                - path: /web
                  pathType: Prefix
                  backend:
                    service: {name: web, port: {number: 80}}
                - path: /github
                  pathType: Prefix
                  backend:
                    service: {name: github-mcp, port: {number: 8080}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: mcp-secured
        namespace: agents
        annotations:
          nginx.ingress.kubernetes.io/auth-url: https://oauth2-proxy.example.com/oauth2/auth
      spec:
        rules:
          - http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service: {name: github-mcp, port: {number: 8080}}
    `}`,
    expected: [
      {
        line: 34,
        column: 15,
        message: 'Ingress "mcp" routes to Service "github-mcp" of the MCP server Deployment "github-mcp"',
      },
      { line: 46, column: 25, message: 'without an authentication annotation' },
    ],
  },
  {
    name: 'an HTTPRoute is reported unless a policy attaches to it or its Gateway',
    yaml: `${MCP}---\n${yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: open
        namespace: agents
      spec:
        parentRefs: [{name: public}]
        rules:
          - backendRefs:
              - name: github-mcp
                port: 8080
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: secured
        namespace: agents
      spec:
        parentRefs: [{name: public}]
        rules:
          - backendRefs:
              - {name: github-mcp, port: 8080}
      ---
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: SecurityPolicy
      metadata:
        name: oidc
        namespace: agents
      spec:
        targetRefs:
          - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: secured}
        oidc: {provider: {issuer: "https://idp.example.com"}, clientID: mcp}
    `}`,
    expected: [{ line: 34, column: 11, message: 'HTTPRoute "open" routes to Service "github-mcp"' }],
  },
  {
    name: 'a policy on the parent Gateway counts; Services of other namespaces and non-agent backends are ignored',
    yaml: `${MCP}---\n${yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: via-gateway
        namespace: agents
      spec:
        parentRefs: [{name: secure-gw, namespace: infra}]
        rules:
          - backendRefs: [{name: github-mcp, port: 8080}]
      ---
      apiVersion: gateway.envoyproxy.io/v1alpha1
      kind: SecurityPolicy
      metadata:
        name: gw-auth
        namespace: infra
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: secure-gw}
        jwt: {providers: [{name: corp, remoteJWKS: {uri: "https://idp.example.com/jwks"}}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: elsewhere
        namespace: web
      spec:
        defaultBackend:
          service: {name: github-mcp, port: {number: 8080}}
    `}`,
    expected: [],
  },
];

describe('mcp-endpoint-unauthenticated', () => {
  testRuleCases(rule, cases);
});
