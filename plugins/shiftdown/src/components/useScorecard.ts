import { useCallback, useEffect, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { Scorecard, ScoreHistory } from '@shiftdown/backstage-plugin-shiftdown-common';
import { useAsyncRetry } from 'react-use';
import { shiftdownApiRef } from '../api/ShiftdownApi.js';
import { describeError, formatAbsoluteTime } from './format.js';

/** How many past scans the trend chart shows. */
export const HISTORY_LIMIT = 30;

export interface ScorecardData {
  /** `undefined`: the entity has not been scanned yet. */
  scorecard?: Scorecard;
  history?: ScoreHistory;
  /** The history could not be loaded (the scorecard still shows). */
  historyError?: Error;
}

export interface UseScorecardResult {
  loading: boolean;
  error?: Error;
  data?: ScorecardData;
  refreshing: boolean;
  /** Scans the entity now; on success the new scorecard replaces the shown one, on failure an alert says why. */
  refresh: () => Promise<void>;
}

/** Loads an entity's scorecard and score history, and refreshes them on demand. */
export function useScorecard(entity: Entity, options: { withHistory?: boolean } = {}): UseScorecardResult {
  const { withHistory = true } = options;
  const api = useApi(shiftdownApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [refreshed, setRefreshed] = useState<ScorecardData>();
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => setRefreshed(undefined), [entityRef]);

  // The entity is identified by its ref: a new entity object with the same ref does not reload.
  const loadHistory = useCallback(async (): Promise<Pick<ScorecardData, 'history' | 'historyError'>> => {
    if (!withHistory) {
      return {};
    }
    try {
      return { history: await api.getHistory(getCompoundEntityRef(entity), { limit: HISTORY_LIMIT }) };
    } catch (error) {
      return { historyError: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [api, entityRef, withHistory]);

  const load = useAsyncRetry(async (): Promise<ScorecardData> => {
    const [scorecard, history] = await Promise.all([
      api.getScorecard(getCompoundEntityRef(entity)),
      loadHistory(),
    ]);
    return scorecard ? { scorecard, ...history } : {};
  }, [api, entityRef, loadHistory]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const scorecard = await api.refreshScorecard(getCompoundEntityRef(entity));
      setRefreshed({ scorecard, ...(await loadHistory()) });
      alertApi.post({
        message: `Scanned ${entityRef}: grade ${scorecard.grade}, score ${scorecard.score} (${formatAbsoluteTime(scorecard.scannedAt)})`,
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({ message: `Could not scan ${entityRef}: ${describeError(error)}`, severity: 'error' });
    } finally {
      setRefreshing(false);
    }
  }, [api, alertApi, entityRef, loadHistory]);

  return {
    loading: load.loading && !refreshed,
    error: refreshed ? undefined : load.error,
    data: refreshed ?? load.value,
    refreshing,
    refresh,
  };
}
