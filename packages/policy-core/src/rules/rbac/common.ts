/** Helpers shared by the RBAC rules (no rule logic lives here). */
import type { Path, RuleSource, Severity } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { asArray, getPath } from '../../model/values.js';
import type { EvaluationSettings } from '../rule.js';
import { isSystemNamespace } from '../shared/context.js';
import {
  aggregationSelectors,
  isRbacObject,
  policyRulesOf,
  subjectNamespace,
  type PolicyRule,
  type Subject,
} from './permissions.js';

export const ROLE_KINDS: readonly string[] = ['Role', 'ClusterRole'];
export const BINDING_KINDS: readonly string[] = ['RoleBinding', 'ClusterRoleBinding'];

export const RBAC_TAGS = ['rbac'];

export const RBAC_DOC: RuleSource = {
  title: 'Kubernetes: Using RBAC Authorization',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
};

export const USER_FACING_ROLES: RuleSource = {
  title: 'Kubernetes RBAC: user-facing roles',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
};

/** The "Role Based Access Control Good Practices" page, optionally at a section. */
export function goodPractices(section?: { anchor: string; title: string }): RuleSource {
  const url = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
  if (!section) return { title: 'Kubernetes: Role Based Access Control Good Practices', url };
  return { title: `Kubernetes RBAC good practices: ${section.title}`, url: `${url}#${section.anchor}` };
}

/**
 * Name prefixes of roles and bindings the platform owns: Kubernetes bootstrap policy (`system:`), kubeadm
 * (`kubeadm:`), EKS (`eks:`) and GKE (`gce:`). They are reconciled or managed by the provider; editing them
 * is not the user's fix.
 */
const PLATFORM_PREFIXES: readonly string[] = ['system:', 'kubeadm:', 'eks:', 'gce:'];

