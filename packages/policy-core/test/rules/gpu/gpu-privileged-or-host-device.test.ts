import rule from '../../../src/rules/gpu/gpu-privileged-or-host-device.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes for a hardened GPU pod',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: train
        namespace: team-a
      spec:
        containers:
          - name: train
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
            securityContext:
              privileged: false
              capabilities:
                drop: [ALL]
    `,
    expected: [],
  },
  {
    name: 'does not report privilege in pods that use no accelerator',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tool
      spec:
        containers:
          - name: tool
            image: busybox
            securityContext:
              privileged: true
              capabilities:
                add: [SYS_ADMIN]
    `,
    expected: [],
  },
  {
    name: 'reports privileged and SYS_ADMIN containers of a GPU pod, init and ephemeral containers included',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: train
        namespace: team-a
      spec:
        initContainers:
          - name: setup
            image: cuda
            securityContext:
              capabilities:
                add: [NET_BIND_SERVICE, sys_admin]
        containers:
          - name: train
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
            securityContext:
              privileged: true
        ephemeralContainers:
          - name: debug
            image: busybox
            securityContext:
              capabilities:
                add: [ALL]
    `,
    expected: [
      {
        line: 12,
        column: 35,
        container: 'setup',
        message: 'Init container "setup" adds capability sys_admin',
      },
      {
        line: 20,
        container: 'train',
        message: 'Container "train" is privileged in a pod that uses GPUs (nvidia.com/gpu)',
      },
      { line: 26, container: 'debug', message: 'Ephemeral container "debug" adds capability ALL' },
    ],
  },
  {
    name: 'recognises GPU use by KAI annotations, NVIDIA_VISIBLE_DEVICES and the nvidia runtime class',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: frac
      spec:
        template:
          metadata:
            annotations:
              gpu-fraction: "0.5"
          spec:
            containers:
              - name: app
                image: cuda
                securityContext:
                  privileged: true
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: env
      spec:
        containers:
          - name: app
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: all
            securityContext:
              privileged: true
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: runtime
      spec:
        runtimeClassName: nvidia
        containers:
          - name: app
            image: cuda
            securityContext:
              privileged: true
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: opt-out
      spec:
        containers:
          - name: app
            image: cuda
            env:
              - name: NVIDIA_VISIBLE_DEVICES
                value: void
            securityContext:
              privileged: true
    `,
    expected: [
      { line: 15, message: 'uses GPUs (the KAI "gpu-fraction" annotation)' },
      { line: 29, message: 'uses GPUs (NVIDIA_VISIBLE_DEVICES)' },
      { line: 41, message: 'uses GPUs (runtimeClassName "nvidia")' },
    ],
  },
  {
    name: 'recognises DRA claims of a GPU device class in the scan',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: dra
        namespace: ml
      spec:
        resourceClaims:
          - name: gpu
            resourceClaimTemplateName: single-gpu
        containers:
          - name: app
            image: cuda
            securityContext:
              privileged: true
      ---
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: single-gpu
        namespace: ml
      spec:
        spec:
          devices:
            requests:
              - name: gpu
                exactly:
                  deviceClassName: gpu.nvidia.com
    `,
    expected: [{ line: 14, message: 'a DRA claim of DeviceClass gpu.nvidia.com' }],
  },
  {
    name: 'reports hostPath volumes to device nodes and driver files, whatever the pod requests',
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: sneaky
        namespace: team-a
      spec:
        template:
          spec:
            containers:
              - name: app
                image: cuda
            volumes:
              - name: nv0
                hostPath:
                  path: /dev/nvidia0
              - name: devices
                hostPath:
                  path: /var/run/nvidia-container-devices/
              - name: libs
                hostPath:
                  path: /usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1
              - name: dri
                hostPath:
                  path: //dev/dri
              - name: data
                hostPath:
                  path: /data/nvidia
              - name: dev
                hostPath:
                  path: /dev
              - name: dotted
                hostPath:
                  path: /data/../dev/./nvidiactl
              - name: escaped
                hostPath:
                  path: /dev/nvidia0/../../data
    `,
    expected: [
      { line: 15, column: 13, message: 'The pod mounts host path "/dev/nvidia0" (volume "nv0")' },
      { line: 18, message: '"/var/run/nvidia-container-devices/"' },
      { line: 21, message: 'libnvidia-ml.so.1' },
      { line: 24, message: '"//dev/dri"' },
      { line: 33, message: '"/data/../dev/./nvidiactl"' },
    ],
  },
  {
    name: 'reports mounts into the volume-mounts device list, critical for all, whatever the volume',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: picker
      spec:
        containers:
          - name: app
            image: cuda
            volumeMounts:
              - name: null-dev
                mountPath: /var/run/nvidia-container-devices/all
              - name: null-dev
                mountPath: /var/run/nvidia-container-devices/GPU-8a1c0e2e-1c4b-4f5d-9f7e-1234567890ab
              - name: data
                mountPath: /var/run/nvidia-container-devices-backup
        volumes:
          - name: null-dev
            hostPath:
              path: /dev/null
          - name: data
            emptyDir: {}
    `,
    expected: [
      {
        line: 11,
        column: 11,
        container: 'app',
        severity: 'critical',
        message: 'Container "app" mounts a volume at "/var/run/nvidia-container-devices/all"',
      },
      { line: 13, container: 'app', severity: 'high', message: 'the pod picks its own GPUs' },
    ],
  },
  {
    name: 'skips system namespaces (the GPU Operator needs these privileges)',
    settings: { systemNamespaces: ['platform-gpu'] },
    yaml: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: nvidia-device-plugin
        namespace: gpu-operator
      spec:
        template:
          spec:
            containers:
              - name: plugin
                image: nvcr.io/nvidia/k8s-device-plugin
                securityContext:
                  privileged: true
            volumes:
              - name: run
                hostPath:
                  path: /run/nvidia
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: validator
        namespace: platform-gpu
      spec:
        containers:
          - name: v
            image: cuda
            resources:
              limits:
                nvidia.com/gpu: 1
            securityContext:
              privileged: true
    `,
    expected: [],
  },
  {
    name: 'checks the templates of custom resources (LeaderWorkerSet)',
    yaml: yaml`
      apiVersion: leaderworkerset.x-k8s.io/v1
      kind: LeaderWorkerSet
      metadata:
        name: vllm
      spec:
        leaderWorkerTemplate:
          leaderTemplate:
            spec:
              containers:
                - name: leader
                  image: vllm
          workerTemplate:
            spec:
              containers:
                - name: worker
                  image: vllm
                  resources:
                    limits:
                      nvidia.com/gpu: 8
                  securityContext:
                    privileged: true
    `,
    expected: [{ line: 21, container: 'worker', message: 'Container "worker" is privileged' }],
  },
];

describe('gpu-privileged-or-host-device', () => {
  testRuleCases(rule, cases);
});
