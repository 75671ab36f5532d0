import { Ajv } from 'ajv';
import { jsonReportSchema } from '@shiftdown/policy-core';
import { join } from 'node:path';
import { checkTemplates, formatTemplateCheck, parseTemplateValues } from '../src/index.js';
import type { TemplateCheckResult } from '../src/index.js';
import { PRIVILEGED_POD_SKELETON, checkPaths, fetchStep, tempTree, templateYaml } from './helpers.js';

const trees: ReturnType<typeof tempTree>[] = [];
afterAll(() => trees.forEach((t) => t.cleanup()));

async function check(
  files: Record<string, string | Uint8Array>,
  options: { values?: Record<string, unknown>; paths?: string[] } = {},
): Promise<TemplateCheckResult> {
  const tree = tempTree(files);
  trees.push(tree);
  return checkPaths(options.paths ?? ['.'], {
    cwd: tree.root,
    today: '2025-01-01',
    ...(options.values && { values: options.values }),
  });
}

/** `file:line:col-endLine:endCol rule` of each finding of a rule (or all). */
function located(result: TemplateCheckResult, ruleId?: string): string[] {
  return result.report.findings
    .filter((f) => ruleId === undefined || f.ruleId === ruleId)
    .map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
}

function renderedFiles(result: TemplateCheckResult): string[] {
  return result.templates[0]!.files.map(
    (f) =>
      `${f.rendered} <- ${f.skeleton}${f.templated ? '' : ' (copied)'}${f.binary ? ' (binary)' : ''}${f.scanned ? '' : ' (not scanned)'}`,
  );
}

