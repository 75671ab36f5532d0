import { LineCounter, parseDocument } from 'yaml';
import { isRecord } from './discover.js';

/**
 * A parameter values file (the CLI's `--values`, the Action's `template-values`) as parsed: the mapping,
 * or its YAML errors located as `file:line:col: message`, or `notAMapping` (valid YAML of another shape).
 */
export type ParsedTemplateValues =
  { values: Record<string, unknown> } | { errors: string[] } | { notAMapping: true };

/** Parse a values file (YAML or JSON) read from `path`; nothing is thrown. */
export function parseTemplateValues(text: string, path: string): ParsedTemplateValues {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number, message: string): string => {
    const position = lineCounter.linePos(offset);
    return `${path}:${position.line}:${position.col}: ${message.split('\n')[0]}`;
  };
  if (document.errors.length > 0) return { errors: document.errors.map((e) => at(e.pos[0], e.message)) };
  let value: unknown;
  try {
    // As many aliases as a template may use (templates are read with the same limit).
    value = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return {
      errors: [at(document.contents?.range[0] ?? 0, error instanceof Error ? error.message : String(error))],
    };
  }
  return isRecord(value) ? { values: value } : { notAMapping: true };
}
