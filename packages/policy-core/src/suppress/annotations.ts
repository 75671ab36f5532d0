/**
 * Suppression annotations on a resource:
 *
 *   ignore.shiftdown.dev/<rule-id>: "<reason>"                   every finding of the rule on the resource
 *   ignore.shiftdown.dev/<rule-id>.<container-name>: "<reason>"  only findings about that container
 *
 * Both are read from the object's `metadata.annotations` and from its pod template's
 * `metadata.annotations` (for a Pod these are the same place).
 */
import type { Path } from '../types.js';
import type { Resource } from '../model/resource.js';
import { asObject } from '../model/values.js';

export const SUPPRESSION_PREFIX = 'ignore.shiftdown.dev/';

/** The reason recorded when a suppression annotation's value is empty. */
export const NO_REASON = '(no reason given)';

/** `object`: the resource's own metadata; `template`: its pod template's metadata. */
export type AnnotationPlacement = 'object' | 'template';

export interface SuppressionAnnotation {
  /** The annotation key as written, e.g. `ignore.shiftdown.dev/privileged-container.app`. */
  key: string;
  /** The rule id it names (not checked against the known rules here). */
  ruleId: string;
  /** Set for a container-level annotation (`<rule-id>.<container-name>`). */
  container?: string;
  /** The annotation's value, trimmed; NO_REASON when empty. */
  reason: string;
  /** False when the value was empty (the reason is then NO_REASON). */
  reasonGiven: boolean;
  placement: AnnotationPlacement;
  /** For `Finding.suppressed.source`: `annotation:<key>` on the object, `annotation:<key> (pod template)` on the template. */
  source: string;
  /** Path of the annotation inside the resource, for `resource.locate(path)`. */
  path: Path;
}

/** An annotation that looks like a suppression but does not use the `ignore.shiftdown.dev/` prefix. */
export interface MisspeltSuppression {
  key: string;
  placement: AnnotationPlacement;
  path: Path;
  /** The key it probably meant. */
  suggestion: string;
}

/** `<rule-id>` or `<rule-id>.<container-name>` after the prefix; undefined when the key is not a suppression. */
export function parseSuppressionKey(key: string): { ruleId: string; container?: string } | undefined {
  if (!key.startsWith(SUPPRESSION_PREFIX)) return undefined;
  const name = key.slice(SUPPRESSION_PREFIX.length);
  // Rule ids are kebab-case slugs and container names are DNS labels: neither contains a dot.
  const dot = name.indexOf('.');
  if (dot < 0) return { ruleId: name };
  return { ruleId: name.slice(0, dot), container: name.slice(dot + 1) };
}

interface AnnotationSet {
  placement: AnnotationPlacement;
  /** Path of the `annotations` mapping inside the resource. */
  path: Path;
  annotations: Record<string, unknown>;
}

/** The annotation maps to read: the object's, and the pod template's when it is a different place. */
function annotationSets(resource: Resource): AnnotationSet[] {
  const sets: AnnotationSet[] = [];
  const own = asObject(resource.metadata.annotations);
  if (own) sets.push({ placement: 'object', path: ['metadata', 'annotations'], annotations: own });
  const workload = resource.workload;
  if (workload && !samePath(workload.podMetadataPath, ['metadata'])) {
    const template = asObject(workload.podMetadata.annotations);
    if (template)
      sets.push({
        placement: 'template',
        path: [...workload.podMetadataPath, 'annotations'],
        annotations: template,
      });
  }
  return sets;
}

/** Every `ignore.shiftdown.dev/…` annotation of the resource, object level first. */
export function readSuppressionAnnotations(resource: Resource): SuppressionAnnotation[] {
  const out: SuppressionAnnotation[] = [];
  for (const set of annotationSets(resource)) {
    for (const [key, value] of Object.entries(set.annotations)) {
      const parsed = parseSuppressionKey(key);
      if (!parsed) continue;
      const text = reasonText(value);
      out.push({
        key,
        ruleId: parsed.ruleId,
        ...(parsed.container !== undefined && { container: parsed.container }),
        reason: text || NO_REASON,
        reasonGiven: text !== '',
        placement: set.placement,
        source: set.placement === 'object' ? `annotation:${key}` : `annotation:${key} (pod template)`,
        path: [...set.path, key],
      });
    }
  }
  return out;
}

/**
 * Annotations that were probably meant as suppressions but are not (e.g. `ignore.shiftdown.io/…`,
 * `shiftdown.dev/ignore-…`, `Ignore.Shiftdown.dev/…`): they would otherwise suppress nothing, silently.
 */
export function findMisspeltSuppressions(resource: Resource): MisspeltSuppression[] {
  const out: MisspeltSuppression[] = [];
  for (const set of annotationSets(resource)) {
    for (const key of Object.keys(set.annotations)) {
      if (key.startsWith(SUPPRESSION_PREFIX)) continue;
      const lower = key.toLowerCase();
      if (!lower.includes('shiftdown') || !lower.includes('ignore')) continue;
      const name = key.slice(key.lastIndexOf('/') + 1).replace(/^ignore[-._]?/i, '');
      out.push({
        key,
        placement: set.placement,
        path: [...set.path, key],
        suggestion: `${SUPPRESSION_PREFIX}${name || '<rule-id>'}`,
      });
    }
  }
  return out;
}

function reasonText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
