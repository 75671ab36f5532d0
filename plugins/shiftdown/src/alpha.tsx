/**
 * Shiftdown for Backstage's new frontend system: `import shiftdownPlugin from
 * '@shiftdown/backstage-plugin-shiftdown/alpha'` and add it to the app's features. It installs the API client,
 * the entity page's Security tab and overview card (on entities that carry any Shiftdown annotation), and
 * the `/shiftdown` overview page with its navigation item.
 */
import {
  ApiBlueprint,
  PageBlueprint,
  coreExtensionData,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Security as SecurityIcon } from '@material-ui/icons';
import { isShiftdownAvailable } from '@shiftdown/backstage-plugin-shiftdown-common';
import { shiftdownApiRef } from './api/ShiftdownApi.js';
import { ShiftdownClient } from './api/ShiftdownClient.js';
import { SHIFTDOWN_NAV_TITLE, SHIFTDOWN_PAGE_TITLE } from './titles.js';

export { SHIFTDOWN_NAV_TITLE, SHIFTDOWN_PAGE_TITLE };

export const shiftdownApi = ApiBlueprint.make({
  params: (defineParams) =>
    defineParams({
      api: shiftdownApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ShiftdownClient({ discoveryApi, fetchApi }),
    }),
});

export const shiftdownEntityContent = EntityContentBlueprint.make({
  name: 'security',
  params: {
    path: 'security',
    title: 'Security',
    // Shown on entities that carry any annotation the backend finds manifests with.
    filter: isShiftdownAvailable,
    loader: () =>
      import('./components/EntitySecurityContent/index.js').then((m) => <m.EntitySecurityContent />),
  },
});

export const shiftdownEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: isShiftdownAvailable,
    loader: () => import('./components/EntityShiftdownCard/index.js').then((m) => <m.EntityShiftdownCard />),
  },
});

export const shiftdownRootRouteRef = createRouteRef();

const pageIcon = <SecurityIcon />;

/**
 * The `/shiftdown` overview page. The page header shows `SHIFTDOWN_PAGE_TITLE`; the page's title output,
 * which the app's navigation reads for the sidebar item, is the shorter `SHIFTDOWN_NAV_TITLE`. A `title`
 * set in app config replaces both.
 */
export const shiftdownPage = PageBlueprint.makeWithOverrides({
  *factory(originalFactory, { config }) {
    const page = originalFactory({
      path: '/shiftdown',
      title: SHIFTDOWN_PAGE_TITLE,
      icon: pageIcon,
      routeRef: shiftdownRootRouteRef,
      loader: () =>
        import('./components/ShiftdownOverview/index.js').then((m) => <m.ShiftdownOverviewPageContent />),
    });
    yield coreExtensionData.routePath(page.get(coreExtensionData.routePath));
    yield coreExtensionData.reactElement(page.get(coreExtensionData.reactElement));
    yield coreExtensionData.routeRef(shiftdownRootRouteRef);
    yield coreExtensionData.icon(pageIcon);
    yield coreExtensionData.title(config.title ?? SHIFTDOWN_NAV_TITLE);
  },
});

export default createFrontendPlugin({
  pluginId: 'shiftdown',
  title: SHIFTDOWN_PAGE_TITLE,
  icon: pageIcon,
  routes: { root: shiftdownRootRouteRef },
  extensions: [shiftdownApi, shiftdownEntityContent, shiftdownEntityCard, shiftdownPage],
});
