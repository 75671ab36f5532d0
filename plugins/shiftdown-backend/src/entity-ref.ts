/**
 * Entity refs as the store keys them: `kind:namespace/name`, lower-cased, because the catalog matches
 * refs case-insensitively (`Component:Default/Payments` and `component:default/payments` are one entity).
 * Plain `toLowerCase()`: entity kinds, namespaces and names are ASCII by the catalog's validation, and
 * the locale-aware variant costs more than the rest of a scorecard read's key handling.
 */
import { DEFAULT_NAMESPACE, type CompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The store key of an entity ref. */
export function entityKey(ref: CompoundEntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}

/** The store key of a catalog entity. */
export function keyOfEntity(entity: Entity): string {
  return entityKey({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  });
}

/** `:kind/:namespace/:name` route parameters → a lower-cased compound ref (400 when one is empty). */
export function refFromParams(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): CompoundEntityRef {
  const { kind, namespace, name } = params;
  for (const [key, value] of Object.entries({ kind, namespace, name })) {
    if (!value || value.trim() === '') throw new InputError(`the entity ${key} must not be empty`);
  }
  return {
    kind: kind!.toLowerCase(),
    namespace: namespace!.toLowerCase(),
    name: name!.toLowerCase(),
  };
}
