import { useState } from 'react';
import { Box, Button, makeStyles } from '@material-ui/core';
import type { Severity } from '@shiftdown/backstage-plugin-shiftdown-common';
import type { RuleGroup } from '../format.js';
import { FindingHeading, FindingOccurrence, FixSection } from './FindingDetails.js';

/** How many findings of one rule show before "Show all": a rule that fires 40 times stays readable. */
export const FINDINGS_SHOWN_PER_RULE = 5;

const useStyles = makeStyles((theme) => ({
  occurrences: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  // Several findings of one rule: a rail on the left ties them to the rule heading.
  several: {
    paddingLeft: theme.spacing(1.5),
    borderLeft: `2px solid ${theme.palette.divider}`,
  },
}));

/** One rule's findings: the heading once, each finding's message and location, then the fix once. */
export function RuleFindingsGroup(props: { group: RuleGroup; severity: Severity }) {
  const { group, severity } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const total = group.findings.length;
  const shown = showAll ? group.findings : group.findings.slice(0, FINDINGS_SHOWN_PER_RULE);
  const sharedFix = group.remediation !== undefined;
  return (
    <Box py={1.5} role="group" aria-label={`${group.title} (${group.ruleId})`}>
      <FindingHeading severity={severity} title={group.title} ruleId={group.ruleId} count={total} />
      <Box className={total > 1 ? `${classes.occurrences} ${classes.several}` : classes.occurrences}>
        {shown.map((finding, index) => (
          <FindingOccurrence key={`${finding.fingerprint}-${index}`} finding={finding} fix={!sharedFix} />
        ))}
        {total > shown.length && (
          <Box>
            <Button size="small" color="primary" onClick={() => setShowAll(true)}>
              Show all {total} findings
            </Button>
          </Box>
        )}
      </Box>
      <FixSection
        remediation={sharedFix ? group.remediation : undefined}
        helpUri={group.helpUri}
        ruleId={group.ruleId}
      />
    </Box>
  );
}
