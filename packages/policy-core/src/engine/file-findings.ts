import type { Finding, RuleMeta, Severity } from '../types.js';
import { fnv1a64 } from '../util/hash.js';

interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A finding about a file rather than a resource (parse errors, duplicate keys, rule crashes). */
export function fileFinding(
  meta: RuleMeta,
  severity: Severity,
  file: string,
  at: Position,
  message: string,
  key: string = message,
): Finding {
  return {
    ruleId: meta.id,
    severity,
    category: meta.category,
    message,
    file,
    line: at.line,
    column: at.column,
    endLine: at.endLine ?? at.line,
    endColumn: at.endColumn ?? at.column,
    resource: { kind: 'File', name: file },
    fingerprint: fnv1a64([meta.id, file, key].join('\u0000')),
  };
}
