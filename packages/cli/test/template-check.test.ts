import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '@shiftdown/policy-core';
import { main } from '../src/index.js';
import { tempTree, testIO } from './helpers.js';

const REPO_ROOT = resolve(__dirname, '../../..');
const RISKY = 'examples/templates/risky-service';
const HARDENED = 'examples/templates/hardened-service';

async function run(cwd: string, argv: string[]) {
  const t = testIO(cwd);
  const code = await main(argv, t.io);
  return { code, stdout: t.stdout.text(), stderr: t.stderr.text() };
}

const check = (...args: string[]) => run(REPO_ROOT, ['template', 'check', ...args]);

describe('shiftdown template check', () => {
  let tree: ReturnType<typeof tempTree> | undefined;
  afterEach(() => {
    tree?.cleanup();
    tree = undefined;
  });

  test('the hardened golden path passes (exit 0): what was rendered, then the report', async () => {
    const result = await check(HARDENED);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Template hardened-service "Hardened service" (examples/templates/hardened-service/template.yaml:6)');
    expect(lines[2]).toBe('  step fetch (fetch:template ./skeleton): 6 files rendered, 6 scanned');
    expect(lines.slice(3, 7)).toEqual(['', 'No findings.', '', 'Summary']);
    expect(result.stdout).toContain('  Profile:     recommended (PSS v1.37, schemas: embedded (Kubernetes v1.36))\n');
  });

  test('the risky golden path fails (exit 1): findings grouped by skeleton file, at skeleton lines', async () => {
    const result = await check(RISKY);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(
      '  parameters: name=build-runner, owner=group:default/shop-team, image=docker.io/example/build-runner, port=8080, databasePassword=***, debug=true',
    );
    expect(lines.filter((l) => /^examples\//.test(l))).toEqual([
      'examples/templates/risky-service/skeleton/k8s/deployment.yaml',
      'examples/templates/risky-service/skeleton/k8s/service.yaml',
    ]);
    expect(lines.filter((l) => /^ {2}\d+:\d+ +(critical|high) /.test(l)).map((l) => l.split(/ {2,}/).slice(1, 4).join(' '))).toEqual([
      '22:15 high literal-secret-in-env',
      '24:13 critical privileged-container',
      '28:15 high writable-host-path',
      '33:13 critical sensitive-host-path',
    ]);
    expect(result.stdout).toContain('  Findings:    2 critical, 2 high, 11 medium, 6 low, 0 info\n');
  });

  test('a directory: every template in it, and a closing line', async () => {
    const result = await check('examples/templates');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('Template '))).toEqual([
      'Template hardened-service "Hardened service" (examples/templates/hardened-service/template.yaml:6)',
      'Template risky-service "Quick-start service (risky)" (examples/templates/risky-service/template.yaml:6)',
    ]);
    expect(result.stdout.endsWith('\nChecked 2 templates: 1 passed, 1 failed (risky-service).\n')).toBe(true);
  });

  test('--fail-on and --min-score gate as in scan', async () => {
    expect((await check(RISKY, '--fail-on', 'none')).code).toBe(0);
    expect((await check(RISKY, '--fail-on', 'none', '--min-score', '70')).code).toBe(1);
    expect((await check(RISKY, '--fail-on', 'none', '--min-score', '66')).code).toBe(0);
    expect((await check(HARDENED, '--fail-on', 'info', '--min-score', '100')).code).toBe(0);
  });

  test('--format json: the core report, at skeleton paths and lines', async () => {
    const result = await check(RISKY, '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.settings.schemaValidator).toBe('embedded (Kubernetes v1.36)');
    expect(report.findings.filter((f) => f.severity === 'critical').map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`)).toEqual([
      'examples/templates/risky-service/skeleton/k8s/deployment.yaml:24:13-24:29 privileged-container',
      'examples/templates/risky-service/skeleton/k8s/deployment.yaml:33:13-33:39 sensitive-host-path',
    ]);
    expect(report.files.map((f) => f.path)).toEqual([
      'examples/templates/risky-service/skeleton/catalog-info.yaml',
      'examples/templates/risky-service/skeleton/k8s/deployment.yaml',
      'examples/templates/risky-service/skeleton/k8s/service.yaml',
    ]);
  });

  test('--format sarif --output: the file is written, nothing on stdout', async () => {
    tree = tempTree();
    const out = join(tree.root, 'reports', 'templates.sarif');
    const result = await check(RISKY, '--format', 'sarif', '--output', out);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const privileged = sarif.runs[0]!.results.find((r) => r.ruleId === 'privileged-container')!;
    expect(privileged.locations[0]!.physicalLocation.artifactLocation.uri).toBe('examples/templates/risky-service/skeleton/k8s/deployment.yaml');
    expect(privileged.locations[0]!.physicalLocation.region.startLine).toBe(24);
  });

  test('--schema off', async () => {
    const report = JSON.parse((await check(HARDENED, '--format', 'json', '--schema', 'off')).stdout) as Report;
    expect(report.settings.schemaValidator).toBeUndefined();
    expect((await check(HARDENED, '--schema', 'kubeconform')).code).toBe(2);
  });

  test('--values replaces parameter values (YAML or JSON)', async () => {
    tree = tempTree({ 'values.yaml': 'debug: false\nname: api\n', 'values.json': '{"debug": false, "databasePassword": "${SECRET}"}' });
    const yaml = JSON.parse((await check(RISKY, '--format', 'json', '--values', join(tree.root, 'values.yaml'))).stdout) as Report;
    expect(yaml.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => `${f.line} ${f.ruleId} ${f.resource.name}`)).toEqual([
      '22 literal-secret-in-env api',
      '24 privileged-container api',
    ]);
    const json = JSON.parse((await check(RISKY, '--format', 'json', '--values', join(tree.root, 'values.json'))).stdout) as Report;
    expect(json.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '24 privileged-container',
    ]);
  });

  test('usage errors exit 2: missing path, unreadable or invalid values file', async () => {
    tree = tempTree({ 'bad.yaml': 'debug: [\n', 'list.yaml': '- a\n' });
    expect(await check('nope/')).toMatchObject({ code: 2, stdout: '', stderr: 'shiftdown: error: path not found: nope/\n' });
    expect(await check(RISKY, '--values', join(tree.root, 'missing.yaml'))).toMatchObject({
      code: 2,
      stderr: `shiftdown: error: cannot read the values file ${join(tree.root, 'missing.yaml')}: no such file or directory\n`,
    });
    const invalid = await check(RISKY, '--values', join(tree.root, 'bad.yaml'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(new RegExp(`^shiftdown: error: invalid values file .*bad\\.yaml\\n.*bad\\.yaml:2:1: `));
    expect(await check(RISKY, '--values', join(tree.root, 'list.yaml'))).toMatchObject({
      code: 2,
      stderr: `shiftdown: error: invalid values file ${join(tree.root, 'list.yaml')}: it must be a mapping of parameter names to values\n`,
    });
    expect((await check()).code).toBe(2);
  });

  test('a template that cannot be rendered fails the run (exit 1) with located errors; the other templates are still checked', async () => {
    tree = tempTree();
    cpSync(join(REPO_ROOT, HARDENED), join(tree.root, 'good'), { recursive: true });
    tree.write(
      'broken/template.yaml',
      'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: broken\nspec:\n  steps:\n    - id: fetch\n      action: fetch:template\n      input:\n        url: ./skeleton\n',
    );
    tree.write('broken/skeleton/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${{ values.name | nope }}\n');
    const text = await run(tree.root, ['template', 'check', '.']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('\nbroken/skeleton/pod.yaml\n  4:27  error     cannot render: Unknown template filter "nope"\n');
    expect(text.stdout).toContain('Checked 2 templates: 1 passed, 1 failed (broken).');
    const json = await run(tree.root, ['template', 'check', '.', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('shiftdown: error: broken/skeleton/pod.yaml:4:27: cannot render: Unknown template filter "nope"\n');
    const report = JSON.parse(json.stdout) as Report;
    expect(report.summary.errors).toBe(1);
    expect(report.files.find((f) => f.path === 'broken/skeleton/pod.yaml')?.errors).toEqual([
      { message: 'cannot render: Unknown template filter "nope"', line: 4, column: 27 },
    ]);
  });

  test('the config next to the templates applies (failOn, profile)', async () => {
    tree = tempTree({ '.shiftdown.yaml': 'failOn: none\nprofile: pss-baseline\n' });
    cpSync(join(REPO_ROOT, RISKY), join(tree.root, 'risky'), { recursive: true });
    const result = await run(tree.root, ['template', 'check', 'risky', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.settings.profile).toBe('pss-baseline');
    expect(report.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['24 privileged-container', '32 host-path-volume']);
    expect((await run(tree.root, ['template', 'check', 'risky', '--no-config'])).code).toBe(1);
  });

  test('a directory without templates: a warning, exit 0', async () => {
    tree = tempTree({ 'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' });
    const result = await run(tree.root, ['template', 'check', 'k8s']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('shiftdown: warning: no Backstage software templates (scaffolder.backstage.io/v1beta3 Template) found in k8s\n');
    expect(result.stdout).toBe('No Backstage software templates found.\n');
  });

  test('a file that is not a template is a located error', async () => {
    tree = tempTree({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' });
    const result = await run(tree.root, ['template', 'check', 'pod.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'pod.yaml:1:1: error: not a Backstage software template: no document has apiVersion scaffolder.backstage.io/v1beta3 and kind Template\n\nNo Backstage software templates found.\n',
    );
  });
});

describe('shiftdown scan over unrendered templates', () => {
  test('scanning the raw examples gives no finding from their placeholders: every file is skipped, with the reason', async () => {
    const result = await run(REPO_ROOT, ['scan', 'examples/templates', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.files).toHaveLength(11);
    for (const file of report.files) {
      expect(file.errors).toEqual([]);
      expect(file.skipped).toEqual([
        {
          line: 1,
          reason: expect.stringMatching(
            /^unrendered Backstage software template \(`\$\{\{ … \}\}` placeholder at line \d+\): its values are only known once rendered; check it with `shiftdown template check`$/,
          ),
        },
      ]);
    }
  });
});
