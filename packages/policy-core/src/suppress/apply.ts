/**
 * Suppressions: annotations on the manifests and exemptions in the config mark findings as accepted
 * (with their reason and source). Findings are never dropped; the report shows them as suppressed
 * and the score ignores them. Suppressions that cannot work (an unknown rule, a container the
 * resource does not have, an expired exemption) are reported, never silently ignored.
 */
import picomatch from 'picomatch';
import type { Finding, RuleMeta, Severity, Suppression } from '../types.js';
import type { Exemption, ShiftdownConfig } from '../config/types.js';
import type { Resource } from '../model/resource.js';
import { describeResource } from '../model/resource.js';
import { EXPIRED_EXEMPTION, PARSE_ERROR, RULE_ERROR, UNKNOWN_SUPPRESSION } from '../rules/builtin.js';
import { toFinding } from '../engine/evaluate.js';
import { fileFinding } from '../engine/file-findings.js';
import { configuredSeverity } from '../rules/registry.js';
import { didYouMean } from '../util/did-you-mean.js';
import {
  findMisspeltSuppressions,
  readSuppressionAnnotations,
  type SuppressionAnnotation,
} from './annotations.js';

export interface SuppressionItem {
  finding: Finding;
  /** The resource the finding is about (absent for findings about a file). */
  resource?: Resource;
}

export interface ApplySuppressionsOptions {
  config?: ShiftdownConfig;
  /** Every rule id that exists (built-in input rules included), to report suppressions of unknown rules. */
  knownRuleIds: ReadonlySet<string>;
  /** Today as YYYY-MM-DD (UTC): an exemption whose `expires` is before it no longer applies. */
  today: string;
  /** The config file path for sources and locations (default: `config.path`, else `.shiftdown.yaml`). */
  configPath?: string;
  /**
   * Every resource of the scan, so that suppression annotations on resources without findings are
   * checked too. Default: the resources of `items`.
   */
  resources?: readonly Resource[];
}

export interface ApplySuppressionsResult {
  /** The input findings, in the same order, marked with `suppressed` where a suppression matched. */
  findings: Finding[];
  /** New findings about the suppressions themselves: unknown-suppression, expired-exemption. */
  extra: Finding[];
}

/**
 * Findings about the input or the tool itself: a `*` exemption does not cover them (they can still be
 * suppressed by naming them), so a catch-all exemption cannot hide that something was not checked.
 */
export const NOT_COVERED_BY_WILDCARD: ReadonlySet<string> = new Set([
  PARSE_ERROR.id,
  UNKNOWN_SUPPRESSION.id,
  EXPIRED_EXEMPTION.id,
  RULE_ERROR.id,
]);

const DEFAULT_CONFIG_PATH = '.shiftdown.yaml';

interface CompiledExemption {
  exemption: Exemption;
  index: number;
  expired: boolean;
  suppression: Suppression;
  matches(subject: Subject): boolean;
}

interface Subject {
  ruleId: string;
  kind: string;
  namespace: string;
  name: string;
  file: string;
  container?: string;
}

