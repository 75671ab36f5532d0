import rule from '../../../src/rules/gpu/gpu-mixed-resource-types.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for one device type per container, with HAMi and Intel amounts beside it',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: a
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
                nvidia.com/gpumem: 4000
                nvidia.com/gpucores: 50
          - name: b
            image: cuda
            resources:
              limits:
                nvidia.com/mig-1g.5gb: 1
          - name: c
            image: oneapi
            resources:
              limits:
                gpu.intel.com/i915: 1
                gpu.intel.com/millicores: 500
                gpu.intel.com/memory.max: 4G
          - name: d
            image: volcano
            resources:
              limits:
                volcano.sh/vgpu-number: 1
                volcano.sh/vgpu-memory: 2048
    `,
    expected: [],
  },
  {
    name: 'reports a whole GPU with a MIG device, at the second resource, across limits and requests',
    yaml: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: mixed
      spec:
        template:
          spec:
            containers:
              - name: app
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 1
                  requests:
                    nvidia.com/gpu: 1
                    nvidia.com/mig-3g.20gb: 1
    `,
    expected: [
      {
        line: 16,
        column: 15,
        container: 'app',
        message: 'Container "app" requests 2 GPU resource types (nvidia.com/gpu, nvidia.com/mig-3g.20gb)',
      },
    ],
  },
  {
    name: 'reports two MIG profiles and mixed Neuron names, once per container',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: mixed
      spec:
        initContainers:
          - name: init
            image: neuron
            resources:
              limits:
                aws.amazon.com/neuron: 1
                aws.amazon.com/neurondevice: 1
        containers:
          - name: app
            image: cuda
            resources:
              limits:
                nvidia.com/mig-1g.10gb: 1
                nvidia.com/mig-2g.20gb: 2
                nvidia.com/mig-3g.40gb: 1
    `,
    expected: [
      { line: 12, container: 'init', message: 'requests 2 GPU resource types' },
      { line: 19, container: 'app', message: 'requests 3 GPU resource types' },
    ],
  },
  {
    name: 'checks TFJob replica templates',
    yaml: yaml`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: tf
      spec:
        tfReplicaSpecs:
          Chief:
            template:
              spec:
                containers:
                  - name: tensorflow
                    image: tf
                    resources:
                      limits:
                        nvidia.com/gpu: 1
                        amd.com/gpu: 1
    `,
    expected: [{ line: 16, container: 'tensorflow', message: '(nvidia.com/gpu, amd.com/gpu)' }],
  },
];

describe('gpu-mixed-resource-types', () => {
  testRuleCases(rule, cases);
});
