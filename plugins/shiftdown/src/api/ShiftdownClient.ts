import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError, parseErrorResponseBody } from '@backstage/errors';
import {
  SHIFTDOWN_PLUGIN_ID,
  SHIFTDOWN_ROUTES,
  type OverviewQuery,
  type OverviewResponse,
  type Scorecard,
  type ScoreHistory,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import type { ScorecardLookup, ShiftdownApi } from './ShiftdownApi.js';

/** Talks to `/api/shiftdown` through Backstage's discovery and (authenticated) fetch APIs. */
export class ShiftdownClient implements ShiftdownApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getScorecard(entity: CompoundEntityRef): Promise<ScorecardLookup> {
    const response = await this.request('GET', SHIFTDOWN_ROUTES.scorecard(...entityPath(entity)));
    // 404 means "no scorecard": the empty state, not an error. Its message says why (not scanned yet,
    // no manifests found at …, the last scan failed: …).
    if (response.status === 404) {
      const body = await parseErrorResponseBody(response);
      return { missingReason: body.error.message };
    }
    return { scorecard: await this.json<Scorecard>(response) };
  }

  async getHistory(entity: CompoundEntityRef, options: { limit?: number } = {}): Promise<ScoreHistory> {
    const query = toQueryString({ limit: options.limit });
    const response = await this.request('GET', `${SHIFTDOWN_ROUTES.history(...entityPath(entity))}${query}`);
    return this.json<ScoreHistory>(response);
  }

  async refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard> {
    const response = await this.request('POST', SHIFTDOWN_ROUTES.refresh(...entityPath(entity)));
    return this.json<Scorecard>(response);
  }

  async getOverview(query: OverviewQuery = {}): Promise<OverviewResponse> {
    const queryString = toQueryString({
      owner: query.owner,
      kind: query.kind,
      grade: query.grade,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    });
    const response = await this.request('GET', `${SHIFTDOWN_ROUTES.overview}${queryString}`);
    return this.json<OverviewResponse>(response);
  }

  private async request(method: 'GET' | 'POST', path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(SHIFTDOWN_PLUGIN_ID);
    return this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { Accept: 'application/json' },
    });
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** Entity refs are case-insensitive: lower-case them as `stringifyEntityRef` does (the backend's keys). */
function entityPath(entity: CompoundEntityRef): [string, string, string] {
  return [entity.kind.toLowerCase(), entity.namespace.toLowerCase(), entity.name.toLowerCase()];
}

function toQueryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
