import { defineRule } from '../rule.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { isFlowSchema, isHealthCheckOnly, isPriorityLevel, levelNameOf, ruleSubjects } from './apf.js';
import {
  APF_BOOTSTRAP_SOURCE,
  APF_DOC,
  FLOWCONTROL_VALIDATION_SOURCE,
  FLOW_SCHEMA_REFERENCE,
} from './sources.js';

/** API-007: broad subjects routed to the exempt priority level, and custom Exempt levels. */
export default defineRule({
  meta: {
    id: 'apf-exempt-broad-subjects',
    title: 'Broad subjects exempt from API Priority and Fairness',
    severity: 'critical',
    category: 'control-plane',
    description:
      'Reports a FlowSchema (flowcontrol.apiserver.k8s.io) that routes to the `exempt` priority level a rule whose ' +
      'subjects include every user or every authenticated, unauthenticated or service-account identity — group ' +
      '`*`, `system:authenticated`, `system:unauthenticated`, `system:serviceaccounts`, user `*` or ' +
      '`system:anonymous` (critical) — or a whole namespace: group `system:serviceaccounts:<ns>` or service account ' +
      '`<ns>/*` (high); one finding per subject. The mandatory `exempt` schema (its spec is fixed by the API server) ' +
      'and rules that match only the health endpoints (`/healthz`, `/livez`, `/readyz`, like the built-in `probes` ' +
      'schema) are not reported. Also reports a PriorityLevelConfiguration other than `exempt` with `type: Exempt`, ' +
      'which the API server rejects (high).',
    rationale:
      'Requests on the exempt level are never queued, never rejected and do not count against the server ' +
      'concurrency limit. Routing anonymous, all authenticated or all service-account traffic there switches API ' +
      'Priority and Fairness off for exactly the clients that should be throttled: a single compromised pod or a ' +
      'stolen token can then flood the API server and starve kubelets, controllers and administrators (ATT&CK ' +
      'T1499, Endpoint Denial of Service).',
    sources: [APF_DOC, FLOW_SCHEMA_REFERENCE, APF_BOOTSTRAP_SOURCE, FLOWCONTROL_VALIDATION_SOURCE],
    remediation:
      'Route broad groups to a Limited level (the built-in `workload-low` or `global-default`, or a dedicated low ' +
      'share level) and keep `exempt` for `system:masters`:\n\n```yaml\napiVersion: flowcontrol.apiserver.k8s.io/v1\n' +
      'kind: FlowSchema\nmetadata:\n  name: tenants\nspec:\n  priorityLevelConfiguration:\n    name: workload-low\n' +
      '  matchingPrecedence: 8000\n  distinguisherMethod:\n    type: ByUser\n```',
    tags: ['api-server', 'api-priority', 'denial-of-service'],
  },
  match: { kinds: ['FlowSchema', 'PriorityLevelConfiguration'] },
  check({ resource, report }) {
    const spec = asObject(resource.object.spec) ?? {};
    if (isPriorityLevel(resource)) {
      if (resource.name !== 'exempt' && asString(spec.type) === 'Exempt') {
        report({
          message:
            `PriorityLevelConfiguration "${resource.name ?? ''}" has type Exempt: the API server rejects it (only the ` +
            'mandatory "exempt" level may be Exempt); route FlowSchemas to "exempt" sparingly instead.',
          path: ['spec', 'type'],
          severity: 'high',
          key: 'type',
        });
      }
      return;
    }
    if (!isFlowSchema(resource) || resource.name === 'exempt' || levelNameOf(spec) !== 'exempt') return;
    asArray(spec.rules).forEach((rule, i) => {
      if (isHealthCheckOnly(rule)) return;
      for (const subject of ruleSubjects(rule, ['spec', 'rules', i])) {
        if (!subject.breadth) continue;
        const scope =
          subject.breadth === 'cluster'
            ? 'every such requester in the cluster'
            : 'every service account of a namespace';
        report({
          message:
            `FlowSchema "${resource.name ?? ''}" routes ${subject.label} to the exempt priority level: requests from ` +
            `${scope} bypass all queuing and concurrency limits and can overload the API server.`,
          path: subject.path,
          severity: subject.breadth === 'cluster' ? 'critical' : 'high',
          key: `${i}:${subject.label}`,
        });
      }
    });
  },
});
