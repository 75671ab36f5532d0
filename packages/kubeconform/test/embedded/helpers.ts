import * as path from 'node:path';
import { scan, VALIDITY_RULES, type Finding, type SchemaValidator } from '@shiftdown/policy-core';
import { createEmbeddedValidator, type EmbeddedValidatorOptions } from '../../src/embedded/index.js';

/** The shared reference data (kubeconform's recorded outputs, the corpus), as the other packages find it. */
export const SHARED_DIR =
  process.env.SHIFTDOWN_SHARED_DIR ?? path.resolve(__dirname, '../../../../../shared');

/** One schema finding as the tests compare it. */
export interface SchemaFinding {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

const SCHEMA_RULES = new Set(['schema-invalid', 'schema-missing']);

/** One embedded validator for a whole test file: schema modules load once. */
let shared: SchemaValidator | undefined;
export function sharedValidator(): SchemaValidator {
  shared ??= createEmbeddedValidator();
  return shared;
}

/** Scans `files` with the schema rules and returns their findings, in report order. */
export function schemaFindings(
  files: Record<string, string>,
  validator: SchemaValidator = sharedValidator(),
): SchemaFinding[] {
  const report = scan({
    files: Object.entries(files).map(([file, text]) => ({ path: file, text })),
    rules: VALIDITY_RULES,
    schemaValidator: validator,
    today: '2026-01-01',
  });
  return report.findings.filter((finding: Finding) => SCHEMA_RULES.has(finding.ruleId)).map(toSchemaFinding);
}

export function toSchemaFinding(finding: Finding): SchemaFinding {
  return { ruleId: finding.ruleId, line: finding.line, column: finding.column, message: finding.message };
}

/** Scans one manifest. */
export function findingsOf(text: string, options?: EmbeddedValidatorOptions): SchemaFinding[] {
  return schemaFindings({ 'manifest.yaml': text }, options ? createEmbeddedValidator(options) : undefined);
}

/** `schema-invalid` at line:column with a message. */
export function invalid(line: number, column: number, message: string): SchemaFinding {
  return { ruleId: 'schema-invalid', line, column, message };
}

/** `schema-missing` at line:column with a message. */
export function missing(line: number, column: number, message: string): SchemaFinding {
  return { ruleId: 'schema-missing', line, column, message };
}

/** Joins lines into a manifest (keeps test inputs readable and their line numbers obvious). */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
