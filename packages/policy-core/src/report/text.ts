/**
 * Human-readable report for terminals: findings grouped by file, then a summary block.
 * Colour is decided by the caller (TTY detection and NO_COLOR belong to the CLI).
 */
import type { Finding, Report, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import { formatScore, groupByFile, oneLine, plural, resourceLabel, type FileEntries } from './common.js';

export interface TextOptions {
  /** Write ANSI colour codes. */
  color: boolean;
  /** List suppressed findings (dimmed, with their reason); otherwise they are only counted. */
  showSuppressed?: boolean;
}

type Style = (text: string) => string;

interface Palette {
  severity: Record<Severity, Style>;
  error: Style;
  skipped: Style;
  file: Style;
  position: Style;
  resource: Style;
  dim: Style;
  bold: Style;
}

const sgr =
  (open: string): Style =>
  (text) =>
    text === '' ? text : `\u001b[${open}m${text}\u001b[0m`;

const plain: Style = (text) => text;

const COLORS: Palette = {
  severity: { critical: sgr('1;35'), high: sgr('31'), medium: sgr('33'), low: sgr('36'), info: sgr('90') },
  error: sgr('1;31'),
  skipped: sgr('90'),
  file: sgr('1;4'),
  position: sgr('2'),
  resource: sgr('90'),
  dim: sgr('2'),
  bold: sgr('1'),
};

const NO_COLORS: Palette = {
  severity: { critical: plain, high: plain, medium: plain, low: plain, info: plain },
  error: plain,
  skipped: plain,
  file: plain,
  position: plain,
  resource: plain,
  dim: plain,
  bold: plain,
};

/** Width of the label column: the longest severity (`critical`). */
const LABEL_WIDTH = 8;

/** One row of a file's listing before layout. */
type Row =
  | { kind: 'error'; line: number; column: number; position: string; message: string }
  | { kind: 'skipped'; line: number; column: number; position: string; message: string }
  | { kind: 'finding'; line: number; column: number; position: string; finding: Finding };

const ROW_ORDER: Record<Row['kind'], number> = { error: 0, skipped: 1, finding: 2 };

export function formatText(report: Report, options: TextOptions = { color: false }): string {
  let text = '';
  for (const line of textLines(report, options)) text += `${line}\n`;
  return text;
}

/**
 * The text report a line at a time (without line breaks; `formatText` is these lines, each followed by
 * one): a scan with 100,000s of findings need not be held as one string to be written out.
 */
export function* textLines(report: Report, options: TextOptions = { color: false }): Generator<string> {
  const palette = options.color ? COLORS : NO_COLORS;
  const showSuppressed = options.showSuppressed ?? false;
  let listed = false;

  for (const file of groupByFile(report.files, report.findings)) {
    const rows = fileRows(file, showSuppressed);
    if (rows.length === 0) continue;
    // Loops, not Math.max(...rows): a file can have more rows than a call can take arguments.
    let positionWidth = 0;
    let ruleWidth = 0;
    for (const row of rows) {
      positionWidth = Math.max(positionWidth, row.position.length);
      if (row.kind === 'finding') ruleWidth = Math.max(ruleWidth, row.finding.ruleId.length);
    }
    if (listed) yield '';
    listed = true;
    yield palette.file(file.path).trimEnd();
    for (const row of rows) {
      for (const line of renderRow(row, positionWidth, ruleWidth, palette)) yield line.trimEnd();
    }
  }

  let suppressedCount = 0;
  for (const finding of report.findings) if (finding.suppressed) suppressedCount++;
  const shownCount = report.findings.length - (showSuppressed ? 0 : suppressedCount);
  if (!listed || shownCount === 0) {
    if (listed) yield '';
    yield report.findings.length === 0 ? 'No findings.' : 'No unsuppressed findings.';
  }
  yield '';
  for (const line of renderSummary(report, showSuppressed, palette)) yield line.trimEnd();
}

/** A file's errors, skipped documents and findings to list, in line order. */
function fileRows(file: FileEntries, showSuppressed: boolean): Row[] {
  // An error that is also a parse-error finding is listed once, as the finding (it carries the severity).
  const reported = new Set(
    file.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.line}:${f.column}:${f.message}`),
  );
  const rows: Row[] = [];
  for (const e of file.errors) {
    if (reported.has(`${e.line}:${e.column}:${e.message}`)) continue;
    rows.push({
      kind: 'error',
      line: e.line,
      column: e.column,
      position: `${e.line}:${e.column}`,
      message: e.message,
    });
  }
  for (const s of file.skipped) {
    rows.push({ kind: 'skipped', line: s.line, column: 0, position: String(s.line), message: s.reason });
  }
  for (const f of file.findings) {
    if (!showSuppressed && f.suppressed) continue;
    rows.push({
      kind: 'finding',
      line: f.line,
      column: f.column,
      position: `${f.line}:${f.column}`,
      finding: f,
    });
  }
  // Stable sort: rows of one kind keep their (already sorted) order.
  return rows.sort((a, b) => a.line - b.line || a.column - b.column || ROW_ORDER[a.kind] - ROW_ORDER[b.kind]);
}

function renderRow(row: Row, positionWidth: number, ruleWidth: number, p: Palette): string[] {
  const position = `  ${p.position(row.position.padEnd(positionWidth))}  `;
  if (row.kind === 'error')
    return [`${position}${p.error('error'.padEnd(LABEL_WIDTH))}  ${oneLine(row.message)}`];
  if (row.kind === 'skipped') {
    return [`${position}${p.skipped('skipped'.padEnd(LABEL_WIDTH))}  ${oneLine(row.message)}`];
  }
  const f = row.finding;
  const rule = ruleWidth > f.ruleId.length ? f.ruleId.padEnd(ruleWidth) : f.ruleId;
  const resource = `[${resourceLabel(f.resource)}]`;
  if (f.suppressed) {
    const indent = ' '.repeat(2 + positionWidth + 2);
    const text = `  ${row.position.padEnd(positionWidth)}  ${f.severity.padEnd(LABEL_WIDTH)}  ${rule}  ${oneLine(f.message)}  ${resource}`;
    const why = `${indent}suppressed: ${oneLine(f.suppressed.reason)} (${oneLine(f.suppressed.source)})`;
    return [p.dim(text), p.dim(why)];
  }
  return [
    `${position}${p.severity[f.severity](f.severity.padEnd(LABEL_WIDTH))}  ${rule}  ${oneLine(f.message)}  ${p.resource(resource)}`,
  ];
}

function renderSummary(report: Report, showSuppressed: boolean, p: Palette): string[] {
  const s = report.summary;
  const field = (name: string, value: string): string => `  ${`${name}:`.padEnd(13)}${value}`;
  const continuation = (value: string): string => `${' '.repeat(15)}${value}`;
  const out: string[] = [p.bold('Summary')];

  out.push(field('Score', `${p.bold(`${formatScore(s.score)}/100`)} (grade ${p.bold(s.grade)})`));
  if (s.cap) out.push(field('Grade cap', oneLine(s.cap)));
  const counts = SEVERITIES.map((sev) => {
    const text = `${s.counts[sev]} ${sev}`;
    return s.counts[sev] > 0 ? p.severity[sev](text) : text;
  });
  out.push(field('Findings', counts.join(', ')));
  if (s.suppressed > 0) {
    out.push(field('Suppressed', showSuppressed ? String(s.suppressed) : `${s.suppressed} (not shown)`));
  }
  out.push(
    field(
      'Scanned',
      [
        plural(s.files, 'file'),
        plural(s.documents, 'document'),
        plural(s.resources, 'resource'),
        plural(s.errors, 'file error'),
      ].join(', '),
    ),
  );
  const settings = [`PSS ${report.settings.pssVersion}`];
  if (report.settings.kubernetesVersion) settings.push(`Kubernetes ${report.settings.kubernetesVersion}`);
  if (report.settings.schemaValidator) settings.push(`schemas: ${report.settings.schemaValidator}`);
  out.push(field('Profile', `${report.settings.profile} (${settings.join(', ')})`));
  out.push(field('Maturity', `level ${s.maturity.level} (${oneLine(s.maturity.name)})`));
  const next = s.maturity.next ?? [];
  next.forEach((item, i) =>
    out.push(i === 0 ? field('Next level', oneLine(item)) : continuation(oneLine(item))),
  );

  if (s.categories.length > 0) {
    out.push(field('Categories', ''));
    const titleWidth = Math.max(...s.categories.map((c) => c.title.length));
    const scoreWidth = Math.max(...s.categories.map((c) => formatScore(c.score).length));
    const gradeWidth = Math.max(...s.categories.map((c) => c.grade.length));
    for (const c of s.categories) {
      out.push(
        `    ${c.title.padEnd(titleWidth)}  ${formatScore(c.score).padStart(scoreWidth)}  ${c.grade.padEnd(gradeWidth)}  ${plural(c.findings, 'finding')}`,
      );
    }
  }
  return out;
}
