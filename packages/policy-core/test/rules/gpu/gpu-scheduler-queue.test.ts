import rule from '../../../src/rules/gpu/gpu-scheduler-queue.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with a KAI queue label on the pod template, the object, or the project label',
    yaml: yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: batch-job
      spec:
        template:
          metadata:
            labels:
              kai.scheduler/queue: default-queue
          spec:
            schedulerName: kai-scheduler
            restartPolicy: OnFailure
            containers:
              - name: main
                image: ubuntu
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: infer
        labels:
          kai.scheduler/queue: team-a
      spec:
        template:
          spec:
            schedulerName: kai-scheduler
            containers:
              - name: main
                image: vllm
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: runai
        labels:
          project: team-b
      spec:
        schedulerName: kai-scheduler
        containers:
          - name: main
            image: ubuntu
    `,
    expected: [],
  },
  {
    name: 'passes for the default scheduler and for other schedulers using runai/queue',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: plain
      spec:
        containers:
          - name: main
            image: ubuntu
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: runai
        labels:
          runai/queue: team-a
      spec:
        schedulerName: runai-scheduler
        containers:
          - name: main
            image: ubuntu
    `,
    expected: [],
  },
  {
    name: 'reports kai-scheduler without a queue label at schedulerName, also for an empty label',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: gpu-pod
        namespace: team-a
      spec:
        schedulerName: kai-scheduler
        containers:
          - name: main
            image: cuda
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
        labels:
          kai.scheduler/queue: ""
      spec:
        schedulerName: not-here
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                schedulerName: kai-scheduler
                restartPolicy: Never
                containers:
                  - name: main
                    image: cuda
    `,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'medium',
        message: 'The pod is scheduled by kai-scheduler without a kai.scheduler/queue label',
      },
      { line: 25, column: 11, message: 'without a kai.scheduler/queue label' },
    ],
  },
  {
    name: 'reports the legacy runai/queue label at the label when kai-scheduler is used',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: legacy
      spec:
        template:
          metadata:
            labels:
              runai/queue: team-a
          spec:
            schedulerName: kai-scheduler
            containers:
              - name: main
                image: cuda
    `,
    expected: [
      {
        line: 9,
        column: 9,
        severity: 'medium',
        message:
          'with the legacy label runai/queue=team-a; KAI Scheduler v0.6.0 and later reads kai.scheduler/queue',
      },
    ],
  },
  {
    name: 'reports volcano pods without a queue as low; accepts queue and PodGroup annotations and Namespace queues',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: no-queue
        namespace: batch
        annotations:
          scheduling.volcano.sh/queue-name: ignored-on-the-deployment
      spec:
        template:
          spec:
            schedulerName: volcano
            containers:
              - name: main
                image: nginx
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: queued
        namespace: batch
      spec:
        template:
          metadata:
            annotations:
              scheduling.volcano.sh/queue-name: test
          spec:
            schedulerName: volcano
            containers:
              - name: main
                image: nginx
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: grouped
        namespace: batch
        annotations:
          scheduling.k8s.io/group-name: pg-1
      spec:
        schedulerName: volcano
        containers:
          - name: main
            image: nginx
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-q
        annotations:
          scheduling.volcano.sh/queue-name: team-q
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: ns-queue
        namespace: team-q
      spec:
        schedulerName: volcano
        containers:
          - name: main
            image: nginx
    `,
    expected: [
      {
        line: 11,
        column: 7,
        severity: 'low',
        message: 'scheduled by volcano without a scheduling.volcano.sh/queue-name',
      },
    ],
  },
  {
    name: 'reports Volcano Jobs without spec.queue, and skips system namespaces',
    yaml: yaml`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: vcjob
      spec:
        minAvailable: 1
        schedulerName: volcano
        tasks:
          - name: t
            template:
              spec:
                containers:
                  - name: main
                    image: cuda
      ---
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: queued
      spec:
        queue: team-a
        tasks: []
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: sys
        namespace: kai-scheduler
      spec:
        schedulerName: kai-scheduler
        containers:
          - name: main
            image: cuda
    `,
    expected: [{ line: 5, column: 1, severity: 'low', message: 'The Volcano Job sets no spec.queue' }],
  },
  {
    name: 'checks each Ray group template',
    yaml: yaml`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: rc
      spec:
        headGroupSpec:
          template:
            metadata:
              labels:
                kai.scheduler/queue: team-a
            spec:
              schedulerName: kai-scheduler
              containers:
                - name: head
                  image: ray
        workerGroupSpecs:
          - groupName: gpu
            template:
              spec:
                schedulerName: kai-scheduler
                containers:
                  - name: worker
                    image: ray
    `,
    expected: [{ line: 20, column: 11, message: 'without a kai.scheduler/queue label' }],
  },
];

describe('gpu-scheduler-queue', () => {
  testRuleCases(rule, cases);
});
