import { Box, Grid } from '@material-ui/core';
import type { Scorecard, ScoreHistory } from '@shiftdown/backstage-plugin-shiftdown-common';
import { CategoryBreakdownCard } from './CategoryBreakdownCard.js';
import { FindingsCard } from './FindingsCard.js';
import { MaturityCard } from './MaturityCard.js';
import { ScanErrorsPanel } from './ScanErrorsPanel.js';
import { ScanFailurePanel } from './ScanFailurePanel.js';
import { ScoreSummaryCard } from './ScoreSummaryCard.js';
import { ScoreTrendCard } from './ScoreTrendCard.js';
import { SuppressedFindingsCard } from './SuppressedFindingsCard.js';

/** The Security tab's layout for a scanned entity. */
export function ScorecardView(props: {
  scorecard: Scorecard;
  history?: ScoreHistory;
  historyError?: Error;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { scorecard, history, historyError, refreshing, onRefresh } = props;
  return (
    <Grid container spacing={3}>
      {scorecard.lastError && (
        <Grid item xs={12}>
          <ScanFailurePanel failure={scorecard.lastError} />
        </Grid>
      )}
      {scorecard.errors.length > 0 && (
        <Grid item xs={12}>
          <ScanErrorsPanel errors={scorecard.errors} />
        </Grid>
      )}
      {/* Two independent columns, so a short card never leaves a hole next to a tall one. */}
      <Grid item xs={12} md={6}>
        <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
          <ScoreSummaryCard scorecard={scorecard} refreshing={refreshing} onRefresh={onRefresh} />
          <MaturityCard maturity={scorecard.maturity} />
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
          <CategoryBreakdownCard categories={scorecard.categories} />
          <ScoreTrendCard history={history} error={historyError} />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <FindingsCard findings={scorecard.findings} />
      </Grid>
      {scorecard.suppressed.length > 0 && (
        <Grid item xs={12}>
          <SuppressedFindingsCard findings={scorecard.suppressed} />
        </Grid>
      )}
    </Grid>
  );
}
