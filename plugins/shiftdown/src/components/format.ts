/**
 * Pure presentation helpers shared by the tab, the card and the overview page: severity order and
 * colours, grade colours, resource labels and time formatting (deterministic, UTC, English).
 */
import {
  SEVERITIES,
  type ScorecardFinding,
  type Severity,
} from '@shiftdown/backstage-plugin-shiftdown-common';

/** What the card's chips and the overview's count columns show, worst first (info is left out). */
export const SEVERITIES_WITHOUT_INFO: readonly Severity[] = SEVERITIES.filter(
  (severity) => severity !== 'info',
);

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#b71c1c',
  high: '#d84315',
  medium: '#f9a825',
  low: '#1565c0',
  info: '#607d8b',
};

/** Background colour of a grade badge (white text on every one of them is readable). */
export function gradeColor(grade: string): string {
  switch (grade.charAt(0)) {
    case 'A':
      return '#2e7d32';
    case 'B':
      return '#558b2f';
    case 'C':
      return '#b28704';
    case 'D':
      return '#d84315';
    default:
      return '#b71c1c';
  }
}

/** Groups findings by severity, worst first; severities without findings are left out. */
export function groupBySeverity(
  findings: readonly ScorecardFinding[],
): Array<{ severity: Severity; findings: ScorecardFinding[] }> {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

/** The findings of one rule, with what they share: the rule's title, documentation and (usually) fix. */
export interface RuleGroup {
  ruleId: string;
  title: string;
  helpUri?: string;
  /** The fix, when every finding of the rule has the same one; otherwise each finding shows its own. */
  remediation?: string;
  findings: ScorecardFinding[];
}

/** Groups findings by rule, the rule with the most findings first (then by title), findings in their order. */
export function groupByRule(findings: readonly ScorecardFinding[]): RuleGroup[] {
  const groups = new Map<string, ScorecardFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId);
    if (group) {
      group.push(finding);
    } else {
      groups.set(finding.ruleId, [finding]);
    }
  }
  return [...groups.entries()]
    .map(([ruleId, ruleFindings]): RuleGroup => {
      const [first] = ruleFindings as [ScorecardFinding, ...ScorecardFinding[]];
      const shared = ruleFindings.every((finding) => finding.remediation === first.remediation);
      return {
        ruleId,
        title: first.title,
        helpUri: ruleFindings.find((finding) => finding.helpUri)?.helpUri,
        remediation: shared ? first.remediation : undefined,
        findings: ruleFindings,
      };
    })
    .sort((a, b) => b.findings.length - a.findings.length || a.title.localeCompare(b.title));
}

/** `Deployment shop/payments`, `ClusterRole node-reader`, `Pod (unnamed)`. */
export function resourceLabel(resource: ScorecardFinding['resource']): string {
  const name = resource.name ?? '(unnamed)';
  return resource.namespace ? `${resource.kind} ${resource.namespace}/${name}` : `${resource.kind} ${name}`;
}

/** `deploy/payments.yaml:12`. */
export function fileLocation(location: { file: string; line: number }): string {
  return location.line > 0 ? `${location.file}:${location.line}` : location.file;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `2025-03-01 09:30 UTC`: the same text for every viewer, whatever their locale or time zone. */
export function formatAbsoluteTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const RELATIVE_UNITS: Array<{ unit: Intl.RelativeTimeFormatUnit; seconds: number }> = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 },
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `5 minutes ago`, `yesterday`, `3 weeks ago`; `just now` under a minute. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) {
    return 'at an unknown time';
  }
  const elapsedSeconds = (time - now) / 1000;
  for (const { unit, seconds } of RELATIVE_UNITS) {
    if (Math.abs(elapsedSeconds) >= seconds) {
      return relativeFormat.format(Math.round(elapsedSeconds / seconds), unit);
    }
  }
  return 'just now';
}

/** The error text users see: the HTTP status and, when the backend said why, its reason. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const cause = (error as { cause?: unknown }).cause;
  const causeMessage =
    typeof cause === 'object' &&
    cause !== null &&
    typeof (cause as { message?: unknown }).message === 'string'
      ? (cause as { message: string }).message
      : '';
  if (error.name !== 'ResponseError' || !causeMessage || causeMessage === error.message) {
    return error.message;
  }
  // Non-JSON error bodies come back as "Request failed with status 502 Bad Gateway, <body>": complete already.
  return causeMessage.startsWith('Request failed') ? causeMessage : `${error.message}: ${causeMessage}`;
}
