import rule from '../../../src/rules/gpu/gpu-shared-requests-over-one.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when time-slicing fails requests over one and MPS keeps its default',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: plugin
      data:
        ts: |
          sharing:
            timeSlicing:
              renameByDefault: true
              failRequestsGreaterThanOne: true
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
        mps: |
          sharing:
            mps:
              renameByDefault: true
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
        no-sharing: |
          version: v1
          sharing: {}
    `,
    expected: [],
  },
  {
    name: 'reports time-slicing without failRequestsGreaterThanOne and MPS that turns it off',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: plugin
        namespace: nvidia-device-plugin
      data:
        ts: |
          sharing:
            timeSlicing:
              renameByDefault: true
              failRequestsGreaterThanOne: false
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
        default: |
          sharing:
            timeSlicing:
              resources:
                - name: nvidia.com/gpu
                  replicas: 2
        mps: |
          sharing:
            mps:
              failRequestsGreaterThanOne: false
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
    `,
    expected: [
      {
        line: 7,
        column: 3,
        severity: 'low',
        message:
          'configuration "ts" of ConfigMap nvidia-device-plugin/plugin shares nvidia.com/gpu by time-slicing ' +
          'without sharing.timeSlicing.failRequestsGreaterThanOne: true',
      },
      { line: 15, message: 'configuration "default"' },
      { line: 21, message: 'by MPS with sharing.mps.failRequestsGreaterThanOne: false' },
    ],
  },
];

describe('gpu-shared-requests-over-one', () => {
  testRuleCases(rule, cases);
});
