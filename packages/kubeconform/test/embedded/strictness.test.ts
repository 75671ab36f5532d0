/**
 * Unknown fields across kinds: a key added to any struct (metadata, pod templates, probes, volumes,
 * affinity, HPA metrics, CronJob job templates, StatefulSet claim templates, status, CRD schemas) is
 * reported at that key; the same key in a map (labels, data, limits, nodeSelector) or in a free-form value
 * (RawExtension) is not.
 */
import { ResourceIndex, type Resource } from '@shiftdown/policy-core';
import { parse } from 'yaml';
import { createEmbeddedValidator } from '../../src/embedded/index.js';
import { WIDGET_CRD } from './fixtures.js';
import { yaml } from './helpers.js';

type Path = (string | number)[];

const validator = createEmbeddedValidator();
const index = new ResourceIndex();

function validate(
  object: Record<string, unknown>,
): { path: readonly (string | number)[]; message: string }[] {
  const resource = {
    id: 0,
    file: 'm.yaml',
    documentIndex: 0,
    kind: object.kind as string,
    apiVersion: object.apiVersion as string,
    object,
    metadata: (object.metadata ?? {}) as Record<string, unknown>,
    line: 1,
    ref: { kind: object.kind as string, apiVersion: object.apiVersion as string },
    locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
    field: () => '',
  } as unknown as Resource;
  return validator.validate(resource, index).map(({ path, message }) => ({ path, message }));
}

/** A copy of `object` with `key: value` added to the object at `path`. */
function withKey(object: unknown, path: Path, key: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown>;
  let target: unknown = copy;
  for (const segment of path) target = (target as Record<string | number, unknown>)[segment];
  (target as Record<string, unknown>)[key] = value;
  return copy;
}

const DEPLOYMENT = parse(
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web, labels: {app: web}, annotations: {a: b}}',
    'spec:',
    '  replicas: 2',
    '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}',
    '  selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a]}]}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      nodeSelector: {disk: ssd}',
    '      affinity:',
    '        podAntiAffinity:',
    '          preferredDuringSchedulingIgnoredDuringExecution:',
    '          - weight: 1',
    '            podAffinityTerm: {topologyKey: zone, labelSelector: {matchLabels: {app: web}}}',
    '      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
    '      volumes:',
    '      - name: cfg',
    '        configMap: {name: cfg, items: [{key: a, path: a}]}',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    '        env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}]',
    '        ports: [{containerPort: 80}]',
    '        resources: {limits: {cpu: 500m, memory: 1Gi}}',
    '        livenessProbe: {httpGet: {path: /, port: 80, httpHeaders: [{name: X, value: y}]}, periodSeconds: 5}',
    '        securityContext: {capabilities: {drop: [ALL]}}',
    '        volumeMounts: [{name: cfg, mountPath: /cfg}]',
    'status: {replicas: 2, conditions: [{type: Available, status: "True"}]}',
  ),
) as Record<string, unknown>;

const CRONJOB = parse(
  yaml(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: c}',
    'spec:',
    '  schedule: "* * * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: Never',
    '          containers: [{name: c, image: busybox}]',
  ),
) as Record<string, unknown>;

const STATEFULSET = parse(
  yaml(
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: s}',
    'spec:',
    '  serviceName: s',
    '  selector: {matchLabels: {app: s}}',
    '  template: {metadata: {labels: {app: s}}, spec: {containers: [{name: c, image: i}]}}',
    '  volumeClaimTemplates:',
    '  - metadata: {name: data}',
    '    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
  ),
) as Record<string, unknown>;

const HPA = parse(
  yaml(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: h}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    '  maxReplicas: 5',
    '  metrics:',
    '  - type: Resource',
    '    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}',
  ),
) as Record<string, unknown>;

const INGRESS = parse(
  yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata: {name: i}',
    'spec:',
    '  rules:',
    '  - host: example.com',
    '    http:',
    '      paths:',
    '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  ),
) as Record<string, unknown>;

const ROLE = parse(
  yaml(
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    'metadata: {name: r}',
    'rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]',
  ),
) as Record<string, unknown>;

const CRD = parse(WIDGET_CRD) as Record<string, unknown>;
const SCHEMA: Path = ['spec', 'versions', 0, 'schema', 'openAPIV3Schema'];

