import { Composer, LineCounter, Parser } from 'yaml';
import { parseFile } from '../../src/parse/parse-file.js';
import { PARSE_OPTIONS } from '../../src/parse/options.js';
import { releaseLineStarts } from '../../src/parse/line-starts.js';
import { buildResources } from '../../src/model/resource.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';

const TEXT = [
  '# comment',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: a}',
  'data:',
  '  script: |',
  '    line one',
  '    line two',
  '  quoted: "first',
  '    second"',
  '  plain: first',
  '    continued',
  '--- # second document',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx',
  '    securityContext: {privileged: true}',
  '',
].join('\n');

/** The line starts YAML's own counter records for a text. */
function yamlLineStarts(text: string): number[] {
  const counter = new LineCounter();
  const composer = new Composer(PARSE_OPTIONS);
  for (const doc of composer.compose(new Parser(counter.addNewLine).parse(text), true, text.length)) void doc;
  return counter.lineStarts;
}

describe('line starts', () => {
  test.each([
    ['LF', TEXT],
    ['CRLF', TEXT.replaceAll('\n', '\r\n')],
    ['no final line break', TEXT.trimEnd()],
    ['an unclosed quote', `${TEXT}bad: "open\nmore\n`],
  ])('are the ones the YAML parser reports (%s), in a 32-bit array', (_, text) => {
    const parsed = parseFile({ path: 'f.yaml', text });
    expect([...parsed.lineCounter.lineStarts]).toEqual(yamlLineStarts(text));
    expect(parsed.lineCounter.lineStarts).toBeInstanceOf(Uint32Array);
  });

  test('can be released once every document has released its tree; positions stay the same', () => {
    const parsed = parseFile({ path: 'f.yaml', text: TEXT });
    const resources = buildResources(
      parsed,
      BUILTIN_WORKLOAD_KINDS,
      (() => {
        let id = 0;
        return () => id++;
      })(),
    ).resources;
    const paths = [
      [],
      ['metadata', 'name'],
      ['data', 'quoted'],
      ['data', 'plain'],
      ['spec', 'containers', 0, 'securityContext', 'privileged'],
      ['no', 'such'],
    ];
    const before = resources.map((r) => paths.map((p) => r.locate(p)));
    const linesBefore = resources.map((r) => [1, 7, 10, 22, 23, 24, 0].map((line) => r.sourceLine(line)));
    for (const doc of parsed.documents) doc.source.release();
    releaseLineStarts(parsed.lineCounter);
    expect(parsed.lineCounter.lineStarts).toEqual([]);
    expect(resources.map((r) => paths.map((p) => r.locate(p)))).toEqual(before);
    expect(resources.map((r) => [1, 7, 10, 22, 23, 24, 0].map((line) => r.sourceLine(line)))).toEqual(
      linesBefore,
    );
    expect(before[1]![4]).toMatchObject({ line: 22, column: 23, exact: true });
  });
});
