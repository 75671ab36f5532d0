import { useCallback, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import type { Scorecard, ScoreHistory } from '@shiftdown/backstage-plugin-shiftdown-common';
import { useAsync } from 'react-use';
import { shiftdownApiRef } from '../api/ShiftdownApi.js';
import { describeError, formatAbsoluteTime } from './format.js';

/** How many past scans the trend chart shows. */
export const HISTORY_LIMIT = 30;

export interface ScorecardData {
  /** `undefined`: the entity has no scorecard yet (`missingReason` says why, when the backend said). */
  scorecard?: Scorecard;
  missingReason?: string;
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

/** What was loaded or refreshed, for which entity. */
interface Answer {
  entityRef: string;
  data?: ScorecardData;
  error?: Error;
}

/** Loads an entity's scorecard and score history, and refreshes them on demand. */
export function useScorecard(entity: Entity, options: { withHistory?: boolean } = {}): UseScorecardResult {
  const { withHistory = true } = options;
  const api = useApi(shiftdownApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [refreshed, setRefreshed] = useState<Answer>();
  const [refreshing, setRefreshing] = useState(false);

  // The entity is identified by its ref: a new entity object with the same ref does not reload.
  const loadHistory = useCallback(async (): Promise<Pick<ScorecardData, 'history' | 'historyError'>> => {
    if (!withHistory) {
      return {};
    }
    try {
      return { history: await api.getHistory(getCompoundEntityRef(entity), { limit: HISTORY_LIMIT }) };
    } catch (error) {
      return { historyError: toError(error) };
    }
  }, [api, entityRef, withHistory]);

  const load = useAsync(async (): Promise<Answer> => {
    try {
      const [{ scorecard, missingReason }, history] = await Promise.all([
        api.getScorecard(getCompoundEntityRef(entity)),
        loadHistory(),
      ]);
      return { entityRef, data: scorecard ? { scorecard, ...history } : { missingReason } };
    } catch (error) {
      return { entityRef, error: toError(error) };
    }
  }, [api, entityRef, loadHistory]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const scorecard = await api.refreshScorecard(getCompoundEntityRef(entity));
      setRefreshed({ entityRef, data: { scorecard, ...(await loadHistory()) } });
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

  // Both answers are kept with their entity: after a switch to another entity (and until its load has
  // started, which useAsync does only after the first render), the previous entity's are not this one's.
  const answer = [refreshed, load.value].find((candidate) => candidate?.entityRef === entityRef);
  return {
    loading: !answer,
    error: answer?.error,
    data: answer?.data,
    refreshing,
    refresh,
  };
}
