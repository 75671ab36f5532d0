/**
 * Kubernetes label selectors with the API server's semantics: `matchLabels` and `matchExpressions`
 * are ANDed; an empty selector `{}` selects everything; an absent selector selects nothing where the
 * API says so (callers decide which applies).
 */
import { asArray, asObject, asString, type JsonObject } from './values.js';

export type Labels = Readonly<Record<string, string>>;

/** Labels of an object's metadata as strings (non-string values are ignored, as the API would reject them). */
export function labelsOf(metadata: JsonObject | undefined): Labels {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(metadata?.labels) ?? {})) {
    if (typeof value === 'string') labels[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') labels[key] = String(value);
  }
  return labels;
}

/** A `LabelSelector` (`matchLabels` + `matchExpressions`). Returns false for a malformed selector. */
export function matchesLabelSelector(selector: unknown, labels: Labels): boolean {
  const object = asObject(selector);
  if (!object) return false;
  const matchLabels = asObject(object.matchLabels) ?? {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== String(value)) return false;
  }
  for (const expression of asArray(object.matchExpressions)) {
    if (!matchesExpression(asObject(expression), labels)) return false;
  }
  return true;
}

/** A plain map selector (Service `spec.selector`, ReplicationController): every pair must match. */
export function matchesSelectorMap(selector: unknown, labels: Labels): boolean {
  const object = asObject(selector);
  if (!object) return false;
  return Object.entries(object).every(([key, value]) => labels[key] === String(value));
}

/** True when the selector selects every object (`{}` or only empty parts). */
export function isEmptySelector(selector: unknown): boolean {
  const object = asObject(selector);
  if (!object) return false;
  return (
    Object.keys(asObject(object.matchLabels) ?? {}).length === 0 && asArray(object.matchExpressions).length === 0
  );
}

function matchesExpression(expression: JsonObject | undefined, labels: Labels): boolean {
  if (!expression) return false;
  const key = asString(expression.key);
  if (key === undefined) return false;
  const values = asArray(expression.values).map(String);
  const has = Object.hasOwn(labels, key);
  switch (expression.operator) {
    case 'In':
      return has && values.includes(labels[key] as string);
    case 'NotIn':
      return !has || !values.includes(labels[key] as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}
