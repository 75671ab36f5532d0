import rule from '../../../src/rules/gpu/gpu-sharing-not-renamed.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes when sharing is renamed, absent, or not replicated',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: device-plugin-config
        namespace: gpu-operator
      data:
        renamed: |-
          version: v1
          sharing:
            timeSlicing:
              renameByDefault: true
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
        mig-only: |-
          version: v1
          flags:
            migStrategy: mixed
        one-replica: |-
          version: v1
          sharing:
            timeSlicing:
              resources:
                - name: nvidia.com/gpu
                  replicas: 1
        templated: |-
          sharing:
            mps:
              renameByDefault: {{ .Values.rename }}
              resources:
                - name: nvidia.com/gpu
                  replicas: 2
        not-yaml: "sharing: [unclosed"
        unrelated: hello
    `,
    expected: [],
  },
  {
    name: 'reports time-slicing and MPS configurations without renameByDefault, at the data key',
    yaml: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: time-slicing-config
        namespace: gpu-operator
      data:
        any: |-
          version: v1
          flags:
            migStrategy: none
          sharing:
            timeSlicing:
              resources:
                - name: nvidia.com/gpu
                  replicas: 4
                - name: nvidia.com/mig-1g.10gb
                  replicas: "2"
        mps: |
          version: v1
          sharing:
            mps:
              renameByDefault: false
              resources:
                - name: nvidia.com/gpu
                  replicas: 10
    `,
    expected: [
      {
        line: 7,
        column: 3,
        message:
          'The device plugin configuration "any" of ConfigMap gpu-operator/time-slicing-config shares ' +
          'nvidia.com/gpu, nvidia.com/mig-1g.10gb by time-slicing without sharing.timeSlicing.renameByDefault: true',
      },
      { line: 18, column: 3, message: 'shares nvidia.com/gpu by MPS without sharing.mps.renameByDefault' },
    ],
  },
  {
    name: 'reads ConfigMaps inside Lists, and ignores other kinds',
    yaml: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: plugin
          data:
            config.yaml: "version: v1\\nsharing:\\n  timeSlicing:\\n    resources:\\n    - name: nvidia.com/gpu\\n      replicas: 8\\n"
        - apiVersion: v1
          kind: Secret
          metadata:
            name: not-a-config
          stringData:
            config.yaml: "sharing:\\n  timeSlicing:\\n    resources:\\n    - name: nvidia.com/gpu\\n      replicas: 8\\n"
    `,
    expected: [
      {
        line: 9,
        column: 7,
        message: 'configuration "config.yaml" of ConfigMap plugin shares nvidia.com/gpu',
      },
    ],
  },
];

describe('gpu-sharing-not-renamed', () => {
  testRuleCases(rule, cases);
});
