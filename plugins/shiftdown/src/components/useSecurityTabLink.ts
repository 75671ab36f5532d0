import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';

/** The path of an entity's Security tab (`/catalog/default/component/payments/security`). */
export function useSecurityTabLink(
  tabPath = 'security',
): (entity: Entity | CompoundEntityRef | string) => string {
  const entityLink = useEntityRefLink();
  // Joined without a double slash: an entity page mounted at `/` must not yield `//security` (a host).
  return (entity) => `${entityLink(entity).replace(/\/+$/, '')}/${tabPath.replace(/^\/+/, '')}`;
}
