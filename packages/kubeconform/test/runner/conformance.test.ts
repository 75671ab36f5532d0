/**
 * The recorded real kubeconform v0.6.7 outputs (see <shared>/conformance/kubeconform/README.md) through
 * the parser, the validator and the core's scan() over the same inputs: exact findings at exact lines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BUILTIN_WORKLOAD_KINDS,
  ResourceIndex,
  buildResources,
  isSchemaSubject,
  parseFile,
  scan,
  type Resource,
} from '@shiftdown/policy-core';
import {
  kubeconformValidator,
  parseKubeconformOutput,
  type KubeconformResource,
} from '../../src/runner/index.js';
import { CORPUS_DIR, KUBECONFORM_DIR, readInputs, readRecording } from './helpers.js';

const RULES = new Set(['schema-invalid', 'schema-missing', 'parse-error', 'duplicate-key']);

describe('recorded kubeconform output on the conformance inputs', () => {
  const recording = readRecording('output.json.txt');
  const output = parseKubeconformOutput(recording.stdout);
  const validator = kubeconformValidator({ version: 'v0.6.7', resources: output.resources });
  const report = scan({ files: readInputs(), schemaValidator: validator, today: '2025-06-01' });
  const findings = report.findings
    .filter((finding) => RULES.has(finding.ruleId))
    .map(({ ruleId, file, line, column, endLine, endColumn, message }) => ({
      ruleId,
      file,
      line,
      column,
      endLine,
      endColumn,
      message,
    }));

  it('is the run the README describes', () => {
    expect(recording.exitCode).toBe(1);
    expect(output.resources).toHaveLength(21);
    expect(output.summary).toEqual({ valid: 5, invalid: 6, errors: 8, skipped: 0 });
    expect(report.settings.schemaValidator).toBe('kubeconform v0.6.7');
  });

  it('reports every kubeconform verdict at the offending key or value', () => {
    expect(findings).toEqual([
      {
        ruleId: 'parse-error',
        file: 'broken.yaml',
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 1,
        message:
          'document 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
      // The JSON file: the wrong-typed map value, on its one line.
      {
        ruleId: 'schema-invalid',
        file: 'cm.json',
        line: 1,
        column: 71,
        endLine: 1,
        endColumn: 76,
        message: 'data.k: expected string or null, but got number.',
      },
      // kubeconform has no schema for CustomResourceDefinition itself.
      {
        ruleId: 'schema-missing',
        file: 'crd-def.yaml',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 31,
        message:
          'kubeconform has no schema for CustomResourceDefinition apiextensions.k8s.io/v1 (could not find schema for CustomResourceDefinition).',
      },
      // A custom resource without a schema, at its `kind:` line.
      {
        ruleId: 'schema-missing',
        file: 'crd-instance.yaml',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 18,
        message:
          'kubeconform has no schema for Certificate cert-manager.io/v1 (could not find schema for Certificate).',
      },
      // kubeconform's unmarshalling error for the duplicate key is the core's own finding, not a second one.
      {
        ruleId: 'duplicate-key',
        file: 'dupkey.yaml',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 7,
        message: 'Key "name" is defined more than once in this mapping; only the last value is kept.',
      },
      {
        ruleId: 'schema-missing',
        file: 'foo-crd.yaml',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 31,
        message:
          'kubeconform has no schema for CustomResourceDefinition apiextensions.k8s.io/v1 (could not find schema for CustomResourceDefinition).',
      },
      {
        ruleId: 'schema-missing',
        file: 'foo-instance.yaml',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
        message: 'kubeconform has no schema for Foo example.com/v1 (could not find schema for Foo).',
      },
      // The second item of a List: the unknown key at its own line, relative to the item.
      {
        ruleId: 'schema-invalid',
        file: 'list.yaml',
        line: 13,
        column: 3,
        endLine: 13,
        endColumn: 11,
        message: `Unknown field "bogus" at the top level of the Secret (kubeconform: additionalProperties 'bogus' not allowed).`,
      },
      {
        ruleId: 'parse-error',
        file: 'multi-broken.yaml',
        line: 27,
        column: 1,
        endLine: 27,
        endColumn: 1,
        message:
          'document 2: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
      // Multi-document file with a comment-only document in between: the 4th and 5th objects.
      {
        ruleId: 'schema-invalid',
        file: 'multi.yaml',
        line: 25,
        column: 3,
        endLine: 25,
        endColumn: 9,
        message: 'data.key: expected string or null, but got number.',
      },
      {
        ruleId: 'schema-invalid',
        file: 'multi.yaml',
        line: 35,
        column: 5,
        endLine: 35,
        endColumn: 23,
        message: `Unknown field "unknownField" in spec.containers[0] (kubeconform: additionalProperties 'unknownField' not allowed).`,
      },
      // The typo is reported at the misspelt key, not at the container kubeconform's pointer names.
      {
        ruleId: 'schema-invalid',
        file: 'typo-field.yaml',
        line: 16,
        column: 9,
        endLine: 16,
        endColumn: 33,
        message: `Unknown field "imagePullPolicyy" in spec.template.spec.containers[0] (kubeconform: additionalProperties 'imagePullPolicyy' not allowed).`,
      },
      // Two wrong types in one object: one finding each, at each value.
      {
        ruleId: 'schema-invalid',
        file: 'wrong-type.yaml',
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 18,
        message: 'spec.replicas: expected integer or null, but got string.',
      },
      {
        ruleId: 'schema-invalid',
        file: 'wrong-type.yaml',
        line: 17,
        column: 11,
        endLine: 17,
        endColumn: 34,
        message: 'spec.template.spec.containers[0].ports[0].containerPort: expected integer, but got string.',
      },
    ]);
  });

  it('keeps the result of the document the core skipped as a warning', () => {
    expect(validator.unmatched).toEqual([
      {
        filename: 'nokind.yaml',
        kind: '',
        name: '',
        version: '',
        status: 'statusError',
        msg: "error while parsing: missing 'kind' key",
      },
    ]);
    // Nothing else is lost: YAML errors stay in the run.
    expect(
      validator.run.resources.filter((result) => result.msg.startsWith('error unmarshalling')),
    ).toHaveLength(3);
  });

  it('finds no schema problem in the valid files', () => {
    expect(findings.filter((finding) => ['valid-deploy.yaml', 'empty.yaml'].includes(finding.file))).toEqual(
      [],
    );
  });
});

describe('recorded kubeconform verdicts over the real-world corpus', () => {
  const output = parseKubeconformOutput(
    fs.readFileSync(path.join(KUBECONFORM_DIR, 'corpus-real-world.v0.6.7.json'), 'utf8'),
  );

  it('parses all 3,255 results with the README counts', () => {
    const byStatus: Record<string, number> = {};
    for (const { status } of output.resources) byStatus[status] = (byStatus[status] ?? 0) + 1;
    expect(output.resources).toHaveLength(3255);
    expect(byStatus).toEqual({ statusValid: 2830, statusInvalid: 7, statusError: 382, '': 36 });
    expect(output.summary).toEqual({ valid: 2830, invalid: 7, errors: 382, skipped: 0 });
    expect(
      output.resources.filter((result) => result.msg.startsWith('could not find schema for')),
    ).toHaveLength(380);
  });

  it('maps the verdicts back to the resources the core reads', () => {
    const validator = kubeconformValidator(output);
    const files = [...new Set(output.resources.map((result) => result.filename))];
    const resources: Resource[] = [];
    let id = 0;
    for (const file of files) {
      const parsed = parseFile({ path: file, text: fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8') });
      resources.push(...buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => id++).resources);
    }
    const index = new ResourceIndex(resources);
    const issues = resources
      .filter(isSchemaSubject)
      .flatMap((resource) =>
        validator
          .validate(resource, index)
          .map((issue) => ({ file: resource.file, kind: resource.kind, ...issue })),
      );
    expect(issues.filter((issue) => issue.type === 'invalid')).toHaveLength(7);
    expect(issues.filter((issue) => issue.type === 'missing')).toHaveLength(379);
    expect(issues).toContainEqual({
      file: 'kyverno__policies/pod-security/restricted/require-run-as-nonroot/.kyverno-test/resource.yaml',
      kind: 'Pod',
      type: 'invalid',
      path: ['spec', 'securityContext', 'allowPrivilegeEscalation'],
      message: `Unknown field "allowPrivilegeEscalation" in spec.securityContext (kubeconform: additionalProperties 'allowPrivilegeEscalation' not allowed).`,
    });
    // Left over: a document the core's stricter YAML parser rejects, and one it skips as an unrendered template.
    expect(validator.unmatched.map(label)).toEqual([
      'kubernetes__dashboard/aio/test-resources/init-container-error-pod.yaml Pod init-container-error',
      'rook__rook/deploy/examples/monitoring/localrules.yaml PrometheusRule prometheus-ceph-rules',
    ]);
  });
});

function label(result: KubeconformResource): string {
  return `${result.filename} ${result.kind} ${result.name}`;
}
