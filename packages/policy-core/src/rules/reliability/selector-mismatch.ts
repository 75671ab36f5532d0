import type { Labels } from '../../model/selector.js';
import { isEmptySelector, matchesLabelSelector, matchesSelectorMap } from '../../model/selector.js';
import { asArray, asObject, asString, isObject, type JsonObject } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS, hasTemplate, objectLabel, templateLabels } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

/** Kinds whose `spec.selector` is a required LabelSelector that must match the template labels. */
const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function showLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? 'no labels' : `labels ${pairs.join(', ')}`;
}

function showSelector(selector: JsonObject): string {
  const parts = Object.entries(asObject(selector.matchLabels) ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  for (const raw of asArray(selector.matchExpressions)) {
    const e = asObject(raw) ?? {};
    const values = asArray(e.values).map(String).join(', ');
    parts.push(`${String(e.key)} ${String(e.operator)}${values ? ` (${values})` : ''}`);
  }
  return parts.join(', ');
}

/** Only selectors the API server would parse: known operators, string keys. */
function wellFormed(selector: JsonObject): boolean {
  return asArray(selector.matchExpressions).every((raw) => {
    const e = asObject(raw);
    return asString(e?.key) !== undefined && OPERATORS.has(asString(e?.operator) ?? '');
  });
}

export default defineRule({
  meta: {
    id: 'selector-mismatch',
    title: 'Controller selector does not match its pod template',
    severity: 'high',
    category: 'validity',
    description:
      'A Deployment, ReplicaSet, StatefulSet or DaemonSet whose `spec.selector` does not select its own pod ' +
      'template labels (`spec.template.metadata.labels`), or is empty (`{}`); a ReplicationController whose ' +
      '`spec.selector` map is set and does not match the template labels; a Job that sets `spec.selector` without ' +
      '`manualSelector: true`, or with it and a selector that does not match the template labels. Selectors are ' +
      'evaluated with the API server semantics (`matchLabels` and `matchExpressions` ANDed). Templated or malformed ' +
      'selectors and labels are skipped (schema validation reports malformed ones).',
    rationale:
      'The API server rejects all of these ("`selector` does not match template `labels`", "empty selector is ' +
      'invalid for deployment", "`selector` not auto-generated"), so the apply fails, often only in the ' +
      'deployment pipeline after review. The check exists because a controller whose selector missed its own pods ' +
      'would create pods forever without ever counting them, and an empty selector would adopt every pod of the ' +
      'namespace. Selectors of Deployments, ReplicaSets, StatefulSets and DaemonSets are also immutable once ' +
      'created, so a wrong selector cannot be fixed in place later.',
    sources: [
      {
        title: 'Kubernetes: Deployments, selector',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector',
      },
      {
        title: 'Kubernetes: Jobs, specifying your own pod selector',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#specifying-your-own-pod-selector',
      },
      KUBE_LINTER_CHECKS,
      KUBE_SCORE_CHECKS,
    ],
    remediation:
      'Make the template labels a superset of the selector (for Jobs, remove `spec.selector` and let Kubernetes ' +
      'generate a unique one):\n\n' +
      '```yaml\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n```',
    tags: ['reliability', 'validity'],
  },
  match: { workloads: true },
  check({ resource, workload, report }) {
    const kind = workload.kind.kind;
    const spec = asObject(resource.object.spec) ?? {};
    const selector = spec.selector;
    const labels = templateLabels(workload);
    if (!isObject(selector) || !labels || hasTemplate(selector)) return;
    const path = ['spec', 'selector'];
    const name = objectLabel(resource);
    const mismatch = (shown: string) =>
      report({
        message:
          `${name} selects ${shown}, but its pod template has ${showLabels(labels)}: the API server rejects it ` +
          '("selector does not match template labels").',
        path,
      });
    if (kind === 'ReplicationController') {
      if (Object.keys(selector).length > 0 && !matchesSelectorMap(selector, labels)) {
        mismatch(showSelector({ matchLabels: selector }));
      }
      return;
    }
    if (!wellFormed(selector)) return;
    if (LABEL_SELECTOR_KINDS.has(kind)) {
      if (isEmptySelector(selector)) {
        report({
          message: `${name} has an empty selector, which the API server rejects: it would adopt every pod of the namespace.`,
          path,
        });
      } else if (!matchesLabelSelector(selector, labels)) {
        mismatch(showSelector(selector));
      }
    } else if (kind === 'Job') {
      if (spec.manualSelector !== true) {
        report({
          message:
            `${name} sets spec.selector without manualSelector: true: the API server rejects it ("selector not ` +
            'auto-generated"); remove the selector and let Kubernetes generate a unique one.',
          path,
        });
      } else if (!matchesLabelSelector(selector, labels)) {
        mismatch(showSelector(selector));
      }
    }
  },
});
