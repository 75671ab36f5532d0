export type JsonObject = Record<string, unknown>;

export const CRD_KIND = 'CustomResourceDefinition';
export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';

/** One version of one CustomResourceDefinition. */
export interface CrdVersion {
  /** The CustomResourceDefinition object (its identity keys the compiled-schema cache). */
  crd: JsonObject;
  /** `foos.example.com` */
  crdName: string;
  group: string;
  kind: string;
  version: string;
  /** Index in `spec.versions`. */
  versionIndex: number;
  served: boolean;
  /** `spec.versions[i].schema.openAPIV3Schema`, when it is an object. */
  schema: JsonObject | undefined;
}

/** The value as a JSON object, or undefined for arrays, null and scalars. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether an object is an `apiextensions.k8s.io/v1` CustomResourceDefinition. */
export function isCrdObject(object: unknown): object is JsonObject {
  const crd = asObject(object);
  return crd?.kind === CRD_KIND && crd.apiVersion === CRD_API_VERSION;
}

/** The versions a CustomResourceDefinition defines (none when group, kind or versions are missing). */
export function crdVersions(crd: JsonObject): CrdVersion[] {
  const spec = asObject(crd.spec);
  const group = asString(spec?.group);
  const names = asObject(spec?.names);
  const kind = asString(names?.kind);
  if (!spec || !group || !kind || !Array.isArray(spec.versions)) return [];
  const crdName =
    asString(asObject(crd.metadata)?.name) ?? `${asString(names?.plural) ?? kind.toLowerCase()}.${group}`;
  const out: CrdVersion[] = [];
  spec.versions.forEach((entry, versionIndex) => {
    const item = asObject(entry);
    const version = asString(item?.name);
    if (!item || !version) return;
    out.push({
      crd,
      crdName,
      group,
      kind,
      version,
      versionIndex,
      served: item.served !== false,
      schema: asObject(asObject(item.schema)?.openAPIV3Schema),
    });
  });
  return out;
}
