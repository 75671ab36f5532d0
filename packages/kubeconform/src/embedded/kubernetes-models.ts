import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Access to the compiled validators of `kubernetes-models` (Kubernetes v1.36 OpenAPI, ajv standalone code,
 * one ES module per definition in `_schemas/`).
 *
 * Which module validates which apiVersion/kind is read from the package's own model files at first use,
 * not guessed from names: `apps/v1/Deployment.js` declares `apiVersion`/`kind` statics (only top-level API
 * objects do; `Container.js` has none) and imports `../../_schemas/IoK8sApiAppsV1Deployment.js`. The
 * directory listings are read once (about 45 small directories); each model file only when an object of
 * that kind occurs. Doing it at first use instead of generating a table at build time keeps the table
 * exactly in step with the installed package version, with no generated file to forget to refresh.
 */

const require = createRequire(import.meta.url);

/** An ajv standalone validate function: errors of the last call in `validate.errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvLikeError[] | null;
}

/** The fields of an ajv error that Shiftdown uses (standalone code carries no `message`). */
export interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface BuiltinSchema {
  apiVersion: string;
  kind: string;
  /** e.g. `IoK8sApiAppsV1Deployment` */
  definition: string;
}

/** Group (core: '') → version → file names (without `.js`) of its model directory. */
type Listing = Map<string, Map<string, ReadonlySet<string>>>;

const GROUP_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const VERSION_NAME = /^v[0-9]+[a-z0-9]*$/;
const KIND_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** A version without alpha/beta suffix (`v1`, `v2`). */
const GA_VERSION = /^v[0-9]+$/;

export class KubernetesModels {
  private listing: Listing | undefined;
  private readonly schemas = new Map<string, BuiltinSchema | null>();
  private readonly validators = new Map<string, CompiledValidator>();

  constructor(private readonly root: string = packageRoot()) {}

  /**
   * The schema of a top-level API object served by Kubernetes v1.36, or undefined.
   *
   * kubernetes-models also keeps the models of API versions removed from Kubernetes long ago (it merges
   * older OpenAPI documents into the latest one so that old manifests still type-check); in 5.1.0 every
   * non-GA version it carries is such a removed one (extensions/v1beta1, policy/v1beta1, …; its v1.36
   * document has only GA versions), so only GA versions count as served.
   */
  schemaFor(apiVersion: string, kind: string): BuiltinSchema | undefined {
    const key = `${apiVersion}\u0000${kind}`;
    let schema = this.schemas.get(key);
    if (schema === undefined) {
      schema = this.lookup(apiVersion, kind) ?? null;
      this.schemas.set(key, schema);
    }
    return schema ?? undefined;
  }

  /**
   * Whether kubernetes-models keeps a model of this apiVersion/kind from an older Kubernetes release
   * although v1.36 no longer serves it (extensions/v1beta1 Deployment, policy/v1beta1 PodSecurityPolicy).
   */
  isRemoved(apiVersion: string, kind: string): boolean {
    const { group, version } = splitApiVersion(apiVersion);
    return (
      !GA_VERSION.test(version) &&
      KIND_NAME.test(kind) &&
      this.groups().get(group)?.get(version)?.has(kind) === true
    );
  }

  /** The served apiVersions that have a model file for `kind` (for "did you mean" messages). */
  servedVersionsOf(kind: string): string[] {
    if (!KIND_NAME.test(kind)) return [];
    const out: string[] = [];
    for (const [group, versions] of this.groups()) {
      for (const [version, files] of versions) {
        if (!GA_VERSION.test(version) || !files.has(kind)) continue;
        const apiVersion = group === '' ? version : `${group}/${version}`;
        if (this.schemaFor(apiVersion, kind)) out.push(apiVersion);
      }
    }
    return out.sort();
  }

  /** The compiled validator of a definition, loaded synchronously on first use (require() of an ES module). */
  validator(definition: string): CompiledValidator {
    let validate = this.validators.get(definition);
    if (!validate) {
      validate = loadValidator(path.join(this.root, '_schemas', `${definition}.js`));
      this.validators.set(definition, validate);
    }
    return validate;
  }

