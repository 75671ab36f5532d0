import fc from 'fast-check';
import { skeletonRenderer } from '../src/render/engine.js';
import { renderWithMap } from '../src/render/render-file.js';
import { checkPaths, tempTree } from './helpers.js';

/** Skeleton text from pieces of YAML and template syntax, balanced or not. */
const PIECES = [
  'a: 1',
  'name: ',
  '  ',
  '\n',
  '\n  ',
  '- ',
  '"',
  "'",
  '#',
  ' # c',
  ':',
  'x',
  'é',
  '\r\n',
  '\t',
  '${{ values.name }}',
  '${{ values.items }}',
  '${{- values.name }}',
  '${{ values.name -}}',
  '${{ values.multi }}',
  '${{ values.missing.deeper }}',
  '${{ values.name | upper }}',
  '${{ values.name | nope }}',
  '${{',
  '}}',
  '${{ "}}" }}',
  '{% if values.flag %}',
  '{%- if values.flag -%}',
  '{% else %}',
  '{% endif %}',
  '{%- endif %}',
  '{% for i in values.items %}',
  '{% for i in values.items -%}',
  '{% endfor %}',
  '{%- endfor %}',
  '${{ i }}',
  '{# c #}',
  '{#- c -#}',
  '{#',
  '#}',
  '{%',
  '%}',
  '{% raw %}',
  '{% endraw %}',
  '{% set s = values.name %}',
  '${{ s }}',
  '{% set c %}',
  '{% endset %}',
  '${{ c }}',
];

const skeleton = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const values = fc.record({
  name: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('web')),
  flag: fc.boolean(),
  items: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  multi: fc.constantFrom('one', 'l1\nl2', 'x\n\ny\n'),
});

