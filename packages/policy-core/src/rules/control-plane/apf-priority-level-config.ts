import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { asArray, asObject, asString } from '../../model/values.js';
import {
  AUTOUPDATE_ANNOTATION,
  BUILTIN_LEVELS,
  DEFAULT_HAND_SIZE,
  DEFAULT_QUEUE_LENGTH_LIMIT,
  DEFAULT_QUEUES,
  MAX_HASH_BITS,
  autoupdateDisabled,
  builtinSchema,
  isFlowSchema,
  isPriorityLevel,
  levelNameOf,
  precedenceOf,
  requiredEntropyBits,
  ruleSubjects,
} from './apf.js';
import {
  APF_BOOTSTRAP_SOURCE,
  APF_DOC,
  FLOWCONTROL_VALIDATION_SOURCE,
  PRIORITY_LEVEL_REFERENCE,
} from './sources.js';

type Report = (d: { message: string; path: Path; severity?: 'high' | 'medium' | 'low'; key: string }) => void;

const SYSTEM_CLASSES = ['nodes', 'controller-manager', 'scheduler', 'kube-system-service-accounts'] as const;

/** Scanned FlowSchemas routing to a level, and whether any of them serves nodes/controllers/kube-system directly. */
function usage(level: string, index: ResourceIndex): { referenced: boolean; system: boolean } {
  const schemas = index
    .ofKind('FlowSchema')
    .filter((fs) => isFlowSchema(fs) && levelNameOf(asObject(fs.object.spec) ?? {}) === level);
  const system = schemas.some((fs) =>
    asArray(asObject(fs.object.spec)?.rules).some((rule) =>
      ruleSubjects(rule, []).some((s) =>
        s.classes.some((c) => (SYSTEM_CLASSES as readonly string[]).includes(c)),
      ),
    ),
  );
  const builtin = BUILTIN_LEVELS[level];
  return {
    referenced: schemas.length > 0 || builtin !== undefined,
    system: system || builtin?.system === true,
  };
}

/** A positive int32 field with the v1 default for 0/unset; undefined when not an integer. */
function queuingValue(raw: unknown, fallback: number): number | undefined {
  if (raw === undefined || raw === null || raw === 0) return fallback;
  return typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
}

function checkQueuing(name: string, queuing: Record<string, unknown>, base: Path, report: Report): void {
  const queues = queuingValue(queuing.queues, DEFAULT_QUEUES);
  const handSize = queuingValue(queuing.handSize, DEFAULT_HAND_SIZE);
  const limit = queuingValue(queuing.queueLengthLimit, DEFAULT_QUEUE_LENGTH_LIMIT);
  for (const [field, value] of [
    ['queues', queues],
    ['handSize', handSize],
    ['queueLengthLimit', limit],
  ] as const) {
    if (value !== undefined && value < 0) {
      report({
        message: `PriorityLevelConfiguration "${name}" sets ${field}: ${value}: the API server rejects it (must be positive).`,
        path: [...base, field],
        severity: 'high',
        key: field,
      });
      return;
    }
  }
  if (queues !== undefined && handSize !== undefined) {
    if (handSize > queues) {
      report({
        message: `PriorityLevelConfiguration "${name}" has handSize ${handSize} greater than queues ${queues}: the API server rejects it.`,
        path: [...base, 'handSize'],
        severity: 'high',
        key: 'handSize',
      });
    } else if (requiredEntropyBits(queues, handSize) > MAX_HASH_BITS) {
      report({
        message: `PriorityLevelConfiguration "${name}" needs ${requiredEntropyBits(queues, handSize)} bits of shuffle-sharding entropy for ${queues} queues and hand size ${handSize}: the API server rejects more than ${MAX_HASH_BITS}.`,
        path: [...base, 'handSize'],
        severity: 'high',
        key: 'handSize',
      });
    }
  }
  if (limit !== undefined && limit > 1000) {
    const perFlow = handSize !== undefined ? ` (up to ${handSize * limit} queued requests per flow)` : '';
    report({
      message: `PriorityLevelConfiguration "${name}" sets queueLengthLimit: ${limit}${perFlow}: requests wait instead of failing fast and queued requests hold API server memory.`,
      path: [...base, 'queueLengthLimit'],
      key: 'queueLengthLimit',
    });
  }
}

