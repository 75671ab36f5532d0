/**
 * `.shiftdown.yaml` → a validated ShiftdownConfig, or errors that say exactly where and what is wrong.
 * Pure: the caller reads the file and passes its text.
 */
import { LineCounter, isScalar, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import type { InputError } from '../types.js';
import type { ShiftdownConfig } from './types.js';
import { walkPath, type PathStep } from '../model/yaml-path.js';
import { keySourceAt, unquoteKey } from '../parse/key-text.js';
import { errorMessage, firstLine } from '../util/errors.js';
import { DEFAULT_PARSE_LIMITS } from '../parse/limits.js';
import {
  dedupe,
  normalise,
  validateValue,
  type ConfigValidationOptions,
  type Problem,
} from './validate-config.js';

export { validateConfigObject } from './validate-config.js';
export type { ConfigProblem, ConfigValidationOptions, ValidateConfigResult } from './validate-config.js';

export interface ParseConfigResult {
  /** Present when there are no errors. */
  config?: ShiftdownConfig;
  errors: InputError[];
}

/**
 * Parse and validate `.shiftdown.yaml`. An empty file (or one with only comments) is an empty config.
 * Never throws: YAML syntax errors and schema violations come back as located errors (1-based line
 * and column of the offending key or value).
 */
export function parseConfig(
  text: string,
  path: string,
  options: ConfigValidationOptions = {},
): ParseConfigResult {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = [
      ...parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true }),
    ] as Document.Parsed[];
  } catch (error) {
    return { errors: [{ message: `invalid YAML: ${errorMessage(error)}`, line: 1, column: 1 }] };
  }
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  const syntaxErrors: InputError[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      const message =
        error.code === 'DUPLICATE_KEY'
          ? `duplicate key ${JSON.stringify(unquoteKey(keySourceAt(text, error.pos[0])))}: each key may appear only once in a mapping`
          : `invalid YAML: ${firstLine(error.message)}`;
      syntaxErrors.push({ message, ...at(error.pos[0]) });
    }
  }
  if (syntaxErrors.length > 0) return { errors: sortErrors(syntaxErrors) };

  const contentDocs = docs.filter(
    (doc) => doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null),
  );
  if (contentDocs.length > 1) {
    const second = contentDocs[1]!;
    return {
      errors: [
        {
          message:
            'the config file must contain one YAML document (remove the `---` and merge the documents)',
          ...at(second.contents?.range?.[0] ?? second.range[0]),
        },
      ],
    };
  }
  const doc = contentDocs[0];
  if (!doc) return { config: { path }, errors: [] };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: DEFAULT_PARSE_LIMITS.maxAliasCount });
  } catch (error) {
    return {
      errors: [{ message: `invalid YAML: ${errorMessage(error)}`, ...at(doc.contents?.range?.[0] ?? 0) }],
    };
  }

  const problems = validateValue(value, options);
  if (problems.length > 0) {
    const errors = problems.map((problem) => locateProblem(problem, doc, text, at));
    return { errors: sortErrors(dedupe(errors)) };
  }
  const exemptionAt = (index: number) => {
    const steps = walkPath(doc, ['exemptions', index]);
    const node = steps.length === 3 ? steps[2]!.node : undefined;
    return node?.range ? at(node.range[0]) : undefined;
  };
  return { config: normalise(value as Record<string, unknown>, path, exemptionAt), errors: [] };
}

function locateProblem(
  problem: Problem,
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => { line: number; column: number },
): InputError {
  const steps = walkPath(doc, problem.path);
  const last = steps[steps.length - 1];
  if (!last) return { message: problem.message, line: 1, column: 1 };
  const exact = steps.length === problem.path.length + 1;
  const keyOffset = (step: PathStep) => (step.pair?.key as Node | undefined)?.range?.[0];
  const nodeOffset = (step: PathStep) => step.node.range?.[0];

  let offset: number | undefined;
  let message = problem.message;
  if (!exact || problem.target === 'key') {
    offset = keyOffset(last) ?? nodeOffset(last);
  } else {
    const { node } = last;
    const empty = isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
    offset = empty ? (keyOffset(last) ?? nodeOffset(last)) : (nodeOffset(last) ?? keyOffset(last));
    if (problem.quoteHint && isScalar(node) && node.range) {
      const source = text.slice(node.range[0], node.range[1]);
      message += `; write it in quotes: "${source}"`;
    }
  }
  return { message, ...at(offset ?? 0) };
}

function sortErrors(errors: InputError[]): InputError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}
