import { SEVERITIES } from '../../src/types.js';
import {
  formatJson,
  formatJunit,
  formatMarkdown,
  formatReport,
  formatSarif,
  formatText,
  isReportFormat,
  REPORT_FORMATS,
} from '../../src/report/index.js';
import { buildReport } from './fixture.js';

describe('formatReport', () => {
  it('dispatches to each formatter with its own options', () => {
    const report = buildReport();
    expect(formatReport(report, 'text')).toBe(formatText(report, { color: false }));
    expect(formatReport(report, 'text', { color: true, showSuppressed: true })).toBe(
      formatText(report, { color: true, showSuppressed: true }),
    );
    expect(formatReport(report, 'json')).toBe(formatJson(report));
    expect(formatReport(report, 'sarif', { helpUriBase: 'https://x.test/r' })).toBe(
      formatSarif(report, { helpUriBase: 'https://x.test/r' }),
    );
    expect(formatReport(report, 'markdown', { maxFindings: 2, title: 'T' })).toBe(
      formatMarkdown(report, { maxFindings: 2, title: 'T' }),
    );
    expect(formatReport(report, 'junit', { failOn: 'high' })).toBe(formatJunit(report, { failOn: 'high' }));
  });

  it('rejects an unknown format', () => {
    expect(() => formatReport(buildReport(), 'html' as never)).toThrow('unknown report format: html');
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'sarif', 'markdown', 'junit']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('html')).toBe(false);
  });

  it('does not mutate the report', () => {
    const report = buildReport();
    const before = structuredClone(report);
    for (const format of REPORT_FORMATS) formatReport(report, format, { showSuppressed: true });
    expect(report).toEqual(before);
  });

  it('uses a self-consistent fixture', () => {
    const report = buildReport();
    const open = report.findings.filter((f) => !f.suppressed);
    for (const severity of SEVERITIES) {
      expect([severity, report.summary.counts[severity]]).toEqual([
        severity,
        open.filter((f) => f.severity === severity).length,
      ]);
    }
    expect(report.summary.suppressed).toBe(report.findings.length - open.length);
    expect(report.summary.files).toBe(report.files.length);
    expect(report.summary.resources).toBe(report.resources.length);
    expect(report.summary.documents).toBe(report.files.reduce((n, f) => n + f.documents, 0));
    expect(report.summary.errors).toBe(report.files.reduce((n, f) => n + f.errors.length, 0));
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(report.rules.map((r) => r.id)));
    expect(
      report.files.some(
        (f) =>
          f.errors.length === 0 && f.skipped.length === 0 && !report.findings.some((x) => x.file === f.path),
      ),
    ).toBe(true);
  });
});
