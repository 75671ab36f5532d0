import type { InputFile, Report } from '@shiftdown/policy-core';
import { DEFAULT_SETTINGS } from '../src/config.js';
import { kubernetesIdFilter } from '../src/scan/label-filter.js';
import { scanFiles, type ScanSettings } from '../src/scan/scan-files.js';
import { deployment as sharedDeployment } from './helpers/manifests.js';

const TODAY = '2026-11-24';

const tree = (files: Record<string, string>): InputFile[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

const scanTree = (files: Record<string, string>, settings: Partial<ScanSettings> = {}) =>
  scanFiles(tree(files), { ...DEFAULT_SETTINGS, ...settings }, { today: TODAY });

const scanned = (report: Report) => report.files.map((file) => file.path);
const located = (report: Report, ruleId: string) =>
  report.findings.filter((finding) => finding.ruleId === ruleId).map((f) => `${f.file}:${f.line}`);

const deployment = (name: string, spec = '') => sharedDeployment(name, { spec });

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.acme.example
spec:
  group: acme.example
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
`;

/** `size` must be an integer: schema-invalid at line 5 when the CRD is known, schema-missing at 2 (its kind) otherwise. */
const WIDGET = `apiVersion: acme.example/v1
kind: Widget
metadata: { name: w, namespace: shop }
spec:
  size: big
`;

describe('scanFiles', () => {
  it("scans what the repository's include and exclude globs keep, relative to the tree root", () => {
    const report = scanTree({
      '.shiftdown.yaml': "include: ['./apps/**', 'jobs/*.yaml']\nexclude: [apps/legacy, '**/*.draft.yaml']\n",
      'apps/web.yaml': deployment('web'),
      'apps/web.draft.yaml': deployment('draft'),
      'apps/legacy/old.yaml': deployment('old'),
      'apps/legacy/deeper/older.yaml': deployment('older'),
      'jobs/nightly.yaml': deployment('nightly'),
      'jobs/archive/2025.yaml': deployment('archived'),
      'tools/ci.yaml': deployment('ci'),
    });
    expect(scanned(report)).toEqual(['apps/web.yaml', 'jobs/nightly.yaml']);
    expect(report.summary.files).toBe(2);
  });

  it('validates custom resources against the CRDs under schema.crdPaths, scanned or not', () => {
    const crdsExcluded = 'exclude: [crds/**]\nschema:\n  crdPaths: [./crds/]\n';
    const withCrdPaths = scanTree({
      '.shiftdown.yaml': crdsExcluded,
      'crds/widget.yaml': WIDGET_CRD,
      'apps/widget.yaml': WIDGET,
    });
    expect(scanned(withCrdPaths)).toEqual(['apps/widget.yaml']);
    expect(located(withCrdPaths, 'schema-invalid')).toEqual(['apps/widget.yaml:5']);
    expect(located(withCrdPaths, 'schema-missing')).toEqual([]);

    // A CRD that is scanned counts without crdPaths (the validator reads the scan's own CRDs).
    const scannedCrd = scanTree({ 'crds/widget.yaml': WIDGET_CRD, 'apps/widget.yaml': WIDGET });
    expect(located(scannedCrd, 'schema-invalid')).toEqual(['apps/widget.yaml:5']);

    // Unscanned and outside crdPaths (or named by a path that leaves the tree): not a source of schemas.
    for (const crdPaths of ['[other/]', '[../crds]', '[/crds]']) {
      const report = scanTree({
        '.shiftdown.yaml': `exclude: [crds/**]\nschema:\n  crdPaths: ${crdPaths}\n`,
        'crds/widget.yaml': WIDGET_CRD,
        'apps/widget.yaml': WIDGET,
      });
      expect([crdPaths, located(report, 'schema-missing')]).toEqual([crdPaths, ['apps/widget.yaml:2']]);
    }
  });

  it("validates schemas with the embedded validator unless the plugin or the repository's config turns it off", () => {
    const files = { 'apps/web.yaml': deployment('web', '\n  replicaz: 2') };
    const embedded = scanTree(files);
    expect(located(embedded, 'schema-invalid')).toEqual(['apps/web.yaml:7']);
    expect(embedded.settings.schemaValidator).toMatch(/^embedded/);
    // The backend has no kubeconform binary: the repository asking for it gets the embedded validator.
    const asked = scanTree({ ...files, '.shiftdown.yaml': 'schema:\n  validator: kubeconform\n' });
    expect(located(asked, 'schema-invalid')).toEqual(['apps/web.yaml:7']);

    const offInPlugin = scanTree(files, { schemaValidation: 'off' });
    const offInRepository = scanTree({ ...files, '.shiftdown.yaml': 'schema:\n  validator: off\n' });
    for (const report of [offInPlugin, offInRepository]) {
      expect(located(report, 'schema-invalid')).toEqual([]);
      expect(report.settings.schemaValidator).toBeUndefined();
    }
  });

  it("takes the plugin's profile and versions as defaults the repository overrides, or with enforceSettings as the rule", () => {
    const plugin: Partial<ScanSettings> = {
      profile: 'pss-restricted',
      pssVersion: 'v1.30',
      kubernetesVersion: '1.30',
    };
    const files = {
      '.shiftdown.yaml': "profile: pss-baseline\npssVersion: v1.25\nkubernetesVersion: '1.29'\n",
      'apps/web.yaml': deployment('web'),
    };
    expect(scanTree(files, plugin).settings).toMatchObject({
      profile: 'pss-baseline',
      pssVersion: 'v1.25',
      kubernetesVersion: '1.29',
    });
    expect(scanTree(files, { ...plugin, enforceSettings: true }).settings).toMatchObject({
      profile: 'pss-restricted',
      pssVersion: 'v1.30',
      kubernetesVersion: '1.30',
    });
    // A repository config that sets none of them leaves the plugin's in force.
    expect(
      scanTree({ '.shiftdown.yaml': 'exclude: [tools]\n', 'apps/web.yaml': deployment('web') }, plugin)
        .settings,
    ).toMatchObject({ profile: 'pss-restricted', pssVersion: 'v1.30', kubernetesVersion: '1.30' });
  });

  it('keeps the files with an object that matches the label filter (after the globs)', () => {
    const labelled = deployment('web').replace(
      '  namespace: shop\n',
      '  namespace: shop\n  labels: {app.kubernetes.io/name: web}\n',
    );
    const report = scanFiles(
      tree({
        '.shiftdown.yaml': 'exclude: [old]\n',
        'apps/web.yaml': labelled,
        'apps/other.yaml': deployment('other'),
        'old/web.yaml': labelled,
        'apps/broken.yaml': 'a: [',
      }),
      DEFAULT_SETTINGS,
      { labelFilter: kubernetesIdFilter('web').spec, today: TODAY },
    );
    // A file that does not parse has no matching object: it is left out, not reported.
    expect(scanned(report)).toEqual(['apps/web.yaml']);
  });
});
