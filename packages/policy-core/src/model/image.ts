/**
 * Container image references, parsed the way the container runtime reads them
 * (`[registry/]repository[:tag][@digest]`, Docker Hub by default).
 */

export interface ImageRef {
  /** The text as written. */
  raw: string;
  /** Registry host (`docker.io` when the reference names none). */
  registry: string;
  /** Repository path without the registry, e.g. `library/nginx`. */
  repository: string;
  tag?: string;
  /** `sha256:…` when pinned by digest. */
  digest?: string;
  /** True when the text holds template placeholders (`${…}`, `{{…}}`) and cannot be judged. */
  templated: boolean;
}

const DEFAULT_REGISTRY = 'docker.io';

/** True for a string with a template placeholder (`${…}`, `{{…}}`, `$(…)`): its final value is unknown. */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && isTemplatedText(value);
}

/** True when text holds a template placeholder. */
export function isTemplatedText(text: string): boolean {
  return /\$\{[^}]*\}|\{\{[^}]*\}\}|\$\([^)]*\)/.test(text);
}

export function parseImageRef(raw: string): ImageRef {
  const text = raw.trim();
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const firstSlash = rest.indexOf('/');
  const first = firstSlash < 0 ? '' : rest.slice(0, firstSlash);
  // The first component is a registry when it looks like a host (has a dot or port, or is localhost).
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : DEFAULT_REGISTRY;
  let repository = hasRegistry ? rest.slice(firstSlash + 1) : rest;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;
  return {
    raw,
    registry,
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
    templated: isTemplatedText(text),
  };
}

/** `registry/repository`, the part trusted-registry globs are matched against. */
export function imageLocation(image: ImageRef): string {
  return `${image.registry}/${image.repository}`;
}
