/**
 * Where an entity's manifests are, from its annotations, in order:
 *
 * 1. `shiftdown.dev/manifests`: a path relative to the entity's source location, or an absolute URL
 *    (`https://…`, `url:https://…`, `file:/…`).
 * 2. `backstage.io/source-location` (or, for Kubernetes-annotated entities, the catalog file's location)
 *    plus the configured default path (`deploy/`).
 * 3. `backstage.io/kubernetes-label-selector` / `backstage.io/kubernetes-id`: the whole source location,
 *    keeping only files with an object that carries the labels. Tried when 2 finds nothing.
 *
 * Local `file:` trees are read only for entities that the catalog itself read from a `file:` location
 * (those come from app-config, which only operators control), so a registered entity cannot make the
 * backend read its disk.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ANNOTATION_LOCATION,
  getEntitySourceLocation,
  parseLocationRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  SHIFTDOWN_MANIFESTS_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '@shiftdown/backstage-plugin-shiftdown-common';
import { kubernetesIdFilter, parseLabelSelector, type LabelFilter } from './label-filter.js';

export interface ManifestsCandidate {
  /** An `http(s):` or `file:` URL of a directory or a single manifest file. */
  url: string;
  /** A single file (read with readUrl) rather than a tree. */
  kind: 'tree' | 'file';
  /** Only files with an object matching these labels are scanned. */
  labelFilter?: LabelFilter;
  /** True when the location comes from defaults: finding nothing there is not an error. */
  implicit: boolean;
  /** How the location was found, for messages. */
  origin: string;
}

/** The entity's annotations do not give a usable location. */
export class ManifestsLocationError extends Error {
  override name = 'ManifestsLocationError';
}

const SINGLE_FILE = /\.(ya?ml|json)$/i;

function annotation(entity: Entity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The location the catalog read the entity from is a local file (managed by app-config). */
function isFileManaged(entity: Entity): boolean {
  const location = annotation(entity, ANNOTATION_LOCATION);
  return location !== undefined && location.startsWith('file:');
}

interface Base {
  type: 'url' | 'file';
  /** For `url`: the URL; for `file`: an absolute directory path. */
  target: string;
}

/** The entity's source location as a base to resolve relative paths against. */
function sourceBase(entity: Entity): Base | undefined {
  let location: { type: string; target: string };
  try {
    location = getEntitySourceLocation(entity);
  } catch {
    return undefined;
  }
  if (location.type === 'url') return { type: 'url', target: location.target };
  if (location.type === 'file') {
    const path = location.target.startsWith('file:') ? fileURLToPath(location.target) : location.target;
    if (!isAbsolute(path)) return undefined;
    // A catalog file's location names the file; a source location ending in / names a directory.
    return { type: 'file', target: location.target.endsWith('/') ? path : dirname(path) };
  }
  throw new ManifestsLocationError(
    `${stringifyEntityRef(entity)}: its source location has type "${location.type}"; use a url or file location, or an absolute shiftdown.dev/manifests URL`,
  );
}

function kindOf(path: string): 'tree' | 'file' {
  return SINGLE_FILE.test(path.replace(/[?#].*$/, '')) ? 'file' : 'tree';
}

function resolveAgainst(base: Base, path: string, integrations: ScmIntegrationRegistry): string {
  if (base.type === 'file') return pathToFileURL(resolve(base.target, path)).href;
  return integrations.resolveUrl({ url: path, base: base.target });
}

function explicitUrl(entity: Entity, value: string): string | undefined {
  const ref = stringifyEntityRef(entity);
  if (value.startsWith('url:') || value.startsWith('file:')) {
    let location: { type: string; target: string };
    try {
      location = parseLocationRef(value);
    } catch (error) {
      throw new ManifestsLocationError(
        `${ref}: invalid ${SHIFTDOWN_MANIFESTS_ANNOTATION} "${value}": ${(error as Error).message}`,
      );
    }
    if (location.type === 'url') return location.target;
    // `file:/abs` and `file:///abs` are absolute; `file:./rel` is relative to the catalog file.
    if (location.target.startsWith('//')) return pathToFileURL(fileURLToPath(`file:${location.target}`)).href;
    if (isAbsolute(location.target)) return pathToFileURL(location.target).href;
    return undefined;
  }
  if (/^https?:\/\//i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    throw new ManifestsLocationError(
      `${ref}: ${SHIFTDOWN_MANIFESTS_ANNOTATION} "${value}" is not a path, an http(s) URL, url: or file: location`,
    );
  }
  return undefined;
}

function checkLocal(entity: Entity, candidate: ManifestsCandidate): ManifestsCandidate {
  if (candidate.url.startsWith('file:') && !isFileManaged(entity)) {
    throw new ManifestsLocationError(
      `${stringifyEntityRef(entity)}: local manifests (${candidate.url}) are read only for entities registered from a file: location`,
    );
  }
  return candidate;
}

function labelFilterOf(entity: Entity): LabelFilter | undefined {
  const selector = annotation(entity, KUBERNETES_LABEL_SELECTOR_ANNOTATION);
  if (selector !== undefined) {
    try {
      return parseLabelSelector(selector);
    } catch (error) {
      throw new ManifestsLocationError(
        `${stringifyEntityRef(entity)}: ${KUBERNETES_LABEL_SELECTOR_ANNOTATION}: ${(error as Error).message}`,
      );
    }
  }
  const id = annotation(entity, KUBERNETES_ID_ANNOTATION);
  return id === undefined ? undefined : kubernetesIdFilter(id);
}

/**
 * The places to look for the entity's manifests, first choice first (empty when the entity has none of
 * the annotations). Throws ManifestsLocationError when an annotation is unusable.
 */
export function manifestsCandidates(
  entity: Entity,
  options: { integrations: ScmIntegrationRegistry; defaultManifestsPath: string },
): ManifestsCandidate[] {
  const ref = stringifyEntityRef(entity);
  const explicit = annotation(entity, SHIFTDOWN_MANIFESTS_ANNOTATION);
  if (explicit !== undefined) {
    const absolute = explicitUrl(entity, explicit);
    let url = absolute;
    if (url === undefined) {
      const base = sourceBase(entity);
      if (!base) {
        throw new ManifestsLocationError(
          `${ref}: ${SHIFTDOWN_MANIFESTS_ANNOTATION} "${explicit}" is relative, but the entity has no source location to resolve it against`,
        );
      }
      url = resolveAgainst(base, explicit.replace(/^(file|url):/, ''), options.integrations);
    }
    return [
      checkLocal(entity, { url, kind: kindOf(url), implicit: false, origin: SHIFTDOWN_MANIFESTS_ANNOTATION }),
    ];
  }

  const labelFilter = labelFilterOf(entity);
  const hasSourceLocation = annotation(entity, SOURCE_LOCATION_ANNOTATION) !== undefined;
  if (!hasSourceLocation && !labelFilter) return [];
  const base = sourceBase(entity);
  if (!base) return [];
  const candidates: ManifestsCandidate[] = [
    {
      url: resolveAgainst(base, options.defaultManifestsPath, options.integrations),
      kind: kindOf(options.defaultManifestsPath),
      implicit: true,
      origin: `source location + ${options.defaultManifestsPath}`,
    },
  ];
  if (labelFilter) {
    candidates.push({
      url: base.type === 'file' ? pathToFileURL(base.target).href : base.target,
      kind: 'tree',
      labelFilter,
      implicit: true,
      origin: `source location, objects labelled ${labelFilter.description}`,
    });
  }
  return candidates.map((candidate) => checkLocal(entity, candidate));
}
