import type {
  FileSummary,
  Finding,
  Grade,
  ResourceRef,
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
import { releaseLineStarts } from '../parse/line-starts.js';
import { DocumentSource } from '../parse/document-source.js';
import { buildDocumentResources, pinResource, storeResource, type BuildResult, type Resource } from '../model/resource.js';
import { ObjectStore } from '../model/object-store.js';
import { FindingStore } from './finding-store.js';
import { ResourceIndex } from '../model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS, type WorkloadKind } from '../model/workload.js';
import type { EvaluationSettings, Rule } from '../rules/rule.js';
import { buildCustomRules } from '../custom/custom-rules.js';
import { ALL_RULES, configuredSeverity, ruleCatalog, selectRules } from '../rules/registry.js';
import { RULE_ERROR } from '../rules/builtin.js';
import { worseSeverity } from '../severity.js';
import { formatPssVersion, parsePssVersion } from '../pss-version.js';
import {
  applySuppressions,
  findMisspeltSuppressions,
  readSuppressionAnnotations,
  type SuppressionItem,
} from '../suppress/index.js';
import { maturityLevel, ScoreTally, type Subject } from '../score/index.js';
import {
  applicableRules,
  evaluateResource,
  findingStrings,
  type ActiveRule,
  type EvaluationSink,
  type RuleCrash,
} from './evaluate.js';
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

  // Every rule that can fail a subject, with its configured severity (the score's weights).
  const rulesForScore = new Map<string, { meta: RuleMeta; severity: Severity }>();
  for (const { rule, severity } of active) rulesForScore.set(rule.meta.id, { meta: rule.meta, severity });
  for (const meta of FILE_RULES) {
    const severity = configuredSeverity(meta, config.rules);
    if (severity) rulesForScore.set(meta.id, { meta, severity });
  }

  const ruled = runRules(options, limits, workloadKinds, perDocumentRules, crossResourceRules, settings, rulesForScore, config);
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
    resourceSummary(r.ref, r.file, r.line, scoreTally.subject(r.id) ?? { score: 100, grade: 'A+', findings: 0 }),
  );
  // The report keeps none of the model: let it go before the report is assembled.
  ruled.resources = [];
  scoreTally.dispose();
  DocumentSource.forgetRecent();

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

/**
 * Up to this many resources, a scan keeps every decoded object in memory (about 2 KB for a typical
 * Deployment: 20 MB at the limit) and rules that read many objects over and over run at full speed.
 * Larger scans move each object to an `ObjectStore` once the rules that read it as its document is
 * read have run, and decode it again on demand: memory then grows with a few hundred bytes per
 * resource instead.
 */
const RESIDENT_RESOURCES = 10_000;

/** What the rules found over the whole input, before suppressions. */
interface RuleRun {
  files: FileSummary[];
  resources: readonly Resource[];
  /** Findings about resources, in the order the rules reported them. */
  findings: FindingStore;
  /** Where the resources' objects are kept (until the findings are final). */
  objects: ObjectStore;
  /** Findings about files (parse errors, duplicate keys, …). */
  inputFindings: Finding[];
  fileEvaluations: FileEvaluation[];
  crashes: RuleCrash[];
  /** The rules' evaluations, counted as they happen (file-level ones are added by the caller). */
  scoreTally: ScoreTally;
  evaluatedRuleIds: Set<string>;
  /** Whether any resource has a suppression annotation, or one that looks like it means to be. */
  suppressible: boolean;
}

/**
 * Parse, model and run the per-document rules as each document is read, then release its syntax tree
 * (rebuilt on demand to locate later findings) and compact its object; then the cross-resource rules
 * over every resource. What is kept per resource and per finding is what the rest of the scan needs:
 * memory stays proportional to the findings, not to the input's syntax.
 */
