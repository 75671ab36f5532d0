/**
 * A small, generic harness for rule tests: YAML text in, findings out, through the real pipeline
 * (parseFile → buildResources → ResourceIndex → evaluate) with exact source positions.
 */
import type { Finding, Severity } from '../../src/types.js';
import type { EvaluationSettings, Rule } from '../../src/rules/rule.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources, type Resource } from '../../src/model/resource.js';
import { ResourceIndex } from '../../src/model/resource-index.js';
import { BUILTIN_WORKLOAD_KINDS, type WorkloadKind } from '../../src/model/workload.js';
import { evaluate, type EvaluationResult } from '../../src/engine/evaluate.js';
import { LATEST_PSS_MINOR } from '../../src/pss-version.js';
import { templateReason } from '../../src/parse/classify.js';

export interface RunOptions {
  /** Pod Security Standards policy minor version (default: the latest). */
  pssMinor?: number;
  /** Other evaluation settings (kubernetesVersion, cloud, …). */
  settings?: Partial<Omit<EvaluationSettings, 'pssVersion'>>;
  /** File name the findings carry (default `test.yaml`). */
  file?: string;
  /** Workload kinds (default: the built-in ones). */
  workloadKinds?: readonly WorkloadKind[];
  /** Severity per rule id (default: each rule's own severity). */
  severities?: Readonly<Record<string, Severity>>;
}

export interface RunResult extends EvaluationResult {
  resources: Resource[];
  /** Parse and model errors of the input (a test input should have none). */
  inputErrors: { message: string; line: number; column: number }[];
  /** Documents skipped as not Kubernetes objects or as unrendered templates (rules never saw them). */
  skipped: { line: number; reason: string }[];
}

/** The resources of a YAML text, indexed (for tests of cross-resource helpers); fails the test when the text does not parse. */
export function indexOf(text: string, file = 'test.yaml'): ResourceIndex {
  const parsed = parseFile({ path: file, text });
  let next = 0;
  const built = buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => next++);
  expect([...parsed.errors, ...built.errors]).toEqual([]);
  return new ResourceIndex(built.resources);
}

/** Evaluate several rules over one YAML text; returns everything the engine produced. */
export function runRules(rules: readonly Rule[], yaml: string, options: RunOptions = {}): RunResult {
  const parsed = parseFile({ path: options.file ?? 'test.yaml', text: yaml });
  let next = 0;
  const built = buildResources(parsed, options.workloadKinds ?? BUILTIN_WORKLOAD_KINDS, () => next++);
  const index = new ResourceIndex(built.resources);
  const settings: EvaluationSettings = {
    ...options.settings,
    pssVersion: { major: 1, minor: options.pssMinor ?? LATEST_PSS_MINOR },
  };
  const active = rules.map((rule) => ({
    rule,
    severity: options.severities?.[rule.meta.id] ?? rule.meta.severity,
  }));
  const result = evaluate(built.resources, active, index, settings);
  const skipped = [...parsed.skipped, ...built.skipped];
  return { ...result, resources: built.resources, inputErrors: [...parsed.errors, ...built.errors], skipped };
}

/**
 * Findings of one rule over one YAML text. Throws when the input does not parse or the rule crashes,
 * so a broken test input can never pass as "no findings".
 */
export function runRule(rule: Rule, yaml: string, options: RunOptions = {}): Finding[] {
  const result = runRules([rule], yaml, options);
  if (result.inputErrors.length > 0) {
    throw new Error(
      `test input has errors: ${result.inputErrors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`,
    );
  }
  // A skipped document never reaches the rule: a "passes" case on it could not fail.
  if (result.skipped.length > 0) {
    throw new Error(
      `test input was skipped: ${result.skipped.map((s) => `${s.line}: ${s.reason}`).join('; ')}`,
    );
  }
  if (result.crashes.length > 0) {
    throw new Error(`rule crashed: ${result.crashes.map((c) => `${c.ruleId}: ${c.message}`).join('; ')}`);
  }
  return result.findings;
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  /** A substring of the message. */
  message?: string;
  container?: string;
  severity?: Severity;
}

