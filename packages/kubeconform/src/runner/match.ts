import { isSchemaSubject, type Resource } from '@shiftdown/policy-core';
import type { KubeconformResource, KubeconformValidationError } from './output.js';

export interface Matching {
  /** The result that speaks for each resource (for an item of a `…List`, the part about that item). */
  byResource: Map<Resource, KubeconformResource>;
  /** Results paired with some resource. */
  used: Set<KubeconformResource>;
  /** Parts of paired results that concern no resource (errors on a `…List` envelope). */
  leftovers: KubeconformResource[];
}

type Key = (resource: KubeconformResource) => string;
const KEYS: readonly Key[] = [
  (r) => `${r.kind}\u0000${r.version}\u0000${r.name}`,
  (r) => `${r.kind}\u0000${r.version}`,
  (r) => r.kind,
];

/**
 * Pairs kubeconform's results with the scan's resources. kubeconform names a result only by filename,
 * kind, apiVersion and name, in document order with `kind: List` items unwrapped, so each file's results
 * and resources are paired in order: first on kind, apiVersion and name, then on kind and apiVersion, then
 * on kind alone (a name kubeconform reads differently, e.g. a number). kubeconform validates other lists
 * (`ConfigMapList`, …) whole while the core unwraps them: such a result is split between the list's items
 * by its `/items/N` pointers.
 */
export function matchResults(
  results: readonly KubeconformResource[],
  resources: readonly Resource[],
): Matching {
  const resultsByFile = groupBy(
    results.filter((result) => result.status !== ''),
    (result) => result.filename,
  );
  // kubeconform reads each document once: objects embedded in others (Kro templates) are not its own.
  const resourcesByFile = groupBy(
    resources.filter((resource) => resource.embeddedIn === undefined),
    (resource) => resource.file,
  );
  const matching: Matching = { byResource: new Map(), used: new Set(), leftovers: [] };
  for (const [file, fileResources] of resourcesByFile) {
    const candidates = resultsByFile.get(file);
    if (candidates) matchFile(candidates, fileResources, matching);
  }
  // Only the pairings the schema rules ask about are kept; a Score file's result is simply accounted for.
  for (const resource of [...matching.byResource.keys()]) {
    if (!isSchemaSubject(resource)) matching.byResource.delete(resource);
  }
  return matching;
}

function matchFile(
  candidates: readonly KubeconformResource[],
  fileResources: readonly Resource[],
  matching: Matching,
): void {
  const ordered = [...fileResources].sort(
    (a, b) => a.documentIndex - b.documentIndex || (a.itemIndex ?? -1) - (b.itemIndex ?? -1),
  );
  const views = new Map(ordered.map((resource) => [resource, asKubeconformSees(resource)]));
  for (const key of KEYS) {
    const queues = groupBy(
      candidates.filter((result) => !matching.used.has(result)),
      key,
    );
    for (const resource of ordered) {
      if (matching.byResource.has(resource)) continue;
      const result = queues.get(key(views.get(resource)!))?.shift();
      if (!result) continue;
      matching.byResource.set(resource, result);
      matching.used.add(result);
    }
  }
  matchListEnvelopes(candidates, ordered, matching);
}

/** Pairs leftover `…List` results, in order, with documents whose items are all still unpaired. */
function matchListEnvelopes(
  candidates: readonly KubeconformResource[],
  ordered: readonly Resource[],
  matching: Matching,
): void {
  const lists = candidates.filter(
    (result) => !matching.used.has(result) && result.kind !== 'List' && result.kind.endsWith('List'),
  );
  if (lists.length === 0) return;
  const documents = groupBy(
    ordered.filter((resource) => resource.itemIndex !== undefined),
    (resource) => String(resource.documentIndex),
  );
  const free = [...documents.values()].filter((items) =>
    items.every((item) => !matching.byResource.has(item)),
  );
  for (const [position, result] of lists.entries()) {
    const items = free[position];
    if (!items) return;
    matching.used.add(result);
    splitListResult(result, items, matching);
  }
}

function splitListResult(result: KubeconformResource, items: readonly Resource[], matching: Matching): void {
  const errors = result.validationErrors ?? [];
  if (result.status !== 'statusInvalid') {
    for (const item of items) matching.byResource.set(item, result);
    return;
  }
  const claimed = new Set<KubeconformValidationError>();
  for (const item of items) {
    const prefix = `/items/${item.itemIndex}`;
    const own = errors
      .filter((error) => error.path === prefix || error.path.startsWith(`${prefix}/`))
      .map((error) => {
        claimed.add(error);
        return { path: error.path.slice(prefix.length), msg: error.msg };
      });
    matching.byResource.set(
      item,
      own.length > 0
        ? { ...result, validationErrors: own }
        : { ...result, status: 'statusValid', msg: '', validationErrors: [] },
    );
  }
  const envelope = errors.filter((error) => !claimed.has(error));
  if (envelope.length > 0 || errors.length === 0)
    matching.leftovers.push({ ...result, validationErrors: envelope });
}

/** The signature kubeconform computes: string kind and apiVersion; `generateName` plus a marker wins over the name. */
function asKubeconformSees(resource: Resource): KubeconformResource {
  const { object } = resource;
  const metadata =
    typeof object.metadata === 'object' && object.metadata !== null
      ? (object.metadata as Record<string, unknown>)
      : {};
  const generateName = typeof metadata.generateName === 'string' ? metadata.generateName : '';
  const name =
    generateName !== ''
      ? `${generateName}{{ generateName }}`
      : typeof metadata.name === 'string'
        ? metadata.name
        : '';
  return {
    filename: resource.file,
    kind: typeof object.kind === 'string' ? object.kind : '',
    version: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    name,
    status: '',
    msg: '',
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
