/**
 * `.shiftdown.yaml` → a validated ShiftdownConfig, or errors that say exactly where and what is wrong.
 * Pure: the caller reads the file and passes its text.
 */
// The named export: under NodeNext the default import of this CommonJS package types as its namespace.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { InputError, Path } from '../types.js';
import type { Exemption, ShiftdownConfig } from './types.js';
import { formatPath } from '../model/locate.js';
import {
  CONFIG_SCHEMA,
  DATE_PATTERN,
  DOTTED_PATH_PATTERN,
  KUBERNETES_VERSION_PATTERN,
  NON_EMPTY_PATTERN,
  PSS_VERSION_PATTERN,
  RULE_ID_OR_ALL_PATTERN,
  RULE_ID_PATTERN,
} from './schema.js';

/** One problem with a config value, independent of where the value came from. */
export interface ConfigProblem {
  /** Human message, starting with the dotted path of the value (e.g. `exemptions[0]: "reason" is required`). */
  message: string;
  /** Path of the value the message is about. */
  path: Path;
  /**
   * What a located message points at: `key` — the key named by the last path segment (an unknown key,
   * or the parent of a missing one); `value` — the value at `path`.
   */
  target: 'key' | 'value';
}

export interface ConfigValidationOptions {
  /**
   * Every rule id the caller knows (built-in, plugin and custom rules). When given, a `rules:` entry
   * naming another id is an error (with a did-you-mean suggestion) instead of being ignored.
   */
  knownRuleIds?: ReadonlySet<string>;
}

export interface ParseConfigResult {
  /** Present when there are no errors. */
  config?: ShiftdownConfig;
  errors: InputError[];
}

export interface ValidateConfigResult {
  /** Present when there are no errors. */
  config?: ShiftdownConfig;
  errors: ConfigProblem[];
}

interface Problem extends ConfigProblem {
  /** A number where a string is expected: suggest quoting the source text. */
  quoteHint?: boolean;
}

const MAX_ALIAS_COUNT = 1000;

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
          ? `duplicate key ${JSON.stringify(keyTextAt(text, error.pos[0]))}: each key may appear only once in a mapping`
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
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
    const steps = walk(doc, ['exemptions', index]);
    const node = steps.length === 3 ? steps[2]!.node : undefined;
    return node?.range ? at(node.range[0]) : undefined;
  };
  return { config: normalise(value as Record<string, unknown>, path, exemptionAt), errors: [] };
}

/**
 * Validate a config built in code (e.g. from GitHub Action inputs or a Backstage app-config) against
 * the same schema. Errors carry paths and messages but no positions.
 */
export function validateConfigObject(
  value: unknown,
  options: ConfigValidationOptions = {},
): ValidateConfigResult {
  // `path` is set by whoever loaded the config, never written in the file; accept it in code-built configs.
  const raw = value === undefined || value === null ? {} : value;
  const input = isRecord(raw) ? withoutPath(raw) : raw;
  const problems = validateValue(input, options);
  if (problems.length > 0)
    return { errors: problems.map(({ message, path, target }) => ({ message, path, target })) };
  const record = input as Record<string, unknown>;
  const path = isRecord(raw) && typeof raw.path === 'string' ? raw.path : undefined;
  return { config: normalise(record, path), errors: [] };
}

// ---------------------------------------------------------------------------------------------------
// Validation

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // `verbose` gives each error its parent schema (for did-you-mean) and data (for "got …").
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      logger: false,
    });
    compiled = ajv.compile(CONFIG_SCHEMA as unknown as Record<string, unknown>);
  }
  return compiled;
}

function validateValue(value: unknown, options: ConfigValidationOptions): Problem[] {
  const data = value;
  const validate = validator();
  const problems: Problem[] = [];
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // oneOf/anyOf failures are explained once, by the combined message, not by each branch.
    const combined = errors
      .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
      .map((e) => `${e.schemaPath}/`);
    for (const error of errors) {
      if (combined.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
      const problem = ajvProblem(error, data);
      if (problem) problems.push(problem);
    }
  }
  problems.push(...semanticProblems(data, options));
  return dedupe(problems);
}

