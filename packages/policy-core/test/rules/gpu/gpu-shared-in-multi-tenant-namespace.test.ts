import rule from '../../../src/rules/gpu/gpu-shared-in-multi-tenant-namespace.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const SHARED_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: shared
    namespace: team-a
  spec:
    containers:
      - name: app
        image: cuda
        resources:
          limits:
            nvidia.com/gpu.shared: 1
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the namespace tenancy is unknown or single',
    settings: { namespaceTenancy: { 'team-b': 'single' } },
    yaml:
      SHARED_POD +
      yaml`
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: shared
        namespace: team-b
      spec:
        containers:
          - name: app
            image: cuda
            resources:
              limits:
                nvidia.com/gpumem: 4000
    `,
    expected: [],
  },
  {
    name: 'passes for whole GPUs and MIG devices in a multi-tenant namespace',
    settings: { namespaceTenancy: { 'team-a': 'multi' } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: isolated
        namespace: team-a
      spec:
        nodeSelector:
          nvidia.com/gpu.sharing-strategy: none
        containers:
          - name: app
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
                nvidia.com/mig-1g.10gb: 1
    `,
    expected: [],
  },
  {
    name: 'reports shared replicas with the tenancy from config',
    settings: { namespaceTenancy: { 'team-a': 'untrusted' } },
    yaml: SHARED_POD,
    expected: [
      {
        line: 12,
        column: 11,
        container: 'app',
        message:
          'uses the shared GPU resource nvidia.com/gpu.shared in namespace "team-a" (tenancy untrusted)',
      },
    ],
  },
  {
    name: 'reads the tenancy label of a scanned Namespace; reports HAMi and Volcano vGPU resources',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: lab
        labels:
          shiftdown.dev/tenancy: multi
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: infer
        namespace: lab
      spec:
        template:
          spec:
            containers:
              - name: hami
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
                    nvidia.com/gpumem: 3000
                    nvidia.com/gpucores: 30
              - name: vgpu
                image: cuda
                resources:
                  limits:
                    volcano.sh/vgpu-number: 1
    `,
    expected: [
      { line: 22, container: 'hami', message: 'nvidia.com/gpumem in namespace "lab" (tenancy multi)' },
      { line: 23, container: 'hami', message: 'nvidia.com/gpucores' },
      { line: 28, container: 'vgpu', message: 'volcano.sh/vgpu-number' },
    ],
  },
  {
    name: 'reports KAI fraction annotations and selectors of time-sliced or MPS nodes',
    settings: { namespaceTenancy: { 'team-a': 'multi' } },
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: frac
        namespace: team-a
      spec:
        template:
          metadata:
            annotations:
              gpu-fraction: "0.5"
              gpu-memory: "2000"
          spec:
            restartPolicy: Never
            nodeSelector:
              nvidia.com/gpu.sharing-strategy: time-slicing
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - key: nvidia.com/gpu.product
                          operator: In
                          values: [A100]
                        - key: nvidia.com/gpu.sharing-strategy
                          operator: In
                          values: [none, mps]
            containers:
              - name: app
                image: cuda
    `,
    expected: [
      { line: 10, message: 'KAI annotation gpu-fraction in namespace "team-a" (tenancy multi)' },
      { line: 11, message: 'KAI annotation gpu-memory' },
      { line: 15, message: 'nvidia.com/gpu.sharing-strategy=time-slicing' },
      { line: 24, message: 'nvidia.com/gpu.sharing-strategy=mps' },
    ],
  },
  {
    name: 'skips system namespaces even when configured as multi-tenant',
    settings: { namespaceTenancy: { 'kube-system': 'multi' } },
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: shared
        namespace: kube-system
      spec:
        containers:
          - name: app
            image: cuda
            resources:
              limits:
                nvidia.com/gpu.shared: 1
    `,
    expected: [],
  },
  {
    name: 'checks RayCluster worker groups',
    settings: { namespaceTenancy: { ray: 'multi' } },
    yaml: yaml`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: rc
        namespace: ray
      spec:
        headGroupSpec:
          template:
            spec:
              containers:
                - name: head
                  image: ray
        workerGroupSpecs:
          - groupName: small
            template:
              spec:
                containers:
                  - name: worker
                    image: ray
                    resources:
                      limits:
                        nvidia.com/mig-1g.5gb.shared: 1
    `,
    expected: [{ line: 22, container: 'worker', message: 'nvidia.com/mig-1g.5gb.shared' }],
  },
];

describe('gpu-shared-in-multi-tenant-namespace', () => {
  testRuleCases(rule, cases);
});
