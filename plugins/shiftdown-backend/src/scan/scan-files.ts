/**
 * Scanning a read tree with the policy core, as the CLI scans a directory: the `.shiftdown.yaml` at the
 * tree root (profile, rules, exemptions, include/exclude globs, CRD paths, schema settings, read with the
 * CLI's file names and glob filter) and the embedded schema validator.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import {
  compareStrings,
  readConfigFile,
  scan,
  ScanOptionError,
  TOOL_VERSION,
  type InputFile,
  type Report,
  type SchemaValidator,
  type ShiftdownConfig,
} from '@shiftdown/policy-core';
import { crdsFromFiles, embeddedValidatorFor } from '@shiftdown/kubeconform';
import { CONFIG_FILE_NAMES, createPathFilter, isInside } from '@shiftdown/cli';
import type { ShiftdownSettings } from '../config.js';
import { fileMatches, labelMatcher, type LabelFilter, type LabelFilterSpec } from './label-filter.js';

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

/** The `.shiftdown.yaml` (or `.shiftdown.yml`) at the tree root, if any. */
function loadConfig(files: readonly InputFile[]): { config?: ShiftdownConfig; path?: string } {
  for (const name of CONFIG_FILE_NAMES) {
    const file = files.find((candidate) => candidate.path === name);
    if (!file) continue;
    const result = readConfigFile(new TextEncoder().encode(file.text), name);
    if (result.errors) throw new RepositoryConfigError(`invalid ${name}:\n${result.errors.join('\n')}`);
    return { config: result.config, path: name };
  }
  return {};
}

/**
 * Whether a file is under one of the config's `schema.crdPaths` (relative to the tree root). Paths that
 * leave the tree (absolute, `../…`) name nothing the backend has read.
 */
function underCrdPaths(crdPaths: readonly string[]): (file: InputFile) => boolean {
  const roots = crdPaths
    .map((path) => posix.normalize(path))
    .filter((path) => !posix.isAbsolute(path) && path !== '..' && !path.startsWith('../'))
    .map((path) => posix.join('/', path));
  return (file) => roots.some((root) => isInside(root, `/${file.path}`));
}

/**
 * The embedded validator, unless the plugin or the repository turns schema validation off (the backend
 * has no kubeconform binary: `auto` and `kubeconform` mean embedded here). It reads the CRDs of the
 * scanned files itself: only the files under `schema.crdPaths` that are not scanned are parsed for theirs.
 */
function schemaValidator(
  settings: ScanSettings,
  config: ShiftdownConfig | undefined,
  unscanned: readonly InputFile[],
): SchemaValidator | undefined {
  if (settings.schemaValidation === 'off' || config?.schema?.validator === 'off') return undefined;
  const crdFiles = unscanned.filter(underCrdPaths(config?.schema?.crdPaths ?? []));
  return embeddedValidatorFor(config?.schema, crdsFromFiles(crdFiles));
}

/**
 * Scan the files of one tree: those the config's globs and the label filter keep. Throws
 * RepositoryConfigError for an invalid `.shiftdown.yaml`. `report.summary.files` is the number scanned.
 */
export function scanFiles(
  files: readonly InputFile[],
  settings: ScanSettings,
  options: { labelFilter?: LabelFilterSpec; today?: string } = {},
): Report {
  const { config, path: configPath } = loadConfig(files);
  // Globs are relative to the tree root, which stands at `/` for the CLI's filter.
  const globs = createPathFilter({ include: config?.include, exclude: config?.exclude, baseDirectory: '/' });
  // The label filter parses each file to read its labels; the scan parses the kept ones again (it takes text).
  const matches = options.labelFilter && labelMatcher(options.labelFilter);
  const selected: InputFile[] = [];
  const unscanned: InputFile[] = [];
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    if (file.path === configPath) continue;
    const keep = globs.includeFile(`/${file.path}`) && (!matches || fileMatches(file, matches));
    (keep ? selected : unscanned).push(file);
  }
  const validator = schemaValidator(settings, config, unscanned);
  const pick = <T>(own: T | undefined, repository: T | undefined) =>
    settings.enforceSettings ? (own ?? repository) : (repository ?? own);
  const profile = pick(settings.profile, config?.profile);
  const pssVersion = pick(settings.pssVersion, config?.pssVersion);
  const kubernetesVersion = pick(settings.kubernetesVersion, config?.kubernetesVersion);
  try {
    return scan({
      files: selected,
      ...(config && { config }),
      ...(profile !== undefined && { profile }),
      ...(pssVersion !== undefined && { pssVersion }),
      ...(kubernetesVersion !== undefined && { kubernetesVersion }),
      ...(validator && { schemaValidator: validator }),
      ...(options.today !== undefined && { today: options.today }),
    });
  } catch (error) {
    if (error instanceof ScanOptionError)
      throw new RepositoryConfigError(`${configPath ?? 'scan settings'}: ${error.message}`);
    throw error;
  }
}
