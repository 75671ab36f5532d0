import { Ajv, type ErrorObject } from 'ajv';
import { formatPath } from '@shiftdown/policy-core';
import { pointerToPath } from '../../json-pointer.js';
import { allowedValues } from '../messages.js';
import type { CompiledValidator } from '../kubernetes-models.js';
import type { JsonObject } from './definitions.js';
import { toAjvSchema } from './structural.js';

export type CompileResult = { validate: CompiledValidator } | { error: string };

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The formats checked in custom resources: those with one unambiguous meaning that the API server also
 * checks. Every other format is ignored (dropped from the schema before compiling, never an error).
 */
const FORMATS: Readonly<Record<string, { type: 'string' | 'number'; validate: (value: never) => boolean }>> =
  {
    int32: {
      type: 'number',
      validate: (value: number) => Number.isInteger(value) && value >= INT32.min && value <= INT32.max,
    },
    int64: { type: 'number', validate: (value: number) => Number.isInteger(value) },
    float: { type: 'number', validate: () => true },
    double: { type: 'number', validate: () => true },
    byte: { type: 'string', validate: (value: string) => BASE64.test(value) },
    date: { type: 'string', validate: (value: string) => DATE.test(value) && validDate(value) },
    'date-time': {
      type: 'string',
      validate: (value: string) => DATE_TIME.test(value) && validDate(value.slice(0, 10)),
    },
  };

export const KNOWN_FORMATS: ReadonlySet<string> = new Set(Object.keys(FORMATS));

/**
 * Checks and compiles CRD schemas with one ajv instance, once per schema object (a CRD version's
 * openAPIV3Schema; CRDs passed in the options keep their objects across scans, so their compiled validators
 * are reused). Compiling is the expensive part (a large CRD takes a second or more), so it happens only for
 * schemas a custom resource of the scan needs; a CustomResourceDefinition itself only gets the check
 * (translation plus ajv's meta-schema validation), which finds the schemas that would not compile.
 */
export class CrdSchemaCompiler {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    unicodeRegExp: false,
    addUsedSchema: false,
    // The schema was just validated by check(); unoptimised code generation halves the compile time.
    validateSchema: false,
    code: { optimize: false },
  });
  private readonly checked = new WeakMap<JsonObject, { translated: JsonObject } | { error: string }>();
  private readonly compiled = new WeakMap<JsonObject, CompileResult>();

  constructor() {
    for (const [name, format] of Object.entries(FORMATS)) this.ajv.addFormat(name, format as never);
  }

  /** Why the schema cannot be used, or undefined when it can. */
  check(schema: JsonObject): string | undefined {
    const result = this.translate(schema);
    return 'error' in result ? result.error : undefined;
  }

  compile(schema: JsonObject): CompileResult {
    let result = this.compiled.get(schema);
    if (!result) {
      const translated = this.translate(schema);
      result =
        'error' in translated
          ? translated
          : attempt(() => ({ validate: this.ajv.compile(translated.translated) as CompiledValidator }));
      this.compiled.set(schema, result);
    }
    return result;
  }

  private translate(schema: JsonObject): { translated: JsonObject } | { error: string } {
    let result = this.checked.get(schema);
    if (!result) {
      result = attempt(() => {
        const translated = toAjvSchema(schema, KNOWN_FORMATS) as JsonObject;
        if (!this.ajv.validateSchema(translated)) throw new Error(metaSchemaError(this.ajv.errors));
        return { translated };
      });
      this.checked.set(schema, result);
    }
    return result;
  }
}

function attempt<T>(run: () => T): T | { error: string } {
  try {
    return run();
  } catch (error) {
    return { error: error instanceof Error ? firstLine(error.message) : String(error) };
  }
}

/** The first precise meta-schema error, e.g. `properties.spec.type must be one of "array", "boolean", …`. */
function metaSchemaError(errors: readonly ErrorObject[] | null | undefined): string {
  const error = errors?.find(({ keyword }) => keyword !== 'anyOf' && keyword !== 'oneOf') ?? errors?.[0];
  if (!error) return 'the schema is not a valid JSON schema';
  const at =
    error.instancePath === '' ? 'the schema' : formatPath(pointerToPath(error.instancePath, undefined));
  const allowed = error.params.allowedValues;
  const detail = Array.isArray(allowed)
    ? `must be one of ${allowedValues(allowed)}`
    : (error.message ?? error.keyword);
  return `${at} ${detail}`;
}

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
