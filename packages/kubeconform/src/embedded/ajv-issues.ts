import type { SchemaIssue } from '@shiftdown/policy-core';
import type { AjvLikeError } from './kubernetes-models.js';
import { pointerToPath, valueAt } from '../json-pointer.js';
import { allowedValues, describeValue, fieldName, formatHint, orList, quote, where } from './messages.js';

type Path = (string | number)[];

export interface AjvIssueOptions {
  /** `Deployment apps/v1`: named in unknown-field messages. */
  schemaName: string;
  /** Whether null is accepted at this path whatever the schema says (kubeconform: map values are nullable). */
  acceptsNull?: (path: Path) => boolean;
  /** Where the validated value sits in the resource (issue paths and messages are relative to the resource). */
  base?: Path;
}

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);

interface Located {
  error: AjvLikeError;
  path: Path;
}

/**
 * Turns ajv errors into one issue per distinct problem: the errors a `oneOf`/`anyOf` repeats for each of
 * its branches (IntOrString, Quantity) become one message at the value; a combinator's own summary error is
 * dropped when a more precise error sits at or below it; duplicates are removed.
 */
export function issuesFromAjv(
  errors: readonly AjvLikeError[] | null | undefined,
  root: unknown,
  options: AjvIssueOptions,
): SchemaIssue[] {
  if (!errors || errors.length === 0) return [];
  const located: Located[] = errors.map((error) => ({
    error,
    path: pointerToPath(String(error.instancePath ?? ''), root),
  }));
  const groups = new Map<string, Located[]>();
  // Paths with a non-combinator error somewhere below them (one pass, so many errors stay linear).
  const errorBelow = new Set<string>();
  for (const entry of located) {
    const key = JSON.stringify(entry.path);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
    if (COMBINATORS.has(entry.error.keyword)) continue;
    for (let length = 0; length < entry.path.length; length++)
      errorBelow.add(JSON.stringify(entry.path.slice(0, length)));
  }
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: SchemaIssue): void => {
    const key = `${JSON.stringify(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };
  for (const group of groups.values()) {
    const path = group[0]!.path;
    const below = errorBelow.has(JSON.stringify(path));
    for (const issue of groupIssues(group, path, valueAt(root, path), below, options)) push(issue);
  }
  return issues;
}

function groupIssues(
  group: Located[],
  path: Path,
  value: unknown,
  errorBelow: boolean,
  options: AjvIssueOptions,
): SchemaIssue[] {
  if (value === null && options.acceptsNull?.(path)) return [];
  const full = [...(options.base ?? []), ...path];
  const out: SchemaIssue[] = [];
  const expected = unique(
    group.flatMap(({ error }) => (error.keyword === 'type' ? typeNames(error.params?.type) : [])),
  );
  // When a branch of a oneOf/anyOf accepted the value's type and failed on something else (a quantity's
  // format, a pattern, a required field), that is the problem to report, not the other branches' types.
  const rightType = expected.length === 0 || expected.some((type) => matchesType(value, type));
  const precise = errorBelow || hasPreciseError(group, value);
  if (!rightType && !precise) {
    out.push(
      invalid(
        full,
        `${fieldName(full)} has the wrong type: expected ${orList(expected.sort())}, but got ${describeValue(value)}.`,
      ),
    );
  }
  for (const { error } of group) {
    if (error.keyword === 'type') continue;
    if (error.keyword === 'format' && !formatApplies(error, value)) continue;
    if (COMBINATORS.has(error.keyword)) {
      if (expected.length > 0 || precise) continue;
      out.push(invalid(full, combinatorMessage(error, full)));
      continue;
    }
    for (const issue of keywordIssues(error, full, value, options)) out.push(issue);
  }
  return out;
}

/** A format error matters only when the value has the type the format is about (ajv checks both). */
function formatApplies(error: AjvLikeError, value: unknown): boolean {
  return (
    typeof value === 'string' ||
    (typeof value === 'number' && /^(int32|int64|float|double)$/.test(String(error.params?.format)))
  );
}

/** An error at this path other than a type or combinator error (a format error only where it applies). */
function hasPreciseError(group: Located[], value: unknown): boolean {
  return group.some(
    ({ error }) =>
      !COMBINATORS.has(error.keyword) &&
      error.keyword !== 'type' &&
      (error.keyword !== 'format' || formatApplies(error, value)),
  );
}

function combinatorMessage(error: AjvLikeError, path: Path): string {
  const field = fieldName(path);
  if (error.keyword === 'oneOf' && Array.isArray(error.params?.passingSchemas)) {
    return `${field} matches more than one of the forms the schema allows (oneOf), but must match exactly one.`;
  }
  if (error.keyword === 'not') return `${field} has a value the schema forbids (not).`;
  return `${field} does not match any of the forms the schema allows (${error.keyword}).`;
}

function keywordIssues(
  error: AjvLikeError,
  path: Path,
  value: unknown,
  options: AjvIssueOptions,
): SchemaIssue[] {
  const field = fieldName(path);
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty ?? '');
      return [invalid(path, `Missing required field ${quote(name)} ${where(path)}.`)];
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty ?? '');
      return [
        invalid(
          [...path, name],
          `Unknown field ${quote(name)} ${where(path)} (not in the ${options.schemaName} schema).`,
        ),
      ];
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return [
        invalid(
          path,
          `${field} has an unsupported value ${shortValue(value)}: expected ${allowedValues(allowed)}.`,
        ),
      ];
    }
    case 'const':
      return [
        invalid(
          path,
          `${field} must be ${JSON.stringify(params.allowedValue)}, but got ${describeValue(value)}.`,
        ),
      ];
    case 'format': {
      const format = String(params.format ?? '');
      return [
        invalid(
          path,
          `${field} has an invalid value ${describeValue(value)}: expected ${formatHint(format)}.`,
        ),
      ];
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return [
        invalid(
          path,
          `${field} must be ${String(params.comparison)} ${String(params.limit)}, but got ${describeValue(value)}.`,
        ),
      ];
    case 'multipleOf':
      return [
        invalid(
          path,
          `${field} must be a multiple of ${String(params.multipleOf)}, but got ${describeValue(value)}.`,
        ),
      ];
    case 'minLength':
    case 'maxLength': {
      const bound = error.keyword === 'minLength' ? 'at least' : 'at most';
      const length = typeof value === 'string' ? [...value].length : 0;
      return [
        invalid(
          path,
          `${field} must be ${bound} ${String(params.limit)} characters long, but has ${length}.`,
        ),
      ];
    }
    case 'pattern':
      return [
        invalid(
          path,
          `${field} does not match the pattern ${quote(String(params.pattern), 120)}: got ${describeValue(value)}.`,
        ),
      ];
    case 'minItems':
    case 'maxItems': {
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      const count = Array.isArray(value) ? value.length : 0;
      return [invalid(path, `${field} must have ${bound} ${String(params.limit)} items, but has ${count}.`)];
    }
    case 'minProperties':
    case 'maxProperties': {
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      const count = typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
      return [invalid(path, `${field} must have ${bound} ${String(params.limit)} fields, but has ${count}.`)];
    }
    case 'uniqueItems': {
      const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return [invalid(path, `${field} must not repeat items, but items ${first} and ${second} are equal.`)];
    }
    default: {
      const detail = typeof error.message === 'string' && error.message !== '' ? `: ${error.message}` : '';
      return [invalid(path, `${field} does not match the schema (${error.keyword}${detail}).`)];
    }
  }
}

function invalid(path: Path, message: string): SchemaIssue {
  return { type: 'invalid', path, message };
}

/** `"always"`, `3`, `true`, `null`, `an object` — for "unsupported value …". */
function shortValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function typeNames(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
