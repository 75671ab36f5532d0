import { parseAllDocuments } from 'yaml';
import { CATEGORIES } from '../../../src/types.js';
import { AI_RULES } from '../../../src/rules/ai/index.js';
import { runRules, yaml } from '../harness.js';

describe('AI_RULES', () => {
  it('are the eight AI rules in documentation order, with complete metadata', () => {
    expect(AI_RULES.map((rule) => rule.meta.id)).toEqual([
      'ai-agent-egress-unrestricted',
      'ai-agent-not-sandboxed',
      'ai-agent-over-privileged',
      'ai-agent-token-automount',
      'toolhive-network-permission',
      'mcp-endpoint-unauthenticated',
      'agent-memory-store-unprotected',
      'mcp-unpinned-package',
    ]);
    for (const { meta } of AI_RULES) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(CATEGORIES).toContain(meta.category);
      expect(meta.tags).toContain('ai-agents');
      expect(meta.description.length).toBeGreaterThan(200);
      expect(meta.rationale.length).toBeGreaterThan(200);
      expect(meta.sources.length).toBeGreaterThan(1);
      for (const source of meta.sources) expect(source.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(meta.remediation).toContain('```yaml\n');
    }
  });

  it.each(AI_RULES.map((rule) => [rule.meta.id, rule.meta.remediation] as const))(
    '%s: the remediation snippets are valid YAML',
    (_id, remediation) => {
      const snippets = [...remediation.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
      expect(snippets.length).toBeGreaterThan(0);
      for (const snippet of snippets) {
        for (const doc of parseAllDocuments(snippet)) expect(doc.errors).toEqual([]);
      }
    },
  );

  it('judge a realistic agent namespace: each concern once, in its own rule', () => {
    const result = runRules(
      AI_RULES,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: k8s-mcp
          namespace: agents
        spec:
          template:
            metadata:
              labels: {app: k8s-mcp}
            spec:
              serviceAccountName: k8s-mcp
              runtimeClassName: gvisor
              containers:
                - name: mcp
                  image: node:22
                  command: [npx, -y, "mcp-server-kubernetes"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: k8s-mcp-edit
          namespace: agents
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: edit
        subjects:
          - kind: ServiceAccount
            name: k8s-mcp
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: agents
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: k8s-mcp
          namespace: agents
        spec:
          type: NodePort
          selector: {app: k8s-mcp}
          ports:
            - port: 8080
      `,
    );
    expect(result.crashes).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId}@${f.line}:${f.severity}`).sort()).toEqual([
      'ai-agent-over-privileged@11:high',
      'mcp-endpoint-unauthenticated@46:high',
      'mcp-unpinned-package@16:medium',
    ]);
  });
});