describe('properties', () => {
  it('rendering either fails with a position or maps every rendered position into the skeleton; verbatim positions hold the same character', () => {
    fc.assert(
      fc.property(skeleton, values, fc.boolean(), fc.boolean(), (source, vals, trimBlocks, lstripBlocks) => {
        const renderer = skeletonRenderer({ trimBlocks, lstripBlocks });
        let rendered;
        try {
          rendered = renderWithMap(source, renderer, renderer.prepareContext({ values: vals }), false);
        } catch (error) {
          expect((error as Error).constructor.name).toMatch(/^Template(Render|Limit)Error$/);
          return;
        }
        const skeletonLines = source.split('\n');
        rendered.text.split('\n').forEach((line, i) => {
          for (let column = 1; column <= line.length + 1; column++) {
            const at = rendered.map.locate(i + 1, column);
            expect(at.line).toBeGreaterThanOrEqual(1);
            expect(at.line).toBeLessThanOrEqual(skeletonLines.length);
            expect(at.column).toBeGreaterThanOrEqual(1);
            if (at.verbatim && column <= line.length && !rendered.map.approximate) {
              expect(skeletonLines[at.line - 1]![at.column - 1]).toBe(line[column - 1]);
            }
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('every piece of skeleton text is found at its own skeleton line and column, however the template around it renders', () => {
    // Well-formed templates: unique labels (k0:, k1:, …) as text, in and around expressions, ifs, loops,
    // comments and raw blocks, with any whitespace control; values never contain a label.
    const dash = fc.constantFrom('', '-');
    const blank = fc.constantFrom('', ' ', '  ', '\n', '\n  ', '\n\n', ' \n    ');
    type Node = string | Node[];
    const tree = fc.letrec<{ nodes: Node[]; node: Node }>((tie) => ({
      nodes: fc.array(tie('node'), { maxLength: 6 }),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant('LABEL'),
        fc
          .tuple(dash, fc.constantFrom('values.name', 'values.multi', 'values.items | length', 'i'), dash)
          .map(([l, e, r]) => `\${{${l} ${e} ${r}}}`),
        fc
          .tuple(dash, dash, tie('nodes'), dash, dash, tie('nodes'))
          .map(([a, b, yes, c, d, no]) => [
            `{%${a} if values.flag ${b}%}`,
            yes,
            `{%${c} else ${d}%}`,
            no,
            '{% endif %}',
          ]),
        fc
          .tuple(dash, dash, tie('nodes'), dash)
          .map(([a, b, body, c]) => [`{%${a} for i in values.items ${b}%}`, body, `{%${c} endfor %}`]),
        fc.tuple(dash, dash).map(([a, b]) => `{#${a} note ${b}#}`),
        fc.constant('{% raw %}${{ github.sha }}{% endraw %}'),
        blank,
      ),
    })).nodes;
    const source = tree.map((nodes) => {
      let n = 0;
      const flat = (node: Node): string =>
        Array.isArray(node) ? node.map(flat).join('') : node === 'LABEL' ? `k${n++}: ` : node;
      return nodes.map(flat).join('');
    });
    let checked = 0;
    fc.assert(
      fc.property(source, values, fc.boolean(), fc.boolean(), (text, vals, trimBlocks, lstripBlocks) => {
        const renderer = skeletonRenderer({ trimBlocks, lstripBlocks });
        const rendered = renderWithMap(
          text,
          renderer,
          renderer.prepareContext({ values: { ...vals, name: vals.name.replace(/k/g, '') } }),
          false,
        );
        expect(rendered.map.approximate).toBe(false);
        const where = new Map<string, string>();
        text.split('\n').forEach((line, i) => {
          for (const m of line.matchAll(/k\d+:/g)) where.set(m[0], `${i + 1}:${m.index + 1}`);
        });
        rendered.text.split('\n').forEach((line, i) => {
          for (const m of line.matchAll(/k\d+:/g)) {
            const at = rendered.map.locate(i + 1, m.index + 1);
            expect(`${m[0]} ${at.line}:${at.column}${at.verbatim ? '' : '*'}`).toBe(
              `${m[0]} ${where.get(m[0])}`,
            );
            checked++;
          }
        });
      }),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('checkTemplates never crashes on hostile templates, skeletons and values; every error and finding is located', async () => {
    const text = fc.oneof(skeleton, fc.string({ maxLength: 60 }));
    const stepInput = fc.record(
      {
        url: fc.constantFrom(
          './skeleton',
          './skeleton/',
          '../outside',
          '/etc',
          'https://example.com/x',
          './missing',
          './skeleton/a.yaml',
          '${{ parameters.x }}',
        ),
        targetPath: fc.constantFrom('.', 'out', '../..', '${{ parameters.name }}', '/abs'),
        values: fc.oneof(
          fc.constant('{ name: ${{ parameters.name }}, flag: ${{ parameters.flag }} }'),
          fc.constant('[1]'),
          fc.constant('"text"'),
        ),
        templateFileExtension: fc.constantFrom('true', 'false', '.njk', '42'),
        copyWithoutTemplating: fc.constantFrom("['*.yaml']", '[]', "['[']", '7'),
      },
      { requiredKeys: ['url'] },
    );
    const template = fc.record({
      action: fc.constantFrom('fetch:template', 'fetch:template:file', 'publish:github'),
      input: stepInput,
      when: fc.constantFrom(
        '',
        '      if: ${{ parameters.flag }}\n',
        '      each: ${{ parameters.items }}\n',
        '      each: 3\n',
      ),
      parameters: fc.constantFrom(
        '    - properties: { name: { type: string }, flag: { type: boolean }, items: { type: array, default: [a, b] } }',
        '    - properties: { name: { type: string, pattern: "(a+)+$" } }',
        '    - 42',
        '    nonsense: [',
      ),
    });
    const tree = tempTree();
    try {
      await fc.assert(
        fc.asyncProperty(
          template,
          fc.array(
            fc.tuple(
              fc.constantFrom(
                'a.yaml',
                '${{ values.name }}.yaml',
                '{% if values.flag %}b.yaml{% endif %}',
                'c.yaml.njk',
                'd/${{ values.name }}/e.json',
                'f.txt',
              ),
              text,
            ),
            { maxLength: 4 },
          ),
          fc.jsonValue({ maxDepth: 2 }),
          async (t, files, extra) => {
            const dir = `case-${Math.random().toString(36).slice(2)}`;
            const input = Object.entries(t.input)
              .map(
                ([key, value]) =>
                  `        ${key}: ${key === 'values' || key === 'copyWithoutTemplating' || key === 'templateFileExtension' ? value : JSON.stringify(value)}`,
              )
              .join('\n');
            tree.write(
              `${dir}/template.yaml`,
              `apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  parameters:\n${t.parameters}\n  steps:\n    - id: s\n${t.when}      action: ${t.action}\n      input:\n${input}\n`,
            );
            for (const [name, content] of files) tree.write(`${dir}/skeleton/${name}`, content);
            const result = await checkPaths([dir], {
              cwd: tree.root,
              today: '2025-01-01',
              values: { extra },
            });
            for (const error of result.errors) {
              expect(error.file.startsWith(dir) || error.file.startsWith('..')).toBe(true);
              expect(error.line).toBeGreaterThanOrEqual(1);
              expect(error.column).toBeGreaterThanOrEqual(1);
              expect(error.message.length).toBeGreaterThan(0);
            }
            for (const finding of result.report.findings) {
              expect(finding.file.startsWith(`${dir}/`)).toBe(true);
              expect(finding.line).toBeGreaterThanOrEqual(1);
              expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
            }
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      tree.cleanup();
    }
  }, 120_000);
});
