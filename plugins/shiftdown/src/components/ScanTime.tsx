import { Tooltip } from '@material-ui/core';
import { formatAbsoluteTime, formatRelativeTime } from './format.js';

/** `5 minutes ago (2025-03-01 09:30 UTC)`, or the relative time only with the absolute one as a tooltip. */
export function ScanTime(props: { scannedAt: string; compact?: boolean }) {
  const { scannedAt, compact = false } = props;
  const relative = formatRelativeTime(scannedAt);
  const absolute = formatAbsoluteTime(scannedAt);
  if (compact) {
    return (
      <Tooltip title={absolute}>
        <time dateTime={scannedAt}>{relative}</time>
      </Tooltip>
    );
  }
  return (
    <time dateTime={scannedAt} title={absolute}>
      {relative} ({absolute})
    </time>
  );
}
