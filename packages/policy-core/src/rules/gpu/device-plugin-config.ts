/**
 * NVIDIA device plugin configurations held in ConfigMaps (the GPU Operator's `devicePlugin.config.name`, the
 * plugin chart's `config.name`/`config.map`): each data value is the YAML text of one named configuration.
 * The GPU Operator's ClusterPolicy only names that ConfigMap (`spec.devicePlugin.config.{name,default}`); it
 * has no inline configuration, so the ConfigMap is where sharing is decided.
 */
import { parseDocument } from 'yaml';
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { asArray, asObject, asString, type JsonObject } from '../../model/values.js';
import { isTemplated, parseQuantity } from './common.js';

export type SharingKind = 'timeSlicing' | 'mps';

export interface SharingSection {
  kind: SharingKind;
  /** The `sharing.timeSlicing` or `sharing.mps` object. */
  section: JsonObject;
  /** The ConfigMap data key holding the configuration. */
  key: string;
  /** Path of that data key in the ConfigMap. */
  path: Path;
  /** Replicated resource names (`nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`, …). */
  resources: string[];
}

/** Beyond this size a data value is not a device plugin configuration worth parsing. */
const MAX_CONFIG_LENGTH = 256 * 1024;

function parseConfig(text: string): JsonObject | undefined {
  // An unrendered template cannot be judged: `{{ … }}` even parses as a YAML flow mapping.
  if (text.length > MAX_CONFIG_LENGTH || !/sharing\s*:/.test(text) || isTemplated(text)) return undefined;
  try {
    const document = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
    if (document.errors.length > 0) return undefined;
    return asObject(document.toJS({ maxAliasCount: 100 }));
  } catch {
    return undefined;
  }
}

/** True when a replica count shares a device (more than one replica); unknown and templated counts do not. */
function sharesDevice(replicas: unknown): boolean {
  if (isTemplated(replicas)) return false;
  const count = parseQuantity(replicas);
  return count !== undefined && count > 1;
}

/** The sharing sections of the device plugin configurations a ConfigMap holds that replicate devices. */
export function deviceSharingSections(resource: Resource): SharingSection[] {
  if (resource.kind !== 'ConfigMap') return [];
  const sections: SharingSection[] = [];
  for (const [key, value] of Object.entries(asObject(resource.object.data) ?? {})) {
    const text = asString(value);
    if (text === undefined) continue;
    const config = parseConfig(text);
    const sharing = asObject(config?.sharing);
    if (!sharing) continue;
    for (const kind of ['timeSlicing', 'mps'] as const) {
      const section = asObject(sharing[kind]);
      if (!section) continue;
      const replicated = asArray(section.resources)
        .map((raw) => asObject(raw))
        .filter((r) => r !== undefined && sharesDevice(r.replicas))
        .map((r) => asString(r?.name))
        .filter((name): name is string => name !== undefined);
      if (replicated.length === 0) continue;
      sections.push({ kind, section, key, path: ['data', key], resources: replicated });
    }
  }
  return sections;
}

export const SHARING_NAMES: Readonly<Record<SharingKind, string>> = {
  timeSlicing: 'time-slicing',
  mps: 'MPS',
};

/** `ConfigMap gpu-operator/time-slicing-config, data key "any"` */
export function describeConfig(resource: Resource, key: string): string {
  const name = resource.namespace ? `${resource.namespace}/${resource.name ?? '?'}` : (resource.name ?? '?');
  return `The device plugin configuration "${key}" of ConfigMap ${name}`;
}
