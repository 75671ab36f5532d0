/**
 * API fields the compiled validators of kubernetes-models 5.1.0 never read. Its generator strips schema keys
 * named `description` and `x-kubernetes-*` everywhere, which also removes the real fields with those names
 * (PriorityClass.description; a CRD schema's `description` and `x-kubernetes-preserve-unknown-fields`, …).
 * The fields are still declared in the package's type definitions; the test
 * `test/embedded/invisible-properties.test.ts` re-derives this table from the installed package (declared
 * properties minus the properties each validator reads) and fails when an upgrade changes it.
 *
 * Without this table the unknown-field check would flag them, since it relies on what the validator reads.
 * Only the definitions of served (GA) API versions are listed; removed versions are never validated.
 */
export const INVISIBLE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  IoK8sApiSchedulingV1PriorityClass: ['description'],
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1CustomResourceColumnDefinition: ['description'],
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1ExternalDocumentation: ['description'],
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaProps: [
    'description',
    'x-kubernetes-embedded-resource',
    'x-kubernetes-int-or-string',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-list-type',
    'x-kubernetes-map-type',
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-validations',
  ],
};

/** The property names a compiled validator module reads (`data.name`, `data["x-y"]`), from its source. */
export function propertiesRead(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/\bdata\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]!);
  for (const match of source.matchAll(/\bdata\["((?:[^"\\]|\\.)*)"\]/g))
    names.add(JSON.parse(`"${match[1]!}"`) as string);
  // `length` is read from arrays, never a field of a struct.
  names.delete('length');
  return names;
}

/**
 * Recognises the objects of the definitions above by what their validator read (exactly the properties
 * its module reads: each property check reads its property) and returns the fields to accept on them.
 */
export class InvisibleProperties {
  private readonly entries: { reads: ReadonlySet<string>; extra: ReadonlySet<string> }[];

  constructor(readSource: (definition: string) => string) {
    this.entries = Object.entries(INVISIBLE_PROPERTIES).map(([definition, extra]) => ({
      reads: propertiesRead(readSource(definition)),
      extra: new Set(extra),
    }));
  }

  /** Extra fields allowed on an object whose validator read exactly `read`. */
  allowedFor(read: ReadonlySet<string>): ReadonlySet<string> | undefined {
    for (const entry of this.entries) {
      if (
        entry.reads.size > 0 &&
        entry.reads.size === read.size &&
        [...entry.reads].every((name) => read.has(name))
      ) {
        return entry.extra;
      }
    }
    return undefined;
  }
}
