/** Linux capability names as the container runtimes read them. */
import { asArray, asObject } from '../../model/values.js';
import type { ContainerView } from '../../model/workload.js';

/** Upper-case, without a `CAP_` prefix: the name the kernel means, whatever the spelling. */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** The capability names a container adds or drops (as written: entries may be any JSON value). */
export function capabilityList(container: ContainerView, list: 'add' | 'drop'): unknown[] {
  return asArray(asObject(container.securityContext.capabilities)?.[list]);
}

/** Whether an entry, in any spelling, is one of `names` (normalised names, e.g. `SYS_ADMIN`, `ALL`). */
export function isCapability(entry: unknown, ...names: string[]): boolean {
  return typeof entry === 'string' && names.includes(normalizeCapability(entry));
}

/**
 * The entries of a container's `add` or `drop` list that `skip` lets through, with their index; entries with the
 * same `key` are listed once (the first), so a capability written twice is reported once.
 */
export function distinctCapabilities(
  container: ContainerView,
  list: 'add' | 'drop',
  key: (entry: unknown) => string,
  skip: (entry: unknown) => boolean = () => false,
): { entry: unknown; index: number; key: string }[] {
  const seen = new Set<string>();
  const out: { entry: unknown; index: number; key: string }[] = [];
  capabilityList(container, list).forEach((entry, index) => {
    if (skip(entry)) return;
    const k = key(entry);
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ entry, index, key: k });
  });
  return out;
}
