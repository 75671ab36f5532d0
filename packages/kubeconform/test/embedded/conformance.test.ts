/**
 * The embedded validator on the inputs kubeconform v0.6.7 -strict was recorded on
 * (<shared>/conformance/kubeconform/inputs, outputs in output.json.txt): the same verdict for every object
 * kubeconform had a schema for, and a verdict for the custom resources and CRDs it had none for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan, VALIDITY_RULES, type Finding } from '@shiftdown/policy-core';
import { createEmbeddedValidator } from '../../src/embedded/index.js';
import { invalid, missing, SHARED_DIR, toSchemaFinding } from './helpers.js';

const DIR = path.join(SHARED_DIR, 'conformance', 'kubeconform');

interface KubeconformResource {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status: string;
  msg: string;
}

function recorded(): KubeconformResource[] {
  const text = fs.readFileSync(path.join(DIR, 'output.json.txt'), 'utf8');
  // The last line is the exit code (`exit 1`), not JSON.
  const json = text.slice(0, text.lastIndexOf('\nexit '));
  return (JSON.parse(json) as { resources: KubeconformResource[] }).resources;
}

function scanInputs(): Finding[] {
  const inputs = path.join(DIR, 'inputs');
  const files = fs
    .readdirSync(inputs)
    .sort()
    .map((file) => ({ path: file, text: fs.readFileSync(path.join(inputs, file), 'utf8') }));
  const report = scan({
    files,
    rules: VALIDITY_RULES,
    schemaValidator: createEmbeddedValidator(),
    today: '2026-01-01',
  });
  return report.findings.filter(
    (finding) => finding.ruleId === 'schema-invalid' || finding.ruleId === 'schema-missing',
  );
}

type Verdict = 'valid' | 'invalid' | 'missing';

function verdictOf(findings: Finding[], entry: KubeconformResource): Verdict {
  const own = findings.filter(
    (finding) =>
      finding.file === entry.filename &&
      finding.resource.kind === entry.kind &&
      finding.resource.name === entry.name,
  );
  if (own.some((finding) => finding.ruleId === 'schema-invalid')) return 'invalid';
  return own.some((finding) => finding.ruleId === 'schema-missing') ? 'missing' : 'valid';
}

describe('embedded validator on kubeconform’s recorded inputs', () => {
  const resources = recorded();
  const findings = scanInputs();

  it('reads the recorded output', () => {
    expect(resources).toHaveLength(21);
  });

  it('gives kubeconform’s verdict on every object kubeconform had a schema for', () => {
    const compared = resources.filter(
      (entry) => entry.status === 'statusValid' || entry.status === 'statusInvalid',
    );
    expect(compared).toHaveLength(11);
    const ours = compared.map(
      (entry) => `${entry.filename} ${entry.kind}/${entry.name}: ${verdictOf(findings, entry)}`,
    );
    const theirs = compared.map(
      (entry) =>
        `${entry.filename} ${entry.kind}/${entry.name}: ${entry.status === 'statusValid' ? 'valid' : 'invalid'}`,
    );
    expect(ours).toEqual(theirs);
  });

  it('validates the CRDs and the custom resource whose CRD is in the scan, where kubeconform found no schema', () => {
    const noSchema = resources.filter((entry) => entry.msg.startsWith('could not find schema'));
    expect(noSchema.map((entry) => `${entry.filename} ${entry.kind}: ${verdictOf(findings, entry)}`)).toEqual(
      [
        'crd-def.yaml CustomResourceDefinition: valid',
        'crd-instance.yaml Certificate: missing',
        'foo-crd.yaml CustomResourceDefinition: valid',
        'foo-instance.yaml Foo: invalid',
      ],
    );
  });

  it('reports exactly these findings, each at its offending key (kubeconform names the parent object)', () => {
    expect(findings.map((finding) => ({ file: finding.file, ...toSchemaFinding(finding) }))).toEqual([
      {
        file: 'cm.json',
        ...invalid(1, 71, 'data.k has the wrong type: expected string, but got integer 2.'),
      },
      {
        file: 'crd-instance.yaml',
        ...missing(
          2,
          1,
          'No schema for Certificate cert-manager.io/v1: it is not a Kubernetes v1.36 kind and no CustomResourceDefinition ' +
            'for it is in the scan or the configured CRD directories.',
        ),
      },
      // Two CRDs define foos.example.com: the later file (foo-crd.yaml) wins, as if applied in order.
      {
        file: 'foo-instance.yaml',
        ...invalid(4, 8, 'spec.size has the wrong type: expected integer, but got string "big".'),
      },
      {
        file: 'foo-instance.yaml',
        ...invalid(4, 21, 'spec.color has an unsupported value "green": expected "red" or "blue".'),
      },
      {
        file: 'foo-instance.yaml',
        ...invalid(4, 35, 'Unknown field "extra" in spec (not in the Foo example.com/v1 schema).'),
      },
      {
        file: 'list.yaml',
        ...invalid(13, 3, 'Unknown field "bogus" at the top level (not in the Secret v1 schema).'),
      },
      {
        file: 'multi.yaml',
        ...invalid(25, 3, 'data.key has the wrong type: expected string, but got integer 1.'),
      },
      {
        file: 'multi.yaml',
        ...invalid(35, 5, 'Unknown field "unknownField" in spec.containers[0] (not in the Pod v1 schema).'),
      },
      {
        file: 'typo-field.yaml',
        ...invalid(
          16,
          9,
          'Unknown field "imagePullPolicyy" in spec.template.spec.containers[0] (not in the Deployment apps/v1 schema).',
        ),
      },
      {
        file: 'wrong-type.yaml',
        ...invalid(6, 3, 'spec.replicas has the wrong type: expected integer, but got string "two".'),
      },
      {
        file: 'wrong-type.yaml',
        ...invalid(
          17,
          11,
          'spec.template.spec.containers[0].ports[0].containerPort has the wrong type: expected integer, but got string "eighty".',
        ),
      },
    ]);
  });
});
