/**
 * CEL (the expression language of Kubernetes ValidatingAdmissionPolicy and CRD validation rules),
 * evaluated with @bufbuild/cel. Values are converted the way the API server presents them to CEL:
 * mappings become maps, whole numbers become `int`, other numbers `double`.
 */
import { CelScalar, celEnv, celFunc, isCelError, isCelList, isCelMap, parse, plan, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

export interface CompiledExpression {
  /** Evaluates against the bindings; returns the value or an Error (never throws). */
  evaluate(bindings: Readonly<Record<string, unknown>>): unknown;
}

export type CompileResult = { expression: CompiledExpression } | { error: string };

// The CEL spec defines `matches` both as a method and as a global function; @bufbuild/cel ships the
// method only, and Kubernetes policies use both forms.
const globalMatches = celFunc('matches', [CelScalar.STRING, CelScalar.STRING], CelScalar.BOOL, (text, pattern) =>
  new RegExp(pattern, 'u').test(text),
);

const ENV = celEnv({ funcs: [...strings, globalMatches] });

/** Errors that come from a function this evaluator lacks (Kubernetes CEL libraries), not from the object. */
export function isUnsupportedFunctionError(message: string): boolean {
  return /no matching overload|unbound function|unknown function|undeclared reference to '[a-z]/i.test(message);
}

/** Parse and plan an expression once; syntax errors come back as a message with line:column. */
export function compileCel(source: string): CompileResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch (error) {
    return { error: cleanMessage(error instanceof Error ? error.message : String(error)) };
  }
  const program = plan(ENV, parsed);
  return {
    expression: {
      evaluate(bindings) {
        const input: Record<string, CelInput> = {};
        for (const [name, value] of Object.entries(bindings)) input[name] = toCel(value);
        try {
          const result = program(input);
          return isCelError(result) ? new Error(cleanMessage(result.message)) : fromCel(result);
        } catch (error) {
          return new Error(cleanMessage(error instanceof Error ? error.message : String(error)));
        }
      },
    },
  };
}

// Resources are immutable during a scan: convert each object once, however many rules read it.
const converted = new WeakMap<object, CelInput>();

/** JSON-like value → CEL input. */
export function toCel(value: unknown): CelInput {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value !== 'object') return value as CelInput;
  if (value instanceof Map) return value as CelInput;
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  const result: CelInput = Array.isArray(value)
    ? value.map(toCel)
    : new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  converted.set(value, result);
  return result;
}

/** CEL result → plain JS (int → number, maps → objects, lists → arrays), for messages and tests. */
export function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (isCelMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value.entries()) out[String(k)] = fromCel(v);
    return out;
  }
  if (isCelList(value)) return [...value].map(fromCel);
  return value;
}

function cleanMessage(message: string): string {
  return message.replace(/^<input>:/, '');
}
