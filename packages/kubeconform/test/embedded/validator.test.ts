/**
 * The validator called directly (as the core's rules do): its name, removed API versions, the schema table
 * derived from kubernetes-models, and that validate() never throws, whatever the value.
 */
import fc from 'fast-check';
import {
  BUILTIN_WORKLOAD_KINDS,
  ResourceIndex,
  buildResources,
  parseFile,
  type Resource,
  type SchemaIssue,
} from '@shiftdown/policy-core';
import { createEmbeddedValidator, EMBEDDED_VALIDATOR_NAME } from '../../src/embedded/index.js';
import { KubernetesModels, parseModel } from '../../src/embedded/kubernetes-models.js';
import { WIDGET_CRD } from './fixtures.js';
import { yaml } from './helpers.js';

/** The resources of one file and an index over them, as scan() builds them. */
function resourcesOf(text: string): { resources: Resource[]; index: ResourceIndex } {
  let id = 0;
  const { resources } = buildResources(
    parseFile({ path: 'm.yaml', text }),
    BUILTIN_WORKLOAD_KINDS,
    () => id++,
  );
  return { resources, index: new ResourceIndex(resources) };
}

function issuesOf(text: string): SchemaIssue[][] {
  const validator = createEmbeddedValidator();
  const { resources, index } = resourcesOf(text);
  return resources.map((resource) => [...validator.validate(resource, index)]);
}

describe('createEmbeddedValidator', () => {
  it('is named after the Kubernetes version of its schemas', () => {
    expect(EMBEDDED_VALIDATOR_NAME).toBe('embedded (Kubernetes v1.36)');
    expect(createEmbeddedValidator().name).toBe('embedded (Kubernetes v1.36)');
  });

  it('reports removed API versions as missing, naming the served one', () => {
    expect(
      issuesOf(
        yaml(
          'apiVersion: extensions/v1beta1',
          'kind: Deployment',
          'metadata: {name: d}',
          '---',
          'apiVersion: policy/v1beta1',
          'kind: PodSecurityPolicy',
          'metadata: {name: p}',
          '---',
          'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3',
          'kind: FlowSchema',
          'metadata: {name: f}',
        ),
      ),
    ).toEqual([
      [
        {
          type: 'missing',
          path: ['kind'],
          message:
            'No schema for Deployment extensions/v1beta1: Kubernetes v1.36 no longer serves this API version (Deployment is served as apps/v1).',
        },
      ],
      [
        {
          type: 'missing',
          path: ['kind'],
          message:
            'No schema for PodSecurityPolicy policy/v1beta1: Kubernetes v1.36 no longer serves this API version.',
        },
      ],
      [
        {
          type: 'missing',
          path: ['kind'],
          message:
            'No schema for FlowSchema flowcontrol.apiserver.k8s.io/v1beta3: Kubernetes v1.36 no longer serves this API version ' +
            '(FlowSchema is served as flowcontrol.apiserver.k8s.io/v1).',
        },
      ],
    ]);
  });

  it('puts issues of List items relative to the item', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: a}',
      '  data: {k: 1}',
    );
    expect(issuesOf(text)).toEqual([
      [
        {
          type: 'invalid',
          path: ['data', 'k'],
          message: 'data.k has the wrong type: expected string, but got integer 1.',
        },
      ],
    ]);
  });

  it('keeps a map key that looks like an index a string', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', 'data: {"0": 1}');
    expect(issuesOf(text)).toEqual([
      [
        {
          type: 'invalid',
          path: ['data', '0'],
          message: 'data["0"] has the wrong type: expected string, but got integer 1.',
        },
      ],
    ]);
  });
});

