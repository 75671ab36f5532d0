import { chmodSync } from 'node:fs';
import type { Report } from '@shiftdown/policy-core';
import { main } from '../src/index.js';
import { tempTree, testIO } from './helpers.js';

async function run(cwd: string, argv: string[], env: Record<string, string | undefined> = { NO_COLOR: '1' }) {
  const t = testIO(cwd, { env });
  const code = await main(argv, t.io);
  return { code, stdout: t.stdout.text(), stderr: t.stderr.text() };
}

const TYPO_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicyy: Always
`;

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
`;

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: 3
  colour: red
`;

function schemaFindings(report: Report): string[] {
  return report.findings
    .filter((f) => f.ruleId.startsWith('schema-'))
    .map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

/** A stand-in kubeconform: `-v` prints a version; a run prints `output` with every input file's name. */
function fakeKubeconform(
  tree: ReturnType<typeof tempTree>,
  output: (files: string[]) => unknown,
  exitCode = 1,
): string {
  const script = `#!${process.execPath}
const args = process.argv.slice(2);
if (args[0] === '-v') { console.log('v0.6.7'); process.exit(0); }
const files = args.slice(args.indexOf('--') + 1);
const output = ${output.toString()};
const value = output(files);
process.stdout.write(typeof value === 'string' ? value : JSON.stringify(value));
process.exit(${exitCode});
`;
  const path = tree.write('bin/kubeconform', script);
  chmodSync(path, 0o755);
  return path;
}

describe('scan: schema validation', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree?.cleanup());

  test('validates with the embedded schemas by default when no kubeconform is found', async () => {
    tree = tempTree({ 'deploy.yaml': TYPO_DEPLOYMENT });
    const result = await run(tree.root, ['scan', '--format', 'json', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.settings.schemaValidator).toBe('embedded (Kubernetes v1.36)');
    expect(schemaFindings(report)).toEqual([
      'schema-invalid deploy.yaml:16:11 Unknown field "imagePullPolicyy" in spec.template.spec.containers[0] (not in the Deployment apps/v1 schema).',
    ]);
  });

  test('--schema off runs no schema rule', async () => {
    tree = tempTree({ 'deploy.yaml': TYPO_DEPLOYMENT });
    const report = JSON.parse(
      (await run(tree.root, ['scan', '--schema', 'off', '--format', 'json', '--fail-on', 'none'])).stdout,
    ) as Report;
    expect(report.settings.schemaValidator).toBeUndefined();
    expect(schemaFindings(report)).toEqual([]);
  });

  test('custom resources: schema-missing without their CRD, validated with --crds or schema.crdPaths', async () => {
    tree = tempTree({
      'app/widget.yaml': WIDGET,
      'crds/widget-crd.yaml': CRD,
      'app/.shiftdown.yaml': 'schema:\n  crdPaths: [../crds]\n',
    });
    const bare = JSON.parse(
      (await run(tree.root, ['scan', 'app', '--no-config', '--format', 'json', '--fail-on', 'none'])).stdout,
    ) as Report;
    expect(schemaFindings(bare)).toEqual([
      expect.stringMatching(/^schema-missing app\/widget\.yaml:2:1 No schema for Widget example\.com\/v1/),
    ]);
    const unknownColour = expect.stringMatching(
      /^schema-invalid app\/widget\.yaml:7:3 Unknown field "colour" in spec/,
    );
    const withFlag = JSON.parse(
      (
        await run(tree.root, [
          'scan',
          'app',
          '--no-config',
          '--crds',
          'crds',
          '--format',
          'json',
          '--fail-on',
          'none',
        ])
      ).stdout,
    ) as Report;
    expect(schemaFindings(withFlag)).toEqual([unknownColour]);
    const withConfig = JSON.parse(
      (await run(tree.root, ['scan', 'app', '--format', 'json', '--fail-on', 'none'])).stdout,
    ) as Report;
    expect(schemaFindings(withConfig)).toEqual([unknownColour]);
  });

  test('a CRD file that does not parse: each error a located warning, its good documents still used', async () => {
    tree = tempTree({
      'app/widget.yaml': WIDGET,
      'crds/widget-crd.yaml': `${CRD}---\nkind: [\n`,
    });
    const result = await run(tree.root, [
      'scan',
      'app',
      '--crds',
      'crds',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(result.stderr).toBe(
      'shiftdown: warning: crds/widget-crd.yaml:23:1: document 2: Flow sequence in block collection must be sufficiently indented and end with a ] (CRD file)\n',
    );
    expect(schemaFindings(JSON.parse(result.stdout) as Report)).toEqual([
      expect.stringMatching(/^schema-invalid app\/widget\.yaml:7:3 Unknown field "colour" in spec/),
    ]);
  });

  test('a missing CRD path is a usage error', async () => {
    tree = tempTree({ 'deploy.yaml': TYPO_DEPLOYMENT });
    const result = await run(tree.root, ['scan', '--crds', 'nowhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CRD path not found');
  });

  test('--schema kubeconform without a binary is a usage error', async () => {
    tree = tempTree({ 'deploy.yaml': TYPO_DEPLOYMENT });
    const result = await run(tree.root, ['scan', '--schema', 'kubeconform'], {
      NO_COLOR: '1',
      PATH: tree.root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('kubeconform not found');
  });

  test("kubeconform's verdicts at exact lines, the embedded validator for custom resources it has no schema for", async () => {
    tree = tempTree({ 'm/deploy.yaml': TYPO_DEPLOYMENT, 'm/widget.yaml': WIDGET, 'm/crd.yaml': CRD });
    const binary = fakeKubeconform(tree, (files: string[]) => ({
      resources: files.flatMap((filename) => {
        if (filename.endsWith('deploy.yaml'))
          return [
            {
              filename,
              kind: 'Deployment',
              name: 'web',
              version: 'apps/v1',
              status: 'statusInvalid',
              msg: 'problem validating schema',
              validationErrors: [
                {
                  path: '/spec/template/spec/containers/0',
                  msg: "additionalProperties 'imagePullPolicyy' not allowed",
                },
              ],
            },
          ];
        if (filename.endsWith('crd.yaml'))
          return [
            {
              filename,
              kind: 'CustomResourceDefinition',
              name: 'widgets.example.com',
              version: 'apiextensions.k8s.io/v1',
              status: 'statusError',
              msg: 'could not find schema for CustomResourceDefinition',
            },
          ];
        return [
          {
            filename,
            kind: 'Widget',
            name: 'w',
            version: 'example.com/v1',
            status: 'statusError',
            msg: 'could not find schema for Widget',
          },
        ];
      }),
      summary: { valid: 0, invalid: 1, errors: 2, skipped: 0 },
    }));
    const result = await run(tree.root, [
      'scan',
      'm',
      '--schema',
      'kubeconform',
      '--kubeconform',
      binary,
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.settings.schemaValidator).toBe(
      'kubeconform v0.6.7; embedded (Kubernetes v1.36) where kubeconform has no schema',
    );
    expect(schemaFindings(report)).toEqual([
      expect.stringMatching(
        /^schema-invalid m\/deploy\.yaml:16:11 Unknown field "imagePullPolicyy" in spec\.template\.spec\.containers\[0\] \(kubeconform: /,
      ),
      expect.stringMatching(/^schema-invalid m\/widget\.yaml:7:3 Unknown field "colour" in spec/),
    ]);
  });

  test('KUBECONFORM_PATH is used under auto; garbage output is a warning and the embedded validator takes over', async () => {
    tree = tempTree({ 'deploy.yaml': TYPO_DEPLOYMENT });
    const binary = fakeKubeconform(tree, () => 'panic: runtime error: index out of range', 2);
    const result = await run(tree.root, ['scan', '.', '--format', 'json', '--fail-on', 'none'], {
      NO_COLOR: '1',
      KUBECONFORM_PATH: binary,
    });
    expect(result.stderr).toMatch(
      /^shiftdown: warning: .*kubeconform.*; validating with the embedded schemas instead\n$/,
    );
    const report = JSON.parse(result.stdout) as Report;
    expect(report.settings.schemaValidator).toBe('embedded (Kubernetes v1.36)');
    expect(schemaFindings(report)).toHaveLength(1);
  });
});
