import { formatPath, type Path, type Resource, type SchemaIssue } from '@shiftdown/policy-core';
import type { KubeconformResource } from './output.js';
import { pointerToPath } from '../json-pointer.js';

/** One unknown key named by `additionalProperties 'a', 'b' not allowed`, with its quoted form. */
export interface UnknownKey {
  name: string;
  /** As kubeconform quoted it, e.g. `'imagePullPolicyy'`. */
  quoted: string;
}

const QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;
const ADDITIONAL_PROPERTIES = new RegExp(
  String.raw`^additionalProperties (${QUOTED}(?:, ${QUOTED})*) not allowed$`,
);

/**
 * The keys of an `additionalProperties … not allowed` message (kubeconform's JSON schema library quotes
 * each name Go-style in single quotes and joins them with `, `), or undefined for any other message.
 */
export function parseUnknownKeys(message: string): UnknownKey[] | undefined {
  const match = ADDITIONAL_PROPERTIES.exec(message);
  if (!match) return undefined;
  return [...match[1]!.matchAll(new RegExp(QUOTED, 'g'))].map(([quoted]) => ({
    quoted,
    name: unquoteGo(quoted.slice(1, -1)),
  }));
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Decodes the escapes of a Go `%q` string body (`\n`, `\'`, `\xFF`, `\u00e9`, `\U0001F600`, …). */
export function unquoteGo(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

/** YAML that kubeconform could not read: the core reports the same document as `parse-error` or `duplicate-key`. */
export function isYamlError(result: KubeconformResource): boolean {
  return (
    result.status === 'statusError' &&
    /^error unmarshalling resource:|error converting YAML to JSON/.test(result.msg)
  );
}

const MISSING_SCHEMA = /^could not find schema for (.*)$/;

/**
 * The schema issues of one resource from its kubeconform result: each validation error at its pointer (an
 * unknown key at the key itself, one issue per key), a missing schema as `missing` at `kind`, nothing for
 * YAML errors (the core's `parse-error`/`duplicate-key` cover them) and any other error as `missing` at the root.
 */
export function issuesFromResult(result: KubeconformResource, resource: Resource): SchemaIssue[] {
  switch (result.status) {
    case 'statusInvalid': {
      const errors = result.validationErrors ?? [];
      if (errors.length === 0)
        return [{ type: 'invalid', path: [], message: capitalize(sentence(result.msg)) }];
      return errors.flatMap(({ path: pointer, msg }) =>
        invalidIssues(pointerToPath(pointer, resource.object), msg, resource),
      );
    }
    case 'statusError': {
      const missing = MISSING_SCHEMA.exec(result.msg);
      if (missing) {
        return [
          {
            type: 'missing',
            path: ['kind'],
            message: `kubeconform has no schema for ${resource.kind} ${resource.apiVersion} (${result.msg}).`,
          },
        ];
      }
      if (isYamlError(result)) return [];
      // Anything else (a schema that failed to download or compile) is kubeconform's problem, not the
      // manifest's: the object went unvalidated, which is what `schema-missing` reports.
      return [
        {
          type: 'missing',
          path: [],
          message: `kubeconform could not validate this object: ${sentence(result.msg)}`,
        },
      ];
    }
    default:
      return [];
  }
}

function invalidIssues(path: Path, msg: string, resource: Resource): SchemaIssue[] {
  const unknown = parseUnknownKeys(msg);
  if (unknown) {
    const where = path.length === 0 ? `at the top level of the ${resource.kind}` : `in ${formatPath(path)}`;
    return unknown.map(({ name, quoted }) => ({
      type: 'invalid',
      path: [...path, name],
      message: `Unknown field ${JSON.stringify(name)} ${where} (kubeconform: additionalProperties ${quoted} not allowed).`,
    }));
  }
  return [
    {
      type: 'invalid',
      path,
      message: path.length === 0 ? capitalize(sentence(msg)) : `${formatPath(path)}: ${sentence(msg)}`,
    },
  ];
}

/** `msg` as the end of a sentence: trimmed, with a final period. */
function sentence(msg: string): string {
  const trimmed = msg.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
