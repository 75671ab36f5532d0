import type { PreparedTemplateContext, TemplateRenderer } from 'nunjitsu';
import { markSource, readMarkers } from './markers.js';
import { AlignmentMap, MarkerMap, type SourceMap } from './source-map.js';

export interface RenderedText {
  text: string;
  map: SourceMap;
}

/**
 * Render a skeleton file's contents and map every rendered line back to it. The plain render is the
 * output (errors from it carry the skeleton's own line and column); the marked render only locates lines,
 * and is used only when, without its markers, it is exactly the plain output. When it is not (a marker
 * changed what a template computed from its own text, e.g. `{% set %}` blocks compared as strings), lines
 * are matched by content instead and the map says it is approximate.
 */
export function renderWithMap(
  source: string,
  renderer: TemplateRenderer,
  context: PreparedTemplateContext,
  cookiecutterCompat: boolean,
): RenderedText {
  const text = renderer.render(source, context);
  const skeletonLines = source.split('\n');
  try {
    const marked = markSource(source, cookiecutterCompat);
    const read = readMarkers(renderer.render(marked.text, context));
    if (read.text === text) return { text, map: new MarkerMap(marked.anchors, read.lines, skeletonLines) };
  } catch {
    // The lexer or the marked render failed where the plain render did not: align instead.
  }
  return { text, map: new AlignmentMap(skeletonLines, text.split('\n')) };
}
