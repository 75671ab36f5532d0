import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { shiftdownApiRef } from './api/ShiftdownApi.js';
import { ShiftdownClient } from './api/ShiftdownClient.js';
import { entityContentRouteRef, rootRouteRef } from './routes.js';

/** The Shiftdown plugin for legacy (`createApp`) Backstage apps. */
export const shiftdownPlugin = createPlugin({
  id: 'shiftdown',
  apis: [
    createApiFactory({
      api: shiftdownApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ShiftdownClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
});

/**
 * The Security tab for the entity page:
 * `<EntityLayout.Route path="/security" title="Security" if={isShiftdownAvailable}><EntityShiftdownContent /></EntityLayout.Route>`.
 */
export const EntityShiftdownContent = shiftdownPlugin.provide(
  createRoutableExtension({
    name: 'EntityShiftdownContent',
    component: () =>
      import('./components/EntitySecurityContent/index.js').then((m) => m.EntitySecurityContent),
    mountPoint: entityContentRouteRef,
  }),
);

/** The overview card: `<EntitySwitch.Case if={isShiftdownAvailable}><EntityShiftdownCard /></EntitySwitch.Case>`. */
export const EntityShiftdownCard = shiftdownPlugin.provide(
  createComponentExtension({
    name: 'EntityShiftdownCard',
    component: {
      lazy: () => import('./components/EntityShiftdownCard/index.js').then((m) => m.EntityShiftdownCard),
    },
  }),
);

/** The overview page across entities: `<Route path="/shiftdown" element={<ShiftdownPage />} />`. */
export const ShiftdownPage = shiftdownPlugin.provide(
  createRoutableExtension({
    name: 'ShiftdownPage',
    component: () => import('./components/ShiftdownOverview/index.js').then((m) => m.ShiftdownOverviewPage),
    mountPoint: rootRouteRef,
  }),
);