export interface RuleCase {
  name: string;
  yaml: string;
  /** PSS policy minor version (default: the latest). */
  version?: number;
  /** Evaluation settings (cloud, kubernetesVersion, namespaceTenancy, …). */
  settings?: RunOptions['settings'];
  expected: ExpectedFinding[];
}

/** Findings sorted by position, reduced to what a case compares (only the keys each expectation names). */
export function matchFindings(findings: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  const sorted = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  const want = [...expected].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const actual = sorted.map((f, i) => {
    const e = want[i];
    const view: Record<string, unknown> = { line: f.line };
    if (e?.column !== undefined) view.column = f.column;
    if (e?.container !== undefined) view.container = f.container;
    if (e?.severity !== undefined) view.severity = f.severity;
    if (e?.message !== undefined) view.message = f.message.includes(e.message) ? e.message : f.message;
    return view;
  });
  expect(actual).toEqual(want.map((e) => ({ ...e })));
}

/** Strip the common indentation of a template literal, so cases can be indented with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** One Jest test per case: the rule's findings on the case's YAML must be exactly the expected ones. */
export function testRuleCases(rule: Rule, cases: readonly RuleCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const findings = runRule(rule, c.yaml, {
      ...(c.version !== undefined && { pssMinor: c.version }),
      ...(c.settings && { settings: c.settings }),
    });
    for (const finding of findings) expect(finding.ruleId).toBe(rule.meta.id);
    matchFindings(findings, c.expected);
  });
}

// ---------------------------------------------------------------------------------------------------
// Property tests: arbitrary values in the fields of a generated pod
// ---------------------------------------------------------------------------------------------------

export type Segment = string | number;

/** Set `value` at `path`, replacing whatever is in the way with an object or array of the right shape. */
export function setIn(root: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let current: Record<string | number, unknown> | unknown[] = root;
  path.forEach((segment, i) => {
    const container = current as Record<string | number, unknown>;
    if (i === path.length - 1) {
      container[segment] = value;
      return;
    }
    const nextIsIndex = typeof path[i + 1] === 'number';
    let next = container[segment];
    if (
      nextIsIndex ? !Array.isArray(next) : typeof next !== 'object' || next === null || Array.isArray(next)
    ) {
      next = nextIsIndex ? [] : {};
      container[segment] = next;
    }
    current = next as Record<string | number, unknown>;
  });
}

export type PodKind = 'Pod' | 'Deployment' | 'CronJob';

/**
 * A generated pod (`metadata` and `spec`) as a Pod, or its spec as the pod template of a Deployment or
 * CronJob, with `metadata.owner` on the owner object and `metadata.template` on the template.
 */
export function podDocument(
  kind: PodKind,
  pod: Record<string, unknown>,
  metadata: { owner: unknown; template: unknown },
): Record<string, unknown> {
  const template = { metadata: metadata.template, spec: pod.spec };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind: 'Pod', ...pod };
    case 'Deployment':
      return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata.owner, spec: { template } };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: metadata.owner,
        spec: { schedule: '@daily', jobTemplate: { spec: { template } } },
      };
  }
}

/**
 * Whether a generated YAML text is a manifest to check. Manifests are read as YAML 1.1, where a generated
 * `<<` key is a merge key (an error when its value is not a map), and a value that spells a template
 * placeholder (`${{ … }}`) marks a template file, which is skipped by design.
 */
export function isCheckableText(text: string): boolean {
  return !/^\s*(-\s+)?"?<<"?:/m.test(text) && templateReason(text) === undefined;
}

/** Every finding has a message and a valid source position within the `lines` of the text. */
export function expectValidPositions(findings: readonly Finding[], lines: number): void {
  for (const finding of findings) {
    expect(Number.isInteger(finding.line)).toBe(true);
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(typeof finding.message).toBe('string');
    expect(finding.message.length).toBeGreaterThan(0);
  }
}
