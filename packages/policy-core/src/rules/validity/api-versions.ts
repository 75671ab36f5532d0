/**
 * Deprecated and removed built-in API versions: every entry of the Kubernetes Deprecated API Migration
 * Guide, the alpha flowcontrol version, the beta Dynamic Resource Allocation versions and the deprecated
 * core v1 Endpoints.
 *
 * Versions are Kubernetes 1.x minor numbers. `removedIn`, the replacements, their `since` and the field
 * changes come from the migration guide; `deprecatedIn` from the API server's own warning ("… is
 * deprecated in v1.N+, unavailable in v1.M+") where known, otherwise from helm-mapkubeapis' Map.yaml.
 */

/** The newest Kubernetes minor release this table knows to be out (an unset target is judged against it). */
export const LATEST_RELEASED_MINOR = 36;

export interface ApiReplacement {
  apiVersion: string;
  /** The replacement kind, when it is another kind (v1 Endpoints → discovery.k8s.io/v1 EndpointSlice). */
  kind?: string;
  /** The first minor release that serves it. */
  since: number;
  /** The first minor release that no longer serves it (a replacement that is itself deprecated). */
  until?: number;
  /**
   * Field changes to make when moving to this version (a message fragment). Undefined: moving is a pure
   * apiVersion swap (no field renamed, removed or re-defaulted), which findings offer as a fix.
   */
  changes?: string;
}

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  /** The minor release that deprecated it. */
  deprecatedIn: number;
  /** The minor release that stopped serving it (undefined: no removal is scheduled). */
  removedIn?: number;
  /** Best first: findings suggest the first one the target serves. */
  replacements: readonly ApiReplacement[];
  /** What to do when the target serves no replacement (PodSecurityPolicy). */
  noReplacement?: string;
  /** Something to know about the old version itself, added to the message. */
  note?: string;
  /** The page (guide section) that documents the entry. */
  reference: string;
}

const GUIDE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';
const DRA_DOC = 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/';
const ENDPOINTS_BLOG = 'https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/';

const SELECTOR = '`spec.selector` is required and immutable: copy the template labels';
const DEPLOYMENT =
  `${SELECTOR}; \`spec.rollbackTo\` is removed; \`progressDeadlineSeconds\` now defaults to 600, ` +
  '`revisionHistoryLimit` to 10 and `maxSurge`/`maxUnavailable` to 25%';
const DAEMONSET = `${SELECTOR}; \`spec.templateGeneration\` is removed; \`spec.updateStrategy.type\` now defaults to RollingUpdate`;
const STATEFULSET = `${SELECTOR}; \`spec.updateStrategy.type\` now defaults to RollingUpdate`;
const WEBHOOKS =
  '`webhooks[*].sideEffects` must be None or NoneOnDryRun, `admissionReviewVersions` is required, `failurePolicy` ' +
  'defaults to Fail, `matchPolicy` to Equivalent and `timeoutSeconds` to 10, and webhook names must be unique';
const CRD =
  '`spec.scope` must be set; `spec.version`, `spec.validation`, `spec.subresources` and ' +
  '`spec.additionalPrinterColumns` move under `spec.versions[*]`, where `JSONPath` becomes `jsonPath`; every version ' +
  'needs a structural `schema.openAPIV3Schema`; `spec.preserveUnknownFields: true` becomes ' +
  '`x-kubernetes-preserve-unknown-fields: true` in the schema';
const CSR =
  '`spec.signerName` and `spec.usages` are required, and `kubernetes.io/legacy-unknown` cannot be requested';
const INGRESS =
  "`spec.backend` is `spec.defaultBackend`, a backend's `serviceName` is `service.name` and `servicePort` is " +
  '`service.port.number` or `service.port.name`, and every path needs a `pathType`';
const ENDPOINT_SLICE =
  'per-endpoint `nodeName` and `zone` replace the `topology` labels; `topology` becomes the read-only ' +
  '`deprecatedTopology`';
const EVENT =
  '`involvedObject` is `regarding`, `type` is Normal or Warning, `action`, `reason`, `reportingComponent` and ' +
  '`reportingInstance` are required, and `eventTime`/`series` replace `firstTimestamp`, `lastTimestamp`, `count` ' +
  'and `source`';
const HPA_METRICS =
  'metric targets become `target: {type, averageUtilization | averageValue | value}` objects: ' +
  '`targetAverageUtilization` is `target.averageUtilization` with `target.type: Utilization`, and `metricName` is ' +
  '`metric.name`';
