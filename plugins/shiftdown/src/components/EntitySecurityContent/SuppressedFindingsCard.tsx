import { Box, Divider, Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import type { ScorecardFinding } from '@shiftdown/backstage-plugin-shiftdown-common';
import { FindingDetails } from './FindingDetails.js';

/** Findings accepted on purpose, with the reason and where the suppression comes from. They do not count. */
export function SuppressedFindingsCard(props: { findings: ScorecardFinding[] }) {
  const { findings } = props;
  return (
    <InfoCard
      title={`Suppressed findings (${findings.length})`}
      subheader="Accepted with a reason; they do not count against the score."
    >
      {findings.map((finding, index) => (
        <Box key={`${finding.fingerprint}-${index}`}>
          {index > 0 && <Divider />}
          <FindingDetails finding={finding}>
            {finding.suppressed && (
              <Box mt={0.5} pl={1} style={{ borderLeft: '3px solid rgba(128, 128, 128, 0.5)' }}>
                <Typography variant="body2">
                  <strong>Reason:</strong> {finding.suppressed.reason}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  Suppressed by {finding.suppressed.source}
                  {finding.suppressed.expires ? `, until ${finding.suppressed.expires}` : ''}
                </Typography>
              </Box>
            )}
          </FindingDetails>
        </Box>
      ))}
    </InfoCard>
  );
}
