import { asObject, asString, getPath } from '../../model/values.js';
import { defineRule } from '../rule.js';
import {
  HPA,
  KUBE_SCORE_CHECKS,
  findCompatible,
  hasTemplate,
  inGroup,
  namespaceLabel,
  objectLabel,
} from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

export default defineRule({
  meta: {
    id: 'hpa-target-missing',
    title: 'HorizontalPodAutoscaler targets an object that does not exist',
    severity: 'medium',
    category: 'reliability',
    description:
      'A HorizontalPodAutoscaler whose `spec.scaleTargetRef` (kind and name) names no object of the scan in its ' +
      'namespace (objects without a namespace match any), while the scan does contain objects of that kind in ' +
      'that namespace (so the target was expected to be among them). When the scan has no object of the target ' +
      'kind in the namespace, nothing is reported: the target may be deployed separately. Templated references ' +
      'are skipped.',
    rationale:
      'An autoscaler whose target does not exist scales nothing: the controller reports FailedGetScale and the ' +
      'workload it was meant to protect runs at a fixed replica count, so the first traffic peak overloads it. ' +
      'Because the HPA object itself is valid, the mistake (usually a renamed Deployment) is only visible in its ' +
      'status conditions and events.',
    sources: [HPA, KUBE_SCORE_CHECKS, KUBE_LINTER_CHECKS],
    remediation:
      'Point `scaleTargetRef` at the workload to scale:\n\n' +
      '```yaml\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n```',
    tags: ['reliability', 'autoscaling', 'dangling-reference'],
  },
  match: { kinds: ['HorizontalPodAutoscaler'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!inGroup(resource, 'autoscaling')) return;
    const ref = asObject(getPath(resource.object, ['spec', 'scaleTargetRef']));
    const kind = asString(ref?.kind);
    const name = asString(ref?.name);
    if (!kind || !name || hasTemplate(ref)) return;
    if (findCompatible(index, kind, resource.namespace, name).length > 0) return;
    if (index.inNamespace(kind, resource.namespace).length === 0) return;
    report({
      message:
        `${objectLabel(resource)} scales ${kind} "${name}", which the scan does not define although it defines ` +
        `other ${kind} objects in ${namespaceLabel(resource.namespace)}: the autoscaler finds no target and scales ` +
        'nothing.',
      path: ['spec', 'scaleTargetRef', 'name'],
    });
  },
});
