import rule from '../../../src/rules/gpu/gpu-visibility-env-override.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for opt-out values, default capabilities, CUDA_VISIBLE_DEVICES, references and templates',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        containers:
          - name: app
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: void
              - name: NVIDIA_DRIVER_CAPABILITIES
                value: compute,utility
              - name: CUDA_VISIBLE_DEVICES
                value: all
              - name: NVIDIA_MIG_CONFIG_DEVICES
                value: ""
          - name: other
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: none
              - name: NVIDIA_MIG_MONITOR_DEVICES
                valueFrom:
                  configMapKeyRef:
                    name: gpu
                    key: monitor
          - name: templated
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: "\${GPUS}"
    `,
    expected: [],
  },
  {
    name: 'reports NVIDIA_VISIBLE_DEVICES=all without a GPU request as critical, a device list as high',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: miner
        namespace: team-a
      spec:
        template:
          spec:
            containers:
              - name: all
                image: cuda
                env:
                  - name: NVIDIA_VISIBLE_DEVICES
                    value: ALL
              - name: list
                image: cuda
                env:
                  - name: NVIDIA_VISIBLE_DEVICES
                    value: 0,1
                resources:
                  limits:
                    amd.com/gpu: 1
    `,
    expected: [
      {
        line: 14,
        column: 15,
        container: 'all',
        severity: 'critical',
        message: 'Container "all" sets NVIDIA_VISIBLE_DEVICES=ALL without requesting an NVIDIA GPU',
      },
      {
        line: 19,
        container: 'list',
        severity: 'high',
        message: 'NVIDIA_VISIBLE_DEVICES=0,1 without requesting',
      },
    ],
  },
  {
    name: 'keeps high severity next to an NVIDIA GPU request or a DRA GPU claim; the last env entry wins',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: both
        namespace: ml
      spec:
        resourceClaims:
          - name: gpu
            resourceClaimName: shared-gpu
        containers:
          - name: req
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: void
              - name: NVIDIA_VISIBLE_DEVICES
                value: all
            resources:
              limits:
                nvidia.com/mig-1g.5gb: 1
          - name: dra
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: all
      ---
      apiVersion: resource.k8s.io/v1beta1
      kind: ResourceClaim
      metadata:
        name: shared-gpu
        namespace: ml
      spec:
        devices:
          requests:
            - name: gpu
              deviceClassName: mig.nvidia.com
    `,
    expected: [
      { line: 17, container: 'req', severity: 'high', message: 'next to a GPU request' },
      { line: 25, container: 'dra', severity: 'high', message: 'next to a GPU request' },
    ],
  },
  {
    name: 'reports the MIG variables and extra driver capabilities with their own severities',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: mig
      spec:
        schedule: "@hourly"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                initContainers:
                  - name: reconfigure
                    image: cuda
                    env:
                      - name: NVIDIA_MIG_CONFIG_DEVICES
                        value: all
                      - name: NVIDIA_MIG_MONITOR_DEVICES
                        value: all
                containers:
                  - name: render
                    image: cuda
                    env:
                      - name: NVIDIA_DRIVER_CAPABILITIES
                        value: compute, utility, graphics,display
    `,
    expected: [
      { line: 17, container: 'reconfigure', severity: 'high', message: 'NVIDIA_MIG_CONFIG_DEVICES=all' },
      { line: 19, container: 'reconfigure', severity: 'medium', message: 'NVIDIA_MIG_MONITOR_DEVICES=all' },
      {
        line: 25,
        container: 'render',
        severity: 'low',
        message: 'beyond compute and utility (graphics, display)',
      },
    ],
  },
  {
    name: 'skips system namespaces and checks ephemeral containers and custom resources elsewhere',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: nvidia-device-plugin
        namespace: kube-system
      spec:
        template:
          spec:
            containers:
              - name: plugin
                image: plugin
                env:
                  - name: NVIDIA_MIG_MONITOR_DEVICES
                    value: all
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
      spec:
        containers:
          - name: app
            image: app
        ephemeralContainers:
          - name: dbg
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: all
      ---
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: vj
      spec:
        tasks:
          - name: t
            template:
              spec:
                containers:
                  - name: vc
                    image: cuda
                    env:
                      - name: NVIDIA_VISIBLE_DEVICES
                        value: GPU-8a1c0e2e-1c4b-4f5d-9f7e-1234567890ab
    `,
    expected: [
      { line: 29, container: 'dbg', severity: 'critical' },
      { line: 45, container: 'vc', severity: 'high' },
    ],
  },
];

describe('gpu-visibility-env-override', () => {
  testRuleCases(rule, cases);
});