function checkLevel(resource: Resource, index: ResourceIndex, report: Report): void {
  const name = resource.name ?? '';
  const spec = asObject(resource.object.spec) ?? {};
  if (asString(spec.type) !== 'Limited') return;
  const limited = asObject(spec.limited);
  if (!limited) {
    report({
      message: `PriorityLevelConfiguration "${name}" has type Limited but no spec.limited: the API server rejects it.`,
      path: ['spec'],
      severity: 'high',
      key: 'limited',
    });
    return;
  }
  const base: Path = ['spec', 'limited'];
  const used = usage(name, index);
  const response = asObject(limited.limitResponse);
  const responseType = asString(response?.type);
  if (responseType === 'Reject' && response?.queuing !== undefined && response.queuing !== null) {
    report({
      message: `PriorityLevelConfiguration "${name}" sets queuing with limitResponse type Reject: the API server rejects it.`,
      path: [...base, 'limitResponse', 'queuing'],
      severity: 'high',
      key: 'queuing',
    });
  }
  const queuing = asObject(response?.queuing);
  if (responseType === 'Queue' && queuing)
    checkQueuing(name, queuing, [...base, 'limitResponse', 'queuing'], report);
  if (responseType === 'Reject' && used.system) {
    report({
      message: `PriorityLevelConfiguration "${name}" rejects excess requests (HTTP 429) but serves nodes, controllers or kube-system service accounts: under load their status updates and leader election fail instead of waiting.`,
      path: [...base, 'limitResponse', 'type'],
      key: 'reject',
    });
  }
  // In v1 an explicit 0 stays 0; older versions default or reject it.
  if (resource.apiVersion.endsWith('/v1') && limited.nominalConcurrencyShares === 0 && used.referenced) {
    report({
      message: `PriorityLevelConfiguration "${name}" has nominalConcurrencyShares: 0 but FlowSchemas route to it: it gets no seats of its own and its requests run only on seats borrowed from idle levels.`,
      path: [...base, 'nominalConcurrencyShares'],
      key: 'ncs',
    });
  }
  if (limited.lendablePercent === 100 && used.system) {
    report({
      message: `PriorityLevelConfiguration "${name}" serves system traffic but lends 100% of its seats (lendablePercent: 100): other levels can take all of them when it needs them.`,
      path: [...base, 'lendablePercent'],
      severity: 'low',
      key: 'lendablePercent',
    });
  }
}

/** Fields of a scanned built-in object that differ from the built-in spec. */
function editedFields(resource: Resource): string[] {
  const spec = asObject(resource.object.spec) ?? {};
  const out: string[] = [];
  if (isFlowSchema(resource)) {
    const builtin = builtinSchema(resource.name)!;
    if (precedenceOf(spec) !== builtin.precedence) out.push('matchingPrecedence');
    if (levelNameOf(spec) !== builtin.level) out.push('priorityLevelConfiguration');
    if (asString(asObject(spec.distinguisherMethod)?.type) !== builtin.distinguisher)
      out.push('distinguisherMethod');
    return out;
  }
  const builtin = BUILTIN_LEVELS[resource.name ?? '']!;
  if (asString(spec.type) !== builtin.type) out.push('type');
  if (builtin.type === 'Exempt') return out;
  const limited = asObject(spec.limited) ?? {};
  const ncs = limited.nominalConcurrencyShares ?? limited.assuredConcurrencyShares;
  if (ncs !== builtin.ncs) out.push('nominalConcurrencyShares');
  const response = asObject(limited.limitResponse) ?? {};
  if ((asString(response.type) === 'Reject') !== (builtin.reject === true)) out.push('limitResponse');
  const queuing = asObject(response.queuing);
  if (builtin.queuing && queuing) {
    for (const key of ['queues', 'handSize', 'queueLengthLimit'] as const)
      if (queuing[key] !== builtin.queuing[key]) out.push(key);
  }
  return out;
}

