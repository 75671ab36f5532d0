/**
 * Built-in kinds through the core's scan(): exact findings (rule, line, column, message) of the embedded
 * validator on the Kubernetes v1.36 schemas, as strict as kubeconform -strict. Issues point at the
 * offending key (a wrong value is reported at its key), a missing field at its parent object.
 */
import { findingsOf, invalid, missing, yaml, type SchemaFinding } from './helpers.js';

const DEPLOYMENT_HEAD = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
];

/** A valid Deployment (lines 1-14) followed by `container` lines inside its only container. */
function deployment(...container: string[]): string {
  return yaml(...DEPLOYMENT_HEAD, ...container);
}

const cases: [string, string, SchemaFinding[]][] = [
  ['a valid Deployment', deployment('        ports:', '        - containerPort: 80'), []],
  [
    'a misspelt field, at its own key',
    deployment('        imagePullPolicyy: Always'),
    [
      invalid(
        15,
        9,
        'Unknown field "imagePullPolicyy" in spec.template.spec.containers[0] (not in the Deployment apps/v1 schema).',
      ),
    ],
  ],
  [
    'an unknown field at the top level',
    yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data: {k: v}', 'dta: {k: v}'),
    [invalid(5, 1, 'Unknown field "dta" at the top level (not in the ConfigMap v1 schema).')],
  ],
  [
    'an unknown field in metadata',
    yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  lables: {a: b}'),
    [invalid(5, 3, 'Unknown field "lables" in metadata (not in the ConfigMap v1 schema).')],
  ],
  [
    'an unknown field in a nested struct of a pod template',
    deployment('        securityContext:', '          runAsNonRot: true'),
    [
      invalid(
        16,
        11,
        'Unknown field "runAsNonRot" in spec.template.spec.containers[0].securityContext (not in the Deployment apps/v1 schema).',
      ),
    ],
  ],
  [
    'a pod field set on the container',
    deployment('        hostNetwork: true'),
    [
      invalid(
        15,
        9,
        'Unknown field "hostNetwork" in spec.template.spec.containers[0] (not in the Deployment apps/v1 schema).',
      ),
    ],
  ],
  [
    'wrong types: a string for an integer, at the value',
    yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: "two"',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        ports:',
      '        - containerPort: "80"',
      '        stdin: "yes"',
    ),
    [
      invalid(5, 3, 'spec.replicas has the wrong type: expected integer, but got string "two".'),
      invalid(
        12,
        11,
        'spec.template.spec.containers[0].ports[0].containerPort has the wrong type: expected integer, but got string "80".',
      ),
      invalid(
        13,
        9,
        'spec.template.spec.containers[0].stdin has the wrong type: expected boolean, but got string "yes".',
      ),
    ],
  ],
  [
    'a list where an object is expected',
    yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  selector: [app, web]'),
    [invalid(5, 3, 'spec.selector has the wrong type: expected object, but got array.')],
  ],
  [
    'enum values, listing the allowed ones',
    deployment(
      '        imagePullPolicy: always',
      '        ports:',
      '        - containerPort: 53',
      '          protocol: tcp',
    ),
    [
      invalid(
        15,
        9,
        'spec.template.spec.containers[0].imagePullPolicy has an unsupported value "always": expected "Always", "IfNotPresent" or "Never".',
      ),
      invalid(
        18,
        11,
        'spec.template.spec.containers[0].ports[0].protocol has an unsupported value "tcp": expected "SCTP", "TCP" or "UDP".',
      ),
    ],
  ],
  [
    'required fields, at the parent object',
    yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: nginx',
    ),
    [
      invalid(4, 1, 'Missing required field "selector" in spec.'),
      invalid(8, 9, 'Missing required field "name" in spec.template.spec.containers[0].'),
    ],
  ],
  [
    'a required list missing from the pod spec',
    yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  restartPolicy: Never'),
    [invalid(4, 1, 'Missing required field "containers" in spec.')],
  ],
  [
    'null for a required field (kubeconform: expected object, but got null)',
    yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  selector: null',
      '  template: {}',
    ),
    [invalid(5, 3, 'spec.selector has the wrong type: expected object, but got null.')],
  ],
  [
    'null for optional fields and map values is accepted',
    yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: c',
      '  creationTimestamp: null',
      '  labels: {a: null}',
      'data:',
      '  k: null',
      'immutable: null',
    ),
    [],
  ],
  [
    'IntOrString: integers and strings pass, anything else is one readable issue',
    deployment(
      '        livenessProbe:',
      '          httpGet: {port: 8080}',
      '        readinessProbe:',
      '          httpGet: {port: http}',
      '        startupProbe:',
      '          tcpSocket: {port: true}',
    ),
    [
      invalid(
        20,
        23,
        'spec.template.spec.containers[0].startupProbe.tcpSocket.port has the wrong type: expected integer or string, but got boolean true.',
      ),
    ],
  ],
  [
    'quantities: numbers and valid strings pass; a bad string or another type is one issue each',
    deployment(
      '        resources:',
      '          requests: {cpu: 250m, memory: 64Mi, ephemeral-storage: 1}',
      '          limits: {cpu: 1 core, memory: [1Gi]}',
    ),
    [
      invalid(
        17,
        20,
        'spec.template.spec.containers[0].resources.limits.cpu has an invalid value string "1 core": expected a quantity such as 500m, 1.5, 128Mi or 2Gi.',
      ),
      invalid(
        17,
        33,
        'spec.template.spec.containers[0].resources.limits.memory has the wrong type: expected number or string, but got array.',
      ),
    ],
  ],
  [
    'labels and annotations are maps: any key, string values only',
    yaml(
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: team',
      '  labels:',
      '    anything.example.com/goes: "yes"',
      '    tier: 1',
      '  annotations:',
      '    note: true',
    ),
    [
      invalid(7, 5, 'metadata.labels.tier has the wrong type: expected string, but got integer 1.'),
      invalid(9, 5, 'metadata.annotations.note has the wrong type: expected string, but got boolean true.'),
    ],
  ],
  [
    'an unknown field inside a List item, relative to the item',
    yaml(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: a}',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: s}',
      '  spec:',
      '    ports:',
      '    - port: 80',
      '      targtPort: 8080',
    ),
    [invalid(13, 7, 'Unknown field "targtPort" in spec.ports[0] (not in the Service v1 schema).')],
  ],
  [
    'status is validated too',
    yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers: [{name: a, image: b}]',
      'status:',
      '  phase: Running',
      '  bogus: 1',
    ),
    [invalid(8, 3, 'Unknown field "bogus" in status (not in the Pod v1 schema).')],
  ],
  [
    'free-form values (RawExtension) accept anything',
    yaml(
      'apiVersion: apps/v1',
      'kind: ControllerRevision',
      'metadata: {name: r}',
      'revision: 1',
      'data:',
      '  anything: {goes: [1, two]}',
    ),
    [],
  ],
  [
    'PriorityClass.description (a field the compiled validator cannot see) is accepted, a typo is not',
    yaml(
      'apiVersion: scheduling.k8s.io/v1',
      'kind: PriorityClass',
      'metadata: {name: high}',
      'value: 1000',
      'description: Important workloads.',
      'descripton: typo',
    ),
    [
      invalid(
        6,
        1,
        'Unknown field "descripton" at the top level (not in the PriorityClass scheduling.k8s.io/v1 schema).',
      ),
    ],
  ],
  [
    'a kind no schema knows: missing, at the kind',
    yaml('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}'),
    [
      missing(
        2,
        1,
        'No schema for Widget example.com/v1: it is not a Kubernetes v1.36 kind and no CustomResourceDefinition for it ' +
          'is in the scan or the configured CRD directories.',
      ),
    ],
  ],
  [
    'a built-in kind in an API version that never had it',
    yaml('apiVersion: apps/v1', 'kind: Pod', 'metadata: {name: p}'),
    [
      missing(
        2,
        1,
        'No schema for Pod apps/v1: the embedded Kubernetes v1.36 schemas have no such API version (Pod is served as v1).',
      ),
    ],
  ],
  [
    'a kind spelt with the wrong case',
    yaml('apiVersion: apps/v1', 'kind: deployment', 'metadata: {name: d}'),
    [
      missing(
        2,
        1,
        'No schema for deployment apps/v1: it is not a Kubernetes v1.36 kind and no CustomResourceDefinition for it ' +
          'is in the scan or the configured CRD directories.',
      ),
    ],
  ],
];

describe('embedded validator: built-in kinds through scan()', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(findingsOf(text)).toEqual(expected);
  });

  it('reports each problem of one object once, in document order', () => {
    const text = deployment(
      '        imagePullPolicyy: Always',
      '        ports:',
      '        - containerPort: "80"',
    );
    expect(findingsOf(text).map(({ line }) => line)).toEqual([15, 17]);
  });
});
