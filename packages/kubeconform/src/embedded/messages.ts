import { formatPath } from '@shiftdown/policy-core';

type Path = readonly (string | number)[];

/** `spec.template.spec.containers[0]`, or `the top level` for the object itself. */
export function fieldName(path: Path): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

/** `in spec.template.spec` / `at the top level` */
export function where(path: Path): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

/** A short, safe rendering of a value found in a manifest: `string "two"`, `integer 3`, `null`, `object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return `string ${quote(value)}`;
    case 'number':
      return `${Number.isInteger(value) ? 'integer' : 'number'} ${String(value)}`;
    case 'boolean':
      return `boolean ${String(value)}`;
    case 'object':
      return 'object';
    default:
      return typeof value;
  }
}

/** JSON-quoted, shortened to keep messages one line. */
export function quote(value: string, max = 60): string {
  const text = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(text);
}

/** `integer`, `integer or string`, `boolean, integer or string` */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `"Always", "IfNotPresent" or "Never"` (long lists shortened). */
export function allowedValues(values: readonly unknown[], max = 12): string {
  const shown = values
    .slice(0, max)
    .map((value) => (typeof value === 'string' ? quote(value) : JSON.stringify(value)));
  if (values.length > max) shown.push(`… (${values.length - max} more)`);
  return orList(shown);
}

/** Examples and rules of the formats Kubernetes uses, for the "expected" half of a format message. */
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  quantity: 'a quantity such as 500m, 1.5, 128Mi or 2Gi',
  int32: 'a 32-bit integer (-2147483648 to 2147483647)',
  int64: 'a 64-bit integer',
  byte: 'base64-encoded data',
  'date-time': 'an RFC 3339 date-time such as 2024-01-31T12:00:00Z',
  date: 'a date such as 2024-01-31',
};

export function formatHint(format: string): string {
  return FORMAT_HINTS[format] ?? `the "${format}" format`;
}
