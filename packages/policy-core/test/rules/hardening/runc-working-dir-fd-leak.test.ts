import rule from '../../../src/rules/hardening/runc-working-dir-fd-leak.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

/** A Pod whose container sets `workingDir` on line 9. */
function pod(dir: string): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: wd
    spec:
      containers:
        - name: app
          image: nginx
          workingDir: ${dir}
  `;
}

const cases: RuleCase[] = [
  { name: 'passes for an ordinary working directory', yaml: pod('/app'), expected: [] },
  { name: 'passes for other /proc paths', yaml: pod('/proc/self/cwd'), expected: [] },
  { name: 'passes for a directory merely named fd', yaml: pod('/proc/self/fdinfo'), expected: [] },
  {
    name: 'reports /proc/self/fd/<n>',
    yaml: pod('/proc/self/fd/8'),
    expected: [
      {
        line: 9,
        column: 7,
        container: 'app',
        severity: 'high',
        message: 'Container "app" sets workingDir "/proc/self/fd/8", a leaked file descriptor path',
      },
    ],
  },
  { name: 'reports /proc/<pid>/fd', yaml: pod('/proc/1/fd/7'), expected: [{ line: 9 }] },
  { name: 'reports /proc/thread-self/fd', yaml: pod('/proc/thread-self/fd/'), expected: [{ line: 9 }] },
  { name: 'reports the fd directory itself', yaml: pod('/proc/self/fd'), expected: [{ line: 9 }] },
  { name: 'normalises the path first', yaml: pod('//proc/./self//fd/../fd/9'), expected: [{ line: 9 }] },
  {
    name: 'checks init containers and Deployment templates',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: busybox
                workingDir: /proc/self/fd/7
            containers:
              - name: web
                image: nginx
                workingDir: /srv
    `,
    expected: [{ line: 11, column: 11, container: 'init', message: 'Init container "init"' }],
  },
];

describe('runc-working-dir-fd-leak', () => {
  testRuleCases(rule, cases);
});
