import { parse } from 'yaml';
import { yaml } from './helpers.js';

/**
 * A CustomResourceDefinition exercising the structural-schema extensions (45 lines). Line numbers of its
 * fields matter to the tests only through the CRD's own findings.
 */
export const WIDGET_CRD = yaml(
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: widgets.example.com',
  'spec:',
  '  group: example.com',
  '  names: {kind: Widget, plural: widgets}',
  '  scope: Namespaced',
  '  versions:',
  '  - name: v1',
  '    served: true',
  '    storage: true',
  '    schema:',
  '      openAPIV3Schema:',
  '        type: object',
  '        description: A widget.',
  '        properties:',
  '          spec:',
  '            type: object',
  '            required: [size]',
  '            properties:',
  '              size: {type: integer, minimum: 1, description: How big.}',
  '              color: {type: string, enum: [red, blue]}',
  '              port: {x-kubernetes-int-or-string: true}',
  '              config: {type: object, x-kubernetes-preserve-unknown-fields: true}',
  '              template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}',
  '              owner: {type: string, nullable: true, pattern: "^[a-z]+$"}',
  '              since: {type: string, format: date-time}',
  '              email: {type: string, format: email}',
  '              tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}',
  '              ports:',
  '                type: array',
  '                x-kubernetes-list-type: map',
  '                x-kubernetes-list-map-keys: [name]',
  '                items:',
  '                  type: object',
  '                  required: [name]',
  '                  properties:',
  '                    name: {type: string}',
  '                    number: {type: integer, format: int32}',
  '              labels: {type: object, additionalProperties: {type: string}}',
  '          status:',
  '            type: object',
  '            properties:',
  '              ready: {type: boolean}',
);

/** A Widget valid against WIDGET_CRD, using every extension (21 lines). */
export const VALID_WIDGET = yaml(
  'apiVersion: example.com/v1',
  'kind: Widget',
  'metadata:',
  '  name: w',
  '  labels: {app: w}',
  'spec:',
  '  size: 3',
  '  color: red',
  '  port: 8080',
  '  config: {anything: [1, 2], nested: {deep: true}}',
  '  template:',
  '    apiVersion: v1',
  '    kind: ConfigMap',
  '    metadata: {name: x}',
  '    data: {k: v}',
  '  owner: null',
  '  since: "2024-01-31T12:00:00Z"',
  '  email: not-checked',
  '  tags: [a, b]',
  '  ports: [{name: http, number: 80}, {name: https, number: 443}]',
  '  labels: {x: y1}',
);

/** WIDGET_CRD as an object, as the CLI would load it from a configured CRD directory. */
export function widgetCrdObject(): Record<string, unknown> {
  return parse(WIDGET_CRD) as Record<string, unknown>;
}

/** A Widget with the size given, for tests that only need "valid or not". */
export function widget(size: string): string {
  return yaml('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}', `spec: {size: ${size}}`);
}
