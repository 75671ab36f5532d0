import type { Fix, SourceRange } from '../types.js';

/**
 * Rules write a fix's `replacement` without indentation (`privileged: false`), but a pull request
 * suggestion replaces whole lines. This puts the replacement where the finding is: after the original
 * line's text before the finding (its indentation, or a list item's `- `), keeping a trailing comment.
 * Only a single-line finding that runs to the end of its line (block style) can be rewritten that way;
 * in flow style (`{privileged: true, runAsUser: 0}`) a whole-line replacement would drop the rest of the
 * line, so such a fix keeps its description and `set` but loses its `replacement`.
 */
export function placeReplacement(fix: Fix, line: string | undefined, at: SourceRange): Fix {
  if (fix.replacement === undefined) return fix;
  const { replacement, ...rest } = fix;
  if (line === undefined || at.line !== at.endLine) return rest;
  const before = line.slice(0, at.column - 1);
  const after = line.slice(at.endColumn - 1);
  const trailing = after.trim();
  if (trailing !== '' && !trailing.startsWith('#')) return rest;
  const continuation = before.replace(/[^\t]/g, ' ');
  const lines = replacement.replace(/\n$/, '').split('\n');
  const placed = lines.map((text, i) => (i === 0 ? before : continuation) + text);
  if (trailing !== '') placed[placed.length - 1] += ` ${trailing}`;
  return { ...rest, replacement: placed.join('\n') };
}
