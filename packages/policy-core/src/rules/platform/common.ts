/**
 * Helpers shared by the platform rules (Score workloads, score-k8s output, Kro ResourceGraphDefinitions); no
 * rule logic lives here.
 */
import type { Path, RuleSource } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ContainerView } from '../../model/workload.js';
import { SCORE_KIND } from '../../model/score.js';
import { isTemplatedText, parseImageRef, type ImageRef } from '../../model/image.js';
import { asArray, asObject, asString, getPath, isSet, type JsonObject } from '../../model/values.js';
import type { RuleContext } from '../rule.js';
import { containerLabel } from '../pss/common.js';

// ---------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------

export const SCORE_SPEC_REFERENCE: RuleSource = {
  title: 'Score specification reference',
  url: 'https://docs.score.dev/docs/score-specification/score-spec-reference',
};
export const SCORE_SCHEMA: RuleSource = {
  title: 'Score v1b1 JSON Schema (score-spec/spec)',
  url: 'https://github.com/score-spec/spec/blob/main/score-v1b1.json',
};
export const SCORE_K8S: RuleSource = {
  title: 'score-k8s reference implementation',
  url: 'https://github.com/score-spec/score-k8s',
};
export const SCORE_K8S_PATCH_TEMPLATES: RuleSource = {
  title: 'score-k8s patch templates',
  url: 'https://docs.score.dev/docs/score-implementation/score-k8s/patch-templates',
};
export const KRO_SIMPLE_SCHEMA: RuleSource = {
  title: 'kro: SimpleSchema',
  url: 'https://kro.run/api/specifications/simple-schema',
};
export const KRO_ACCESS_CONTROL: RuleSource = {
  title: 'kro: Access Control (Helm rbac.mode)',
  url: 'https://kro.run/docs/concepts/access-control',
};

/** The rule kinds the Score rules match. */
export const SCORE_MATCH = { kinds: [SCORE_KIND] } as const;

export const SCORE_TAGS = ['score', 'platform'];
export const KRO_TAGS = ['kro', 'platform'];

// ---------------------------------------------------------------------------------------------------
// Score containers
// ---------------------------------------------------------------------------------------------------

/** A container of a Score workload, with a container view so findings name it (and can be suppressed per container). */
export interface ScoreContainer {
  name: string;
  spec: JsonObject;
  /** `['containers', name]` */
  path: Path;
  view: ContainerView;
}

/** The containers of a Score workload (`containers` is a map: name → container). */
export function scoreContainers(resource: Resource): ScoreContainer[] {
  const containers = asObject(resource.object.containers) ?? {};
  return Object.entries(containers).flatMap(([name, raw], index) => {
    const spec = asObject(raw);
    if (!spec) return [];
    const path: Path = ['containers', name];
    const view: ContainerView = {
      type: 'container',
      index,
      name,
      spec,
      path,
      sidecar: false,
      securityContext: {},
      // Score has no security context: every field is the runtime default.
      effective: (field) => ({ value: undefined, source: 'default', path: [...path, field] }),
    };
    return [{ name, spec, path, view }];
  });
}

/** A file or volume of a Score container, in the map form (key = target) or the deprecated list form. */
export interface ScoreMount {
  /** The target path in the container (the map key, or `target` in the list form), when known. */
  target?: string;
  entry: JsonObject;
  path: Path;
}

export function scoreMounts(container: ScoreContainer, field: 'files' | 'volumes'): ScoreMount[] {
  const value = container.spec[field];
  const base: Path = [...container.path, field];
  if (Array.isArray(value)) {
    return asArray(value).flatMap((raw, index) => {
      const entry = asObject(raw);
      if (!entry) return [];
      const target = asString(entry.target);
      return [{ ...(target !== undefined && { target }), entry, path: [...base, index] }];
    });
  }
  return Object.entries(asObject(value) ?? {}).flatMap(([target, raw]) => {
    const entry = asObject(raw);
    return entry ? [{ target, entry, path: [...base, target] }] : [];
  });
}

/** `file "/etc/app/config.yaml"` or `files[2]` when the list form names no target. */
export function mountLabel(mount: ScoreMount, noun: 'file' | 'volume'): string {
  if (mount.target !== undefined) return `${noun} "${mount.target}"`;
  return `${noun}s[${String(mount.path[mount.path.length - 1])}]`;
}

/**
 * The container's image when it can be judged: not `.` (built and supplied at generate time, e.g.
 * `score-k8s generate --image`), not empty, not holding placeholders.
 */
export function scoreImage(container: ScoreContainer): { ref: ImageRef; path: Path } | undefined {
  // An unquoted `image: .` reaches us as NaN (YAML 1.1 float syntax); Go's decoder keeps ".".
  const raw = Number.isNaN(container.spec.image) ? '.' : asString(container.spec.image);
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '' || text === '.' || isTemplatedText(text)) return undefined;
  return { ref: parseImageRef(text), path: [...container.path, 'image'] };
}

/**
 * Reports each Score container without `resources.limits.<name>`, as `reportMissingLimit` does for Kubernetes
 * workloads: `<container> has no <label> limit: <consequence>`.
 */
export function reportMissingScoreLimit(
  { resource, report }: RuleContext,
  name: string,
  label: string,
  consequence: string,
): void {
  for (const container of scoreContainers(resource)) {
    if (isSet(getPath(container.spec, ['resources', 'limits', name]))) continue;
    report({
      message: `${containerLabel(container.view)} has no ${label} limit: ${consequence}`,
      path: [...container.path, 'resources', 'limits', name],
      container: container.view,
    });
  }
}

/** `workload "web"` for messages. */
export function scoreWorkloadLabel(resource: Resource): string {
  return `Score workload "${resource.name ?? '(unnamed)'}"`;
}
