/**
 * The filters Backstage's scaffolder adds to nunjucks (`createDefaultFilters` in
 * @backstage/plugin-scaffolder-backend): parseRepoUrl, parseEntityRef, pick and projectSlug. Backstage
 * checks repository URLs against the integrations in its app-config; without one, hosts are recognised
 * by name and an unknown host is accepted as it is.
 */
import type { TemplateFilter, TemplateValue } from 'nunjitsu';

type Record_ = { [key: string]: TemplateValue };

const REQUIRED_BY_HOST: { match: (host: string) => boolean; required: string[] }[] = [
  { match: (host) => host === 'bitbucket.org', required: ['workspace', 'project', 'repo'] },
  { match: (host) => host === 'dev.azure.com' || host.endsWith('.visualstudio.com'), required: ['project', 'repo'] },
  { match: (host) => host === 'github.com' || host.startsWith('github.'), required: ['repo', 'owner'] },
];

/** `github.com?owner=o&repo=r` → `{ host, owner, repo, … }` (Backstage's parseRepoUrl). */
export function parseRepoUrl(input: TemplateValue | undefined): TemplateValue {
  if (typeof input !== 'string') throw new TypeError(`parseRepoUrl expects a repository URL string, got ${describe(input)}`);
  let parsed: URL;
  try {
    parsed = new URL(`https://${input}`);
  } catch {
    throw new TypeError(`Invalid repo URL passed to publisher, got ${input}`);
  }
  const result: Record_ = { host: parsed.host };
  for (const param of ['owner', 'organization', 'workspace', 'project', 'repo']) {
    const value = parsed.searchParams.get(param);
    if (value !== null) result[param] = value.replace(/^\/+|\/+$/g, '');
  }
  const host = parsed.host;
  const gitlab = host === 'gitlab.com' || host.startsWith('gitlab.');
  const required = gitlab ? (result.project ? [] : ['owner', 'repo']) : (REQUIRED_BY_HOST.find((h) => h.match(host))?.required ?? []);
  for (const param of required) {
    if (!parsed.searchParams.get(param)) {
      throw new TypeError(`Invalid repo URL passed to publisher: ${parsed.toString()}, missing ${param}`);
    }
  }
  return result;
}

/** `projectSlug`: `owner/repo` of a repository URL. */
export function projectSlug(input: TemplateValue | undefined): TemplateValue {
  const parsed = parseRepoUrl(input) as Record_;
  return `${String(parsed.owner)}/${String(parsed.repo)}`;
}

/** `[kind:][namespace/]name` (or a `{ kind, namespace, name }` object) → `{ kind, namespace, name }` (catalog-model's parseEntityRef). */
export function parseEntityRef(input: TemplateValue | undefined, context?: TemplateValue): TemplateValue {
  const defaults = isRecord(context) ? context : {};
  const defaultKind = typeof defaults.defaultKind === 'string' ? defaults.defaultKind : undefined;
  const defaultNamespace = typeof defaults.defaultNamespace === 'string' && defaults.defaultNamespace ? defaults.defaultNamespace : 'default';
  if (!input) throw new TypeError('Entity reference must not be empty');
  let kind: string | undefined;
  let namespace: string | undefined;
  let name: string | undefined;
  if (typeof input === 'string') {
    let colon = input.indexOf(':');
    const slash = input.indexOf('/');
    if (slash !== -1 && slash < colon) colon = -1;
    const refKind = colon === -1 ? undefined : input.slice(0, colon);
    const refNamespace = slash === -1 ? undefined : input.slice(colon + 1, slash);
    name = input.slice(Math.max(colon + 1, slash + 1));
    if (refKind === '' || refNamespace === '' || name === '') {
      throw new TypeError(`Entity reference "${input}" was not on the form [<kind>:][<namespace>/]<name>`);
    }
    kind = refKind ?? defaultKind;
    namespace = refNamespace ?? defaultNamespace;
  } else if (isRecord(input)) {
    kind = typeof input.kind === 'string' ? input.kind : defaultKind;
    namespace = typeof input.namespace === 'string' ? input.namespace : defaultNamespace;
    name = typeof input.name === 'string' ? input.name : undefined;
  }
  const textual = JSON.stringify(input);
  if (!kind) throw new TypeError(`Entity reference ${textual} had missing or empty kind (e.g. did not start with "component:" or similar)`);
  if (!namespace) throw new TypeError(`Entity reference ${textual} had missing or empty namespace`);
  if (!name) throw new TypeError(`Entity reference ${textual} had missing or empty name`);
  return { kind, namespace, name };
}

/** `pick`: a property by path (`a.b[0].c`), like lodash.get; undefined when absent. */
export function pick(input: TemplateValue | undefined, path?: TemplateValue): TemplateValue | undefined {
  if (typeof path !== 'string') return undefined;
  let current: TemplateValue | undefined = input;
  for (const key of path.replace(/\[(\w+)\]/g, '.$1').split('.').filter((k) => k !== '')) {
    if (Array.isArray(current)) current = /^\d+$/.test(key) ? (current as TemplateValue[])[Number(key)] : undefined;
    else if (isRecord(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

export const BACKSTAGE_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  parseRepoUrl: (input) => parseRepoUrl(input),
  parseEntityRef: (input, context) => parseEntityRef(input, context),
  pick: (input, path) => pick(input, path),
  projectSlug: (input) => projectSlug(input),
};

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value) ?? typeof value;
}
