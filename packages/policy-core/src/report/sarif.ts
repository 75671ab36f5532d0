/**
 * SARIF 2.1.0 output (GitHub code scanning and other SARIF viewers): one run, one reporting
 * descriptor per rule, one result per finding (suppressed ones included, marked as suppressed).
 */
import type { Artifact, ArtifactLocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import type { Finding, Report, RuleSummary, Severity } from '../types.js';
import {
  compareByLocation,
  compareStrings,
  groupByFile,
  helpUriResolver,
  INFORMATION_URI,
  resourceId,
  sortedFindings,
} from './common.js';
import { jsonChunks, LazyArray } from './json-chunks.js';

export interface SarifOptions {
  /**
   * Base of the rule documentation links (`${helpUriBase}/${ruleId}.md`). Without it, each rule's
   * `helpUri` from the report is used (the engine computes it from the same default base).
   */
  helpUriBase?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of the partial fingerprint that carries `Finding.fingerprint`. */
export const FINGERPRINT_KEY = 'shiftdown/v1';

/** GitHub code scanning reads `security-severity` (0.0–10.0) to rank security alerts. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export const SARIF_LEVEL: Readonly<Record<Severity, Result.level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/** The SARIF log as an object (for callers that post-process it, e.g. the Action). */
export function toSarif(report: Report, options: SarifOptions = {}): Log {
  return sarifLog(report, options, (findings, result) => findings.map(result));
}

/**
 * `formatSarif`'s text in pieces (see `jsonChunks`), each result made only as it is written: the SARIF
 * of a scan with 100,000s of findings is never held as objects or as one string.
 */
export function sarifChunks(report: Report, options: SarifOptions = {}): Generator<string> {
  // A LazyArray stands in for the results: jsonChunks writes it exactly as the array it maps to.
  return jsonChunks(
    sarifLog(report, options, (findings, result) => new LazyArray(findings, result) as unknown as Result[]),
    4,
  );
}

function sarifLog(
  report: Report,
  options: SarifOptions,
  makeResults: (findings: readonly Finding[], result: (finding: Finding) => Result) => Result[],
): Log {
  const helpUri = helpUriResolver(report.rules, options.helpUriBase);
  const findings = sortedFindings(report.findings, compareByLocation);
  // The listed files with their errors and skipped documents, in order (for the notifications).
  const files = groupByFile(report.files, []);

  const rules = collectRules(report.rules, findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Every file named by the report, listed or only by a finding; one artifact per distinct URI
  // (`a\\b.yaml` and `a/b.yaml` are the same file).
  const paths = new Set(report.files.map((file) => file.path));
  for (const finding of report.findings) paths.add(finding.file);
  const uris = new Map([...paths].map((path) => artifactUri(path)).map((uri) => [uri.uri, uri] as const));
  const artifacts: Artifact[] = [...uris.values()]
    .sort((a, b) => compareStrings(a.uri, b.uri))
    .map((uri) => ({ location: uri }));
  const artifactIndex = new Map(artifacts.map((artifact, index) => [artifact.location?.uri ?? '', index]));
  const location = (path: string): ArtifactLocation => {
    const uri = artifactUri(path);
    return { ...uri, index: artifactIndex.get(uri.uri) ?? 0 };
  };

  const results = makeResults(findings, (finding) =>
    toResult(finding, ruleIndex.get(finding.ruleId) ?? 0, location),
  );

  const notifications: Notification[] = [];
  for (const file of files) {
    for (const error of file.errors) {
      notifications.push({
        level: 'error',
        message: { text: error.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location(file.path),
              region: { startLine: Math.max(1, error.line), startColumn: Math.max(1, error.column) },
            },
          },
        ],
        descriptor: { id: 'input-error' },
      });
    }
    for (const skipped of file.skipped) {
      notifications.push({
        level: 'note',
        message: { text: `document skipped: ${skipped.reason}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location(file.path),
              region: { startLine: Math.max(1, skipped.line) },
            },
          },
        ],
        descriptor: { id: 'skipped-document' },
      });
    }
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'shiftdown',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: rules.map((rule) => toDescriptor(rule, helpUri(rule.id))),
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    originalUriBaseIds: {
      [SRCROOT]: { description: { text: 'The root of the scanned repository or directory.' } },
    },
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      score: report.summary.score,
      grade: report.summary.grade,
      profile: report.settings.profile,
      pssVersion: report.settings.pssVersion,
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** Rules sorted by id; a finding whose rule has no summary gets a minimal descriptor. */
function collectRules(summaries: readonly RuleSummary[], findings: readonly Finding[]): RuleSummary[] {
  const byId = new Map<string, RuleSummary>();
  for (const rule of summaries) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const finding of findings) {
    if (!byId.has(finding.ruleId)) {
      byId.set(finding.ruleId, {
        id: finding.ruleId,
        title: finding.ruleId,
        severity: finding.severity,
        category: finding.category,
        helpUri: '',
        description: finding.ruleId,
        remediation: '',
      });
    }
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

function toDescriptor(rule: RuleSummary, helpUri: string): ReportingDescriptor {
  const remediation = rule.remediation.trim();
  const helpText = remediation ? `${rule.description}\n\nRemediation: ${remediation}` : rule.description;
  const helpMarkdown = [
    rule.description,
    ...(remediation ? ['**Remediation**', remediation] : []),
    `[Documentation](${helpUri})`,
  ].join('\n\n');
  const tags = [rule.category, 'security'];
  if (rule.pss && !tags.includes(rule.pss.level)) tags.push(rule.pss.level);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags,
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'very-high',
      severity: rule.severity,
      ...(rule.pss ? { pss: rule.pss } : {}),
    },
  };
}

function toResult(finding: Finding, ruleIndex: number, location: (path: string) => ArtifactLocation): Result {
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location(finding.file),
          region: {
            startLine: Math.max(1, finding.line),
            startColumn: Math.max(1, finding.column),
            endLine: Math.max(1, finding.endLine),
            endColumn: Math.max(1, finding.endColumn),
          },
        },
        logicalLocations: [
          {
            name: finding.resource.name ?? finding.resource.kind,
            fullyQualifiedName: resourceId(finding.resource),
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      severity: finding.severity,
      category: finding.category,
      ...(finding.container !== undefined ? { container: finding.container } : {}),
      ...(finding.field !== undefined ? { field: finding.field } : {}),
    },
  };
  if (finding.suppressed) {
    const { reason, source, expires } = finding.suppressed;
    result.suppressions = [
      {
        kind: source.startsWith('annotation:') ? 'inSource' : 'external',
        status: 'accepted',
        justification: reason,
        properties: { source, ...(expires !== undefined ? { expires } : {}) },
      },
    ];
  }
  return result;
}

/** `privileged-container` → `PrivilegedContainer`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A relative path becomes a URI reference under %SRCROOT% (forward slashes, reserved characters
 * percent-encoded); an absolute path becomes a `file:` URI without a base.
 */
export function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  let p = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(p);
  if (drive || p.startsWith('/')) {
    return { uri: drive ? `file:///${p.slice(0, 2)}${encodePath(p.slice(2))}` : `file://${encodePath(p)}` };
  }
  while (p.startsWith('./')) p = p.slice(2);
  return { uri: encodePath(p), uriBaseId: SRCROOT };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeSegment(segment))
    .join('/');
}

function encodeSegment(segment: string): string {
  // Keep the sub-delimiters and `@` that RFC 3986 allows in a path segment readable; encode everything
  // else (`:` too, so that a first segment never looks like a scheme).
  const wellFormed = segment.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  return encodeURIComponent(wellFormed).replace(/%(24|26|2B|2C|3B|3D|40)/g, (match) =>
    decodeURIComponent(match),
  );
}
