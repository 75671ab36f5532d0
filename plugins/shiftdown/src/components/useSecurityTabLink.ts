import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';

/** The path of an entity's Security tab (`/catalog/default/component/payments/security`). */
export function useSecurityTabLink(
  tabPath = 'security',
): (entity: Entity | CompoundEntityRef | string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  // Joined without a double slash: an entity page mounted at `/` must not yield `//security` (a host).
  return (entity) =>
    `${entityRoute(entityRouteParams(entity)).replace(/\/+$/, '')}/${tabPath.replace(/^\/+/, '')}`;
}