const reported: [string, Record<string, unknown>, Path][] = [
  ['Deployment metadata', DEPLOYMENT, ['metadata']],
  ['Deployment spec', DEPLOYMENT, ['spec']],
  ['rolling update strategy', DEPLOYMENT, ['spec', 'strategy', 'rollingUpdate']],
  ['label selector requirement', DEPLOYMENT, ['spec', 'selector', 'matchExpressions', 0]],
  ['pod template metadata', DEPLOYMENT, ['spec', 'template', 'metadata']],
  [
    'pod anti-affinity term',
    DEPLOYMENT,
    [
      'spec',
      'template',
      'spec',
      'affinity',
      'podAntiAffinity',
      'preferredDuringSchedulingIgnoredDuringExecution',
      0,
      'podAffinityTerm',
    ],
  ],
  [
    'pod security context profile',
    DEPLOYMENT,
    ['spec', 'template', 'spec', 'securityContext', 'seccompProfile'],
  ],
  ['volume', DEPLOYMENT, ['spec', 'template', 'spec', 'volumes', 0]],
  ['configMap volume item', DEPLOYMENT, ['spec', 'template', 'spec', 'volumes', 0, 'configMap', 'items', 0]],
  [
    'container env valueFrom',
    DEPLOYMENT,
    ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom', 'secretKeyRef'],
  ],
  ['container port', DEPLOYMENT, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0]],
  ['resource requirements', DEPLOYMENT, ['spec', 'template', 'spec', 'containers', 0, 'resources']],
  [
    'probe HTTP header',
    DEPLOYMENT,
    ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'httpGet', 'httpHeaders', 0],
  ],
  [
    'capabilities',
    DEPLOYMENT,
    ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities'],
  ],
  ['status condition', DEPLOYMENT, ['status', 'conditions', 0]],
  ['CronJob job template pod spec', CRONJOB, ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ['StatefulSet volume claim template spec', STATEFULSET, ['spec', 'volumeClaimTemplates', 0, 'spec']],
  ['HPA v2 metric target', HPA, ['spec', 'metrics', 0, 'resource', 'target']],
  ['Ingress backend port', INGRESS, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port']],
  ['RBAC policy rule', ROLE, ['rules', 0]],
  ['CRD schema node', CRD, [...SCHEMA, 'properties', 'spec', 'properties', 'color']],
  ['CRD names', CRD, ['spec', 'names']],
];

const accepted: [string, Record<string, unknown>, Path][] = [
  ['labels', DEPLOYMENT, ['metadata', 'labels']],
  ['annotations', DEPLOYMENT, ['metadata', 'annotations']],
  ['matchLabels', DEPLOYMENT, ['spec', 'selector', 'matchLabels']],
  ['nodeSelector', DEPLOYMENT, ['spec', 'template', 'spec', 'nodeSelector']],
  [
    'resource limits (quantities)',
    DEPLOYMENT,
    ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'],
  ],
  [
    'claim template storage requests',
    STATEFULSET,
    ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests'],
  ],
  ['CRD schema properties (a map of schemas)', CRD, [...SCHEMA, 'properties', 'spec', 'properties']],
];

describe('unknown fields across kinds', () => {
  it.each(
    [DEPLOYMENT, CRONJOB, STATEFULSET, HPA, INGRESS, ROLE, CRD].map((object) => [
      object.kind as string,
      object,
    ]),
  )('%s: the unmodified object is valid', (_kind, object) => {
    expect(validate(object)).toEqual([]);
  });

  it.each(reported)('%s: an added field is reported at its key', (_name, object, path) => {
    const issues = validate(withKey(object, path, 'zzUnknown', 1));
    expect(issues.map(({ path: at }) => at)).toEqual([[...path, 'zzUnknown']]);
    expect(issues[0]!.message).toMatch(
      /^Unknown field "zzUnknown" in .* \(not in the \w+ [\w./]+ schema\)\.$/,
    );
  });

  it.each(accepted)('%s: an added key is a map entry, not an unknown field', (_name, object, path) => {
    expect(
      validate(withKey(object, path, 'zz-key', path.includes('properties') ? { type: 'string' } : '1')),
    ).toEqual([]);
  });

  it('free-form values (RawExtension) take any key', () => {
    const revision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'r' },
      revision: 1,
      data: { any: { thing: 1 } },
    };
    expect(validate(withKey(revision, ['data', 'any'], 'zz', [1]))).toEqual([]);
  });
});
