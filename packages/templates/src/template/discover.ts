/**
 * Find Backstage software templates: every YAML document with `apiVersion: scaffolder.backstage.io/v1beta3`
 * and `kind: Template` in the files a surface found and read (see `TemplateSource`).
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { compareStrings } from '@shiftdown/policy-core';
import type { TemplateError, TemplateSource } from '../types.js';

export const TEMPLATE_API_VERSION = 'scaffolder.backstage.io/v1beta3';
/** Under a directory, only YAML files can be templates (JSON there is data, e.g. a skeleton's package.json). */
const YAML_FILE = /\.ya?ml$/i;
/** Template files longer than this are not parsed (a template is a few kilobytes). */
const MAX_TEMPLATE_CHARS = 4 * 1024 * 1024;

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

/** The Template documents of the files, in path order; what is wrong with a named file is a located error. */
export function findTemplates(sources: readonly TemplateSource[]): Discovery {
  const discovery: Discovery = { templates: [], errors: [] };
  const ordered = [...sources].sort((a, b) => compareStrings(a.path, b.path));
  for (const source of ordered) {
    if (source.explicit || YAML_FILE.test(source.path)) readTemplates(source, discovery);
  }
  return discovery;
}

function readTemplates(source: TemplateSource, discovery: Discovery): void {
  const { path, text, explicit } = source;
  const fail = (message: string, line = 1, column = 1) =>
    discovery.errors.push({ file: path, line, column, message });
  if (text.length > MAX_TEMPLATE_CHARS) {
    if (explicit)
      fail(
        `file is too large for a template (${text.length} characters; the limit is ${MAX_TEMPLATE_CHARS})`,
      );
    return;
  }
  // Under a directory, only files that mention both are looked at: skeletons there are often not YAML.
  if (!explicit && !(text.includes('scaffolder.backstage.io') && /kind\s*:\s*["']?Template\b/.test(text)))
    return;

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
    discovery.templates.push({
      file: source.absolutePath,
      path,
      line: start.line,
      document,
      lineCounter,
      value,
    });
  }
  if (found === 0 && explicit && !parsed.some((d) => d.errors.length > 0)) {
    fail(
      `not a Backstage software template: no document has apiVersion ${TEMPLATE_API_VERSION} and kind Template`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
