import type { Report } from '../../src/types.js';
import { code, formatMarkdown, MARKDOWN_MAX_LENGTH } from '../../src/report/markdown.js';
import { buildCleanReport, buildReport, bulkFinding } from './fixture.js';

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

/** Cells of a table row, splitting on unescaped pipes the way GFM does. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && i + 1 < row.length) {
      current += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.slice(1, -1).map((c) => c.trim());
}

function tableRows(out: string, header: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf(header);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

const FINDINGS_HEADER = '| Severity | Rule | Location | Resource | Message |';

function bulkReport(count: number): Report {
  const report = buildCleanReport();
  report.findings = Array.from({ length: count }, (_, i) => bulkFinding(i));
  return report;
}

describe('formatMarkdown', () => {
  it('starts with the grade and score, then the severity counts', () => {
    const out = formatMarkdown(buildReport());
    expect(
      out.startsWith(`## 🛡️ Shiftdown: D (72/100)

> ⚠️ **Grade capped:** a critical finding caps the grade at D

**6 findings** (1 suppressed) · 6 files · 5 documents · 5 resources · 1 file error

Profile \`recommended\` · PSS v1.34 · Kubernetes 1.34 · maturity level 1 (Initial)

**Next maturity level:** Fix every critical finding; Meet the Pod Security baseline profile

| Severity | Findings |
| :--- | ---: |
| 🔴 Critical | 1 |
| 🟠 High | 2 |
| 🟡 Medium | 1 |
| 🔵 Low | 1 |
| ⚪ Info | 1 |

### Categories

| Category | Score | Grade | Findings |
| :--- | ---: | :---: | ---: |
| Workload isolation | 40 | F | 2 |
| Workload identity | 100 | A+ | 0 |
| Access control (RBAC) | 75 | C | 1 |
| Supply chain | 82.5 | B- | 2 |
| Reliability and resources | 95 | A | 1 |

### Findings
`),
    ).toBe(true);
    expect(formatMarkdown(buildReport(), { title: 'Payments service' })).toMatch(
      /^## 🛡️ Payments service: D \(72\/100\)\n/,
    );
  });

  it('lists unsuppressed findings by severity, then file and line, with rule links', () => {
    const rows = tableRows(formatMarkdown(buildReport()), FINDINGS_HEADER);
    expect(rows.map((row) => cells(row).slice(0, 4))).toEqual([
      [
        '🔴 critical',
        `[\`privileged-container\`](${DOCS}/privileged-container.md)`,
        '`manifests/api/deployment.yaml:31`',
        '`Deployment/prod/api`',
      ],
      [
        '🟠 high',
        `[\`host-path-volume\`](${DOCS}/host-path-volume.md)`,
        '`manifests/api/deployment.yaml:44`',
        '`Deployment/prod/api`',
      ],
      [
        '🟠 high',
        `[\`rbac-wildcard\`](${DOCS}/rbac-wildcard.md)`,
        '`manifests/rbac.yaml:8`',
        '`ClusterRole/ci-admin`',
      ],
      [
        '🟡 medium',
        `[\`image-tag-latest\`](${DOCS}/image-tag-latest.md)`,
        '`manifests/api/deployment.yaml:23`',
        '`Deployment/prod/api`',
      ],
      [
        '🔵 low',
        `[\`missing-resource-limits\`](${DOCS}/missing-resource-limits.md)`,
        '`manifests/worker.yaml:20`',
        '`CronJob/batch/cleanup`',
      ],
      [
        '⚪ info',
        `[\`image-digest\`](${DOCS}/image-digest.md)`,
        '`manifests/worker.yaml:21`',
        '`CronJob/batch/cleanup`',
      ],
    ]);
    expect(cells(rows[2]!)[4]).toBe('ClusterRole "ci-admin" grants every verb ("\\*") on secrets');
  });

  it('collapses suppressed findings with their reasons, and lists file errors', () => {
    const out = formatMarkdown(buildReport());
    expect(out).toContain(`<details>
<summary>1 suppressed finding</summary>

| Severity | Rule | Location | Resource | Reason | Source |
| :--- | :--- | :--- | :--- | :--- | :--- |
| 🟡 medium | [\`run-as-non-root\`](${DOCS}/run-as-non-root.md) | \`manifests/api/deployment.yaml:22\` | \`Deployment/prod/api\` | legacy image needs root until ACME-142 ships | \`annotation:ignore.shiftdown.dev/run-as-non-root\` |

</details>`);
    expect(out).toContain(`### File errors

| Location | Error |
| :--- | :--- |
| \`manifests/broken.yaml:4:3\` | unexpected end of flow sequence |
`);
    expect(out).toContain('<summary>1 skipped document</summary>');
    expect(tableRows(out, FINDINGS_HEADER).join('\n')).not.toContain('run-as-non-root');
  });

  it('escapes pipes, newlines and HTML in cells', () => {
    const report = buildReport();
    report.findings[1]!.message = 'a | b\nc <img src=x> `d`';
    report.findings[1]!.resource.name = 'we|ird';
    const rows = tableRows(formatMarkdown(report), FINDINGS_HEADER);
    const row = rows[0]!;
    expect(row).toContain('| a \\| b<br>c \\<img src=x\\> \\`d\\` |');
    expect(row).toContain('`Deployment/prod/we\\|ird`');
    expect(row).not.toContain('\n');
    for (const r of rows) expect(cells(r)).toHaveLength(5);
  });

  it('builds code spans that survive backticks', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('p|q')).toBe('`p\\|q`');
  });

  it('says when there are no findings', () => {
    const out = formatMarkdown(buildCleanReport());
    expect(out).toContain('### Findings\n\nNo findings. ✅\n');
    expect(out).not.toContain('<details>');
    expect(out).not.toContain('File errors');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('cuts the findings table at maxFindings and says how many are left', () => {
    const out = formatMarkdown(bulkReport(10_000), { maxFindings: 10 });
    expect(tableRows(out, FINDINGS_HEADER)).toHaveLength(10);
    expect(out).toContain('\n\n… and 9990 more findings (see the full report).\n');
    expect(out).not.toContain('character limit');
    const one = formatMarkdown(bulkReport(11), { maxFindings: 10 });
    expect(one).toContain('… and 1 more finding (see the full report).');
  });

  it('shows 200 findings by default and stays under 60,000 characters for 10,000 findings', () => {
    const out = formatMarkdown(bulkReport(10_000));
    expect(out.length).toBeLessThan(MARKDOWN_MAX_LENGTH);
    expect(tableRows(out, FINDINGS_HEADER)).toHaveLength(200);
    expect(out.includes('… and 9800 more findings (see the full report).\n')).toBe(true);
    expect(out.includes('character limit')).toBe(false);
  });

  it('shortens the table to fit when maxFindings allows more, and says so', () => {
    const out = formatMarkdown(bulkReport(10_000), { maxFindings: 100_000 });
    expect(out.length).toBeLessThan(MARKDOWN_MAX_LENGTH);
    expect(out.length).toBeGreaterThan(MARKDOWN_MAX_LENGTH - 2_000); // the room is used
    const rows = tableRows(out, FINDINGS_HEADER);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.every((r) => cells(r).length === 5)).toBe(true);
    expect(
      out.endsWith(
        `\n\n… and ${10_000 - rows.length} more findings (see the full report). The table was shortened to stay under the 60,000-character limit.\n`,
      ),
    ).toBe(true);
  });

  it('stays under the cap whatever the input', () => {
    const report = bulkReport(10_000);
    const huge = 'x'.repeat(1_000_000);
    report.findings.forEach((f, i) => {
      if (i % 2 === 0) f.suppressed = { reason: huge, source: `config:.shiftdown.yaml#${i}` };
    });
    report.findings[1]!.message = huge;
    report.files = Array.from({ length: 5_000 }, (_, i) => ({
      path: `dir/${huge.slice(0, 500)}-${i}.yaml`,
      documents: 0,
      errors: [{ message: huge, line: 1, column: 1 }],
      skipped: [{ line: 2, reason: huge }],
    }));
    report.summary.cap = huge;
    report.summary.maturity.next = Array.from({ length: 100 }, () => huge);
    report.summary.categories = Array.from({ length: 1_000 }, () => ({
      category: 'isolation' as const,
      title: huge,
      score: 1,
      grade: 'F' as const,
      findings: 1,
    }));
    const out = formatMarkdown(report, { title: huge, maxFindings: 1_000_000 });
    expect(out.length).toBeLessThan(MARKDOWN_MAX_LENGTH);
    expect(out).toContain('more findings (see the full report)');
    expect(out).toContain('more suppressed findings.');
    expect(out).toContain('more file errors.');
  });
});
