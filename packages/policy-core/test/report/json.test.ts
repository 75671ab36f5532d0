import { Ajv } from 'ajv';
import type {
  CategoryScore,
  FileSummary,
  Finding,
  Fix,
  InputError,
  MaturityLevel,
  PssMapping,
  Report,
  ReportSummary,
  ResourceRef,
  ResourceSummary,
  RuleSummary,
  SkippedDocument,
  Suppression,
} from '../../src/types.js';
import { formatJson, JSON_REPORT_VERSION, jsonReportSchema } from '../../src/report/json.js';
import { buildCleanReport, buildReport } from './fixture.js';

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(jsonReportSchema);
}

describe('formatJson', () => {
  it('is the report, pretty-printed with two spaces and a final newline', () => {
    const report = buildReport();
    const out = formatJson(report);
    expect(out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(out.startsWith('{\n  "version": "1.0.0",\n  "tool": {\n    "name": "shiftdown",')).toBe(true);
  });

  it('round-trips', () => {
    for (const report of [buildReport(), buildCleanReport()]) {
      expect(JSON.parse(formatJson(report))).toEqual(report);
    }
  });

  it('validates against jsonReportSchema (Ajv strict mode)', () => {
    const validate = validator();
    for (const report of [buildReport(), buildCleanReport()]) {
      const ok = validate(JSON.parse(formatJson(report)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects reports that break the contract', () => {
    const validate = validator();
    const cases: [string, (r: Report) => void, string][] = [
      ['bad severity', (r) => (r.findings[0]!.severity = 'urgent' as never), '/findings/0/severity'],
      ['bad category', (r) => (r.findings[0]!.category = 'misc' as never), '/findings/0/category'],
      ['bad grade', (r) => (r.summary.grade = 'E' as never), '/summary/grade'],
      ['bad profile', (r) => (r.settings.profile = 'lax' as never), '/settings/profile'],
      ['line 0', (r) => (r.findings[0]!.line = 0), '/findings/0/line'],
      ['missing fingerprint', (r) => delete (r.findings[0] as Partial<Finding>).fingerprint, '/findings/0'],
      [
        'missing count',
        (r) => delete (r.summary.counts as Partial<ReportSummary['counts']>).info,
        '/summary/counts',
      ],
      ['unknown field', (r) => Object.assign(r.findings[0]!, { extra: 1 }), '/findings/0'],
      [
        'suppression without reason',
        (r) => delete (r.findings[2]!.suppressed as Partial<Suppression>).reason,
        '/findings/2/suppressed',
      ],
      ['bad report version', (r) => (r.version = '2.0.0'), '/version'],
      ['score above 100', (r) => (r.summary.score = 101), '/summary/score'],
      ['maturity level 6', (r) => (r.summary.maturity.level = 6 as never), '/summary/maturity/level'],
    ];
    for (const [name, mutate, instancePath] of cases) {
      const report = buildReport();
      mutate(report);
      expect([name, validate(report)]).toEqual([name, false]);
      expect([name, validate.errors?.some((e) => e.instancePath === instancePath)]).toEqual([name, true]);
    }
  });

  it('carries the current format version', () => {
    expect(JSON_REPORT_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(buildReport().version).toBe(JSON_REPORT_VERSION);
    expect(new RegExp(jsonReportSchema.properties.version.pattern).test(JSON_REPORT_VERSION)).toBe(true);
  });

  it('describes exactly the fields of types.ts', () => {
    // `Record<keyof T, true>` object literals fail to type-check when a field is added to or removed
    // from types.ts; the assertions then fail when the schema does not follow.
    const keys = (o: object) => Object.keys(o).sort();
    const defs = jsonReportSchema.definitions;
    const report: Record<keyof Report, true> = {
      version: true,
      tool: true,
      settings: true,
      summary: true,
      files: true,
      resources: true,
      findings: true,
      rules: true,
    };
    const settings: Record<keyof Report['settings'], true> = {
      profile: true,
      pssVersion: true,
      kubernetesVersion: true,
      schemaValidator: true,
    };
    const summary: Record<keyof ReportSummary, true> = {
      score: true,
      grade: true,
      counts: true,
      suppressed: true,
      files: true,
      documents: true,
      resources: true,
      errors: true,
      categories: true,
      maturity: true,
      cap: true,
    };
    const finding: Record<keyof Finding, true> = {
      ruleId: true,
      severity: true,
      category: true,
      message: true,
      file: true,
      line: true,
      column: true,
      endLine: true,
      endColumn: true,
      resource: true,
      container: true,
      field: true,
      valueSource: true,
      pss: true,
      suppressed: true,
      fix: true,
      fingerprint: true,
    };
    const resourceRef: Record<keyof ResourceRef, true> = {
      kind: true,
      apiVersion: true,
      namespace: true,
      name: true,
    };
    const resourceSummary: Record<keyof ResourceSummary, true> = {
      ...resourceRef,
      score: true,
      grade: true,
      file: true,
      line: true,
      findings: true,
    };
    const fileSummary: Record<keyof FileSummary, true> = {
      path: true,
      documents: true,
      errors: true,
      skipped: true,
    };
    const inputError: Record<keyof InputError, true> = { message: true, line: true, column: true };
    const skipped: Record<keyof SkippedDocument, true> = { line: true, reason: true };
    const suppression: Record<keyof Suppression, true> = { reason: true, source: true, expires: true };
    const fix: Record<keyof Fix, true> = { description: true, replacement: true, set: true };
    const categoryScore: Record<keyof CategoryScore, true> = {
      category: true,
      title: true,
      score: true,
      grade: true,
      findings: true,
    };
    const maturity: Record<keyof MaturityLevel, true> = { level: true, name: true, next: true };
    const pssMapping: Record<keyof PssMapping, true> = { level: true, check: true, since: true };
    const ruleSummary: Record<keyof RuleSummary, true> = {
      id: true,
      title: true,
      severity: true,
      category: true,
      helpUri: true,
      description: true,
      remediation: true,
      pss: true,
    };

    expect(keys(jsonReportSchema.properties)).toEqual(keys(report));
    expect(keys(jsonReportSchema.properties.settings.properties)).toEqual(keys(settings));
    expect(keys(defs.reportSummary.properties)).toEqual(keys(summary));
    expect(keys(defs.finding.properties)).toEqual(keys(finding));
    expect(keys(defs.resourceRef.properties)).toEqual(keys(resourceRef));
    expect(keys(defs.resourceSummary.properties)).toEqual(keys(resourceSummary));
    expect(keys(defs.fileSummary.properties)).toEqual(keys(fileSummary));
    expect(keys(defs.inputError.properties)).toEqual(keys(inputError));
    expect(keys(defs.skippedDocument.properties)).toEqual(keys(skipped));
    expect(keys(defs.suppression.properties)).toEqual(keys(suppression));
    expect(keys(defs.fix.properties)).toEqual(keys(fix));
    expect(keys(defs.categoryScore.properties)).toEqual(keys(categoryScore));
    expect(keys(defs.maturityLevel.properties)).toEqual(keys(maturity));
    expect(keys(defs.pssMapping.properties)).toEqual(keys(pssMapping));
    expect(keys(defs.ruleSummary.properties)).toEqual(keys(ruleSummary));
  });
});
