/**
 * ValidatingAdmissionPolicy objects found in the scan, evaluated as rules: what the API server would
 * reject (or warn about) once the policy and its binding are installed, reported before the PR merges.
 * Semantics follow admissionregistration.k8s.io/v1: matchConstraints (resource rules, object and
 * namespace selectors, exclusions), matchConditions, variables, validations with message or
 * messageExpression and fieldPath, bindings' validationActions and matchResources, paramKind/paramRef.
 */
import type { Path, Severity } from '../types.js';
import type { Resource } from '../model/resource.js';
import type { ResourceIndex } from '../model/resource-index.js';
import { asArray, asObject, asString, type JsonObject } from '../model/values.js';
import { isEmptySelector, labelsOf, matchesLabelSelector } from '../model/selector.js';
import { defineRule } from '../rules/rule.js';
import { compileCel, fromCel, isUnsupportedFunctionError, toCel, type CompiledExpression } from './cel.js';
import { celBindings } from './custom-rules.js';

const POLICY_KIND = 'ValidatingAdmissionPolicy';
const BINDING_KIND = 'ValidatingAdmissionPolicyBinding';
const ADMISSION_GROUP = 'admissionregistration.k8s.io';

interface CompiledPolicy {
  conditions: { name: string; expression: CompiledExpression }[];
  variables: { name: string; expression: CompiledExpression }[];
  validations: {
    expression: CompiledExpression;
    source: string;
    message?: string;
    messageExpression?: CompiledExpression;
    path: Path;
    index: number;
  }[];
  /** Expressions that do not compile: the API server would refuse the policy itself. */
  errors: string[];
}

const compiledPolicies = new WeakMap<Resource, CompiledPolicy>();

export default defineRule({
  meta: {
    id: 'admission-policy-violation',
    title: 'Object violates a ValidatingAdmissionPolicy in the scan',
    severity: 'high',
    category: 'validity',
    description:
      'Evaluates every `ValidatingAdmissionPolicy` (admissionregistration.k8s.io/v1) of the scan against the ' +
      'objects it matches (resource rules, object/namespace selectors, exclusions, match conditions), with its ' +
      'variables and bindings, as a CREATE request. A validation that evaluates to false is a finding at its ' +
      "`fieldPath`; severity follows the bindings' `validationActions`: Deny → high, Warn → medium, Audit → " +
      'low; a policy with no binding in the scan is evaluated at medium. Policies with `paramKind` are ' +
      'evaluated only when a binding names a parameter object that is in the scan.',
    rationale:
      'Admission policies are the cluster’s last line: a manifest that violates one fails at deploy time, ' +
      'long after review. Evaluating the same CEL before merge moves the failure to the pull request, with ' +
      'the exact line, and lets platform teams ship one policy for both admission and CI.',
    sources: [
      {
        title: 'Kubernetes: Validating Admission Policy',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/',
      },
      {
        title: 'Common Expression Language in Kubernetes',
        url: 'https://kubernetes.io/docs/reference/using-api/cel/',
      },
    ],
    remediation:
      'Change the object so that the policy’s validation holds (the message says which), or exempt the ' +
      'object in the policy binding’s `matchResources` if the platform team agrees.',
    tags: ['custom', 'admission-policy'],
  },
  crossResource: true,
  match: { any: true },
  check({ resource, index, report }) {
    const policies = index.ofKind(POLICY_KIND);
    if (policies.length === 0 || isAdmissionObject(resource)) return;
    for (const policy of policies) {
      const spec = asObject(policy.object.spec) ?? {};
      if (!matchesResourceRules(asObject(spec.matchConstraints), resource, index)) continue;
      const application = bindingsApplying(policy, resource, index);
      if (!application) continue;
      const compiled = compilePolicy(policy);
      if (compiled.errors.length > 0) continue;
      const params = paramsFor(spec, application.paramRefs, index);
      if (params === undefined) continue;
      const bindings: Record<string, unknown> = { ...celBindings(resource, index, false), params };
      if (!conditionsHold(compiled, bindings)) continue;
      bindings.variables = variablesOf(compiled, bindings);
      for (const validation of compiled.validations) {
        const result = validation.expression.evaluate(bindings);
        if (result === true) continue;
        // A Kubernetes CEL library function this evaluator lacks: the object is not at fault; skip.
        if (result instanceof Error && isUnsupportedFunctionError(result.message)) continue;
        const policyName = policy.name ?? '(unnamed)';
        const why =
          result instanceof Error
            ? `its validation \`${validation.source}\` failed to evaluate (${result.message}), which the API server treats as a rejection under failurePolicy Fail`
            : messageOf(validation, bindings);
        report({
          message: `${POLICY_KIND} "${policyName}" would reject this object${application.note}: ${why}`,
          path: validation.path,
          severity: application.severity,
          key: `${policyName}#${validation.index}`,
        });
      }
    }
  },
});

