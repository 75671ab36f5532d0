import type {
  FileSummary,
  Finding,
  InputFile,
  ProfileName,
  Report,
  ResourceSummary,
  RuleMeta,
  RuleSummary,
  Severity,
  SeverityCounts,
} from '../types.js';
import { SEVERITIES } from '../types.js';
import type { ShiftdownConfig } from '../config/types.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../parse/limits.js';
import { openFile } from '../parse/parse-file.js';
import { buildDocumentResources, type BuildResult, type Resource } from '../model/resource.js';
import { ResourceIndex } from '../model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS, type WorkloadKind } from '../model/workload.js';
import type { EvaluationSettings, Rule } from '../rules/rule.js';
import { buildCustomRules } from '../custom/custom-rules.js';
import { ALL_RULES, configuredSeverity, ruleCatalog, selectRules } from '../rules/registry.js';
import { RULE_ERROR } from '../rules/builtin.js';
import { worseSeverity } from '../severity.js';
import { formatPssVersion, parsePssVersion } from '../pss-version.js';
import { applySuppressions } from '../suppress/index.js';
import { computeScores, maturityLevel } from '../score/index.js';
import { applicableRules, emptyResult, evaluateResource } from './evaluate.js';
import { checkFile, fileFinding, fileSubject, FILE_RULES, type FileEvaluation } from './file-findings.js';
import { workloadKindsFromConfig } from './workload-kinds.js';
import { parseKubernetesVersion } from './kubernetes-version.js';
import { memoizeValidator, type SchemaValidator } from '../rules/validity/schema-validator.js';
import { DEFAULT_HELP_URI_BASE, compareByLocation } from '../report/common.js';
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

  // 1. Parse, model and run the per-document rules as each document is read, then release its
  //    syntax tree (rebuilt on demand to locate later findings): memory stays flat on huge inputs.
  let nextId = 0;
  const index = new ResourceIndex();
  const evaluated = emptyResult();
  const files: FileSummary[] = [];
  const inputFindings: Finding[] = [];
  const fileEvaluations: FileEvaluation[] = [];
  options.files.forEach((file, fileIndex) => {
    options.onFile?.(fileIndex, options.files.length, file.path);
    const opened = openFile(file, limits);
    const built: BuildResult = { resources: [], skipped: [], errors: [] };
    for (const doc of opened.documents) {
      const first = built.resources.length;
      buildDocumentResources(opened.file, doc, workloadKinds, () => nextId++, built);
      for (const resource of built.resources.slice(first)) {
        index.add(resource);
        evaluateResource(resource, perDocumentRules, index, settings, evaluated);
      }
      doc.source.release();
    }
    const parsed = opened.file;
    const errors = [...parsed.errors, ...built.errors].sort((a, b) => a.line - b.line || a.column - b.column);
    files.push({
      path: file.path,
      documents: built.resources.length,
      errors,
      skipped: [...parsed.skipped, ...built.skipped],
    });
    const checked = checkFile(file.path, errors, parsed.duplicateKeys, config.rules);
    inputFindings.push(...checked.findings);
    fileEvaluations.push(...checked.evaluations);
  });

  // 2. Cross-resource rules, now that the index holds every resource (in scan order).
  const resources = index.all;
  for (const resource of resources)
    evaluateResource(resource, crossResourceRules, index, settings, evaluated);
  const resourceById = new Map(resources.map((r) => [r.id, r]));
  const crashFindings = evaluated.crashes.map((crash) =>
    fileFinding(
      RULE_ERROR,
      RULE_ERROR.severity,
      crash.resource.file,
      { line: crash.resource.line, column: 1 },
      `Rule ${crash.ruleId} failed on ${crash.resource.kind} ${crash.resource.name ?? ''}: ${crash.message}`,
      crash.ruleId,
    ),
  );

  // 3. Suppress (marks findings; never drops them).
  const items: { finding: Finding; resource?: Resource }[] = [
    ...evaluated.findings.map((finding, i) => ({
      finding,
      resource: resourceById.get(evaluated.findingResource[i]!),
    })),
    ...inputFindings.map((finding) => ({ finding })),
    ...crashFindings.map((finding) => ({ finding })),
  ];
  const suppressed = applySuppressions(items, {
    config,
    resources,
    knownRuleIds: new Set(catalog.keys()),
    today: options.today ?? new Date().toISOString().slice(0, 10),
    ...(config.path !== undefined && { configPath: config.path }),
  });
  const findings = sortFindings([...suppressed.findings, ...suppressed.extra]);

  // 4. Score: every unsuppressed finding fails its rule on its subject (a resource id, or the file).
  const rulesForScore = new Map<string, { meta: RuleMeta; severity: Severity }>();
  for (const { rule, severity } of active) rulesForScore.set(rule.meta.id, { meta: rule.meta, severity });
  for (const meta of FILE_RULES) {
    const severity = configuredSeverity(meta, config.rules);
    if (severity) rulesForScore.set(meta.id, { meta, severity });
  }
  const failures = suppressed.findings.flatMap((finding, i) =>
    finding.suppressed || !rulesForScore.has(finding.ruleId)
      ? []
      : [
          {
            subject: items[i]!.resource?.id ?? fileSubject(finding.file),
            ruleId: finding.ruleId,
            severity: finding.severity,
          },
        ],
  );
  const scores = computeScores({
    evaluations: allEvaluations(evaluated.evaluations, fileEvaluations),
    failures,
    rules: rulesForScore,
  });
  const failing = new Map<string, Severity>();
  for (const f of failures) failing.set(f.ruleId, worseSeverity(failing.get(f.ruleId), f.severity));
  const evaluatedRuleIds = new Set(evaluated.evaluations.keys());
  const maturity = maturityLevel({
    evaluated: active.filter(({ rule }) => evaluatedRuleIds.has(rule.meta.id)).map(({ rule }) => rule.meta),
    failing,
  });

  const resourceSummaries: ResourceSummary[] = resources.map((r) => {
    const graded = scores.subjects.get(r.id) ?? { score: 100, grade: 'A+' as const, findings: 0 };
    return {
      ...r.ref,
      file: r.file,
      line: r.line,
      score: graded.score,
      grade: graded.grade,
      findings: graded.findings,
    };
  });

  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  let suppressedCount = 0;
  for (const f of findings) {
    if (f.suppressed) suppressedCount++;
    else counts[f.severity]++;
  }
  const usedRules = new Set(findings.map((f) => f.ruleId));
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
      documents: resources.length,
      resources: resources.length,
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

function* allEvaluations(
  byRule: ReadonlyMap<string, readonly number[]>,
  files: readonly { subject: string; ruleId: string }[],
): Generator<{ subject: string | number; ruleId: string }> {
  for (const [ruleId, ids] of byRule) for (const subject of ids) yield { subject, ruleId };
  yield* files;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareByLocation);
}
