import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources } from '../../src/model/resource.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';

function build(text: string, path = 'm.yaml') {
  const parsed = parseFile({ path, text });
  let id = 0;
  return { parsed, built: buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => id++) };
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('parseFile', () => {
  it('splits multi-document files and keeps file-global line numbers', () => {
    const { built } = build(`${cm('a')}---\n${cm('b')}---\n# only a comment\n---\n${cm('c')}`);
    expect(built.resources.map((r) => [r.name, r.line, r.documentIndex])).toEqual([
      ['a', 1, 0],
      ['b', 6, 1],
      ['c', 13, 3],
    ]);
  });

  it('handles JSON input', () => {
    const { built } = build('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {"containers": []}\n}\n', 'p.json');
    expect(built.resources).toHaveLength(1);
    expect(built.resources[0]!.locate(['metadata', 'name'])).toMatchObject({ line: 4, column: 16, exact: true });
  });

  it('expands kind: List items into resources located inside the list', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: two\n- 42\n';
    const { built } = build(text);
    expect(built.resources.map((r) => [r.kind, r.name, r.line, r.itemIndex])).toEqual([
      ['ConfigMap', 'one', 4, 0],
      ['Secret', 'two', 8, 1],
    ]);
    expect(built.resources[1]!.locate(['metadata', 'name'])).toMatchObject({ line: 11, column: 5 });
    expect(built.resources[1]!.field(['metadata', 'name'])).toBe('items[1].metadata.name');
    expect(built.errors).toEqual([{ message: expect.stringContaining('List item 2'), line: 12, column: 3 }]);
  });

  it('treats *List kinds with items as lists', () => {
    const text = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: x}\n';
    expect(build(text).built.resources.map((r) => r.name)).toEqual(['x']);
  });

  it('accepts CRLF line endings, a BOM and ... end markers', () => {
    const text = '\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n...\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: second\r\n';
    const { built, parsed } = build(text);
    expect(parsed.errors).toEqual([]);
    expect(built.resources.map((r) => [r.name, r.line])).toEqual([
      ['crlf', 1],
      ['second', 7],
    ]);
    expect(built.resources[0]!.locate(['metadata', 'name'])).toMatchObject({ line: 4, column: 3, endLine: 4, endColumn: 13 });
  });

  it('resolves anchors, aliases and merge keys, locating values where they are written', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: anchors',
      'spec:',
      '  containers:',
      '  - &base',
      '    name: a',
      '    image: nginx:1.27',
      '    securityContext: &sc',
      '      privileged: true',
      '  - <<: *base',
      '    name: b',
      '  - name: c',
      '    image: busybox:1.36',
      '    securityContext: *sc',
      '',
    ].join('\n');
    const { built } = build(text);
    const pod = built.resources[0]!;
    const containers = pod.workload!.containers;
    expect(containers.map((c) => [c.name, c.securityContext.privileged])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    // The merged and aliased values are written once, on line 11.
    expect(pod.locate(['spec', 'containers', 1, 'securityContext', 'privileged'])).toMatchObject({ line: 11, exact: true });
    expect(pod.locate(['spec', 'containers', 2, 'securityContext', 'privileged'])).toMatchObject({ line: 11, exact: true });
    expect(pod.locate(['spec', 'containers', 1, 'name'])).toMatchObject({ line: 13, exact: true });
  });

  it('uses YAML 1.1 booleans as Kubernetes (go-yaml v2) does', () => {
    const { built } = build('apiVersion: v1\nkind: Pod\nmetadata: {name: y}\nspec:\n  hostNetwork: yes\n  containers: []\n');
    expect(built.resources[0]!.workload!.podSpec.hostNetwork).toBe(true);
  });

  it('reports a broken document with its location without hiding the good ones around it', () => {
    const text = `${cm('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n---\n${cm('after')}`;
    const { built, parsed } = build(text);
    expect(built.resources.map((r) => r.name)).toEqual(['before', 'after']);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toMatch(/^document 2: /);
    expect(parsed.errors[0]).toMatchObject({ line: 9, column: 1 });
  });

  it('reports duplicate keys with their location and keeps the document', () => {
    const { built, parsed } = build('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    expect(built.resources).toHaveLength(1);
    expect(parsed.duplicateKeys).toEqual([{ key: 'name', line: 5, column: 3, endLine: 5, endColumn: 7, documentIndex: 0 }]);
  });

  it('stops alias bombs (billion laughs) with an error instead of exhausting memory', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n---\n${cm('ok')}`;
    const { built, parsed } = build(text);
    expect(parsed.errors[0]!.message).toMatch(/alias/i);
    expect(built.resources.map((r) => r.name)).toEqual(['ok']);
  });

  it('survives very deep nesting', () => {
    const n = 20000;
    const text = `a: ${'['.repeat(n)}${']'.repeat(n)}\n---\n${cm('ok')}`;
    const { built, parsed } = build(text);
    expect(built.resources.map((r) => r.name)).toEqual(['ok']);
    expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it('rejects binary junk and oversized files with a file-level error', () => {
    expect(parseFile({ path: 'b.yaml', text: 'apiVersion: v1\u0000\u0001' }).errors[0]!.message).toMatch(/binary/);
    const big = parseFile({ path: 'big.yaml', text: 'x'.repeat(100) }, { maxFileChars: 10, maxAliasCount: 100 });
    expect(big.errors[0]!.message).toMatch(/too large/);
  });

  it('does not execute custom tags', () => {
    const { built, parsed } = build('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata:\n  fn: !!js/function "function(){ throw 1 }"\n  other: !custom value\n');
    expect(parsed.errors).toEqual([]);
    expect(built.resources[0]!.object.data).toEqual({ fn: 'function(){ throw 1 }', other: 'value' });
  });

  it('skips YAML that is not a Kubernetes object, with a reason', () => {
    const workflow = build('name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    expect(workflow.built.skipped).toEqual([{ line: 1, reason: expect.stringContaining('GitHub Actions workflow') }]);
    const compose = build('services:\n  web:\n    image: nginx\n');
    expect(compose.built.skipped[0]!.reason).toMatch(/Compose/);
    const chart = build('apiVersion: v2\nname: mychart\nversion: 1.0.0\n');
    expect(chart.built.skipped[0]!.reason).toMatch(/Chart\.yaml/);
    expect(build('- a\n- b\n').built.skipped[0]!.reason).toMatch(/sequence/);
  });

  it('skips unrendered Helm templates', () => {
    const parsed = parseFile({ path: 't.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n' });
    expect(parsed.documents).toEqual([]);
    expect(parsed.skipped[0]!.reason).toMatch(/Helm/);
  });

  it('does not mistake template-like strings in data for Helm templates', () => {
    const { built } = build('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  summary: "{{ $labels.instance }} down"\n');
    expect(built.resources).toHaveLength(1);
  });
});

describe('templates in rendered manifests', () => {
  it('scans rendered manifests that carry Go templates as data (e.g. injection templates)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: injector}\ndata:\n  template: |\n    {{- if .Values.enabled }}\n    name: {{ .Name }}\n    {{- end }}\n';
    const parsed = parseFile({ path: 'rendered.yaml', text });
    expect(parsed.skipped).toEqual([]);
    expect(parsed.documents).toHaveLength(1);
  });

  it('skips a Helm template whose actions sit in values', () => {
    const parsed = parseFile({ path: 't.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "{{ .Values.replicas }}"\n' });
    expect(parsed.documents).toEqual([]);
    expect(parsed.skipped[0]!.reason).toMatch(/Helm/);
  });
});
