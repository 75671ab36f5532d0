import { parse } from 'yaml';
import { createShiftdownCheckAction } from '../../src/action.js';
import { HARDENED, RISKY } from '../fixtures.js';

/** A software template as the template editor sends it to `POST /v2/dry-run`. */
export interface TemplateFixture {
  template: Record<string, unknown> & {
    spec: Record<string, unknown> & {
      steps: { id?: string; action: string; input?: Record<string, unknown> }[];
    };
  };
  /** Every file of the template directory (template.yaml and the skeleton), paths relative to it. */
  directoryContents: { path: string; base64Content: string }[];
}

interface DocumentedExample {
  steps: TemplateFixture['template']['spec']['steps'];
  output: unknown;
}

/**
 * The steps and output of the example the action documents (`/create/actions` shows it): the template
 * fixtures run exactly that, so the example is known to work.
 */
function documentedExample(): DocumentedExample {
  const [example] = createShiftdownCheckAction().examples ?? [];
  if (!example) throw new Error('shiftdown:check documents no example');
  return parse(example.example) as DocumentedExample;
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
  owner: group:default/platform
`;

function inlineTemplate(name: string, title: string, deployment: string): TemplateFixture {
  const { steps, output } = documentedExample();
  const template: TemplateFixture['template'] = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, title },
    spec: {
      owner: 'group:default/platform',
      type: 'service',
      parameters: [
        {
          title: 'Service',
          required: ['name'],
          properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', default: 'payments' } },
        },
      ],
      steps,
      output,
    },
  };
  const files: Record<string, string> = {
    'template.yaml': JSON.stringify(template),
    'skeleton/catalog-info.yaml': CATALOG_INFO_SKELETON,
    'skeleton/k8s/deployment.yaml': deployment,
  };
  return {
    template,
    directoryContents: Object.entries(files).map(([path, text]) => ({
      path,
      base64Content: Buffer.from(text).toString('base64'),
    })),
  };
}

/** A hardened service (restricted Pod Security, own ServiceAccount, default-deny NetworkPolicy): passes. */
export const INLINE_HARDENED = inlineTemplate(
  'hardened-service',
  'Hardened service',
  skeletonOf(HARDENED, 'payments'),
);
/** A privileged host-network service: fails with two critical findings and a high one. */
export const INLINE_RISKY = inlineTemplate('risky-service', 'Risky service', skeletonOf(RISKY, 'web'));
