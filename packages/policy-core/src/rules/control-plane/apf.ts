/**
 * API Priority and Fairness facts shared by the APF rules: the built-in (mandatory and suggested)
 * FlowSchemas and PriorityLevelConfigurations, the API defaults and limits, and what a subject matches.
 * Built-in values are from kubernetes/kubernetes `apiserver/pkg/apis/flowcontrol/bootstrap/default.go`;
 * defaults from `pkg/apis/flowcontrol/v1/defaults.go`; limits from `pkg/apis/flowcontrol/validation`.
 */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';

export const FLOWCONTROL_GROUP = 'flowcontrol.apiserver.k8s.io';
export const AUTOUPDATE_ANNOTATION = 'apf.kubernetes.io/autoupdate-spec';

/** v1 defaults: matchingPrecedence 1000; queuing 64 queues, hand size 8, queue length limit 50. */
export const DEFAULT_MATCHING_PRECEDENCE = 1000;
export const DEFAULT_QUEUES = 64;
export const DEFAULT_HAND_SIZE = 8;
export const DEFAULT_QUEUE_LENGTH_LIMIT = 50;
/** Validation: shuffle sharding may need at most 60 bits of entropy (ceil(log2(queues) × handSize)). */
export const MAX_HASH_BITS = 60;

export function isFlowcontrol(resource: Resource): boolean {
  return apiGroup(resource.apiVersion) === FLOWCONTROL_GROUP;
}

export function isFlowSchema(resource: Resource): boolean {
  return resource.kind === 'FlowSchema' && isFlowcontrol(resource);
}

export function isPriorityLevel(resource: Resource): boolean {
  return resource.kind === 'PriorityLevelConfiguration' && isFlowcontrol(resource);
}

/** Who a subject (or a built-in schema) serves, in the classes that matter for shadowing. */
export type SubjectClass =
  | 'unauthenticated'
  | 'authenticated'
  | 'masters'
  | 'nodes'
  | 'controller-manager'
  | 'scheduler'
  | 'kube-system-service-accounts'
  | 'service-accounts'
  | 'namespace-service-accounts';

export interface BuiltinLevel {
  type: 'Exempt' | 'Limited';
  mandatory: boolean;
  ncs?: number;
  reject?: boolean;
  queuing?: { queues: number; handSize: number; queueLengthLimit: number };
  /** Serves nodes, controllers or leader election: starving it degrades the cluster itself. */
  system: boolean;
}

export const BUILTIN_LEVELS: Readonly<Record<string, BuiltinLevel>> = {
  exempt: { type: 'Exempt', mandatory: true, system: true },
  'catch-all': { type: 'Limited', mandatory: true, ncs: 5, reject: true, system: false },
  system: {
    type: 'Limited',
    mandatory: false,
    ncs: 30,
    queuing: { queues: 64, handSize: 6, queueLengthLimit: 50 },
    system: true,
  },
  'node-high': {
    type: 'Limited',
    mandatory: false,
    ncs: 40,
    queuing: { queues: 64, handSize: 6, queueLengthLimit: 50 },
    system: true,
  },
  'leader-election': {
    type: 'Limited',
    mandatory: false,
    ncs: 10,
    queuing: { queues: 16, handSize: 4, queueLengthLimit: 50 },
    system: true,
  },
  'workload-high': {
    type: 'Limited',
    mandatory: false,
    ncs: 40,
    queuing: { queues: 128, handSize: 6, queueLengthLimit: 50 },
    system: true,
  },
  'workload-low': {
    type: 'Limited',
    mandatory: false,
    ncs: 100,
    queuing: { queues: 128, handSize: 6, queueLengthLimit: 50 },
    system: false,
  },
  'global-default': {
    type: 'Limited',
    mandatory: false,
    ncs: 20,
    queuing: { queues: 128, handSize: 6, queueLengthLimit: 50 },
    system: false,
  },
};

export interface BuiltinSchema {
  name: string;
  precedence: number;
  level: string;
  distinguisher?: 'ByUser' | 'ByNamespace';
  mandatory: boolean;
  serves: readonly SubjectClass[];
  /** Serves cluster-internal traffic (nodes, controllers, leader election, kube-system). */
  system: boolean;
}

