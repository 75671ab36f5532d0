import { ResponseError } from '@backstage/errors';
import { ShiftdownClient } from '../../src/api/ShiftdownClient.js';
import { overviewEntries, overviewFacets, paymentsHistory, riskyScorecard } from '../fixtures.js';
import { errorResponse } from '../render.js';

const BASE_URL = 'http://backstage.test:7007/api/shiftdown';

interface RecordedRequest {
  url: string;
  method: string;
  accept: string | null;
}

/** A fetch that records every request and answers with the queued responses, in order. */
function fakeFetch(...responses: Response[]) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      accept: new Headers(init?.headers).get('accept'),
    });
    const response = responses.shift();
    if (!response) {
      throw new Error(`unexpected request ${String(input)}`);
    }
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function client(fetchApi: { fetch: typeof globalThis.fetch }) {
  const discoveryApi = {
    getBaseUrl: jest.fn(async (pluginId: string) => `http://backstage.test:7007/api/${pluginId}`),
  };
  return { client: new ShiftdownClient({ discoveryApi, fetchApi }), discoveryApi };
}

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };

describe('ShiftdownClient', () => {
  it('gets a scorecard from /scorecards/:kind/:namespace/:name through discovery', async () => {
    const fake = fakeFetch(json(200, riskyScorecard));
    const { client: api, discoveryApi } = client(fake);

    await expect(api.getScorecard(payments)).resolves.toEqual({ scorecard: riskyScorecard });

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('shiftdown');
    expect(fake.requests).toEqual([
      { url: `${BASE_URL}/scorecards/component/default/payments`, method: 'GET', accept: 'application/json' },
    ]);
  });

  it('returns the reason for a 404 (no scorecard) instead of a scorecard', async () => {
    const fake = fakeFetch(
      errorResponse(
        404,
        'Not Found',
        'no scorecard for component:default/payments: the last scan failed: could not read deploy/: 401',
        'NotFoundError',
      ),
      new Response('<html>not here</html>', { status: 404, statusText: 'Not Found' }),
    );
    const { client: api } = client(fake);
    await expect(api.getScorecard(payments)).resolves.toEqual({
      missingReason:
        'no scorecard for component:default/payments: the last scan failed: could not read deploy/: 401',
    });
    // Not Backstage's error body (a proxy's page): the status and the text.
    await expect(api.getScorecard(payments)).resolves.toEqual({
      missingReason: 'Request failed with status 404 Not Found, <html>not here</html>',
    });
  });

  it('lower-cases the entity ref and encodes every path segment', async () => {
    const fake = fakeFetch(json(200, riskyScorecard));
    await client(fake).client.getScorecard({ kind: 'Resource', namespace: 'Team A', name: 'gpu/job#1' });
    expect(fake.requests[0]?.url).toBe(`${BASE_URL}/scorecards/resource/team%20a/gpu%2Fjob%231`);
  });

  it('throws a ResponseError with the backend message on other failures', async () => {
    const fake = fakeFetch(errorResponse(500, 'Internal Server Error', 'database is locked'));
    const error = await client(fake)
      .client.getScorecard(payments)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).message).toBe('Request failed with 500 Internal Server Error');
    expect((error as ResponseError).statusCode).toBe(500);
    expect((error as ResponseError).cause.message).toBe('database is locked');
  });

  it('gets the history with the limit as a query parameter', async () => {
    const fake = fakeFetch(json(200, paymentsHistory), json(200, paymentsHistory));
    const { client: api } = client(fake);

    await expect(api.getHistory(payments, { limit: 30 })).resolves.toEqual(paymentsHistory);
    await api.getHistory(payments);

    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${BASE_URL}/scorecards/component/default/payments/history?limit=30`,
      `GET ${BASE_URL}/scorecards/component/default/payments/history`,
    ]);
  });

  it('refreshes with a POST and returns the new scorecard', async () => {
    const fake = fakeFetch(json(200, riskyScorecard));
    await expect(client(fake).client.refreshScorecard(payments)).resolves.toEqual(riskyScorecard);
    expect(fake.requests).toEqual([
      {
        url: `${BASE_URL}/scorecards/component/default/payments/refresh`,
        method: 'POST',
        accept: 'application/json',
      },
    ]);
  });

  it('fails a refresh with the status when the backend cannot scan', async () => {
    const fake = fakeFetch(new Response('upstream timed out', { status: 502, statusText: 'Bad Gateway' }));
    const error = await client(fake)
      .client.refreshScorecard(payments)
      .catch((e: unknown) => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).message).toBe('Request failed with 502 Bad Gateway');
    expect((error as ResponseError).cause.message).toBe(
      'Request failed with status 502 Bad Gateway, upstream timed out',
    );
  });

  it('gets the overview with every filter, the sort and the page as query parameters', async () => {
    const body = { items: overviewEntries, total: 3, facets: overviewFacets };
    const fake = fakeFetch(json(200, body), json(200, body));
    const { client: api } = client(fake);

    await expect(
      api.getOverview({
        owner: 'group:default/payments-team',
        kind: 'Component',
        grade: 'A+',
        sort: 'scannedAt',
        order: 'desc',
        limit: 25,
        offset: 50,
      }),
    ).resolves.toEqual(body);
    await api.getOverview();

    expect(fake.requests.map((request) => request.url)).toEqual([
      `${BASE_URL}/overview?owner=group%3Adefault%2Fpayments-team&kind=Component&grade=A%2B&sort=scannedAt&order=desc&limit=25&offset=50`,
      `${BASE_URL}/overview`,
    ]);
  });
});
