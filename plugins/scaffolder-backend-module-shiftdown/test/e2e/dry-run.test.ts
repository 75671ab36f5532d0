/**
 * End to end: a real scaffolder backend with this module, driven through `POST /api/scaffolder/v2/dry-run`
 * as Backstage's template editor does. Run with --forceExit (jest.config.e2e.cjs): the scaffolder leaves
 * handles open after the backend stops. The project's own golden paths (examples/templates) are run the
 * same way against the demo backend in test/backstage/demo.test.ts.
 */
import { stripVTControlCharacters } from 'node:util';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import type { TestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import shiftdownModule from '../../src/index.js';
import { HARDENED } from '../fixtures.js';
import { INLINE_HARDENED, INLINE_RISKY } from './templates.js';
import type { TemplateFixture } from './templates.js';

jest.setTimeout(60_000);

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

let backend: TestBackend;

beforeAll(async () => {
  // The scaffolder backend is CommonJS: typed as an ES module import its default export is the module
  // namespace, while at runtime (Jest's CommonJS) the promise resolves to `{ default: scaffolderPlugin }`.
  const scaffolderPlugin = import('@backstage/plugin-scaffolder-backend') as unknown as Promise<{
    default: BackendFeature;
  }>;
  backend = await startTestBackend({ features: [scaffolderPlugin, shiftdownModule] });
});

afterAll(async () => {
  await backend?.stop();
});

interface DryRunBody {
  output?: { text?: { title: string; content: string }[] };
  directoryContents?: { path: string; base64Content: string }[];
  log?: { body: { message: string; stepId?: string } }[];
  error?: { name: string; message: string };
}

async function dryRun(
  fixture: TemplateFixture,
  values: Record<string, unknown>,
): Promise<{ status: number; body: DryRunBody }> {
  const response = await request(backend.server)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template: fixture.template, values, directoryContents: fixture.directoryContents });
  return { status: response.status, body: response.body as DryRunBody };
}

function files(body: DryRunBody): Record<string, string> {
  return Object.fromEntries(
    (body.directoryContents ?? []).map((f) => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

// Backstage colours its task log levels; the messages are ours after the level.
const logMessages = (body: DryRunBody): string[] =>
  (body.log ?? []).map((entry) => stripVTControlCharacters(entry.body.message));

describe('POST /api/scaffolder/v2/dry-run with shiftdown:check', () => {
  it('returns 200 with the rendered files and the policy outputs for a hardened template', async () => {
    const { status, body } = await dryRun(INLINE_HARDENED, { name: 'orders' });
    expect(status).toBe(200);
    expect(body.output).toEqual({
      text: [
        {
          title: 'Kubernetes policy',
          content: 'Score 100/100 (grade A+), 0 findings; report: .shiftdown/report.json',
        },
      ],
    });
    const rendered = files(body);
    expect(Object.keys(rendered).sort()).toEqual([
      '.shiftdown/report.json',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ]);
    expect(rendered['k8s/deployment.yaml']).toBe(HARDENED.replaceAll('payments', 'orders'));
    const report = JSON.parse(rendered['.shiftdown/report.json']!);
    expect(report.summary).toMatchObject({ score: 100, grade: 'A+', files: 1, resources: 4 });
    expect(logMessages(body)).toEqual(
      expect.arrayContaining([
        'info: Shiftdown scanned k8s: 1 file, 4 resources: score 100/100 (A+); 0 critical, 0 high, 0 medium, 0 low, 0 info, 0 suppressed',
        'info: Shiftdown policy check passed for k8s',
      ]),
    );
  });

  it('returns 400 with the violations for a risky template', async () => {
    const { status, body } = await dryRun(INLINE_RISKY, { name: 'web' });
    expect(status).toBe(400);
    expect(body.error?.name).toBe('InputError');
    expect(body.error?.message.split('\n')).toEqual([
      'Shiftdown policy check failed for k8s (score 66/100, grade D): 3 findings at or above high; grade D is below the minimum B.',
      `- node-firewall-tamper (critical) k8s/deployment.yaml:19 — Container "web" runs privileged in a host-network pod: it can rewrite the node's iptables/nftables rules that enforce network policies and metadata-service blocks, and reach any address unfiltered. Fix: Run the workload on the pod network, or drop the privilege: remove \`privileged\` and NET_ADMIN, and keep node-level network agents in a system namespace under tight review. ${DOCS}/node-firewall-tamper.md`,
      `- privileged-container (critical) k8s/deployment.yaml:19 — Container "web" runs privileged: it has full access to the host. Fix: Remove \`privileged: true\` (or set it to \`false\`) and grant only the specific capability the container needs. ${DOCS}/privileged-container.md`,
      `- host-namespaces (high) k8s/deployment.yaml:14 — The pod sets hostNetwork: true: it shares the node network namespace: it can bind node ports, reach node-local services and sniff node traffic. Fix: Remove the host namespace fields (or set them to \`false\`) and expose the workload through a Service. ${DOCS}/host-namespaces.md`,
    ]);
  });

  it('returns 400 from the scaffolder itself for an input the action does not know', async () => {
    const misspelt = structuredClone(INLINE_HARDENED);
    const step = misspelt.template.spec.steps.find((s) => s.action === 'shiftdown:check');
    step!.input = { path: 'k8s', failon: 'high' };
    const { status, body } = await dryRun(misspelt, { name: 'orders' });
    expect(status).toBe(400);
    expect(body.error?.message).toBe(
      'Invalid input passed to action shiftdown:check, instance is not allowed to have the additional property "failon"',
    );
  });
});
