import { screen, waitFor, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock, createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import shiftdownPlugin, {
  shiftdownApi,
  shiftdownEntityCard,
  shiftdownEntityContent,
  shiftdownPage,
  shiftdownRootRouteRef,
} from '../src/alpha.js';
import { shiftdownApiRef } from '../src/api/ShiftdownApi.js';
import { ShiftdownClient } from '../src/api/ShiftdownClient.js';
import {
  kubernetesEntity,
  overviewEntries,
  overviewFacets,
  paymentsEntity,
  paymentsHistory,
  riskyScorecard,
  unannotatedEntity,
} from './fixtures.js';
import { fakeShiftdownApi, pinNow } from './render.js';

function withAnnotation(annotation: string, value = 'x'): Entity {
  return {
    ...unannotatedEntity,
    metadata: { ...unannotatedEntity.metadata, annotations: { [annotation]: value } },
  };
}

function loadedApi() {
  const api = fakeShiftdownApi();
  api.getScorecard.mockResolvedValue({ scorecard: riskyScorecard });
  api.getHistory.mockResolvedValue(paymentsHistory);
  api.getOverview.mockResolvedValue({
    items: overviewEntries,
    total: overviewEntries.length,
    facets: overviewFacets,
  });
  return api;
}

describe('the new frontend system plugin (./alpha)', () => {
  beforeEach(pinNow);

  it('is the shiftdown plugin with its API, Security tab, card and page', () => {
    expect(shiftdownPlugin.pluginId).toBe('shiftdown');
    expect(shiftdownPlugin.title).toBe('Security scorecards');
    expect(shiftdownPlugin.routes.root).toBe(shiftdownRootRouteRef);
    // Each extension ID resolves to the extension it should (tested through its outputs).
    const api = createExtensionTester(shiftdownPlugin.getExtension('api:shiftdown'));
    expect(api.get(ApiBlueprint.dataRefs.factory).api).toBe(shiftdownApiRef);
    const tab = createExtensionTester(shiftdownPlugin.getExtension('entity-content:shiftdown/security'));
    expect(tab.get(coreExtensionData.routePath)).toBe('security');
    const card = createExtensionTester(shiftdownPlugin.getExtension('entity-card:shiftdown/scorecard'));
    expect(card.get(EntityCardBlueprint.dataRefs.filterFunction)?.(paymentsEntity)).toBe(true);
    const page = createExtensionTester(shiftdownPlugin.getExtension('page:shiftdown'));
    expect(page.get(coreExtensionData.routePath)).toBe('/shiftdown');
    // The page's title output is what the sidebar shows: short enough not to be cut there.
    expect(page.get(coreExtensionData.title)).toBe('Security');
    expect(page.get(coreExtensionData.routeRef)).toBe(shiftdownPlugin.routes.root);
  });

  it('lets app config move the page and retitle its header and navigation item', () => {
    const page = createExtensionTester(shiftdownPage, {
      config: { path: '/k8s-scorecards', title: 'K8s scorecards' },
    });
    expect(page.get(coreExtensionData.routePath)).toBe('/k8s-scorecards');
    expect(page.get(coreExtensionData.title)).toBe('K8s scorecards');
  });

  it('provides a ShiftdownClient built from discovery and fetch', async () => {
    const factory = createExtensionTester(shiftdownApi).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(shiftdownApiRef);
    expect(factory.deps).toEqual({ discoveryApi: discoveryApiRef, fetchApi: fetchApiRef });

    const requests: string[] = [];
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async (pluginId: string) => `http://backstage.test/api/${pluginId}` },
      fetchApi: {
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          requests.push(`${init?.method} ${String(input)}`);
          return new Response(JSON.stringify({ items: [], total: 0, facets: { owners: [], kinds: [] } }), {
            status: 200,
          });
        },
      },
    });
    expect(client).toBeInstanceOf(ShiftdownClient);
    await (client as ShiftdownClient).getOverview({ owner: 'group:default/shop' });
    expect(requests).toEqual([
      'GET http://backstage.test/api/shiftdown/overview?owner=group%3Adefault%2Fshop',
    ]);
  });

  it('mounts the Security tab at "security", shown only on entities with a Shiftdown annotation', () => {
    const tester = createExtensionTester(shiftdownEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('security');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Security');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsEntity)).toBe(true);
    expect(filter(kubernetesEntity)).toBe(true);
    expect(filter(withAnnotation('backstage.io/source-location', 'url:https://github.com/acme/docs'))).toBe(
      true,
    );
    expect(filter(withAnnotation('backstage.io/kubernetes-label-selector', 'app=docs'))).toBe(true);
    expect(filter(unannotatedEntity)).toBe(false);
  });

  it('lets app config move the tab and change its title', () => {
    const tester = createExtensionTester(shiftdownEntityContent, {
      config: { path: 'kubernetes-security', title: 'K8s security' },
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('kubernetes-security');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('K8s security');
  });

  it('shows the card only on entities with a Shiftdown annotation', () => {
    const filter = createExtensionTester(shiftdownEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(paymentsEntity)).toBe(true);
    expect(filter(unannotatedEntity)).toBe(false);
  });

  it('renders the Security tab on an entity page', async () => {
    const api = loadedApi();
    renderTestApp({
      features: [shiftdownPlugin],
      extensions: [createTestEntityPage({ entity: paymentsEntity })],
      apis: [
        [shiftdownApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [paymentsEntity] })],
      ],
    });

    // The overview card and the Security tab, both on the test entity page.
    await waitFor(() =>
      expect(screen.getAllByTestId('shiftdown-score').map((score) => score.textContent)).toEqual([
        '58 / 100',
        '58 / 100',
      ]),
    );
    // The test entity page is mounted at `/`: the card links to the tab under it.
    expect(screen.getByRole('link', { name: /View security scorecard/ })).toHaveAttribute(
      'href',
      '/security',
    );
    expect(await screen.findByText('Findings (3)')).toBeInTheDocument();
    expect(screen.getByText('Suppressed findings (1)')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('leaves the entity page empty for an entity without Shiftdown annotations', async () => {
    const api = loadedApi();
    renderTestApp({
      features: [shiftdownPlugin],
      extensions: [createTestEntityPage({ entity: unannotatedEntity })],
      apis: [[shiftdownApiRef, api]],
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });

  it('renders the overview page at /shiftdown with its title', async () => {
    const api = loadedApi();
    renderTestApp({
      features: [shiftdownPlugin],
      apis: [[shiftdownApiRef, api]],
      // The catalog plugin owns entity pages in a real app; the overview links to them.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/shiftdown'],
    });

    const table = await screen.findByRole('table', { name: 'Security scorecards' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + overviewEntries.length);
    expect(
      within(table).getByRole('link', { name: 'Grade D: open the Security tab of payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/security');
    // Owners are catalog entity links.
    expect(within(table).getByRole('link', { name: /payments-team/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-team',
    );
    // The app's page header has the full title; its sidebar item the short one (and the page's icon).
    expect(screen.getByRole('heading', { name: 'Security scorecards' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'sidebar nav' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('aria-label')),
    ).toEqual(['Security']);
    expect(within(nav).getByRole('link', { name: 'Security' })).toHaveAttribute('href', '/shiftdown');
    expect(within(nav).queryByText('Security scorecards')).toBeNull();
    expect(api.getOverview).toHaveBeenCalledWith(
      expect.objectContaining({ sort: 'score', order: 'asc', offset: 0 }),
    );
  });
});
