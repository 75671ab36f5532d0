import type {
  Grade,
  InputFile,
  ProfileName,
  Report,
  ResourceRef,
  ResourceSummary,
  RuleMeta,
  RuleSummary,
  Severity,
  SeverityCounts,
} from '../types.js';
import { SEVERITIES } from '../types.js';
import type { ShiftdownConfig } from '../config/types.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../parse/limits.js';
import { DocumentSource } from '../parse/document-source.js';
import { BUILTIN_WORKLOAD_KINDS, type WorkloadKind } from '../model/workload.js';
import type { EvaluationSettings, Rule } from '../rules/rule.js';
import { buildCustomRules } from '../custom/custom-rules.js';
import { ALL_RULES, configuredSeverity, ruleCatalog, selectRules } from '../rules/registry.js';
import { worseSeverity } from '../severity.js';
import { formatPssVersion, parsePssVersion } from '../pss-version.js';
import { maturityLevel } from '../score/index.js';
import { applicableRules } from './evaluate.js';
import { FILE_RULES } from './file-findings.js';
import { finalFindings } from './final-findings.js';
import { runRules } from './run-rules.js';
import { workloadKindsFromConfig } from './workload-kinds.js';
import { parseKubernetesVersion } from './kubernetes-version.js';
import { memoizeValidator, type SchemaValidator } from '../rules/validity/schema-validator.js';
import { DEFAULT_HELP_URI_BASE } from '../report/common.js';
import { JSON_REPORT_VERSION } from '../report/json.js';

export const TOOL_NAME = 'shiftdown';
export const TOOL_VERSION = '0.1.0';

export interface ScanOptions {
  files: readonly InputFile[];
  config?: ShiftdownConfig;
  /** Overrides config.profile. Default `recommended`. */
  profile?: ProfileName;
  /** `latest` or `v1.N`; overrides config.pssVersion. */
  pssVersion?: string;
  /** `1.N`; overrides config.kubernetesVersion. */
  kubernetesVersion?: string;
  /** The rule set (default: every built-in rule). */
  rules?: readonly Rule[];
  limits?: Partial<ParseLimits>;
  /** Today as YYYY-MM-DD, for exemption expiry (default: the current UTC date). */
  today?: string;
  helpUriBase?: string;
  /**
   * Schema validation for the `schema-invalid` and `schema-missing` rules (see `@shiftdown/kubeconform`);
   * without one those rules do not run.
   */
  schemaValidator?: SchemaValidator;
  /** Called before each file is parsed (for progress indicators). */
  onFile?: (index: number, total: number, path: string) => void;
  /**
   * Up to this many resources (default 10,000: `RESIDENT_RESOURCES`), every decoded object stays in memory until the scan
   * ends; in larger scans each one is stored compactly once the rules that read it as its document is
   * read have run, and decoded again when a cross-resource rule reads it (see `ObjectStore`). The
   * report is the same either way; 0 stores every object (least memory).
   */
  residentResources?: number;
}

export class ScanOptionError extends Error {}

