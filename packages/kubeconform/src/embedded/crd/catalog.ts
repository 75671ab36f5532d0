import type { ResourceIndex } from '@shiftdown/policy-core';
import { CRD_KIND, crdVersions, isCrdObject, type CrdVersion, type JsonObject } from './definitions.js';

export type CrdLookup =
  | { type: 'found'; entry: CrdVersion }
  /** A CustomResourceDefinition has the group and kind, but does not serve this version. */
  | { type: 'version-not-served'; crdName: string; served: string[] }
  | { type: 'none' };

type ByGroupKind = Map<string, CrdVersion[]>;

let catalogs = 0;

/**
 * The CustomResourceDefinitions a custom resource can be validated against: those passed in the options
 * and those of the scan (any file, any order, so a custom resource may come before its CRD). When several
 * define the same group, kind and version, the last one wins, as if they were applied in order: the
 * configured ones first, then the scan's in file and document order.
 */
export class CrdCatalog {
  private readonly configured: ByGroupKind;
  private readonly key = `@shiftdown/kubeconform:crds:${++catalogs}`;

  constructor(crds: readonly unknown[]) {
    this.configured = collect(crds);
  }

  lookup(group: string, version: string, kind: string, index: ResourceIndex): CrdLookup {
    const fromScan = index.derived(this.key, () =>
      collect(index.ofKind(CRD_KIND).map((resource) => resource.object)),
    );
    const candidates = [
      ...(this.configured.get(groupKind(group, kind)) ?? []),
      ...(fromScan.get(groupKind(group, kind)) ?? []),
    ];
    if (candidates.length === 0) return { type: 'none' };
    // The last CRD of that name decides which versions exist.
    const last = candidates[candidates.length - 1]!.crd;
    const current = candidates.filter((candidate) => candidate.crd === last);
    const entry = current.find((candidate) => candidate.version === version && candidate.served);
    if (entry) return { type: 'found', entry };
    const served = current.filter((candidate) => candidate.served).map((candidate) => candidate.version);
    return { type: 'version-not-served', crdName: current[0]!.crdName, served };
  }
}

function collect(crds: readonly unknown[]): ByGroupKind {
  const out: ByGroupKind = new Map();
  for (const crd of crds) {
    if (!isCrdObject(crd)) continue;
    for (const entry of crdVersions(crd as JsonObject)) {
      const key = groupKind(entry.group, entry.kind);
      const list = out.get(key);
      if (list) list.push(entry);
      else out.set(key, [entry]);
    }
  }
  return out;
}

function groupKind(group: string, kind: string): string {
  return `${group}\u0000${kind}`;
}
