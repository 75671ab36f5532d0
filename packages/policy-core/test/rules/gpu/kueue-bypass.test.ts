import rule from '../../../src/rules/gpu/kueue-bypass.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const LOCAL_QUEUE = yaml`
  apiVersion: kueue.x-k8s.io/v1beta2
  kind: LocalQueue
  metadata:
    name: team-a-queue
    namespace: team-a
  spec:
    clusterQueue: gpu-cq
`;

const cases: RuleCase[] = [
  {
    name: 'passes when the GPU Job names an existing LocalQueue',
    yaml:
      LOCAL_QUEUE +
      yaml`
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: train
        namespace: team-a
        labels:
          kueue.x-k8s.io/queue-name: team-a-queue
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: train
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
    `,
    expected: [],
  },
  {
    name: 'passes when Kueue does not govern the namespace, or the workload uses no accelerator',
    yaml:
      LOCAL_QUEUE +
      yaml`
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: elsewhere
        namespace: team-b
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: train
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: cpu-only
        namespace: team-a
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: etl
                image: spark
    `,
    expected: [],
  },
  {
    name: 'reports an unlabeled GPU Job in a namespace with a LocalQueue',
    yaml:
      LOCAL_QUEUE +
      yaml`
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: sneaky
        namespace: team-a
        labels:
          app: sneaky
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: train
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 8
    `,
    expected: [
      {
        line: 14,
        column: 3,
        severity: 'medium',
        message:
          'The Job uses GPUs (nvidia.com/gpu) in namespace "team-a", which Kueue governs (LocalQueue "team-a-queue"), ' +
          'but has no kueue.x-k8s.io/queue-name label',
      },
    ],
  },
  {
    name: 'reports a queue name that is not a LocalQueue of the namespace, at the label',
    yaml:
      LOCAL_QUEUE +
      yaml`
      ---
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: js
        namespace: team-a
        labels:
          kueue.x-k8s.io/queue-name: typo-queue
      spec:
        replicatedJobs:
          - name: workers
            template:
              spec:
                template:
                  spec:
                    containers:
                      - name: w
                        image: jax
                        resources:
                          limits:
                            google.com/tpu: 4
    `,
    expected: [
      {
        line: 15,
        column: 5,
        message: 'The JobSet names LocalQueue "typo-queue", which the scan does not define',
      },
    ],
  },
  {
    name: 'uses the Red Hat managed-namespace label; reads CronJob jobTemplate labels and Deployment pod labels',
    yaml: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ml
        labels:
          kueue.openshift.io/managed: "true"
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
        namespace: ml
        labels:
          kueue.x-k8s.io/queue-name: on-the-cronjob-is-not-enough
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: c
                    image: cuda
                    resources:
                      limits:
                        nvidia.com/gpu: 1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: serve
        namespace: ml
      spec:
        template:
          metadata:
            labels:
              kueue.x-k8s.io/queue-name: any-queue
          spec:
            containers:
              - name: s
                image: vllm
                resources:
                  limits:
                    nvidia.com/gpu: 1
    `,
    expected: [
      {
        line: 17,
        column: 3,
        message:
          'The CronJob uses GPUs (nvidia.com/gpu) in namespace "ml", which Kueue governs (label kueue.openshift.io/managed)',
      },
    ],
  },
  {
    name: 'skips kinds Kueue does not manage, system namespaces and templated queue names',
    yaml: yaml`
      apiVersion: kueue.x-k8s.io/v1beta1
      kind: LocalQueue
      metadata:
        name: q
      spec:
        clusterQueue: cq
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
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
        name: templated
        labels:
          kueue.x-k8s.io/queue-name: "\${queue}"
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
      apiVersion: kueue.x-k8s.io/v1beta1
      kind: LocalQueue
      metadata:
        name: q
        namespace: kube-system
      spec:
        clusterQueue: cq
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: system
        namespace: kube-system
      spec:
        template:
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
    name: 'reports unlabeled RayJobs and PyTorchJobs that use DRA GPU claims or GPU resources',
    yaml:
      LOCAL_QUEUE +
      yaml`
      ---
      apiVersion: ray.io/v1
      kind: RayJob
      metadata:
        name: ray
        namespace: team-a
      spec:
        rayClusterSpec:
          headGroupSpec:
            template:
              spec:
                resourceClaims:
                  - name: gpu
                    resourceClaimTemplateName: one-gpu
                containers:
                  - name: head
                    image: ray
      ---
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: one-gpu
        namespace: team-a
      spec:
        spec:
          devices:
            requests:
              - name: gpu
                exactly:
                  deviceClassName: gpu.nvidia.com
      ---
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: pt
        namespace: team-a
      spec:
        pytorchReplicaSpecs:
          Master:
            template:
              spec:
                containers:
                  - name: pytorch
                    image: pytorch
          Worker:
            template:
              spec:
                containers:
                  - name: pytorch
                    image: pytorch
                    resources:
                      limits:
                        nvidia.com/gpu: 1
    `,
    expected: [
      { line: 11, column: 1, message: 'The RayJob uses GPUs (a DRA claim of DeviceClass gpu.nvidia.com)' },
      { line: 41, column: 1, message: 'The PyTorchJob uses GPUs (nvidia.com/gpu)' },
    ],
  },
];

describe('kueue-bypass', () => {
  testRuleCases(rule, cases);
});
