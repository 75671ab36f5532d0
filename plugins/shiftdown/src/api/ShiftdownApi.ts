import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  OverviewQuery,
  OverviewResponse,
  Scorecard,
  ScoreHistory,
} from '@shiftdown/backstage-plugin-shiftdown-common';

/** The Shiftdown backend's read and refresh API, as the frontend uses it. */
export interface ShiftdownApi {
  /** The latest scorecard of an entity, or `undefined` when it has not been scanned yet. */
  getScorecard(entity: CompoundEntityRef): Promise<Scorecard | undefined>;
  /** Recent scores of an entity (newest last as the backend returns them), at most `limit` points. */
  getHistory(entity: CompoundEntityRef, options?: { limit?: number }): Promise<ScoreHistory>;
  /** Scans the entity's manifests now and returns the new scorecard. */
  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard>;
  /** Scorecards across entities: the roll-up by owner, kind and grade. */
  getOverview(query?: OverviewQuery): Promise<OverviewResponse>;
}

export const shiftdownApiRef = createApiRef<ShiftdownApi>({ id: 'plugin.shiftdown.client' });
