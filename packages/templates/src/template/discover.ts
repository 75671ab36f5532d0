/**
 * Find Backstage software templates: every YAML document with `apiVersion: scaffolder.backstage.io/v1beta3`
 * and `kind: Template` in the named files, or in the YAML files under the named directories.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { TemplateError } from '../types.js';
import { compareStrings, displayPath } from '../paths.js';

export const TEMPLATE_API_VERSION = 'scaffolder.backstage.io/v1beta3';
const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/** Template files bigger than this are not read (a template is a few kilobytes). */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

/** One Template document, with what is needed to locate its fields. */
export interface TemplateDocument {
  /** Absolute path of the file. */
  file: string;
  /** Display path of the file. */
  path: string;
  /** 1-based line where the document starts. */
  line: number;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data. */
  value: Record<string, unknown>;
}

export interface Discovery {
  templates: TemplateDocument[];
  errors: TemplateError[];
}

/** Thrown when named paths do not exist (a usage error, not a finding). */
export class MissingPathError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(paths.length === 1 ? `path not found: ${paths[0]}` : `paths not found: ${paths.join(', ')}`);
    this.name = 'MissingPathError';
  }
}

export async function discoverTemplates(paths: readonly string[], cwd: string): Promise<Discovery> {
  const targets: { absolute: string; explicit: boolean }[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) missing.push(path);
    else if (info.isDirectory()) for (const file of await yamlFilesUnder(absolute)) targets.push({ absolute: file, explicit: false });
    else targets.push({ absolute, explicit: true });
  }
  if (missing.length > 0) throw new MissingPathError(missing);

  const seen = new Map<string, boolean>();
  for (const target of targets) seen.set(target.absolute, (seen.get(target.absolute) ?? false) || target.explicit);
  const discovery: Discovery = { templates: [], errors: [] };
  const files = [...seen].sort(([a], [b]) => compareStrings(a, b));
  for (const [file, explicit] of files) await readTemplates(file, displayPath(cwd, file), explicit, discovery);
  return discovery;
}

async function readTemplates(file: string, path: string, explicit: boolean, discovery: Discovery): Promise<void> {
  const fail = (message: string, line = 1, column = 1) => discovery.errors.push({ file: path, line, column, message });
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_TEMPLATE_BYTES) {
      if (explicit) fail(`file is too large for a template (${info.size} bytes; the limit is ${MAX_TEMPLATE_BYTES})`);
      return;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`cannot read the file: ${(error as Error).message}`);
    return;
  }
  // Under a directory, only files that mention both are looked at: skeletons there are often not YAML.
  if (!explicit && !(text.includes('scaffolder.backstage.io') && /kind\s*:\s*["']?Template\b/.test(text))) return;

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const parsed = Array.isArray(documents) ? documents : [];
  let found = 0;
  for (const document of parsed) {
    const start = lineCounter.linePos(document.contents?.range[0] ?? document.range[0]);
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const at = lineCounter.linePos(error.pos[0]);
        fail(`invalid YAML: ${error.message.split('\n')[0]}`, at.line, at.col);
      }
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      fail(`invalid YAML: ${(error as Error).message}`, start.line, start.col);
      continue;
    }
    if (!isRecord(value) || value.kind !== 'Template') continue;
    if (value.apiVersion !== TEMPLATE_API_VERSION) {
      fail(
        `unsupported template apiVersion ${JSON.stringify(value.apiVersion)}: only ${TEMPLATE_API_VERSION} templates can be checked`,
        start.line,
        start.col,
      );
      found++;
      continue;
    }
    found++;
    discovery.templates.push({ file, path, line: start.line, document, lineCounter, value });
  }
  if (found === 0 && explicit && !parsed.some((d) => d.errors.length > 0)) {
    fail(`not a Backstage software template: no document has apiVersion ${TEMPLATE_API_VERSION} and kind Template`);
  }
}

/** YAML files under a directory, recursively; symbolic links are not followed. */
async function yamlFilesUnder(directory: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const absolute = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await yamlFilesUnder(absolute)));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(absolute);
  }
  return files;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