function isAdmissionObject(resource: Resource): boolean {
  return resource.apiVersion.startsWith(`${ADMISSION_GROUP}/`);
}

function compilePolicy(policy: Resource): CompiledPolicy {
  const cached = compiledPolicies.get(policy);
  if (cached) return cached;
  const spec = asObject(policy.object.spec) ?? {};
  const errors: string[] = [];
  const compile = (source: unknown): CompiledExpression | undefined => {
    if (typeof source !== 'string') return undefined;
    const result = compileCel(source);
    if ('error' in result) {
      errors.push(result.error);
      return undefined;
    }
    return result.expression;
  };
  const named = (list: unknown) =>
    asArray(list).flatMap((item) => {
      const object = asObject(item);
      const expression = compile(object?.expression);
      const name = asString(object?.name);
      return expression && name ? [{ name, expression }] : [];
    });
  const compiled: CompiledPolicy = {
    conditions: named(spec.matchConditions),
    variables: named(spec.variables),
    validations: asArray(spec.validations).flatMap((item, index) => {
      const object = asObject(item);
      const source = asString(object?.expression);
      const expression = compile(source);
      if (!expression || source === undefined) return [];
      const messageExpression = compile(object?.messageExpression);
      const message = asString(object?.message);
      return [
        {
          expression,
          source,
          index,
          path: fieldPath(asString(object?.fieldPath)),
          ...(message !== undefined && { message }),
          ...(messageExpression && { messageExpression }),
        },
      ];
    }),
    errors,
  };
  compiledPolicies.set(policy, compiled);
  return compiled;
}

/** `matchConstraints.resourceRules` (+ selectors and exclusions) against one object as a CREATE. */
function matchesResourceRules(
  constraints: JsonObject | undefined,
  resource: Resource,
  index: ResourceIndex,
): boolean {
  if (!constraints) return false;
  const rules = asArray(constraints.resourceRules).map(asObject);
  if (!rules.some((rule) => rule && matchesRule(rule, resource))) return false;
  if (asArray(constraints.excludeResourceRules).some((rule) => matchesRule(asObject(rule) ?? {}, resource)))
    return false;
  return matchesSelectors(constraints, resource, index);
}

function matchesRule(rule: JsonObject, resource: Resource): boolean {
  const slash = resource.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : resource.apiVersion.slice(0, slash);
  const version = slash < 0 ? resource.apiVersion : resource.apiVersion.slice(slash + 1);
  const has = (list: unknown, value: string) => asArray(list).some((item) => item === '*' || item === value);
  const operations = asArray(rule.operations);
  const operationMatches = operations.length === 0 || operations.some((o) => o === '*' || o === 'CREATE');
  const resourceNames = asArray(rule.resourceNames);
  const nameMatches = resourceNames.length === 0 || resourceNames.includes(resource.name);
  return (
    has(rule.apiGroups, group) &&
    has(rule.apiVersions, version) &&
    has(rule.resources, pluralOf(resource.kind)) &&
    operationMatches &&
    nameMatches
  );
}

/** objectSelector and namespaceSelector; a namespace that is not in the scan cannot be judged, so it matches. */
function matchesSelectors(holder: JsonObject, resource: Resource, index: ResourceIndex): boolean {
  const objectSelector = holder.objectSelector;
  if (objectSelector !== undefined && !isEmptySelector(objectSelector)) {
    if (!matchesLabelSelector(objectSelector, labelsOf(resource.metadata))) return false;
  }
  const namespaceSelector = holder.namespaceSelector;
  if (
    namespaceSelector !== undefined &&
    !isEmptySelector(namespaceSelector) &&
    resource.namespace !== undefined
  ) {
    const namespace = index.find('Namespace', undefined, resource.namespace);
    if (namespace && !matchesLabelSelector(namespaceSelector, labelsOf(namespace.metadata))) return false;
  }
  return true;
}

interface Application {
  severity: Severity;
  note: string;
  paramRefs: JsonObject[];
}

