import { Typography } from '@material-ui/core';

/**
 * Why an entity has no scorecard, in the backend's words (`… no manifests found at …`, `… the last scan
 * failed: …`). A block-level span, so it can sit inside a paragraph (the empty state's description).
 */
export function MissingScorecardReason(props: { reason: string; variant?: 'inherit' | 'body2' }) {
  const { reason, variant = 'inherit' } = props;
  return (
    <Typography
      component="span"
      display="block"
      variant={variant}
      style={{ marginTop: 8, overflowWrap: 'anywhere' }}
    >
      The backend says: {reason}
    </Typography>
  );
}
