import type { Resource } from './resource.js';

/**
 * All resources of one scan, indexed for cross-resource rules (ServiceAccounts, NetworkPolicies,
 * RBAC bindings, Services, …). Resources without a namespace are in the namespace the manifests
 * would be applied to, which a static scan cannot know: they match each other (key '').
 */
export class ResourceIndex {
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKey = new Map<string, Resource>();

  private readonly resources: Resource[] = [];

  constructor(resources: readonly Resource[] = []) {
    for (const resource of resources) this.add(resource);
  }

  add(resource: Resource): void {
    this.resources.push(resource);
    const list = this.byKind.get(resource.kind);
    if (list) list.push(resource);
    else this.byKind.set(resource.kind, [resource]);
    if (resource.name !== undefined) this.byKey.set(key(resource.kind, resource.namespace, resource.name), resource);
  }

  get all(): readonly Resource[] {
    return this.resources;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Resources of `kind` in `namespace` (undefined namespace = unspecified). */
  inNamespace(kind: string, namespace: string | undefined): Resource[] {
    return this.ofKind(kind).filter((r) => (r.namespace ?? '') === (namespace ?? ''));
  }

  find(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.byKey.get(key(kind, namespace, name));
  }
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}