export const BUILTIN_SCHEMAS: readonly BuiltinSchema[] = [
  { name: 'exempt', precedence: 1, level: 'exempt', mandatory: true, serves: ['masters'], system: true },
  {
    name: 'probes',
    precedence: 2,
    level: 'exempt',
    mandatory: false,
    serves: ['authenticated', 'unauthenticated'],
    system: false,
  },
  {
    name: 'system-leader-election',
    precedence: 100,
    level: 'leader-election',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['controller-manager', 'scheduler', 'kube-system-service-accounts'],
    system: true,
  },
  {
    name: 'workload-leader-election',
    precedence: 200,
    level: 'leader-election',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['kube-system-service-accounts'],
    system: true,
  },
  {
    name: 'system-node-high',
    precedence: 400,
    level: 'node-high',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['nodes'],
    system: true,
  },
  {
    name: 'system-nodes',
    precedence: 500,
    level: 'system',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['nodes'],
    system: true,
  },
  {
    name: 'kube-controller-manager',
    precedence: 800,
    level: 'workload-high',
    distinguisher: 'ByNamespace',
    mandatory: false,
    serves: ['controller-manager'],
    system: true,
  },
  {
    name: 'kube-scheduler',
    precedence: 800,
    level: 'workload-high',
    distinguisher: 'ByNamespace',
    mandatory: false,
    serves: ['scheduler'],
    system: true,
  },
  {
    name: 'kube-system-service-accounts',
    precedence: 900,
    level: 'workload-high',
    distinguisher: 'ByNamespace',
    mandatory: false,
    serves: ['kube-system-service-accounts'],
    system: true,
  },
  {
    name: 'service-accounts',
    precedence: 9000,
    level: 'workload-low',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['service-accounts'],
    system: false,
  },
  {
    name: 'global-default',
    precedence: 9900,
    level: 'global-default',
    distinguisher: 'ByUser',
    mandatory: false,
    serves: ['authenticated', 'unauthenticated'],
    system: false,
  },
  {
    name: 'catch-all',
    precedence: 10000,
    level: 'catch-all',
    distinguisher: 'ByUser',
    mandatory: true,
    serves: ['authenticated', 'unauthenticated'],
    system: false,
  },
];

export function builtinSchema(name: string | undefined): BuiltinSchema | undefined {
  return BUILTIN_SCHEMAS.find((s) => s.name === name);
}

/** Which classes of requester a class covers (authenticated covers every authenticated identity). */
const COVERS: Readonly<Record<SubjectClass, readonly SubjectClass[]>> = {
  unauthenticated: ['unauthenticated'],
  authenticated: [
    'authenticated',
    'masters',
    'nodes',
    'controller-manager',
    'scheduler',
    'kube-system-service-accounts',
    'service-accounts',
    'namespace-service-accounts',
  ],
  masters: ['masters'],
  nodes: ['nodes'],
  'controller-manager': ['controller-manager'],
  scheduler: ['scheduler'],
  'kube-system-service-accounts': ['kube-system-service-accounts'],
  'service-accounts': ['service-accounts', 'kube-system-service-accounts', 'namespace-service-accounts'],
  'namespace-service-accounts': ['namespace-service-accounts'],
};

export interface SubjectView {
  /** `group "system:authenticated"`, `service account "kube-system/*"`. */
  label: string;
  classes: SubjectClass[];
  /** `cluster`: every user, every authenticated user or every service account; `namespace`: a whole namespace. */
  breadth?: 'cluster' | 'namespace';
  path: Path;
}

