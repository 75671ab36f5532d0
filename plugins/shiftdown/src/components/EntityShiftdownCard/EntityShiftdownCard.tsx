import { Box, Typography } from '@material-ui/core';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import {
  SHIFTDOWN_MANIFESTS_ANNOTATION,
  isShiftdownAvailable,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import { MissingScorecardReason } from '../MissingScorecardReason.js';
import { ScanTime } from '../ScanTime.js';
import { ScoreHeadline } from '../ScoreHeadline.js';
import { SeverityCounts } from '../SeverityCounts.js';
import { useScorecard } from '../useScorecard.js';
import { useSecurityTabLink } from '../useSecurityTabLink.js';

export interface EntityShiftdownCardProps {
  /** Path of the Security tab under the entity page (default `security`). */
  tabPath?: string;
}

const TITLE = 'Kubernetes security';

/** An overview card: grade, score, counts by severity, last scan and a link to the Security tab. */
export function EntityShiftdownCard(props: EntityShiftdownCardProps) {
  const { entity } = useEntity();
  if (!isShiftdownAvailable(entity)) {
    return (
      <InfoCard title={TITLE}>
        <MissingAnnotationEmptyState annotation={SHIFTDOWN_MANIFESTS_ANNOTATION} />
      </InfoCard>
    );
  }
  return <ScorecardSummaryCard tabPath={props.tabPath} />;
}

function ScorecardSummaryCard(props: EntityShiftdownCardProps) {
  const { entity } = useEntity();
  const { loading, error, data } = useScorecard(entity, { withHistory: false });
  const securityTabLink = useSecurityTabLink(props.tabPath);
  const scorecard = data?.scorecard;
  const deepLink = { title: 'View security scorecard', link: securityTabLink(entity) };

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title="Could not load the Shiftdown scorecard" />;
  } else if (!scorecard) {
    body = (
      <>
        <Typography variant="body2">
          Not scanned yet. The scorecard appears after the next scheduled scan or CI push.
        </Typography>
        {data?.missingReason && <MissingScorecardReason reason={data.missingReason} variant="body2" />}
      </>
    );
  } else {
    body = (
      // Grade and score, then the counts beside them when the card is wide (below them when narrow).
      <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
        <ScoreHeadline grade={scorecard.grade} score={scorecard.score} compact mr={2}>
          <Typography variant="body2" color="textSecondary">
            Maturity level {scorecard.maturity.level}: {scorecard.maturity.name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Scanned <ScanTime scannedAt={scorecard.scannedAt} compact />
          </Typography>
        </ScoreHeadline>
        <Box flex="1 1 240px">
          <SeverityCounts counts={scorecard.counts} hideInfo />
          {scorecard.suppressed.length > 0 && (
            <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
              {scorecard.suppressed.length} suppressed with a reason
            </Typography>
          )}
        </Box>
      </Box>
    );
  }
  return (
    <InfoCard title={TITLE} deepLink={deepLink}>
      {body}
    </InfoCard>
  );
}