describe('checkTemplates: rendering skeletons as fetch:template does', () => {
  it('reports findings at the skeleton line, keeping the rendered location', async () => {
    const result = await check({
      'template.yaml': templateYaml({ steps: fetchStep() }),
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
    });
    expect(result.errors).toEqual([]);
    expect(located(result, 'privileged-container')).toEqual([
      'skeleton/pod.yaml:10:9-10:25 privileged-container',
    ]);
    const mapped = result.templates[0]!.findings.find((m) => m.finding.ruleId === 'privileged-container')!;
    expect(mapped.rendered).toEqual({ file: 'pod.yaml', line: 10, column: 9 });
    expect(mapped.finding.resource).toEqual({ kind: 'Pod', apiVersion: 'v1', name: 'web' });
    // The line is copied verbatim from the skeleton: its one-click fix is kept.
    expect(mapped.finding.fix?.replacement).toBe('        privileged: false');
  });

  it('drops fix replacements where the skeleton line is templated (they would overwrite template syntax)', async () => {
    const result = await check({
      'template.yaml': templateYaml({ steps: fetchStep('          privileged: true') }),
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON.replace(
        'privileged: true',
        'privileged: ${{ values.privileged }}',
      ),
    });
    const finding = result.report.findings.find((f) => f.ruleId === 'privileged-container')!;
    expect([finding.line, finding.column, finding.endLine, finding.endColumn]).toEqual([10, 9, 10, 45]);
    expect(finding.fix).toEqual({ description: 'Set privileged to false' });
  });

  it('renders file and directory names; a name that renders empty leaves the file out', async () => {
    const result = await check({
      'template.yaml': templateYaml({ steps: fetchStep('          ingress: false') }),
      'skeleton/${{ values.name }}/deployment-${{ values.name }}.yaml': PRIVILEGED_POD_SKELETON,
      'skeleton/{% if values.ingress %}ingress.yaml{% endif %}': 'kind: Ingress\n',
      'skeleton/README.md': '# ${{ values.name }}\n',
    });
    expect(renderedFiles(result)).toEqual([
      'README.md <- skeleton/README.md (not scanned)',
      'web/deployment-web.yaml <- skeleton/${{ values.name }}/deployment-${{ values.name }}.yaml',
    ]);
    expect(located(result, 'privileged-container')).toEqual([
      'skeleton/${{ values.name }}/deployment-${{ values.name }}.yaml:10:9-10:25 privileged-container',
    ]);
  });

  it('templateFileExtension: only .njk files are templated (and lose the extension); every name is rendered', async () => {
    const result = await check({
      'template.yaml': templateYaml({ steps: fetchStep('        templateFileExtension: true') }),
      'skeleton/pod.yaml.njk': PRIVILEGED_POD_SKELETON,
      'skeleton/${{ values.name }}-raw.yaml': 'literal: ${{ github.sha }}\n',
    });
    expect(renderedFiles(result)).toEqual([
      'pod.yaml <- skeleton/pod.yaml.njk',
      'web-raw.yaml <- skeleton/${{ values.name }}-raw.yaml (copied)',
    ]);
    expect(located(result, 'privileged-container')).toEqual([
      'skeleton/pod.yaml.njk:10:9-10:25 privileged-container',
    ]);
  });

  it('templateFileExtension as a string', async () => {
    const result = await check({
      'template.yaml': templateYaml({ steps: fetchStep("        templateFileExtension: '.jinja'") }),
      'skeleton/pod.yaml.jinja': PRIVILEGED_POD_SKELETON,
      'skeleton/pod.yaml.njk': 'not: templated\n',
    });
    expect(renderedFiles(result)).toEqual([
      'pod.yaml <- skeleton/pod.yaml.jinja',
      'pod.yaml.njk <- skeleton/pod.yaml.njk (copied) (not scanned)',
    ]);
  });

  it('copyWithoutTemplating: matched contents are copied as they are (a directory pattern covers all below it), names are still rendered', async () => {
    const workflow = 'on: push\njobs:\n  b:\n    runs-on: ${{ matrix.os }}\n';
    const result = await check({
      'template.yaml': templateYaml({
        steps: fetchStep(
          "        copyWithoutTemplating:\n          - '.github/workflows/*'\n          - docs",
        ),
      }),
      'skeleton/.github/workflows/${{ values.name }}.yaml': workflow,
      'skeleton/docs/guide/${{ values.name }}.md': 'Hello ${{ values.name }}\n',
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
    });
    expect(renderedFiles(result)).toEqual([
      '.github/workflows/web.yaml <- skeleton/.github/workflows/${{ values.name }}.yaml (copied)',
      'docs/guide/web.md <- skeleton/docs/guide/${{ values.name }}.md (copied) (not scanned)',
      'pod.yaml <- skeleton/pod.yaml',
    ]);
    // The copied workflow keeps its GitHub expressions; the core skips it (not a Kubernetes object), at its skeleton path.
    expect(
      result.report.files.find((f) => f.path === 'skeleton/.github/workflows/${{ values.name }}.yaml')
        ?.skipped,
    ).toEqual([{ line: 1, reason: 'not a Kubernetes object: looks like a GitHub Actions workflow' }]);
  });

  it('copyWithoutRender (removed from Backstage): neither names nor contents of matched files are rendered, with a warning', async () => {
    const result = await check({
      'template.yaml': templateYaml({
        steps: fetchStep("        copyWithoutRender:\n          - 'static/**'"),
      }),
      'skeleton/static/${{ values.name }}.txt': '${{ values.name }}\n',
      'skeleton/${{ values.name }}.txt': '${{ values.name }}\n',
    });
    expect(renderedFiles(result)).toEqual([
      'static/${{ values.name }}.txt <- skeleton/static/${{ values.name }}.txt (copied) (not scanned)',
      'web.txt <- skeleton/${{ values.name }}.txt (not scanned)',
    ]);
    expect(result.templates[0]!.warnings.map((w) => `${w.file}:${w.line}:${w.column}`)).toEqual([
      'template.yaml:22:11',
    ]);
  });

  it('copies binary files and symbolic links without rendering or scanning them', async () => {
    const tree = tempTree({
      'template.yaml': templateYaml({ steps: fetchStep() }),
      'skeleton/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x7b, 0x7b]),
      'skeleton/latin1.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
    });
    trees.push(tree);
    tree.link('skeleton/link.yaml', '/etc/passwd');
    const result = await checkPaths(['.'], { cwd: tree.root, today: '2025-01-01' });
    expect(result.errors).toEqual([]);
    expect(renderedFiles(result)).toEqual([
      'latin1.yaml <- skeleton/latin1.yaml (copied) (binary) (not scanned)',
      'link.yaml <- skeleton/link.yaml (copied) (not scanned)',
      'logo.png <- skeleton/logo.png (copied) (binary) (not scanned)',
    ]);
  });

  it('targetPath, fetch:template:file, and a later step that does not overwrite (unless replace)', async () => {
    const steps = [
      fetchStep('        targetPath: deploy/${{ parameters.name }}'),
      '    - id: single',
      '      action: fetch:template:file',
      '      input:',
      '        url: ./extra/pod.yaml',
      '        targetPath: deploy/web/pod.yaml',
      '        values:',
      '          name: other',
      '    - id: replacing',
      '      action: fetch:template:file',
      '      input:',
      '        url: ./extra/service.yaml',
      '        targetPath: deploy/web/service.yaml',
      '        replace: true',
      '        values:',
      '          name: replaced',
    ].join('\n');
    const result = await check({
      'template.yaml': templateYaml({ steps }),
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
      'skeleton/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: ${{ values.name }}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n',
      'extra/pod.yaml': PRIVILEGED_POD_SKELETON,
      'extra/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: ${{ values.name }}\nspec:\n  ports: [{port: 80}]\n',
    });
    expect(result.errors).toEqual([]);
    expect(result.templates[0]!.steps.map((s) => `${s.id} ${s.status} ${s.files}`)).toEqual([
      'fetch rendered 2',
      'single rendered 0',
      'replacing rendered 1',
    ]);
    expect(renderedFiles(result)).toEqual([
      'deploy/web/pod.yaml <- skeleton/pod.yaml',
      'deploy/web/service.yaml <- extra/service.yaml',
    ]);
    expect(result.report.resources.map((r) => `${r.kind} ${r.name} ${r.file}:${r.line}`)).toEqual([
      'Service replaced extra/service.yaml:1',
      'Pod web skeleton/pod.yaml:1',
    ]);
  });

  it('fetch:plain and fetch:plain:file copy files without rendering names or contents', async () => {
    const steps = [
      '    - id: copy',
      '      action: fetch:plain',
      '      input:',
      '        url: ./static',
      '        targetPath: k8s',
      '    - id: one',
      '      action: fetch:plain:file',
      '      input:',
      '        url: ./single/pod.yaml',
      '        targetPath: k8s/copy-of-${{ parameters.name }}.yaml',
    ].join('\n');
    const result = await check({
      'template.yaml': templateYaml({ steps }),
      'static/${{ values.name }}.yaml': PRIVILEGED_POD_SKELETON.replace('${{ values.name }}', 'plain'),
      'single/pod.yaml': PRIVILEGED_POD_SKELETON.replace('${{ values.name }}', 'single'),
    });
    expect(result.errors).toEqual([]);
    expect(renderedFiles(result)).toEqual([
      'k8s/${{ values.name }}.yaml <- static/${{ values.name }}.yaml (copied)',
      'k8s/copy-of-web.yaml <- single/pod.yaml (copied)',
    ]);
    expect(located(result, 'privileged-container')).toEqual([
      'single/pod.yaml:10:9-10:25 privileged-container',
      'static/${{ values.name }}.yaml:10:9-10:25 privileged-container',
    ]);
  });

  it('if: a step whose condition is false does not run; each: a step runs once per item', async () => {
    const steps = [
      '    - id: optional',
      '      if: ${{ parameters.withExtras }}',
      '      action: fetch:template',
      '      input:',
      '        url: ./extras',
      '    - id: per-env',
      '      each: ${{ parameters.environments }}',
      '      action: fetch:template',
      '      input:',
      '        url: ./skeleton',
      '        targetPath: ${{ each.value }}',
      '        values:',
      '          name: web-${{ each.value }}',
    ].join('\n');
    const parameters = [
      '        withExtras:',
      '          type: boolean',
      '        environments:',
      '          type: array',
      '          default: [dev, prod]',
    ].join('\n');
    const result = await check({
      'template.yaml': templateYaml({ parameters, steps }),
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
      'extras/pod.yaml': PRIVILEGED_POD_SKELETON,
    });
    expect(
      result.templates[0]!.steps.map((s) => `${s.id} ${s.status}${s.reason ? ` (${s.reason})` : ''}`),
    ).toEqual([
      'optional skipped (if: ${{ parameters.withExtras }} is false with these values)',
      'per-env[0] rendered',
      'per-env[1] rendered',
    ]);
    expect(
      result.report.findings
        .filter((f) => f.ruleId === 'privileged-container')
        .map((f) => `${f.file}:${f.line} ${f.resource.name}`),
    ).toEqual(['skeleton/pod.yaml:10 web-dev', 'skeleton/pod.yaml:10 web-prod']);
    const withValues = await check(
      {
        'template.yaml': templateYaml({ parameters, steps }),
        'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
        'extras/pod.yaml': PRIVILEGED_POD_SKELETON,
      },
      { values: { withExtras: true, environments: ['qa'] } },
    );
    expect(withValues.templates[0]!.steps.map((s) => `${s.id} ${s.status}`)).toEqual([
      'optional rendered',
      'per-env[0] rendered',
    ]);
  });

  it('passes parameters through Backstage filters (parseRepoUrl, parseEntityRef, pick, projectSlug)', async () => {
    const parameters = [
      '        repoUrl:',
      '          type: string',
      '          ui:field: RepoUrlPicker',
      '        owner:',
      '          type: string',
      '          ui:field: OwnerPicker',
    ].join('\n');
    const steps = [
      '    - id: fetch',
      '      action: fetch:template',
      '      input:',
      '        url: ./skeleton',
      '        values:',
      '          repo: ${{ parameters.repoUrl | parseRepoUrl }}',
      '          slug: ${{ parameters.repoUrl | projectSlug }}',
      '          team: ${{ parameters.owner | parseEntityRef | pick("name") }}',
    ].join('\n');
    const result = await check({
      'template.yaml': templateYaml({ parameters, steps }),
      'skeleton/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${{ values.team }}\ndata:\n  repo: ${{ values.repo.owner }}/${{ values.repo.repo }}@${{ values.repo.host }}\n  slug: ${{ values.slug }}\n',
    });
    expect(result.errors).toEqual([]);
    expect(result.templates[0]!.parameters).toEqual({
      repoUrl: 'github.com?owner=example&repo=example',
      owner: 'group:default/example',
    });
    expect(result.report.resources.map((r) => r.name)).toEqual(['example']);
  });

  it('reports a valid JSON report (the core schema) for a combined check', async () => {
    const result = await check({
      'a/template.yaml': templateYaml({ name: 'a', steps: fetchStep() }),
      'a/skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
      'b/template.yaml': templateYaml({ name: 'b', steps: fetchStep() }),
      'b/skeleton/pod.yaml': PRIVILEGED_POD_SKELETON.replace('privileged: true', 'privileged: false'),
      'c/template.yaml': 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: {name: c\n',
    });
    const validate = new Ajv({ allErrors: true, strict: false }).compile(jsonReportSchema);
    expect(validate(JSON.parse(JSON.stringify(result.report)))).toBe(true);
    expect(
      result.templates.map((t) => `${t.name} ${t.report.summary.score} ${t.report.summary.grade}`),
    ).toEqual(['a 66 D', 'b 88 B+']);
    // The combined score is the weakest template's; counts add up; the broken file is listed with its error.
    expect([result.report.summary.score, result.report.summary.grade, result.report.summary.cap]).toEqual([
      66,
      'D',
      'a critical finding caps the grade at D',
    ]);
    expect(result.report.summary.counts).toEqual({
      critical:
        result.templates[0]!.report.summary.counts.critical +
        result.templates[1]!.report.summary.counts.critical,
      high: result.templates[0]!.report.summary.counts.high + result.templates[1]!.report.summary.counts.high,
      medium:
        result.templates[0]!.report.summary.counts.medium + result.templates[1]!.report.summary.counts.medium,
      low: result.templates[0]!.report.summary.counts.low + result.templates[1]!.report.summary.counts.low,
      info: result.templates[0]!.report.summary.counts.info + result.templates[1]!.report.summary.counts.info,
    });
    expect(result.report.summary.counts.critical).toBe(1);
    expect(result.report.summary.resources).toBe(2);
    expect(
      result.report.files.map((f) => `${f.path} ${f.errors.map((e) => `${e.line}:${e.column}`).join(',')}`),
    ).toEqual(['a/skeleton/pod.yaml ', 'b/skeleton/pod.yaml ', 'c/template.yaml 4:1']);
  });
});

describe('checkTemplates: located errors, and the rest goes on', () => {
  const good = {
    'ok/template.yaml': templateYaml({ name: 'ok', steps: fetchStep() }),
    'ok/skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
  };

  it.each<{ name: string; files: Record<string, string>; error: unknown }>([
    {
      name: 'a remote skeleton',
      files: {
        'bad/template.yaml': templateYaml({
          steps:
            '    - id: fetch\n      action: fetch:template\n      input:\n        url: https://github.com/acme/skeletons/tree/main/web',
        }),
      },
      error:
        'bad/template.yaml:18:14: cannot render remote skeleton https://github.com/acme/skeletons/tree/main/web: only skeletons next to the template can be checked',
    },
    {
      name: 'a missing skeleton',
      files: { 'bad/template.yaml': templateYaml({ steps: fetchStep() }) },
      error: 'bad/template.yaml:18:14: skeleton not found: bad/skeleton does not exist',
    },
    {
      name: 'a nunjucks syntax error in a skeleton file',
      files: {
        'bad/template.yaml': templateYaml({ steps: fetchStep() }),
        'bad/skeleton/pod.yaml': 'a: 1\nb: {% if values.name %}x\n',
      },
      error: 'bad/skeleton/pod.yaml:2:4: cannot render: Missing endif tag',
    },
    {
      name: 'an unknown filter',
      files: {
        'bad/template.yaml': templateYaml({ steps: fetchStep() }),
        'bad/skeleton/pod.yaml': 'a: 1\nb: ${{ values.name | shout }}\n',
      },
      error:
        'bad/skeleton/pod.yaml:2:22: cannot render: Unknown template filter "shout"; did you mean "sort"?',
    },
    {
      name: 'invalid YAML in a template',
      files: {
        'bad/template.yaml':
          'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nspec:\n  steps: [\n',
      },
      error: expect.stringMatching(/^bad\/template\.yaml:5:1: invalid YAML: /),
    },
    {
      name: 'an older template apiVersion',
      files: {
        'bad/template.yaml':
          'apiVersion: backstage.io/v1beta2\nkind: Template\nmetadata:\n  name: old\n# scaffolder.backstage.io\n',
      },
      error:
        'bad/template.yaml:1:1: unsupported template apiVersion "backstage.io/v1beta2": only scaffolder.backstage.io/v1beta3 templates can be checked',
    },
    {
      name: 'a step input of the wrong type',
      files: {
        'bad/template.yaml': templateYaml({
          steps:
            '    - id: fetch\n      action: fetch:template\n      input:\n        url: ./skeleton\n        values: [a, b]',
        }),
      },
      error: 'bad/template.yaml:19:17: invalid input for fetch:template: values must be an object',
    },
    {
      name: 'templateFileExtension with copyWithoutTemplating (Backstage rejects the combination)',
      files: {
        'bad/template.yaml': templateYaml({
          steps: fetchStep('        templateFileExtension: true\n        copyWithoutTemplating: [a]'),
        }),
      },
      error:
        'bad/template.yaml:21:32: invalid input for fetch:template: templateFileExtension cannot be combined with copyWithoutTemplating or cookiecutterCompat',
    },
    {
      name: 'a skeleton that would loop forever hits the engine limits',
      files: {
        'bad/template.yaml': templateYaml({ steps: fetchStep() }),
        'bad/skeleton/pod.yaml': 'a: 1\n{% for i in range(100000000) %}x{% endfor %}\n',
      },
      error:
        'bad/skeleton/pod.yaml:2:13: cannot render: Template evaluation exceeded the work unit limit of 1000000 (observed 1000001)',
    },
    {
      name: 'an each over too many items',
      files: {
        'bad/template.yaml': templateYaml({
          steps:
            '    - id: many\n      each: ${{ range(0, 500) }}\n      action: fetch:template:file\n      input:\n        url: ./one.yaml\n        targetPath: x-${{ each.value }}.yaml',
        }),
        'bad/one.yaml': 'a: 1\n',
      },
      error: 'bad/template.yaml:16:13: each has 500 items: only the first 100 are checked',
    },
    {
      name: 'a name that renders outside the workspace',
      files: {
        'bad/template.yaml': templateYaml({ steps: fetchStep('        targetPath: ../..') }),
        'bad/skeleton/pod.yaml': 'a: 1\n',
      },
      error: 'bad/skeleton/pod.yaml:1:1: renders to ../../pod.yaml, outside the workspace',
    },
  ])('$name', async ({ files, error }) => {
    const result = await check({ ...good, ...files });
    expect(result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([error]);
    // The good template was still checked.
    expect(located(result, 'privileged-container')).toEqual([
      'ok/skeleton/pod.yaml:10:9-10:25 privileged-container',
    ]);
    // And the error is in the report, under its file.
    expect(result.report.summary.errors).toBe(1);
  });

  it('a file named explicitly that is not a template', async () => {
    const result = await check({ 'pod.yaml': PRIVILEGED_POD_SKELETON }, { paths: ['pod.yaml'] });
    expect(result.templates).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: 'pod.yaml',
        line: 1,
        column: 1,
        message:
          'not a Backstage software template: no document has apiVersion scaffolder.backstage.io/v1beta3 and kind Template',
      },
    ]);
  });

  it('finds templates in multi-document files and ignores other YAML under directories', async () => {
    const result = await check({
      'templates.yaml': `${templateYaml({ name: 'one', steps: fetchStep() })}---\n${templateYaml({ name: 'two', steps: fetchStep() })}`,
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
      'other.yaml': 'not: [a template\n',
    });
    expect(result.errors).toEqual([]);
    expect(result.templates.map((t) => `${t.name} ${t.path}:${t.line}`)).toEqual([
      'one templates.yaml:1',
      'two templates.yaml:22',
    ]);
  });
});

