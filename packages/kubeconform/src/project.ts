/**
 * What every surface (CLI, Backstage backend, scaffolder action) sets up the same way from a project's
 * files and `.shiftdown.yaml`: the CustomResourceDefinitions in some files, and the embedded validator the
 * config's `schema` settings describe.
 */
import { classifyDocument, parseFile } from '@shiftdown/policy-core';
import type { InputFile, InputError, SchemaConfig, SchemaValidator } from '@shiftdown/policy-core';
import { createEmbeddedValidator } from './embedded/index.js';
import { isCrdObject, type JsonObject } from './embedded/crd/definitions.js';
import { skippingKinds } from './compose.js';

/**
 * The CustomResourceDefinitions in these files (List items included). A file that does not parse gives
 * what its good documents hold; each error goes to `onError` with its file.
 */
export function crdsFromFiles(
  files: readonly InputFile[],
  onError: (file: string, error: InputError) => void = () => {},
): JsonObject[] {
  const crds: JsonObject[] = [];
  for (const file of files) {
    const parsed = parseFile(file);
    for (const error of parsed.errors) onError(file.path, error);
    for (const doc of parsed.documents) {
      const classified = classifyDocument(doc.value);
      const items = classified.type === 'list' ? classified.items : [doc.value];
      for (const item of items) if (isCrdObject(item)) crds.push(item);
    }
  }
  return crds;
}

/** The embedded validator as the config's `schema` settings describe it (`ignoreMissingSchemas`, `skipKinds`). */
export function embeddedValidatorFor(
  settings: SchemaConfig | undefined,
  crds: readonly JsonObject[],
): SchemaValidator {
  const embedded = createEmbeddedValidator({
    crds,
    ...(settings?.ignoreMissingSchemas && { ignoreMissingSchemas: true }),
  });
  return skippingKinds(embedded, settings?.skipKinds ?? []);
}
