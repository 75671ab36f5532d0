import type { PssVersion } from './types.js';

/** The newest Pod Security Standards policy version this release knows (Kubernetes v1.37). */
export const LATEST_PSS_MINOR = 37;
export const LATEST_PSS_VERSION: PssVersion = { major: 1, minor: LATEST_PSS_MINOR };

/**
 * Parse `latest`, `v1.N` or `1.N`. Versions newer than the latest known one evaluate as the latest,
 * as Pod Security admission does. Returns undefined for anything else.
 */
export function parsePssVersion(text: string): PssVersion | undefined {
  const value = text.trim();
  if (value === 'latest' || value === '') return LATEST_PSS_VERSION;
  const match = /^v?1\.(0|[1-9]\d{0,2})$/.exec(value);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return { major: 1, minor: Math.min(minor, LATEST_PSS_MINOR) };
}

export function formatPssVersion(version: PssVersion): string {
  return `v${version.major}.${version.minor}`;
}

/** True when `version` is at least v1.`minor`. */
export function atLeast(version: PssVersion, minor: number): boolean {
  return version.minor >= minor;
}