export function isPlatformOwned(name: string | undefined): boolean {
  return name !== undefined && PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

const LOWER: Readonly<Record<Severity, Severity>> = {
  critical: 'high',
  high: 'medium',
  medium: 'low',
  low: 'info',
  info: 'info',
};

/** One step less severe. */
export function lower(severity: Severity): Severity {
  return LOWER[severity];
}

const RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** `ClusterRole "reader"`, `Role "shop/reader"`, `RoleBinding "shop/ci"`. */
export function objectLabel(resource: Resource): string {
  const name = resource.name ?? '(unnamed)';
  return `${resource.kind} "${resource.namespace ? `${resource.namespace}/` : ''}${name}"`;
}

/** `ServiceAccount "shop/ci"`, `User "alice"`, `Group "devs"`. */
export function subjectLabel(subject: Subject, binding: Resource): string {
  if (subject.kind !== 'ServiceAccount') return `${subject.kind} "${subject.name}"`;
  const namespace = subjectNamespace(subject, binding);
  return `ServiceAccount "${namespace ? `${namespace}/` : ''}${subject.name}"`;
}

/** `"a", "b" and "c"` */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------
// Role entries

export interface RoleEntry {
  role: Resource;
  rule: PolicyRule;
  /** Every entry of the role. */
  all: PolicyRule[];
  /** Index in `rules`. */
  index: number;
  /** A Role: cluster-scoped resources (nodes, users, CSRs, ClusterRoles) cannot be granted by it. */
  namespaced: boolean;
  /** `ClusterRole "reader" rules[0]` */
  label: string;
}

/**
 * The rule entries the role-level rules check. None for objects outside the RBAC API group, for
 * platform-owned roles (see PLATFORM_PREFIXES) and for aggregated ClusterRoles (their `rules` are overwritten
 * by the aggregation controller; the ClusterRoles they select are checked on their own).
 */
export function roleEntries(resource: Resource): RoleEntry[] {
  if (!isRbacObject(resource) || isPlatformOwned(resource.name)) return [];
  if (resource.kind === 'ClusterRole' && aggregationSelectors(resource)) return [];
  const all = policyRulesOf(resource);
  const label = objectLabel(resource);
  return all.map((rule) => {
    const index = rule.path[1] as number;
    return {
      role: resource,
      rule,
      all,
      index,
      namespaced: resource.kind === 'Role',
      label: `${label} rules[${index}]`,
    };
  });
}

/** Path of the first item of `field` equal to one of `candidates` (in candidate order), else of the field. */
export function itemPath(entry: RoleEntry, field: string, candidates: readonly string[]): Path {
  const raw = asArray(getPath(entry.role.object, [...entry.rule.path, field]));
  for (const candidate of candidates) {
    const i = raw.indexOf(candidate);
    if (i >= 0) return [...entry.rule.path, field, i];
  }
  return [...entry.rule.path, field];
}

/** Path of the `resources` item that matches `resource` (`pods/exec`, else `*\/exec`, else `*`). */
export function resourceItemPath(entry: RoleEntry, resource: string): Path {
  const slash = resource.indexOf('/');
  const candidates = slash >= 0 ? [resource, `*/${resource.slice(slash + 1)}`, '*'] : [resource, '*'];
  return itemPath(entry, 'resources', candidates);
}

/** Path of the `verbs` item that allows `verb` (the verb itself, else `*`). */
export function verbItemPath(entry: RoleEntry, verb: string): Path {
  return itemPath(entry, 'verbs', [verb, '*']);
}

// ---------------------------------------------------------------------------------------------------------
// Subjects: each kind of subject is reported by exactly one binding rule.

export type SubjectClass =
  /** User or Group `system:anonymous`, Group `system:unauthenticated`: anyone who can reach the API server. */
  | 'unauthenticated'
  /** Group `system:authenticated`: every user and every ServiceAccount token. */
  | 'authenticated'
  /** Group `system:serviceaccounts`: every ServiceAccount of the cluster. */
  | 'all-service-accounts'
  /** Group `system:masters`: bypasses RBAC. */
  | 'masters'
  /** ServiceAccount `default`, or Group `system:serviceaccounts:<ns>`: every pod of a namespace. */
  | 'namespace-pods'
  /** Other `system:` users and groups (control-plane components, nodes) and kubeadm's admin group. */
  | 'platform'
  /** Named users, groups and ServiceAccounts. */
  | 'named';

/** Rules that own each subject class: rbac-system-group-binding and rbac-default-service-account-binding. */
export const SYSTEM_GROUP_CLASSES: readonly SubjectClass[] = [
  'unauthenticated',
  'authenticated',
  'all-service-accounts',
  'masters',
];

export function classifySubject(subject: Subject): SubjectClass {
  const { kind, name } = subject;
  if (kind === 'ServiceAccount') return name === 'default' ? 'namespace-pods' : 'named';
  if (name === 'system:anonymous' && (kind === 'User' || kind === 'Group')) return 'unauthenticated';
  if (kind === 'Group') {
    if (name === 'system:unauthenticated') return 'unauthenticated';
    if (name === 'system:authenticated') return 'authenticated';
    if (name === 'system:serviceaccounts') return 'all-service-accounts';
    if (name === 'system:masters') return 'masters';
    if (name.startsWith('system:serviceaccounts:')) return 'namespace-pods';
    // kubeadm (1.29+) binds its admin.conf group to cluster-admin instead of using system:masters.
    if (name === 'kubeadm:cluster-admins') return 'platform';
  }
  if (kind === 'User' && name.startsWith('system:serviceaccount:')) return 'named';
  return name.startsWith('system:') ? 'platform' : 'named';
}

/** The namespace of a ServiceAccount subject (kind ServiceAccount, or User `system:serviceaccount:<ns>:<name>`). */
export function serviceAccountNamespace(subject: Subject, binding: Resource): string | undefined {
  if (subject.kind === 'ServiceAccount') return subjectNamespace(subject, binding);
  const match = /^system:serviceaccount:([^:]+):/.exec(subject.name);
  return subject.kind === 'User' && match ? match[1] : undefined;
}

/** A ServiceAccount of a platform namespace (kube-system, operators' namespaces, settings.systemNamespaces). */
export function isPlatformServiceAccount(
  subject: Subject,
  binding: Resource,
  settings: EvaluationSettings,
): boolean {
  return isSystemNamespace(serviceAccountNamespace(subject, binding), settings);
}
