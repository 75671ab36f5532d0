import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  OverviewQuery,
  OverviewResponse,
  Scorecard,
  ScoreHistory,
} from '@shiftdown/backstage-plugin-shiftdown-common';

/** An entity's latest scorecard, or why there is none (the backend's 404 message). */
export interface ScorecardLookup {
  scorecard?: Scorecard;
  /**
   * Set when there is no scorecard: the backend's reason, e.g. `no scorecard for component:default/payments:
   * the last scan failed: …` or `… no manifests found at …`.
   */
  missingReason?: string;
}

/** The Shiftdown backend's read and refresh API, as the frontend uses it. */
export interface ShiftdownApi {
  /** The latest scorecard of an entity; without one (404), the backend's reason instead. */
  getScorecard(entity: CompoundEntityRef): Promise<ScorecardLookup>;
  /** Recent scores of an entity (oldest first, as the backend returns them), at most `limit` points. */
  getHistory(entity: CompoundEntityRef, options?: { limit?: number }): Promise<ScoreHistory>;
  /** Scans the entity's manifests now and returns the new scorecard. */
  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard>;
  /** Scorecards across entities: the roll-up by owner, kind and grade. */
  getOverview(query?: OverviewQuery): Promise<OverviewResponse>;
}

export const shiftdownApiRef = createApiRef<ShiftdownApi>({ id: 'plugin.shiftdown.client' });
