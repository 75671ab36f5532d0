import { KubeconformError, excerpt } from './errors.js';

/** `status` of one kubeconform result; `''` is an empty document (e.g. a comment-only one). */
export type KubeconformStatus = 'statusValid' | 'statusInvalid' | 'statusError' | 'statusSkipped' | '';

export const KUBECONFORM_STATUSES: readonly KubeconformStatus[] = [
  'statusValid',
  'statusInvalid',
  'statusError',
  'statusSkipped',
  '',
];

export interface KubeconformValidationError {
  /** JSON pointer inside the document (`''` is the root). */
  path: string;
  msg: string;
}

/** One document's verdict, as `kubeconform -output json -verbose` prints it. */
export interface KubeconformResource {
  filename: string;
  kind: string;
  name: string;
  /** The apiVersion. */
  version: string;
  status: KubeconformStatus;
  msg: string;
  validationErrors?: KubeconformValidationError[];
}

export interface KubeconformSummary {
  valid: number;
  invalid: number;
  errors: number;
  skipped: number;
}

export interface KubeconformOutput {
  resources: KubeconformResource[];
  summary: KubeconformSummary;
}

/**
 * Parses and shape-checks kubeconform's JSON output. Anything that is not the documented shape is a
 * KubeconformError naming what was wrong (and quoting the start of the text when it is not JSON at all),
 * so a changed or broken binary never turns into silently empty results.
 */
export function parseKubeconformOutput(text: string): KubeconformOutput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const shown = excerpt(text);
    throw new KubeconformError(
      shown === ''
        ? 'kubeconform printed no output.'
        : `kubeconform printed output that is not JSON: ${JSON.stringify(shown)}`,
    );
  }
  if (!isRecord(value)) throw shapeError('the top level is not an object');
  const { resources, summary } = value;
  if (resources !== null && !Array.isArray(resources)) throw shapeError('"resources" is not an array');
  const parsed = (resources ?? []).map((entry: unknown, index: number) => parseResource(entry, index));
  return {
    resources: parsed,
    summary: summary === undefined ? countStatuses(parsed) : parseSummary(summary),
  };
}

function parseResource(entry: unknown, index: number): KubeconformResource {
  const where = `resources[${index}]`;
  if (!isRecord(entry)) throw shapeError(`${where} is not an object`);
  for (const key of ['filename', 'kind', 'version', 'status', 'msg'] as const) {
    if (typeof entry[key] !== 'string') throw shapeError(`${where}.${key} is not a string`);
  }
  // `name` appeared in kubeconform 0.6; older releases omit it.
  if (entry.name !== undefined && typeof entry.name !== 'string')
    throw shapeError(`${where}.name is not a string`);
  const status = entry.status as string;
  if (!(KUBECONFORM_STATUSES as readonly string[]).includes(status)) {
    throw shapeError(`${where}.status ${JSON.stringify(status)} is not a known status`);
  }
  const resource: KubeconformResource = {
    filename: entry.filename as string,
    kind: entry.kind as string,
    name: (entry.name as string | undefined) ?? '',
    version: entry.version as string,
    status: status as KubeconformStatus,
    msg: entry.msg as string,
  };
  const { validationErrors } = entry;
  if (validationErrors !== undefined && validationErrors !== null) {
    if (!Array.isArray(validationErrors)) throw shapeError(`${where}.validationErrors is not an array`);
    resource.validationErrors = validationErrors.map((error: unknown, errorIndex: number) => {
      if (!isRecord(error) || typeof error.path !== 'string' || typeof error.msg !== 'string') {
        throw shapeError(`${where}.validationErrors[${errorIndex}] is not {path, msg}`);
      }
      return { path: error.path, msg: error.msg };
    });
  }
  return resource;
}

function parseSummary(summary: unknown): KubeconformSummary {
  if (!isRecord(summary)) throw shapeError('"summary" is not an object');
  const out: KubeconformSummary = { valid: 0, invalid: 0, errors: 0, skipped: 0 };
  for (const key of ['valid', 'invalid', 'errors', 'skipped'] as const) {
    const count = summary[key];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw shapeError(`summary.${key} is not a count`);
    }
    out[key] = count;
  }
  return out;
}

/** The summary kubeconform would print for these results (used when the output has none). */
export function countStatuses(resources: readonly KubeconformResource[]): KubeconformSummary {
  const out: KubeconformSummary = { valid: 0, invalid: 0, errors: 0, skipped: 0 };
  for (const { status } of resources) {
    if (status === 'statusValid') out.valid++;
    else if (status === 'statusInvalid') out.invalid++;
    else if (status === 'statusError') out.errors++;
    else if (status === 'statusSkipped') out.skipped++;
  }
  return out;
}

function shapeError(what: string): KubeconformError {
  return new KubeconformError(`kubeconform printed JSON of an unexpected shape: ${what}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
