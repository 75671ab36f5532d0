import rule from '../../../src/rules/platform/score-admin-port-exposed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes application ports and Score files without a service',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      service:
        ports:
          http:
            port: 80
            targetPort: 8080
          metrics:
            port: 9090
      containers:
        main:
          image: nginx:1.27
      ---
      apiVersion: score.dev/v1b1
      metadata:
        name: worker
      containers:
        main:
          image: nginx:1.27
    `,
    expected: [],
  },
  {
    name: 'reports SSH, Docker API and kubelet ports, port and targetPort separately',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: toolbox
      service:
        ports:
          ssh:
            port: 2222
            targetPort: 22
          docker:
            port: 2375
          docker-tls:
            port: 2376
            targetPort: 2376
          kubelet:
            port: 10250
      containers:
        main:
          image: nginx:1.27
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message: 'Score workload "toolbox" publishes service port "ssh" with targetPort 22 (SSH)',
        severity: 'medium',
      },
      {
        line: 10,
        column: 7,
        message: 'port "docker" with port 2375 (the unencrypted Docker Engine API)',
        severity: 'high',
      },
      { line: 12, column: 7, message: 'port "docker-tls" with port 2376', severity: 'medium' },
      { line: 13, column: 7, message: 'port "docker-tls" with targetPort 2376' },
      { line: 15, column: 7, message: 'port "kubelet" with port 10250 (the kubelet API)' },
    ],
  },
];

describe('score-admin-port-exposed', () => {
  testRuleCases(rule, cases);
});
