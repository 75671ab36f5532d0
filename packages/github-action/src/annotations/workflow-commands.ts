import type { Finding, Severity } from '@shiftdown/policy-core';
import { annotationTitle, reportable } from './order.js';
import { annotationRange } from './range.js';

export type CommandLevel = 'error' | 'warning' | 'notice';

export const COMMAND_LEVEL: Readonly<Record<Severity, CommandLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
};

export interface WorkflowCommandOptions {
  /** GitHub shows at most 10 annotations of each level per step. */
  perLevelLimit?: number;
  /** … and at most 50 per job. Pass what is left when other steps annotated already. */
  perJobLimit?: number;
  /** Rule id → rule title, for annotation titles. */
  ruleTitles?: ReadonlyMap<string, string>;
}

export interface WorkflowCommandPlan {
  commands: string[];
  /** Unsuppressed findings that got no annotation (they are named by the final notice). */
  omitted: number;
}

/** Escaping of a workflow command's message (GitHub's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values (GitHub's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(finding: Finding, title: string): string {
  const range = annotationRange(finding);
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', range.startLine],
    ['endLine', range.endLine],
  ];
  // Only on single-line annotations: GitHub ignores (or rejects) columns on multi-line ones.
  if (range.startColumn !== undefined && range.endColumn !== undefined) {
    properties.push(['col', range.startColumn], ['endColumn', range.endColumn]);
  }
  properties.push(['title', title]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND_LEVEL[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

export function omittedNotice(omitted: number): string {
  const subject = omitted === 1 ? '1 more finding was' : `${omitted} more findings were`;
  return escapeData(
    `${subject} not annotated (GitHub caps annotations per step and per job): ` +
      'see the job summary and the SARIF report for every finding.',
  );
}

/** Picks findings in order while each level and the job stay under their caps. */
function select(
  findings: readonly Finding[],
  levelCap: Record<CommandLevel, number>,
  jobCap: number,
): Finding[] {
  const used: Record<CommandLevel, number> = { error: 0, warning: 0, notice: 0 };
  const picked: Finding[] = [];
  for (const finding of findings) {
    const level = COMMAND_LEVEL[finding.severity];
    if (picked.length >= jobCap || used[level] >= levelCap[level]) continue;
    used[level] += 1;
    picked.push(finding);
  }
  return picked;
}

/**
 * Plans `::error`/`::warning`/`::notice` commands for unsuppressed findings, worst first. GitHub drops
 * annotations over its caps without a word, so when some findings do not fit, room is kept for one final
 * `::notice::` (itself a notice annotation) that says how many were left out and where to find them.
 */
export function planWorkflowCommands(
  findings: readonly Finding[],
  { perLevelLimit = 10, perJobLimit = 50, ruleTitles }: WorkflowCommandOptions = {},
): WorkflowCommandPlan {
  const ordered = reportable(findings);
  const full = { error: perLevelLimit, warning: perLevelLimit, notice: perLevelLimit };
  let picked = select(ordered, full, perJobLimit);
  if (picked.length < ordered.length) {
    picked = select(ordered, { ...full, notice: perLevelLimit - 1 }, perJobLimit - 1);
  }
  const commands = picked.map((finding) =>
    workflowCommand(finding, annotationTitle(finding.ruleId, ruleTitles?.get(finding.ruleId))),
  );
  const omitted = ordered.length - picked.length;
  // With no room at all (a cap of 0), even the notice would be dropped: the caller reports `omitted`.
  if (omitted > 0 && perLevelLimit > 0 && perJobLimit > 0)
    commands.push(`::notice::${omittedNotice(omitted)}`);
  return { commands, omitted };
}
