import type { ShiftdownConfig } from './types.js';
import { parseConfig } from './parse-config.js';
import { decodeBytes } from '../parse/decode.js';
import { ruleCatalog } from '../rules/registry.js';

export type ReadConfigResult = { config: ShiftdownConfig; errors?: undefined } | { config?: undefined; errors: string[] };

/**
 * A `.shiftdown.yaml` file as every surface reads it: decoded like the manifests (BOM, UTF-16), validated
 * with the rule ids of the catalog (an unknown id under `rules:` is an error), `path` recorded (suppression
 * sources name it), and errors as `path:line:column: message` lines.
 */
export function readConfigFile(bytes: Uint8Array, path: string): ReadConfigResult {
  const { config, errors } = parseConfig(decodeBytes(bytes), path, { knownRuleIds: new Set(ruleCatalog().keys()) });
  if (errors.length > 0 || !config) {
    const lines = errors.map((e) => `${path}:${e.line}:${e.column}: ${e.message}`);
    return { errors: lines.length > 0 ? lines : [`${path}:1:1: invalid config`] };
  }
  return { config: { ...config, path: config.path ?? path } };
}
