import type { JsonObject } from './definitions.js';

/**
 * Translates a CRD's `openAPIV3Schema` (OpenAPI v3 with Kubernetes' structural-schema extensions) into a
 * JSON schema ajv 8 validates the way the API server does:
 * - `nullable: true` adds `null` to the type (and to an enum);
 * - `x-kubernetes-int-or-string: true` means integer or string (the node has no `type`);
 * - `x-kubernetes-list-type: set` means unique items (`map` is checked by the pruning walk);
 * - unknown fields are not ajv's business: `additionalProperties: false` is dropped here and reported by
 *   the pruning walk together with the fields the API server would prune;
 * - formats Shiftdown does not check are dropped (never an error), and so are patterns JavaScript
 *   cannot compile (Kubernetes patterns follow Go's syntax);
 * - `x-kubernetes-validations` (CEL) and the other `x-kubernetes-*` keys are ignored.
 * `$ref` throws (Kubernetes forbids it in CRD schemas); anything else wrong (a bad `type`) is left for
 * ajv's meta-schema check to reject. Either way that CRD version's schema "does not compile".
 */
export function toAjvSchema(schema: unknown, knownFormats: ReadonlySet<string>): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const node = schema as JsonObject;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    switch (key) {
      case 'properties':
      case 'patternProperties':
      case 'definitions':
        out[key] = mapValues(value, (child) => toAjvSchema(child, knownFormats));
        break;
      case 'items':
        out[key] = Array.isArray(value)
          ? value.map((child) => toAjvSchema(child, knownFormats))
          : toAjvSchema(value, knownFormats);
        break;
      case 'additionalProperties':
        if (value !== false) out[key] = typeof value === 'object' ? toAjvSchema(value, knownFormats) : value;
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = Array.isArray(value) ? value.map((child) => toAjvSchema(child, knownFormats)) : value;
        break;
      case 'not':
        out[key] = toAjvSchema(value, knownFormats);
        break;
      case '$ref':
        throw new Error(
          `$ref is not allowed in a CustomResourceDefinition schema (found $ref: ${JSON.stringify(value)})`,
        );
      case 'format':
        if (typeof value === 'string' && knownFormats.has(value)) out[key] = value;
        break;
      case 'pattern':
        if (typeof value !== 'string' || compiles(value)) out[key] = value;
        break;
      case 'nullable':
      case 'example':
      case 'examples':
      case 'externalDocs':
      case 'default':
      case 'id':
      case '$id':
      case '$schema':
        break;
      default:
        if (!key.startsWith('x-kubernetes-')) out[key] = value;
    }
  }
  if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    const forms: JsonObject[] = [{ type: 'integer' }, { type: 'string' }];
    if (node.nullable === true) forms.push({ type: 'null' });
    out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: forms }];
  } else if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function mapValues(value: unknown, map: (child: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = map(child);
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
