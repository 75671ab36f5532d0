import { RBAC_RULES } from '../../../src/rules/rbac/index.js';
import { runRules, yaml } from '../harness.js';

const recommended = RBAC_RULES.filter((rule) => rule.meta.recommended !== false);

describe('RBAC_RULES', () => {
  it('have unique ids, the rbac category and tag, sources and a YAML remediation', () => {
    const ids = RBAC_RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of RBAC_RULES) {
      expect(meta.category).toBe('rbac');
      expect(meta.tags).toContain('rbac');
      expect(meta.sources.length).toBeGreaterThan(0);
      for (const source of meta.sources) expect(source.url).toMatch(/^https:\/\//);
      expect(meta.rationale.length).toBeGreaterThan(100);
      expect(meta.remediation).toContain('```yaml\n');
    }
    expect(RBAC_RULES.filter((rule) => rule.meta.recommended === false).map((rule) => rule.meta.id)).toEqual([
      'rbac-create-pods',
      'rbac-dangerous-grant',
    ]);
  });

  it('reports a full wildcard once, in rbac-wildcard', () => {
    const result = runRules(
      recommended,
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: root
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
    );
    expect(result.findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ['rbac-wildcard', 8, 'critical'],
    ]);
  });

  it('reports each subject of a binding through one rule at most in the recommended profile', () => {
    const result = runRules(
      recommended,
      yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: everyone-is-admin
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: User, name: "system:anonymous"}
          - {kind: Group, name: "system:unauthenticated"}
          - {kind: Group, name: "system:authenticated"}
          - {kind: Group, name: "system:serviceaccounts"}
          - {kind: Group, name: "system:serviceaccounts:shop"}
          - {kind: Group, name: "system:masters"}
          - {kind: ServiceAccount, name: default, namespace: shop}
          - {kind: ServiceAccount, name: ci, namespace: shop}
          - {kind: User, name: "system:kube-scheduler"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: everyone-edits
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
          - {kind: Group, name: "system:authenticated"}
          - {kind: ServiceAccount, name: default, namespace: shop}
          - {kind: ServiceAccount, name: ci, namespace: shop}
      `,
    );
    expect(result.crashes).toEqual([]);
    const rows = [...result.findings]
      .sort((a, b) => a.line - b.line)
      .map((f) => [f.line, f.ruleId, f.severity]);
    expect(rows).toEqual([
      [7, 'rbac-system-group-binding', 'critical'],
      [8, 'rbac-system-group-binding', 'critical'],
      [9, 'rbac-system-group-binding', 'critical'],
      [10, 'rbac-system-group-binding', 'critical'],
      [11, 'rbac-default-service-account-binding', 'critical'],
      [12, 'rbac-system-group-binding', 'high'],
      [13, 'rbac-default-service-account-binding', 'critical'],
      [14, 'cluster-admin-binding', 'critical'],
      [21, 'rbac-builtin-role-binding', 'high'],
      [23, 'rbac-system-group-binding', 'critical'],
      [24, 'rbac-default-service-account-binding', 'high'],
    ]);
    expect(result.findings.find((f) => f.line === 21)?.message).toContain('to ServiceAccount "shop/ci":');
  });
});
