/**
 * Pushed reports are checked against the JSON Schema the policy core publishes (`jsonReportSchema`).
 * The schema is closed (`additionalProperties: false`) and describes one format version exactly; as
 * docs/json-report.md asks of readers, a report of a newer minor version (`1.x`, x greater than ours)
 * is validated with `additionalProperties` loosened, so fields we do not know yet are ignored.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { JSON_REPORT_VERSION, jsonReportSchema, type Report } from '@shiftdown/policy-core';

/** Most schema errors returned in a 400 body (a wholly wrong payload can have thousands). */
export const MAX_REPORTED_ERRORS = 20;

export type ReportValidation =
  { valid: true; report: Report } | { valid: false; message: string; errors: ErrorObject[] };

function loosen(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(loosen);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'additionalProperties')
      .map(([key, value]) => [key, loosen(value)]),
  );
}

function minorOf(version: string): number | undefined {
  const match = /^1\.(\d+)\.\d+$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

export class ReportValidator {
  readonly #strict: ValidateFunction;
  readonly #loose: ValidateFunction;
  readonly #ourMinor = minorOf(JSON_REPORT_VERSION) ?? 0;

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    this.#strict = ajv.compile(jsonReportSchema);
    this.#loose = ajv.compile({ ...(loosen(jsonReportSchema) as object), $id: 'shiftdown-report-loose' });
  }

  validate(body: unknown): ReportValidation {
    const version =
      typeof body === 'object' && body !== null ? (body as { version?: unknown }).version : undefined;
    const minor = typeof version === 'string' ? minorOf(version) : undefined;
    const validate = minor !== undefined && minor > this.#ourMinor ? this.#loose : this.#strict;
    if (validate(body)) return { valid: true, report: body as Report };
    const errors = (validate.errors ?? []).slice(0, MAX_REPORTED_ERRORS);
    const total = validate.errors?.length ?? 0;
    const first = errors
      .slice(0, 3)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
      .join('; ');
    return {
      valid: false,
      message: `the body is not a Shiftdown JSON report (format ${JSON_REPORT_VERSION}): ${first}${total > 3 ? ` (and ${total - 3} more)` : ''}`,
      errors,
    };
  }
}
