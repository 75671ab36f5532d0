import { Button, CircularProgress } from '@material-ui/core';
import { Refresh as RefreshIcon } from '@material-ui/icons';

/** "Scan now": disabled with a spinner while the backend scans. */
export function RefreshButton(props: { refreshing: boolean; onRefresh: () => void }) {
  const { refreshing, onRefresh } = props;
  return (
    <Button
      variant="outlined"
      color="primary"
      size="small"
      onClick={onRefresh}
      disabled={refreshing}
      aria-busy={refreshing}
      startIcon={refreshing ? <CircularProgress size={16} aria-label="Scanning" /> : <RefreshIcon />}
    >
      {refreshing ? 'Scanning…' : 'Scan now'}
    </Button>
  );
}
