import type { FileSummary, Finding, InputFile, RuleMeta, Severity } from '../types.js';
import type { ShiftdownConfig } from '../config/types.js';
import type { ParseLimits } from '../parse/limits.js';
import { openFile } from '../parse/parse-file.js';
import { releaseLineStarts } from '../parse/line-starts.js';
import {
  buildDocumentResources,
  pinResource,
  storeResource,
  type BuildResult,
  type Resource,
} from '../model/resource.js';
import { ObjectStore } from '../model/object-store.js';
import { ResourceIndex } from '../model/resource-index.js';
import type { WorkloadKind } from '../model/workload.js';
import type { EvaluationSettings } from '../rules/rule.js';
import { findMisspeltSuppressions, readSuppressionAnnotations } from '../suppress/index.js';
import { ScoreTally } from '../score/index.js';
import { evaluateResource, type ActiveRule, type EvaluationSink, type RuleCrash } from './evaluate.js';
import { checkFile, type FileEvaluation } from './file-findings.js';
import { FindingStore } from './finding-store.js';
import type { ScanOptions } from './scan.js';

/**
 * Up to this many resources, a scan keeps every decoded object in memory (about 2 KB for a typical
 * Deployment: 20 MB at the limit) and rules that read many objects over and over run at full speed.
 * Larger scans move each object to an `ObjectStore` once the rules that read it as its document is
 * read have run, and decode it again on demand: memory then grows with a few hundred bytes per
 * resource instead.
 */
export const RESIDENT_RESOURCES = 10_000;

/** What the rules found over the whole input, before suppressions. */
export interface RuleRun {
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
export function runRules(
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
  };

  let nextId = 0;
  const index = new ResourceIndex();
  const { objects } = run;
  // Decided up front when the input is that large, so that no object is kept for a while first.
  const resident = options.residentResources ?? RESIDENT_RESOURCES;
  let storing = estimateDocuments(options.files) > resident;
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
        if (!storing && index.all.length > resident) {
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
 * About how many YAML documents the input holds: one per file plus one per `---` line (cheap: no
 * parsing). Surfaces use it too, to prepare for a large scan before it starts.
 */
export function estimateDocuments(files: readonly InputFile[]): number {
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
