/**
 * Validation of a config value against the `.shiftdown.yaml` schema, with messages written for people
 * (did-you-mean, "got …", quoting hints). Positions are added by `parseConfig`, which knows the source.
 */
import type { ErrorObject } from 'ajv';
import type { Path } from '../types.js';
import type { Exemption, ShiftdownConfig } from './types.js';
import { formatPath } from '../model/locate.js';
import { isObject as isRecord } from '../model/values.js';
import { didYouMean } from '../util/did-you-mean.js';
import { customRuleErrors } from '../custom/custom-rules.js';
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
import { describeValue, lazyValidator, pointerToPath } from '../util/ajv-values.js';

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

export interface ValidateConfigResult {
  /** Present when there are no errors. */
  config?: ShiftdownConfig;
  errors: ConfigProblem[];
}

export interface Problem extends ConfigProblem {
  /** A number where a string is expected: suggest quoting the source text. */
  quoteHint?: boolean;
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

// Validation

const validator = lazyValidator(CONFIG_SCHEMA);

export function validateValue(value: unknown, options: ConfigValidationOptions): Problem[] {
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
  const path = pointerToPath(error.instancePath, root);
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
  if (Array.isArray(data.customRules)) {
    data.customRules.forEach((rule, index) => {
      if (!isRecord(rule)) return;
      for (const [field, message] of customRuleErrors(rule)) {
        const path: Path = ['customRules', index, field];
        problems.push({ message: `${formatPath(path)}: ${message}`, path, target: 'value' });
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

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Normalisation

export function normalise(
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

function withoutPath(value: Record<string, unknown>): Record<string, unknown> {
  const { path: _path, ...rest } = value;
  return rest;
}

export function dedupe<T extends { message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
