import { formatScore, oneLine } from '@shiftdown/policy-core';
import type { Finding, Report, RuleSummary } from '@shiftdown/policy-core';
import type { InputProblem } from '@shiftdown/cli';

/** Violations listed in a failure message; the rest are counted ("…and N more"). */
export const MAX_LISTED_VIOLATIONS = 10;
/** The remediation in a one-line message is cut here (the docs link has all of it). */
const MAX_REMEDIATION_CHARS = 200;

/**
 * The first paragraph of a rule's remediation, on one line: the prose before its YAML example, without
 * the colon that introduces it, ending with a full stop.
 */
export function shortRemediation(remediation: string): string {
  const prose = remediation.split(/\n\s*\n|```/)[0] ?? '';
  let text = oneLine(prose).replace(/:$/, '');
  if (text === '') return '';
  if (text.length > MAX_REMEDIATION_CHARS) text = `${text.slice(0, MAX_REMEDIATION_CHARS - 1).trimEnd()}…`;
  else if (!/[.!?…]$/.test(text)) text += '.';
  return text;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `rule (severity) file:line — message. Fix: <remediation> <docs link>` */
export function violationLine(finding: Finding, rule: RuleSummary | undefined): string {
  const head = `${finding.ruleId} (${finding.severity}) ${finding.file}:${finding.line} — ${sentence(oneLine(finding.message))}`;
  if (!rule) return head;
  const fix = [shortRemediation(rule.remediation), rule.helpUri].filter((part) => part !== '').join(' ');
  return fix === '' ? head : `${head} Fix: ${fix}`;
}

/** An input that could not be read: `file — reason` (no rule and no line: nothing in it was checked). */
export function unreadableLine(problem: InputProblem): string {
  return `${problem.path} — ${sentence(oneLine(problem.message))}`;
}

export interface FailureDetails {
  /** What was scanned, as messages name it (`k8s`, `the workspace`). */
  scanned: string;
  report: Report;
  reasons: readonly string[];
  violations: readonly Finding[];
  /** Inputs that could not be read (they are not findings). */
  unreadable: readonly InputProblem[];
  /** Where the JSON report was written, relative to the workspace (absent when it could not be written). */
  reportPath?: string;
}

/**
 * The InputError message of a failed check: a headline with the score, grade and every reason, then one
 * line per violation (unreadable files first), capped at MAX_LISTED_VIOLATIONS with "…and N more".
 */
export function failureMessage(details: FailureDetails): string {
  const { summary } = details.report;
  const headline =
    `Shiftdown policy check failed for ${details.scanned} (score ${formatScore(summary.score)}/100, grade ${summary.grade}): ` +
    `${details.reasons.join('; ')}.`;
  const rules = new Map(details.report.rules.map((rule) => [rule.id, rule]));
  const lines = [
    ...details.unreadable.map(unreadableLine),
    ...details.violations.map((finding) => violationLine(finding, rules.get(finding.ruleId))),
  ];
  const listed = lines.slice(0, MAX_LISTED_VIOLATIONS).map((line) => `- ${line}`);
  const more = lines.length - listed.length;
  const where = details.reportPath ? `the task log and ${details.reportPath}` : 'the task log';
  if (more > 0) listed.push(`…and ${more} more: every finding is in ${where}.`);
  return [headline, ...listed].join('\n');
}
