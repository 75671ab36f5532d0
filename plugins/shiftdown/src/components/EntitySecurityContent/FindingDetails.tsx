import type { ReactNode } from 'react';
import { Box, Chip, Typography, makeStyles } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import type { ScorecardFinding, Severity } from '@shiftdown/backstage-plugin-shiftdown-common';
import { BreakablePath } from '../BreakablePath.js';
import { MarkdownText } from '../MarkdownText.js';
import { SEVERITY_COLORS, SEVERITY_LABELS, fileLocation, resourceLabel } from '../format.js';

const useStyles = makeStyles((theme) => ({
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  chip: { color: '#fff', fontWeight: 500 },
  title: { fontWeight: 600, lineHeight: 1.4 },
  ruleId: { fontFamily: 'monospace' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: 2,
    margin: theme.spacing(0.75, 0, 0),
  },
  factLabel: { color: theme.palette.text.secondary },
  factValue: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  code: { fontFamily: 'monospace', fontSize: '0.92em' },
  fix: {
    marginTop: theme.spacing(1),
    padding: theme.spacing(1, 1.5),
    borderLeft: `3px solid ${theme.palette.success.main}`,
    backgroundColor: theme.palette.type === 'dark' ? 'rgba(255, 255, 255, 0.04)' : 'rgba(46, 125, 50, 0.05)',
    borderRadius: '0 4px 4px 0',
  },
  fixTitle: { fontWeight: 600, marginBottom: theme.spacing(0.5) },
}));

export function SeverityChip(props: { severity: Severity }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={SEVERITY_LABELS[props.severity]}
      style={{ backgroundColor: SEVERITY_COLORS[props.severity] }}
    />
  );
}

/** Severity, rule title and rule id (and how many findings the rule has, when it has several). */
export function FindingHeading(props: { severity: Severity; title: string; ruleId: string; count?: number }) {
  const { severity, title, ruleId, count = 1 } = props;
  const classes = useStyles();
  return (
    <Box className={classes.heading}>
      <SeverityChip severity={severity} />
      <Typography variant="subtitle1" component="h4" className={classes.title}>
        {title}
      </Typography>
      <Typography variant="caption" color="textSecondary" className={classes.ruleId}>
        {ruleId}
      </Typography>
      {count > 1 && (
        <Typography variant="caption" color="textSecondary">
          · {count} findings
        </Typography>
      )}
    </Box>
  );
}

/** `file:line`: a link to the line in the source repository when the backend knows it, plain text otherwise. */
export function SourceLocation(props: { finding: ScorecardFinding }) {
  const { finding } = props;
  const classes = useStyles();
  const text = <BreakablePath path={fileLocation(finding)} />;
  return finding.sourceUrl ? (
    <Link to={finding.sourceUrl} className={classes.code}>
      {text}
    </Link>
  ) : (
    <code className={classes.code}>{text}</code>
  );
}

/** Where the finding is: resource, container, field and file:line, as a two-column list. */
function FindingFacts(props: { finding: ScorecardFinding }) {
  const { finding } = props;
  const classes = useStyles();
  const facts: Array<[string, ReactNode]> = [
    ['Resource', resourceLabel(finding.resource)],
    ...(finding.container ? [['Container', finding.container] as [string, ReactNode]] : []),
    ...(finding.field
      ? [['Field', <code className={classes.code}>{finding.field}</code>] as [string, ReactNode]]
      : []),
    ['Location', <SourceLocation finding={finding} />],
  ];
  return (
    <Typography component="dl" variant="body2" className={classes.facts}>
      {facts.map(([label, value]) => (
        <Box key={label} display="contents">
          <dt className={classes.factLabel}>{label}</dt>
          <dd className={classes.factValue}>{value}</dd>
        </Box>
      ))}
    </Typography>
  );
}

/** How to fix (Markdown, often with a YAML block) and the link to the rule's documentation. */
export function FixSection(props: { remediation?: string; helpUri?: string; ruleId: string }) {
  const { remediation, helpUri, ruleId } = props;
  const classes = useStyles();
  const docs = helpUri && (
    <Typography variant="body2" component="div" style={{ marginTop: 4 }}>
      <Link to={helpUri}>Rule documentation: {ruleId}</Link>
    </Typography>
  );
  if (!remediation) {
    return docs || null;
  }
  return (
    <Box className={classes.fix} role="group" aria-label="How to fix">
      <Typography variant="body2" className={classes.fixTitle}>
        How to fix
      </Typography>
      <MarkdownText content={remediation} />
      {docs}
    </Box>
  );
}

/**
 * One finding of a rule: its message and where it is. `fix` adds the finding's own fix (when the rule's
 * findings do not share one); `children` adds to it (the suppression reason).
 */
export function FindingOccurrence(props: { finding: ScorecardFinding; fix?: boolean; children?: ReactNode }) {
  const { finding, fix = false, children } = props;
  return (
    <Box component="article" aria-label={`${finding.title}: ${finding.message}`}>
      <MarkdownText content={finding.message} variant="body1" />
      <FindingFacts finding={finding} />
      {children}
      {fix && <FixSection remediation={finding.remediation} ruleId={finding.ruleId} />}
    </Box>
  );
}

/**
 * One finding on its own with its rule heading and the rule's documentation (the suppressed findings:
 * accepted on purpose, so the reason in `children` matters and the fix is left out).
 */
export function FindingDetails(props: { finding: ScorecardFinding; children?: ReactNode }) {
  const { finding, children } = props;
  return (
    <Box py={1.5}>
      <FindingHeading severity={finding.severity} title={finding.title} ruleId={finding.ruleId} />
      <FindingOccurrence finding={finding}>{children}</FindingOccurrence>
      <FixSection helpUri={finding.helpUri} ruleId={finding.ruleId} />
    </Box>
  );
}