function ajvProblem(error: ErrorObject, root: unknown): Problem | undefined {
  const path = toPath(error.instancePath, root);
  const prefix = path.length > 0 ? `${formatPath(path)}: ` : '';
  // Value errors about the whole file read "the config must be …".
  const valuePrefix = path.length > 0 ? prefix : 'the config ';
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyPath = [...path, key];
      if (isRecord(parentSchema.patternProperties)) {
        const what =
          path[0] === 'namespaces'
            ? 'namespace name (lowercase letters, digits and "-")'
            : 'rule id (lowercase kebab-case, e.g. privileged-container)';
        return {
          message: `${prefix}${JSON.stringify(key)} is not a valid ${what}`,
          path: keyPath,
          target: 'key',
        };
      }
      const allowed = isRecord(parentSchema.properties) ? Object.keys(parentSchema.properties) : [];
      const suggestion = didYouMean(key, allowed);
      const hint = suggestion
        ? ` (did you mean ${JSON.stringify(suggestion)}?)`
        : allowed.length > 0
          ? ` (expected one of: ${allowed.join(', ')})`
          : '';
      return { message: `${prefix}unknown key ${JSON.stringify(key)}${hint}`, path: keyPath, target: 'key' };
    }
    case 'required':
      return {
        message: `${prefix}${JSON.stringify(String(params.missingProperty))} is required`,
        path,
        target: 'key',
      };
    case 'oneOf':
    case 'anyOf': {
      // `required` branches pass on anything that is not a mapping: its type error says enough.
      if (!isRecord(error.data)) return undefined;
      const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
      const keys = branches.flatMap((b) =>
        isRecord(b) && Array.isArray(b.required) ? (b.required as string[]) : [],
      );
      if (keys.length === branches.length && keys.length > 0) {
        const names = keys.map((k) => JSON.stringify(k));
        const passing = params.passingSchemas;
        if (Array.isArray(passing) && passing.length > 1) {
          return { message: `${prefix}use either ${names.join(' or ')}, not both`, path, target: 'key' };
        }
        return {
          message: `${prefix}needs ${names.join(' or ')}${path[0] === 'exemptions' ? ' (the rule ids it covers, or "*")' : ''}`,
          path,
          target: 'key',
        };
      }
      return { message: `${valuePrefix}${error.message ?? 'is invalid'}`, path, target: 'value' };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      const hint = suggestion
        ? ` (did you mean ${JSON.stringify(suggestion)}?)`
        : typeof error.data === 'string'
          ? ''
          : ` (got ${describeValue(error.data)})`;
      return {
        message: `${valuePrefix}must be one of ${allowed.join(', ')}${hint}`,
        path,
        target: 'value',
      };
    }
    case 'type': {
      const expected = String(params.type);
      return {
        message: `${valuePrefix}must be ${TYPE_NAMES[expected] ?? expected} (got ${describeValue(error.data)})`,
        path,
        target: 'value',
        ...(expected === 'string' && typeof error.data === 'number' && { quoteHint: true }),
      };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      const rule = PATTERN_MESSAGES[pattern] ?? `must match ${pattern}`;
      const got = pattern === NON_EMPTY_PATTERN ? '' : ` (got ${describeValue(error.data)})`;
      return { message: `${prefix}${rule}${got}`, path, target: 'value' };
    }
    case 'minimum':
      return {
        message: `${prefix}must be at least ${String(params.limit)} (got ${describeValue(error.data)})`,
        path,
        target: 'value',
      };
    case 'maximum':
      return {
        message: `${prefix}must be at most ${String(params.limit)} (got ${describeValue(error.data)})`,
        path,
        target: 'value',
      };
    case 'minLength':
    case 'minItems':
      return { message: `${prefix}must not be empty`, path, target: 'value' };
    default:
      return { message: `${valuePrefix}${error.message ?? 'is invalid'}`, path, target: 'value' };
  }
}

/** Checks the schema cannot express: real calendar dates, known rule ids. */
function semanticProblems(data: unknown, options: ConfigValidationOptions): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(data)) return problems;
  if (Array.isArray(data.exemptions)) {
    data.exemptions.forEach((exemption, index) => {
      if (!isRecord(exemption) || typeof exemption.expires !== 'string') return;
      if (new RegExp(DATE_PATTERN).test(exemption.expires) && !isCalendarDate(exemption.expires)) {
        const path: Path = ['exemptions', index, 'expires'];
        problems.push({
          message: `${formatPath(path)}: ${exemption.expires} is not a calendar date`,
          path,
          target: 'value',
        });
      }
    });
  }
  const known = options.knownRuleIds;
  if (known && isRecord(data.rules)) {
    for (const id of Object.keys(data.rules)) {
      if (known.has(id) || !new RegExp(RULE_ID_PATTERN).test(id)) continue;
      const suggestion = didYouMean(id, known);
      problems.push({
        message: `rules: unknown rule ${JSON.stringify(id)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ' (see `shiftdown rules`)'}`,
        path: ['rules', id],
        target: 'key',
      });
    }
  }
  return problems;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
};

