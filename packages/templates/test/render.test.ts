import { skeletonRenderer, type SkeletonEngineOptions } from '../src/render/engine.js';
import { renderWithMap } from '../src/render/render-file.js';

/** Render `source` with `values`; `at(line, column)` is the skeleton `line:column` (`*` when not copied verbatim). */
function render(source: string, values: Record<string, unknown>, options: SkeletonEngineOptions = {}) {
  const renderer = skeletonRenderer(options);
  const { text, map } = renderWithMap(source, renderer, renderer.prepareContext({ values } as never), false);
  const at = (line: number, column: number): string => {
    const p = map.locate(line, column);
    return `${p.line}:${p.column}${p.verbatim ? '' : '*'}`;
  };
  return { text, at, approximate: map.approximate, map };
}

interface Case {
  name: string;
  source: string;
  values?: Record<string, unknown>;
  options?: SkeletonEngineOptions;
  rendered: string;
  /** [rendered line, rendered column, expected skeleton position]. */
  positions: [number, number, string][];
}

const cases: Case[] = [
  {
    name: 'a for loop: every iteration maps to the loop body',
    source: 'ports:\n{%- for p in values.ports %}\n  - containerPort: ${{ p }}\n{%- endfor %}\nend: 1\n',
    values: { ports: [80, 443] },
    rendered: 'ports:\n  - containerPort: 80\n  - containerPort: 443\nend: 1\n',
    positions: [
      [1, 1, '1:1'],
      [2, 5, '3:5'],
      [2, 20, '3:20*'],
      [3, 5, '3:5'],
      [3, 20, '3:20*'],
      [4, 1, '5:1'],
    ],
  },
  {
    name: 'if/else without whitespace control: blank lines stay, the taken branch maps',
    source: 'spec:\n{% if values.privileged %}\n  privileged: true\n{% else %}\n  privileged: false\n{% endif %}\n  x: 1\n',
    values: { privileged: true },
    rendered: 'spec:\n\n  privileged: true\n\n  x: 1\n',
    positions: [
      [3, 3, '3:3'],
      [3, 15, '3:15'],
      [5, 3, '7:3'],
    ],
  },
  {
    name: 'the else branch',
    source: 'spec:\n{%- if values.privileged %}\n  privileged: true\n{%- else %}\n  privileged: false\n{%- endif %}\n  x: 1\n',
    values: { privileged: false },
    rendered: 'spec:\n  privileged: false\n  x: 1\n',
    positions: [
      [2, 3, '5:3'],
      [2, 15, '5:15'],
      [3, 3, '7:3'],
    ],
  },
  {
    name: 'trimBlocks and lstripBlocks (step inputs)',
    source: 'spec:\n  {% if values.on %}\n  on: true\n  {% endif %}\n  x: 1\n',
    values: { on: true },
    options: { trimBlocks: true, lstripBlocks: true },
    rendered: 'spec:\n  on: true\n  x: 1\n',
    positions: [
      [2, 3, '3:3'],
      [3, 3, '5:3'],
    ],
  },
  {
    name: 'right trim -%} joins the next line; columns follow the text',
    source: 'a:\n  {%- if true -%}\n   b: 1\n  {%- endif %}\nc: 2\n',
    rendered: 'a:b: 1\nc: 2\n',
    positions: [
      [1, 1, '1:1'],
      [1, 3, '3:4'],
      [1, 6, '3:7'],
      [2, 1, '5:1'],
    ],
  },
  {
    name: 'a multi-line value: continuation lines belong to its expression',
    source: 'data:\n  cfg: |\n    ${{ values.cfg | indent(4) }}\n  after: 1\n',
    values: { cfg: 'a: 1\nb: 2\nc: 3' },
    rendered: 'data:\n  cfg: |\n    a: 1\n    b: 2\n    c: 3\n  after: 1\n',
    positions: [
      [3, 5, '3:5*'],
      [4, 5, '3:5*'],
      [5, 8, '3:5*'],
      [6, 3, '4:3'],
    ],
  },
  {
    name: 'expressions mid-line: text before them is exact, their output points at the expression',
    source: 'image: ${{ values.registry }}/app:${{ values.tag }} # note\n',
    values: { registry: 'ghcr.io/x', tag: 'latest' },
    rendered: 'image: ghcr.io/x/app:latest # note\n',
    positions: [
      [1, 1, '1:1'],
      [1, 8, '1:8*'],
      [1, 17, '1:30'],
      [1, 22, '1:35*'],
      [1, 29, '1:53'],
    ],
  },
  {
    name: 'an inline if: the branch taken',
    source: 'a: {% if values.x %}yes{% else %}no{% endif %}\n',
    values: { x: false },
    rendered: 'a: no\n',
    positions: [
      [1, 1, '1:1'],
      [1, 4, '1:34'],
    ],
  },
  {
    name: 'a left-trimming expression joins the previous line',
    source: 'name: prefix\n  ${{- values.suffix }}\nnext: 1\n',
    values: { suffix: '-x' },
    rendered: 'name: prefix-x\nnext: 1\n',
    positions: [
      [1, 7, '1:7'],
      [2, 1, '3:1'],
    ],
  },
  {
    name: 'nunjucks comments and raw blocks',
    source: '{# generated #}\nrun: {% raw %}${{ github.sha }}{% endraw %}\nk: v\n',
    rendered: '\nrun: ${{ github.sha }}\nk: v\n',
    positions: [
      [2, 1, '2:1'],
      [3, 1, '3:1'],
    ],
  },
];

