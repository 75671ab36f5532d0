import type { Path, ResourceRef } from '../types.js';
import type { ParsedDocument, ParsedFile } from '../parse/parse-file.js';
import { classifyDocument } from '../parse/classify.js';
import { Locator, formatPath, type Located } from './locate.js';
import type { DocumentSource } from '../parse/document-source.js';
import { exactJson } from './exact-json.js';
import type { Evictable, ObjectStore } from './object-store.js';
import { StringPool } from './string-pool.js';
import { asObject, asString, type JsonObject } from './values.js';
import { isResourceGraphDefinition, parseSimpleSchema, renderTemplate, rgdTemplates } from './kro.js';
import { SCORE_KIND } from './score.js';
import { buildWorkload, findWorkloadKind, type Workload, type WorkloadKind } from './workload.js';

/** One Kubernetes object of the scan (a List contributes one per item). */
export interface Resource {
  /** Position in the scan, stable for one run. */
  id: number;
  file: string;
  documentIndex: number;
  /** Index in its List, when it came from one. */
  itemIndex?: number;
  kind: string;
  apiVersion: string;
  name?: string;
  namespace?: string;
  /**
   * The decoded object. In a scan large enough to store its objects (see `ScanOptions.residentResources`),
   * reading it after many other resources' may give a fresh copy, equal to the first: compare values,
   * not identities.
   */
  object: JsonObject;
  metadata: JsonObject;
  /** 1-based line where the object starts. */
  line: number;
  workload?: Workload;
  /**
   * Set for objects embedded in another one — a Kro ResourceGraphDefinition's resource templates
   * (rendered with the schema defaults): the embedding resource and the template's path in it.
   */
  embeddedIn?: { resource: ResourceRef; path: Path; templateId?: string };
  locate(path: Path): Located;
  /** The text of one 1-based line of the file (for fixes that rewrite whole lines). */
  sourceLine(line: number): string | undefined;
  /** Dotted field name of `path` inside the document, e.g. `spec.containers[0].image`. */
  field(path: Path): string;
  ref: ResourceRef;
}

export interface BuildResult {
  resources: Resource[];
  /** Documents that are not Kubernetes objects, with the reason. */
  skipped: { line: number; reason: string }[];
  errors: { message: string; line: number; column: number }[];
}

/** Turn the parsed documents of one file into resources. */
export function buildResources(
  parsed: ParsedFile,
  workloadKinds: readonly WorkloadKind[],
  nextId: () => number,
): BuildResult {
  const out: BuildResult = { resources: [], skipped: [], errors: [] };
  for (const doc of parsed.documents) buildDocumentResources(parsed, doc, workloadKinds, nextId, out);
  return out;
}

/** Turn one parsed document into resources (several for a List), appending to `out`. */
export function buildDocumentResources(
  parsed: ParsedFile,
  doc: ParsedDocument,
  workloadKinds: readonly WorkloadKind[],
  nextId: () => number,
  out: BuildResult,
): void {
  const classification = classifyDocument(doc.value);
  switch (classification.type) {
    case 'empty':
      break;
    case 'skip':
      out.skipped.push({ line: doc.line, reason: classification.reason });
      break;
    case 'object': {
      const resource = makeResource(parsed, doc, doc.value as JsonObject, [], workloadKinds, nextId());
      out.resources.push(resource);
      if (isResourceGraphDefinition(resource.kind, resource.apiVersion)) {
        out.resources.push(...embeddedTemplates(parsed, doc, resource, [], workloadKinds, nextId));
      }
      break;
    }
    case 'score':
      out.resources.push(
        makeResource(
          parsed,
          doc,
          doc.value as JsonObject,
          [],
          workloadKinds,
          nextId(),
          undefined,
          SCORE_KIND,
        ),
      );
      break;
    case 'list':
      classification.items.forEach((item, itemIndex) => {
        const base: Path = ['items', itemIndex];
        const object = asObject(item);
        if (!object || typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') {
          const at = new Locator(doc.source, base).locate([]);
          out.errors.push({
            message: `List item ${itemIndex} is not a Kubernetes object (it needs apiVersion and kind)`,
            line: at.line,
            column: at.column,
          });
          return;
        }
        out.resources.push(makeResource(parsed, doc, object, base, workloadKinds, nextId(), itemIndex));
      });
      break;
  }
}

function makeResource(
  parsed: ParsedFile,
  doc: ParsedDocument,
  object: JsonObject,
  base: Path,
  workloadKinds: readonly WorkloadKind[],
  id: number,
  itemIndex?: number,
  kindOverride?: string,
): Resource {
  return new ScannedResource(parsed.path, doc, object, base, workloadKinds, id, itemIndex, kindOverride);
}

const NO_PATH: Path = [];

/**
 * Kinds, API versions and namespaces repeat across resources: one copy of each (up to a bound, so a
 * long-lived process does not keep every string it ever saw).
 */
const commonStrings = new StringPool(4096);

/** A resource's decoded object with the views the model derives from it. */
interface Decoded {
  object: JsonObject;
  metadata: JsonObject;
  workload: Workload | undefined;
}

/**
 * A resource of the scan. A scan holds every resource until it ends, so every byte kept per resource
 * counts on large inputs: source positions come from the document's `DocumentSource` through methods
 * on the prototype (not closures per resource), identity fields are read from `ref`, and once the
 * rules that read the resource as its document is read have run, its decoded object can move to an
 * `ObjectStore` (see `storeResource`) and be decoded again when a cross-resource rule reads it.
 */
