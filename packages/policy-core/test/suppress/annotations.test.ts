import {
  findMisspeltSuppressions,
  parseSuppressionKey,
  readSuppressionAnnotations,
  NO_REASON,
} from '../../src/suppress/annotations.js';
import { resourcesOf, yaml } from './helpers.js';

describe('parseSuppressionKey', () => {
  it('splits the rule id and the container name', () => {
    expect(parseSuppressionKey('ignore.shiftdown.dev/privileged-container')).toEqual({
      ruleId: 'privileged-container',
    });
    expect(parseSuppressionKey('ignore.shiftdown.dev/privileged-container.istio-proxy')).toEqual({
      ruleId: 'privileged-container',
      container: 'istio-proxy',
    });
    expect(parseSuppressionKey('shiftdown.dev/owner')).toBeUndefined();
    expect(parseSuppressionKey('app.kubernetes.io/name')).toBeUndefined();
  });
});

describe('readSuppressionAnnotations', () => {
  const deployment = yaml(
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: web', // 4
    '  annotations:', // 5
    '    ignore.shiftdown.dev/host-namespaces: "shares the node network on purpose"', // 6
    '    team: payments', // 7
    'spec:', // 8
    '  template:', // 9
    '    metadata:', // 10
    '      annotations:', // 11
    '        ignore.shiftdown.dev/privileged-container.agent: ""', // 12
    '    spec:', // 13
    '      containers:', // 14
    '      - name: agent', // 15
    '        image: agent:1', // 16
  );

  it('reads object-level and pod-template annotations, with their sources and paths', () => {
    const [resource] = resourcesOf(deployment);
    expect(readSuppressionAnnotations(resource!)).toEqual([
      {
        key: 'ignore.shiftdown.dev/host-namespaces',
        ruleId: 'host-namespaces',
        reason: 'shares the node network on purpose',
        reasonGiven: true,
        placement: 'object',
        source: 'annotation:ignore.shiftdown.dev/host-namespaces',
        path: ['metadata', 'annotations', 'ignore.shiftdown.dev/host-namespaces'],
      },
      {
        key: 'ignore.shiftdown.dev/privileged-container.agent',
        ruleId: 'privileged-container',
        container: 'agent',
        reason: NO_REASON,
        reasonGiven: false,
        placement: 'template',
        source: 'annotation:ignore.shiftdown.dev/privileged-container.agent (pod template)',
        path: [
          'spec',
          'template',
          'metadata',
          'annotations',
          'ignore.shiftdown.dev/privileged-container.agent',
        ],
      },
    ]);
  });

  it("locates the annotation through the resource's locator", () => {
    const [resource] = resourcesOf(deployment);
    const [, template] = readSuppressionAnnotations(resource!);
    expect(resource!.locate(template!.path)).toEqual({
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 60,
      exact: true,
    });
  });

  it('reads a Pod once (its template metadata is its own metadata)', () => {
    const [pod] = resourcesOf(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: debug',
        '  annotations:',
        '    ignore.shiftdown.dev/privileged-container: break-glass debugging pod',
        'spec:',
        '  containers:',
        '  - name: shell',
        '    image: busybox',
      ),
    );
    expect(readSuppressionAnnotations(pod!).map((a) => [a.placement, a.reason])).toEqual([
      ['object', 'break-glass debugging pod'],
    ]);
  });

  it("reads a CronJob's pod template under its job template", () => {
    const [cronJob] = resourcesOf(
      yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: backup}',
        'spec:',
        '  schedule: "0 3 * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        metadata:',
        '          annotations: {ignore.shiftdown.dev/privileged-container: "mounts the host disk"}',
        '        spec:',
        '          containers: [{name: backup, image: backup:1}]',
      ),
    );
    const [annotation] = readSuppressionAnnotations(cronJob!);
    expect(annotation).toMatchObject({ placement: 'template', reason: 'mounts the host disk' });
    expect(cronJob!.locate(annotation!.path).line).toBe(10);
  });

  it('finds annotations that look like suppressions but use another prefix', () => {
    const [resource] = resourcesOf(
      yaml(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        '  annotations:',
        '    ignore.shiftdown.io/host-namespaces: "x"',
        '    shiftdown.dev/ignore-privileged-container: "x"',
        '    shiftdown.dev/owner: "team-a"',
      ),
    );
    expect(findMisspeltSuppressions(resource!).map((m) => [m.key, m.suggestion])).toEqual([
      ['ignore.shiftdown.io/host-namespaces', 'ignore.shiftdown.dev/host-namespaces'],
      ['shiftdown.dev/ignore-privileged-container', 'ignore.shiftdown.dev/privileged-container'],
    ]);
  });
});
