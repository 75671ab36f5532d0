/** Helpers for turning ajv validation errors into messages about a value (config, Score files). */
// The named export: under NodeNext the default import of this CommonJS package types as its namespace.
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Path } from '../types.js';
import { isObject } from '../model/values.js';

/** `"abc"`, `the number 3`, `a list`… for "got …" in messages (long strings shortened). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** An ajv `instancePath` (JSON pointer) → path, with array indexes as numbers (found by walking the data). */
export function pointerToPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = isObject(current) ? current[segment] : undefined;
    }
  }
  return path;
}

/**
 * A validator for `schema`, compiled on first use. `verbose` gives each error its parent schema (for
 * did-you-mean) and data (for "got …"); every error is collected.
 */
export function lazyValidator(schema: object): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    compiled ??= new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      logger: false,
    }).compile(schema as Record<string, unknown>);
    return compiled;
  };
}
