import { Box, Divider, Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import type { ScorecardFinding } from '@shiftdown/backstage-plugin-shiftdown-common';
import { SEVERITY_COLORS, SEVERITY_LABELS, groupByRule, groupBySeverity } from '../format.js';
import { RuleFindingsGroup } from './RuleFindingsGroup.js';

/** Unsuppressed findings, grouped by severity (critical first), then by rule so each fix shows once. */
export function FindingsCard(props: { findings: ScorecardFinding[] }) {
  const { findings } = props;
  const groups = groupBySeverity(findings);
  return (
    <InfoCard title={`Findings (${findings.length})`}>
      {groups.length === 0 && (
        <Typography variant="body1">No findings: every enabled check passed.</Typography>
      )}
      {groups.map((group) => (
        <Box
          component="section"
          key={group.severity}
          mb={2}
          aria-label={`${SEVERITY_LABELS[group.severity]} findings`}
        >
          <Typography
            variant="h6"
            component="h3"
            style={{ borderLeft: `4px solid ${SEVERITY_COLORS[group.severity]}`, paddingLeft: 8 }}
          >
            {SEVERITY_LABELS[group.severity]} ({group.findings.length})
          </Typography>
          {groupByRule(group.findings).map((ruleGroup, index) => (
            <Box key={ruleGroup.ruleId}>
              {index > 0 && <Divider />}
              <RuleFindingsGroup group={ruleGroup} severity={group.severity} />
            </Box>
          ))}
        </Box>
      ))}
    </InfoCard>
  );
}
