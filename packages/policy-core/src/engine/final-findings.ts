import type { Finding, RuleMeta, Severity } from '../types.js';
import type { ShiftdownConfig } from '../config/types.js';
import type { Resource } from '../model/resource.js';
import { RULE_ERROR } from '../rules/builtin.js';
import { applySuppressions, type SuppressionItem } from '../suppress/index.js';
import type { Subject } from '../score/index.js';
import { compareByLocation } from '../report/common.js';
import { fileFinding, fileSubject } from './file-findings.js';
import type { RuleRun } from './run-rules.js';

/**
 * The final findings: suppressions mark them (never drop them), then they are sorted by location.
 * `onUnsuppressed` sees the rule, severity and subject (a resource id, or the file) of each
 * unsuppressed finding of the rules, in the order they were reported. The resources' objects are
 * released as soon as nothing reads them any more: before the findings become objects when nothing can
 * be suppressed, after the suppression pass otherwise.
 */
export function finalFindings(
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
  const resourceOf = (id: number): Resource => byId[id]!;
  // The score's view of a finding: about a resource (by id), or about its file.
  const score = (finding: Finding, resourceId: number | undefined): void => {
    if (!finding.suppressed) {
      onUnsuppressed(resourceId ?? fileSubject(finding.file), finding.ruleId, finding.severity);
    }
  };

  if (!run.suppressible && !config.exemptions?.length) {
    // Nothing can suppress anything: no annotation names a rule (or looks like it means to) and the
    // config has no exemptions, so the suppression pass would return the findings as they are. Nothing
    // reads the resources' objects any more either.
    run.objects.dispose();
    const findings = new Array<Finding>(store.length);
    store.forEach(resourceOf, (finding, resourceId, index) => {
      findings[index] = finding;
      score(finding, resourceId);
    });
    store.dispose();
    for (const finding of fileFindings) {
      score(finding, undefined);
      findings.push(finding);
    }
    return sortFindings(findings);
  }

  const items = new Array<SuppressionItem>(store.length);
  store.forEach(resourceOf, (finding, resourceId, index) => {
    items[index] = { finding, resource: byId[resourceId] };
  });
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
  suppressed.findings.forEach((finding, i) => score(finding, items[i]!.resource?.id));
  const findings = suppressed.findings;
  for (const finding of suppressed.extra) findings.push(finding);
  return sortFindings(findings);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareByLocation);
}
