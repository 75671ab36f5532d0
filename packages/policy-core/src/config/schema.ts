/**
 * The JSON Schema (draft-07) of `.shiftdown.yaml`. `parseConfig` validates against it and turns
 * every violation into a located, human message; `configJsonSchema()` gives the same schema as plain
 * JSON for the docs and for editors (`# yaml-language-server: $schema=…`).
 */
import { CATEGORIES } from '../types.js';

/** A rule id: a kebab-case slug such as `privileged-container`. */
export const RULE_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** A rule id, or `*` for every rule (exemptions only). */
export const RULE_ID_OR_ALL_PATTERN = '^(\\*|[a-z0-9]+(-[a-z0-9]+)*)$';
/** `latest` or a Pod Security Standards version `v1.N` (`1.N` is accepted too). */
export const PSS_VERSION_PATTERN = '^(latest|v?1\\.(0|[1-9][0-9]{0,2}))$';
/** A Kubernetes version `1.N` or `v1.N` (an optional patch `1.N.P` is ignored). */
export const KUBERNETES_VERSION_PATTERN = '^v?1\\.(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]*))?$';
/** A calendar day `YYYY-MM-DD` (the day itself is checked after the schema). */
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** At least one non-space character. */
export const NON_EMPTY_PATTERN = '\\S';
/** A dotted field path such as `spec.template.spec`. */
export const DOTTED_PATH_PATTERN = '^[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*$';
/** A namespace name (an RFC 1123 DNS label). */
export const NAMESPACE_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

export const CONFIG_SCHEMA_ID = 'https://shiftdown.dev/schemas/shiftdown-config.schema.json';

const SEVERITY_VALUES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const CATEGORY_VALUES = CATEGORIES;

const glob = (what: string, allowEmpty = false) =>
  ({
    type: 'string',
    ...(allowEmpty ? {} : { minLength: 1 }),
    description: `Glob (picomatch) matched against the ${what}. Omitted: any.`,
  }) as const;

