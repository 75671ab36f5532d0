import { BUILTIN_WORKLOAD_KINDS, buildResources, parseFile, type Resource } from '@shiftdown/policy-core';
import {
  issuesFromResult,
  isYamlError,
  parseUnknownKeys,
  pointerToPath,
  type KubeconformResource,
} from '../../src/runner/index.js';

function resourceOf(text: string): Resource {
  let id = 0;
  const [resource] = buildResources(
    parseFile({ path: 'r.yaml', text }),
    BUILTIN_WORKLOAD_KINDS,
    () => id++,
  ).resources;
  if (!resource) throw new Error('no resource');
  return resource;
}

const DEPLOYMENT = resourceOf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    a/b~c: "1"
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
          imagePullPolicyy: Always
          resourcez: {}
          "it's": 1
      nodeSelector:
        "0": x
`);

function result(
  status: KubeconformResource['status'],
  msg: string,
  validationErrors?: KubeconformResource['validationErrors'],
): KubeconformResource {
  return {
    filename: 'r.yaml',
    kind: 'Deployment',
    name: 'web',
    version: 'apps/v1',
    status,
    msg,
    ...(validationErrors && { validationErrors }),
  };
}

describe('pointerToPath', () => {
  it('turns array steps into numbers and keeps map keys as strings', () => {
    expect(pointerToPath('/spec/template/spec/containers/0/image', DEPLOYMENT.object)).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
    expect(pointerToPath('/spec/template/spec/nodeSelector/0', DEPLOYMENT.object)).toEqual([
      'spec',
      'template',
      'spec',
      'nodeSelector',
      '0',
    ]);
  });

  it('decodes ~1 and ~0 and maps the empty pointer to the root', () => {
    expect(pointerToPath('/metadata/annotations/a~1b~0c', DEPLOYMENT.object)).toEqual([
      'metadata',
      'annotations',
      'a/b~c',
    ]);
    expect(pointerToPath('', DEPLOYMENT.object)).toEqual([]);
  });

  it('keeps a missing part as written', () => {
    expect(pointerToPath('/spec/missing/0', DEPLOYMENT.object)).toEqual(['spec', 'missing', '0']);
  });
});

describe('parseUnknownKeys', () => {
  it('reads one or several Go-quoted names', () => {
    expect(parseUnknownKeys("additionalProperties 'imagePullPolicyy' not allowed")).toEqual([
      { name: 'imagePullPolicyy', quoted: "'imagePullPolicyy'" },
    ]);
    expect(parseUnknownKeys("additionalProperties 'resourcez', 'imagePullPolicyy' not allowed")).toEqual([
      { name: 'resourcez', quoted: "'resourcez'" },
      { name: 'imagePullPolicyy', quoted: "'imagePullPolicyy'" },
    ]);
  });

  it('decodes escaped quotes, commas and unicode inside names', () => {
    expect(
      parseUnknownKeys(
        String.raw`additionalProperties 'it\'s', 'a, b', 'tab\there', 'caf\u00e9' not allowed`,
      ),
    ).toEqual([
      { name: "it's", quoted: String.raw`'it\'s'` },
      { name: 'a, b', quoted: "'a, b'" },
      { name: 'tab\there', quoted: String.raw`'tab\there'` },
      { name: 'café', quoted: String.raw`'caf\u00e9'` },
    ]);
  });

  it('ignores every other message', () => {
    expect(parseUnknownKeys('expected integer, but got string')).toBeUndefined();
    expect(parseUnknownKeys("missing properties: 'selector'")).toBeUndefined();
  });
});

describe('issuesFromResult', () => {
  it('reports each unknown key of a several-name message at the key itself', () => {
    const issues = issuesFromResult(
      result('statusInvalid', 'problem validating schema', [
        {
          path: '/spec/template/spec/containers/0',
          msg: "additionalProperties 'resourcez', 'imagePullPolicyy' not allowed",
        },
      ]),
      DEPLOYMENT,
    );
    expect(issues).toEqual([
      {
        type: 'invalid',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resourcez'],
        message: `Unknown field "resourcez" in spec.template.spec.containers[0] (kubeconform: additionalProperties 'resourcez' not allowed).`,
      },
      {
        type: 'invalid',
        path: ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicyy'],
        message: `Unknown field "imagePullPolicyy" in spec.template.spec.containers[0] (kubeconform: additionalProperties 'imagePullPolicyy' not allowed).`,
      },
    ]);
  });

  it('names a key with a quote by its decoded name', () => {
    const [issue] = issuesFromResult(
      result('statusInvalid', 'x', [
        {
          path: '/spec/template/spec/containers/0',
          msg: String.raw`additionalProperties 'it\'s' not allowed`,
        },
      ]),
      DEPLOYMENT,
    );
    expect(issue).toEqual({
      type: 'invalid',
      path: ['spec', 'template', 'spec', 'containers', 0, "it's"],
      message: String.raw`Unknown field "it's" in spec.template.spec.containers[0] (kubeconform: additionalProperties 'it\'s' not allowed).`,
    });
  });

  it('puts other errors at their path, and a root error in a sentence of its own', () => {
    expect(
      issuesFromResult(
        result('statusInvalid', 'x', [
          { path: '/spec', msg: "missing properties: 'selector'" },
          { path: '', msg: "missing properties: 'spec'" },
          { path: '/metadata/annotations/a~1b~0c', msg: 'expected string, but got number.' },
        ]),
        DEPLOYMENT,
      ),
    ).toEqual([
      { type: 'invalid', path: ['spec'], message: "spec: missing properties: 'selector'." },
      { type: 'invalid', path: [], message: "Missing properties: 'spec'." },
      {
        type: 'invalid',
        path: ['metadata', 'annotations', 'a/b~c'],
        message: 'metadata.annotations["a/b~c"]: expected string, but got number.',
      },
    ]);
  });

  it('reports an invalid result without details at the root', () => {
    expect(issuesFromResult(result('statusInvalid', 'problem validating schema'), DEPLOYMENT)).toEqual([
      { type: 'invalid', path: [], message: 'Problem validating schema.' },
    ]);
  });

  it('turns a missing schema into a missing issue at the kind', () => {
    expect(
      issuesFromResult(result('statusError', 'could not find schema for Deployment'), DEPLOYMENT),
    ).toEqual([
      {
        type: 'missing',
        path: ['kind'],
        message: 'kubeconform has no schema for Deployment apps/v1 (could not find schema for Deployment).',
      },
    ]);
  });

  it('leaves YAML errors to the core and reports other errors (the object went unvalidated) as missing at the root', () => {
    const yaml = result(
      'statusError',
      'error unmarshalling resource: error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map',
    );
    expect(isYamlError(yaml)).toBe(true);
    expect(issuesFromResult(yaml, DEPLOYMENT)).toEqual([]);
    expect(
      issuesFromResult(
        result('statusError', 'failed downloading schema at https://example.com/deployment-apps-v1.json: 503'),
        DEPLOYMENT,
      ),
    ).toEqual([
      {
        type: 'missing',
        path: [],
        message:
          'kubeconform could not validate this object: failed downloading schema at https://example.com/deployment-apps-v1.json: 503.',
      },
    ]);
  });

  it('has nothing to say about valid, skipped and empty results', () => {
    for (const status of ['statusValid', 'statusSkipped', ''] as const) {
      expect(issuesFromResult(result(status, ''), DEPLOYMENT)).toEqual([]);
    }
  });
});
