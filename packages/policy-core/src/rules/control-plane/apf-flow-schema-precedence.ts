import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject } from '../../model/values.js';
import {
  BUILTIN_LEVELS,
  BUILTIN_SCHEMAS,
  builtinSchema,
  coversAny,
  isFlowSchema,
  isPriorityLevel,
  levelNameOf,
  matchesEverything,
  precedenceOf,
  ruleSubjects,
} from './apf.js';
import {
  APF_BOOTSTRAP_SOURCE,
  APF_DOC,
  FLOWCONTROL_VALIDATION_SOURCE,
  FLOW_SCHEMA_REFERENCE,
} from './sources.js';

/** API-008: FlowSchema precedence ties, shadowed built-ins and dangling priority levels. */
export default defineRule({
  meta: {
    id: 'apf-flow-schema-precedence',
    title: 'FlowSchema precedence conflicts, shadowing or dangling level',
    severity: 'medium',
    category: 'control-plane',
    description:
      'For each FlowSchema (flowcontrol.apiserver.k8s.io), looking at every FlowSchema and PriorityLevelConfiguration ' +
      'of the scan plus the built-in ones: (1) a `matchingPrecedence` outside 1–10000, or 1 on a schema other than ' +
      '`exempt` — the API server rejects both (high); (2) the same precedence (default 1000 when unset) as another ' +
      'schema, built-in or scanned — ties are broken by name, which the documentation warns not to rely on (two ' +
      'built-ins sharing a value, like `kube-controller-manager` and `kube-scheduler` at 800, are not reported); ' +
      '(3) a custom schema with a rule matching every request (all verbs, API groups and resources, or every ' +
      'non-resource URL) for subjects that include nodes, controllers or kube-system service accounts — directly or ' +
      'through `system:authenticated`, `system:serviceaccounts` or `*` — at a lower precedence than the built-in ' +
      'schemas serving them (`system-leader-election` 100, `workload-leader-election` 200, `system-node-high` 400, ' +
      '`system-nodes` 500, `kube-controller-manager`/`kube-scheduler` 800, `kube-system-service-accounts` 900), which ' +
      'it then shadows; (4) a `priorityLevelConfiguration.name` that is neither built-in nor defined in the scan — such ' +
      'a schema is ignored by the API server (missing name: rejected, high).',
    rationale:
      'The API server picks the matching FlowSchema with the lowest precedence. A broad schema placed too low ' +
      'silently captures kubelet, controller and leader-election traffic that the built-ins give dedicated seats; ' +
      'under load, leader election then times out and nodes stop reporting status — a self-inflicted denial of ' +
      'service. Ties make the outcome depend on object names. A schema pointing at a missing level is skipped, so ' +
      'its traffic silently falls through to the next match.',
    sources: [APF_DOC, FLOW_SCHEMA_REFERENCE, APF_BOOTSTRAP_SOURCE, FLOWCONTROL_VALIDATION_SOURCE],
    remediation:
      'Give each FlowSchema a unique precedence; keep broad custom schemas above 900 (after the system schemas) ' +
      'or narrow their subjects; define the priority level each schema names:\n\n```yaml\nspec:\n' +
      '  matchingPrecedence: 1500\n  priorityLevelConfiguration:\n    name: tenant-low   # defined in the same bundle\n```',
    tags: ['api-server', 'api-priority'],
  },
  match: { kinds: ['FlowSchema'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (!isFlowSchema(resource)) return;
    const name = resource.name ?? '';
    const spec = asObject(resource.object.spec) ?? {};
    const precedencePath: Path = ['spec', 'matchingPrecedence'];
    const precedence = precedenceOf(spec);
    if (precedence !== undefined) {
      if (precedence < 1 || precedence > 10000 || (precedence === 1 && name !== 'exempt')) {
        const why =
          precedence === 1
            ? 'only the mandatory "exempt" schema may use 1'
            : 'it must be between 1 and 10000';
        report({
          message: `FlowSchema "${name}" has matchingPrecedence ${precedence}: the API server rejects it (${why}).`,
          path: precedencePath,
          severity: 'high',
          key: 'range',
        });
        return;
      }
      // The effective set of schemas: the built-ins, replaced by scanned objects of the same name.
      const effective = new Map<string, number>(BUILTIN_SCHEMAS.map((s) => [s.name, s.precedence]));
      for (const other of index.ofKind('FlowSchema')) {
        const p =
          isFlowSchema(other) && other.name !== undefined
            ? precedenceOf(asObject(other.object.spec) ?? {})
            : undefined;
        if (p !== undefined) effective.set(other.name!, p);
      }
      const ties = [...effective]
        .filter(([n, p]) => p === precedence && n !== name && !(builtinSchema(n) && builtinSchema(name)))
        .map(
          ([n]) =>
            `"${n}"${builtinSchema(n) && !index.find('FlowSchema', undefined, n) ? ' (built-in)' : ''}`,
        );
      if (ties.length > 0) {
        report({
          message: `FlowSchema "${name}" shares matchingPrecedence ${precedence} with ${ties.join(', ')}: which one matches is decided by name, not by intent.`,
          path: precedencePath,
          key: 'tie',
        });
      }
      if (!builtinSchema(name)) {
        const subjects = asArray(spec.rules).flatMap((rule, i) =>
          matchesEverything(rule) ? ruleSubjects(rule, ['spec', 'rules', i]) : [],
        );
        const shadowed = BUILTIN_SCHEMAS.filter(
          (b) =>
            b.system &&
            !b.mandatory &&
            (effective.get(b.name) ?? 0) > precedence &&
            coversAny(subjects, b.serves),
        );
        if (shadowed.length > 0) {
          report({
            message:
              `FlowSchema "${name}" (matchingPrecedence ${precedence}) matches every request of its subjects and shadows ` +
              `the built-in ${shadowed.map((s) => `"${s.name}"`).join(', ')}: node, controller or leader-election traffic loses its dedicated seats.`,
            path: precedencePath,
            key: 'shadow',
          });
        }
      }
    }
    const level = levelNameOf(spec);
    const levelPath: Path = ['spec', 'priorityLevelConfiguration', 'name'];
    if (level !== undefined && isTemplatedText(level)) return;
    if (level === undefined || level === '') {
      report({
        message: `FlowSchema "${name}" names no priority level: the API server rejects it (spec.priorityLevelConfiguration.name is required).`,
        path: levelPath,
        severity: 'high',
        key: 'level',
      });
      return;
    }
    const defined =
      BUILTIN_LEVELS[level] !== undefined ||
      index.ofKind('PriorityLevelConfiguration').some((p) => isPriorityLevel(p) && p.name === level);
    if (!defined) {
      report({
        message: `FlowSchema "${name}" routes to priority level "${level}", which is neither built-in nor defined in the scan: the API server ignores a schema whose level does not exist.`,
        path: levelPath,
        key: 'level',
      });
    }
  },
});