/** Mark suppressed findings and report suppressions that cannot work. Pure; never drops a finding. */
export function applySuppressions(
  items: readonly SuppressionItem[],
  options: ApplySuppressionsOptions,
): ApplySuppressionsResult {
  const { config, knownRuleIds, today } = options;
  const configPath = options.configPath ?? config?.path ?? DEFAULT_CONFIG_PATH;
  const exemptions = (config?.exemptions ?? []).map((exemption, index) =>
    compileExemption(exemption, index, today, configPath),
  );
  const severityOf = (meta: RuleMeta) => configuredSeverity(meta, config?.rules);

  // Annotations, read once per resource.
  const annotationCache = new Map<Resource, SuppressionAnnotation[]>();
  const annotationsOf = (resource: Resource) => {
    let cached = annotationCache.get(resource);
    if (!cached) {
      cached = readSuppressionAnnotations(resource);
      annotationCache.set(resource, cached);
    }
    return cached;
  };

  const extra: Finding[] = [];
  const extraResources: (Resource | undefined)[] = [];

  // 1. The config's exemptions: expired ones and unknown rule ids.
  const expiredSeverity = severityOf(EXPIRED_EXEMPTION);
  const unknownSeverity = severityOf(UNKNOWN_SUPPRESSION);
  for (const compiled of exemptions) {
    const { exemption, index } = compiled;
    if (compiled.expired && expiredSeverity) {
      extra.push(
        configFinding(
          EXPIRED_EXEMPTION,
          expiredSeverity,
          configPath,
          exemption,
          index,
          `exemptions[${index}] (${describeExemption(exemption)}) expired on ${exemption.expires} and no longer suppresses anything ` +
            `(it was granted because: ${JSON.stringify(exemption.reason)}).`,
          'expired',
        ),
      );
      extraResources.push(undefined);
    }
    if (!unknownSeverity) continue;
    for (const ruleId of exemption.rules) {
      if (ruleId === '*' || knownRuleIds.has(ruleId)) continue;
      extra.push(
        configFinding(
          UNKNOWN_SUPPRESSION,
          unknownSeverity,
          configPath,
          exemption,
          index,
          `exemptions[${index}] names an unknown rule ${JSON.stringify(ruleId)}${suggestion(ruleId, knownRuleIds)}; it suppresses nothing for it.`,
          `rule:${ruleId}`,
        ),
      );
      extraResources.push(undefined);
    }
  }

  // 2. Annotations on every resource: unknown rules, unknown containers, misspelt prefixes.
  if (unknownSeverity) {
    const resources = new Set<Resource>(options.resources ?? []);
    for (const item of items) if (item.resource) resources.add(item.resource);
    for (const resource of resources) {
      const report = (path: SuppressionAnnotation['path'], key: string, message: string) => {
        extra.push(toFinding(UNKNOWN_SUPPRESSION, unknownSeverity, resource, { message, path, key }));
        extraResources.push(resource);
      };
      for (const annotation of annotationsOf(resource)) {
        const { key, ruleId, container } = annotation;
        if (!knownRuleIds.has(ruleId)) {
          const what =
            ruleId === ''
              ? 'names no rule'
              : `names an unknown rule ${JSON.stringify(ruleId)}${suggestion(ruleId, knownRuleIds)}`;
          report(annotation.path, key, `Annotation ${JSON.stringify(key)} ${what}; it suppresses nothing.`);
          continue;
        }
        if (container === undefined) continue;
        const names = (resource.workload?.containers ?? []).map((c) => c.name);
        if (names.includes(container)) continue;
        const has = names.length > 0 ? `(its containers: ${names.join(', ')})` : '(it has no containers)';
        const near = didYouMean(container, names);
        report(
          annotation.path,
          key,
          `Annotation ${JSON.stringify(key)} names container ${JSON.stringify(container)}, which ${describeResource(resource.ref)} does not have ` +
            `${has}, so it suppresses nothing.${near ? ` Did you mean ${JSON.stringify(near)}?` : ''}`,
        );
      }
      for (const misspelt of findMisspeltSuppressions(resource)) {
        report(
          misspelt.path,
          misspelt.key,
          `Annotation ${JSON.stringify(misspelt.key)} looks like a Shiftdown suppression but is not one; ` +
            `use ${JSON.stringify(misspelt.suggestion)}. It suppresses nothing.`,
        );
      }
    }
  }

  // 3. Mark: an annotation wins over a config exemption; the first matching exemption wins.
  const mark = (finding: Finding, resource: Resource | undefined): Finding => {
    if (finding.suppressed) return finding;
    const suppressed =
      (resource && annotationSuppression(finding, annotationsOf(resource), knownRuleIds)) ??
      exemptionSuppression(finding, resource, exemptions);
    return suppressed ? { ...finding, suppressed } : finding;
  };

  return {
    findings: items.map((item) => mark(item.finding, item.resource)),
    extra: extra.map((finding, i) => mark(finding, extraResources[i])),
  };
}

function annotationSuppression(
  finding: Finding,
  annotations: readonly SuppressionAnnotation[],
  knownRuleIds: ReadonlySet<string>,
): Suppression | undefined {
  let best: SuppressionAnnotation | undefined;
  let bestRank = Infinity;
  for (const annotation of annotations) {
    if (annotation.ruleId !== finding.ruleId || !knownRuleIds.has(annotation.ruleId)) continue;
    if (annotation.container !== undefined && annotation.container !== finding.container) continue;
    // Most specific first: container level, then the object, then the pod template.
    const rank = annotation.container !== undefined ? 0 : annotation.placement === 'object' ? 1 : 2;
    if (rank < bestRank) {
      best = annotation;
      bestRank = rank;
    }
  }
  return best ? { reason: best.reason, source: best.source } : undefined;
}

