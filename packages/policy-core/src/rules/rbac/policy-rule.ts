/**
 * RBAC PolicyRule parsing and request matching with the API server's semantics.
 *
 * Matching follows kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go: exact strings (verbs are case-sensitive);
 * `*` in verbs, apiGroups and resources matches everything, subresources included; `*\/scale` matches the
 * `scale` subresource of every resource; `pods/*` is NOT a wildcard (it matches nothing); `pods` does not match
 * `pods/exec`; a non-empty `resourceNames` limits the rule to requests naming one of those objects, so it never
 * grants `create` on a collection, nor `list`/`watch` of everything.
 */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { asArray, asObject } from '../../model/values.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** One entry of `rules` in a Role or ClusterRole (non-string items are dropped). */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
  /** Path of the entry in its role (`['rules', i]`), when it comes from the scan; `[]` for built-in roles. */
  path: Path;
  /** The scanned Role/ClusterRole the entry belongs to (undefined for built-in roles). */
  source?: Resource;
}

/** Whether an object is a Role, ClusterRole, RoleBinding or ClusterRoleBinding of the RBAC API group. */
export function isRbacObject(resource: Resource): boolean {
  return resource.apiVersion.startsWith(`${RBAC_GROUP}/`);
}

function strings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

/** The rule entries of a scanned Role or ClusterRole. */
export function policyRulesOf(role: Resource): PolicyRule[] {
  const out: PolicyRule[] = [];
  asArray(role.object.rules).forEach((entry, i) => {
    const rule = asObject(entry);
    if (!rule) return;
    out.push({
      apiGroups: strings(rule.apiGroups),
      resources: strings(rule.resources),
      verbs: strings(rule.verbs),
      resourceNames: strings(rule.resourceNames),
      nonResourceURLs: strings(rule.nonResourceURLs),
      path: ['rules', i],
      source: role,
    });
  });
  return out;
}

function resourceMatches(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash >= 0 ? resource.slice(slash + 1) : '';
  return rule.resources.some(
    (r) => r === '*' || r === resource || (subresource !== '' && r === `*/${subresource}`),
  );
}

function ruleMatches(rule: PolicyRule, verb: string, resource: string, apiGroup: string): boolean {
  return (
    (rule.verbs.includes('*') || rule.verbs.includes(verb)) &&
    (rule.apiGroups.includes('*') || rule.apiGroups.includes(apiGroup)) &&
    resourceMatches(rule, resource)
  );
}

/**
 * Whether a rule allows `verb` on `resource` (`pods` or `pods/exec`) in `apiGroup` (core: ''), with wildcards
 * honoured. Without `resourceName` the question is "on every object" (a request naming no object, or any
 * object): a rule limited by `resourceNames` does not allow it. With `resourceName`, that object.
 */
export function allows(
  rule: PolicyRule,
  verb: string,
  resource: string,
  apiGroup = '',
  resourceName?: string,
): boolean {
  if (!ruleMatches(rule, verb, resource, apiGroup)) return false;
  if (rule.resourceNames.length === 0) return true;
  return resourceName !== undefined && rule.resourceNames.includes(resourceName);
}

/** Whether a rule allows `verb` on at least one object of `resource` (named objects count). */
export function allowsSome(rule: PolicyRule, verb: string, resource: string, apiGroup = ''): boolean {
  return ruleMatches(rule, verb, resource, apiGroup);
}

/** Whether a rule allows `verb` on a non-resource URL (`*` and trailing-`*` prefixes honoured). */
export function allowsNonResource(rule: PolicyRule, verb: string, url: string): boolean {
  if (!rule.verbs.includes('*') && !rule.verbs.includes(verb)) return false;
  return rule.nonResourceURLs.some(
    (u) => u === '*' || u === url || (u.endsWith('*') && url.startsWith(u.slice(0, -1))),
  );
}

/** `*` in verbs, apiGroups and resources, for every object: everything cluster-admin can do with resources. */
export function isFullWildcard(rule: PolicyRule): boolean {
  return (
    rule.verbs.includes('*') &&
    rule.apiGroups.includes('*') &&
    rule.resources.includes('*') &&
    rule.resourceNames.length === 0
  );
}
