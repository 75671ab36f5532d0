import { Box, Chip } from '@material-ui/core';
import { SEVERITIES, type Severity } from '@shiftdown/backstage-plugin-shiftdown-common';
import { SEVERITIES_WITHOUT_INFO, SEVERITY_COLORS, SEVERITY_LABELS } from './format.js';

/** One chip per severity, worst first: `2 Critical`, `0 High`, … (zero counts are shown greyed). */
export function SeverityCounts(props: { counts: Record<Severity, number>; hideInfo?: boolean }) {
  const { counts, hideInfo = false } = props;
  const severities = hideInfo ? SEVERITIES_WITHOUT_INFO : SEVERITIES;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} role="list" aria-label="Findings by severity">
      {severities.map((severity) => {
        const count = counts[severity];
        return (
          <Chip
            key={severity}
            role="listitem"
            size="small"
            label={`${count} ${SEVERITY_LABELS[severity]}`}
            style={
              count > 0 ? { backgroundColor: SEVERITY_COLORS[severity], color: '#fff' } : { opacity: 0.6 }
            }
          />
        );
      })}
    </Box>
  );
}
