import { isObject } from '../model/values.js';

/**
 * Recognise input that is YAML but not a Kubernetes object, so it can be skipped with a reason
 * instead of producing noise: CI workflows, Compose files, Helm chart metadata, unrendered templates.
 */

const HELM_ACTION =
  /\{\{-?\s*(?:if|else|end|range|with|define|include|template|block|toYaml|tpl|\$\w*\s*:=|\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\.Template)\b|\{\{-?\s*\.(?:Values|Release|Chart|Capabilities|Files)\b/;
// A whole placeholder, `${{ values.name }}`: an unclosed `${{` in a value is just text.
const BACKSTAGE_PLACEHOLDER = /\$\{\{[^}\n]*\}\}/;

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
  if (BACKSTAGE_PLACEHOLDER.test(text)) {
    return 'unrendered Backstage template placeholders `${{ … }}` (use `shiftdown template check`)';
  }
  return undefined;
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
