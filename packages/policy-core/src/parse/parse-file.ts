import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { InputError, InputFile, SkippedDocument } from '../types.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { templateReason } from './classify.js';

/** One YAML document of a file, parsed once, with its source positions. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  yaml: Document.Parsed;
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

// Kubernetes decodes manifests with YAML 1.1 semantics (sigs.k8s.io/yaml on go-yaml): `yes`/`on` are
// booleans, `0644` is octal, and merge keys work. Parse the same way so we see what the API server sees.
const PARSE_OPTIONS = { version: '1.1', merge: true, uniqueKeys: true, keepSourceTokens: false, prettyErrors: false } as const;

/** Parse one file into documents. Never throws: every problem becomes a located error. */
export function parseFile(file: InputFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path: file.path, lineCounter, documents: [], errors: [], skipped: [], duplicateKeys: [] };
  const { text } = file;

  if (text.length > limits.maxFileChars) {
    result.errors.push({
      message: `file is too large (${text.length} characters; the limit is ${limits.maxFileChars})`,
      line: 1,
      column: 1,
    });
    return result;
  }
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) {
    result.errors.push({ message: 'file looks binary (it contains control characters), not YAML or JSON', line: 1, column: 1 });
    return result;
  }
  const template = templateReason(text);
  if (template) {
    result.skipped.push({ line: 1, reason: template });
    return result;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (error) {
    result.errors.push({ message: `YAML parser failed: ${errorMessage(error)}`, line: 1, column: 1 });
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs];

  docs.forEach((doc, index) => {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const { line } = lineCounter.linePos(start);
    const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
    for (const error of doc.errors) {
      if (error.code === 'DUPLICATE_KEY') {
        result.duplicateKeys.push(duplicateKeyAt(text, error.pos, lineCounter, index));
      }
    }
    if (fatal.length > 0) {
      for (const error of fatal) {
        const pos = lineCounter.linePos(error.pos[0]);
        result.errors.push({ message: `document ${index + 1}: ${firstLine(error.message)}`, line: pos.line, column: pos.col });
      }
      return;
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
      return;
    }
    result.documents.push({ index, line, yaml: doc, value });
  });
  return result;
}

function duplicateKeyAt(text: string, pos: [number, number], lc: LineCounter, documentIndex: number): DuplicateKey {
  // The parser marks the key's first character; the key runs to the `:` that ends it.
  const keyText = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]*?)(?=\s*:)/.exec(text.slice(pos[0], pos[0] + 1024))?.[0] ?? text.slice(pos[0], pos[1]);
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

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}

