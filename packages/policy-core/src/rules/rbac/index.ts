import type { Rule } from '../rule.js';
import rbacWildcard from './rbac-wildcard.js';
import clusterAdminBinding from './cluster-admin-binding.js';
import rbacSecretsRead from './rbac-secrets-read.js';
import rbacPrivilegeEscalationVerbs from './rbac-privilege-escalation-verbs.js';
import rbacPodExec from './rbac-pod-exec.js';
import rbacCreatePods from './rbac-create-pods.js';
import rbacNodesProxy from './rbac-nodes-proxy.js';
import rbacSystemGroupBinding from './rbac-system-group-binding.js';
import rbacDefaultServiceAccountBinding from './rbac-default-service-account-binding.js';
import rbacBuiltinRoleBinding from './rbac-builtin-role-binding.js';
import rbacDangerousGrant from './rbac-dangerous-grant.js';

/**
 * The rbac rules, in documentation order: what roles allow (on the rule entry that allows it), then who gets
 * what (on the binding). Each permission is reported in one place: on the role when it is in the scan, on the
 * binding when the role is built-in; rbac-dangerous-grant (strict only) adds who holds a scanned role.
 */
export const RBAC_RULES: readonly Rule[] = [
  rbacWildcard,
  rbacSecretsRead,
  rbacPrivilegeEscalationVerbs,
  rbacPodExec,
  rbacNodesProxy,
  rbacCreatePods,
  clusterAdminBinding,
  rbacSystemGroupBinding,
  rbacDefaultServiceAccountBinding,
  rbacBuiltinRoleBinding,
  rbacDangerousGrant,
];