class ScannedResource implements Resource, Evictable {
  declare readonly itemIndex?: number;
  declare embeddedIn?: Resource['embeddedIn'];
  readonly ref: ResourceRef;
  readonly line: number;
  readonly documentIndex: number;
  readonly #source: DocumentSource;
  readonly #base: Path;
  /** Where the pod template is, when the object has one (known without decoding it again). */
  readonly #workloadKind: WorkloadKind | undefined;
  /** Undefined while the object is only in the store. */
  #decoded: Decoded | undefined;
  #store: ObjectStore | undefined;
  #handle = -1;

  constructor(
    readonly file: string,
    doc: ParsedDocument,
    object: JsonObject,
    base: Path,
    workloadKinds: readonly WorkloadKind[],
    readonly id: number,
    itemIndex: number | undefined,
    kindOverride: string | undefined,
  ) {
    this.documentIndex = doc.index;
    if (itemIndex !== undefined) this.itemIndex = itemIndex;
    this.#source = doc.source;
    this.#base = base.length === 0 ? NO_PATH : base;
    const metadata = asObject(object.metadata) ?? {};
    const kind = commonStrings.intern(kindOverride ?? (object.kind as string));
    const apiVersion = commonStrings.intern(object.apiVersion as string);
    const name = asString(metadata.name) ?? asString(metadata.generateName);
    const rawNamespace = asString(metadata.namespace);
    const namespace = rawNamespace === undefined ? undefined : commonStrings.intern(rawNamespace);
    this.ref = {
      kind,
      apiVersion,
      ...(namespace !== undefined && { namespace }),
      ...(name !== undefined && { name }),
    };
    this.line = base.length === 0 ? doc.line : this.#locator().start().line;
    const workloadKind = findWorkloadKind(kind, apiVersion, workloadKinds);
    const workload = workloadKind ? buildWorkload(object, workloadKind) : undefined;
    this.#workloadKind = workload ? workloadKind : undefined;
    this.#decoded = { object, metadata, workload };
  }

  get kind(): string {
    return this.ref.kind;
  }

  get apiVersion(): string {
    return this.ref.apiVersion!;
  }

  get name(): string | undefined {
    return this.ref.name;
  }

  get namespace(): string | undefined {
    return this.ref.namespace;
  }

  get object(): JsonObject {
    return (this.#decoded ?? this.#decode()).object;
  }

  get metadata(): JsonObject {
    return (this.#decoded ?? this.#decode()).metadata;
  }

  get workload(): Workload | undefined {
    if (!this.#workloadKind) return undefined;
    return (this.#decoded ?? this.#decode()).workload;
  }

  locate(path: Path): Located {
    return this.#locator().locate(path);
  }

  sourceLine(line: number): string | undefined {
    return this.#source.lineText(line);
  }

  field(path: Path): string {
    return formatPath(this.#base.length === 0 ? path : [...this.#base, ...path]);
  }

  /** Move the decoded object to `store` (kept as it is when it has no exact JSON form). */
  storeIn(store: ObjectStore): void {
    if (this.#store || !this.#decoded) return;
    const json = exactJson(this.#decoded.object);
    if (json === undefined) return;
    this.#handle = store.put(json);
    this.#store = store;
    this.evict();
  }

  evict(): void {
    if (this.#store) this.#decoded = undefined;
  }

  #decode(): Decoded {
    const store = this.#store!;
    const object = JSON.parse(store.text(this.#handle)) as JsonObject;
    const decoded: Decoded = {
      object,
      metadata: asObject(object.metadata) ?? {},
      workload: this.#workloadKind ? buildWorkload(object, this.#workloadKind) : undefined,
    };
    this.#decoded = decoded;
    store.admit(this);
    return decoded;
  }

  #locator(): Locator {
    return new Locator(this.#source, this.#base);
  }
}

/**
 * Move a resource's decoded object to `store` once the rules that run as its document is read are done
 * with it (see `ObjectStore`); it is decoded again, equal, whenever it is read.
 */
export function storeResource(resource: Resource, store: ObjectStore): void {
  if (resource instanceof ScannedResource) resource.storeIn(store);
}

/** Keep `resource` decoded while the engine evaluates it (it may read other resources meanwhile). */
export function pinResource(store: ObjectStore, resource: Resource | undefined): void {
  store.pinned = resource instanceof ScannedResource ? resource : undefined;
}

/**
 * The resource templates of a Kro ResourceGraphDefinition, rendered with the schema defaults, as
 * resources of their own located inside the RGD (so every rule checks them, at the template's lines).
 */
function embeddedTemplates(
  parsed: ParsedFile,
  doc: ParsedDocument,
  rgd: Resource,
  base: Path,
  workloadKinds: readonly WorkloadKind[],
  nextId: () => number,
): Resource[] {
  const fields = parseSimpleSchema(asObject(asObject(rgd.object.spec)?.schema)?.spec);
  return rgdTemplates(rgd.object).map(({ index, id, template }) => {
    const path: Path = [...base, 'spec', 'resources', index, 'template'];
    const resource = makeResource(
      parsed,
      doc,
      renderTemplate(template, fields),
      path,
      workloadKinds,
      nextId(),
    );
    resource.embeddedIn = { resource: rgd.ref, path, ...(id !== undefined && { templateId: id }) };
    return resource;
  });
}

/** `Deployment shop/web` */
/** `Deployment "web"` (`(unnamed)` when the object has no name): how rule messages name an object. */
export function objectLabel(resource: Pick<Resource, 'kind' | 'name'>): string {
  return `${resource.kind} "${resource.name ?? '(unnamed)'}"`;
}

export function describeResource(ref: ResourceRef): string {
  const id = ref.namespace ? `${ref.namespace}/${ref.name ?? '?'}` : (ref.name ?? '(unnamed)');
  return `${ref.kind} ${id}`;
}
