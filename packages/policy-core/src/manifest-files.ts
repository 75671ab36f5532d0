/**
 * Which files every surface reads when it walks a directory (the CLI, the Action, the Backstage backend,
 * the template checker). Files named explicitly are read whatever their name.
 */

/** Kubernetes manifests are YAML or JSON. */
export const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

/** Directory names never walked into: git's own data and installed dependencies. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);
