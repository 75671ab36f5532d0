/**
 * Rewrite a scan of the rendered workspace so every location is in the skeleton: findings (file, line,
 * column, end), file summaries (errors and skipped documents) and resources. Fingerprints are re-derived
 * with the skeleton path, so the same finding in two templates' workspaces stays distinct. A fix's
 * replacement lines are rendered text: they are kept only when the lines they replace are copied verbatim
 * from the skeleton (otherwise they would overwrite template syntax).
 */
import { createHash } from 'node:crypto';
import type { FileSummary, Finding, Report, ResourceSummary } from '@shiftdown/policy-core';
import { compareByLocation, compareStrings, mergeFileSummaries } from '@shiftdown/policy-core';
import type { SourceMap } from '../render/source-map.js';
import type { MappedFinding } from '../types.js';

export interface RenderedOrigin {
  skeleton: string;
  map: SourceMap;
}

export function remapReport(
  report: Report,
  origins: ReadonlyMap<string, RenderedOrigin>,
): { report: Report; findings: MappedFinding[] } {
  const mapped: MappedFinding[] = report.findings.map((finding) => {
    const origin = origins.get(finding.file);
    const rendered = { file: finding.file, line: finding.line, column: finding.column };
    return { finding: origin ? remapFinding(finding, origin) : finding, rendered };
  });
  mapped.sort((a, b) => compareByLocation(a.finding, b.finding));
  const files = mergeFileSummaries(report.files.map((file) => remapFile(file, origins.get(file.path))));
  const resources = report.resources
    .map((resource): ResourceSummary => {
      const origin = origins.get(resource.file);
      return origin
        ? { ...resource, file: origin.skeleton, line: origin.map.locate(resource.line, 1).line }
        : resource;
    })
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  return {
    report: {
      ...report,
      summary: {
        ...report.summary,
        files: files.length,
        errors: files.reduce((n, f) => n + f.errors.length, 0),
      },
      files,
      resources,
      findings: mapped.map((m) => m.finding),
    },
    findings: mapped,
  };
}

function remapFinding(finding: Finding, origin: RenderedOrigin): Finding {
  const range = origin.map.locateRange(finding.line, finding.column, finding.endLine, finding.endColumn);
  const { fix, ...rest } = finding;
  const keepFix =
    fix &&
    (fix.replacement === undefined && fix.set === undefined
      ? true
      : origin.map.verbatimLines(finding.line, finding.endLine));
  return {
    ...rest,
    file: origin.skeleton,
    ...range,
    fingerprint: rehash(finding.fingerprint, origin.skeleton),
    ...(fix && { fix: keepFix ? fix : { description: fix.description } }),
  };
}

function remapFile(file: FileSummary, origin: RenderedOrigin | undefined): FileSummary {
  if (!origin) return file;
  return {
    ...file,
    path: origin.skeleton,
    errors: file.errors.map((error) => ({ ...error, ...pick(origin.map.locate(error.line, error.column)) })),
    skipped: file.skipped.map((skipped) => ({ ...skipped, line: origin.map.locate(skipped.line, 1).line })),
  };
}

function pick(position: { line: number; column: number }): { line: number; column: number } {
  return { line: position.line, column: position.column };
}

function rehash(fingerprint: string, skeleton: string): string {
  return createHash('sha256')
    .update(`${fingerprint}\u0000${skeleton}`)
    .digest('hex')
    .slice(0, fingerprint.length || 16);
}
