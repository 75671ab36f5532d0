/**
 * Records how a compiled validator reads a value, to find unknown fields without the schema at hand.
 *
 * The Kubernetes OpenAPI has no `additionalProperties: false`, so the compiled validators accept any extra
 * key; kubeconform `-strict` rejects them. The validators do read every property their schema names
 * (`data.image`, `void 0 === data.name`), iterate the keys of maps (`for (const key in data)`), and do not
 * look inside free-form values (RawExtension, preserve-unknown-fields). Wrapping the value in Proxies tells
 * the three apart after one validation run: see `unknownFields`.
 */

export interface AccessRecord {
  /** Property names the validator read (get, has, getOwnPropertyDescriptor). */
  readonly read: Set<string>;
  /** Whether it listed the keys (a map such as labels, or a schema with additionalProperties). */
  enumerated: boolean;
}

export class AccessTracker {
  /** Per original object: what was read. Objects the validator never looked into have no entry. */
  readonly records = new WeakMap<object, AccessRecord>();
  private readonly proxies = new WeakMap<object, object>();

  /** The value to hand to the validator; objects and arrays come back as (cached) recording Proxies. */
  wrap<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value;
    const target = value as object;
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, this.handler(Object.isExtensible(target)));
      this.proxies.set(target, proxy);
    }
    return proxy as T;
  }

  private record(target: object): AccessRecord {
    let record = this.records.get(target);
    if (!record) {
      record = { read: new Set(), enumerated: false };
      this.records.set(target, record);
    }
    return record;
  }

  /** `extensible`: a frozen object must hand out its own values (a Proxy invariant), so it is not looked into. */
  private handler(extensible: boolean): ProxyHandler<object> {
    return {
      get: (target, property) => {
        if (typeof property === 'string' && !Array.isArray(target)) this.record(target).read.add(property);
        // Read the property off the target itself (not through the receiver) and wrap what comes out.
        const value = Reflect.get(target, property) as unknown;
        return extensible ? this.wrap(value) : value;
      },
      has: (target, property) => {
        if (typeof property === 'string' && !Array.isArray(target)) this.record(target).read.add(property);
        return Reflect.has(target, property);
      },
      getOwnPropertyDescriptor: (target, property) => {
        if (typeof property === 'string' && !Array.isArray(target)) this.record(target).read.add(property);
        return Reflect.getOwnPropertyDescriptor(target, property);
      },
      ownKeys: (target) => {
        if (!Array.isArray(target)) this.record(target).enumerated = true;
        return Reflect.ownKeys(target);
      },
      // The validator must never change the manifest.
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    };
  }
}
