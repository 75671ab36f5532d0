import type { SchemaIssue } from '@shiftdown/policy-core';
import type { CrdSchemaCompiler } from './compile.js';
import { crdVersions, type JsonObject } from './definitions.js';

/**
 * One `invalid` issue per version of a CustomResourceDefinition whose openAPIV3Schema does not compile
 * (found by the compiler's check, without compiling): its custom resources cannot be validated (they get
 * `schema-missing` with the same reason).
 */
export function crdSchemaIssues(crd: JsonObject, compiler: CrdSchemaCompiler): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const entry of crdVersions(crd)) {
    if (!entry.schema) continue;
    const error = compiler.check(entry.schema);
    if (error === undefined) continue;
    issues.push({
      type: 'invalid',
      path: ['spec', 'versions', entry.versionIndex, 'schema', 'openAPIV3Schema'],
      message:
        `The openAPIV3Schema of version ${entry.version} does not compile, so ${entry.kind} ` +
        `${entry.group}/${entry.version} objects cannot be validated: ${error}.`,
    });
  }
  return issues;
}
