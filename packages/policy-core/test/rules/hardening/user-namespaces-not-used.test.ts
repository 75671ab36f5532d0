import rule from '../../../src/rules/hardening/user-namespaces-not-used.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A Pod in namespace "apps" with extra pod-spec lines starting at line 7 and container "app" after them. */
function pod(podFields = '', containerFields = ''): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      namespace: apps
    spec:
      ${podFields || 'dnsPolicy: ClusterFirst'}
      containers:
        - name: app
          image: nginx
          ${containerFields || 'imagePullPolicy: Always'}
  `;
}

const cases: RuleCase[] = [
  { name: 'passes with hostUsers: false', yaml: pod('hostUsers: false'), expected: [] },
  {
    name: 'reports an unset hostUsers as info, at the pod spec',
    yaml: pod(),
    expected: [
      {
        line: 6,
        column: 1,
        severity: 'info',
        message: 'The pod leaves hostUsers unset, so root in its containers is root on the node',
      },
    ],
  },
  {
    name: 'reports hostUsers: true at the field',
    yaml: pod('hostUsers: true'),
    expected: [{ line: 7, column: 3, severity: 'info', message: 'The pod sets hostUsers: true' }],
  },
  {
    name: 'is medium in a multi-tenant namespace (config)',
    settings: { namespaceTenancy: { apps: 'multi' } },
    yaml: pod(),
    expected: [
      { line: 6, severity: 'medium', message: 'leaves hostUsers unset in a multi-tenant namespace' },
    ],
  },
  {
    name: 'is info in a single-tenant namespace',
    settings: { namespaceTenancy: { apps: 'single' } },
    yaml: pod(),
    expected: [{ line: 6, severity: 'info' }],
  },
  {
    name: 'leaves untrusted namespaces to untrusted-workload-not-sandboxed',
    settings: { namespaceTenancy: { apps: 'untrusted' } },
    yaml: pod(),
    expected: [],
  },
  {
    name: 'reads the tenancy label of a scanned Namespace, in a later document',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shared
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shared
        labels:
          shiftdown.dev/tenancy: multi
    `,
    expected: [{ line: 8, column: 5, severity: 'medium', message: 'in a multi-tenant namespace' }],
  },
  {
    name: 'does not apply before Kubernetes 1.33',
    settings: { kubernetesVersion: { major: 1, minor: 32 } },
    yaml: pod(),
    expected: [],
  },
  {
    name: 'applies from Kubernetes 1.33',
    settings: { kubernetesVersion: { major: 1, minor: 33 } },
    yaml: pod(),
    expected: [{ line: 6 }],
  },
  {
    name: 'applies to Kubernetes 2.x',
    settings: { kubernetesVersion: { major: 2, minor: 0 } },
    yaml: pod(),
    expected: [{ line: 6 }],
  },
  { name: 'skips hostNetwork pods', yaml: pod('hostNetwork: true'), expected: [] },
  { name: 'skips hostPID pods', yaml: pod('hostPID: true'), expected: [] },
  { name: 'skips hostIPC pods', yaml: pod('hostIPC: true'), expected: [] },
  { name: 'skips Windows pods', yaml: pod('os: {name: windows}'), expected: [] },
  { name: 'skips sandboxed pods', yaml: pod('runtimeClassName: kata-qemu'), expected: [] },
  {
    name: 'skips pods with a sandbox runtime class from the config',
    settings: { sandboxRuntimeClasses: ['secure'] },
    yaml: pod('runtimeClassName: secure'),
    expected: [],
  },
  { name: 'skips templated hostUsers', yaml: pod('hostUsers: "${HOST_USERS}"'), expected: [] },
  { name: 'skips privileged containers', yaml: pod('', 'securityContext: {privileged: true}'), expected: [] },
  {
    name: 'skips HostProcess containers',
    yaml: pod('securityContext: {windowsOptions: {hostProcess: true}}'),
    expected: [],
  },
  {
    name: 'skips raw block devices',
    yaml: pod('', 'volumeDevices: [{name: disk, devicePath: /dev/xvda}]'),
    expected: [],
  },
  {
    name: 'skips containers that add host-only capabilities',
    yaml: pod('', 'securityContext: {capabilities: {add: [cap_sys_time]}}'),
    expected: [],
  },
  {
    name: 'still reports pods that add namespaced capabilities',
    yaml: pod('', 'securityContext: {capabilities: {add: [NET_ADMIN]}}'),
    expected: [{ line: 6 }],
  },
  {
    name: 'checks CronJob templates',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                hostUsers: true
                containers:
                  - name: job
                    image: busybox
    `,
    expected: [{ line: 11, column: 11, severity: 'info' }],
  },
];

describe('user-namespaces-not-used', () => {
  testRuleCases(rule, cases);
});