const PATTERN_MESSAGES: Record<string, string> = {
  [RULE_ID_OR_ALL_PATTERN]: 'must be a rule id (lowercase kebab-case, e.g. privileged-container) or "*"',
  [PSS_VERSION_PATTERN]: 'must be "latest" or a version v1.N (e.g. v1.33)',
  [KUBERNETES_VERSION_PATTERN]: 'must be a Kubernetes version 1.N (e.g. "1.33")',
  [DATE_PATTERN]: 'must be a date YYYY-MM-DD (e.g. 2026-03-31)',
  [NON_EMPTY_PATTERN]: 'must not be empty',
  [DOTTED_PATH_PATTERN]: 'must be a dotted path such as spec.template.spec',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** JSON pointer → path, with array indexes as numbers (found by walking the data). */
function toPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------------
// Normalisation

function normalise(
  value: Record<string, unknown>,
  path: string | undefined,
  exemptionAt?: (index: number) => { line: number; column: number } | undefined,
): ShiftdownConfig {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const config = copy as ShiftdownConfig;
  if (path !== undefined) config.path = path;
  if (Array.isArray(copy.exemptions)) {
    config.exemptions = (copy.exemptions as Record<string, unknown>[]).map((raw, index) => {
      const { rule, rules, ...rest } = raw;
      const exemption = {
        ...rest,
        rules: Array.isArray(rules) ? (rules as string[]) : [rule as string],
      } as Exemption;
      const position = exemptionAt?.(index);
      if (position) {
        exemption.line = position.line;
        exemption.column = position.column;
      }
      return exemption;
    });
  }
  return config;
}

// ---------------------------------------------------------------------------------------------------
// Locating problems in the YAML source

interface Step {
  node: Node;
  /** The pair whose value is `node` (undefined for sequence items and the root). */
  pair?: Pair;
}

function locateProblem(
  problem: Problem,
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => { line: number; column: number },
): InputError {
  const steps = walk(doc, problem.path);
  const last = steps[steps.length - 1];
  if (!last) return { message: problem.message, line: 1, column: 1 };
  const exact = steps.length === problem.path.length + 1;
  const keyOffset = (step: Step) => (step.pair?.key as Node | undefined)?.range?.[0];
  const nodeOffset = (step: Step) => step.node.range?.[0];

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

/** The nodes along `path`, as far as they exist (aliases followed, merge keys searched). */
function walk(doc: Document.Parsed, path: Path): Step[] {
  const root = doc.contents as Node | null;
  if (!root) return [];
  const steps: Step[] = [{ node: deref(doc, root) }];
  for (const segment of path) {
    const current = steps[steps.length - 1]!.node;
    let next: Step | undefined;
    if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as Node | undefined;
      next = item ? { node: deref(doc, item) } : undefined;
    } else if (isMap(current)) {
      next = findInMap(doc, current, String(segment), 0);
    }
    if (!next) break;
    steps.push(next);
  }
  return steps;
}

function findInMap(doc: Document.Parsed, map: YAMLMap, key: string, depth: number): Step | undefined {
  if (depth > 16) return undefined;
  let found: Step | undefined;
  const merges: Node[] = [];
  for (const pair of map.items as Pair[]) {
    const keyNode = pair.key as Node | null;
    const keyValue = isScalar(keyNode) ? keyNode.value : undefined;
    if (typeof keyValue === 'symbol' || (keyValue === '<<' && isAlias(pair.value))) {
      if (pair.value) merges.push(pair.value as Node);
      continue;
    }
    if (String(keyValue) === key)
      found = pair.value ? { node: deref(doc, pair.value as Node), pair } : { node: keyNode!, pair };
  }
  if (found) return found;
  for (const merge of merges) {
    const source = deref(doc, merge);
    for (const candidate of isSeq(source) ? source.items.map((n) => deref(doc, n as Node)) : [source]) {
      const hit = isMap(candidate) ? findInMap(doc, candidate, key, depth + 1) : undefined;
      if (hit) return hit;
    }
  }
  return undefined;
}

function deref(doc: Document.Parsed, node: Node): Node {
  let current = node;
  for (let i = 0; i < 16 && isAlias(current); i++) {
    const target = current.resolve(doc) as Node | undefined;
    if (!target) break;
    current = target;
  }
  return current;
}

/** The text of the key that starts at `offset` (up to its `:`). */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 256);
  const quoted = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*')/.exec(rest);
  if (quoted) return quoted[1]!.slice(1, -1);
  return (/^[^:\n]*?(?=\s*:(?:\s|$))/.exec(rest)?.[0] ?? rest.split('\n')[0] ?? '').trim();
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/**
 * The candidate closest to `input` (case-insensitive edit distance with transpositions), when it is
 * close enough to be a likely typo; or the only candidate containing `input` (e.g. `restricted` →
 * `pss-restricted`).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const containing: string[] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    if (hay === needle) return candidate;
    const distance = editDistance(needle, hay);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    if (needle.length >= 4 && hay.includes(needle)) containing.push(candidate);
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3)))
    return best;
  return containing.length === 1 ? containing[0] : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(value);
    }
  }
  return rows[a.length]![b.length]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutPath(value: Record<string, unknown>): Record<string, unknown> {
  const { path: _path, ...rest } = value;
  return rest;
}

function dedupe<T extends { message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortErrors(errors: InputError[]): InputError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}
