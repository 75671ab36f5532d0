import { templateReason } from '../../src/parse/classify.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { scan } from '../../src/engine/scan.js';

const reason = (what: string, line: number): string =>
  `unrendered Backstage software template (${what} at line ${line}): its values are only known once rendered; ` +
  'check it with `shiftdown template check`';
const PLACEHOLDER = '`${{ … }}` placeholder';
const TAG = 'nunjucks `{% … %}` tag';

describe('Backstage skeletons (unrendered ${{ }} templates)', () => {
  const cases: { name: string; text: string; expected: string | undefined }[] = [
    {
      name: 'a placeholder in a value',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${{ values.name }}\n',
      expected: reason(PLACEHOLDER, 4),
    },
    {
      name: 'a placeholder holding braces (filters with object arguments)',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: ${{ values.labels | default({}) | dump }}\n',
      expected: reason(PLACEHOLDER, 4),
    },
    {
      name: 'a placeholder spanning lines',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${{ values.name\n    | lower }}\n',
      expected: reason(PLACEHOLDER, 4),
    },
    {
      name: 'a placeholder in a key',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  ${{ values.key }}: "1"\n',
      expected: reason(PLACEHOLDER, 4),
    },
    {
      name: 'a placeholder in a quoted scalar',
      text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: "registry/app:${{ values.tag }}"\n',
      expected: reason(PLACEHOLDER, 5),
    },
    {
      name: 'a placeholder in a block scalar (a templated config file)',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  app.conf: |\n    port=${{ values.port }}\n',
      expected: reason(PLACEHOLDER, 5),
    },
    {
      name: 'statement tags without any placeholder (would otherwise be YAML errors)',
      text: 'apiVersion: v1\nkind: Pod\nspec:\n{%- if values.hostNetwork %}\n  hostNetwork: true\n{%- endif %}\n',
      expected: reason(TAG, 4),
    },
    {
      name: 'a tag inside a YAML comment (nunjucks still removes the lines it guards)',
      text: 'apiVersion: v1\nkind: Pod\nspec:\n  # {% if values.privileged %}\n  hostPID: true\n  # {% endif %}\n',
      expected: reason(TAG, 4),
    },
    {
      name: 'a nunjucks comment',
      text: 'apiVersion: v1\nkind: Pod\n{# hostPID: true #}\nmetadata:\n  name: x\n',
      expected: reason(TAG, 3),
    },
    {
      name: 'the first of several, by line',
      text: '{% set name = values.name %}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${{ name }}\n',
      expected: reason(TAG, 1),
    },
    {
      name: 'a placeholder only in a YAML comment: the manifest is static',
      text: 'apiVersion: v1\nkind: Pod\n# generated for ${{ values.name }}\nmetadata:\n  name: web # owner ${{ values.owner }}\n',
      expected: undefined,
    },
    {
      name: 'an unclosed ${{ (just text)',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  note: "costs ${{ 5"\n',
      expected: undefined,
    },
    {
      name: 'a Jinja template carried as data in a block scalar (a rendered ConfigMap)',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  motd.j2: |\n    {% if admin %}\n    Welcome {{ user }}\n    {% endif %}\n',
      expected: undefined,
    },
    {
      name: 'a Jinja tag in a quoted string',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  greeting: "{% if admin %}hi{% endif %}"\n',
      expected: undefined,
    },
    {
      name: 'a GitHub Actions workflow (its expressions are ${{ }} too): left to be skipped as a workflow',
      text: 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n',
      expected: undefined,
    },
    {
      name: 'a workflow skeleton with nunjucks tags is a template',
      text: 'on: push\njobs:\n  test:\n{%- if values.lint %}\n    runs-on: ${{ matrix.os }}\n{%- endif %}\n',
      expected: reason(TAG, 4),
    },
    {
      name: 'a plain manifest',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n',
      expected: undefined,
    },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    expect(templateReason(text)).toBe(expected);
  });

  it('a GitHub Actions workflow is skipped as one, not as a template', () => {
    const text = 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n';
    const report = scan({ files: [{ path: '.github/workflows/ci.yaml', text }], today: '2025-01-01' });
    expect(report.files[0]!.skipped).toEqual([{ line: 1, reason: 'not a Kubernetes object: looks like a GitHub Actions workflow' }]);
    expect(report.findings).toEqual([]);
  });

  it('still recognises unrendered Helm templates first', () => {
    expect(templateReason('{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\n{{- end }}\n')).toMatch(/Helm/);
  });

  it('skips a skeleton as one file with the reason, and produces no finding from its placeholders', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ${{ values.name }}',
      'spec:',
      '  replicas: ${{ values.replicas }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: ${{ values.image }}',
      '          ports:',
      '            - containerPort: ${{ values.port }}',
      '',
    ].join('\n');
    const parsed = parseFile({ path: 'skeleton/deployment.yaml', text });
    expect(parsed.documents).toEqual([]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.skipped).toEqual([{ line: 1, reason: reason(PLACEHOLDER, 4) }]);
    const report = scan({ files: [{ path: 'skeleton/deployment.yaml', text }], profile: 'strict', today: '2025-01-01' });
    expect(report.findings).toEqual([]);
  });

  it('scans a file whose only placeholders are in comments', () => {
    const text = '# ${{ values.name }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    const report = scan({ files: [{ path: 'pod.yaml', text }], today: '2025-01-01' });
    expect(report.findings.filter((f) => f.ruleId === 'privileged-container').map((f) => [f.line, f.column])).toEqual([[11, 9]]);
  });
});
