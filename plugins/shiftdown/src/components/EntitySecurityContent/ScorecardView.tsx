import { Box, Grid } from '@material-ui/core';
import type { ScorecardData } from '../useScorecard.js';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { CategoryBreakdownCard } from './CategoryBreakdownCard.js';
import { FindingsCard } from './FindingsCard.js';
import { MaturityCard } from './MaturityCard.js';
import { ScanErrorsPanel } from './ScanErrorsPanel.js';
import { ScoreSummaryCard } from './ScoreSummaryCard.js';
import { ScoreTrendCard } from './ScoreTrendCard.js';
import { SuppressedFindingsCard } from './SuppressedFindingsCard.js';

/** The Security tab's layout for a scanned entity. */
export function ScorecardView(props: {
  scorecard: Scorecard;
  data: ScorecardData;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { scorecard, data, refreshing, onRefresh } = props;
  const errors = scorecard.errors ?? [];
  const suppressed = scorecard.suppressed ?? [];
  return (
    <Grid container spacing={3}>
      {errors.length > 0 && (
        <Grid item xs={12}>
          <ScanErrorsPanel errors={errors} />
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
          <CategoryBreakdownCard categories={scorecard.categories ?? []} />
          <ScoreTrendCard history={data.history} error={data.historyError} />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <FindingsCard findings={scorecard.findings ?? []} />
      </Grid>
      {suppressed.length > 0 && (
        <Grid item xs={12}>
          <SuppressedFindingsCard findings={suppressed} />
        </Grid>
      )}
    </Grid>
  );
}
