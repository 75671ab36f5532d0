/**
 * The GitHub REST operations the Action calls, with their request schemas from the real OpenAPI description
 * (test/fixtures/github-openapi.json, extracted by scripts/extract-openapi.mjs), compiled once for the
 * mocked API (test/github/github-handlers.mjs), in process and on loopback (the e2e suite).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Operation } from './github/github-handlers.mjs';

export const OPERATIONS = (
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'github-openapi.json'), 'utf8')) as {
    operations: Record<string, Operation>;
  }
).operations;

/** The schema with `additionalProperties: false` on every object that lists its properties. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as object).map(([name, s]) => [name, closed(s)]))
        : key === 'enum' || key === 'required'
          ? value
          : closed(value);
  }
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date-time', true);
const validators = new Map<string, ValidateFunction | null>(
  Object.entries(OPERATIONS).map(([id, op]) => [
    id,
    op.requestBody ? ajv.compile(closed(op.requestBody) as object) : null,
  ]),
);

/** Problems of a request body for an operation (none when it has no body schema and no body). */
export function bodyProblems(operation: string, body: unknown): string[] {
  const validate = validators.get(operation);
  if (!validate) return body === undefined ? [] : [`${operation}: unexpected body`];
  return validate(body) ? [] : [`${operation}: ${ajv.errorsText(validate.errors)}`];
}
