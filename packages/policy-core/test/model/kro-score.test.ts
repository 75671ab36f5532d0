import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources } from '../../src/model/resource.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';
import { parseFieldType, parseSimpleSchema, renderTemplate } from '../../src/model/kro.js';
import { runRules, yaml } from '../rules/harness.js';
import privileged from '../../src/rules/pss/privileged-container.js';

const rgd = yaml`
  apiVersion: kro.run/v1alpha1
  kind: ResourceGraphDefinition
  metadata:
    name: webapp
  spec:
    schema:
      apiVersion: v1alpha1
      kind: WebApp
      spec:
        name: string | required=true
        privileged: boolean | default=true
        image: 'string | default="nginx:1.27" description="the image | tag"'
        replicas: integer | default=2 minimum=1
    resources:
      - id: deployment
        template:
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: \${schema.spec.name}
          spec:
            replicas: \${schema.spec.replicas}
            template:
              spec:
                containers:
                  - name: app
                    image: \${schema.spec.image}
                    securityContext:
                      privileged: \${schema.spec.privileged}
      - id: config
        externalRef:
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: shared
`;

function build(text: string) {
  let next = 0;
  return buildResources(parseFile({ path: 'rgd.yaml', text }), BUILTIN_WORKLOAD_KINDS, () => next++);
}

describe('Kro ResourceGraphDefinitions', () => {
  it('models each resource template as a resource rendered with the schema defaults', () => {
    const { resources, errors } = build(rgd);
    expect(errors).toEqual([]);
    expect(resources.map((r) => [r.kind, r.name, r.line, r.embeddedIn?.templateId])).toEqual([
      ['ResourceGraphDefinition', 'webapp', 1, undefined],
      ['Deployment', '${schema.spec.name}', 17, 'deployment'],
    ]);
    const deployment = resources[1]!;
    expect(deployment.workload?.containers[0]?.spec.image).toBe('nginx:1.27');
    expect(deployment.object.spec).toMatchObject({ replicas: 2 });
    expect(deployment.embeddedIn?.path).toEqual(['spec', 'resources', 0, 'template']);
    expect(deployment.field(['spec', 'replicas'])).toBe('spec.resources[0].template.spec.replicas');
  });

  it('lets every rule check the templates, at lines inside the RGD', () => {
    const findings = runRules([privileged], rgd).findings;
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.resource.kind])).toEqual([
      ['privileged-container', 29, 21, 'Deployment'],
    ]);
  });

  it('parses SimpleSchema markers, quoted values included', () => {
    expect(parseFieldType('string | default="a | b" enum="x,y" required=true')).toEqual({
      type: 'string',
      markers: { default: 'a | b', enum: 'x,y', required: 'true' },
    });
    expect(parseSimpleSchema({ ingress: { enabled: 'boolean | default=false' }, port: 'integer' })).toEqual([
      { path: 'ingress.enabled', type: 'boolean', markers: { default: 'false' } },
      { path: 'port', type: 'integer', markers: {} },
    ]);
    expect(renderTemplate({ a: '${schema.spec.port}', b: 'x-${schema.spec.port}' }, parseSimpleSchema({ port: 'integer | default=80' }))).toEqual({
      a: 80,
      b: 'x-${schema.spec.port}',
    });
  });
});

describe('Score workloads', () => {
  it('are modelled as ScoreWorkload resources instead of being skipped', () => {
    const { resources, skipped } = build('apiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers:\n  main:\n    image: nginx\n');
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.kind, r.apiVersion, r.name])).toEqual([['ScoreWorkload', 'score.dev/v1b1', 'web']]);
  });
});
