import type { Finding, Fix, ResourceRef, RuleMeta, Severity } from '../types.js';
import type { Resource } from '../model/resource.js';
import type { ResourceIndex } from '../model/resource-index.js';
import type { EvaluationSettings, ReportDescriptor, Rule } from '../rules/rule.js';
import { fnv1a64 } from '../util/hash.js';
import { placeReplacement } from './fix-lines.js';

/** A rule enabled for this scan, with its effective severity. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
}

export interface EvaluationResult {
  findings: Finding[];
  /** Id of the resource each finding is about (parallel to `findings`). */
  findingResource: number[];
  /** Which resources each rule looked at (the denominator of the score), as resource ids. */
  evaluations: Map<string, number[]>;
  /** Rules that threw on a resource: reported, never fatal. */
  crashes: RuleCrash[];
}

export interface RuleCrash {
  ruleId: string;
  resource: Resource;
  message: string;
}

/** Where `evaluateResource` puts what the rules found: the scan streams it, `evaluate` collects it. */
export interface EvaluationSink {
  /** The rule looked at the resource (once per pair): the denominator of the score. */
  evaluated(ruleId: string, resource: Resource): void;
  /** A finding about `resource` (build it with `buildFinding`). */
  finding(parts: FindingParts, resource: Resource): void;
  crashed(crash: RuleCrash): void;
}

function matches(rule: Rule, resource: Resource): boolean {
  if (rule.appliesToResource && !rule.appliesToResource(resource)) return false;
  const match = rule.match;
  if ('workloads' in match) return resource.workload !== undefined;
  if ('any' in match) return true;
  return match.kinds.includes(resource.kind);
}

function emptyResult(): EvaluationResult {
  return { findings: [], findingResource: [], evaluations: new Map(), crashes: [] };
}

/** A sink that collects everything into `result`. */
function collectInto(result: EvaluationResult): EvaluationSink {
  return {
    evaluated(ruleId, resource) {
      const looked = result.evaluations.get(ruleId);
      if (looked) looked.push(resource.id);
      else result.evaluations.set(ruleId, [resource.id]);
    },
    finding(parts, resource) {
      result.findings.push(buildFinding(parts));
      result.findingResource.push(resource.id);
    },
    crashed(crash) {
      result.crashes.push(crash);
    },
  };
}

/** The active rules that apply under these settings (e.g. PSS checks newer than the policy version drop out). */
export function applicableRules(rules: readonly ActiveRule[], settings: EvaluationSettings): ActiveRule[] {
  return rules.filter(({ rule }) => !rule.appliesTo || rule.appliesTo(settings));
}

/** Run every active rule over every resource it matches. */
export function evaluate(
  resources: readonly Resource[],
  rules: readonly ActiveRule[],
  index: ResourceIndex,
  settings: EvaluationSettings,
): EvaluationResult {
  const result = emptyResult();
  const sink = collectInto(result);
  const applicable = applicableRules(rules, settings);
  for (const resource of resources) evaluateResource(resource, applicable, index, settings, sink);
  return result;
}

