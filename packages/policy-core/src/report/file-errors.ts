/**
 * Input problems a surface met before or around the scan (a file it could not read, a template that
 * did not render), added to a report's file list so that every output shows them at their file and line.
 */
import type { FileSummary, Report } from '../types.js';
import { compareStrings } from './common.js';

export interface FileError {
  file: string;
  message: string;
  line: number;
  column: number;
}

/**
 * One summary per path, sorted by path: documents added up, errors and skipped documents of the same
 * place kept once, each list in line order.
 */
export function mergeFileSummaries(files: readonly FileSummary[]): FileSummary[] {
  const byPath = new Map<string, FileSummary>();
  for (const file of files) {
    const seen = byPath.get(file.path);
    if (!seen) {
      byPath.set(file.path, { ...file, errors: [...file.errors], skipped: [...file.skipped] });
      continue;
    }
    seen.documents += file.documents;
    for (const error of file.errors) {
      const known = seen.errors.some(
        (e) => e.line === error.line && e.column === error.column && e.message === error.message,
      );
      if (!known) seen.errors.push(error);
    }
    for (const skipped of file.skipped) {
      if (!seen.skipped.some((s) => s.line === skipped.line && s.reason === skipped.reason))
        seen.skipped.push(skipped);
    }
  }
  const merged = [...byPath.values()];
  for (const file of merged) {
    file.errors.sort((a, b) => a.line - b.line || a.column - b.column);
    file.skipped.sort((a, b) => a.line - b.line);
  }
  return merged.sort((a, b) => compareStrings(a.path, b.path));
}

/** The report with each error listed under its file, and the summary's file and error counts updated. */
export function withFileErrors(report: Report, errors: readonly FileError[]): Report {
  if (errors.length === 0) return report;
  const extra: FileSummary[] = errors.map((e) => ({
    path: e.file,
    documents: 0,
    errors: [{ message: e.message, line: e.line, column: e.column }],
    skipped: [],
  }));
  const files = mergeFileSummaries([...report.files, ...extra]);
  return {
    ...report,
    files,
    summary: {
      ...report.summary,
      files: files.length,
      errors: files.reduce((n, f) => n + f.errors.length, 0),
    },
  };
}
