/**
 * Kro ResourceGraphDefinitions (kro.run): the SimpleSchema of their user-facing API and the rendering
 * of their resource templates with schema defaults, so the ordinary rules can check each template as
 * the object kro would create. Values that are not a whole `${schema.spec.…}` reference with a default
 * stay as written (rules treat `${…}` text as unknown).
 */
import { asArray, asObject, asString, isObject, type JsonObject } from './values.js';

export const RGD_KIND = 'ResourceGraphDefinition';
export const KRO_GROUP = 'kro.run';

/** One field of a SimpleSchema: `integer | default=3 minimum=1`. */
export interface SimpleSchemaField {
  /** Dotted path under `spec`, e.g. `ingress.enabled`. */
  path: string;
  type: string;
  markers: Readonly<Record<string, string>>;
}

/** Parse a SimpleSchema `spec` mapping into its leaf fields (nested mappings are sub-objects). */
export function parseSimpleSchema(spec: unknown, prefix = ''): SimpleSchemaField[] {
  const fields: SimpleSchemaField[] = [];
  for (const [key, value] of Object.entries(asObject(spec) ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) fields.push(...parseSimpleSchema(value, path));
    else if (typeof value === 'string') fields.push({ path, ...parseFieldType(value) });
  }
  return fields;
}

/** `string | default="a b" enum="x,y"` → type and markers (quoted values may hold spaces and `|`). */
export function parseFieldType(text: string): { type: string; markers: Record<string, string> } {
  const bar = text.indexOf('|');
  const type = (bar < 0 ? text : text.slice(0, bar)).trim();
  const markers: Record<string, string> = {};
  if (bar >= 0) {
    const pattern = /([A-Za-z]+)=("((?:[^"\\]|\\.)*)"|\S*)/g;
    for (const match of text.slice(bar + 1).matchAll(pattern)) {
      const name = match[1] as string;
      markers[name] = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : (match[2] ?? '');
    }
  }
  return { type, markers };
}

/** The typed default of a field, or undefined when it has none. */
export function typedDefault(field: SimpleSchemaField): unknown {
  const raw = field.markers.default;
  if (raw === undefined) return undefined;
  switch (field.type) {
    case 'integer':
    case 'float': {
      const n = Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}

const WHOLE_SCHEMA_REFERENCE = /^\$\{\s*schema\.spec\.([A-Za-z0-9_.]+)\s*\}$/;

/** The schema field a value is wired to when the whole value is `${schema.spec.<path>}`. */
export function schemaReference(value: unknown): string | undefined {
  return typeof value === 'string' ? WHOLE_SCHEMA_REFERENCE.exec(value)?.[1] : undefined;
}

/** A template with every whole `${schema.spec.x}` value that has a default replaced by that default. */
export function renderTemplate(template: JsonObject, fields: readonly SimpleSchemaField[]): JsonObject {
  const defaults = new Map<string, unknown>();
  for (const field of fields) {
    const value = typedDefault(field);
    if (value !== undefined) defaults.set(field.path, value);
  }
  if (defaults.size === 0) return template;
  const render = (value: unknown): unknown => {
    const reference = schemaReference(value);
    if (reference !== undefined) return defaults.has(reference) ? defaults.get(reference) : value;
    if (Array.isArray(value)) return value.map(render);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v)]));
    return value;
  };
  return render(template) as JsonObject;
}

export interface RgdTemplate {
  /** Index in `spec.resources`. */
  index: number;
  /** The resource's `id` in the graph. */
  id?: string;
  template: JsonObject;
}

/** The templates of an RGD that are Kubernetes objects (apiVersion and kind present). */
export function rgdTemplates(rgd: JsonObject): RgdTemplate[] {
  const spec = asObject(rgd.spec);
  return asArray(spec?.resources).flatMap((entry, index) => {
    const resource = asObject(entry);
    const template = asObject(resource?.template);
    if (!template || typeof template.apiVersion !== 'string' || typeof template.kind !== 'string') return [];
    const id = asString(resource?.id);
    return [{ index, ...(id !== undefined && { id }), template }];
  });
}

export function isResourceGraphDefinition(kind: string, apiVersion: string): boolean {
  return kind === RGD_KIND && apiVersion.startsWith(`${KRO_GROUP}/`);
}
