/** ToolHive (toolhive.stacklok.dev) custom resource fields the `ai` rules read. */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { isTemplatedText } from '../../model/image.js';
import { asObject, asString, isSet } from '../../model/values.js';

export type ProfileKind = 'absent' | 'network' | 'none' | 'configmap' | 'unknown';

export interface ToolhiveProfile {
  kind: ProfileKind;
  /** Path of `spec.permissionProfile` (or of `spec` when it is absent). */
  path: Path;
  name?: string;
  key?: string;
}

/**
 * `spec.permissionProfile` of a ToolHive MCPServer: `{type: builtin, name: none|network}` or
 * `{type: configmap, name, key}` (`type` defaults to `builtin`). Templated or unexpected values are `unknown`.
 */
export function toolhiveProfile(resource: Resource): ToolhiveProfile {
  const spec = asObject(resource.object.spec) ?? {};
  if (!isSet(spec.permissionProfile)) return { kind: 'absent', path: ['spec'] };
  const path: Path = ['spec', 'permissionProfile'];
  const profile = asObject(spec.permissionProfile);
  const type = profile?.type ?? 'builtin';
  const name = asString(profile?.name);
  if (typeof type !== 'string' || name === undefined || isTemplatedText(type) || isTemplatedText(name)) {
    return { kind: 'unknown', path };
  }
  const key = asString(profile?.key);
  if (type.toLowerCase() === 'configmap')
    return { kind: 'configmap', path, name, ...(key !== undefined && { key }) };
  if (type !== 'builtin') return { kind: 'unknown', path };
  if (name === 'network' || name === 'none') return { kind: name, path: [...path, 'name'], name };
  return { kind: 'unknown', path };
}

/**
 * Whether the ConfigMap a `configmap` profile names (in the scan, same namespace) allows all outbound traffic
 * (`network.outbound.insecure_allow_all: true` in the profile JSON). Undefined when the ConfigMap or key is not in
 * the scan or does not parse.
 */
export function configMapProfileAllowsAll(
  index: ResourceIndex,
  resource: Resource,
  profile: ToolhiveProfile,
): boolean | undefined {
  if (profile.kind !== 'configmap' || profile.name === undefined) return undefined;
  const configMap = index.find('ConfigMap', resource.namespace, profile.name);
  const data = asObject(configMap?.object.data);
  if (!data) return undefined;
  const texts = profile.key !== undefined ? [data[profile.key]] : Object.values(data);
  let answer: boolean | undefined;
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const outbound = asObject(asObject(asObject(parsed)?.network)?.outbound);
    if (outbound?.insecure_allow_all === true) return true;
    answer = false;
  }
  return answer;
}

/** Fields of a ToolHive MCPServer that authenticate its clients (older `oidcConfig`, newer `oidcConfigRef`, …). */
export const MCPSERVER_AUTH_FIELDS: readonly string[] = [
  'oidcConfig',
  'oidcConfigRef',
  'externalAuthConfigRef',
  'authServerRef',
];
