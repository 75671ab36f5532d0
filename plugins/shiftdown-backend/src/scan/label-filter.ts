/**
 * The Kubernetes plugin's annotations as a file filter: `backstage.io/kubernetes-label-selector`
 * (a Kubernetes label selector) or `backstage.io/kubernetes-id` (objects labelled
 * `backstage.io/kubernetes-id: <id>` — what the Kubernetes plugin looks for in clusters — or
 * `app.kubernetes.io/name: <id>`). An object matches on its own labels or its pod template's.
 */
import { classifyDocument, parseFile, type InputFile } from '@shiftdown/policy-core';

export type Labels = Readonly<Record<string, string>>;

/** Whether an object's labels are wanted. */
export type LabelMatcher = (labels: Labels) => boolean;

/**
 * A checked label filter, as data: it crosses to a scan worker thread as it is, and the scan makes its
 * matcher (`labelMatcher`) once.
 */
export interface LabelFilter {
  /** For messages and the scan-settings hash, e.g. `backstage.io/kubernetes-id=payments`. */
  description: string;
  spec: LabelFilterSpec;
}

export type LabelFilterSpec = { selector: string } | { kubernetesId: string };

export function labelMatcher(spec: LabelFilterSpec): LabelMatcher {
  if ('selector' in spec) return selectorMatcher(spec.selector);
  const id = spec.kubernetesId;
  return (labels) => labels['backstage.io/kubernetes-id'] === id || labels['app.kubernetes.io/name'] === id;
}

type Requirement = (labels: Labels) => boolean;

/** Thrown for a selector Kubernetes would reject. */
export class LabelSelectorError extends Error {
  override name = 'LabelSelectorError';
}

/** Split on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`]. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);

function parseRequirement(text: string, selector: string): Requirement {
  const set = SET.exec(text);
  if (set) {
    const key = set[1]!;
    const values = set[4]!.split(',').map((value) => value.trim());
    if (values.some((value) => value === ''))
      throw new LabelSelectorError(`invalid label selector "${selector}": empty value in "${text}"`);
    return set[3] === 'in'
      ? (labels) => key in labels && values.includes(labels[key]!)
      : (labels) => !(key in labels) || !values.includes(labels[key]!);
  }
  const equality = EQUALITY.exec(text);
  if (equality) {
    const key = equality[1]!;
    const value = equality[4]!;
    return equality[3] === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const exists = EXISTS.exec(text);
  if (exists) {
    const key = exists[2]!;
    return exists[1] === '!' ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  throw new LabelSelectorError(`invalid label selector "${selector}": cannot read "${text}"`);
}

/** The matcher of a label selector (equality- and set-based requirements, comma = and). */
function selectorMatcher(selector: string): LabelMatcher {
  if (selector.trim() === '') throw new LabelSelectorError('invalid label selector: it is empty');
  const requirements = splitRequirements(selector).map((text) => {
    if (text === '')
      throw new LabelSelectorError(`invalid label selector "${selector}": an empty requirement`);
    return parseRequirement(text, selector);
  });
  return (labels) => requirements.every((requirement) => requirement(labels));
}

/** A Kubernetes label selector, checked: throws LabelSelectorError for one Kubernetes would reject. */
export function parseLabelSelector(selector: string): LabelFilter {
  selectorMatcher(selector);
  return { description: selector.trim(), spec: { selector } };
}

/** Objects that belong to a `backstage.io/kubernetes-id`. */
export function kubernetesIdFilter(id: string): LabelFilter {
  return {
    description: `backstage.io/kubernetes-id=${id} or app.kubernetes.io/name=${id}`,
    spec: { kubernetesId: id },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelsAt(object: unknown, path: readonly string[]): Labels | undefined {
  let current: unknown = object;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  if (!isRecord(current)) return undefined;
  return Object.fromEntries(Object.entries(current).map(([key, value]) => [key, String(value)]));
}

const LABEL_PATHS: readonly (readonly string[])[] = [
  ['metadata', 'labels'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
];

export function objectMatches(object: unknown, matches: LabelMatcher): boolean {
  return LABEL_PATHS.some((path) => {
    const labels = labelsAt(object, path);
    return labels !== undefined && matches(labels);
  });
}

/** True when at least one Kubernetes object of the file (List items included) matches. */
export function fileMatches(file: InputFile, matches: LabelMatcher): boolean {
  const parsed = parseFile(file);
  return parsed.documents.some((document) => {
    const classified = classifyDocument(document.value);
    if (classified.type === 'object') return objectMatches(document.value, matches);
    if (classified.type === 'list') return classified.items.some((item) => objectMatches(item, matches));
    return false;
  });
}