/** The schema of `.shiftdown.yaml`. Plain data: safe to serialise. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CONFIG_SCHEMA_ID,
  title: 'Shiftdown configuration (.shiftdown.yaml)',
  description:
    'Configuration of the Shiftdown Kubernetes manifest linter: profile, rule overrides, exemptions, inputs and context.',
  type: 'object',
  additionalProperties: false,
  properties: {
    profile: {
      description: 'The rule set to run. Default: recommended.',
      enum: ['pss-baseline', 'pss-restricted', 'recommended', 'strict'],
    },
    pssVersion: {
      description:
        'Pod Security Standards version the PSS rules evaluate at: `latest` or `v1.N`. Default: latest.',
      type: 'string',
      pattern: PSS_VERSION_PATTERN,
      examples: ['latest', 'v1.33'],
    },
    kubernetesVersion: {
      description: 'Target Kubernetes version `1.N` (quote it: YAML reads 1.30 as the number 1.3).',
      type: 'string',
      pattern: KUBERNETES_VERSION_PATTERN,
      examples: ['1.33', 'v1.34'],
    },
    failOn: {
      description:
        'Lowest severity of an unsuppressed finding that fails the run (`none`: never). Default: high.',
      enum: ['none', ...SEVERITY_VALUES],
    },
    minScore: {
      description: 'Fail the run when the overall score (0–100) is below this.',
      type: 'number',
      minimum: 0,
      maximum: 100,
    },
    rules: {
      description:
        'Per-rule overrides: `off` disables a rule; a severity enables it (even outside the profile) at that severity.',
      type: 'object',
      patternProperties: {
        [RULE_ID_PATTERN]: { $ref: '#/definitions/ruleSetting' },
      },
      additionalProperties: false,
    },
    exemptions: {
      description:
        'Accepted findings: each exemption suppresses the findings it matches, with its reason, until it expires.',
      type: 'array',
      items: { $ref: '#/definitions/exemption' },
    },
    include: {
      description: 'Globs of files to scan (default: every .yaml, .yml and .json file).',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    exclude: {
      description: 'Globs of files to skip.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    workloadKinds: {
      description: 'Custom kinds that embed a pod template (custom resources), checked like Deployments.',
      type: 'array',
      items: { $ref: '#/definitions/workloadKind' },
    },
    cloud: {
      description: 'The cloud the cluster runs in, for cloud-specific rules (e.g. instance metadata access).',
      enum: ['aws', 'azure', 'gcp'],
    },
    namespaces: {
      description: 'Context about namespaces, by name.',
      type: 'object',
      patternProperties: {
        [NAMESPACE_PATTERN]: { $ref: '#/definitions/namespaceContext' },
      },
      additionalProperties: false,
    },
    trustedRegistries: {
      description:
        'Image registries (or registry/repository prefixes, globs allowed) images may come from, e.g. `ghcr.io/acme/*`. ' +
        'Omitted: any registry.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    sandboxRuntimeClasses: {
      description:
        'RuntimeClass names that run pods in a sandbox (gVisor, Kata, …). Default: gvisor, runsc, kata, kata-*, kata-qemu, kata-clh, kata-fc.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    systemNamespaces: {
      description:
        'Namespaces of platform components exempt from tenant-facing rules, added to the defaults (kube-system, gpu-operator, …).',
      type: 'array',
      items: { type: 'string', pattern: NAMESPACE_PATTERN },
    },
    customRules: {
      description:
        'Rules of your own, written in CEL like a ValidatingAdmissionPolicy validation (see docs/custom-rules.md).',
      type: 'array',
      items: { $ref: '#/definitions/customRule' },
    },
    schema: {
      description: 'Schema validation of the manifests (see docs/schema-validation.md).',
      type: 'object',
      additionalProperties: false,
      properties: {
        validator: {
          description:
            '`auto` (default): kubeconform when the binary is found, the embedded validator otherwise; `off`: no schema validation.',
          enum: ['auto', 'embedded', 'kubeconform', 'off'],
        },
        kubeconformPath: {
          description:
            'Path to the kubeconform binary, relative to this file (default: KUBECONFORM_PATH, then PATH).',
          type: 'string',
          minLength: 1,
        },
        schemaLocations: {
          description: 'kubeconform `-schema-location` values, in order (URLs or local templates).',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        crdPaths: {
          description:
            'Files or directories (relative to this file) holding CustomResourceDefinitions to validate custom resources against.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        skipKinds: {
          description: 'Kinds not to validate: `Kind` or `group/version/Kind` (kubeconform `-skip`).',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        ignoreMissingSchemas: {
          description: 'Report no `schema-missing` finding for kinds without a schema.',
          type: 'boolean',
        },
      },
    },
  },
  definitions: {
    ruleSetting: {
      description: '`off`, or the severity findings of the rule get.',
      enum: ['off', ...SEVERITY_VALUES],
    },
    exemption: {
      description: 'Suppresses matching findings. Give `rules` (a list) or `rule` (one id), and a reason.',
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      oneOf: [{ required: ['rules'] }, { required: ['rule'] }],
      properties: {
        rules: {
          description: 'Rule ids the exemption covers, or `*` for every rule.',
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: RULE_ID_OR_ALL_PATTERN },
        },
        rule: {
          description: 'One rule id (shorthand for `rules: [<id>]`), or `*`.',
          type: 'string',
          pattern: RULE_ID_OR_ALL_PATTERN,
        },
        kind: glob('resource kind (case-insensitive), e.g. `Deployment`'),
        namespace: glob('namespace (`""` when the resource sets none)', true),
        name: glob('resource name'),
        file: glob('file path, e.g. `charts/**/templates/*.yaml`'),
        container: glob('container name (only findings about a container match)'),
        reason: {
          description: 'Why the risk is accepted. Shown with every suppressed finding.',
          type: 'string',
          pattern: NON_EMPTY_PATTERN,
        },
        expires: {
          description:
            'YYYY-MM-DD: the last day the exemption applies. After it, the findings come back and the report says so.',
          type: 'string',
          pattern: DATE_PATTERN,
        },
      },
    },
    workloadKind: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'podSpecPath'],
      properties: {
        kind: { description: 'The kind, e.g. `Rollout`.', type: 'string', minLength: 1 },
        group: { description: 'Its API group, e.g. `argoproj.io` (omitted: any group).', type: 'string' },
        podSpecPath: {
          description: 'Dotted path to the PodSpec, e.g. `spec.template.spec`.',
          type: 'string',
          pattern: DOTTED_PATH_PATTERN,
        },
        podMetadataPath: {
          description: "Dotted path to the pod template's metadata (default: next to the PodSpec).",
          type: 'string',
          pattern: DOTTED_PATH_PATTERN,
        },
      },
    },
    customRule: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'expression'],
      properties: {
        id: {
          description: 'Rule id (kebab-case), used in suppressions and reports. Must not be a built-in id.',
          type: 'string',
          pattern: RULE_ID_PATTERN,
        },
        title: { description: 'One-line title.', type: 'string', pattern: NON_EMPTY_PATTERN },
        expression: {
          description:
            'CEL expression over `object` (and `namespaceObject`, `request`, `objects`): true when the object passes.',
          type: 'string',
          pattern: NON_EMPTY_PATTERN,
        },
        message: { description: 'Message of a finding.', type: 'string', pattern: NON_EMPTY_PATTERN },
        messageExpression: {
          description: 'CEL expression returning the message (wins over `message` when it yields text).',
          type: 'string',
          pattern: NON_EMPTY_PATTERN,
        },
        severity: { description: 'Severity of findings (default medium).', enum: SEVERITY_VALUES },
        category: { description: 'Scorecard category (default reliability).', enum: CATEGORY_VALUES },
        description: { description: 'What the rule checks (shown by `shiftdown explain`).', type: 'string' },
        remediation: { description: 'How to fix a finding.', type: 'string' },
        path: {
          description:
            'Dotted path of the field findings point at, e.g. `metadata.labels` (default: the object).',
          type: 'string',
          pattern: DOTTED_PATH_PATTERN,
        },
        match: {
          description: 'Which objects the rule checks (default: all).',
          type: 'object',
          additionalProperties: false,
          properties: {
            kinds: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
            apiGroups: { type: 'array', items: { type: 'string' }, minItems: 1 },
          },
        },
      },
    },
    namespaceContext: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tenancy: {
          description:
            'Who runs workloads in the namespace: `single` (one team), `multi` (several tenants) or `untrusted` ' +
            '(tenant code the platform does not trust). Overrides the `shiftdown.dev/tenancy` label of a scanned Namespace.',
          enum: ['single', 'multi', 'untrusted'],
        },
      },
    },
  },
} as const;

/** The config schema as plain JSON (a fresh copy), e.g. for `docs/` or an editor's schema store. */
export function configJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(CONFIG_SCHEMA)) as Record<string, unknown>;
}

/** The config schema as pretty-printed JSON text, ending in a newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
}
