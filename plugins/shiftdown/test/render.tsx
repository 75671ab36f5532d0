import type { ReactNode } from 'react';
import type { RenderResult } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useLocation } from 'react-router-dom';
import { mockApis } from '@backstage/frontend-test-utils';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { ShiftdownApi } from '../src/api/ShiftdownApi.js';
import { shiftdownApiRef } from '../src/api/ShiftdownApi.js';
import { NOW } from './fixtures.js';

export type FakeShiftdownApi = {
  [K in keyof ShiftdownApi]: jest.Mock<ReturnType<ShiftdownApi[K]>, Parameters<ShiftdownApi[K]>>;
};

/** A ShiftdownApi whose every method is a jest mock; unset methods fail the test if called. */
export function fakeShiftdownApi(): FakeShiftdownApi {
  const unexpected = (name: string) =>
    jest.fn(async () => {
      throw new Error(`unexpected call to ${name}`);
    });
  return {
    getScorecard: unexpected('getScorecard'),
    getHistory: unexpected('getHistory'),
    refreshScorecard: unexpected('refreshScorecard'),
    getOverview: unexpected('getOverview'),
  } as unknown as FakeShiftdownApi;
}

/** The backend's error answer, in Backstage's error body (`{ error: { name, message }, response }`). */
export function errorResponse(status: number, statusText: string, message: string, name = 'Error'): Response {
  return new Response(JSON.stringify({ error: { name, message }, response: { statusCode: status } }), {
    status,
    statusText,
    headers: { 'content-type': 'application/json' },
  });
}

/** The `ResponseError` the client throws for that answer. */
export function responseError(status: number, statusText: string, message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(errorResponse(status, statusText, message));
}

/** A promise that never settles: the loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

export function pinNow() {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
}

/** Renders an element in Backstage's legacy test app with the fake API, an alert API and an entity. */
export async function renderWithApis(
  element: ReactNode,
  options: {
    api: FakeShiftdownApi;
    entity?: Entity;
    routeEntries?: string[];
  },
): Promise<RenderResult & { alertApi: ReturnType<typeof mockApis.alert> }> {
  const alertApi = mockApis.alert();
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const result = await renderInTestApp(
    <TestApiProvider
      apis={[
        [shiftdownApiRef, options.api],
        [alertApiRef, alertApi],
      ]}
    >
      {content}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.routeEntries,
    },
  );
  return { ...result, alertApi };
}

/** Shows the current URL (path and query) so tests can assert what the page wrote there. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}
