import { createRouteRef } from '@backstage/core-plugin-api';

/** The overview page (legacy apps mount `ShiftdownPage` on it, e.g. at `/shiftdown`). */
export const rootRouteRef = createRouteRef({ id: 'shiftdown' });

/** The Security tab under an entity page (a routable extension needs a route ref of its own). */
export const entityContentRouteRef = createRouteRef({ id: 'shiftdown:entity-content' });
