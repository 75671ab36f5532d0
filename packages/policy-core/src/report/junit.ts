/**
 * JUnit XML for CI test-report viewers: one test suite per file, one test case per resource.
 *
 * - An unsuppressed finding at or above `failOn` is a `<failure>` of its resource's test case;
 *   findings below the threshold and suppressed findings are written to `<system-out>`.
 * - Input errors of a file are `<error>`s of one test case named after the file; skipped documents
 *   are skipped test cases.
 * - Counts follow JUnit semantics: `tests` counts test cases, and `failures` / `errors` / `skipped`
 *   count test cases with at least one failure / error / skip (so they never exceed `tests`).
 */
import type { Finding, Report, Severity } from '../types.js';
import { atOrAbove } from '../severity.js';
import { compareByLocation, compareStrings, groupByFile, resourceId } from './common.js';

export interface JunitOptions {
  /** Lowest severity that fails a test case (default `low`). */
  failOn?: Severity;
}

interface TestCase {
  name: string;
  line: number;
  failures: Finding[];
  errors: { message: string; line: number; column: number }[];
  output: string[];
  skipped?: string;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function formatJunit(report: Report, options: JunitOptions = {}): string {
  let xml = '';
  for (const piece of junitChunks(report, options)) xml += piece;
  return xml;
}

/**
 * `formatJunit`'s text a test case at a time: a scan of 50,000 resources writes an 85 MB document, which
 * need not exist as one string. The counts in the headers come first, so every file's cases are built
 * (as objects that point at the report's findings) before the first line is written.
 */
export function* junitChunks(report: Report, options: JunitOptions = {}): Generator<string> {
  const failOn = options.failOn ?? 'low';
  const suites = junitSuites(report, failOn);
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const { counts } of suites) {
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    total.skipped += counts.skipped;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${attr(report.tool.name || 'shiftdown')}" ${countAttrs(total)}>\n`;
  for (const { path, counts, cases } of suites) {
    const open = `  <testsuite name="${attr(path)}" ${countAttrs(counts)}`;
    if (cases.length === 0) {
      yield `${open}/>\n`;
      continue;
    }
    yield `${open}>\n`;
    for (const c of cases) yield `${renderCase(path, c)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

/** One suite per file: its test cases (input errors first, skipped documents last) and their counts. */
function junitSuites(
  report: Report,
  failOn: Severity,
): { path: string; counts: Counts; cases: TestCase[] }[] {
  return groupByFile(report.files, report.findings).map((file) => {
    const cases = buildCases(report, file.path, file.findings, failOn);
    if (file.errors.length > 0) {
      cases.unshift({ name: file.path, line: 0, failures: [], errors: file.errors, output: [] });
    }
    for (const skipped of file.skipped) {
      cases.push({
        name: `document at line ${skipped.line}`,
        line: skipped.line,
        failures: [],
        errors: [],
        output: [],
        skipped: skipped.reason,
      });
    }
    const counts: Counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.failures.length > 0).length,
      errors: cases.filter((c) => c.errors.length > 0).length,
      skipped: cases.filter((c) => c.skipped !== undefined).length,
    };
    return { path: file.path, counts, cases };
  });
}

/** One test case per resource of the file (resources without findings pass), in source order. */
function buildCases(report: Report, path: string, findings: Finding[], failOn: Severity): TestCase[] {
  const cases = new Map<string, TestCase>();
  const caseFor = (name: string, line: number): TestCase => {
    let found = cases.get(name);
    if (!found) {
      found = { name, line, failures: [], errors: [], output: [] };
      cases.set(name, found);
    }
    return found;
  };
  for (const resource of report.resources) {
    if (resource.file === path) caseFor(resourceId(resource), resource.line);
  }
  for (const finding of [...findings].sort(compareByLocation)) {
    const testCase = caseFor(resourceId(finding.resource), finding.line);
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    if (finding.suppressed) {
      testCase.output.push(
        `${where} ${finding.severity} ${finding.ruleId}: ${finding.message} (suppressed: ${finding.suppressed.reason} (${finding.suppressed.source}))`,
      );
    } else if (atOrAbove(finding.severity, failOn)) {
      testCase.failures.push(finding);
    } else {
      testCase.output.push(`${where} ${finding.severity} ${finding.ruleId}: ${finding.message}`);
    }
  }
  return [...cases.values()].sort((a, b) => a.line - b.line || compareStrings(a.name, b.name));
}

function renderCase(path: string, c: TestCase): string {
  const open = `    <testcase classname="${attr(path)}" name="${attr(c.name)}"`;
  const children: string[] = [];
  for (const e of c.errors) {
    children.push(
      `      <error message="${attr(e.message)}" type="input-error">${text(`${path}:${e.line}:${e.column}`)}</error>`,
    );
  }
  for (const f of c.failures) {
    const body = [`${f.file}:${f.line}:${f.column}`, `${f.severity} ${f.ruleId} (${f.category})`, f.message];
    if (f.container !== undefined) body.push(`container: ${f.container}`);
    if (f.field !== undefined) body.push(`field: ${f.field}`);
    children.push(
      `      <failure message="${attr(`${f.ruleId}: ${f.message}`)}" type="${attr(f.severity)}">${text(body.join('\n'))}</failure>`,
    );
  }
  if (c.skipped !== undefined) children.push(`      <skipped message="${attr(c.skipped)}"/>`);
  if (c.output.length > 0) children.push(`      <system-out>${text(c.output.join('\n'))}</system-out>`);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '    </testcase>'].join('\n');
}

function countAttrs(c: Counts): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}

/**
 * Remove what XML 1.0 forbids anywhere: control characters other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF.
 */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Character data: `&`, `<` and `>` escaped (the last so that `]]>` can never appear). */
export function text(value: string): string {
  return stripInvalidXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; tabs and line breaks kept as character references. */
export function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