function runRules(
  options: ScanOptions,
  limits: ParseLimits,
  workloadKinds: readonly WorkloadKind[],
  perDocumentRules: readonly ActiveRule[],
  crossResourceRules: readonly ActiveRule[],
  settings: EvaluationSettings,
  rulesForScore: ReadonlyMap<string, { meta: RuleMeta; severity: Severity }>,
  config: ShiftdownConfig,
): RuleRun {
  const run: RuleRun = {
    files: [],
    resources: [],
    findings: new FindingStore(),
    objects: new ObjectStore(),
    inputFindings: [],
    fileEvaluations: [],
    crashes: [],
    scoreTally: new ScoreTally(rulesForScore),
    evaluatedRuleIds: new Set(),
    suppressible: false,
  };
  const sink: EvaluationSink = {
    evaluated(ruleId, resource) {
      run.evaluatedRuleIds.add(ruleId);
      run.scoreTally.evaluated(resource.id, ruleId);
    },
    finding(parts, resource) {
      run.findings.add(parts, resource.id);
    },
    crashed(crash) {
      run.crashes.push(crash);
    },
    strings: findingStrings(),
  };

  let nextId = 0;
  const index = new ResourceIndex();
  const { objects } = run;
  // Decided up front when the input is that large, so that no object is kept for a while first.
  let storing = estimateDocuments(options.files) > RESIDENT_RESOURCES;
  options.files.forEach((file, fileIndex) => {
    options.onFile?.(fileIndex, options.files.length, file.path);
    const opened = openFile(file, limits);
    const built: BuildResult = { resources: [], skipped: [], errors: [] };
    for (const doc of opened.documents) {
      const first = built.resources.length;
      buildDocumentResources(opened.file, doc, workloadKinds, () => nextId++, built);
      for (let i = first; i < built.resources.length; i++) {
        const resource = built.resources[i]!;
        index.add(resource);
        evaluateResource(resource, perDocumentRules, index, settings, sink);
        if (!run.suppressible) run.suppressible = hasSuppressionAnnotations(resource);
        if (!storing && index.all.length > RESIDENT_RESOURCES) {
          // Larger than estimated (Lists): store the objects read so far too, and every one from here.
          for (const earlier of index.all) storeResource(earlier, objects);
          storing = true;
        }
        if (storing) storeResource(resource, objects);
      }
      doc.source.release();
    }
    const parsed = opened.file;
    // Every document has released its tree: positions now come from the documents' own lines.
    releaseLineStarts(parsed.lineCounter);
    const errors = [...parsed.errors, ...built.errors].sort((a, b) => a.line - b.line || a.column - b.column);
    run.files.push({
      path: file.path,
      documents: built.resources.length,
      errors,
      skipped: [...parsed.skipped, ...built.skipped],
    });
    const checked = checkFile(file.path, errors, parsed.duplicateKeys, config.rules);
    for (const finding of checked.findings) run.inputFindings.push(finding);
    for (const evaluation of checked.evaluations) run.fileEvaluations.push(evaluation);
  });

  // Cross-resource rules, now that the index holds every resource (in scan order).
  run.resources = index.all;
  for (const resource of run.resources) {
    pinResource(objects, resource);
    evaluateResource(resource, crossResourceRules, index, settings, sink);
  }
  pinResource(objects, undefined);
  return run;
}

/**
 * The final findings: suppressions mark them (never drop them), then they are sorted by location.
 * `onUnsuppressed` sees the rule, severity and subject (a resource id, or the file) of each
 * unsuppressed finding of the rules, in the order they were reported. The resources' objects are
 * released as soon as nothing reads them any more, before the findings become objects.
 */
function finalFindings(
  run: RuleRun,
  config: ShiftdownConfig,
  catalog: ReadonlyMap<string, RuleMeta>,
  today: string | undefined,
  onUnsuppressed: (subject: Subject, ruleId: string, severity: Severity) => void,
): Finding[] {
  const { resources, findings: store } = run;
  const byId: Resource[] = [];
  for (const resource of resources) byId[resource.id] = resource;
  const crashFindings = run.crashes.map((crash) =>
    fileFinding(
      RULE_ERROR,
      RULE_ERROR.severity,
      crash.resource.file,
      { line: crash.resource.line, column: 1 },
      `Rule ${crash.ruleId} failed on ${crash.resource.kind} ${crash.resource.name ?? ''}: ${crash.message}`,
      crash.ruleId,
    ),
  );
  const fileFindings = [...run.inputFindings, ...crashFindings];
  const materialize = (): Finding[] => {
    const out: Finding[] = new Array<Finding>(store.length);
    for (let i = 0; i < store.length; i++) out[i] = store.finding(i, (id) => byId[id]!);
    return out;
  };

  if (!run.suppressible && !config.exemptions?.length) {
    // Nothing can suppress anything: no annotation names a rule (or looks like it means to) and the
    // config has no exemptions, so the suppression pass would return the findings as they are.
    for (let i = 0; i < store.length; i++) onUnsuppressed(store.resourceId(i), store.ruleId(i), store.severity(i));
    for (const finding of fileFindings) onUnsuppressed(fileSubject(finding.file), finding.ruleId, finding.severity);
    run.objects.dispose();
    const findings = materialize();
    store.dispose();
    for (const finding of fileFindings) findings.push(finding);
    return sortFindings(findings);
  }

  const items: SuppressionItem[] = materialize().map((finding, i) => ({ finding, resource: byId[store.resourceId(i)] }));
  store.dispose();
  for (const finding of fileFindings) items.push({ finding });
  const suppressed = applySuppressions(items, {
    config,
    resources,
    knownRuleIds: new Set(catalog.keys()),
    today: today ?? new Date().toISOString().slice(0, 10),
    ...(config.path !== undefined && { configPath: config.path }),
  });
  run.objects.dispose();
  suppressed.findings.forEach((finding, i) => {
    if (!finding.suppressed) {
      onUnsuppressed(items[i]!.resource?.id ?? fileSubject(finding.file), finding.ruleId, finding.severity);
    }
  });
  const findings = suppressed.findings;
  for (const finding of suppressed.extra) findings.push(finding);
  return sortFindings(findings);
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
 * 100,000s of resources (see `withOptionalFields`).
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

/** About how many YAML documents the input holds: one per file plus one per `---` line. */
function estimateDocuments(files: readonly InputFile[]): number {
  let documents = 0;
  for (const { text } of files) {
    documents++;
    for (let at = text.indexOf('\n---'); at >= 0; at = text.indexOf('\n---', at + 4)) documents++;
  }
  return documents;
}

function hasSuppressionAnnotations(resource: Resource): boolean {
  return readSuppressionAnnotations(resource).length > 0 || findMisspeltSuppressions(resource).length > 0;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareByLocation);
}