/** Run the given (already applicable) rules over one resource, passing what they find to `sink`. */
export function evaluateResource(
  resource: Resource,
  applicable: readonly ActiveRule[],
  index: ResourceIndex,
  settings: EvaluationSettings,
  sink: EvaluationSink,
): void {
  for (const active of applicable) {
    const { rule } = active;
    if (!matches(rule, resource)) continue;
    sink.evaluated(rule.meta.id, resource);
    const report = (descriptor: ReportDescriptor) => {
      sink.finding(findingParts(rule.meta, active.severity, resource, descriptor), resource);
    };
    try {
      if ('workloads' in rule.match) {
        (rule as Extract<Rule, { match: { workloads: true } }>).check({
          resource,
          index,
          settings,
          report,
          workload: resource.workload!,
        });
      } else {
        (rule as Exclude<Rule, { match: { workloads: true } }>).check({ resource, index, settings, report });
      }
    } catch (error) {
      sink.crashed({
        ruleId: rule.meta.id,
        resource,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/** One `pss` value per rule: every finding of the rule carries the same one. */
const pssOfRule = new WeakMap<RuleMeta, NonNullable<Finding['pss']>>();

function sharedPss(meta: RuleMeta): Finding['pss'] {
  if (!meta.pss) return undefined;
  let shared = pssOfRule.get(meta);
  if (!shared) {
    shared = { level: meta.pss.level, check: meta.pss.check };
    pssOfRule.set(meta, shared);
  }
  return shared;
}

export function toFinding(
  meta: RuleMeta,
  configuredSeverity: Severity,
  resource: Resource,
  descriptor: ReportDescriptor,
): Finding {
  return buildFinding(findingParts(meta, configuredSeverity, resource, descriptor));
}

/** Everything a finding holds, worked out from what a rule reported (see `buildFinding`). */
export interface FindingParts {
  meta: RuleMeta;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource: ResourceRef;
  field: string;
  fingerprint: string;
  container?: string;
  valueSource?: NonNullable<Finding['valueSource']>;
  fix?: Fix;
}

function findingParts(
  meta: RuleMeta,
  configuredSeverity: Severity,
  resource: Resource,
  descriptor: ReportDescriptor,
): FindingParts {
  const location = resource.locate(descriptor.path);
  const field = resource.field(descriptor.path);
  // A rule may escalate or lower a finding; a severity set in the config replaces the rule's default.
  const severity =
    configuredSeverity !== meta.severity ? configuredSeverity : (descriptor.severity ?? meta.severity);
  const parts: FindingParts = {
    meta,
    severity,
    message: descriptor.message,
    file: resource.file,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    resource: resource.ref,
    field,
    fingerprint: fingerprint(
      meta.id,
      resource,
      descriptor.container?.name,
      fieldForFingerprint(resource, descriptor, field),
      descriptor.key,
    ),
  };
  if (descriptor.container) parts.container = descriptor.container.name;
  if (descriptor.valueSource) parts.valueSource = descriptor.valueSource;
  if (descriptor.fix && location.exact) {
    parts.fix = placeReplacement(descriptor.fix, resource.sourceLine(location.line), location);
  }
  return parts;
}

/** The finding object: its properties in the order the JSON report shows them. */
export function buildFinding(p: FindingParts): Finding {
  return findingObject(
    p.meta,
    p.severity,
    p.message,
    p.file,
    p.line,
    p.column,
    p.endLine,
    p.endColumn,
    p.resource,
    p.field,
    p.fingerprint,
    p.container,
    p.valueSource,
    p.fix,
  );
}

/**
 * `buildFinding` from its values. One object literal per combination of the optional fields a rule's
 * finding commonly has, so that V8 lays every property out inside the object: a property added later
 * goes to a separate out-of-object array (40 more bytes per finding, and a scan can keep hundreds of
 * thousands).
 */
export function findingObject(
  meta: RuleMeta,
  severity: Severity,
  message: string,
  file: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  resource: ResourceRef,
  field: string,
  fingerprint: string,
  container: string | undefined,
  valueSource: Finding['valueSource'],
  fix: Fix | undefined,
): Finding {
  const ruleId = meta.id;
  const category = meta.category;
  const pss = sharedPss(meta);
  let finding: Finding;
  // prettier-ignore
  if (container !== undefined) {
    if (valueSource) {
      if (pss) finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, container, valueSource, pss };
      else finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, container, valueSource };
    } else if (pss) finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, container, pss };
    else finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, container };
  } else if (valueSource) {
    if (pss) finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, valueSource, pss };
    else finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, valueSource };
  } else if (pss) finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint, pss };
  else finding = { ruleId, severity, category, message, file, line, column, endLine, endColumn, resource, field, fingerprint };
  if (fix) finding.fix = fix;
  return finding;
}

/** Name the container instead of its index, so reordering containers keeps fingerprints. */
function fieldForFingerprint(resource: Resource, descriptor: ReportDescriptor, field: string): string {
  const container = descriptor.container;
  if (!container) return field;
  const prefix = resource.field(container.path);
  return field.startsWith(prefix)
    ? `${container.type}:${container.name}${field.slice(prefix.length)}`
    : field;
}

/** Stable across reformatting and unrelated edits: no line numbers, no message text. */
export function fingerprint(
  ruleId: string,
  resource: Pick<Resource, 'file' | 'kind' | 'namespace' | 'name'>,
  container: string | undefined,
  field: string,
  key: string | undefined,
): string {
  return fnv1a64(
    [
      ruleId,
      resource.file,
      resource.kind,
      resource.namespace ?? '',
      resource.name ?? '',
      container ?? '',
      field,
      key ?? '',
    ].join('\u0000'),
  );
}
