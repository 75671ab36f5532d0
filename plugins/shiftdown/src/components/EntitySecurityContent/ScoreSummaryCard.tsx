import type { ReactNode } from 'react';
import { Box, Typography } from '@material-ui/core';
import { InfoCard, Link } from '@backstage/core-components';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { BreakablePath } from '../BreakablePath.js';
import { ScanTime } from '../ScanTime.js';
import { ScoreHeadline } from '../ScoreHeadline.js';
import { SeverityCounts } from '../SeverityCounts.js';
import { shortSha } from '../format.js';
import { RefreshButton } from './RefreshButton.js';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box display="flex" py={0.5}>
      <Typography
        component="dt"
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 120, flexShrink: 0 }}
      >
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Typography>
    </Box>
  );
}

function SourceText(props: { scorecard: Scorecard }) {
  const { source, commitSha } = props.scorecard;
  if (source === 'push') {
    return (
      <>
        Pushed from CI
        {commitSha && (
          <>
            {' · commit '}
            <code title={commitSha}>{shortSha(commitSha)}</code>
          </>
        )}
      </>
    );
  }
  return (
    <>
      Scanned by the Shiftdown backend
      {commitSha ? (
        <>
          {' '}
          at commit <code title={commitSha}>{shortSha(commitSha)}</code>
        </>
      ) : null}
    </>
  );
}

function LocationText(props: { location: string }) {
  const { location } = props;
  const text = <BreakablePath path={location} />;
  return /^https?:\/\//.test(location) ? <Link to={location}>{text}</Link> : <code>{text}</code>;
}

/** Grade and score up front, the counts behind them, when and how the scan happened, and "Scan now". */
export function ScoreSummaryCard(props: {
  scorecard: Scorecard;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { scorecard, refreshing, onRefresh } = props;
  return (
    <InfoCard
      title="Security score"
      action={
        // Centred on the title's line (the card header aligns its action to the top).
        <Box mt={1} mr={1}>
          <RefreshButton refreshing={refreshing} onRefresh={onRefresh} />
        </Box>
      }
    >
      <ScoreHeadline grade={scorecard.grade} score={scorecard.score} mb={2}>
        <Typography variant="body2" color="textSecondary">
          {scorecard.profile} profile
        </Typography>
        {scorecard.cap && (
          <Typography variant="body2" style={{ color: '#d84315' }}>
            {scorecard.cap}
          </Typography>
        )}
      </ScoreHeadline>
      <SeverityCounts counts={scorecard.counts} />
      <Box component="dl" mt={2} mb={0}>
        <Fact label="Last scanned">
          <ScanTime scannedAt={scorecard.scannedAt} />
        </Fact>
        <Fact label="Source">
          <SourceText scorecard={scorecard} />
        </Fact>
        {scorecard.location && (
          <Fact label="Manifests">
            <LocationText location={scorecard.location} />
          </Fact>
        )}
        <Fact label="Scanned">
          {scorecard.files} {scorecard.files === 1 ? 'file' : 'files'}, {scorecard.resources}{' '}
          {scorecard.resources === 1 ? 'resource' : 'resources'} · Shiftdown {scorecard.toolVersion}
        </Fact>
      </Box>
    </InfoCard>
  );
}
