import {
  BUILTIN_WORKLOAD_KINDS,
  ResourceIndex,
  buildResources,
  parseFile,
  scan,
} from '@shiftdown/policy-core';
import { kubeconformValidator, type KubeconformResource } from '../../src/runner/index.js';

type Entry = Partial<KubeconformResource> & Pick<KubeconformResource, 'kind' | 'name'>;

function results(filename: string, entries: Entry[]): KubeconformResource[] {
  return entries.map((entry) => ({ filename, version: 'v1', status: 'statusValid', msg: '', ...entry }));
}

const UNKNOWN_DATA_KEY = [{ path: '', msg: "additionalProperties 'extra' not allowed" }];

function schemaFindings(files: { path: string; text: string }[], resources: KubeconformResource[]) {
  const validator = kubeconformValidator({ resources });
  const report = scan({ files, schemaValidator: validator, today: '2025-06-01' });
  return {
    validator,
    findings: report.findings
      .filter((finding) => finding.ruleId.startsWith('schema-'))
      .map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message })),
  };
}

const TWO_SAME = `apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
extra: 1
`;

describe('kubeconformValidator', () => {
  it('is named after the version', () => {
    expect(kubeconformValidator({ version: 'v0.7.0', resources: [] }).name).toBe('kubeconform v0.7.0');
    expect(kubeconformValidator({ resources: [] }).name).toBe('kubeconform');
    expect(kubeconformValidator({ resources: [] }, { name: 'kubeconform (CI)' }).name).toBe(
      'kubeconform (CI)',
    );
  });

  it('tells identical objects of one file apart by their order', () => {
    const { findings, validator } = schemaFindings(
      [{ path: 'two.yaml', text: TWO_SAME }],
      results('two.yaml', [
        { kind: 'ConfigMap', name: 'cm' },
        {
          kind: 'ConfigMap',
          name: 'cm',
          status: 'statusInvalid',
          msg: 'x',
          validationErrors: UNKNOWN_DATA_KEY,
        },
      ]),
    );
    expect(findings).toEqual([
      {
        ruleId: 'schema-invalid',
        file: 'two.yaml',
        line: 9,
        column: 1,
        message: `Unknown field "extra" at the top level of the ConfigMap (kubeconform: additionalProperties 'extra' not allowed).`,
      },
    ]);
    expect(validator.unmatched).toEqual([]);
  });

  it('matches generateName the way kubeconform names it', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {generateName: job-}
spec: {containers: [{name: c, image: nginx}]}
extra: 1
`;
    const { findings } = schemaFindings(
      [{ path: 'pods.yaml', text }],
      results('pods.yaml', [
        {
          kind: 'Pod',
          name: 'job-{{ generateName }}',
          status: 'statusInvalid',
          msg: 'x',
          validationErrors: UNKNOWN_DATA_KEY,
        },
        { kind: 'Pod', name: 'p' },
      ]),
    );
    expect(findings.map(({ line }) => line)).toEqual([10]);
  });

  it('falls back to kind and apiVersion when the names differ (kubeconform before 0.6 printed none)', () => {
    const { findings, validator } = schemaFindings(
      [{ path: 'two.yaml', text: TWO_SAME }],
      results('two.yaml', [
        { kind: 'ConfigMap', name: '' },
        {
          kind: 'ConfigMap',
          name: '',
          status: 'statusInvalid',
          msg: 'x',
          validationErrors: UNKNOWN_DATA_KEY,
        },
      ]),
    );
    expect(findings.map(({ line }) => line)).toEqual([9]);
    expect(validator.unmatched).toEqual([]);
  });

  it('splits the verdict on a ConfigMapList between its items and keeps envelope errors as unmatched', () => {
    const text = `apiVersion: v1
kind: ConfigMapList
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
  data: {k: v}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b}
  data: {k: 1}
metadata: {resourceVersion: "1"}
bogus: true
`;
    const list: KubeconformResource = {
      filename: 'list.yaml',
      kind: 'ConfigMapList',
      name: '',
      version: 'v1',
      status: 'statusInvalid',
      msg: 'x',
      validationErrors: [
        { path: '/items/1/data/k', msg: 'expected string or null, but got number' },
        { path: '', msg: "additionalProperties 'bogus' not allowed" },
      ],
    };
    const { findings, validator } = schemaFindings([{ path: 'list.yaml', text }], [list]);
    expect(findings).toEqual([
      {
        ruleId: 'schema-invalid',
        file: 'list.yaml',
        line: 11,
        column: 10,
        message: 'data.k: expected string or null, but got number.',
      },
    ]);
    expect(validator.unmatched).toEqual([
      { ...list, validationErrors: [{ path: '', msg: "additionalProperties 'bogus' not allowed" }] },
    ]);
  });

  it('reports results for documents and files the scan does not have', () => {
    const extra = results('other.yaml', [
      { kind: 'Secret', name: 's', status: 'statusError', msg: 'could not find schema for Secret' },
    ]);
    const empty = results('two.yaml', [{ kind: '', name: '', status: '' }]);
    const yamlError = results('two.yaml', [
      {
        kind: '',
        name: '',
        status: 'statusError',
        msg: 'error unmarshalling resource: error converting YAML to JSON: yaml: line 2',
      },
    ]);
    const third = results('two.yaml', [{ kind: 'ConfigMap', name: 'cm3' }]);
    const { validator } = schemaFindings(
      [{ path: 'two.yaml', text: TWO_SAME }],
      [
        ...results('two.yaml', [
          { kind: 'ConfigMap', name: 'cm' },
          { kind: 'ConfigMap', name: 'cm' },
        ]),
        ...empty,
        ...yamlError,
        ...third,
        ...extra,
      ],
    );
    expect(validator.unmatched).toEqual([...third, ...extra]);
  });

  it('counts nothing as matched before validate() is called', () => {
    const all = results('two.yaml', [
      { kind: 'ConfigMap', name: 'cm' },
      { kind: '', name: '', status: '' },
    ]);
    expect(kubeconformValidator({ resources: all }).unmatched).toEqual([all[0]]);
  });

  it('matches again when given the index of another scan', () => {
    const validator = kubeconformValidator({
      resources: results('a.yaml', [
        { kind: 'ConfigMap', name: 'cm', status: 'statusError', msg: 'could not find schema for ConfigMap' },
      ]),
    });
    const build = (path: string) => {
      let id = 0;
      const { resources } = buildResources(
        parseFile({ path, text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n' }),
        BUILTIN_WORKLOAD_KINDS,
        () => id++,
      );
      return { resource: resources[0]!, index: new ResourceIndex(resources) };
    };
    const other = build('b.yaml');
    expect(validator.validate(other.resource, other.index)).toEqual([]);
    expect(validator.unmatched).toHaveLength(1);
    const own = build('a.yaml');
    expect(validator.validate(own.resource, own.index)).toEqual([
      {
        type: 'missing',
        path: ['kind'],
        message: 'kubeconform has no schema for ConfigMap v1 (could not find schema for ConfigMap).',
      },
    ]);
    expect(validator.unmatched).toEqual([]);
  });
});
