import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { HARDENED, RISKY } from '../fixtures.js';

/** A software template as the template editor sends it to `POST /v2/dry-run`. */
export interface TemplateFixture {
  template: Record<string, unknown> & {
    spec: { parameters?: unknown; steps: { id?: string; action: string; input?: Record<string, unknown> }[] };
  };
  /** Every file of the template directory (template.yaml and the skeleton), paths relative to it. */
  directoryContents: { path: string; base64Content: string }[];
}

/** The golden-path examples another part of the project ships (examples/templates/<name>/template.yaml + skeleton). */
export const EXAMPLES_DIRECTORY = join(__dirname, '..', '..', '..', '..', 'examples', 'templates');

export function exampleTemplate(name: string): TemplateFixture | undefined {
  const directory = join(EXAMPLES_DIRECTORY, name);
  if (!existsSync(join(directory, 'template.yaml'))) return undefined;
  const files = listFiles(directory).map((path) => ({
    path: relative(directory, path).split(sep).join('/'),
    content: readFileSync(path),
  }));
  return fixture(readFileSync(join(directory, 'template.yaml'), 'utf8'), files);
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(directory, entry.name)) : [join(directory, entry.name)],
    );
}

function fixture(templateYaml: string, files: { path: string; content: Buffer }[]): TemplateFixture {
  return {
    template: parse(templateYaml) as TemplateFixture['template'],
    directoryContents: files.map((file) => ({
      path: file.path,
      base64Content: file.content.toString('base64'),
    })),
  };
}

/**
 * The values a user would submit without typing anything: each parameter's default, else its first
 * example or enum value. A required parameter without one is a test setup error.
 */
export function defaultValues(template: TemplateFixture['template']): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const steps = [template.spec.parameters ?? []].flat() as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  }[];
  for (const step of steps) {
    for (const [name, schema] of Object.entries(step.properties ?? {})) {
      const value =
        schema.default ??
        (schema.examples as unknown[] | undefined)?.[0] ??
        (schema.enum as unknown[] | undefined)?.[0];
      if (value !== undefined) values[name] = value;
      else if (step.required?.includes(name))
        throw new Error(`template parameter "${name}" is required and has no default, example or enum`);
    }
  }
  return values;
}

/** The templated form of a fixture manifest: the service name comes from the template values. */
function skeletonOf(manifest: string, name: string): string {
  return manifest.replaceAll(name, '${{ values.name }}');
}

const CATALOG_INFO_SKELETON = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: \${{ values.name }}
spec:
  type: service
  lifecycle: experimental
  owner: \${{ values.owner }}
`;

function inlineTemplate(name: string, title: string, deployment: string): TemplateFixture {
  const templateYaml = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: ${name}
  title: ${title}
spec:
  owner: group:default/platform
  type: service
  parameters:
    - title: Service
      required: [name, owner]
      properties:
        name:
          type: string
          pattern: '^[a-z][a-z0-9-]*$'
          default: payments
        owner:
          type: string
          default: group:default/payments
  steps:
    - id: fetch
      name: Render the service
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
          owner: \${{ parameters.owner }}
    - id: policy
      name: Check Kubernetes policy
      action: shiftdown:check
      input:
        path: k8s
        failOn: high
        minGrade: B
  output:
    text:
      - title: Kubernetes policy
        content: 'Score \${{ steps.policy.output.score }}/100 (grade \${{ steps.policy.output.grade }}), \${{ steps.policy.output.findings }} findings; report: \${{ steps.policy.output.reportPath }}'
`;
  return fixture(templateYaml, [
    { path: 'template.yaml', content: Buffer.from(templateYaml) },
    { path: 'skeleton/catalog-info.yaml', content: Buffer.from(CATALOG_INFO_SKELETON) },
    { path: 'skeleton/k8s/deployment.yaml', content: Buffer.from(deployment) },
  ]);
}

/** A hardened service (restricted Pod Security, own ServiceAccount, default-deny NetworkPolicy): passes. */
export const INLINE_HARDENED = inlineTemplate(
  'hardened-service',
  'Hardened service',
  skeletonOf(HARDENED, 'payments'),
);
/** A privileged host-network service: fails with two critical findings and a high one. */
export const INLINE_RISKY = inlineTemplate('risky-service', 'Risky service', skeletonOf(RISKY, 'web'));
