/**
 * Validation of a Score file against the Score v1b1 schema (score-schema-definition.ts), with messages written
 * for people: did-you-mean for unknown keys, "got …", what a pattern means.
 */
import type { ErrorObject } from 'ajv';
import type { Path } from '../../types.js';
import { formatPath } from '../../model/locate.js';
import { isObject } from '../../model/values.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { PATTERN_MESSAGES, SCORE_V1B1_SCHEMA } from './score-schema-definition.js';
import { describeValue, lazyValidator, pointerToPath } from '../../util/ajv-values.js';

/** One schema violation: where, and what to say. */
export interface SchemaProblem {
  path: Path;
  message: string;
}

const validator = lazyValidator(SCORE_V1B1_SCHEMA);

/**
 * The YAML 1.1 parser reads an unquoted `image: .` (Score's "image supplied at generate time") as the float
 * NaN, where Go's YAML decoder keeps the string "."; put the string back before validating.
 */
function withDotImages(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.containers)) return value;
  const containers = Object.fromEntries(
    Object.entries(value.containers).map(([name, container]) => [
      name,
      isObject(container) && Number.isNaN(container.image) ? { ...container, image: '.' } : container,
    ]),
  );
  return { ...value, containers };
}

/** Validate a Score workload; problems are deduplicated. */
export function validateScore(input: unknown): SchemaProblem[] {
  const validate = validator();
  const value = withDotImages(input);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A failing oneOf is explained once by its own message, not by each branch; `if` only says "then failed".
  const combined = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || combined.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    // propertyNames: the inner error (with `propertyName`) says why; the outer one only that a name is bad.
    if (error.keyword === 'propertyNames') continue;
    const problem = describe(error, value);
    if (!problem) continue;
    const key = `${JSON.stringify(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
};

/** What the keys of a map are called, by the map's own key. */
const NAME_KINDS: Readonly<Record<string, string>> = {
  containers: 'container name',
  resources: 'resource name',
  ports: 'port name',
  annotations: 'annotation key',
  variables: 'variable name',
  before: 'container name',
};

function describe(error: ErrorObject, root: unknown): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath, root);
  const at = (p: Path, message: string): SchemaProblem => ({
    path: p,
    message: p.length > 0 ? `${formatPath(p)}: ${message}` : message,
  });
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  // An error about a map key (propertyNames): point at the key, name what it is.
  if (error.propertyName !== undefined) {
    const owner = path[path.length - 1];
    const what = (typeof owner === 'string' && NAME_KINDS[owner]) || 'key';
    const rule =
      error.keyword === 'pattern'
        ? (PATTERN_MESSAGES[String(params.pattern)] ?? `must match ${String(params.pattern)}`)
        : error.keyword === 'minLength'
          ? 'must not be empty'
          : (error.message ?? 'is invalid');
    return at([...path, error.propertyName], `${what} ${JSON.stringify(error.propertyName)} ${rule}`);
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const parent = path[path.length - 2];
      if (key === 'target' && (parent === 'files' || parent === 'volumes')) {
        return at(
          [...path, key],
          `"target" belongs to the deprecated list form of ${parent}; in the mapping form the key is the target path`,
        );
      }
      const allowed = isObject(parentSchema.properties) ? Object.keys(parentSchema.properties) : [];
      const suggestion = didYouMean(key, allowed);
      const hint = suggestion
        ? ` (did you mean ${JSON.stringify(suggestion)}?)`
        : allowed.length > 0
          ? ` (expected one of: ${allowed.join(', ')})`
          : '';
      return at([...path, key], `unknown key ${JSON.stringify(key)}${hint}`);
    }
    case 'required':
      return at(path, `${JSON.stringify(String(params.missingProperty))} is required`);
    case 'oneOf': {
      if (!isObject(error.data)) return undefined;
      const passing = params.passingSchemas;
      return at(
        path,
        Array.isArray(passing) && passing.length > 1
          ? 'set only one of "source", "content" or "binaryContent"'
          : 'needs one of "source", "content" or "binaryContent"',
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      const hint = suggestion
        ? ` (did you mean ${JSON.stringify(suggestion)}?)`
        : ` (got ${describeValue(error.data)})`;
      return at(path, `must be one of ${allowed.join(', ')}${hint}`);
    }
    case 'type': {
      const expected = String(params.type);
      if (expected === 'string' && typeof error.data === 'number' && path[path.length - 1] === 'mode') {
        // YAML reads an unquoted 0644 as a number (octal 420 in YAML 1.1): the text is lost.
        return at(path, 'must be a quoted octal string such as "0644" (got an unquoted number)');
      }
      const quote = expected === 'string' && typeof error.data !== 'object' ? '; quote the value' : '';
      return at(
        path,
        `must be ${TYPE_NAMES[expected] ?? expected} (got ${describeValue(error.data)})${quote}`,
      );
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      return at(
        path,
        `${PATTERN_MESSAGES[pattern] ?? `must match ${pattern}`} (got ${describeValue(error.data)})`,
      );
    }
    case 'minimum':
    case 'maximum':
      return at(path, `must be a port number from 1 to 65535 (got ${describeValue(error.data)})`);
    case 'minLength':
      return at(
        path,
        Number(params.limit) <= 1
          ? 'must not be empty'
          : `must be at least ${String(params.limit)} characters`,
      );
    case 'maxLength':
      return at(path, `must be at most ${String(params.limit)} characters`);
    case 'minProperties':
      return at(path, 'must define at least one container');
    default:
      return at(path, error.message ?? 'is invalid');
  }
}
