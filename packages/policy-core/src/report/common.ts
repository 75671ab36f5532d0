/**
 * Small helpers shared by the report formatters: stable ordering, resource labels and rule links.
 * Pure functions only.
 */
import type { Finding, InputError, ResourceRef, SkippedDocument } from '../types.js';
import { SEVERITY_RANK } from '../types.js';

/** Where `docs/rules/<id>.md` lives when the caller does not say otherwise. */
export const DEFAULT_HELP_URI_BASE = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

/** The project home page (SARIF `informationUri`). */
export const INFORMATION_URI = 'https://github.com/shiftdown-dev/shiftdown';

/** Code-unit comparison: locale-independent, so output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File, then position, then rule and fingerprint: a total order for findings in one report. */
export function compareByLocation(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** Worst severity first, then by location. */
export function compareBySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareByLocation(a, b);
}

/** A sorted copy (the report is never mutated). */
export function sortedFindings(findings: readonly Finding[], compare = compareByLocation): Finding[] {
  return [...findings].sort(compare);
}

/** `Kind/namespace/name`; the namespace is left out when the resource has none (cluster-scoped). */
export function resourceId(ref: ResourceRef): string {
  const parts = [ref.kind || '(unknown kind)'];
  if (ref.namespace) parts.push(ref.namespace);
  parts.push(ref.name || '(unnamed)');
  return parts.join('/');
}

/** `Kind namespace/name`, as shown in the text report. */
export function resourceLabel(ref: ResourceRef): string {
  const name = ref.name || '(unnamed)';
  return `${ref.kind || '(unknown kind)'} ${ref.namespace ? `${ref.namespace}/${name}` : name}`;
}

/** `${base}/${id}.md`, with any trailing slash of the base removed. */
export function ruleHelpUri(id: string, base: string = DEFAULT_HELP_URI_BASE): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}.md`;
}

/**
 * The documentation link of each rule: `${helpUriBase}/${id}.md` when the caller gives a base,
 * otherwise the `helpUri` the report carries (the engine computed it), otherwise the default base.
 */
export function helpUriResolver(
  rules: readonly { id: string; helpUri: string }[],
  helpUriBase: string | undefined,
): (ruleId: string) => string {
  const known = new Map<string, string>();
  for (const rule of rules) if (rule.helpUri && !known.has(rule.id)) known.set(rule.id, rule.helpUri);
  return (ruleId) =>
    helpUriBase !== undefined ? ruleHelpUri(ruleId, helpUriBase) : (known.get(ruleId) ?? ruleHelpUri(ruleId));
}

/** `1 finding`, `2 findings`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Scores are shown as integers when they are, with one decimal otherwise. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** Cut `text` to at most `max` characters (code points are kept whole), ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${text.slice(0, end)}…`;
}

/** Whitespace runs (newlines included) become one space; ends are trimmed. For one-line outputs. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface FileEntries {
  path: string;
  errors: InputError[];
  skipped: SkippedDocument[];
  findings: Finding[];
}

/**
 * Every file of the report, whether listed in `report.files` or only named by a finding, sorted by
 * path, with its errors, skipped documents and findings (sorted by position).
 */
export function groupByFile(
  files: readonly { path: string; errors: InputError[]; skipped: SkippedDocument[] }[],
  findings: readonly Finding[],
): FileEntries[] {
  const byPath = new Map<string, FileEntries>();
  const entry = (path: string): FileEntries => {
    let found = byPath.get(path);
    if (!found) {
      found = { path, errors: [], skipped: [], findings: [] };
      byPath.set(path, found);
    }
    return found;
  };
  for (const file of files) {
    const target = entry(file.path);
    for (const error of file.errors) target.errors.push(error);
    for (const skipped of file.skipped) target.skipped.push(skipped);
  }
  for (const finding of findings) entry(finding.file).findings.push(finding);
  const result = [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
  for (const file of result) {
    file.findings.sort(compareByLocation);
    file.errors.sort(
      (a, b) => a.line - b.line || a.column - b.column || compareStrings(a.message, b.message),
    );
    file.skipped.sort((a, b) => a.line - b.line || compareStrings(a.reason, b.reason));
  }
  return result;
}
