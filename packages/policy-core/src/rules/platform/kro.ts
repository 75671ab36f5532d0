/**
 * Kro ResourceGraphDefinition helpers for the platform rules: which SimpleSchema fields a template value is
 * wired to, whether those fields are constrained, and which template paths are security-sensitive.
 */
import type { Path } from '../../types.js';
import type { SimpleSchemaField } from '../../model/kro.js';
import { isObject } from '../../model/values.js';

/** Every string leaf of a template, with its path relative to the template. */
export function stringLeaves(value: unknown, path: Path = []): { path: Path; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

const EXPRESSION = /\$\{([^}]*)\}/g;
const SCHEMA_SPEC = /(?<![\w.])schema\.spec\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/g;

/** The `schema.spec.<path>` paths a value reads inside its `${…}` expressions (whole or embedded, in CEL). */
export function schemaSpecReferences(text: string): string[] {
  const out = new Set<string>();
  for (const expression of text.matchAll(EXPRESSION)) {
    for (const reference of (expression[1] ?? '').matchAll(SCHEMA_SPEC)) out.add(reference[1] as string);
  }
  return [...out];
}

/**
 * The schema fields a reference reads: the field itself, the field it is inside (a map, a custom type), or
 * every field under it (a whole structure). Empty when the schema does not declare it.
 */
export function referencedFields(
  reference: string,
  fields: readonly SimpleSchemaField[],
): SimpleSchemaField[] {
  const exact = fields.filter((f) => f.path === reference);
  if (exact.length > 0) return exact;
  const enclosing = fields.filter((f) => reference.startsWith(`${f.path}.`));
  if (enclosing.length > 0) return enclosing;
  return fields.filter((f) => f.path.startsWith(`${reference}.`));
}

/** A field users cannot set freely: its SimpleSchema restricts values with `enum=` or `pattern=`. */
export function isConstrained(field: SimpleSchemaField): boolean {
  return field.markers.enum !== undefined || field.markers.pattern !== undefined;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const RBAC_ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const RBAC_BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

/** Pod-level fields that choose the node namespaces, the identity or the runtime of the pod. */
const POD_FIELDS: Readonly<Record<string, string>> = {
  hostNetwork: 'shares the node network namespace',
  hostPID: 'shares the node process namespace',
  hostIPC: 'shares the node IPC namespace',
  serviceAccountName: 'chooses the ServiceAccount (and so the API permissions) of the pod',
  serviceAccount: 'chooses the ServiceAccount (and so the API permissions) of the pod',
  runtimeClassName: 'chooses the container runtime (and so the sandbox) of the pod',
};

/** Objects or lists that, set whole from user input, hold sensitive fields. */
const SENSITIVE_OBJECTS: Readonly<Record<string, string>> = {
  securityContext: 'sets a whole securityContext (privileged, capabilities, user)',
  capabilities: 'sets the Linux capabilities',
  hostPath: 'chooses a host directory to mount',
  volumes: 'sets the whole volume list (hostPath volumes included)',
  containers: 'sets the whole container list',
  initContainers: 'sets the whole init container list',
  ephemeralContainers: 'sets the whole ephemeral container list',
};

/**
 * Why a template path is security-sensitive (what the user would control), or undefined. `path` is relative
 * to the template; `kind` is the template's kind.
 */
export function sensitiveEffect(kind: string, path: Path): string | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (RBAC_ROLE_KINDS.has(kind) && (path[0] === 'rules' || path[0] === 'aggregationRule')) {
    return `writes the permissions of a ${kind} kro creates`;
  }
  if (RBAC_BINDING_KINDS.has(kind) && (path[0] === 'subjects' || path[0] === 'roleRef')) {
    return path[0] === 'roleRef'
      ? `chooses the role a ${kind} grants`
      : `chooses who a ${kind} grants its role to`;
  }
  if (path.length === 2 && path[0] === 'metadata' && last === 'namespace') {
    return 'chooses the namespace kro creates the object in';
  }
  if (parent === 'securityContext' && last === 'privileged') return 'makes a container privileged';
  if (parent === 'securityContext' && last === 'allowPrivilegeEscalation')
    return 'allows privilege escalation';
  const capabilities = path.indexOf('capabilities');
  if (capabilities >= 0 && path[capabilities + 1] === 'add') return 'adds Linux capabilities';
  if (parent === 'hostPath' && last === 'path') return 'chooses a host directory to mount';
  if (typeof last === 'string' && POD_FIELDS[last] !== undefined && parent !== 'securityContext')
    return POD_FIELDS[last];
  if (last === 'image' && typeof parent === 'number' && CONTAINER_LISTS.has(String(path[path.length - 3]))) {
    return 'chooses the container image (the code that runs)';
  }
  if (typeof last === 'number' && typeof parent === 'string' && CONTAINER_LISTS.has(parent)) {
    return 'sets a whole container';
  }
  if (typeof last === 'string' && SENSITIVE_OBJECTS[last] !== undefined) return SENSITIVE_OBJECTS[last];
  return undefined;
}