describe('checkTemplates: the files it is given', () => {
  const JSON_TEMPLATE = JSON.stringify({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'from-json' },
    spec: { steps: [] },
  });

  it('reads a template from the text it is given; its skeleton next to the absolute path', async () => {
    const tree = tempTree({ 'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON });
    trees.push(tree);
    // template.yaml is not on disk: only the skeleton is read from there.
    const result = await checkTemplates(
      [
        {
          path: 'template.yaml',
          absolutePath: join(tree.root, 'template.yaml'),
          text: templateYaml({ steps: fetchStep() }),
          explicit: true,
        },
      ],
      { cwd: tree.root, today: '2025-01-01' },
    );
    expect(result.errors).toEqual([]);
    expect(result.templates.map((t) => `${t.name} ${t.path}:${t.line}`)).toEqual(['demo template.yaml:1']);
    expect(located(result, 'privileged-container')).toEqual([
      'skeleton/pod.yaml:10:9-10:25 privileged-container',
    ]);
  });

  it('a named file is read whatever its extension; under a directory only YAML files are', async () => {
    const source = { path: 'template.json', absolutePath: '/nowhere/template.json', text: JSON_TEMPLATE };
    const named = await checkTemplates([{ ...source, explicit: true }], {
      cwd: '/nowhere',
      today: '2025-01-01',
    });
    expect(named.templates.map((t) => t.name)).toEqual(['from-json']);
    const walked = await checkTemplates([{ ...source, explicit: false }], {
      cwd: '/nowhere',
      today: '2025-01-01',
    });
    expect(walked).toMatchObject({ templates: [], errors: [] });
  });

  it('a named file too large for a template is an error; under a directory it is left out', async () => {
    const text = `# scaffolder.backstage.io kind: Template\n${'#'.repeat(4 * 1024 * 1024)}`;
    const source = { path: 'big.yaml', absolutePath: '/nowhere/big.yaml', text };
    const named = await checkTemplates([{ ...source, explicit: true }], {
      cwd: '/nowhere',
      today: '2025-01-01',
    });
    expect(named.errors).toEqual([
      {
        file: 'big.yaml',
        line: 1,
        column: 1,
        message: `file is too large for a template (${text.length} characters; the limit is 4194304)`,
      },
    ]);
    const walked = await checkTemplates([{ ...source, explicit: false }], {
      cwd: '/nowhere',
      today: '2025-01-01',
    });
    expect(walked.errors).toEqual([]);
  });
});

describe('parseTemplateValues', () => {
  it('a mapping of parameter values, YAML or JSON', () => {
    expect(parseTemplateValues('name: api\nreplicas: 2\n', 'v.yaml')).toEqual({
      values: { name: 'api', replicas: 2 },
    });
    expect(parseTemplateValues('{"debug": false}', 'v.json')).toEqual({ values: { debug: false } });
  });

  it('YAML errors, located in the file', () => {
    expect(parseTemplateValues('a: 1\nb: [\n', 'v.yaml')).toEqual({
      errors: [
        'v.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    });
  });

  it('anything but a mapping', () => {
    for (const text of ['- a\n', 'just text\n', ''])
      expect(parseTemplateValues(text, 'v.yaml')).toEqual({ notAMapping: true });
  });

  it('an alias bomb is a located error, not a crash', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(parseTemplateValues(`${lines.join('\n')}\n`, 'bomb.yaml')).toEqual({
      errors: ['bomb.yaml:1:1: Excessive alias count indicates a resource exhaustion attack'],
    });
  });
});

describe('formatTemplateCheck', () => {
  it('text: errors of files that are no template come first, then each template', async () => {
    const tree = tempTree({
      'templates.yaml': `${templateYaml({ name: 'one', steps: fetchStep() })}---\nkind: [\n`,
      'skeleton/pod.yaml': PRIVILEGED_POD_SKELETON,
    });
    trees.push(tree);
    const result = await checkPaths(['.'], { cwd: tree.root, today: '2025-01-01' });
    const text = formatTemplateCheck(result, 'text', { failOn: 'high' });
    expect(text.split('\n').slice(0, 5)).toEqual([
      'templates.yaml:23:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '',
      'Template one (templates.yaml:1)',
      '  parameters: name=web',
      '  step fetch (fetch:template ./skeleton): 1 file rendered, 1 scanned',
    ]);
    expect(text).toContain(
      '\n  10:9  critical  privileged-container             Container "app" runs privileged',
    );
    // Other formats are the core's, of the combined report.
    expect(JSON.parse(formatTemplateCheck(result, 'json'))).toEqual(
      JSON.parse(JSON.stringify(result.report)),
    );
  });
});
