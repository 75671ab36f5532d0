import type { SchemaIssue } from '@shiftdown/policy-core';
import { AccessTracker } from './access-tracker.js';
import { issuesFromAjv } from './ajv-issues.js';
import { valueAt } from '../json-pointer.js';
import type { InvisibleProperties } from './invisible-properties.js';
import type { CompiledValidator } from './kubernetes-models.js';
import { quote, where } from './messages.js';
import { unknownFields } from './unknown-fields.js';

type Path = (string | number)[];

/**
 * Validates a value with a compiled kubernetes-models validator, as strictly as kubeconform `-strict`:
 * the schema's own errors plus unknown fields (found by recording what the validator read, see
 * AccessTracker). `schemaName` (`Deployment apps/v1`) is named in unknown-field messages; `base` is where
 * `value` sits in the resource (issue paths are relative to the resource); `invisible` names the fields
 * the validators cannot see.
 */
export function validateWithCompiled(
  validate: CompiledValidator,
  value: unknown,
  schemaName: string,
  base: Path = [],
  invisible?: InvisibleProperties,
): SchemaIssue[] {
  const tracker = new AccessTracker();
  const valid = validate(tracker.wrap(value));
  const errors = valid ? [] : [...(validate.errors ?? [])];
  const issues = issuesFromAjv(errors, value, {
    schemaName,
    base,
    // kubeconform's schemas let map values be null (`expected string or null`), the compiled ones do not.
    acceptsNull: (path) => isMapEntry(value, path, tracker),
  });
  const allowed = (read: ReadonlySet<string>): ReadonlySet<string> | undefined => invisible?.allowedFor(read);
  for (const path of unknownFields(value, tracker, allowed))
    issues.push(unknownFieldIssue([...base, ...path], schemaName));
  return issues;
}

export function unknownFieldIssue(path: Path, schemaName: string): SchemaIssue {
  const parent = path.slice(0, -1);
  const name = String(path[path.length - 1]);
  return {
    type: 'invalid',
    path,
    message: `Unknown field ${quote(name)} ${where(parent)} (not in the ${schemaName} schema).`,
  };
}

/** Whether `path` is a key of an object the validator listed the keys of (a map such as labels or data). */
function isMapEntry(root: unknown, path: Path, tracker: AccessTracker): boolean {
  if (path.length === 0 || typeof path[path.length - 1] !== 'string') return false;
  const parent = valueAt(root, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return false;
  return tracker.records.get(parent)?.enumerated === true;
}
