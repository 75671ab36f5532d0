import {
  dangerousPermissions,
  grantsOfServiceAccount,
  resolveGrant,
} from '../../../src/rules/rbac/permissions.js';
import { yaml } from '../harness.js';
import { indexOf } from './helpers.js';

const bindings = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata: {name: reader, namespace: shop}
  rules:
    - apiGroups: [""]
      resources: ["secrets"]
      verbs: ["list"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: sa-reader, namespace: shop}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
  subjects:
    - {kind: ServiceAccount, name: app}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: other-ns, namespace: billing}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
  subjects:
    - {kind: ServiceAccount, name: app, namespace: shop}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: edit-all}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
  subjects:
    - {kind: User, name: "system:serviceaccount:shop:app"}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: crd-editor
    labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
  rules:
    - apiGroups: [""]
      resources: ["nodes/proxy"]
      verbs: ["get"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: monitoring}
  aggregationRule:
    clusterRoleSelectors:
      - matchLabels: {team: obs}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: obs-part
    labels: {team: obs}
  rules:
    - apiGroups: [""]
      resources: ["secrets"]
      verbs: ["watch"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: monitoring}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
  subjects:
    - {kind: Group, name: "system:serviceaccounts:shop"}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: unknown}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: not-in-scan}
  subjects:
    - {kind: Group, name: "system:serviceaccounts"}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: invalid}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
  subjects:
    - {kind: Group, name: "system:authenticated"}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: root}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
  subjects:
    - {kind: User, name: alice}
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: someone-else, namespace: shop}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
  subjects:
    - {kind: ServiceAccount, name: worker}
    - {kind: User, name: app}
`;

describe('resolveGrant and grantsOfServiceAccount', () => {
  const index = indexOf(bindings);
  const binding = (name: string) => index.all.find((r) => r.kind.endsWith('Binding') && r.name === name)!;

  it.each([
    [
      'sa-reader',
      {
        roleKind: 'Role',
        resolved: true,
        builtin: false,
        partial: false,
        scope: 'shop',
        labels: ['secrets:list'],
      },
    ],
    [
      'other-ns',
      { roleKind: 'Role', resolved: false, builtin: false, partial: false, scope: 'billing', labels: [] },
    ],
    [
      'edit-all',
      {
        roleKind: 'ClusterRole',
        resolved: true,
        builtin: true,
        partial: true,
        scope: 'cluster',
        labels: ['nodes/proxy:get'],
      },
    ],
    [
      'monitoring',
      {
        roleKind: 'ClusterRole',
        resolved: true,
        builtin: false,
        partial: true,
        scope: 'cluster',
        labels: ['secrets:watch'],
      },
    ],
    [
      'root',
      {
        roleKind: 'ClusterRole',
        resolved: true,
        builtin: true,
        partial: false,
        scope: 'cluster',
        labels: ['cluster-admin'],
      },
    ],
    [
      'unknown',
      {
        roleKind: 'ClusterRole',
        resolved: false,
        builtin: false,
        partial: false,
        scope: 'cluster',
        labels: [],
      },
    ],
  ] as const)('resolves %s', (name, expected) => {
    const grant = resolveGrant(index, binding(name))!;
    const { labels, ...fields } = expected;
    expect(grant).toMatchObject(fields);
    expect(dangerousPermissions(grant.rules)).toEqual(expect.arrayContaining([...labels]));
    if (labels.length === 0) expect(dangerousPermissions(grant.rules)).toEqual([]);
  });

  it('adds scanned aggregated ClusterRoles to the built-in model', () => {
    const grant = resolveGrant(index, binding('edit-all'))!;
    expect(grant.rules.some((r) => r.source?.name === 'crd-editor')).toBe(true);
  });

  it('rejects a ClusterRoleBinding to a Role', () => {
    expect(resolveGrant(index, binding('invalid'))).toBeUndefined();
  });

  it('finds every grant of a ServiceAccount, by name, username and group', () => {
    const grants = grantsOfServiceAccount(index, 'shop', 'app');
    expect(grants.map((g) => [g.binding.name, g.subject?.kind, g.subject?.name]).sort()).toEqual(
      [
        ['edit-all', 'User', 'system:serviceaccount:shop:app'],
        ['monitoring', 'Group', 'system:serviceaccounts:shop'],
        ['other-ns', 'ServiceAccount', 'app'],
        ['sa-reader', 'ServiceAccount', 'app'],
        ['unknown', 'Group', 'system:serviceaccounts'],
      ].sort(),
    );
  });

  it('does not mix up namespaces or subject kinds', () => {
    expect(
      grantsOfServiceAccount(index, 'billing', 'app')
        .map((g) => g.binding.name)
        .sort(),
    ).toEqual(['unknown']);
    expect(
      grantsOfServiceAccount(index, 'shop', 'worker')
        .map((g) => g.binding.name)
        .sort(),
    ).toEqual(['monitoring', 'someone-else', 'unknown']);
  });
});
