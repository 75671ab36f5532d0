/**
 * RBAC permission model shared by the RBAC rules and other groups (AI agents): rule matching with the API
 * server's semantics (see policy-rule.ts), binding → role resolution (scanned roles, built-in roles, aggregated
 * ClusterRoles), grants of a ServiceAccount, and the catalogue of dangerous permissions (dangerous.ts).
 */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { labelsOf, matchesLabelSelector } from '../../model/selector.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { BUILTIN_CLUSTER_ROLES } from './builtin-roles.js';
import { isRbacObject, policyRulesOf, type PolicyRule } from './policy-rule.js';

export { BUILTIN_CLUSTER_ROLES, type BuiltinRole } from './builtin-roles.js';
export {
  RBAC_GROUP,
  allows,
  allowsNonResource,
  allowsSome,
  isFullWildcard,
  isRbacObject,
  policyRulesOf,
  type PolicyRule,
} from './policy-rule.js';
export {
  POWERFUL_ROLE_NAMES,
  dangerousMatches,
  dangerousPermissions,
  grantPermissions,
  summarizePermissions,
  type Concept,
  type DangerousMatch,
} from './dangerous.js';

/** A subject of a RoleBinding/ClusterRoleBinding. */
export interface Subject {
  kind: string;
  name: string;
  /** As written; ServiceAccount subjects of a RoleBinding default to the binding's namespace. */
  namespace?: string;
  /** Index in `subjects`. */
  index: number;
  path: Path;
}

/** What one binding grants. */
export interface Grant {
  binding: Resource;
  /** The role object when it is in the scan. */
  role: Resource | undefined;
  roleName: string;
  roleKind: 'Role' | 'ClusterRole';
  /** A default role of the API server (cluster-admin, admin, edit, view) modelled from the bootstrap policy. */
  builtin: boolean;
  rules: PolicyRule[];
  /** `cluster` for a ClusterRoleBinding, otherwise the RoleBinding's namespace ('' when the manifest sets none). */
  scope: 'cluster' | string;
  /** False when the role is neither in the scan nor built-in: its rules are unknown (`rules` is empty). */
  resolved: boolean;
  /**
   * True when `rules` is a lower bound: an aggregated ClusterRole (`aggregationRule`, including the built-in
   * admin, edit and view) whose rules the controller fills in from ClusterRoles that may not all be in the scan.
   */
  partial: boolean;
  /** The subject that matched, for grants looked up by subject. */
  subject?: Subject;
}

export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
}

export function roleRefOf(binding: Resource): RoleRef | undefined {
  const ref = asObject(binding.object.roleRef);
  const kind = asString(ref?.kind);
  const name = asString(ref?.name);
  if ((kind !== 'Role' && kind !== 'ClusterRole') || !name) return undefined;
  return { kind, name };
}

/** The subjects of a binding (entries without a string kind and name are skipped). */
export function subjectsOf(binding: Resource): Subject[] {
  const out: Subject[] = [];
  asArray(binding.object.subjects).forEach((entry, index) => {
    const subject = asObject(entry);
    const kind = asString(subject?.kind);
    const name = asString(subject?.name);
    if (!subject || !kind || name === undefined) return;
    const namespace = asString(subject.namespace);
    out.push({ kind, name, ...(namespace ? { namespace } : {}), index, path: ['subjects', index] });
  });
  return out;
}

/** The namespace of a ServiceAccount subject: its own, else the RoleBinding's (as the authorizer defaults it). */
export function subjectNamespace(subject: Subject, binding: Resource): string | undefined {
  if (subject.namespace) return subject.namespace;
  return binding.kind === 'RoleBinding' ? binding.namespace : undefined;
}

export function findClusterRole(index: ResourceIndex, name: string): Resource | undefined {
  const direct = index.find('ClusterRole', undefined, name);
  if (direct && isRbacObject(direct)) return direct;
  return index.ofKind('ClusterRole').find((r) => r.name === name && isRbacObject(r));
}

/** Rules of the scanned ClusterRoles selected by `selectors`, recursively through aggregated ones. */
function aggregatedRules(
  index: ResourceIndex,
  selectors: readonly unknown[],
  seen: Set<Resource>,
): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const candidate of index.ofKind('ClusterRole')) {
    if (seen.has(candidate) || !isRbacObject(candidate)) continue;
    const labels = labelsOf(candidate.metadata);
    if (!selectors.some((selector) => matchesLabelSelector(selector, labels))) continue;
    seen.add(candidate);
    out.push(...policyRulesOf(candidate));
    const nested = aggregationSelectors(candidate);
    if (nested) out.push(...aggregatedRules(index, nested, seen));
  }
  return out;
}

