import rule from '../../../src/rules/supply-chain/host-aliases.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes pods without hostAliases or with an empty list',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        hostAliases: []
        containers:
          - name: app
            image: app:1
    `,
    expected: [],
  },
  {
    name: 'reports hostAliases once per pod, naming hostnames and addresses',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: legacy
      spec:
        template:
          spec:
            hostAliases:
              - ip: 10.0.0.5
                hostnames: [db.internal, db]
              - ip: 10.0.0.6
                hostnames: [cache.internal]
            containers:
              - name: app
                image: app:1
    `,
    expected: [
      {
        line: 8,
        column: 7,
        message:
          'The pod pins hostnames "db.internal", "db", "cache.internal" to "10.0.0.5", "10.0.0.6" in /etc/hosts',
      },
    ],
  },
  {
    name: 'checks CronJob templates and entries without hostnames',
    yaml: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: job
      spec:
        schedule: "@hourly"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                hostAliases:
                  - ip: 192.0.2.1
                containers:
                  - name: job
                    image: job:1
    `,
    expected: [{ line: 12, column: 11, message: 'The pod pins 1 entries to "192.0.2.1"' }],
  },
];

describe('host-aliases', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);
});
