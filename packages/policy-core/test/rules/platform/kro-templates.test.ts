/**
 * IDP-007: the model renders each ResourceGraphDefinition template with the schema defaults as a resource of
 * its own, located inside the RGD, so every workload rule checks it at the template's lines.
 */
import privileged from '../../../src/rules/pss/privileged-container.js';
import hostNamespaces from '../../../src/rules/pss/host-namespaces.js';
import privilegeEscalation from '../../../src/rules/pss/privilege-escalation-allowed.js';
import kroSensitive from '../../../src/rules/platform/kro-user-controlled-sensitive-field.js';
import { runRules, yaml } from '../harness.js';

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
        debug: boolean | default=true
        network: boolean
    resources:
      - id: deployment
        template:
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: \${schema.spec.name}
          spec:
            template:
              spec:
                hostPID: \${schema.spec.debug}
                hostNetwork: \${schema.spec.network}
                containers:
                  - name: app
                    image: nginx:1.27
                    securityContext:
                      privileged: true
                      allowPrivilegeEscalation: false
      - id: job
        template:
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: \${schema.spec.name}-migrate
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: migrate
                    image: flyway/flyway:10
`;

describe('Kro templates are checked by the workload rules (IDP-007)', () => {
  const result = runRules([privileged, hostNamespaces, privilegeEscalation, kroSensitive], rgd);
  const view = result.findings
    .map((f) => [f.ruleId, f.line, f.column, f.resource.kind, f.container ?? ''] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));

  it('reads the RGD without input errors', () => {
    expect(result.inputErrors).toEqual([]);
    expect(result.crashes).toEqual([]);
  });

  it('reports hardening findings at the template lines, with defaults rendered and free values left unknown', () => {
    expect(view).toEqual([
      // hostPID defaults to true: reported on the rendered Deployment, and as user-controlled on the RGD.
      ['host-namespaces', 23, 15, 'Deployment', ''],
      ['kro-user-controlled-sensitive-field', 23, 15, 'ResourceGraphDefinition', ''],
      // hostNetwork has no default: unknown to the PSS rule, user-controlled for the Kro rule.
      ['kro-user-controlled-sensitive-field', 24, 15, 'ResourceGraphDefinition', ''],
      ['privileged-container', 29, 21, 'Deployment', 'app'],
      // The Job's container sets nothing: allowPrivilegeEscalation is not false.
      ['privilege-escalation-allowed', 42, 19, 'Job', 'migrate'],
    ]);
  });

  it('names the templates by their place in the RGD', () => {
    const job = result.findings.find((f) => f.ruleId === 'privilege-escalation-allowed');
    expect(job?.field).toBe(
      'spec.resources[1].template.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    );
  });
});
