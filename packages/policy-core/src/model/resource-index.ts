import type { Resource } from './resource.js';

/**
 * All resources of one scan, indexed for cross-resource rules (ServiceAccounts, NetworkPolicies,
 * RBAC bindings, Services, …). Resources without a namespace are in the namespace the manifests
 * would be applied to, which a static scan cannot know: they match each other (key '').
 */
export class ResourceIndex {
  private readonly byKind = new Map<string, Resource[]>();
  /**
   * kind → namespace ('' for none) → the resources of that kind there, and by name once `find` asks
   * for that kind and namespace (most kinds are never looked up by name: no map for them).
   */
  private readonly byKindNamespace = new Map<string, Map<string, { all: Resource[]; named?: Map<string, Resource> }>>();
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
    // Nested maps rather than one map keyed by "kind/namespace/name" strings: no key string per resource.
    let namespaces = this.byKindNamespace.get(resource.kind);
    if (!namespaces) {
      namespaces = new Map();
      this.byKindNamespace.set(resource.kind, namespaces);
    }
    let group = namespaces.get(resource.namespace ?? '');
    if (!group) {
      group = { all: [] };
      namespaces.set(resource.namespace ?? '', group);
    }
    group.all.push(resource);
    if (group.named && resource.name !== undefined) group.named.set(resource.name, resource);
  }

  get all(): readonly Resource[] {
    return this.resources;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Resources of `kind` in `namespace` (undefined namespace = unspecified). */
  inNamespace(kind: string, namespace: string | undefined): readonly Resource[] {
    return this.byKindNamespace.get(kind)?.get(namespace ?? '')?.all ?? [];
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

  /** The resource of `kind` named `name` in `namespace` (the last one added, when several are). */
  find(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    const group = this.byKindNamespace.get(kind)?.get(namespace ?? '');
    if (!group) return undefined;
    if (!group.named) {
      group.named = new Map();
      for (const resource of group.all) if (resource.name !== undefined) group.named.set(resource.name, resource);
    }
    return group.named.get(name);
  }
}
