/**
 * A scorecard as the store writes it: its JSON text, serialised once — for pulls in the scan worker
 * thread, off the event loop — and the few fields the store keeps in columns next to it.
 */
import type {
  LetterGrade,
  Scorecard,
  ScorecardSource,
  Severity,
} from '@shiftdown/backstage-plugin-shiftdown-common';

export interface ScorecardColumns {
  score: number;
  grade: LetterGrade;
  maturityLevel: number;
  source: ScorecardSource;
  scannedAt: string;
  commitSha?: string;
  counts: Record<Severity, number>;
}

export interface SerialisedScorecard {
  columns: ScorecardColumns;
  /** The scorecard without `lastError`: the store adds the entity's last failed pull when it serves it. */
  json: string;
}

export function serialiseScorecard(scorecard: Scorecard): SerialisedScorecard {
  const { lastError: _notStored, ...stored } = scorecard;
  return {
    columns: {
      score: scorecard.score,
      grade: scorecard.grade,
      maturityLevel: scorecard.maturity.level,
      source: scorecard.source,
      scannedAt: scorecard.scannedAt,
      ...(scorecard.commitSha !== undefined && { commitSha: scorecard.commitSha }),
      counts: scorecard.counts,
    },
    json: JSON.stringify(stored),
  };
}
