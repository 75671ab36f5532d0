import { CST, Lexer } from 'yaml';
import { isObject } from '../model/values.js';

/**
 * Recognise input that is YAML but not a Kubernetes object, so it can be skipped with a reason
 * instead of producing noise: CI workflows, Compose files, Helm chart metadata, unrendered templates.
 */

const HELM_ACTION =
  /\{\{-?\s*(?:if|else|end|range|with|define|include|template|block|toYaml|tpl|\$\w*\s*:=|\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\.Template)\b|\{\{-?\s*\.(?:Values|Release|Chart|Capabilities|Files)\b/;

// A template action at the very start of a line is never part of rendered YAML (rendered manifests
// carry Go templates only inside indented string values, e.g. Istio's injection templates).
const TOP_LEVEL_ACTION = /^\{\{/m;

export const HELM_TEMPLATE_REASON = 'unrendered Helm/Go template (render it first, e.g. `helm template`, then scan the output)';

/** True when text contains Go template actions of the kinds Helm charts use. */
export function hasTemplateActions(text: string): boolean {
  return HELM_ACTION.test(text);
}

/**
 * For a document that parsed although its text has template actions: true when the actions sit where
 * YAML structure or whole values are (`name: {{ include … }}` parses as a flow-mapping key; `image:
 * "{{ .Values.image }}"` is a quoted action), rather than inside longer strings such as the injection
 * templates rendered manifests carry as data.
 */
export function looksTemplated(value: unknown): boolean {
  let budget = 20000;
  const visit = (node: unknown, depth: number): boolean => {
    if (--budget < 0 || depth > 64) return false;
    if (typeof node === 'string') return !node.includes('\n') && /^\s*\{\{/.test(node) && /\}\}\s*$/.test(node) && HELM_ACTION.test(node);
    if (Array.isArray(node)) return node.some((item) => visit(item, depth + 1));
    if (typeof node === 'object' && node !== null) {
      return Object.entries(node).some(([key, item]) => key.startsWith('{') || visit(item, depth + 1));
    }
    return false;
  };
  return visit(value, 0);
}

/** Returns a reason when the whole file is an unrendered template rather than YAML to check. */
export function templateReason(text: string): string | undefined {
  if (TOP_LEVEL_ACTION.test(text) && HELM_ACTION.test(text)) return HELM_TEMPLATE_REASON;
  return backstageTemplateReason(text);
}

/*
 * Backstage software-template skeletons (nunjucks with `${{ }}` variables). A placeholder stands for a value
 * only known once rendered, and `{% if %}`/`{% for %}` decide which lines exist at all, so no finding on the
 * raw file can be trusted (`privileged: ${{ values.privileged }}` may render true or false): the whole file
 * is skipped, pointing at `shiftdown template check`, which renders it and reports at the skeleton's lines.
 * What does not make a file a template: a placeholder inside a YAML comment (it renders into the comment
 * and cannot change the manifest), an unclosed `${{`, and nunjucks-like tags carried as data in quoted or
 * block scalars (Jinja templates in a rendered ConfigMap).
 */
// A whole placeholder, possibly spanning lines or holding braces (`${{ values.x | default({}) }}`).
const BACKSTAGE_PLACEHOLDER = /\$\{\{[\s\S]{0,2000}?\}\}/g;
// A nunjucks statement or comment: these change the structure of what renders.
const NUNJUCKS_TAG =
  /\{%-?\s*(?:if|elif|elseif|else|endif|for|endfor|set|endset|raw|endraw|verbatim|endverbatim|macro|endmacro|call|endcall|filter|endfilter|include|import|from|extends|block|endblock)\b[\s\S]{0,2000}?%\}|\{#[\s\S]{0,2000}?#\}/g;

// Top-level keys of a GitHub Actions workflow.
const GITHUB_WORKFLOW = [/^jobs\s*:/m, /^["']?on["']?\s*:/m];

type Region = 'comment' | 'data' | 'structure';

function backstageTemplateReason(text: string): string | undefined {
  if (!text.includes('${{') && !text.includes('{%') && !text.includes('{#')) return undefined;
  const regionAt = yamlRegions(text);
  let first: { line: number; what: string } | undefined;
  const consider = (pattern: RegExp, what: string, counts: (region: Region) => boolean): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (!counts(regionAt(match.index))) continue;
      const line = lineOf(text, match.index);
      if (!first || line < first.line) first = { line, what };
      return;
    }
  };
  consider(NUNJUCKS_TAG, 'nunjucks `{% … %}` tag', (region) => region !== 'data');
  // GitHub Actions expressions are `${{ }}` too: a workflow without nunjucks tags is left to be classified
  // (and skipped) as the workflow it is.
  if (!first && GITHUB_WORKFLOW.every((key) => key.test(text))) return undefined;
  consider(BACKSTAGE_PLACEHOLDER, '`${{ … }}` placeholder', (region) => region !== 'comment');
  if (!first) return undefined;
  return (
    `unrendered Backstage software template (${first.what} at line ${first.line}): its values are only known once ` +
    'rendered; check it with `shiftdown template check`'
  );
}

/**
 * Which YAML region each offset of `text` is in, from the YAML lexer (it never throws, and tolerates the
 * template syntax): comments, quoted or block scalar contents (data), or anything else.
 */
function yamlRegions(text: string): (offset: number) => Region {
  const spans: { start: number; end: number; region: Region }[] = [];
  let offset = 0;
  let blockHeader = false;
  let blockBody = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Control tokens (document start, flow end, scalar marker) take no room in the source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) {
      if (token === CST.SCALAR && blockHeader) blockBody = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (type === 'block-scalar-header') blockHeader = true;
    else if (blockBody) {
      spans.push({ start, end: offset, region: 'data' });
      blockHeader = blockBody = false;
    } else if (type === 'comment') spans.push({ start, end: offset, region: 'comment' });
    else if (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') spans.push({ start, end: offset, region: 'data' });
    else if (type !== 'newline' && type !== 'space') blockHeader = false;
  }
  return (at) => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const span = spans[mid]!;
      if (at < span.start) high = mid - 1;
      else if (at >= span.end) low = mid + 1;
      else return span.region;
    }
    return 'structure';
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export type Classification =
  | { type: 'object' }
  | { type: 'list'; items: unknown[] }
  /** A Score workload specification (score.dev): no kind, checked by the Score rules. */
  | { type: 'score' }
  | { type: 'skip'; reason: string }
  | { type: 'empty' };

/** Decide what a parsed document is. */
export function classifyDocument(value: unknown): Classification {
  if (value === null || value === undefined) return { type: 'empty' };
  if (!isObject(value)) {
    return { type: 'skip', reason: `not a Kubernetes object: the document is a ${Array.isArray(value) ? 'sequence' : typeof value}` };
  }
  const { apiVersion, kind } = value;
  if (typeof apiVersion === 'string' && typeof kind === 'string' && kind !== '') {
    if (kind === 'List' || (kind.endsWith('List') && Array.isArray(value.items))) {
      return { type: 'list', items: Array.isArray(value.items) ? value.items : [] };
    }
    return { type: 'object' };
  }
  if (typeof apiVersion === 'string' && apiVersion.startsWith('score.dev/') && kind === undefined) return { type: 'score' };
  return { type: 'skip', reason: `not a Kubernetes object: ${describeForeignYaml(value)}` };
}

function describeForeignYaml(value: Record<string, unknown>): string {
  const keys = new Set(Object.keys(value));
  if (keys.has('jobs') && (keys.has('on') || keys.has('true'))) return 'looks like a GitHub Actions workflow';
  if (keys.has('stages') || (keys.has('image') && keys.has('script'))) return 'looks like a GitLab CI file';
  if (keys.has('services') && isObject(value.services)) return 'looks like a Compose file';
  if (keys.has('apiVersion') && keys.has('name') && keys.has('version') && !keys.has('kind')) {
    return 'looks like a Helm Chart.yaml';
  }
  if (keys.has('resources') && (keys.has('bases') || keys.has('patches') || keys.has('patchesStrategicMerge'))) {
    return 'looks like a Kustomize kustomization without apiVersion/kind';
  }
  if (keys.has('apiVersion') && !keys.has('kind')) return 'it has apiVersion but no kind';
  if (keys.has('kind') && !keys.has('apiVersion')) return 'it has kind but no apiVersion';
  return 'no apiVersion and kind';
}
