import { defineRule } from '../rule.js';
import { schemaRuleParts } from './schema-validator.js';
import { KUBECONFORM_SOURCE, KUBERNETES_API_CONVENTIONS } from './sources.js';

export default defineRule({
  meta: {
    id: 'schema-invalid',
    title: 'Manifest does not match its schema',
    severity: 'high',
    category: 'validity',
    description:
      'Validates every object against the schema of its apiVersion and kind, as strictly as `kubeconform -strict`: ' +
      'wrong types (a string where an integer is expected), values outside an enum, missing required fields and ' +
      'unknown fields (a typo such as `imagePullPolicyy`). Built-in kinds use the Kubernetes OpenAPI schemas; custom ' +
      'resources use the `openAPIV3Schema` of a CustomResourceDefinition found in the scan or in the configured CRD ' +
      'directories. The validator is chosen with `--schema embedded|kubeconform|off` (default: kubeconform when the ' +
      'binary is found, the embedded validator otherwise). One finding per problem, at the offending key or value.',
    rationale:
      'The API server rejects an invalid object, so the change fails at deploy time instead of review time; worse, ' +
      'client-side tools that drop unknown fields silently ignore a misspelt security setting (`runAsNonRot: true` ' +
      'protects nothing). Invalid manifests are the most common pull request failure after security findings.',
    sources: [KUBECONFORM_SOURCE, KUBERNETES_API_CONVENTIONS],
    remediation:
      'Fix the field the finding points at: correct the spelling of an unknown field, quote or unquote the value to ' +
      'give it the expected type, or add the missing required field. `kubectl explain <kind>.<field>` shows the ' +
      'schema of any built-in field.',
    tags: ['schema', 'validity'],
  },
  ...schemaRuleParts('invalid'),
});
