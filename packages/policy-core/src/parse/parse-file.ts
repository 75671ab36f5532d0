import { Composer, LineCounter, Parser } from 'yaml';
import type { Document } from 'yaml';
import type { InputError, InputFile, SkippedDocument } from '../types.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { HELM_TEMPLATE_REASON, hasTemplateActions, looksTemplated, templateReason } from './classify.js';
import { DocumentSource } from './document-source.js';
import { PARSE_OPTIONS } from './options.js';
import { keySourceAt } from './key-text.js';
import { LineStarts } from './line-starts.js';
import { errorMessage, firstLine } from '../util/errors.js';

/** One YAML document of a file, parsed once, with its source positions. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Its syntax tree with positions (possibly released and rebuilt on demand). */
  source: DocumentSource;
  /** The document as plain data (aliases resolved, merge keys applied). */
  value: unknown;
}

export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  documentIndex: number;
}

export interface ParsedFile {
  path: string;
  lineCounter: LineCounter;
  documents: ParsedDocument[];
  errors: InputError[];
  skipped: SkippedDocument[];
  duplicateKeys: DuplicateKey[];
}

/** Parse one file into documents, all held in memory. Never throws: every problem becomes a located error. */
export function parseFile(file: InputFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedFile {
  const opened = openFile(file, limits);
  opened.file.documents = [...opened.documents];
  return opened.file;
}

/**
 * Parse one file lazily: documents are composed one at a time as `documents` is iterated, and errors,
 * skipped documents and duplicate keys are added to `file` as they are met.
 */
export function openFile(
  file: InputFile,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): { file: ParsedFile; documents: Iterable<ParsedDocument> } {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path: file.path, lineCounter, documents: [], errors: [], skipped: [], duplicateKeys: [] };
  return { file: result, documents: iterateDocuments(file, limits, result) };
}

function* iterateDocuments(file: InputFile, limits: ParseLimits, result: ParsedFile): Generator<ParsedDocument> {
  const { lineCounter } = result;
  const { text } = file;

  if (text.length > limits.maxFileChars) {
    result.errors.push({
      message: `file is too large (${text.length} characters; the limit is ${limits.maxFileChars})`,
      line: 1,
      column: 1,
    });
    return;
  }
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) {
    result.errors.push({ message: 'file looks binary (it contains control characters), not YAML or JSON', line: 1, column: 1 });
    return;
  }
  const template = templateReason(text);
  if (template) {
    result.skipped.push({ line: 1, reason: template });
    return;
  }

  // Template actions are looked for per document only in files that have any (rare): not on the hot path.
  const templated = hasTemplateActions(text);
  const lineStarts = new LineStarts(lineCounter, text);
  const parser = new Parser(lineStarts.add);
  const composer = new Composer(PARSE_OPTIONS);
  let index = -1;
  try {
    for (const doc of composer.compose(parser.parse(text), true, text.length) as Iterable<Document.Parsed>) {
      index++;
      const parsed = toParsedDocument(doc, index, file, limits, result, templated);
      if (parsed) yield parsed;
    }
  } catch (error) {
    result.errors.push({ message: `YAML parser failed: ${errorMessage(error)}`, line: 1, column: 1 });
  } finally {
    lineStarts.finish();
  }
}

function toParsedDocument(
  doc: Document.Parsed,
  index: number,
  file: InputFile,
  limits: ParseLimits,
  result: ParsedFile,
  templated: boolean,
): ParsedDocument | undefined {
  const { lineCounter } = result;
  const { text } = file;
  const start = doc.contents?.range?.[0] ?? doc.range[0];
  const { line } = lineCounter.linePos(start);
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      result.duplicateKeys.push(duplicateKeyAt(text, error.pos, lineCounter, index));
    }
  }
  if (fatal.length > 0) {
    // A document that does not parse because of template actions is a template, not broken YAML.
    if (templated && hasTemplateActions(text.slice(doc.range[0], doc.range[2]))) {
      result.skipped.push({ line, reason: HELM_TEMPLATE_REASON });
      return undefined;
    }
    for (const error of fatal) {
      const pos = lineCounter.linePos(error.pos[0]);
      result.errors.push({ message: `document ${index + 1}: ${firstLine(error.message)}`, line: pos.line, column: pos.col });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    result.errors.push({
      message: `document ${index + 1}: ${errorMessage(error)} (alias expansion limit ${limits.maxAliasCount})`,
      line,
      column: 1,
    });
    return undefined;
  }
  if (templated && hasTemplateActions(text.slice(doc.range[0], doc.range[2])) && looksTemplated(value)) {
    result.skipped.push({ line, reason: HELM_TEMPLATE_REASON });
    return undefined;
  }
  return { index, line, source: new DocumentSource(doc, text, lineCounter), value };
}

function duplicateKeyAt(text: string, pos: [number, number], lc: LineCounter, documentIndex: number): DuplicateKey {
  const keyText = keySourceAt(text, pos[0]) || text.slice(pos[0], pos[1]);
  const start = lc.linePos(pos[0]);
  const end = lc.linePos(pos[0] + keyText.length);
  return {
    key: keyText,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    documentIndex,
  };
}

/** Index of the first control character that never occurs in YAML text, or -1. */
function findBinary(text: string): number {
  const limit = Math.min(text.length, 8192);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) return i;
  }
  return -1;
}