const PDB =
  'an empty `spec.selector: {}` now selects every pod in the namespace, where in v1beta1 it selected none';
const PSP =
  'PodSecurityPolicy was removed entirely in Kubernetes 1.25 with no replacement API: enforce the Pod Security ' +
  'Standards with Pod Security Admission namespace labels (`pod-security.kubernetes.io/enforce`) or a policy engine';
const PLC_RENAME =
  'PriorityLevelConfiguration `spec.limited.assuredConcurrencyShares` is renamed `nominalConcurrencyShares`';
const PLC_ZERO = 'an explicit `nominalConcurrencyShares: 0` is no longer defaulted to 30';
const DRA_OFF = 'the beta DRA versions are served only when enabled with `--runtime-config`';
const DRA_CLAIM =
  "each device request's `deviceClassName`, `selectors`, `allocationMode`, `count` and `adminAccess` move under `exactly`";
const DRA_SLICE = 'devices drop the `basic` wrapper: `attributes` and `capacity` sit directly on each device';
const ENDPOINTS =
  'a Service has any number of EndpointSlices labelled `kubernetes.io/service-name`, with `endpoints[*].addresses` ' +
  'and `ports` instead of `subsets`';

/** A replacement version. */
function to(apiVersion: string, since: number, changes?: string, until?: number): ApiReplacement {
  return {
    apiVersion,
    since,
    ...(changes !== undefined && { changes }),
    ...(until !== undefined && { until }),
  };
}

/** One entry per apiVersion × kind. */
function api(
  apiVersions: readonly string[],
  kinds: readonly string[],
  [deprecatedIn, removedIn]: readonly [number, number?],
  reference: string,
  replacements: readonly ApiReplacement[],
  extra: Pick<DeprecatedApi, 'noReplacement' | 'note'> = {},
): DeprecatedApi[] {
  return apiVersions.flatMap((apiVersion) =>
    kinds.map((kind) => ({
      apiVersion,
      kind,
      deprecatedIn,
      ...(removedIn !== undefined && { removedIn }),
      replacements,
      reference,
      ...extra,
    })),
  );
}

const section = (release: string, anchor: string) => `${GUIDE}#${anchor}-v${release}`;

/** The flowcontrol ladder (newest first): version, first release serving it, first release not serving it. */
const FLOWCONTROL: readonly (readonly [string, number, number?])[] = [
  ['v1', 29],
  ['v1beta3', 26, 32],
  ['v1beta2', 23, 29],
  ['v1beta1', 20, 26],
];

/** An old flowcontrol version: FlowSchema moves as a pure swap; PriorityLevelConfiguration renames a field. */
function flowcontrol(version: string, lifecycle: readonly [number, number], anchor: string): DeprecatedApi[] {
  const index = FLOWCONTROL.findIndex(([v]) => v === version);
  const newer = index < 0 ? FLOWCONTROL : FLOWCONTROL.slice(0, index);
  const plcChanges = (target: string): string | undefined => {
    if (target === 'v1beta3') return PLC_RENAME;
    if (target !== 'v1') return undefined;
    return version === 'v1beta3'
      ? `in PriorityLevelConfiguration ${PLC_ZERO}`
      : `${PLC_RENAME}, and ${PLC_ZERO}`;
  };
  const group = 'flowcontrol.apiserver.k8s.io';
  return [
    ...api(
      [`${group}/${version}`],
      ['FlowSchema'],
      lifecycle,
      section(anchor, 'flowcontrol-resources'),
      newer.map(([v, since, until]) => to(`${group}/${v}`, since, undefined, until)),
    ),
    ...api(
      [`${group}/${version}`],
      ['PriorityLevelConfiguration'],
      lifecycle,
      section(anchor, 'flowcontrol-resources'),
      newer.map(([v, since, until]) => to(`${group}/${v}`, since, plcChanges(v), until)),
    ),
  ];
}

