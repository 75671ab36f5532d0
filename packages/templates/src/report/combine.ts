/**
 * Reports put together: a template's scan with its render errors, and every template's report in one.
 * Scores are not averaged: the combined score, grade, categories and maturity are the weakest template's,
 * so `--min-score` and grade gates on the combined report hold for every template.
 */
import type { CategoryScore, Report, RuleSummary } from '@shiftdown/policy-core';
import {
  CATEGORIES,
  SEVERITIES,
  compareByLocation,
  compareStrings,
  mergeFileSummaries,
} from '@shiftdown/policy-core';

/** Several reports as one (templates' reports, or a scan's report and its templates'). */
export function combineReports(reports: readonly [Report, ...Report[]]): Report {
  if (reports.length === 1) return reports[0];
  const weakest = reports.reduce((worst, r) => (r.summary.score < worst.summary.score ? r : worst));
  const files = mergeFileSummaries(reports.flatMap((r) => r.files));
  const rules = new Map<string, RuleSummary>();
  for (const report of reports) for (const rule of report.rules) rules.set(rule.id, rule);
  const sum = (pick: (r: Report) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, sum((r) => r.summary.counts[s])]),
  ) as Report['summary']['counts'];
  const maturity = reports.reduce((low, r) =>
    r.summary.maturity.level < low.summary.maturity.level ? r : low,
  ).summary.maturity;
  return {
    ...weakest,
    summary: {
      score: weakest.summary.score,
      grade: weakest.summary.grade,
      ...(weakest.summary.cap !== undefined && { cap: weakest.summary.cap }),
      counts,
      suppressed: sum((r) => r.summary.suppressed),
      files: files.length,
      documents: sum((r) => r.summary.documents),
      resources: sum((r) => r.summary.resources),
      errors: files.reduce((n, f) => n + f.errors.length, 0),
      categories: combineCategories(reports),
      maturity,
    },
    files,
    resources: reports
      .flatMap((r) => r.resources)
      .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line),
    findings: reports.flatMap((r) => r.findings).sort(compareByLocation),
    rules: [...rules.values()].sort((a, b) => compareStrings(a.id, b.id)),
  };
}

function combineCategories(reports: readonly Report[]): CategoryScore[] {
  const byCategory = new Map<string, CategoryScore>();
  for (const report of reports) {
    for (const category of report.summary.categories) {
      const seen = byCategory.get(category.category);
      if (!seen) byCategory.set(category.category, { ...category });
      else {
        seen.findings += category.findings;
        if (category.score < seen.score) {
          seen.score = category.score;
          seen.grade = category.grade;
        }
      }
    }
  }
  return [...byCategory.values()].sort(
    (a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  );
}
