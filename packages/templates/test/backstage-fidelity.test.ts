/**
 * The rendering is Backstage's: each case runs @backstage/plugin-scaffolder-backend's own `fetch:template`
 * action into a real workspace, and this package's workspace must hold the same files, byte for byte.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { Workspace } from '../src/render/workspace.js';
import { findTemplates } from '../src/template/discover.js';
import { exampleValues } from '../src/template/parameters.js';
import { planSteps } from '../src/template/steps.js';
import { REPO_ROOT, templateSources, tempTree, templateYaml } from './helpers.js';

const trees: ReturnType<typeof tempTree>[] = [];
const workspaces: string[] = [];
afterAll(() => {
  trees.forEach((t) => t.cleanup());
  workspaces.forEach((w) => rmSync(w, { recursive: true, force: true }));
});

function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, entry);
    if (statSync(path).isFile()) files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** Both renderings of every fetch:template step of the template file, for these values. */
async function renderBoth(templateFile: string, values: Record<string, unknown> = {}) {
  const { templates } = findTemplates(templateSources('/', [templateFile]));
  const template = templates[0]!;
  const plan = planSteps(template, {
    ...exampleValues((template.value.spec as Record<string, unknown>).parameters),
    ...values,
  });
  const backstage = mkdtempSync(join(tmpdir(), 'backstage-workspace-'));
  workspaces.push(backstage);
  const ours = new Workspace();
  // Only filters that read repository URLs need integrations; none of these cases uses them.
  const action = createFetchTemplateAction({
    reader: {} as never,
    integrations: { byHost: () => ({ type: 'github' }) } as never,
  });
  const logger = {
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  for (const step of plan.steps) {
    if (step.skipped !== undefined || step.action !== 'fetch:template') continue;
    await action.handler({
      input: step.input,
      workspacePath: backstage,
      logger,
      templateInfo: { baseUrl: `file://${template.file}`, entityRef: 'template:default/x' },
      createTemporaryDirectory: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'backstage-step-'));
        workspaces.push(dir);
        return dir;
      },
      output: () => undefined,
      checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
      secrets: {},
    } as never);
    const outcome = await ours.run(step, {
      templateFile: template.file,
      cwd: '/',
      urlError: (message) => ({ file: '', line: 1, column: 1, message }),
    });
    expect(outcome.errors).toEqual([]);
  }
  const theirs = filesUnder(backstage);
  const mine = new Map(
    [...ours.files.values()].map((file) => [
      file.rendered,
      file.text === undefined ? readFileSync(join('/', file.skeleton)) : Buffer.from(file.text),
    ]),
  );
  return { theirs, mine };
}

const SKELETON: Record<string, string | Uint8Array> = {
  'skeleton/${{ values.name }}/deploy-${{ values.name }}.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: ${{ values.name }}',
    '  labels: {% for key, value in values.labels %}',
    '    ${{ key }}: ${{ value | dump }}{% endfor %}',
    'spec:',
    '  {%- if values.replicas > 1 %}',
    '  replicas: ${{ values.replicas }}',
    '  {%- endif %}',
    '  template:',
    '    spec:',
    '      containers:',
    '        {%- for c in values.containers %}',
    '        - name: ${{ c | lower }}',
    '          image: "${{ values.registry }}/${{ c }}:1.0"',
    '        {%- endfor %}',
    '{# a comment #}',
    '',
  ].join('\n'),
  'skeleton/config/app.yaml':
    'data:\n  app.conf: |\n    ${{ values.config | indent(4) }}\n  raw: {% raw %}${{ github.sha }}{% endraw %}\n',
  'skeleton/{% if values.ingress %}ingress.yaml{% endif %}': 'kind: Ingress\n',
  'skeleton/{% if not values.ingress %}no-ingress.yaml{% endif %}': 'kind: ConfigMap\n',
  'skeleton/.github/workflows/ci.yaml': 'on: push\njobs:\n  b:\n    runs-on: ${{ matrix.os }}\n',
  'skeleton/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x7b, 0x7b]),
};
const STEP = [
  '    - id: fetch',
  '      action: fetch:template',
  '      input:',
  '        url: ./skeleton',
  '        targetPath: out',
  "        copyWithoutTemplating: ['.github/workflows/*']",
  '        values:',
  '          name: ${{ parameters.name }}',
  '          replicas: 3',
  '          labels: { team: shop, tier: "web" }',
  '          containers: [Api, Worker]',
  '          registry: ghcr.io/acme',
  '          config: "a: 1\\nb: 2"',
  '          ingress: false',
].join('\n');

const HARDENED_FILES = [
  'catalog-info.yaml',
  'k8s/deployment.yaml',
  'k8s/networkpolicy.yaml',
  'k8s/poddisruptionbudget.yaml',
  'k8s/service.yaml',
  'k8s/serviceaccount.yaml',
];
const RISKY_FILES = ['catalog-info.yaml', 'k8s/deployment.yaml', 'k8s/service.yaml'];

describe("rendering matches Backstage's fetch:template action", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['hardened-service', {}, HARDENED_FILES],
    ['hardened-service', { name: 'zz', env: [] }, HARDENED_FILES],
    ['risky-service', {}, RISKY_FILES],
    ['risky-service', { debug: false }, RISKY_FILES],
  ])('examples/templates/%s with %j', async (name, values, files) => {
    const { theirs, mine } = await renderBoth(
      join(REPO_ROOT, 'examples', 'templates', name, 'template.yaml'),
      values,
    );
    expect([...mine.keys()].sort()).toEqual(files);
    expect([...theirs.keys()].sort()).toEqual(files);
    for (const [path, content] of theirs)
      expect(mine.get(path)?.toString('utf8')).toBe(content.toString('utf8'));
  });

  it.each([
    [
      'loops, conditions, whitespace control, conditional file names, copyWithoutTemplating, binary files',
      STEP,
    ],
    ['with trimBlocks and lstripBlocks', `${STEP}\n        trimBlocks: true\n        lstripBlocks: true`],
  ])('%s', async (_name, steps) => {
    const tree = tempTree({ 'template.yaml': templateYaml({ steps }), ...SKELETON });
    trees.push(tree);
    const { theirs, mine } = await renderBoth(join(tree.root, 'template.yaml'));
    expect([...mine.keys()].sort()).toEqual([
      'out/.github/workflows/ci.yaml',
      'out/config/app.yaml',
      'out/logo.png',
      'out/no-ingress.yaml',
      'out/web/deploy-web.yaml',
    ]);
    expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
    for (const [path, content] of theirs) expect(mine.get(path)).toEqual(content);
  });

  it('templateFileExtension', async () => {
    const tree = tempTree({
      'template.yaml': templateYaml({
        steps:
          '    - id: fetch\n      action: fetch:template\n      input:\n        url: ./skeleton\n        templateFileExtension: true\n        values:\n          name: ${{ parameters.name }}',
      }),
      'skeleton/${{ values.name }}.yaml.njk': 'name: ${{ values.name }}\n',
      'skeleton/static-${{ values.name }}.yaml': 'name: ${{ values.name }}\n',
    });
    trees.push(tree);
    const { theirs, mine } = await renderBoth(join(tree.root, 'template.yaml'));
    expect([...mine.keys()].sort()).toEqual(['static-web.yaml', 'web.yaml']);
    expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
    for (const [path, content] of theirs) expect(mine.get(path)).toEqual(content);
  });
});
