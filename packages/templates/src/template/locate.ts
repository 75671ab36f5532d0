import { isNode } from 'yaml';
import type { TemplateDocument } from './discover.js';

/** Line and column of the value at `path` in a template document, or of its nearest ancestor that exists. */
export function locate(template: TemplateDocument, path: readonly (string | number)[]): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? template.document.contents : template.document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const position = template.lineCounter.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return { line: template.line, column: 1 };
}
