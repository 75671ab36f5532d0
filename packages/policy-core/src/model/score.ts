/**
 * Score workload specifications (score.dev/v1b1). A Score file has `apiVersion` but no `kind`; the
 * model gives it the synthetic kind `ScoreWorkload` so rules can match it like any other object.
 */
export const SCORE_KIND = 'ScoreWorkload';