  /** The source text of a definition's validator module ('' when absent). */
  definitionSource(definition: string): string {
    return /^[A-Za-z0-9]+$/.test(definition)
      ? readText(path.join(this.root, '_schemas', `${definition}.js`))
      : '';
  }

  /** The ObjectMeta validator (from @kubernetes-models/apimachinery, the package's own dependency). */
  objectMetaValidator(): CompiledValidator {
    const key = 'ObjectMeta';
    let validate = this.validators.get(key);
    if (!validate) {
      const apimachinery = createRequire(path.join(this.root, 'package.json')).resolve(
        '@kubernetes-models/apimachinery/package.json',
      );
      const file = path.join(
        path.dirname(apimachinery),
        '_schemas',
        'IoK8sApimachineryPkgApisMetaV1ObjectMeta.js',
      );
      validate = loadValidator(file);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private lookup(apiVersion: string, kind: string): BuiltinSchema | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    if (group !== '' && !GROUP_NAME.test(group)) return undefined;
    if (!VERSION_NAME.test(version) || !GA_VERSION.test(version) || !KIND_NAME.test(kind)) return undefined;
    // The listing gives exact file names, so `deployment` never matches Deployment.js on a case-insensitive disk.
    if (!this.groups().get(group)?.get(version)?.has(kind)) return undefined;
    const file = path.join(this.root, group === '' ? '' : group, version, `${kind}.js`);
    return parseModel(readText(file), apiVersion, kind);
  }

  private groups(): Listing {
    this.listing ??= readListing(this.root);
    return this.listing;
  }
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Reads `apiVersion`, `kind` and the schema import of a model file. Returns undefined unless the file
 * declares exactly this apiVersion and kind (nested types such as Container declare none).
 */
export function parseModel(source: string, apiVersion: string, kind: string): BuiltinSchema | undefined {
  const declaredVersion = /static\s*\{\s*this\.apiVersion\s*=\s*"([^"]+)"/.exec(source)?.[1];
  const declaredKind = /static\s*\{\s*this\.kind\s*=\s*"([^"]+)"/.exec(source)?.[1];
  const definition =
    /import\s*\{\s*validate\s*\}\s*from\s*"(?:\.\.\/)+_schemas\/(IoK8s[A-Za-z0-9]+)\.js"/.exec(source)?.[1];
  if (declaredVersion !== apiVersion || declaredKind !== kind || definition === undefined) return undefined;
  return { apiVersion, kind, definition };
}

function loadValidator(file: string): CompiledValidator {
  const loaded = require(file) as { validate?: unknown };
  if (typeof loaded.validate !== 'function') throw new Error(`${path.basename(file)} exports no validate()`);
  return loaded.validate as CompiledValidator;
}

function readListing(root: string): Listing {
  const listing: Listing = new Map();
  for (const entry of readDir(root)) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    if (entry.name === 'v1') {
      // The core group lives at the top: kubernetes-models/v1/Pod.js.
      listing.set('', new Map([['v1', modelFiles(path.join(root, 'v1'))]]));
      continue;
    }
    const versions = new Map<string, ReadonlySet<string>>();
    for (const version of readDir(path.join(root, entry.name))) {
      if (version.isDirectory() && VERSION_NAME.test(version.name)) {
        versions.set(version.name, modelFiles(path.join(root, entry.name, version.name)));
      }
    }
    if (versions.size > 0) listing.set(entry.name, versions);
  }
  return listing;
}

function modelFiles(dir: string): ReadonlySet<string> {
  const files = new Set<string>();
  for (const entry of readDir(dir)) {
    if (entry.isFile() && entry.name.endsWith('.js') && entry.name !== 'index.js')
      files.add(entry.name.slice(0, -3));
  }
  return files;
}

function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The installed kubernetes-models directory (its package.json is exported for exactly this). */
export function packageRoot(): string {
  return path.dirname(require.resolve('kubernetes-models/package.json'));
}
