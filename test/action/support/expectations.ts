/**
 * What every scenario checks, whatever the reporters did: each finding of the JSON report is in the SARIF
 * file (same rule, file, exact region and fingerprint) and in the job summary (a table row naming its rule
 * and `file:line`), and the outputs agree with the report.
 */
import type { ActionRun, JsonReport, ReportFinding } from './run-bundle.js';

const LEVEL = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
} as const;
const COMMAND = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
} as const;

export const key = (f: Pick<ReportFinding, 'file' | 'line' | 'ruleId'>): string =>
  `${f.file}:${f.line} ${f.ruleId}`;

export function openFindings(report: JsonReport): ReportFinding[] {
  return report.findings.filter((f) => !f.suppressed);
}

/** Summary table rows (`| … |` lines) that name the finding's rule and location. */
function rowsFor(summary: string, f: ReportFinding): number {
  return summary
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('| ') && line.includes(`\`${f.ruleId}\``) && line.includes(`\`${f.file}:${f.line}\``),
    ).length;
}

export function expectEveryFindingReported(run: ActionRun): void {
  const report = run.report!;
  expect(report).toBeDefined();
  const sarif = run.sarif!;
  expect(sarif).toBeDefined();
  expect(sarif.version).toBe('2.1.0');
  const results = sarif.runs[0]!.results;
  expect(results).toHaveLength(report.findings.length);
  const located = results.map((r) => {
    const { artifactLocation, region } = r.locations[0]!.physicalLocation;
    return `${r.ruleId} ${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${Object.values(r.partialFingerprints).join()}${r.suppressions ? ' suppressed' : ''}`;
  });
  expect(located.sort()).toEqual(
    report.findings
      .map(
        (f) =>
          `${f.ruleId} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.fingerprint}${f.suppressed ? ' suppressed' : ''}`,
      )
      .sort(),
  );

  // Every finding has a row of its own (two findings of one rule on one line: two rows).
  const wanted = new Map<string, { finding: ReportFinding; count: number }>();
  for (const f of report.findings) {
    const entry = wanted.get(key(f)) ?? { finding: f, count: 0 };
    entry.count += 1;
    wanted.set(key(f), entry);
  }
  const missing = [...wanted.values()]
    .filter(({ finding, count }) => rowsFor(run.summary, finding) < count)
    .map(({ finding }) => key(finding));
  expect(missing).toEqual([]);

  const open = openFindings(report);
  expect(run.outputs.findings).toBe(String(open.length));
  expect(run.outputs.score).toBe(String(report.summary.score));
  expect(run.outputs.grade).toBe(report.summary.grade);
}

/**
 * The check-run annotation GitHub expects for a finding: inclusive end column (GitHub's convention; the
 * report's is exclusive, as in SARIF), columns only on one line.
 */
export function checkAnnotationFor(f: ReportFinding, report: JsonReport): Record<string, unknown> {
  const rule = report.rules.find((r) => r.id === f.ruleId)!;
  const details = [rule.remediation, rule.helpUri && `Docs: ${rule.helpUri}`].filter(Boolean).join('\n\n');
  const endLine = f.endLine > f.line && f.endColumn === 1 ? f.endLine - 1 : f.endLine;
  return {
    path: f.file,
    start_line: f.line,
    end_line: endLine,
    ...(f.endLine === f.line && { start_column: f.column, end_column: Math.max(f.column, f.endColumn - 1) }),
    annotation_level: LEVEL[f.severity],
    title: `${f.ruleId}: ${rule.title}`,
    message: f.message,
    ...(details && { raw_details: details }),
  };
}

/** The `::error file=…` workflow command GitHub expects for a finding. */
export function workflowCommandFor(f: ReportFinding, report: JsonReport): string {
  const rule = report.rules.find((r) => r.id === f.ruleId)!;
  const property = (value: string) =>
    value
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
      .replace(/:/g, '%3A')
      .replace(/,/g, '%2C');
  const columns =
    f.endLine === f.line ? `,col=${f.column},endColumn=${Math.max(f.column, f.endColumn - 1)}` : '';
  return `::${COMMAND[f.severity]} file=${property(f.file)},line=${f.line},endLine=${f.endLine}${columns},title=${property(`${f.ruleId}: ${rule.title}`)}::${f.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
}

const RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Worst first, then file, line, column and rule: the order every annotating reporter uses. */
export function worstFirst(findings: readonly ReportFinding[]): ReportFinding[] {
  return [...findings].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      text(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      text(a.ruleId, b.ruleId),
  );
}
