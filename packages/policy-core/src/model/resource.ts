import type { Path, ResourceRef } from '../types.js';
import type { ParsedDocument, ParsedFile } from '../parse/parse-file.js';
import { classifyDocument } from '../parse/classify.js';
import { Locator, formatPath, type Located } from './locate.js';
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
        makeResource(parsed, doc, doc.value as JsonObject, [], workloadKinds, nextId(), undefined, SCORE_KIND),
      );
      break;
    case 'list':
      classification.items.forEach((item, itemIndex) => {
        const base: Path = ['items', itemIndex];
        const object = asObject(item);
        if (!object || typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') {
          const at = new Locator(doc.source, base).locate([]);
          out.errors.push({ message: `List item ${itemIndex} is not a Kubernetes object (it needs apiVersion and kind)`, line: at.line, column: at.column });
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
  const locator = new Locator(doc.source, base);
  const metadata = asObject(object.metadata) ?? {};
  const kind = kindOverride ?? (object.kind as string);
  const apiVersion = object.apiVersion as string;
  const name = asString(metadata.name) ?? asString(metadata.generateName);
  const namespace = asString(metadata.namespace);
  const workloadKind = findWorkloadKind(kind, apiVersion, workloadKinds);
  const workload = workloadKind ? buildWorkload(object, workloadKind) : undefined;
  const line = base.length === 0 ? doc.line : locator.start().line;
  const ref: ResourceRef = { kind, apiVersion, ...(namespace !== undefined && { namespace }), ...(name !== undefined && { name }) };
  return {
    id,
    file: parsed.path,
    documentIndex: doc.index,
    ...(itemIndex !== undefined && { itemIndex }),
    kind,
    apiVersion,
    ...(name !== undefined && { name }),
    ...(namespace !== undefined && { namespace }),
    object,
    metadata,
    line,
    ...(workload && { workload }),
    locate: (path) => locator.locate(path),
    sourceLine: (line) => locator.lineText(line),
    field: (path) => formatPath([...base, ...path]),
    ref,
  };
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
    const resource = makeResource(parsed, doc, renderTemplate(template, fields), path, workloadKinds, nextId());
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