function checkBuiltinEdit(resource: Resource, report: Report): void {
  const builtin = isFlowSchema(resource) ? builtinSchema(resource.name) : BUILTIN_LEVELS[resource.name ?? ''];
  if (!builtin) return;
  const edited = editedFields(resource);
  if (edited.length === 0) return;
  const what = `${resource.kind} "${resource.name ?? ''}"`;
  const annotationPath: Path = ['metadata', 'annotations', AUTOUPDATE_ANNOTATION];
  if (builtin.mandatory) {
    report({
      message: `${what} is a mandatory built-in object and differs in ${edited.join(', ')}: the API server restores its spec, so the edit never takes effect.`,
      path: ['spec'],
      key: 'builtin',
    });
  } else if (!autoupdateDisabled(resource)) {
    report({
      message: `${what} changes the built-in ${edited.join(', ')} without annotation ${AUTOUPDATE_ANNOTATION}: "false": the API server keeps restoring the built-in spec, so the change does not last.`,
      path: annotationPath,
      key: 'builtin',
    });
  }
}

/** API-009: priority level settings the API server rejects, or that starve system traffic; reverted edits of built-ins. */
export default defineRule({
  meta: {
    id: 'apf-priority-level-config',
    title: 'Risky or invalid priority level configuration',
    severity: 'medium',
    category: 'control-plane',
    description:
      'For each PriorityLevelConfiguration (flowcontrol.apiserver.k8s.io) of type Limited, with the v1 defaults (64 ' +
      'queues, hand size 8, queue length 50): values the API server rejects (high) — no `spec.limited`, negative ' +
      'queuing values, `handSize` greater than `queues`, more than 60 bits of shuffle-sharding entropy ' +
      '(ceil(log2(queues) × handSize)), `queuing` with `limitResponse.type: Reject`; `queueLengthLimit` above 1000; ' +
      '`nominalConcurrencyShares: 0` (v1) on a level that a scanned or built-in FlowSchema uses; `limitResponse.type: ' +
      'Reject` on a level that serves nodes, controllers or kube-system service accounts (a scanned FlowSchema names ' +
      'them directly, or it is the built-in `system`, `node-high`, `leader-election` or `workload-high`); ' +
      '`lendablePercent: 100` on such a level (low). For a scanned FlowSchema or PriorityLevelConfiguration with a ' +
      'built-in name whose spec differs from the built-in (precedence, level, distinguisher; type, shares, limit ' +
      'response, queuing): reported unless annotated `apf.kubernetes.io/autoupdate-spec: "false"`, and always for the ' +
      'mandatory `exempt` and `catch-all` objects.',
    rationale:
      'Priority levels decide who waits and who fails when the API server is busy. Invalid values make the apply ' +
      'fail; huge queues keep requests (and memory) waiting instead of shedding load; a level with no nominal seats ' +
      'or one that lends them all starves when it matters; and rejecting rather than queuing node heartbeats or ' +
      'leader-election renewals turns a load spike into NotReady nodes and controller fail-overs. Built-in objects ' +
      'are maintained by the API server (at start-up and periodically): an edit without the annotation is silently undone.',
    sources: [APF_DOC, PRIORITY_LEVEL_REFERENCE, APF_BOOTSTRAP_SOURCE, FLOWCONTROL_VALIDATION_SOURCE],
    remediation:
      'Keep queuing values valid and moderate, give used levels a share, queue (do not reject) system traffic, and ' +
      'annotate edited built-ins:\n\n```yaml\nmetadata:\n  name: workload-low\n  annotations:\n' +
      '    apf.kubernetes.io/autoupdate-spec: "false"\nspec:\n  type: Limited\n  limited:\n' +
      '    nominalConcurrencyShares: 100\n    limitResponse:\n      type: Queue\n      queuing:\n' +
      '        queues: 128\n        handSize: 6\n        queueLengthLimit: 50\n```',
    tags: ['api-server', 'api-priority'],
  },
  match: { kinds: ['PriorityLevelConfiguration', 'FlowSchema'] },
  crossResource: true,
  check({ resource, index, report }) {
    if (isPriorityLevel(resource)) checkLevel(resource, index, report);
    if (isPriorityLevel(resource) || isFlowSchema(resource)) checkBuiltinEdit(resource, report);
  },
});
