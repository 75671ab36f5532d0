import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '@shiftdown/policy-core';
import { nodeFiles, type RunFiles } from '../../src/run/files.js';
import { parseInputs } from '../../src/run/inputs.js';
import { loadTemplateValues } from '../../src/run/template-values.js';
import { withTemplateFindings } from '../../src/run/templates.js';

const EXAMPLES = join(__dirname, '../../../../examples/templates');
const TODAY = '2026-11-24';
let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'shiftdown-action-templates-'));
  cpSync(EXAMPLES, join(workspace, 'templates'), { recursive: true });
  writeFileSync(
    join(workspace, 'deploy.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
  );
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

const baseReport = () =>
  scan({
    files: [
      {
        path: 'deploy.yaml',
        text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      },
    ],
    today: TODAY,
  });

describe('the templates input', () => {
  it('is parsed one glob per line, with an optional values file', () => {
    const inputs = parseInputs((name) =>
      name === 'templates'
        ? 'templates/*/template.yaml\n ./golden/**/template.yaml \n'
        : name === 'template-values'
          ? 'values.yaml'
          : '',
    );
    expect(inputs.templates).toEqual(['templates/*/template.yaml', './golden/**/template.yaml']);
    expect(inputs.templateValues).toBe('values.yaml');
    expect(parseInputs(() => '').templates).toBeUndefined();
  });

  it('adds every template finding at its skeleton file and line, and the weaker score', async () => {
    const base = baseReport();
    const { report, templates } = await withTemplateFindings(
      base,
      workspace,
      ['templates/*/template.yaml'],
      nodeFiles,
      {
        today: TODAY,
      },
    );
    expect(templates).toBe(2);
    const critical = report.findings
      .filter((f) => f.severity === 'critical')
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
    expect(critical).toEqual([
      'templates/risky-service/skeleton/k8s/deployment.yaml:24:13 privileged-container',
      'templates/risky-service/skeleton/k8s/deployment.yaml:33:13 sensitive-host-path',
    ]);
    // The pod's own findings are all still there.
    expect(report.findings.filter((f) => f.file === 'deploy.yaml')).toEqual(base.findings);
    expect(report.summary.grade).toBe('D');
    expect(report.summary.score).toBeLessThanOrEqual(base.summary.score);
  });

  it('leaves the report alone when no template matches', async () => {
    const base = baseReport();
    const outcome = await withTemplateFindings(base, workspace, ['nothing/**/*.yaml'], nodeFiles, {
      today: TODAY,
    });
    expect(outcome).toEqual({ report: base, templates: 0 });
  });

  it('renders with the values file', async () => {
    writeFileSync(join(workspace, 'values.yaml'), 'debug: false\n');
    const values = await loadTemplateValues(join(workspace, 'values.yaml'), nodeFiles);
    const { report } = await withTemplateFindings(
      baseReport(),
      workspace,
      ['templates/risky-service/template.yaml'],
      nodeFiles,
      {
        today: TODAY,
        values,
      },
    );
    expect(report.findings.filter((f) => f.ruleId === 'sensitive-host-path')).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'privileged-container').map((f) => f.line)).toEqual([
      24,
    ]);
  });

  it('checks the template text it read, reading each matched file once', async () => {
    const reads: string[] = [];
    // The template as read names the hardened skeleton: its findings (none at or above high) must be the ones reported.
    const files: RunFiles = {
      ...nodeFiles,
      readFile: async (path) => {
        reads.push(path);
        const bytes = await nodeFiles.readFile(path);
        if (!path.endsWith('risky-service/template.yaml')) return bytes;
        return Buffer.from(
          Buffer.from(bytes).toString('utf8').replace('url: ./skeleton', 'url: ../hardened-service/skeleton'),
        );
      },
    };
    const { report, templates } = await withTemplateFindings(
      baseReport(),
      workspace,
      ['templates/risky-service/template.yaml'],
      files,
      {
        today: TODAY,
      },
    );
    expect(templates).toBe(1);
    expect(reads).toEqual([`${workspace}/templates/risky-service/template.yaml`]);
    expect(report.files.map((f) => f.path)).toEqual([
      'deploy.yaml',
      'templates/hardened-service/skeleton/catalog-info.yaml',
      'templates/hardened-service/skeleton/k8s/deployment.yaml',
      'templates/hardened-service/skeleton/k8s/networkpolicy.yaml',
      'templates/hardened-service/skeleton/k8s/poddisruptionbudget.yaml',
      'templates/hardened-service/skeleton/k8s/service.yaml',
      'templates/hardened-service/skeleton/k8s/serviceaccount.yaml',
    ]);
  });

  it('rejects a values file that is not valid YAML, with the error located', async () => {
    writeFileSync(join(workspace, 'values.yaml'), 'debug: [\n');
    await expect(loadTemplateValues(join(workspace, 'values.yaml'), nodeFiles)).rejects.toThrow(
      `template-values is not valid YAML: ${join(workspace, 'values.yaml')}:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
  });

  it('rejects a values file that is not a mapping, naming it', async () => {
    writeFileSync(join(workspace, 'values.yaml'), '- a\n- b\n');
    await expect(loadTemplateValues(join(workspace, 'values.yaml'), nodeFiles)).rejects.toThrow(
      `template-values ${join(workspace, 'values.yaml')} must be a mapping of parameter names to values`,
    );
  });
});
