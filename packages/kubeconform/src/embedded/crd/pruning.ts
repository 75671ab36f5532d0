import type { SchemaIssue } from '@shiftdown/policy-core';
import { unknownFieldIssue } from '../builtin.js';
import { fieldName, quote } from '../messages.js';
import { asObject, type JsonObject } from './definitions.js';

type Path = (string | number)[];

/** apiVersion, kind and metadata: always allowed at the top of a custom resource and in embedded resources. */
const TYPE_META = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * What the API server would prune from a custom resource, reported as unknown fields, plus duplicate keys
 * in `x-kubernetes-list-type: map` lists. A field is unknown where its object's schema lists `properties`
 * (or says `additionalProperties: false`) without `additionalProperties` or
 * `x-kubernetes-preserve-unknown-fields: true`; below preserve-unknown-fields only the declared properties
 * are still checked. The top-level `metadata` is left to the ObjectMeta validator.
 */
export function pruningIssues(object: unknown, schema: JsonObject, schemaName: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new WeakSet<object>();
  // An explicit stack keeps arbitrarily deep values from exhausting the call stack.
  const stack: Visit[] = [{ value: object, node: schema, path: [], root: true }];
  while (stack.length > 0) {
    const { value, node, path, root } = stack.pop()!;
    if (!node || typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const children: Visit[] = [];
    if (Array.isArray(value)) {
      const items = asObject(node.items);
      if (node['x-kubernetes-list-type'] === 'map')
        for (const issue of duplicateMapKeys(value, node, path)) issues.push(issue);
      value.forEach((item, index) =>
        children.push({ value: item, node: items, path: [...path, index], root: false }),
      );
    } else {
      const properties = asObject(node.properties);
      const additional = node.additionalProperties;
      const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
      const embedded = node['x-kubernetes-embedded-resource'] === true;
      const strict =
        !preserve &&
        additional !== true &&
        !asObject(additional) &&
        (properties !== undefined || additional === false);
      for (const [key, child] of Object.entries(value)) {
        if (root && key === 'metadata') continue;
        const declared =
          properties && Object.prototype.hasOwnProperty.call(properties, key)
            ? asObject(properties[key])
            : undefined;
        if (declared) children.push({ value: child, node: declared, path: [...path, key], root: false });
        else if (asObject(additional))
          children.push({ value: child, node: asObject(additional), path: [...path, key], root: false });
        else if ((root || embedded) && TYPE_META.has(key)) continue;
        else if (strict) issues.push(unknownFieldIssue([...path, key], schemaName));
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return issues;
}

interface Visit {
  value: unknown;
  node: JsonObject | undefined;
  path: Path;
  root: boolean;
}

/** Items of a list-type map must differ in their `x-kubernetes-list-map-keys`. */
function duplicateMapKeys(items: unknown[], node: JsonObject, path: Path): SchemaIssue[] {
  const keys = Array.isArray(node['x-kubernetes-list-map-keys'])
    ? node['x-kubernetes-list-map-keys'].filter((key): key is string => typeof key === 'string')
    : [];
  if (keys.length === 0) return [];
  const first = new Map<string, number>();
  const issues: SchemaIssue[] = [];
  items.forEach((item, index) => {
    const object = asObject(item);
    if (!object) return;
    const identity = JSON.stringify(keys.map((key) => object[key] ?? null));
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, index);
      return;
    }
    const described = keys.map(
      (key) =>
        `${key}=${typeof object[key] === 'string' ? quote(object[key]) : JSON.stringify(object[key] ?? null)}`,
    );
    issues.push({
      type: 'invalid',
      path: [...path, index],
      message: `Duplicate entry in ${fieldName(path)}: items ${earlier} and ${index} have the same key (${described.join(', ')}).`,
    });
  });
  return issues;
}
