import type { Path } from '../../types.js';
import { formatPath } from '../../model/locate.js';
import { parseImageRef } from '../../model/image.js';
import { asObject, getPath, type JsonObject } from '../../model/values.js';
import {
  KRO_GROUP,
  RGD_KIND,
  parseSimpleSchema,
  rgdTemplates,
  type SimpleSchemaField,
} from '../../model/kro.js';
import { defineRule, type ReportDescriptor } from '../rule.js';
import { KRO_ACCESS_CONTROL, KRO_SIMPLE_SCHEMA, KRO_TAGS } from './common.js';
import {
  isConstrained,
  referencedFields,
  schemaSpecReferences,
  sensitiveEffect,
  stringLeaves,
} from './kro.js';

/** `image (string, no enum or pattern)`, `config (not declared in the schema)`. */
function describeReference(reference: string, fields: readonly SimpleSchemaField[]): string {
  if (fields.length === 0) return `spec.${reference} (not declared in the schema)`;
  if (fields.length === 1 && fields[0]?.path === reference) {
    return `spec.${reference} (${fields[0].type}, no enum or pattern)`;
  }
  return `spec.${reference} (fields without enum or pattern)`;
}

const TEMPLATE_LABEL = (id: string | undefined, index: number, template: JsonObject) =>
  `Template "${id ?? `resources[${index}]`}" (${String(template.kind)})`;

/** Template fields that are security decisions, wired to unconstrained user input (IDP-008). */
function sensitiveFindings(rgd: JsonObject, fields: readonly SimpleSchemaField[]): ReportDescriptor[] {
  const out: ReportDescriptor[] = [];
  for (const { index, id, template } of rgdTemplates(rgd)) {
    const kind = String(template.kind);
    for (const leaf of stringLeaves(template)) {
      const effect = sensitiveEffect(kind, leaf.path);
      if (!effect) continue;
      const free = schemaSpecReferences(leaf.value).flatMap((reference) => {
        const matched = referencedFields(reference, fields);
        return matched.length > 0 && matched.every(isConstrained)
          ? []
          : [describeReference(reference, matched)];
      });
      if (free.length === 0) continue;
      const rbac =
        /Role(Binding)?$/.test(kind) &&
        (leaf.path[0] === 'rules' || leaf.path[0] === 'subjects' || leaf.path[0] === 'roleRef');
      out.push({
        message:
          `${TEMPLATE_LABEL(id, index, template)} sets ${formatPath(leaf.path)} from user input ${free.join(', ')}: ` +
          `whoever creates an instance ${effect}, and kro applies it with its own permissions` +
          (rbac ? ', which turns instance creation into RBAC escalation.' : '.'),
        path: ['spec', 'resources', index, 'template', ...leaf.path],
        key: `template:${index}:${formatPath(leaf.path)}`,
      });
    }
  }
  return out;
}

/** Schema string fields used as container images whose default is untagged or `latest` (E4 (c)). */
function mutableImageDefaults(rgd: JsonObject, fields: readonly SimpleSchemaField[]): ReportDescriptor[] {
  const imageFields = new Set<string>();
  for (const { template } of rgdTemplates(rgd)) {
    for (const leaf of stringLeaves(template)) {
      if (sensitiveEffect(String(template.kind), leaf.path)?.startsWith('chooses the container image')) {
        for (const reference of schemaSpecReferences(leaf.value)) imageFields.add(reference);
      }
    }
  }
  const out: ReportDescriptor[] = [];
  for (const field of fields) {
    const value = field.markers.default;
    if (field.type !== 'string' || value === undefined || !imageFields.has(field.path)) continue;
    const ref = parseImageRef(value);
    if (
      ref.templated ||
      ref.digest !== undefined ||
      (ref.tag !== undefined && ref.tag !== '' && ref.tag !== 'latest')
    ) {
      continue;
    }
    out.push({
      message:
        `Schema field spec.${field.path} defaults to image "${value}", ${ref.tag === 'latest' ? 'the moving tag "latest"' : 'without a tag (which means "latest")'}: ` +
        'every instance that does not set it runs whatever that tag points to when its pods are pulled.',
      path: ['spec', 'schema', 'spec', ...field.path.split('.')] as Path,
      severity: 'medium',
      key: `default:${field.path}`,
    });
  }
  return out;
}

