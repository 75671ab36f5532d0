import type { Resource } from './resource.js';

/**
 * All resources of one scan, indexed for cross-resource rules (ServiceAccounts, NetworkPolicies,
 * RBAC bindings, Services, …). Resources without a namespace are in the namespace the manifests
 * would be applied to, which a static scan cannot know: they match each other (key '').
 */
export class ResourceIndex {
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKey = new Map<string, Resource>();
  private readonly byKindNamespace = new Map<string, Resource[]>();
  private readonly byNamespace = new Map<string, Resource[]>();
  private readonly memo = new Map<string, { size: number; value: unknown }>();

  private readonly resources: Resource[] = [];

  constructor(resources: readonly Resource[] = []) {
    for (const resource of resources) this.add(resource);
  }

  add(resource: Resource): void {
    this.resources.push(resource);
    const list = this.byKind.get(resource.kind);
    if (list) list.push(resource);
    else this.byKind.set(resource.kind, [resource]);
    const namespaceList = this.byNamespace.get(resource.namespace ?? '');
    if (namespaceList) namespaceList.push(resource);
    else this.byNamespace.set(resource.namespace ?? '', [resource]);
    const kindNamespace = `${resource.kind}\u0000${resource.namespace ?? ''}`;
    const inNamespace = this.byKindNamespace.get(kindNamespace);
    if (inNamespace) inNamespace.push(resource);
    else this.byKindNamespace.set(kindNamespace, [resource]);
    if (resource.name !== undefined) this.byKey.set(key(resource.kind, resource.namespace, resource.name), resource);
  }

  get all(): readonly Resource[] {
    return this.resources;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Resources of `kind` in `namespace` (undefined namespace = unspecified). */
  inNamespace(kind: string, namespace: string | undefined): readonly Resource[] {
    return this.byKindNamespace.get(`${kind}\u0000${namespace ?? ''}`) ?? [];
  }

  /**
   * Resources that may end up in the same namespace as one in `namespace`: those in it and those that
   * name no namespace (applied wherever the manifests go); every resource when `namespace` is undefined.
   */
  compatibleWith(namespace: string | undefined, kind?: string): readonly Resource[] {
    if (namespace === undefined) return kind === undefined ? this.resources : this.ofKind(kind);
    const own = kind === undefined ? (this.byNamespace.get(namespace) ?? []) : this.inNamespace(kind, namespace);
    const floating = kind === undefined ? (this.byNamespace.get('') ?? []) : this.inNamespace(kind, undefined);
    return floating.length === 0 ? own : [...own, ...floating];
  }

  /**
   * A value derived from the whole index, computed once per `key` and recomputed only when resources were
   * added since: lets cross-resource rules ask "does this namespace have X" in O(1) instead of O(n).
   */
  derived<T>(key: string, compute: () => T): T {
    const cached = this.memo.get(key);
    if (cached && cached.size === this.resources.length) return cached.value as T;
    const value = compute();
    this.memo.set(key, { size: this.resources.length, value });
    return value;
  }

  find(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.byKey.get(key(kind, namespace, name));
  }
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}
