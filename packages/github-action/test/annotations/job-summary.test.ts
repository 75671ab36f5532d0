import { jobSummary } from '../../src/annotations/index.js';
import { finding } from './helpers.js';

const helpUri = (id: string) => `https://docs/${id}.md`;
const CUT = '\n\n… and 3 more findings (see the full report).\n\n**Gate:** passed ✅\n';
const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    finding({ line: i + 1, endLine: i + 1, fingerprint: `fp-${i}`, severity: i === 2 ? 'critical' : 'low' }),
  );

describe('jobSummary', () => {
  it('is the Markdown report when its findings table is complete', () => {
    expect(jobSummary('## Shiftdown\n\n| a |\n', many(3), { helpUri })).toBe('## Shiftdown\n\n| a |\n');
  });

  it('lists every unsuppressed finding, worst first, when the table was cut', () => {
    const findings = [
      ...many(3),
      finding({ fingerprint: 'quiet', suppressed: { reason: 'ok', source: 'config:x#0' } }),
      finding({
        line: 9,
        endLine: 9,
        message: 'pipes | and `ticks` and <b>',
        fingerprint: 'odd',
        ruleId: 'r|1',
      }),
    ];
    expect(jobSummary(`## Shiftdown${CUT}`, findings, { helpUri })).toBe(
      [
        `## Shiftdown${CUT}`,
        '<details>',
        '<summary>All 4 findings</summary>',
        '',
        '| Severity | Rule | Location | Message |',
        '| :--- | :--- | :--- | :--- |',
        '| 🔴 critical | [`privileged`](https://docs/privileged.md) | `deploy/app.yaml:3` | Container runs privileged |',
        '| 🟠 high | [`r\\|1`](https://docs/r|1.md) | `deploy/app.yaml:9` | pipes \\| and \\`ticks\\` and \\<b\\> |',
        '| 🔵 low | [`privileged`](https://docs/privileged.md) | `deploy/app.yaml:1` | Container runs privileged |',
        '| 🔵 low | [`privileged`](https://docs/privileged.md) | `deploy/app.yaml:2` | Container runs privileged |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('stops at the byte limit and says how many did not fit', () => {
    const markdown = `## Shiftdown${CUT}`;
    const full = jobSummary(markdown, many(3), { helpUri });
    const lastRow =
      '| 🔵 low | [`privileged`](https://docs/privileged.md) | `deploy/app.yaml:2` | Container runs privileged |';
    const limit = Buffer.byteLength(full) - 1;
    const cut = jobSummary(markdown, many(3), { helpUri, limit });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(limit);
    expect(cut).not.toContain(lastRow);
    expect(cut).toContain(
      '\n\n… and 1 more: every finding is in the SARIF and JSON reports.\n\n</details>\n',
    );
  });
});
