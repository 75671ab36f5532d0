/**
 * Selector matching for network policies, with a third answer: `undefined` when a static scan cannot
 * tell (templated values, labels only the cluster knows, selector syntax we do not parse). Callers
 * decide which way an unknown answer leans; the coverage helpers treat it as "selects" so that the
 * "no policy" rules stay quiet.
 */
import { isTemplatedText } from '../../model/image.js';
import type { Labels } from '../../model/selector.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import type { ResourceIndex } from '../../model/resource-index.js';

/** true, false, or undefined when it cannot be known from the manifests. */
export type Tri = boolean | undefined;

/** AND of three-valued answers: any false wins, then any unknown. */
export function allOf(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const value of values) {
    if (value === false) return false;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** OR of three-valued answers: any true wins, then any unknown. */
export function anyOf(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const value of values) {
    if (value === true) return true;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function templated(value: unknown): boolean {
  return typeof value === 'string' && isTemplatedText(value);
}

/**
 * A label lookup: the value, `null` when the label is known to be absent, `undefined` when the scan
 * cannot know (e.g. a namespace label when the Namespace object is not in the scan).
 */
export type LabelLookup = (key: string) => string | null | undefined;

export function lookupIn(labels: Labels): LabelLookup {
  return (key) => (Object.hasOwn(labels, key) ? (labels[key] as string) : null);
}

function matchRequirement(actual: string | null | undefined, operator: unknown, values: unknown[]): Tri {
  if (actual === undefined || (actual !== null && templated(actual))) return undefined;
  if (values.some(templated)) return undefined;
  const wanted = values.map(String);
  switch (operator) {
    case 'In':
      return actual !== null && wanted.includes(actual);
    case 'NotIn':
      return actual === null || !wanted.includes(actual);
    case 'Exists':
      return actual !== null;
    case 'DoesNotExist':
      return actual === null;
    default:
      return false;
  }
}

/**
 * A Kubernetes `LabelSelector` (`matchLabels` AND `matchExpressions`; `{}` selects everything).
 * `key` may rewrite selector keys (e.g. strip Cilium's `k8s:` source prefix). Not an object: false.
 */
export function matchSelector(
  selector: unknown,
  lookup: LabelLookup,
  key: (k: string) => string = (k) => k,
): Tri {
  const object = asObject(selector);
  if (!object) return false;
  const results: Tri[] = [];
  for (const [k, v] of Object.entries(asObject(object.matchLabels) ?? {})) {
    results.push(matchRequirement(lookup(key(k)), 'In', [v]));
  }
  for (const raw of asArray(object.matchExpressions)) {
    const expression = asObject(raw);
    const k = asString(expression?.key);
    if (!expression || k === undefined) return false;
    results.push(matchRequirement(lookup(key(k)), expression.operator, asArray(expression.values)));
  }
  return allOf(results);
}

/** True for `{}` (or a selector with only empty parts): it selects everything. */
export function selectsEverything(selector: unknown): boolean {
  const object = asObject(selector);
  return (
    object !== undefined &&
    Object.keys(asObject(object.matchLabels) ?? {}).length === 0 &&
    asArray(object.matchExpressions).length === 0
  );
}

/**
 * The labels of a namespace: those of the Namespace object when it is in the scan, plus the
 * `kubernetes.io/metadata.name` label the API server sets on every namespace. Other labels of a
 * namespace that is not in the scan are unknown.
 */
export function namespaceLookup(index: ResourceIndex, namespace: string | undefined): LabelLookup {
  if (namespace === undefined) return () => undefined;
  const object = index.find('Namespace', undefined, namespace);
  const labels: JsonObject = asObject(object?.metadata.labels) ?? {};
  return (key) => {
    if (key === 'kubernetes.io/metadata.name') return namespace;
    if (!object) return undefined;
    const value = labels[key];
    return value === undefined || value === null ? null : String(value);
  };
}

// --- Calico selector expressions (a subset) ---------------------------------------------------------

const QUOTED = String.raw`(?:'([^']*)'|"([^"]*)")`;
const KEY = String.raw`([A-Za-z0-9_./-]+)`;
const CALICO_TERMS: readonly { pattern: RegExp; test: (m: RegExpMatchArray, get: LabelLookup) => Tri }[] = [
  { pattern: /^all\(\)$/, test: () => true },
  { pattern: /^global\(\)$/, test: () => undefined },
  { pattern: new RegExp(String.raw`^has\(\s*${KEY}\s*\)$`), test: (m, get) => presence(get(m[1]!), true) },
  {
    pattern: new RegExp(String.raw`^!\s*has\(\s*${KEY}\s*\)$`),
    test: (m, get) => presence(get(m[1]!), false),
  },
  {
    pattern: new RegExp(String.raw`^${KEY}\s*(==|!=)\s*${QUOTED}$`),
    test: (m, get) => compare(get(m[1]!), m[2] === '==' ? 'In' : 'NotIn', [m[3] ?? m[4] ?? '']),
  },
  {
    pattern: new RegExp(String.raw`^${KEY}\s+(in|not\s+in)\s*\{([^}]*)\}$`),
    test: (m, get) => compare(get(m[1]!), m[2] === 'in' ? 'In' : 'NotIn', quotedList(m[3]!)),
  },
];

function presence(actual: string | null | undefined, wanted: boolean): Tri {
  return actual === undefined ? undefined : (actual !== null) === wanted;
}

function compare(actual: string | null | undefined, operator: 'In' | 'NotIn', values: string[]): Tri {
  return matchRequirement(actual, operator, values);
}

function quotedList(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
}

/**
 * A Calico selector (`app == 'web' && has(tier)`, `all()`). Only `&&`-joined terms of the forms
 * `all()`, `has(k)`, `!has(k)`, `k == 'v'`, `k != 'v'`, `k in {…}` and `k not in {…}` are understood;
 * anything else (`||`, parentheses, `starts with`, …) is unknown. An empty selector selects all.
 */
export function matchCalicoSelector(selector: unknown, lookup: LabelLookup): Tri {
  if (selector === undefined || selector === null) return true;
  if (typeof selector !== 'string') return false;
  const text = selector.trim();
  if (text === '') return true;
  if (
    isTemplatedText(text) ||
    text.includes('||') ||
    /[()]/.test(text.replace(/\b(all|global|has)\([^()]*\)/g, ''))
  ) {
    return undefined;
  }
  return allOf(
    text.split('&&').map((term) => {
      const trimmed = term.trim();
      for (const { pattern, test } of CALICO_TERMS) {
        const match = trimmed.match(pattern);
        if (match) return test(match, lookup);
      }
      return undefined;
    }),
  );
}
