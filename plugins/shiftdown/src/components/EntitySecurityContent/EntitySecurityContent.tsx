import { EmptyState, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import {
  SHIFTDOWN_MANIFESTS_ANNOTATION,
  isShiftdownAvailable,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import { MissingScorecardReason } from '../MissingScorecardReason.js';
import { useScorecard } from '../useScorecard.js';
import { RefreshButton } from './RefreshButton.js';
import { ScorecardView } from './ScorecardView.js';

/** The entity page's Security tab: the entity's Shiftdown scorecard in full. */
export function EntitySecurityContent() {
  const { entity } = useEntity();
  if (!isShiftdownAvailable(entity)) {
    return <MissingAnnotationEmptyState annotation={SHIFTDOWN_MANIFESTS_ANNOTATION} />;
  }
  return <LoadedEntitySecurityContent />;
}

function LoadedEntitySecurityContent() {
  const { entity } = useEntity();
  const { loading, error, data, refreshing, refresh } = useScorecard(entity);
  const onRefresh = () => void refresh();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} title="Could not load the Shiftdown scorecard" />;
  }
  if (!data?.scorecard) {
    return (
      <EmptyState
        missing="data"
        title="Not scanned yet"
        description={
          <>
            Shiftdown has no scorecard for this entity yet. The backend scans entities on a schedule and CI
            can push reports; scan it now to see its grade.
            {data?.missingReason && <MissingScorecardReason reason={data.missingReason} />}
          </>
        }
        action={<RefreshButton refreshing={refreshing} onRefresh={onRefresh} />}
      />
    );
  }
  return (
    <ScorecardView
      scorecard={data.scorecard}
      history={data.history}
      historyError={data.historyError}
      refreshing={refreshing}
      onRefresh={onRefresh}
    />
  );
}
