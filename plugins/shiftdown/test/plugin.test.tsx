import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  EntityShiftdownCard,
  EntityShiftdownContent,
  ShiftdownClient,
  ShiftdownPage,
  isShiftdownAvailable,
  shiftdownApiRef,
  shiftdownPlugin,
} from '../src/index.js';
import { isShiftdownAvailable as commonIsShiftdownAvailable } from '@shiftdown/backstage-plugin-shiftdown-common';
import { entityContentRouteRef, rootRouteRef } from '../src/routes.js';
import { overviewEntries, overviewFacets, paymentsEntity, riskyScorecard } from './fixtures.js';
import { fakeShiftdownApi, pinNow, renderWithApis } from './render.js';

describe('the legacy plugin (package root)', () => {
  beforeEach(pinNow);

  it('is the shiftdown plugin with a ShiftdownClient factory and its routes', () => {
    expect(shiftdownPlugin.getId()).toBe('shiftdown');
    expect(shiftdownPlugin.routes).toEqual({ root: rootRouteRef, entityContent: entityContentRouteRef });
    const factories = [...shiftdownPlugin.getApis()];
    expect(factories).toHaveLength(1);
    const [factory] = factories;
    expect(factory!.api).toBe(shiftdownApiRef);
    expect(factory!.deps).toEqual({ discoveryApi: discoveryApiRef, fetchApi: fetchApiRef });
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backstage.test/api/shiftdown' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(ShiftdownClient);
  });

  it("re-exports the common package's isShiftdownAvailable for EntitySwitch / EntityLayout.Route conditions", () => {
    expect(isShiftdownAvailable).toBe(commonIsShiftdownAvailable);
  });

  it('renders the EntityShiftdownContent extension', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({ scorecard: riskyScorecard });
    api.getHistory.mockResolvedValue({ entityRef: riskyScorecard.entityRef, items: [] });
    // As an app mounts it: `<EntityLayout.Route path="/security">` is a route with a path.
    await renderWithApis(
      <Routes>
        <Route path="/security/*" element={<EntityShiftdownContent />} />
      </Routes>,
      { api, entity: paymentsEntity, routeEntries: ['/security'] },
    );
    expect(await screen.findByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByText('Findings (3)')).toBeInTheDocument();
  });

  it('renders the EntityShiftdownCard extension', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({ scorecard: riskyScorecard });
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });
    expect(await screen.findByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByText('Kubernetes security')).toBeInTheDocument();
  });

  it('renders the ShiftdownPage extension with its header', async () => {
    const api = fakeShiftdownApi();
    api.getOverview.mockResolvedValue({ items: overviewEntries, total: 3, facets: overviewFacets });
    await renderWithApis(
      <Routes>
        <Route path="/shiftdown" element={<ShiftdownPage />} />
      </Routes>,
      { api, routeEntries: ['/shiftdown'] },
    );
    expect(await screen.findByText('3 entities scanned')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Security scorecards' })).toBeInTheDocument();
    expect(
      screen.getByText('Kubernetes security grades of every scanned service, by owner'),
    ).toBeInTheDocument();
  });
});
