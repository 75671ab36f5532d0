import { Typography } from '@material-ui/core';
import { WarningPanel } from '@backstage/core-components';
import type { ScanFailure } from '@shiftdown/backstage-plugin-shiftdown-common';
import { BreakablePath } from '../BreakablePath.js';
import { formatAbsoluteTime } from '../format.js';

/** The latest pull scan failed: the scorecard shown is the last good one, from before the failure. */
export function ScanFailurePanel(props: { failure: ScanFailure }) {
  const { message, at, location } = props.failure;
  return (
    <WarningPanel
      severity="warning"
      title={`The last scan failed (${formatAbsoluteTime(at)}): this scorecard is from the scan before it`}
      message={message}
      defaultExpanded
    >
      {location && (
        <Typography variant="body2" color="textSecondary">
          Manifests:{' '}
          <code>
            <BreakablePath path={location} />
          </code>
        </Typography>
      )}
    </WarningPanel>
  );
}
