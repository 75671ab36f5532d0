import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '@shiftdown/policy-core';
import { main } from '../src/index.js';
import type { MainDeps } from '../src/index.js';
import { deniedFs, tempTree, testIO } from './helpers.js';

const REPO_ROOT = resolve(__dirname, '../../..');
const RISKY = 'examples/templates/risky-service';
const HARDENED = 'examples/templates/hardened-service';

async function run(cwd: string, argv: string[], deps: MainDeps = {}) {
  const t = testIO(cwd);
  const code = await main(argv, t.io, deps);
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
    expect(lines[0]).toBe(
      'Template hardened-service "Hardened service" (examples/templates/hardened-service/template.yaml:6)',
    );
    expect(lines[2]).toBe('  step fetch (fetch:template ./skeleton): 6 files rendered, 6 scanned');
    expect(lines.slice(3, 7)).toEqual(['', 'No findings.', '', 'Summary']);
    expect(result.stdout).toContain(
      '  Profile:     recommended (PSS v1.37, schemas: embedded (Kubernetes v1.36))\n',
    );
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
    expect(
      lines
        .filter((l) => /^ {2}\d+:\d+ +(critical|high) /.test(l))
        .map((l) => l.split(/ {2,}/).slice(1, 4).join(' ')),
    ).toEqual([
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
    expect(
      report.findings
        .filter((f) => f.severity === 'critical')
        .map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`),
    ).toEqual([
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
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const privileged = sarif.runs[0]!.results.find((r) => r.ruleId === 'privileged-container')!;
    expect(privileged.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'examples/templates/risky-service/skeleton/k8s/deployment.yaml',
    );
    expect(privileged.locations[0]!.physicalLocation.region.startLine).toBe(24);
  });

  test('--schema off', async () => {
    const report = JSON.parse(
      (await check(HARDENED, '--format', 'json', '--schema', 'off')).stdout,
    ) as Report;
    expect(report.settings.schemaValidator).toBeUndefined();
    expect((await check(HARDENED, '--schema', 'kubeconform')).code).toBe(2);
  });

  test('--values replaces parameter values (YAML or JSON)', async () => {
    tree = tempTree({
      'values.yaml': 'debug: false\nname: api\n',
      'values.json': '{"debug": false, "databasePassword": "${SECRET}"}',
    });
    const yaml = JSON.parse(
      (await check(RISKY, '--format', 'json', '--values', join(tree.root, 'values.yaml'))).stdout,
    ) as Report;
    expect(
      yaml.findings
        .filter((f) => f.severity === 'critical' || f.severity === 'high')
        .map((f) => `${f.line} ${f.ruleId} ${f.resource.name}`),
    ).toEqual(['22 literal-secret-in-env api', '24 privileged-container api']);
    const json = JSON.parse(
      (await check(RISKY, '--format', 'json', '--values', join(tree.root, 'values.json'))).stdout,
    ) as Report;
    expect(
      json.findings
        .filter((f) => f.severity === 'critical' || f.severity === 'high')
        .map((f) => `${f.line} ${f.ruleId}`),
    ).toEqual(['24 privileged-container']);
  });

  test('usage errors exit 2: missing path, unreadable or invalid values file', async () => {
    tree = tempTree({ 'bad.yaml': 'debug: [\n', 'list.yaml': '- a\n' });
    expect(await check('nope/')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'shiftdown: error: path not found: nope/\n',
    });
    expect(await check(RISKY, '--values', join(tree.root, 'missing.yaml'))).toMatchObject({
      code: 2,
      stderr: `shiftdown: error: cannot read the values file ${join(tree.root, 'missing.yaml')}: no such file or directory\n`,
    });
    const invalid = await check(RISKY, '--values', join(tree.root, 'bad.yaml'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(
      new RegExp(`^shiftdown: error: invalid values file .*bad\\.yaml\\n.*bad\\.yaml:2:1: `),
    );
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
    tree.write(
      'broken/skeleton/pod.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${{ values.name | nope }}\n',
    );
    const text = await run(tree.root, ['template', 'check', '.']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(
      '\nbroken/skeleton/pod.yaml\n  4:27  error     cannot render: Unknown template filter "nope"\n',
    );
    expect(text.stdout).toContain('Checked 2 templates: 1 passed, 1 failed (broken).');
    const json = await run(tree.root, ['template', 'check', '.', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(
      'shiftdown: error: broken/skeleton/pod.yaml:4:27: cannot render: Unknown template filter "nope"\n',
    );
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
    expect(report.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '24 privileged-container',
      '32 host-path-volume',
    ]);
    expect((await run(tree.root, ['template', 'check', 'risky', '--no-config'])).code).toBe(1);
  });

  test('a directory without templates: a warning, exit 0', async () => {
    tree = tempTree({ 'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' });
    const result = await run(tree.root, ['template', 'check', 'k8s']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'shiftdown: warning: no Backstage software templates (scaffolder.backstage.io/v1beta3 Template) found in k8s\n',
    );
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

describe('shiftdown template check: finding the templates as scan finds manifests', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree.cleanup());

  /** The hardened example under `good/`, and whatever else the test writes. */
  function withGoodTemplate(files: Record<string, string> = {}): ReturnType<typeof tempTree> {
    tree = tempTree(files);
    cpSync(join(REPO_ROOT, HARDENED), join(tree.root, 'good'), { recursive: true });
    return tree;
  }

  test('an unreadable directory fails the run (exit 1) as in scan; the templates beside it are still checked', async () => {
    withGoodTemplate({ 'locked/template.yaml': 'kind: Template\n' });
    const fs = deniedFs({ readdir: [join(tree.root, 'locked')] });
    const result = await run(tree.root, ['template', 'check', '.', '--format', 'json'], { fs });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('shiftdown: error: cannot read locked: permission denied\n');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.find((f) => f.path === 'locked')?.errors).toEqual([
      { message: 'cannot read locked: permission denied', line: 1, column: 1 },
    ]);
    expect(report.files.filter((f) => f.path.startsWith('good/'))).toHaveLength(6);
    const scanned = await run(tree.root, ['scan', '.', '--format', 'json'], { fs });
    expect([scanned.code, scanned.stderr]).toEqual([1, result.stderr]);
  });

  test('a template file that cannot be read is "permission denied", not "not found" (exit 1)', async () => {
    withGoodTemplate();
    const fs = deniedFs({ readFile: [join(tree.root, 'good/template.yaml')] });
    const result = await run(tree.root, ['template', 'check', 'good/template.yaml'], { fs });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('shiftdown: error: cannot read good/template.yaml: permission denied\n');
    expect(result.stdout).toBe('No Backstage software templates found.\n');
  });

  test('symbolic links to template directories are followed', async () => {
    withGoodTemplate({ 'all/README.md': 'golden paths\n' });
    symlinkSync(join(tree.root, 'good'), join(tree.root, 'all', 'hardened'));
    const result = await run(tree.root, ['template', 'check', 'all']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'Template hardened-service "Hardened service" (all/hardened/template.yaml:6)',
    );
  });

  test("the config's include and exclude apply to the files walked", async () => {
    withGoodTemplate({ '.shiftdown.yaml': 'exclude: [drafts]\n' });
    cpSync(join(REPO_ROOT, RISKY), join(tree.root, 'drafts', 'risky'), { recursive: true });
    const result = await run(tree.root, ['template', 'check', '.']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('Template '))).toEqual([
      'Template hardened-service "Hardened service" (good/template.yaml:6)',
    ]);
    // A file named on the command line is checked whatever the config says, as in scan.
    const named = await run(tree.root, ['template', 'check', 'drafts/risky/template.yaml']);
    expect(named.code).toBe(1);
  });

  test('paths that do not exist, and stdin, are usage errors (exit 2)', async () => {
    tree = tempTree();
    expect(await run(tree.root, ['template', 'check', 'nope', 'also-missing'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'shiftdown: error: paths not found: nope, also-missing\n',
    });
    expect(await run(tree.root, ['template', 'check', '-'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'shiftdown: error: template check reads template files: stdin ("-") cannot be checked\n',
    });
  });

  test('a report that cannot be written is a usage error (exit 2)', async () => {
    withGoodTemplate({ taken: 'x' });
    const result = await run(tree.root, [
      'template',
      'check',
      'good',
      '--format',
      'json',
      '--output',
      'taken/report.json',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `shiftdown: error: cannot write the report to taken/report.json: Error: EEXIST: file already exists, mkdir '${join(tree.root, 'taken')}'\n`,
    );
  });

  test('a config asking for kubeconform is told that the embedded schemas are used', async () => {
    withGoodTemplate({ 'good/.shiftdown.yaml': 'schema:\n  validator: kubeconform\n' });
    const result = await run(tree.root, ['template', 'check', 'good', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'shiftdown: warning: good/.shiftdown.yaml asks for schema validator "kubeconform": template check validates the rendered manifests with the embedded schemas\n',
    );
    expect((JSON.parse(result.stdout) as Report).settings.schemaValidator).toBe(
      'embedded (Kubernetes v1.36)',
    );
    // --schema decides without a word.
    expect((await run(tree.root, ['template', 'check', 'good', '--schema', 'embedded'])).stderr).toBe('');
  });

  test('a values file with too many aliases is a located usage error, not a crash', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    withGoodTemplate({ 'bomb.yaml': `${lines.join('\n')}\n` });
    expect(await run(tree.root, ['template', 'check', 'good', '--values', 'bomb.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'shiftdown: error: invalid values file bomb.yaml\nbomb.yaml:1:1: Excessive alias count indicates a resource exhaustion attack\n',
    });
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
