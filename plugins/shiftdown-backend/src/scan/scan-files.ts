/**
 * Scanning a read tree with the policy core, as the CLI would scan the same directory: the
 * `.shiftdown.yaml` at the tree root (profile, rules, exemptions, include/exclude globs, CRD paths,
 * schema settings) and the embedded schema validator.
 */
import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import {
  classifyDocument,
  decodeBytes,
  parseFile,
  readConfigFile,
  scan,
  ScanOptionError,
  TOOL_VERSION,
  type InputFile,
  type Report,
  type SchemaValidator,
  type ShiftdownConfig,
} from '@shiftdown/policy-core';
import { createEmbeddedValidator, isCrdObject, skippingKinds, type JsonObject } from '@shiftdown/kubeconform';
import type { ShiftdownSettings } from '../config.js';
import { fileMatches, type LabelFilter } from './label-filter.js';
import type { ManifestFile } from './read-manifests.js';

export const CONFIG_FILE_NAMES = ['.shiftdown.yaml', '.shiftdown.yml'] as const;

/** The repository's `.shiftdown.yaml` is invalid (or names an impossible setting): the scan is refused, as in the CLI. */
export class RepositoryConfigError extends Error {
  override name = 'RepositoryConfigError';
}

export type ScanSettings = Pick<
  ShiftdownSettings,
  'profile' | 'pssVersion' | 'kubernetesVersion' | 'enforceSettings' | 'schemaValidation'
>;

/**
 * Identifies what a stored ETag was scanned with: a tree whose ETag did not change is skipped only when
 * these did not change either (new settings or a new Shiftdown version rescan everything).
 */
export function settingsHash(settings: ScanSettings, location: string, labelFilter?: LabelFilter): string {
  const identity = JSON.stringify([
    TOOL_VERSION,
    settings.profile ?? null,
    settings.pssVersion ?? null,
    settings.kubernetesVersion ?? null,
    settings.enforceSettings,
    settings.schemaValidation,
    location,
    labelFilter?.description ?? null,
  ]);
  return createHash('sha256').update(identity).digest('hex');
}

function loadConfig(files: readonly ManifestFile[]): { config?: ShiftdownConfig; path?: string } {
  for (const name of CONFIG_FILE_NAMES) {
    const file = files.find((candidate) => candidate.path === name);
    if (!file) continue;
    const result = readConfigFile(file.content, name);
    if (result.errors) throw new RepositoryConfigError(`invalid ${name}:\n${result.errors.join('\n')}`);
    return { config: result.config, path: name };
  }
  return {};
}

function normaliseGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '');
}

/** The config's include/exclude globs, relative to the tree root (a glob naming a directory excludes below it). */
function pathFilter(config: ShiftdownConfig | undefined): (path: string) => boolean {
  const include = (config?.include ?? []).map(normaliseGlob).filter((glob) => glob !== '');
  const exclude = (config?.exclude ?? []).map(normaliseGlob).filter((glob) => glob !== '');
  const included = include.length > 0 ? picomatch(include, { dot: true }) : () => true;
  const excludedGlob = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  const excluded = (path: string) => {
    if (excludedGlob(path)) return true;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (excludedGlob(parts.slice(0, i).join('/'))) return true;
    return false;
  };
  return (path) => included(path) && !excluded(path);
}

/** CustomResourceDefinitions under the config's `schema.crdPaths` (relative to the tree root). */
function loadCrds(files: readonly InputFile[], config: ShiftdownConfig | undefined): JsonObject[] {
  const roots = (config?.schema?.crdPaths ?? []).map((path) => normaliseGlob(path).replace(/\/+$/, ''));
  if (roots.length === 0) return [];
  const crds: JsonObject[] = [];
  for (const file of files) {
    if (
      !roots.some(
        (root) => root === '' || root === '.' || file.path === root || file.path.startsWith(`${root}/`),
      )
    )
      continue;
    for (const document of parseFile(file).documents) {
      const classified = classifyDocument(document.value);
      const items = classified.type === 'list' ? classified.items : [document.value];
      for (const item of items) if (isCrdObject(item)) crds.push(item);
    }
  }
  return crds;
}

function schemaValidator(
  settings: ScanSettings,
  config: ShiftdownConfig | undefined,
  crds: JsonObject[],
): SchemaValidator | undefined {
  // The backend has no kubeconform binary: `auto` and `kubeconform` use the embedded validator.
  if (settings.schemaValidation === 'off' || config?.schema?.validator === 'off') return undefined;
  const embedded = createEmbeddedValidator({
    crds,
    ...(config?.schema?.ignoreMissingSchemas && { ignoreMissingSchemas: true }),
  });
  return skippingKinds(embedded, config?.schema?.skipKinds ?? []);
}

export interface ScanFilesResult {
  report: Report;
  /** The manifests scanned (after the config's globs and the label filter). */
  scanned: number;
}

/** Scan the files of one tree. Throws RepositoryConfigError for an invalid `.shiftdown.yaml`. */
export function scanFiles(
  files: readonly ManifestFile[],
  settings: ScanSettings,
  options: { labelFilter?: LabelFilter; today?: string } = {},
): ScanFilesResult {
  const { config, path: configPath } = loadConfig(files);
  const keep = pathFilter(config);
  const all: InputFile[] = files
    .filter((file) => file.path !== configPath)
    .map((file) => ({ path: file.path, text: decodeBytes(file.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const selected = all.filter(
    (file) => keep(file.path) && (!options.labelFilter || fileMatches(file, options.labelFilter)),
  );
  const validator = schemaValidator(settings, config, loadCrds(all, config));
  const pick = <T>(own: T | undefined, repository: T | undefined) =>
    settings.enforceSettings ? (own ?? repository) : (repository ?? own);
  const profile = pick(settings.profile, config?.profile);
  const pssVersion = pick(settings.pssVersion, config?.pssVersion);
  const kubernetesVersion = pick(settings.kubernetesVersion, config?.kubernetesVersion);
  try {
    const report = scan({
      files: selected,
      ...(config && { config }),
      ...(profile !== undefined && { profile }),
      ...(pssVersion !== undefined && { pssVersion }),
      ...(kubernetesVersion !== undefined && { kubernetesVersion }),
      ...(validator && { schemaValidator: validator }),
      ...(options.today !== undefined && { today: options.today }),
    });
    return { report, scanned: selected.length };
  } catch (error) {
    if (error instanceof ScanOptionError)
      throw new RepositoryConfigError(`${configPath ?? 'scan settings'}: ${error.message}`);
    throw error;
  }
}
