import type { Finding, Report } from '@shiftdown/policy-core';
import { isNotFound, type RunFiles } from './files.js';

/**
 * The fingerprints of a Shiftdown JSON report (the `report-file` of an earlier run, e.g. on the base
 * branch, or a committed file). Every finding counts, suppressed or not: they were all known then.
 */
export async function loadBaseline(path: string, files: Pick<RunFiles, 'readFile'>): Promise<Set<string>> {
  let text: string;
  try {
    text = new TextDecoder().decode(await files.readFile(path));
  } catch (error) {
    if (isNotFound(error)) throw new Error(`baseline file ${path} not found`, { cause: error });
    throw new Error(`cannot read the baseline file ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`baseline file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (
    !Array.isArray(findings) ||
    !findings.every((f) => typeof (f as { fingerprint?: unknown } | null)?.fingerprint === 'string')
  ) {
    throw new Error(
      `baseline file ${path} is not a Shiftdown JSON report (expected findings[].fingerprint; ` +
        'write one with report-file or `shiftdown scan --format json`)',
    );
  }
  return new Set(findings.map((f: { fingerprint: string }) => f.fingerprint));
}

/** Unsuppressed findings whose fingerprint the baseline does not hold. */
export function newFindings(report: Pick<Report, 'findings'>, baseline: ReadonlySet<string>): Finding[] {
  return report.findings.filter((f) => !f.suppressed && !baseline.has(f.fingerprint));
}
