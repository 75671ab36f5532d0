import type { SchemaIssue } from '@shiftdown/policy-core';
import { issuesFromAjv } from '../ajv-issues.js';
import { validateWithCompiled } from '../builtin.js';
import type { CompiledValidator } from '../kubernetes-models.js';
import type { CrdSchemaCompiler } from './compile.js';
import type { CrdVersion, JsonObject } from './definitions.js';
import { pruningIssues } from './pruning.js';

export type CustomResourceResult = { issues: SchemaIssue[] } | { missing: string };

/**
 * Validates a custom resource against the openAPIV3Schema of its CRD version: the schema (compiled with
 * ajv), the fields the API server would prune (unknown fields), and `metadata` as an ObjectMeta. A schema
 * that does not compile gives `missing` with the reason (the CRD itself gets the `invalid` finding).
 */
export function validateCustomResource(
  object: JsonObject,
  entry: CrdVersion,
  compiler: CrdSchemaCompiler,
  objectMeta: () => CompiledValidator,
): CustomResourceResult {
  const name = `${entry.kind} ${entry.group}/${entry.version}`;
  if (!entry.schema) {
    return {
      missing: `CustomResourceDefinition ${entry.crdName} has no openAPIV3Schema for ${entry.version}`,
    };
  }
  const compiled = compiler.compile(entry.schema);
  if ('error' in compiled) {
    return {
      missing: `the openAPIV3Schema of CustomResourceDefinition ${entry.crdName} (${entry.version}) does not compile: ${compiled.error}`,
    };
  }
  const validate = compiled.validate;
  const valid = validate(object);
  // The API server prunes null values of fields that are not `nullable` instead of rejecting them.
  const options = { schemaName: name, acceptsNull: () => true };
  let issues = valid ? [] : issuesFromAjv([...(validate.errors ?? [])], object, options);
  issues = issues.concat(pruningIssues(object, entry.schema, name));
  if (object.metadata !== undefined && object.metadata !== null) {
    issues = issues.concat(validateWithCompiled(objectMeta(), object.metadata, name, ['metadata']));
  }
  return { issues: dedupe(issues) };
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${JSON.stringify(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
