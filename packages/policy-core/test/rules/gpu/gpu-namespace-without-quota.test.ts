import rule from '../../../src/rules/gpu/gpu-namespace-without-quota.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const NAMESPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: team-a
`;

const GPU_DEPLOYMENT = yaml`
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: infer
    namespace: team-a
  spec:
    template:
      spec:
        containers:
          - name: model
            image: vllm
            resources:
              limits:
                nvidia.com/gpu: 1
                nvidia.com/gpumem: 8000
`;

const cases: RuleCase[] = [
  {
    name: 'passes when a ResourceQuota caps the GPU requests of the namespace',
    yaml:
      NAMESPACE +
      GPU_DEPLOYMENT +
      yaml`
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: gpu
          namespace: team-a
        spec:
          hard:
            requests.nvidia.com/gpu: "4"
      `,
    expected: [],
  },
  {
    name: 'stays quiet when the scan does not define the namespace (quotas may live elsewhere)',
    yaml: GPU_DEPLOYMENT,
    expected: [],
  },
  {
    name: 'reports a GPU workload in a namespace the scan defines without GPU quota',
    yaml: NAMESPACE + GPU_DEPLOYMENT,
    expected: [
      {
        line: 19,
        column: 15,
        severity: 'medium',
        message:
          'The Deployment uses nvidia.com/gpu in namespace "team-a", which has no ResourceQuota on ' +
          'requests.nvidia.com/gpu and no Kueue, KAI or Volcano queue',
      },
    ],
  },
  {
    name: 'reports when the only quotas cap other resources, naming every uncapped device',
    yaml: yaml`
      apiVersion: v1
      kind: ResourceQuota
      metadata:
        name: compute
        namespace: ml
      spec:
        hard:
          requests.cpu: "10"
          requests.nvidia.com/gpu: "2"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: mixed
        namespace: ml
      spec:
        containers:
          - name: a
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
          - name: b
            image: cuda
            resources:
              limits:
                nvidia.com/mig-1g.10gb: 1
    `,
    expected: [
      {
        line: 27,
        message:
          'uses nvidia.com/mig-1g.10gb in namespace "ml", which has no ResourceQuota on requests.nvidia.com/mig-1g.10gb (it has 1 other quota)',
      },
    ],
  },
  {
    name: 'passes when a queue governs the workload (Kueue label, LocalQueue, KAI, Volcano)',
    yaml: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata:
        name: defaults
        namespace: q
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: kueue
        namespace: q
        labels:
          kueue.x-k8s.io/queue-name: lq
      spec:
        template:
          spec:
            containers:
              - name: a
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: kai
        namespace: q
      spec:
        template:
          spec:
            schedulerName: kai-scheduler
            containers:
              - name: a
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
      ---
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: vc
        namespace: q
      spec:
        tasks:
          - name: t
            template:
              spec:
                containers:
                  - name: a
                    image: cuda
                    resources:
                      limits:
                        nvidia.com/gpu: 1
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: lq-ns
      ---
      apiVersion: kueue.x-k8s.io/v1beta2
      kind: LocalQueue
      metadata:
        name: lq
        namespace: lq-ns
      spec:
        clusterQueue: cq
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unlabeled
        namespace: lq-ns
      spec:
        containers:
          - name: a
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
    `,
    expected: [],
  },
  {
    name: 'checks DRA claims against the device-class quota key; skips system namespaces',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: dra
      ---
      apiVersion: v1
      kind: ResourceQuota
      metadata:
        name: gpu
        namespace: dra
      spec:
        hard:
          requests.nvidia.com/gpu: "4"
      ---
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaim
      metadata:
        name: claim
        namespace: dra
      spec:
        devices:
          requests:
            - name: gpu
              exactly:
                deviceClassName: gpu.nvidia.com
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: dra-pod
        namespace: dra
      spec:
        resourceClaims:
          - name: gpu
            resourceClaimName: claim
        containers:
          - name: a
            image: cuda
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: gpu-operator
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: validator
        namespace: gpu-operator
      spec:
        containers:
          - name: a
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
    `,
    expected: [
      {
        line: 33,
        column: 3,
        message:
          'uses DeviceClass gpu.nvidia.com in namespace "dra", which has no ResourceQuota on gpu.nvidia.com.deviceclass.resource.k8s.io/devices',
      },
    ],
  },
];

describe('gpu-namespace-without-quota', () => {
  testRuleCases(rule, cases);
});
