import type { Finding, RuleMeta, Severity } from '../types.js';
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
  crashes: { ruleId: string; resource: Resource; message: string }[];
}

function matches(rule: Rule, resource: Resource): boolean {
  if (rule.appliesToResource && !rule.appliesToResource(resource)) return false;
  const match = rule.match;
  if ('workloads' in match) return resource.workload !== undefined;
  if ('any' in match) return true;
  return match.kinds.includes(resource.kind);
}

export function emptyResult(): EvaluationResult {
  return { findings: [], findingResource: [], evaluations: new Map(), crashes: [] };
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
  const applicable = applicableRules(rules, settings);
  for (const resource of resources) evaluateResource(resource, applicable, index, settings, result);
  return result;
}

/** Run the given (already applicable) rules over one resource, appending to `result`. */
export function evaluateResource(
  resource: Resource,
  applicable: readonly ActiveRule[],
  index: ResourceIndex,
  settings: EvaluationSettings,
  result: EvaluationResult,
): void {
  for (const active of applicable) {
    const { rule } = active;
    if (!matches(rule, resource)) continue;
    const looked = result.evaluations.get(rule.meta.id);
    if (looked) looked.push(resource.id);
    else result.evaluations.set(rule.meta.id, [resource.id]);
    const report = (descriptor: ReportDescriptor) => {
      result.findings.push(toFinding(rule.meta, active.severity, resource, descriptor));
      result.findingResource.push(resource.id);
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
      result.crashes.push({
        ruleId: rule.meta.id,
        resource,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

export function toFinding(
  meta: RuleMeta,
  configuredSeverity: Severity,
  resource: Resource,
  descriptor: ReportDescriptor,
): Finding {
  const location = resource.locate(descriptor.path);
  const field = resource.field(descriptor.path);
  // A rule may escalate or lower a finding; a severity set in the config replaces the rule's default.
  const severity =
    configuredSeverity !== meta.severity ? configuredSeverity : (descriptor.severity ?? meta.severity);
  const finding: Finding = {
    ruleId: meta.id,
    severity,
    category: meta.category,
    message: descriptor.message,
    file: resource.file,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    resource: resource.ref,
    field,
    fingerprint: fingerprint(meta.id, resource, descriptor.container?.name, fieldForFingerprint(resource, descriptor, field), descriptor.key),
  };
  if (descriptor.container) finding.container = descriptor.container.name;
  if (descriptor.valueSource) finding.valueSource = descriptor.valueSource;
  if (meta.pss) finding.pss = { level: meta.pss.level, check: meta.pss.check };
  if (descriptor.fix && location.exact) {
    finding.fix = placeReplacement(descriptor.fix, resource.sourceLine(location.line), location);
  }
  return finding;
}

/** Name the container instead of its index, so reordering containers keeps fingerprints. */
function fieldForFingerprint(resource: Resource, descriptor: ReportDescriptor, field: string): string {
  const container = descriptor.container;
  if (!container) return field;
  const prefix = resource.field(container.path);
  return field.startsWith(prefix) ? `${container.type}:${container.name}${field.slice(prefix.length)}` : field;
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
    [ruleId, resource.file, resource.kind, resource.namespace ?? '', resource.name ?? '', container ?? '', field, key ?? ''].join(
      '\u0000',
    ),
  );
}