const STORAGE_V122: readonly (readonly [string, number, number])[] = [
  // kind, deprecated in, storage.k8s.io/v1 available since
  ['CSIDriver', 19, 19],
  ['CSINode', 17, 17],
  ['StorageClass', 16, 6],
  ['VolumeAttachment', 13, 13],
];

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  // Removed in v1.16
  ...api(
    ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    ['Deployment'],
    [9, 16],
    section('116', 'deployment'),
    [to('apps/v1', 9, DEPLOYMENT)],
  ),
  ...api(['extensions/v1beta1', 'apps/v1beta2'], ['DaemonSet'], [9, 16], section('116', 'daemonset'), [
    to('apps/v1', 9, DAEMONSET),
  ]),
  ...api(['apps/v1beta1', 'apps/v1beta2'], ['StatefulSet'], [9, 16], section('116', 'statefulset'), [
    to('apps/v1', 9, STATEFULSET),
  ]),
  ...api(
    ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    ['ReplicaSet'],
    [9, 16],
    section('116', 'replicaset'),
    [to('apps/v1', 9, SELECTOR)],
  ),
  ...api(['extensions/v1beta1'], ['NetworkPolicy'], [8, 16], section('116', 'networkpolicy'), [
    to('networking.k8s.io/v1', 8),
  ]),
  ...api(
    ['extensions/v1beta1'],
    ['PodSecurityPolicy'],
    [10, 16],
    section('116', 'podsecuritypolicy'),
    [to('policy/v1beta1', 10, undefined, 25)],
    { noReplacement: PSP },
  ),
  // Removed in v1.22
  ...api(
    ['admissionregistration.k8s.io/v1beta1'],
    ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    [16, 22],
    section('122', 'webhook-resources'),
    [to('admissionregistration.k8s.io/v1', 16, WEBHOOKS)],
  ),
  ...api(
    ['apiextensions.k8s.io/v1beta1'],
    ['CustomResourceDefinition'],
    [16, 22],
    section('122', 'customresourcedefinition'),
    [to('apiextensions.k8s.io/v1', 16, CRD)],
  ),
  ...api(['apiregistration.k8s.io/v1beta1'], ['APIService'], [19, 22], section('122', 'apiservice'), [
    to('apiregistration.k8s.io/v1', 10),
  ]),
  ...api(['authentication.k8s.io/v1beta1'], ['TokenReview'], [16, 22], section('122', 'tokenreview'), [
    to('authentication.k8s.io/v1', 6),
  ]),
  ...api(
    ['authorization.k8s.io/v1beta1'],
    ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'],
    [16, 22],
    section('122', 'subjectaccessreview-resources'),
    [to('authorization.k8s.io/v1', 6, '`spec.group` is renamed `spec.groups`')],
  ),
  ...api(
    ['certificates.k8s.io/v1beta1'],
    ['CertificateSigningRequest'],
    [19, 22],
    section('122', 'certificatesigningrequest'),
    [to('certificates.k8s.io/v1', 19, CSR)],
  ),
  ...api(['coordination.k8s.io/v1beta1'], ['Lease'], [14, 22], section('122', 'lease'), [
    to('coordination.k8s.io/v1', 14),
  ]),
  ...api(['extensions/v1beta1'], ['Ingress'], [14, 22], section('122', 'ingress'), [
    to('networking.k8s.io/v1', 19, INGRESS),
    to('networking.k8s.io/v1beta1', 14, undefined, 22),
  ]),
  ...api(['networking.k8s.io/v1beta1'], ['Ingress'], [19, 22], section('122', 'ingress'), [
    to('networking.k8s.io/v1', 19, INGRESS),
  ]),
  ...api(['networking.k8s.io/v1beta1'], ['IngressClass'], [19, 22], section('122', 'ingressclass'), [
    to('networking.k8s.io/v1', 19),
  ]),
  ...api(
    ['rbac.authorization.k8s.io/v1beta1'],
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    [17, 22],
    section('122', 'rbac-resources'),
    [to('rbac.authorization.k8s.io/v1', 8)],
  ),
  ...api(['scheduling.k8s.io/v1beta1'], ['PriorityClass'], [14, 22], section('122', 'priorityclass'), [
    to('scheduling.k8s.io/v1', 14),
  ]),
  ...STORAGE_V122.flatMap(([kind, deprecatedIn, since]) =>
    api(['storage.k8s.io/v1beta1'], [kind], [deprecatedIn, 22], section('122', 'storage-resources'), [
      to('storage.k8s.io/v1', since),
    ]),
  ),
  // Removed in v1.25
  ...api(['batch/v1beta1'], ['CronJob'], [21, 25], section('125', 'cronjob'), [to('batch/v1', 21)]),
  ...api(['discovery.k8s.io/v1beta1'], ['EndpointSlice'], [21, 25], section('125', 'endpointslice'), [
    to('discovery.k8s.io/v1', 21, ENDPOINT_SLICE),
  ]),
  ...api(['events.k8s.io/v1beta1'], ['Event'], [22, 25], section('125', 'event'), [
    to('events.k8s.io/v1', 19, EVENT),
  ]),
  ...api(
    ['autoscaling/v2beta1'],
    ['HorizontalPodAutoscaler'],
    [22, 25],
    section('125', 'horizontalpodautoscaler'),
    [to('autoscaling/v2', 23, HPA_METRICS), to('autoscaling/v2beta2', 12, HPA_METRICS, 26)],
  ),
  ...api(['policy/v1beta1'], ['PodDisruptionBudget'], [21, 25], section('125', 'poddisruptionbudget'), [
    to('policy/v1', 21, PDB),
  ]),
  ...api(['policy/v1beta1'], ['PodSecurityPolicy'], [21, 25], section('125', 'podsecuritypolicy'), [], {
    noReplacement: PSP,
  }),
  ...api(['node.k8s.io/v1beta1'], ['RuntimeClass'], [22, 25], section('125', 'runtimeclass'), [
    to('node.k8s.io/v1', 20),
  ]),
  // Removed in v1.26 (and the alpha flowcontrol version, unavailable from v1.21)
  ...flowcontrol('v1alpha1', [20, 21], '126'),
  ...flowcontrol('v1beta1', [23, 26], '126'),
  ...api(
    ['autoscaling/v2beta2'],
    ['HorizontalPodAutoscaler'],
    [23, 26],
    section('126', 'horizontalpodautoscaler'),
    [to('autoscaling/v2', 23)],
  ),
  // Removed in v1.27, v1.29, v1.32
  ...api(['storage.k8s.io/v1beta1'], ['CSIStorageCapacity'], [24, 27], section('127', 'csistoragecapacity'), [
    to('storage.k8s.io/v1', 24),
  ]),
  ...flowcontrol('v1beta2', [26, 29], '129'),
  ...flowcontrol('v1beta3', [29, 32], '132'),
  // Dynamic Resource Allocation betas (API lifecycle: deprecated 3 releases after introduction, removed 3 later).
  ...api(
    ['resource.k8s.io/v1beta1'],
    ['ResourceClaim', 'ResourceClaimTemplate'],
    [35, 38],
    DRA_DOC,
    [to('resource.k8s.io/v1', 34, DRA_CLAIM), to('resource.k8s.io/v1beta2', 33, DRA_CLAIM, 39)],
    { note: DRA_OFF },
  ),
  ...api(
    ['resource.k8s.io/v1beta1'],
    ['ResourceSlice'],
    [35, 38],
    DRA_DOC,
    [to('resource.k8s.io/v1', 34, DRA_SLICE), to('resource.k8s.io/v1beta2', 33, DRA_SLICE, 39)],
    { note: DRA_OFF },
  ),
  ...api(
    ['resource.k8s.io/v1beta1'],
    ['DeviceClass'],
    [35, 38],
    DRA_DOC,
    [to('resource.k8s.io/v1', 34), to('resource.k8s.io/v1beta2', 33, undefined, 39)],
    { note: DRA_OFF },
  ),
  ...api(
    ['resource.k8s.io/v1beta2'],
    ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    [36, 39],
    DRA_DOC,
    [to('resource.k8s.io/v1', 34)],
    { note: DRA_OFF },
  ),
  // Core v1 Endpoints: deprecated in v1.33; a stable API, so no removal is scheduled.
  ...api(['v1'], ['Endpoints'], [33], ENDPOINTS_BLOG, [
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', since: 21, changes: ENDPOINTS },
  ]),
];

const BY_KEY: ReadonlyMap<string, DeprecatedApi> = new Map(
  DEPRECATED_APIS.map((e) => [`${e.apiVersion} ${e.kind}`, e]),
);

/** The table entry for an apiVersion and kind, if that version is deprecated or removed. */
export function findDeprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_KEY.get(`${apiVersion} ${kind}`);
}

/** The best replacement `minor` serves (undefined: none). */
export function replacementFor(entry: DeprecatedApi, minor: number): ApiReplacement | undefined {
  return entry.replacements.find((r) => r.since <= minor && (r.until === undefined || minor < r.until));
}
