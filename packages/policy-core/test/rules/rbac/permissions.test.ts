import {
  BUILTIN_CLUSTER_ROLES,
  allows,
  allowsNonResource,
  allowsSome,
  dangerousPermissions,
  policyRulesOf,
  summarizePermissions,
  type PolicyRule,
} from '../../../src/rules/rbac/permissions.js';
import { indexOf } from './helpers.js';

function rule(fields: Partial<PolicyRule>): PolicyRule {
  return {
    apiGroups: [''],
    resources: [],
    verbs: [],
    resourceNames: [],
    nonResourceURLs: [],
    path: [],
    ...fields,
  };
}

/** The rules of the only Role/ClusterRole in a YAML text. */
function rulesOf(text: string): PolicyRule[] {
  const role = indexOf(text).all.find((r) => r.kind === 'Role' || r.kind === 'ClusterRole');
  return policyRulesOf(role!);
}

function clusterRole(rules: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n${rules}`;
}

describe('allows', () => {
  const cases: [string, PolicyRule, string, string, string, string | undefined, boolean][] = [
    [
      'exact verb and resource',
      rule({ verbs: ['get'], resources: ['secrets'] }),
      'get',
      'secrets',
      '',
      undefined,
      true,
    ],
    [
      'another verb',
      rule({ verbs: ['get'], resources: ['secrets'] }),
      'list',
      'secrets',
      '',
      undefined,
      false,
    ],
    [
      'verbs are case-sensitive',
      rule({ verbs: ['GET'], resources: ['secrets'] }),
      'get',
      'secrets',
      '',
      undefined,
      false,
    ],
    ['"*" verbs', rule({ verbs: ['*'], resources: ['secrets'] }), 'watch', 'secrets', '', undefined, true],
    [
      '"*" resources include subresources',
      rule({ verbs: ['create'], resources: ['*'] }),
      'create',
      'pods/exec',
      '',
      undefined,
      true,
    ],
    [
      'a resource does not include its subresources',
      rule({ verbs: ['create'], resources: ['pods'] }),
      'create',
      'pods/exec',
      '',
      undefined,
      false,
    ],
    [
      '"*/exec" matches every exec subresource',
      rule({ verbs: ['create'], resources: ['*/exec'] }),
      'create',
      'pods/exec',
      '',
      undefined,
      true,
    ],
    [
      '"*/exec" does not match the resource itself',
      rule({ verbs: ['create'], resources: ['*/exec'] }),
      'create',
      'pods',
      '',
      undefined,
      false,
    ],
    [
      '"pods/*" is not a wildcard',
      rule({ verbs: ['create'], resources: ['pods/*'] }),
      'create',
      'pods/exec',
      '',
      undefined,
      false,
    ],
    [
      'API group must match',
      rule({ verbs: ['get'], resources: ['deployments'], apiGroups: [''] }),
      'get',
      'deployments',
      'apps',
      undefined,
      false,
    ],
    [
      '"*" API groups',
      rule({ verbs: ['get'], resources: ['deployments'], apiGroups: ['*'] }),
      'get',
      'deployments',
      'apps',
      undefined,
      true,
    ],
    [
      'no apiGroups matches nothing',
      rule({ verbs: ['get'], resources: ['secrets'], apiGroups: [] }),
      'get',
      'secrets',
      '',
      undefined,
      false,
    ],
    [
      'resourceNames: not every object',
      rule({ verbs: ['get'], resources: ['secrets'], resourceNames: ['a'] }),
      'get',
      'secrets',
      '',
      undefined,
      false,
    ],
    [
      'resourceNames: the named object',
      rule({ verbs: ['get'], resources: ['secrets'], resourceNames: ['a'] }),
      'get',
      'secrets',
      '',
      'a',
      true,
    ],
    [
      'resourceNames: another object',
      rule({ verbs: ['get'], resources: ['secrets'], resourceNames: ['a'] }),
      'get',
      'secrets',
      '',
      'b',
      false,
    ],
  ];
  it.each(cases)('%s', (_name, r, verb, resource, group, name, expected) => {
    expect(allows(r, verb, resource, group, name)).toBe(expected);
  });

  it('allowsSome counts rules limited to named objects', () => {
    const named = rule({ verbs: ['get'], resources: ['secrets'], resourceNames: ['a'] });
    expect(allowsSome(named, 'get', 'secrets')).toBe(true);
    expect(allowsSome(named, 'list', 'secrets')).toBe(false);
  });

  it.each([
    ['*', '/metrics', true],
    ['/healthz', '/healthz', true],
    ['/healthz', '/livez', false],
    ['/api/*', '/api/v1', true],
  ] as const)('nonResourceURLs %s against %s', (url, path, expected) => {
    expect(allowsNonResource(rule({ verbs: ['get'], nonResourceURLs: [url] }), 'get', path)).toBe(expected);
    expect(allowsNonResource(rule({ verbs: ['post'], nonResourceURLs: [url] }), 'get', path)).toBe(false);
  });
});

describe('dangerousPermissions', () => {
  const cases: [string, string, { namespaced?: boolean }, string[]][] = [
    [
      'a full wildcard is cluster-admin alone',
      '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["list"]\n',
      {},
      ['cluster-admin'],
    ],
    [
      'harmless reads',
      '  - apiGroups: [""]\n    resources: ["pods", "configmaps"]\n    verbs: ["get", "list"]\n',
      {},
      [],
    ],
    [
      'a "read everything" rule',
      '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["get"]\n',
      {},
      ['secrets:get', 'pods/exec:get', 'pods/attach:get', 'pods/portforward:get', 'nodes/proxy:get'],
    ],
    [
      'namespaced scope drops cluster-scoped resources',
      '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["get"]\n',
      { namespaced: true },
      ['secrets:get', 'pods/exec:get', 'pods/attach:get', 'pods/portforward:get'],
    ],
    [
      'secrets limited by resourceNames',
      '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["tls"]\n    verbs: ["get", "list"]\n',
      {},
      [],
    ],
    [
      'exec limited by resourceNames still counts',
      '  - apiGroups: [""]\n    resources: ["pods/exec"]\n    resourceNames: ["db-0"]\n    verbs: ["create"]\n',
      {},
      ['pods/exec:create'],
    ],
    [
      'creating pods with resourceNames grants nothing',
      '  - apiGroups: [""]\n    resources: ["pods"]\n    resourceNames: ["x"]\n    verbs: ["create"]\n',
      {},
      [],
    ],
    [
      'workload controllers',
      '  - apiGroups: ["batch"]\n    resources: ["cronjobs"]\n    verbs: ["create", "patch"]\n',
      {},
      ['cronjobs:create', 'cronjobs:patch'],
    ],
    [
      'bind limited to a harmless role',
      '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    resourceNames: ["view"]\n    verbs: ["bind"]\n',
      {},
      [],
    ],
    [
      'bind limited to cluster-admin',
      '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    resourceNames: ["cluster-admin"]\n    verbs: ["bind"]\n',
      {},
      ['bind'],
    ],
    [
      'escalate on roles',
      '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["escalate"]\n',
      { namespaced: true },
      ['escalate'],
    ],
    [
      'impersonating user extras',
      '  - apiGroups: ["authentication.k8s.io"]\n    resources: ["userextras/scopes"]\n    verbs: ["impersonate"]\n',
      {},
      ['impersonate'],
    ],
    [
      'token creation',
      '  - apiGroups: [""]\n    resources: ["serviceaccounts/token"]\n    verbs: ["create"]\n',
      {},
      ['serviceaccounts/token:create'],
    ],
    [
      'signer approval without CSR approval updates',
      '  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    verbs: ["approve"]\n',
      {},
      [],
    ],
    [
      'signer approval with CSR approval updates',
      '  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    resourceNames: ["kubernetes.io/kube-apiserver-client"]\n    verbs: ["approve"]\n',
      {},
      ['signers:approve'],
    ],
    [
      'approval of a custom signer',
      '  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    resourceNames: ["example.com/my-signer"]\n    verbs: ["approve"]\n',
      {},
      [],
    ],
  ];
  it.each(cases)('%s', (_name, rules, options, expected) => {
    expect(dangerousPermissions(rulesOf(clusterRole(rules)), options)).toEqual(expected);
  });

  it('models the built-in roles: view is harmless, edit and admin are not', () => {
    expect(dangerousPermissions(BUILTIN_CLUSTER_ROLES.view!.rules)).toEqual([]);
    expect(dangerousPermissions(BUILTIN_CLUSTER_ROLES['cluster-admin']!.rules)).toEqual(['cluster-admin']);
    const edit = dangerousPermissions(BUILTIN_CLUSTER_ROLES.edit!.rules);
    expect(edit).toEqual(
      expect.arrayContaining([
        'secrets:list',
        'pods/exec:create',
        'pods/exec:get',
        'pods:create',
        'impersonate',
        'serviceaccounts/token:create',
      ]),
    );
    expect(edit).not.toContain('escalate');
    expect(edit).not.toContain('bind');
    expect(dangerousPermissions(BUILTIN_CLUSTER_ROLES.admin!.rules)).toEqual(edit);
  });

  it('summarizes labels by resource', () => {
    expect(summarizePermissions(['secrets:get', 'secrets:list', 'impersonate', 'pods/exec:create'])).toBe(
      'secrets (get, list), impersonate, pods/exec (create)',
    );
    expect(summarizePermissions(['a:x', 'b:x', 'c:x'], 2)).toBe('a (x), b (x) and 1 more');
  });
});
