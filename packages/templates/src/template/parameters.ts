/**
 * Example parameter values from a template's parameter schema (`spec.parameters`: one JSON Schema object
 * or a list of form pages), as a user filling in the form with sensible input would give them:
 * `default`, then `examples[0]`, `enum[0]`, `const`, then a value for the field's picker or type.
 */
import { isRecord } from './discover.js';

const ENTITY_PICKERS = new Set(['OwnerPicker', 'EntityPicker', 'OwnedEntityPicker', 'MyGroupsPicker']);
const MULTI_ENTITY_PICKERS = new Set(['MultiEntityPicker']);
const MAX_DEPTH = 16;

export function exampleValues(parameters: unknown): Record<string, unknown> {
  const pages = Array.isArray(parameters) ? parameters : [parameters];
  const values: Record<string, unknown> = {};
  for (const page of pages) {
    if (!isRecord(page)) continue;
    addProperties(page, values, 0);
    // `dependencies: { x: { oneOf: [ { properties: … } ] } }` shows more fields once x is set: take the first branch.
    if (isRecord(page.dependencies)) {
      for (const dependency of Object.values(page.dependencies)) {
        const branch = isRecord(dependency) && Array.isArray(dependency.oneOf) ? dependency.oneOf[0] : dependency;
        if (isRecord(branch)) addProperties(branch, values, 0, false);
      }
    }
  }
  return values;
}

function addProperties(schema: Record<string, unknown>, values: Record<string, unknown>, depth: number, replace = true): void {
  if (!isRecord(schema.properties)) return;
  for (const [name, property] of Object.entries(schema.properties)) {
    if (!replace && name in values) continue;
    values[name] = exampleValue(property, name, depth + 1);
  }
}

/** The value an example user would give one field. */
export function exampleValue(schema: unknown, name: string, depth = 0): unknown {
  if (!isRecord(schema)) return dnsName(name);
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;

  const field = schema['ui:field'];
  const options = isRecord(schema['ui:options']) ? schema['ui:options'] : {};
  if (field === 'RepoUrlPicker') return `${allowedHost(options)}?owner=example&repo=example`;
  if (typeof field === 'string' && ENTITY_PICKERS.has(field)) return `${entityKind(options)}:default/example`;
  if (typeof field === 'string' && MULTI_ENTITY_PICKERS.has(field)) return [`${entityKind(options)}:default/example`];
  if (field === 'EntityTagsPicker') return [];

  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(schema, name);
    case 'integer':
    case 'number':
      return exampleNumber(schema, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return exampleArray(schema, name, depth);
    case 'object':
      return exampleObject(schema, depth);
    default:
      if (isRecord(schema.properties)) return exampleObject(schema, depth);
      if (schema.items !== undefined) return exampleArray(schema, name, depth);
      return exampleString(schema, name);
  }
}

/** `example-<name>`, DNS-label safe: most golden-path parameters end up as Kubernetes names. */
export function dnsName(name: string): string {
  const slug = `example-${name}`
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return slug || 'example';
}

function exampleString(schema: Record<string, unknown>, name: string): string {
  if (schema.format === 'email') return 'example@example.com';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com';
  let value = dnsName(name);
  if (typeof schema.maxLength === 'number' && schema.maxLength >= 1) value = value.slice(0, schema.maxLength).replace(/-+$/, '') || 'e';
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) value = value.padEnd(schema.minLength, 'x');
  // `pattern` is honoured loosely: the first of a few plain candidates that matches it. Candidates are
  // short, so a pathological pattern cannot backtrack for long.
  if (typeof schema.pattern === 'string') {
    const pattern = safeRegExp(schema.pattern);
    const short = value.slice(0, 24).replace(/-+$/, '');
    const candidates = [short, 'example', 'example1', 'a', '1', 'EXAMPLE'];
    if (pattern) return candidates.find((c) => pattern.test(c)) ?? short;
  }
  return value;
}

function exampleNumber(schema: Record<string, unknown>, integer: boolean): number {
  let value = 1;
  if (typeof schema.minimum === 'number') value = schema.minimum;
  else if (typeof schema.exclusiveMinimum === 'number') value = schema.exclusiveMinimum + 1;
  if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
  return integer ? Math.ceil(value) : value;
}

function exampleArray(schema: Record<string, unknown>, name: string, depth: number): unknown[] {
  const count = typeof schema.minItems === 'number' ? Math.min(schema.minItems, 10) : 0;
  if (count <= 0 || depth > MAX_DEPTH) return [];
  const item = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  return Array.from({ length: count }, () => exampleValue(item, name, depth + 1));
}

function exampleObject(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (depth <= MAX_DEPTH) addProperties(schema, value, depth);
  return value;
}

function allowedHost(options: Record<string, unknown>): string {
  const hosts = Array.isArray(options.allowedHosts) ? options.allowedHosts : [];
  const host = hosts.find((h): h is string => typeof h === 'string' && /^[a-z0-9.-]+(:\d+)?$/i.test(h));
  return host ?? 'github.com';
}

function entityKind(options: Record<string, unknown>): string {
  const filter = options.catalogFilter;
  const filters = Array.isArray(filter) ? filter : [filter];
  const kinds = [options.allowedKinds, ...filters.map((f) => (isRecord(f) ? f.kind : undefined))].flatMap((k) => (Array.isArray(k) ? k : [k]));
  const kind = kinds.find((k): k is string => typeof k === 'string' && /^[A-Za-z]+$/.test(k));
  return (kind ?? 'group').toLowerCase();
}

function safeRegExp(source: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(source, flags);
    } catch {
      // Not valid with these flags.
    }
  }
  return undefined;
}