const ACTION_SEVERITY: Readonly<Record<string, Severity>> = { Deny: 'high', Warn: 'medium', Audit: 'low' };
const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

/** How the policy applies to the object through its bindings in the scan (undefined: no binding selects it). */
function bindingsApplying(
  policy: Resource,
  resource: Resource,
  index: ResourceIndex,
): Application | undefined {
  const bindings = bindingsByPolicy(index).get(policy.name) ?? [];
  if (bindings.length === 0)
    return { severity: 'medium', note: ' once bound (no binding in the scan)', paramRefs: [] };
  const severities: Severity[] = [];
  const paramRefs: JsonObject[] = [];
  for (const binding of bindings) {
    const spec = asObject(binding.object.spec) ?? {};
    const matchResources = asObject(spec.matchResources);
    if (matchResources) {
      if (
        asArray(matchResources.resourceRules).length > 0 &&
        !matchesResourceRules(matchResources, resource, index)
      )
        continue;
      if (asArray(matchResources.excludeResourceRules).some((r) => matchesRule(asObject(r) ?? {}, resource)))
        continue;
      if (!matchesSelectors(matchResources, resource, index)) continue;
    }
    for (const action of asArray(spec.validationActions)) {
      const severity = ACTION_SEVERITY[String(action)];
      if (severity) severities.push(severity);
    }
    const paramRef = asObject(spec.paramRef);
    if (paramRef) paramRefs.push(paramRef);
  }
  const worst = SEVERITY_ORDER.find((s) => severities.includes(s));
  return worst ? { severity: worst, note: '', paramRefs } : undefined;
}

/** The bindings in the scan by the policy name they bind, grouped once per scan. */
function bindingsByPolicy(index: ResourceIndex): ReadonlyMap<string | undefined, readonly Resource[]> {
  return index.derived('admission-policy:bindings-by-policy', () => {
    const byPolicy = new Map<string | undefined, Resource[]>();
    for (const binding of index.ofKind(BINDING_KIND)) {
      const policyName = asString(asObject(binding.object.spec)?.policyName);
      const list = byPolicy.get(policyName);
      if (list) list.push(binding);
      else byPolicy.set(policyName, [binding]);
    }
    return byPolicy;
  });
}

/** The `params` binding: null without paramKind; the referenced object when it is in the scan; else undefined (skip). */
function paramsFor(spec: JsonObject, paramRefs: readonly JsonObject[], index: ResourceIndex): unknown {
  const paramKind = asObject(spec.paramKind);
  if (!paramKind) return null;
  const kind = asString(paramKind.kind);
  for (const ref of paramRefs) {
    const name = asString(ref.name);
    if (!kind || !name) continue;
    const found = index.ofKind(kind).find((r) => r.name === name);
    if (found) return found.object;
  }
  return undefined;
}

function conditionsHold(compiled: CompiledPolicy, bindings: Record<string, unknown>): boolean {
  return compiled.conditions.every(({ expression }) => expression.evaluate(bindings) === true);
}

function variablesOf(compiled: CompiledPolicy, bindings: Record<string, unknown>): Record<string, unknown> {
  let variables: Record<string, unknown> = {};
  for (const { name, expression } of compiled.variables) {
    // Each variable sees the ones before it, as in the API server. A fresh object each time: CEL
    // conversion caches by identity, so a binding must never change after it was converted.
    const value = expression.evaluate({ ...bindings, variables });
    variables = { ...variables, [name]: value instanceof Error ? null : toCel(fromCel(value)) };
  }
  return variables;
}

function messageOf(
  validation: CompiledPolicy['validations'][number],
  bindings: Record<string, unknown>,
): string {
  if (validation.messageExpression) {
    const text = validation.messageExpression.evaluate(bindings);
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return validation.message ?? `failed expression: ${validation.source}`;
}

/** A validation's `fieldPath` (`spec.replicas`, `.spec.containers[0].image`, `.metadata.labels['app']`) as a path. */
export function fieldPath(text: string | undefined): Path {
  if (!text) return [];
  const path: (string | number)[] = [];
  const pattern = /\.?([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push(match[3] ?? match[4] ?? '');
  }
  return path;
}

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { endpoints: 'endpoints' };

/** The resource (plural) name of a kind, as resource rules name it: Deployment → deployments. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (IRREGULAR_PLURALS[lower]) return IRREGULAR_PLURALS[lower];
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}