/** The clusterRoleSelectors of an aggregated ClusterRole, or undefined when it is not aggregated. */
export function aggregationSelectors(role: Resource): unknown[] | undefined {
  const rule = asObject(role.object.aggregationRule);
  return rule ? asArray(rule.clusterRoleSelectors) : undefined;
}

/**
 * What a binding grants: the role from the scan when it is there (RoleBinding → Role in the binding's
 * namespace, or → ClusterRole), else the built-in model. Aggregated ClusterRoles get the rules of the scanned
 * ClusterRoles they select (a lower bound, `partial`). Undefined for a binding without a valid roleRef.
 * Resolved once per binding and scan: several RBAC rules and every agent's ServiceAccount lookup ask.
 */
export function resolveGrant(index: ResourceIndex, binding: Resource): Grant | undefined {
  const grants = index.derived('rbac:grants', () => new Map<Resource, Grant | undefined>());
  if (!grants.has(binding)) grants.set(binding, resolveGrantOnce(index, binding));
  return grants.get(binding);
}

function resolveGrantOnce(index: ResourceIndex, binding: Resource): Grant | undefined {
  const ref = roleRefOf(binding);
  if (!ref || !isRbacObject(binding)) return undefined;
  const clusterWide = binding.kind === 'ClusterRoleBinding';
  if (clusterWide && ref.kind !== 'ClusterRole') return undefined;
  const base = {
    binding,
    roleName: ref.name,
    roleKind: ref.kind,
    scope: clusterWide ? 'cluster' : (binding.namespace ?? ''),
  };
  if (ref.kind === 'Role') {
    const found = index.find('Role', binding.namespace, ref.name);
    const role = found && isRbacObject(found) ? found : undefined;
    return {
      ...base,
      role,
      builtin: false,
      rules: role ? policyRulesOf(role) : [],
      resolved: !!role,
      partial: false,
    };
  }
  const role = findClusterRole(index, ref.name);
  const selectors = role ? aggregationSelectors(role) : undefined;
  if (role && !selectors) {
    return { ...base, role, builtin: false, rules: policyRulesOf(role), resolved: true, partial: false };
  }
  const model = Object.hasOwn(BUILTIN_CLUSTER_ROLES, ref.name) ? BUILTIN_CLUSTER_ROLES[ref.name] : undefined;
  if (model) {
    const extra = aggregatedRules(index, model.aggregates, new Set(role ? [role] : []));
    return {
      ...base,
      role,
      builtin: true,
      rules: [...model.rules, ...extra],
      resolved: true,
      partial: model.aggregates.length > 0,
    };
  }
  if (role && selectors) {
    const rules = [...policyRulesOf(role), ...aggregatedRules(index, selectors, new Set([role]))];
    return { ...base, role, builtin: false, rules, resolved: true, partial: true };
  }
  return { ...base, role: undefined, builtin: false, rules: [], resolved: false, partial: false };
}

function subjectIsServiceAccount(
  subject: Subject,
  binding: Resource,
  namespace: string | undefined,
  name: string,
) {
  const ns = namespace ?? '';
  switch (subject.kind) {
    case 'ServiceAccount':
      return subject.name === name && (subjectNamespace(subject, binding) ?? '') === ns;
    case 'User':
      return namespace !== undefined && subject.name === `system:serviceaccount:${namespace}:${name}`;
    case 'Group':
      return (
        subject.name === 'system:serviceaccounts' ||
        subject.name === 'system:authenticated' ||
        (namespace !== undefined && subject.name === `system:serviceaccounts:${namespace}`)
      );
    default:
      return false;
  }
}

/**
 * Every grant the scan gives to a ServiceAccount: bindings naming it (kind ServiceAccount, or User
 * `system:serviceaccount:<ns>:<name>`), or a group it belongs to (`system:serviceaccounts`,
 * `system:serviceaccounts:<ns>`, `system:authenticated`). RoleBindings count whatever their namespace: check
 * `scope`. Unresolved roles are included with `resolved: false`.
 */
export function grantsOfServiceAccount(
  index: ResourceIndex,
  namespace: string | undefined,
  name: string,
): Grant[] {
  const grants: Grant[] = [];
  for (const binding of [...index.ofKind('RoleBinding'), ...index.ofKind('ClusterRoleBinding')]) {
    if (!isRbacObject(binding)) continue;
    const subject = subjectsOf(binding).find((s) => subjectIsServiceAccount(s, binding, namespace, name));
    if (!subject) continue;
    const grant = resolveGrant(index, binding);
    if (grant) grants.push({ ...grant, subject });
  }
  return grants;
}