describe('rendering a skeleton file and mapping its lines back', () => {
  it.each(cases)('$name', ({ source, values, options, rendered, positions }) => {
    const result = render(source, values ?? {}, options);
    expect(result.text).toBe(rendered);
    expect(result.approximate).toBe(false);
    expect(positions.map(([line, column]) => result.at(line, column))).toEqual(positions.map(([, , expected]) => expected));
  });

  it('maps ranges: verbatim text exactly, an expression to its whole ${{ … }}', () => {
    const { map } = render('a: 1\nimage: ${{ values.image }}\n', { image: 'nginx:latest' });
    expect(map.locateRange(1, 1, 1, 5)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 5 });
    expect(map.locateRange(2, 8, 2, 20)).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 27 });
  });

  it('knows which rendered lines are whole skeleton lines (fix suggestions are kept only for those)', () => {
    const { map } = render('a: 1\nb: 2\nc: ${{ values.c }}\n{%- for i in [1, 2] %}\nd: 4\n{%- endfor %}\n', { c: 3 });
    expect(map.verbatimLines(1, 2)).toBe(true);
    expect(map.verbatimLines(2, 3)).toBe(false);
    // The loop repeats line 5: the second copy does not follow the first in the skeleton.
    expect(map.verbatimLines(4, 5)).toBe(false);
    expect(map.verbatimLines(4, 4)).toBe(true);
  });

  it('falls back to matching lines by content when a template reads its own text, and says so', () => {
    const result = render("{% set n %}abc{% endset %}{% if n == 'abc' %}ok: 1{% endif %}\nz: 2\n", {});
    expect(result.text).toBe('ok: 1\nz: 2\n');
    expect(result.approximate).toBe(true);
    expect([result.at(1, 1), result.at(2, 1), result.at(2, 4)]).toEqual(['1:1*', '2:1', '2:4']);
  });

  it('reports a syntax error at its skeleton line and column', () => {
    expect(() => render('a: 1\nb: ${{ values.x \nc: 3\n', { x: 1 })).toThrow(/line 2, column 4/);
  });

  it('never runs JavaScript from a template', () => {
    expect(() => render('${{ "".constructor.constructor("return process")() }}', {})).toThrow(/reserved/);
  });
});
