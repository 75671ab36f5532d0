import rule from '../../../src/rules/platform/kro-user-controlled-sensitive-field.js';
import { schemaSpecReferences, sensitiveEffect } from '../../../src/rules/platform/kro.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes constrained fields (enum, pattern), hard-coded security fields and harmless user input',
    yaml: yaml`
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
            replicas: integer | default=2
            image: string | pattern="^registry\\.example\\.com/.+@sha256:[a-f0-9]{64}$"
            runtime: string | enum="runc,gvisor" default="gvisor"
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
                    runtimeClassName: \${schema.spec.runtime}
                    containers:
                      - name: app
                        image: \${schema.spec.image}
                        securityContext:
                          privileged: false
    `,
    expected: [],
  },
  {
    name: 'reports pod and container security fields wired to free user input, whole or embedded',
    yaml: yaml`
      apiVersion: kro.run/v1alpha1
      kind: ResourceGraphDefinition
      metadata:
        name: webapp
      spec:
        schema:
          apiVersion: v1alpha1
          kind: WebApp
          spec:
            name: string
            privileged: boolean | default=false immutable=true
            image: string | default="nginx:1.27"
            tag: string
            sa: string
            node:
              debug: boolean
            logDir: string
        resources:
          - id: deployment
            template:
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: \${schema.spec.name}
                namespace: \${schema.spec.name}-ns
              spec:
                template:
                  spec:
                    serviceAccountName: \${schema.spec.sa}
                    hostPID: \${schema.spec.node.debug}
                    containers:
                      - name: app
                        image: "\${schema.spec.image + ':' + schema.spec.tag}"
                        securityContext:
                          privileged: \${schema.spec.privileged}
                          capabilities:
                            add: ["\${schema.spec.undeclared}"]
                    volumes:
                      - name: logs
                        hostPath:
                          path: /var/log/\${schema.spec.logDir}
    `,
    expected: [
      {
        line: 25,
        column: 11,
        message:
          'Template "deployment" (Deployment) sets metadata.namespace from user input spec.name (string, no enum or pattern): whoever creates an instance chooses the namespace',
        severity: 'high',
      },
      {
        line: 29,
        column: 15,
        message:
          'sets spec.template.spec.serviceAccountName from user input spec.sa (string, no enum or pattern)',
      },
      {
        line: 30,
        column: 15,
        message:
          'sets spec.template.spec.hostPID from user input spec.node.debug (boolean, no enum or pattern): whoever creates an instance shares the node process namespace',
      },
      {
        line: 33,
        column: 19,
        message:
          'image from user input spec.image (string, no enum or pattern), spec.tag (string, no enum or pattern)',
      },
      {
        line: 35,
        column: 21,
        message:
          'securityContext.privileged from user input spec.privileged (boolean, no enum or pattern): whoever creates an instance makes a container privileged',
      },
      {
        line: 37,
        column: 29,
        message: 'capabilities.add[0] from user input spec.undeclared (not declared in the schema)',
      },
      { line: 41, column: 21, message: 'hostPath.path from user input spec.logDir' },
    ],
  },
  {
    name: 'reports RBAC templates built from user input, and whole objects passed through',
    yaml: yaml`
      apiVersion: kro.run/v1alpha1
      kind: ResourceGraphDefinition
      metadata:
        name: tenant
      spec:
        schema:
          apiVersion: v1alpha1
          kind: Tenant
          spec:
            role: string
            user: string
            resources: "[]string"
            security: object
        resources:
          - id: binding
            template:
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRoleBinding
              metadata:
                name: tenant-admin
              roleRef:
                apiGroup: rbac.authorization.k8s.io
                kind: ClusterRole
                name: \${schema.spec.role}
              subjects:
                - kind: User
                  name: \${schema.spec.user}
          - id: role
            template:
              apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata:
                name: tenant
              rules:
                - apiGroups: [""]
                  resources: \${schema.spec.resources}
                  verbs: ["get"]
          - id: pod
            template:
              apiVersion: v1
              kind: Pod
              metadata:
                name: tenant
              spec:
                containers:
                  - name: app
                    image: nginx:1.27
                    securityContext: \${schema.spec.security}
    `,
    expected: [
      {
        line: 24,
        column: 11,
        message:
          'Template "binding" (ClusterRoleBinding) sets roleRef.name from user input spec.role (string, no enum or pattern): whoever creates an instance chooses the role a ClusterRoleBinding grants, and kro applies it with its own permissions, which turns instance creation into RBAC escalation.',
      },
      { line: 27, column: 13, message: 'sets subjects[0].name from user input spec.user' },
      {
        line: 36,
        column: 13,
        message:
          'Template "role" (Role) sets rules[0].resources from user input spec.resources ([]string, no enum or pattern): whoever creates an instance writes the permissions of a Role',
      },
      {
        line: 48,
        column: 15,
        message:
          'Template "pod" (Pod) sets spec.containers[0].securityContext from user input spec.security (object, no enum or pattern): whoever creates an instance sets a whole securityContext',
      },
    ],
  },
  {
    name: 'reports an image field defaulting to a moving tag, at the schema field (medium)',
    yaml: yaml`
      apiVersion: kro.run/v1alpha1
      kind: ResourceGraphDefinition
      metadata:
        name: webapp
      spec:
        schema:
          apiVersion: v1alpha1
          kind: WebApp
          spec:
            image: string | default="nginx:latest" enum="nginx:latest,nginx:1.27"
            sidecar: string | default="envoyproxy/envoy" pattern="^envoyproxy/"
            label: string | default="latest"
        resources:
          - id: deployment
            template:
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                labels:
                  version: \${schema.spec.label}
              spec:
                template:
                  spec:
                    containers:
                      - name: app
                        image: \${schema.spec.image}
                      - name: proxy
                        image: \${schema.spec.sidecar}
    `,
    expected: [
      {
        line: 10,
        column: 7,
        message: 'Schema field spec.image defaults to image "nginx:latest", the moving tag "latest"',
        severity: 'medium',
      },
      {
        line: 11,
        column: 7,
        message: 'Schema field spec.sidecar defaults to image "envoyproxy/envoy", without a tag',
        severity: 'medium',
      },
    ],
  },
  {
    name: 'ignores other kinds and other groups',
    yaml: yaml`
      apiVersion: example.com/v1
      kind: ResourceGraphDefinition
      metadata:
        name: not-kro
      spec:
        schema:
          spec:
            p: boolean
        resources:
          - id: pod
            template:
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                hostPID: \${schema.spec.p}
                containers:
                  - name: app
                    image: nginx:1.27
    `,
    expected: [],
  },
];

describe('kro-user-controlled-sensitive-field', () => {
  testRuleCases(rule, cases);

  it('finds schema references inside CEL expressions only', () => {
    expect(schemaSpecReferences('${schema.spec.a.b + "-" + schema.spec.c}')).toEqual(['a.b', 'c']);
    expect(schemaSpecReferences('schema.spec.a')).toEqual([]);
    expect(schemaSpecReferences('${myschema.spec.a} ${deployment.status.x}')).toEqual([]);
  });

  it('classifies sensitive paths by position, not by name alone', () => {
    expect(sensitiveEffect('ConfigMap', ['data', 'image'])).toBeUndefined();
    expect(sensitiveEffect('Deployment', ['spec', 'template', 'spec', 'containers', 0, 'image'])).toContain(
      'image',
    );
    expect(sensitiveEffect('ConfigMap', ['metadata', 'labels', 'namespace'])).toBeUndefined();
    expect(sensitiveEffect('ConfigMap', ['rules'])).toBeUndefined();
    expect(sensitiveEffect('ClusterRole', ['rules', 0, 'verbs', 0])).toContain('permissions');
  });
});
