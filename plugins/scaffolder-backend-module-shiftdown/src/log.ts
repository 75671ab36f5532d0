import type { LoggerService } from '@backstage/backend-plugin-api';
import { SEVERITIES, formatScore, oneLine } from '@shiftdown/policy-core';
import type { Finding, Report, RuleSummary } from '@shiftdown/policy-core';
import type { InputProblem } from '@shiftdown/cli';

/** One task-log line per finding: `[severity] rule file:line:column — message Docs: <link>` (suppressed ones say why). */
export function findingLogLine(finding: Finding, rule: RuleSummary | undefined): string {
  const docs = rule ? ` Docs: ${rule.helpUri}` : '';
  const suppressed = finding.suppressed
    ? ` (suppressed: ${finding.suppressed.reason} [${finding.suppressed.source}])`
    : '';
  return `[${finding.severity}] ${finding.ruleId} ${finding.file}:${finding.line}:${finding.column} — ${oneLine(finding.message)}${docs}${suppressed}`;
}

/** `4 files, 6 resources: score 96/100 (A+); 0 critical, 0 high, 1 medium, 2 low, 0 info, 1 suppressed` */
export function summaryLine(report: Report): string {
  const { summary } = report;
  const counts = SEVERITIES.map((severity) => `${summary.counts[severity]} ${severity}`).join(', ');
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  const resources = `${summary.resources} resource${summary.resources === 1 ? '' : 's'}`;
  return `${files}, ${resources}: score ${formatScore(summary.score)}/100 (${summary.grade}); ${counts}, ${summary.suppressed} suppressed`;
}

/**
 * Everything to the task log: inputs that could not be read, documents that were skipped (so an author
 * can see why a file was not checked), every finding (unsuppressed ones as warnings, suppressed ones as
 * information) and the summary.
 */
export function logReport(
  logger: LoggerService,
  scanned: string,
  report: Report,
  problems: readonly InputProblem[],
): void {
  for (const problem of problems) {
    if (problem.kind === 'unreadable') logger.error(problem.message);
    else logger.warn(problem.message);
  }
  for (const file of report.files) {
    for (const skipped of file.skipped)
      logger.info(`${file.path}:${skipped.line} skipped: ${skipped.reason}`);
  }
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  for (const finding of report.findings) {
    const line = findingLogLine(finding, rules.get(finding.ruleId));
    if (finding.suppressed) logger.info(line);
    else logger.warn(line);
  }
  logger.info(`Shiftdown scanned ${scanned}: ${summaryLine(report)}`);
}