/** What one FlowSchema subject matches (Kubernetes flowcontrol subject semantics; `*` is a wildcard). */
export function subjectView(raw: unknown, path: Path): SubjectView | undefined {
  const subject = asObject(raw);
  if (!subject) return undefined;
  const kind = asString(subject.kind);
  if (kind === 'Group') {
    const name = asString(asObject(subject.group)?.name);
    if (name === undefined) return undefined;
    const label = `group "${name}"`;
    if (name === '*')
      return { label, classes: ['authenticated', 'unauthenticated'], breadth: 'cluster', path };
    if (name === 'system:authenticated')
      return { label, classes: ['authenticated'], breadth: 'cluster', path };
    if (name === 'system:unauthenticated')
      return { label, classes: ['unauthenticated'], breadth: 'cluster', path };
    if (name === 'system:serviceaccounts')
      return { label, classes: ['service-accounts'], breadth: 'cluster', path };
    if (name === 'system:serviceaccounts:kube-system')
      return { label, classes: ['kube-system-service-accounts'], breadth: 'namespace', path };
    if (name.startsWith('system:serviceaccounts:'))
      return { label, classes: ['namespace-service-accounts'], breadth: 'namespace', path };
    if (name === 'system:nodes') return { label, classes: ['nodes'], path };
    if (name === 'system:masters') return { label, classes: ['masters'], path };
    return { label, classes: [], path };
  }
  if (kind === 'User') {
    const name = asString(asObject(subject.user)?.name);
    if (name === undefined) return undefined;
    const label = `user "${name}"`;
    if (name === '*')
      return { label, classes: ['authenticated', 'unauthenticated'], breadth: 'cluster', path };
    if (name === 'system:anonymous') return { label, classes: ['unauthenticated'], breadth: 'cluster', path };
    if (name === 'system:kube-controller-manager') return { label, classes: ['controller-manager'], path };
    if (name === 'system:kube-scheduler') return { label, classes: ['scheduler'], path };
    return { label, classes: [], path };
  }
  if (kind === 'ServiceAccount') {
    const sa = asObject(subject.serviceAccount);
    const name = asString(sa?.name);
    const namespace = asString(sa?.namespace);
    if (name === undefined || namespace === undefined) return undefined;
    const label = `service account "${namespace}/${name}"`;
    if (name !== '*') return { label, classes: [], path };
    const cls: SubjectClass =
      namespace === 'kube-system' ? 'kube-system-service-accounts' : 'namespace-service-accounts';
    return { label, classes: [cls], breadth: 'namespace', path };
  }
  return undefined;
}

/** The subjects of one `spec.rules[i]` entry. */
export function ruleSubjects(rule: unknown, rulePath: Path): SubjectView[] {
  return asArray(asObject(rule)?.subjects)
    .map((s, i) => subjectView(s, [...rulePath, 'subjects', i]))
    .filter((s): s is SubjectView => s !== undefined);
}

/** True when some subject class covers one of the classes a built-in schema serves. */
export function coversAny(subjects: readonly SubjectView[], serves: readonly SubjectClass[]): boolean {
  return subjects.some((s) => s.classes.some((c) => COVERS[c].some((covered) => serves.includes(covered))));
}

const strings = (value: unknown): string[] =>
  asArray(value).filter((v): v is string => typeof v === 'string');

/** A rule that matches every request of its subjects: all verbs, groups and resources, or every URL. */
export function matchesEverything(rule: unknown): boolean {
  const r = asObject(rule);
  if (!r) return false;
  const allResources = asArray(r.resourceRules).some((raw) => {
    const rr = asObject(raw);
    if (!rr) return false;
    return (
      strings(rr.verbs).includes('*') &&
      strings(rr.apiGroups).includes('*') &&
      strings(rr.resources).includes('*') &&
      (strings(rr.namespaces).includes('*') || rr.clusterScope === true)
    );
  });
  const allUrls = asArray(r.nonResourceRules).some((raw) =>
    strings(asObject(raw)?.nonResourceURLs).includes('*'),
  );
  return allResources || allUrls;
}

const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];

/** A rule that matches only health checks (no resource rules; non-resource URLs under /healthz, /livez, /readyz). */
export function isHealthCheckOnly(rule: unknown): boolean {
  const r = asObject(rule);
  if (!r || asArray(r.resourceRules).length > 0) return false;
  const urls = asArray(r.nonResourceRules).flatMap((raw) => strings(asObject(raw)?.nonResourceURLs));
  return (
    urls.length > 0 && urls.every((url) => HEALTH_PATHS.some((p) => url === p || url.startsWith(`${p}/`)))
  );
}

/** The FlowSchema's matchingPrecedence with the v1 default (1000 when unset or 0). */
export function precedenceOf(spec: Record<string, unknown>): number | undefined {
  const raw = spec.matchingPrecedence;
  if (raw === undefined || raw === null || raw === 0) return DEFAULT_MATCHING_PRECEDENCE;
  return typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
}

/** The priority level a FlowSchema routes to. */
export function levelNameOf(spec: Record<string, unknown>): string | undefined {
  return asString(asObject(spec.priorityLevelConfiguration)?.name);
}

/** True when a scanned object with a built-in name is under the user's control (`autoupdate-spec: "false"`). */
export function autoupdateDisabled(resource: Resource): boolean {
  return asString(asObject(resource.metadata.annotations)?.[AUTOUPDATE_ANNOTATION]) === 'false';
}

/** ceil(log2(queues) × handSize): the entropy shuffle sharding needs (must be ≤ 60). */
export function requiredEntropyBits(queues: number, handSize: number): number {
  return Math.ceil(Math.log2(queues) * handSize);
}