/** The one entry point every surface calls: files in, a complete located report out. */
export function scan(options: ScanOptions): Report {
  const config = options.config ?? {};
  const profile = options.profile ?? config.profile ?? 'recommended';
  const pssText = options.pssVersion ?? config.pssVersion ?? 'latest';
  const pssVersion = parsePssVersion(pssText);
  if (!pssVersion)
    throw new ScanOptionError(`invalid Pod Security Standards version "${pssText}" (use latest or v1.N)`);
  const kubernetesText = options.kubernetesVersion ?? config.kubernetesVersion;
  const kubernetesVersion = kubernetesText === undefined ? undefined : parseKubernetesVersion(kubernetesText);
  if (kubernetesText !== undefined && !kubernetesVersion) {
    throw new ScanOptionError(`invalid Kubernetes version "${kubernetesText}" (use 1.N)`);
  }
  const limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const workloadKinds: WorkloadKind[] = [
    ...BUILTIN_WORKLOAD_KINDS,
    ...workloadKindsFromConfig(config.workloadKinds),
  ];
  const builtinRules = options.rules ?? ALL_RULES;
  const customRules = buildCustomRules(config.customRules ?? [], config.path);
  const catalog = ruleCatalog(builtinRules);
  const clash = customRules.find((rule) => catalog.has(rule.meta.id));
  if (clash)
    throw new ScanOptionError(
      `custom rule id "${clash.meta.id}" is already a built-in rule id; choose another`,
    );
  // Custom rules are the config's own: on in every profile unless the config turns them off.
  const active = [
    ...selectRules(builtinRules, profile, config.rules),
    ...customRules.flatMap((rule) => {
      const severity = configuredSeverity(rule.meta, config.rules);
      return severity ? [{ rule, severity }] : [];
    }),
  ];
  for (const rule of customRules) catalog.set(rule.meta.id, rule.meta);

  const settings: EvaluationSettings = {
    pssVersion,
    ...(kubernetesVersion && { kubernetesVersion }),
    ...(config.cloud && { cloud: config.cloud }),
    ...(config.namespaces && {
      namespaceTenancy: Object.fromEntries(
        Object.entries(config.namespaces).flatMap(([ns, context]) =>
          context.tenancy ? [[ns, context.tenancy]] : [],
        ),
      ),
    }),
    ...(config.trustedRegistries && { trustedRegistries: config.trustedRegistries }),
    ...(config.sandboxRuntimeClasses && { sandboxRuntimeClasses: config.sandboxRuntimeClasses }),
    ...(config.systemNamespaces && { systemNamespaces: config.systemNamespaces }),
    ...(options.schemaValidator && { schemaValidator: memoizeValidator(options.schemaValidator) }),
  };
  const applicable = applicableRules(active, settings);
  const perDocumentRules = applicable.filter(({ rule }) => !rule.crossResource);
  const crossResourceRules = applicable.filter(({ rule }) => rule.crossResource);

  // Every rule that can fail a subject, with its configured severity (the score's weights).
  const rulesForScore = new Map<string, { meta: RuleMeta; severity: Severity }>();
  for (const { rule, severity } of active) rulesForScore.set(rule.meta.id, { meta: rule.meta, severity });
  for (const meta of FILE_RULES) {
    const severity = configuredSeverity(meta, config.rules);
    if (severity) rulesForScore.set(meta.id, { meta, severity });
  }

  const ruled = runRules(
    options,
    limits,
    workloadKinds,
    perDocumentRules,
    crossResourceRules,
    settings,
    rulesForScore,
    config,
  );
  const { files, scoreTally, evaluatedRuleIds } = ruled;
  // Every evaluation is in: file-level ones last, as the score has always counted them.
  for (const evaluation of ruled.fileEvaluations) scoreTally.evaluated(evaluation.subject, evaluation.ruleId);
  // Score: every unsuppressed finding fails its rule on its subject (a resource id, or the file).
  const failing = new Map<string, Severity>();
  const findings = finalFindings(ruled, config, catalog, options.today, (subject, ruleId, severity) => {
    if (!rulesForScore.has(ruleId)) return;
    scoreTally.failed(subject, ruleId, severity);
    failing.set(ruleId, worseSeverity(failing.get(ruleId), severity));
  });
  const scores = scoreTally.overall();
  const maturity = maturityLevel({
    evaluated: active.filter(({ rule }) => evaluatedRuleIds.has(rule.meta.id)).map(({ rule }) => rule.meta),
    failing,
  });

  const resourceSummaries: ResourceSummary[] = ruled.resources.map((r) =>
    resourceSummary(
      r.ref,
      r.file,
      r.line,
      scoreTally.subject(r.id) ?? { score: 100, grade: 'A+', findings: 0 },
    ),
  );
  // The report keeps none of the model: let it go before the report is assembled.
  ruled.resources = [];
  scoreTally.dispose();
  DocumentSource.forgetRecent();

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  let suppressedCount = 0;
  const usedRules = new Set<string>();
  for (const f of findings) {
    if (f.suppressed) suppressedCount++;
    else counts[f.severity]++;
    usedRules.add(f.ruleId);
  }
  const helpUriBase = options.helpUriBase ?? DEFAULT_HELP_URI_BASE;
  const rules: RuleSummary[] = [...usedRules].sort().flatMap((id) => {
    const meta = catalog.get(id);
    return meta ? [ruleSummary(meta, helpUriBase)] : [];
  });

  return {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    settings: {
      profile,
      pssVersion: formatPssVersion(pssVersion),
      ...(kubernetesVersion && {
        kubernetesVersion: `${kubernetesVersion.major}.${kubernetesVersion.minor}`,
      }),
      ...(options.schemaValidator && { schemaValidator: options.schemaValidator.name }),
    },
    summary: {
      score: scores.score,
      grade: scores.grade,
      ...(scores.cap && { cap: scores.cap }),
      counts,
      suppressed: suppressedCount,
      files: files.length,
      documents: resourceSummaries.length,
      resources: resourceSummaries.length,
      errors: files.reduce((n, f) => n + f.errors.length, 0),
      categories: scores.categories,
      maturity,
    },
    files,
    resources: resourceSummaries,
    findings,
    rules,
  };
}

export function ruleSummary(meta: RuleMeta, helpUriBase: string = DEFAULT_HELP_URI_BASE): RuleSummary {
  return {
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    category: meta.category,
    helpUri: `${helpUriBase}/${meta.id}.md`,
    description: meta.description,
    remediation: meta.remediation,
    ...(meta.pss && { pss: meta.pss }),
  };
}

/**
 * `{ ...ref, file, line, score, grade, findings }` (a resource's `ref` has no property set to
 * undefined), written out per shape so that every property sits inside the object: a scan can have
 * 100,000s of resources (see `findingObject`).
 */
function resourceSummary(
  ref: ResourceRef,
  file: string,
  line: number,
  graded: Grade & { findings: number },
): ResourceSummary {
  const { kind, apiVersion, namespace, name } = ref;
  const { score, grade, findings } = graded;
  if (namespace !== undefined) {
    if (name !== undefined) return { kind, apiVersion, namespace, name, file, line, score, grade, findings };
    return { kind, apiVersion, namespace, file, line, score, grade, findings };
  }
  if (name !== undefined) return { kind, apiVersion, name, file, line, score, grade, findings };
  return { kind, apiVersion, file, line, score, grade, findings };
}
