import { parse } from 'yaml';
import { decodeBytes } from '@shiftdown/policy-core';
import type { RunFiles } from './files.js';

/** The `template-values` file: a YAML or JSON mapping of parameter values; anything else is an error. */
export async function loadTemplateValues(
  path: string,
  files: Pick<RunFiles, 'readFile'>,
): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = parse(decodeBytes(await files.readFile(path)));
  } catch (error) {
    throw new Error(`cannot read template-values ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`template-values ${path} must be a mapping of parameter names to values`);
  }
  return value as Record<string, unknown>;
}
