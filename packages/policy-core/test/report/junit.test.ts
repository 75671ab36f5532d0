import type { Report } from '../../src/types.js';
import { formatJunit } from '../../src/report/junit.js';
import { buildCleanReport, buildReport } from './fixture.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

/* eslint-disable no-control-regex -- the characters XML 1.0 forbids are control characters */
const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const found = ENTITIES[e];
    if (found === undefined) throw new Error(`unknown entity &${e};`);
    return found;
  });
}

/**
 * A strict little XML reader for what the formatter writes: elements, double-quoted attributes and
 * character data. Throws on anything not well-formed (unbalanced tags, raw `<` or `&`, bad names).
 */
function parseXml(xml: string): Element {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error('missing XML declaration');
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: Element[] = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = declaration.length;
  token.lastIndex = pos;
  while (pos < xml.length) {
    const m = token.exec(xml);
    if (!m || m.index !== pos) throw new Error(`not well-formed at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/.test(m[5])) throw new Error('raw & in text');
      top.text += decode(m[5]);
      continue;
    }
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
      if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/.test(a[2]!))
        throw new Error('raw & in attribute');
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = decode(a[2]!);
    }
    const element: Element = { name: name!, attrs, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error('expected one root element');
  return elements[0]!;
}

const all = (e: Element, name: string): Element[] =>
  e.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);

/** Every count attribute must agree with the elements it counts. */
function expectConsistentCounts(suites: Element): void {
  const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of suites.children) {
    expect(suite.name).toBe('testsuite');
    const cases = suite.children;
    const counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.children.some((x) => x.name === 'failure')).length,
      errors: cases.filter((c) => c.children.some((x) => x.name === 'error')).length,
      skipped: cases.filter((c) => c.children.some((x) => x.name === 'skipped')).length,
    };
    expect(suite.attrs).toMatchObject({
      tests: String(counts.tests),
      failures: String(counts.failures),
      errors: String(counts.errors),
      skipped: String(counts.skipped),
    });
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += counts[key];
  }
  expect(suites.attrs).toMatchObject({
    tests: String(sum.tests),
    failures: String(sum.failures),
    errors: String(sum.errors),
    skipped: String(sum.skipped),
  });
}

describe('formatJunit', () => {
  it('writes one suite per file and one test case per resource, with right counts', () => {
    const xml = formatJunit(buildReport());
    const suites = parseXml(xml);
    expect(suites.name).toBe('testsuites');
    expect(suites.attrs).toEqual({ name: 'shiftdown', tests: '7', failures: '3', errors: '1', skipped: '1' });
    expect(suites.children.map((s) => [s.attrs.name, s.children.map((c) => c.attrs.name)])).toEqual([
      ['charts/web/templates/deployment.yaml', ['document at line 1']],
      ['manifests/api/deployment.yaml', ['Deployment/prod/api', 'Service/prod/api']],
      ['manifests/broken.yaml', ['manifests/broken.yaml']],
      ['manifests/config.yaml', ['ConfigMap/prod/settings']],
      ['manifests/rbac.yaml', ['ClusterRole/ci-admin']],
      ['manifests/worker.yaml', ['CronJob/batch/cleanup']],
    ]);
    for (const suite of suites.children) {
      for (const testCase of suite.children) expect(testCase.attrs.classname).toBe(suite.attrs.name);
    }
    expectConsistentCounts(suites);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml.match(/<failure /g)).toHaveLength(5);
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('writes a failure per unsuppressed finding at or above failOn, the rest to system-out', () => {
    const suites = parseXml(formatJunit(buildReport()));
    const api = suites.children[1]!.children[0]!;
    expect(api.children.map((c) => c.name)).toEqual(['failure', 'failure', 'failure', 'system-out']);
    expect(api.children[1]!.attrs).toEqual({
      message:
        'privileged-container: Container "api" runs privileged: it has every capability and the host\'s devices',
      type: 'critical',
    });
    expect(api.children[1]!.text).toBe(
      [
        'manifests/api/deployment.yaml:31:13',
        'critical privileged-container (isolation)',
        'Container "api" runs privileged: it has every capability and the host\'s devices',
        'container: api',
        'field: spec.template.spec.containers[0].securityContext.privileged',
      ].join('\n'),
    );
    expect(api.children[3]!.text).toBe(
      'manifests/api/deployment.yaml:22:11 medium run-as-non-root: Container "api" may run as root: runAsNonRoot is not set (suppressed: legacy image needs root until ACME-142 ships (annotation:ignore.shiftdown.dev/run-as-non-root))',
    );
    const worker = suites.children[5]!.children[0]!;
    expect(worker.children.map((c) => [c.name, c.attrs.type])).toEqual([
      ['failure', 'low'],
      ['system-out', undefined],
    ]);
    expect(worker.children[1]!.text).toBe(
      'manifests/worker.yaml:21:22 info image-digest: Image "busybox:1.36" is not pinned by digest',
    );
    const broken = suites.children[2]!.children[0]!;
    expect(broken.children).toEqual([
      {
        name: 'error',
        attrs: { message: 'unexpected end of flow sequence', type: 'input-error' },
        children: [],
        text: 'manifests/broken.yaml:4:3',
      },
    ]);
  });

  it('honours failOn', () => {
    const high = parseXml(formatJunit(buildReport(), { failOn: 'high' }));
    expect(high.attrs).toMatchObject({ tests: '7', failures: '2', errors: '1' });
    expect(all(high, 'failure').map((f) => f.attrs.type)).toEqual(['critical', 'high', 'high']);
    expectConsistentCounts(high);

    const info = parseXml(formatJunit(buildReport(), { failOn: 'info' }));
    expect(info.attrs).toMatchObject({ tests: '7', failures: '3', errors: '1' });
    expect(all(info, 'failure')).toHaveLength(6); // every unsuppressed finding; never the suppressed one
    expect(all(info, 'failure').some((f) => f.attrs.message?.startsWith('run-as-non-root'))).toBe(false);

    const critical = parseXml(formatJunit(buildReport(), { failOn: 'critical' }));
    expect(critical.attrs).toMatchObject({ failures: '1' });
  });

  it('passes a clean report', () => {
    expect(formatJunit(buildCleanReport())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="shiftdown" tests="1" failures="0" errors="0" skipped="0">
  <testsuite name="manifests/config.yaml" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="manifests/config.yaml" name="ConfigMap/prod/settings"/>
  </testsuite>
</testsuites>
`);
  });

  it('escapes markup characters and strips characters XML 1.0 forbids', () => {
    const report: Report = buildReport();
    const nasty = 'a <b> & "c" \'d\' \u0000\u0007\u001b\u000b\ud800\uffff\ttab\nline 😀 ]]>';
    report.findings[1]!.message = nasty;
    report.findings[1]!.resource.name = 'x"<&>';
    report.files[2]!.errors[0]!.message = nasty;
    const xml = formatJunit(report);
    expect(xml).not.toMatch(FORBIDDEN_IN_XML);
    expect(xml).not.toContain(']]>');
    expect(xml).toContain(
      'message="privileged-container: a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#9;tab&#10;line 😀 ]]&gt;"',
    );
    expect(xml).toContain('name="Deployment/prod/x&quot;&lt;&amp;&gt;"');
    const suites = parseXml(xml);
    const failure = all(suites, 'failure').find((f) => f.attrs.type === 'critical')!;
    const clean = 'a <b> & "c" \'d\' \ttab\nline 😀 ]]>';
    expect(failure.attrs.message).toBe(`privileged-container: ${clean}`);
    expect(failure.text.split('\n').slice(2, 4).join('\n')).toBe(clean);
    expect(all(suites, 'testcase').map((c) => c.attrs.name)).toContain('Deployment/prod/x"<&>');
    expect(all(suites, 'error')[0]!.attrs.message).toBe(clean);
    expectConsistentCounts(suites);
  });
});