function exemptionSuppression(
  finding: Finding,
  resource: Resource | undefined,
  exemptions: readonly CompiledExemption[],
): Suppression | undefined {
  const subject: Subject = {
    ruleId: finding.ruleId,
    kind: resource?.kind ?? finding.resource.kind,
    namespace: (resource ? resource.namespace : finding.resource.namespace) ?? '',
    name: (resource ? resource.name : finding.resource.name) ?? '',
    file: finding.file,
    ...(finding.container !== undefined && { container: finding.container }),
  };
  for (const compiled of exemptions) {
    if (!compiled.expired && compiled.matches(subject)) return compiled.suppression;
  }
  return undefined;
}

function compileExemption(
  exemption: Exemption,
  index: number,
  today: string,
  configPath: string,
): CompiledExemption {
  const rules = new Set(exemption.rules);
  const wildcard = rules.has('*');
  const kind = globMatcher(exemption.kind, { nocase: true });
  const namespace = globMatcher(exemption.namespace);
  const name = globMatcher(exemption.name);
  const file = globMatcher(exemption.file);
  const container = globMatcher(exemption.container);
  const expired = exemption.expires !== undefined && exemption.expires < today;
  return {
    exemption,
    index,
    expired,
    suppression: {
      reason: exemption.reason,
      source: `config:${configPath}#${index}`,
      ...(exemption.expires !== undefined && { expires: exemption.expires }),
    },
    matches(subject) {
      const ruleMatches =
        rules.has(subject.ruleId) || (wildcard && !NOT_COVERED_BY_WILDCARD.has(subject.ruleId));
      if (!ruleMatches) return false;
      if (kind && !kind(subject.kind)) return false;
      if (namespace && !namespace(subject.namespace)) return false;
      if (name && !name(subject.name)) return false;
      if (file && !file(subject.file)) return false;
      if (container && (subject.container === undefined || !container(subject.container))) return false;
      return true;
    },
  };
}

/** A matcher for an exemption glob; undefined when the field is omitted (matches anything). */
function globMatcher(
  pattern: string | undefined,
  options: { nocase?: boolean } = {},
): ((value: string) => boolean) | undefined {
  if (pattern === undefined) return undefined;
  // `""` matches only an empty value (e.g. `namespace: ""` for resources without a namespace).
  if (pattern === '') return (value) => value === '';
  try {
    const isMatch = picomatch(pattern, { dot: true, ...options });
    return (value) => isMatch(value);
  } catch {
    return (value) => (options.nocase ? value.toLowerCase() === pattern.toLowerCase() : value === pattern);
  }
}

function configFinding(
  meta: RuleMeta,
  severity: Severity,
  configPath: string,
  exemption: Exemption,
  index: number,
  message: string,
  key: string,
): Finding {
  // Identity of the exemption without its position, so that moving it keeps the fingerprint.
  const identity = [
    exemption.rules.join(','),
    exemption.kind ?? '',
    exemption.namespace ?? '',
    exemption.name ?? '',
    exemption.file ?? '',
    exemption.container ?? '',
    exemption.expires ?? '',
  ].join('|');
  return {
    ...fileFinding(meta, severity, configPath, { line: exemption.line ?? 1, column: exemption.column ?? 1 }, message, `exemption\u0000${identity}\u0000${key}`),
    resource: { kind: 'Config', name: configPath },
    field: `exemptions[${index}]`,
  };
}

/** `rules: privileged-container, host-pid; kind: Deployment, name: web-*` */
function describeExemption(exemption: Exemption): string {
  const parts = [`rules: ${exemption.rules.join(', ')}`];
  const selectors = (['kind', 'namespace', 'name', 'file', 'container'] as const)
    .filter((field) => exemption[field] !== undefined)
    .map((field) => `${field}: ${exemption[field] === '' ? '""' : exemption[field]}`);
  if (selectors.length > 0) parts.push(selectors.join(', '));
  return parts.join('; ');
}

function suggestion(ruleId: string, knownRuleIds: ReadonlySet<string>): string {
  const near = didYouMean(ruleId, knownRuleIds);
  return near ? ` (did you mean ${JSON.stringify(near)}?)` : '';
}
