import rule from '../../../src/rules/gpu/gpu-request-without-limit.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a limit alone, or a request equal to the limit (compared numerically)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: train
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
          - name: infer
            image: cuda
            resources:
              requests:
                nvidia.com/mig-1g.5gb: "1"
                cpu: 500m
              limits:
                nvidia.com/mig-1g.5gb: 1
                cpu: "1"
    `,
    expected: [],
  },
  {
    name: 'ignores CPU and memory requests without limits, and non-GPU nvidia.com resources',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: nginx
            resources:
              requests:
                cpu: 250m
                memory: 64Mi
                nvidia.com/rdma_shared_device_a: 1
    `,
    expected: [],
  },
  {
    name: 'reports a request without a limit, at the request',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: infer
      spec:
        template:
          spec:
            containers:
              - name: model
                image: vllm
                resources:
                  requests:
                    nvidia.com/gpu: 1
                    cpu: "2"
                  limits:
                    cpu: "2"
    `,
    expected: [
      {
        line: 13,
        column: 15,
        container: 'model',
        severity: 'high',
        message: 'Container "model" requests nvidia.com/gpu: 1 without a limit',
      },
    ],
  },
  {
    name: 'reports a request that differs from the limit, for every accelerator vendor',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: train
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: amd
                image: rocm
                resources:
                  requests:
                    amd.com/gpu: "1"
                  limits:
                    amd.com/gpu: "2"
              - name: neuron
                image: neuron
                resources:
                  requests:
                    aws.amazon.com/neuroncore: 2
                    habana.ai/gaudi: 1
                  limits:
                    aws.amazon.com/neuroncore: 2
                    habana.ai/gaudi: 8
    `,
    expected: [
      { line: 14, container: 'amd', message: 'requests amd.com/gpu: "1" but limits it to "2"' },
      { line: 22, container: 'neuron', message: 'habana.ai/gaudi: 1 but limits it to 8' },
    ],
  },
  {
    name: 'reports fractional quantities in limits or requests once per resource',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: fraction
      spec:
        initContainers:
          - name: warmup
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 0.5
        containers:
          - name: app
            image: cuda
            resources:
              requests:
                google.com/tpu: 500m
              limits:
                google.com/tpu: 500m
          - name: whole
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1.0
                gpu.intel.com/i915: 1e0
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'warmup',
        message: 'Init container "warmup" asks for nvidia.com/gpu: 0.5',
      },
      { line: 19, container: 'app', message: 'google.com/tpu: "500m", which is not a whole number' },
    ],
  },
  {
    name: 'skips templated quantities',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: templated
      spec:
        containers:
          - name: app
            image: cuda
            resources:
              requests:
                nvidia.com/gpu: "\${gpus}"
    `,
    expected: [],
  },
  {
    name: 'checks CronJob templates and Lists',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: batch/v1
          kind: CronJob
          metadata:
            name: nightly
          spec:
            schedule: "0 0 * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers:
                      - name: batch
                        image: cuda
                        resources:
                          requests:
                            nvidia.com/gpu.shared: 1
    `,
    expected: [{ line: 20, container: 'batch', message: 'nvidia.com/gpu.shared: 1 without a limit' }],
  },
  {
    name: 'checks the pod templates of custom training resources (Ray, JobSet, PyTorchJob)',
    yaml: yaml`
      apiVersion: ray.io/v1
      kind: RayJob
      metadata:
        name: ray
      spec:
        rayClusterSpec:
          headGroupSpec:
            template:
              spec:
                containers:
                  - name: head
                    image: ray
          workerGroupSpecs:
            - groupName: gpu
              template:
                spec:
                  containers:
                    - name: worker
                      image: ray
                      resources:
                        requests:
                          nvidia.com/gpu: 2
      ---
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: js
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
                          requests:
                            google.com/tpu: 4
                          limits:
                            google.com/tpu: 8
      ---
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: pt
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: pytorch
                    resources:
                      requests:
                        nvidia.com/gpu: 1
    `,
    expected: [
      { line: 22, container: 'worker', message: 'nvidia.com/gpu: 2 without a limit' },
      { line: 40, container: 'w', message: 'google.com/tpu: 4 but limits it to 8' },
      { line: 59, container: 'pytorch', message: 'without a limit' },
    ],
  },
];

describe('gpu-request-without-limit', () => {
  testRuleCases(rule, cases);
});