/** Kro templates that let instance authors choose security-sensitive values (IDP-008). */
export default defineRule({
  meta: {
    id: 'kro-user-controlled-sensitive-field',
    title: 'Kro template wires a security-sensitive field to user input',
    severity: 'high',
    category: 'multitenancy',
    description:
      'A `ResourceGraphDefinition` (kro.run) template sets a security-sensitive field from `${schema.spec.…}` ' +
      '(the whole value or part of a CEL expression) and the SimpleSchema field it reads has neither `enum=` nor ' +
      '`pattern=` (or is not declared). Sensitive fields: `securityContext.privileged`, ' +
      '`securityContext.allowPrivilegeEscalation`, `capabilities.add`, `hostNetwork`, `hostPID`, `hostIPC`, ' +
      '`hostPath.path`, `serviceAccountName`, `runtimeClassName`, container `image`, the object\u2019s ' +
      '`metadata.namespace`, whole `securityContext`, `capabilities`, `volumes` or container lists, and in ' +
      'Role/ClusterRole templates `rules` (and `aggregationRule`), in RoleBinding/ClusterRoleBinding templates ' +
      '`subjects` and `roleRef`. `default=` and `immutable=true` do not constrain: the instance author sets the ' +
      'value at creation. One finding per template field. Also reported (medium): a string schema field used as ' +
      'a container image whose `default=` has no tag or the tag `latest`, at the schema field. Values reached only ' +
      'through `forEach` iterators are not traced.',
    rationale:
      'An RGD publishes a new API that application teams may create instances of; kro then creates the templated ' +
      'objects with its own controller permissions (cluster-admin-like in the default Helm `unrestricted` mode). ' +
      'A template that passes `privileged`, `hostPID`, a hostPath, the ServiceAccount, the namespace or RBAC rules ' +
      'straight from the instance lets anyone allowed to create instances escape to the node, borrow another ' +
      'workload\u2019s identity, write into kube-system or grant themselves cluster-admin, bypassing the guardrails ' +
      'the platform meant the RGD to enforce (MITRE ATT&CK T1611, Escape to Host; T1098, Account Manipulation). ' +
      'SimpleSchema `enum` and `pattern` markers make the API server reject other values at instance creation.',
    sources: [
      KRO_SIMPLE_SCHEMA,
      KRO_ACCESS_CONTROL,
      { title: 'MITRE ATT&CK T1611: Escape to Host', url: 'https://attack.mitre.org/techniques/T1611/' },
    ],
    remediation:
      'Hard-code the security decision in the template, or constrain the schema field so only safe values are ' +
      'accepted:\n\n' +
      '```yaml\nspec:\n  schema:\n    spec:\n      image: string | pattern="^registry\\\\.example\\\\.com/.+@sha256:[a-f0-9]{64}$"\n' +
      '      tier: string | enum="standard,restricted" default="restricted"\n  resources:\n    - id: deployment\n' +
      '      template:\n        # ...\n        securityContext:\n          privileged: false\n```',
    tags: [...KRO_TAGS, 'container-escape', 'multitenancy'],
  },
  match: { kinds: [RGD_KIND] },
  check({ resource, report }) {
    if (!resource.apiVersion.startsWith(`${KRO_GROUP}/`)) return;
    const fields = parseSimpleSchema(getPath(asObject(resource.object.spec), ['schema', 'spec']));
    for (const finding of [
      ...sensitiveFindings(resource.object, fields),
      ...mutableImageDefaults(resource.object, fields),
    ]) {
      report(finding);
    }
  },
});