describe('the schema table derived from kubernetes-models', () => {
  const models = new KubernetesModels();

  it.each([
    ['apps/v1', 'Deployment', 'IoK8sApiAppsV1Deployment'],
    ['v1', 'Pod', 'IoK8sApiCoreV1Pod'],
    ['v1', 'ConfigMap', 'IoK8sApiCoreV1ConfigMap'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'IoK8sApiRbacV1ClusterRole'],
    ['networking.k8s.io/v1', 'Ingress', 'IoK8sApiNetworkingV1Ingress'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 'IoK8sApiAutoscalingV2HorizontalPodAutoscaler'],
    [
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      'IoK8sApiextensionsApiserverPkgApisApiextensionsV1CustomResourceDefinition',
    ],
    ['apiregistration.k8s.io/v1', 'APIService', 'IoK8sKubeAggregatorPkgApisApiregistrationV1APIService'],
  ])('maps %s %s to %s', (apiVersion, kind, definition) => {
    expect(models.schemaFor(apiVersion, kind)).toEqual({ apiVersion, kind, definition });
  });

  it.each([
    ['v1', 'Container', 'a nested type, not an API object'],
    ['apps/v1', 'DeploymentSpec', 'a nested type'],
    ['extensions/v1beta1', 'Deployment', 'removed in v1.16'],
    ['policy/v1beta1', 'PodDisruptionBudget', 'removed in v1.25'],
    ['apps/v1', 'deployment', 'the wrong case'],
    ['../v1', 'Pod', 'not a group'],
    ['v1', '../apps/v1/Deployment', 'not a kind'],
    ['example.com/v1', 'Widget', 'not built in'],
  ])('has no schema for %s %s (%s)', (apiVersion, kind) => {
    expect(models.schemaFor(apiVersion, kind)).toBeUndefined();
  });

  it('reads apiVersion, kind and the schema import of a model file', () => {
    const source =
      'import{validate}from"../../_schemas/IoK8sApiAppsV1Deployment.js";export class Deployment extends Model{' +
      'static{this.apiVersion="apps/v1"}static{this.kind="Deployment"}}';
    expect(parseModel(source, 'apps/v1', 'Deployment')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      definition: 'IoK8sApiAppsV1Deployment',
    });
    expect(parseModel(source, 'apps/v1', 'StatefulSet')).toBeUndefined();
    expect(
      parseModel('import{validate}from"../../_schemas/IoK8sApiCoreV1Container.js";', 'v1', 'Container'),
    ).toBeUndefined();
  });

  it('lists the served versions of a kind', () => {
    expect(models.servedVersionsOf('HorizontalPodAutoscaler')).toEqual(['autoscaling/v1', 'autoscaling/v2']);
    expect(models.servedVersionsOf('Widget')).toEqual([]);
  });
});

describe('validate() never throws', () => {
  const validator = createEmbeddedValidator();
  const { resources, index } = resourcesOf(
    `${WIDGET_CRD}---\n${yaml('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}', 'spec: {size: 1}')}`,
  );
  const template = resources[1]!;
  const kinds = fc.constantFrom(
    ['apps/v1', 'Deployment'],
    ['v1', 'Pod'],
    ['v1', 'ConfigMap'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
    ['example.com/v1', 'Widget'],
    ['example.com/v9', 'Widget'],
    ['extensions/v1beta1', 'Deployment'],
  );
  const resourceWith = (apiVersion: string, kind: string, object: Record<string, unknown>): Resource => ({
    ...template,
    apiVersion,
    kind,
    object,
  });
  const assertNoFailure = (issues: readonly SchemaIssue[]): void => {
    for (const issue of issues) {
      expect(issue.message).not.toMatch(/embedded validator failed/);
      expect(['invalid', 'missing']).toContain(issue.type);
    }
  };

  it('on any JSON value in any field of built-in and custom resources', () => {
    fc.assert(
      fc.property(
        kinds,
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.jsonValue(),
        ([apiVersion, kind], extra, spec) => {
          const object = { ...extra, apiVersion, kind, metadata: { name: 'x' }, spec };
          assertNoFailure(validator.validate(resourceWith(apiVersion!, kind!, object), index));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any JSON value as a CRD schema, for the CRD and its custom resources', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (schema, spec) => {
        const crd = resourcesOf(WIDGET_CRD).resources[0]!;
        const versions = (crd.object.spec as { versions: Record<string, unknown>[] }).versions;
        versions[0]!.schema = { openAPIV3Schema: schema };
        const local = new ResourceIndex([crd]);
        assertNoFailure(validator.validate(crd, local));
        assertNoFailure(
          validator.validate(
            resourceWith('example.com/v1', 'Widget', { apiVersion: 'example.com/v1', kind: 'Widget', spec }),
            local,
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('on prototype-looking keys, frozen and deeply nested values', () => {
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<
      string,
      unknown
    >;
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const objects: Record<string, unknown>[] = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: proto, data: proto },
      Object.freeze({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: Object.freeze({ name: 'f', labels: { a: 'b' } }),
      }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: deep } },
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
        spec: { size: 1, config: deep, extra: deep },
      },
    ];
    for (const object of objects) {
      assertNoFailure(
        validator.validate(resourceWith(object.apiVersion as string, object.kind as string, object), index),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
