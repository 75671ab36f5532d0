import { KubeconformError } from './errors.js';

/** The kubeconform options Shiftdown passes through. */
export interface KubeconformFlags {
  /** Kubernetes version of the schemas, e.g. `1.36` (normalised to `1.36.0`), `v1.35.2` or `master`. */
  kubernetesVersion?: string;
  /** `-schema-location` values, tried in order (kubeconform's default registry when empty). */
  schemaLocations?: readonly string[];
  /** Kinds or group/version/kinds to skip (`-skip`). */
  skip?: readonly string[];
  /** Report kinds without a schema as skipped instead of as errors. */
  ignoreMissingSchemas?: boolean;
  /**
   * Validation workers (`-n`). Default 1: with more, kubeconform prints results out of document order,
   * and order is the only way to tell apart identical objects of one file when mapping results back.
   */
  concurrency?: number;
}

/** The fixed flags: results for every document, as JSON, with the summary, rejecting unknown fields. */
export const BASE_FLAGS: readonly string[] = ['-output', 'json', '-summary', '-strict', '-verbose'];

/** `1.36` → `1.36.0`, `v1.36.2` → `1.36.2`, `master` stays; anything else is an error. */
export function normalizeKubernetesVersion(version: string): string {
  const trimmed = version.trim();
  if (trimmed === 'master') return trimmed;
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) {
    throw new KubeconformError(
      `Invalid Kubernetes version "${version}" for kubeconform: expected MAJOR.MINOR[.PATCH] such as 1.36 or 1.36.0.`,
    );
  }
  return `${match[1]}.${match[2]}.${match[3] ?? '0'}`;
}

/** The argument list for one kubeconform run over `files` (after `--`, so no file is read as a flag). */
export function buildKubeconformArgs(flags: KubeconformFlags, files: readonly string[]): string[] {
  const args = [...BASE_FLAGS];
  const concurrency = flags.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new KubeconformError(
      `Invalid kubeconform concurrency ${concurrency}: expected a whole number of at least 1.`,
    );
  }
  args.push('-n', String(concurrency));
  if (flags.kubernetesVersion !== undefined)
    args.push('-kubernetes-version', normalizeKubernetesVersion(flags.kubernetesVersion));
  for (const location of flags.schemaLocations ?? []) {
    if (location.trim() === '')
      throw new KubeconformError('Invalid kubeconform schema location: it is empty.');
    args.push('-schema-location', location);
  }
  const skip = flags.skip ?? [];
  for (const kind of skip) {
    if (kind.trim() === '' || kind.includes(',')) {
      throw new KubeconformError(
        `Invalid kind to skip "${kind}": expected one kind or group/version/kind without commas.`,
      );
    }
  }
  if (skip.length > 0) args.push('-skip', skip.join(','));
  if (flags.ignoreMissingSchemas) args.push('-ignore-missing-schemas');
  args.push('--', ...files);
  return args;
}
