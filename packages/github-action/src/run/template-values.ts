import { decodeBytes } from '@shiftdown/policy-core';
import { parseTemplateValues } from '@shiftdown/templates';
import type { RunFiles } from './files.js';

/** The `template-values` file: a YAML or JSON mapping of parameter values; anything else is an error. */
export async function loadTemplateValues(
  path: string,
  files: Pick<RunFiles, 'readFile'>,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = decodeBytes(await files.readFile(path));
  } catch (error) {
    throw new Error(`cannot read template-values ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseTemplateValues(text, path);
  if ('errors' in parsed) throw new Error(`template-values is not valid YAML: ${parsed.errors.join('; ')}`);
  if ('notAMapping' in parsed)
    throw new Error(`template-values ${path} must be a mapping of parameter names to values`);
  return parsed.values;
}
