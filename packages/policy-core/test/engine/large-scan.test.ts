/**
 * Scans past `residentResources` move each resource's decoded object to an `ObjectStore` and decode it
 * again when a rule or the suppression pass reads it: their report must be exactly the one a scan that
 * keeps every object produces. Each test checks, by counting the objects put into the store, that the
 * scan it compares did store them (and that the default scan of this small input did not). Findings are
 * kept as numbers in every scan: test/engine/finding-store.test.ts covers that.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import { parseConfig } from '../../src/config/index.js';
import { formatJson } from '../../src/report/json.js';
import { ObjectStore } from '../../src/model/object-store.js';
import type { InputFile } from '../../src/types.js';

const SHARED_DIR = process.env.SHIFTDOWN_SHARED_DIR ?? path.resolve(__dirname, '../../../../../shared');
const CORPUS = path.join(SHARED_DIR, 'corpus', 'real-world');
const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function manifests(root: string, limit = Infinity): InputFile[] {
  const out: InputFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/i.test(entry.name)) {
        out.push({ path: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

/** Documents the store must round-trip exactly, or keep as they are. */
const EDGE_CASES = `# A List, anchors and aliases, merge keys, values JSON has no form for, odd keys and strings
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: &meta
    name: listed
    namespace: edge
    labels: {app: listed, "weird\\u0001key": "tab\\tand \\u001f control"}
    annotations:
      ignore.shiftdown.dev/read-only-root-filesystem: "reviewed: writes caches"
      ignore.shiftdown.dev/no-such-rule: "typo"
  spec:
    selector: {matchLabels: {app: listed}}
    template:
      metadata: {labels: {app: listed}}
      spec:
        containers:
        - &container
          name: app
          image: "registry.example.com/app:1.0 \\"quoted\\" \\ud83d\\ude80 and a lone \\ud800"
          securityContext: {privileged: true, "__proto__": {polluted: true}}
        - <<: *container
          name: sidecar
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: odd, namespace: edge}
  data: {"": empty key, "0": zero, "10": ten, "-0": minus zero}
---
apiVersion: v1
kind: Pod
metadata: {name: special-numbers, namespace: edge, labels: {created: 2024-01-02}}
spec:
  terminationGracePeriodSeconds: .inf
  activeDeadlineSeconds: .nan
  priority: -0.0
  containers: [{name: app, image: nginx, securityContext: {runAsUser: 0}}]
---
apiVersion: v1
kind: Service
metadata: {name: listed, namespace: edge}
spec: {selector: {app: listed}, ports: [{port: 80}]}
---
apiVersion: kro.run/v1alpha1
kind: ResourceGraphDefinition
metadata: {name: webapp}
spec:
  schema:
    apiVersion: v1alpha1
    kind: WebApp
    spec: {name: string | default=web, replicas: integer | default=1}
  resources:
  - id: deployment
    template:
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: "\${schema.spec.name}"}
      spec:
        replicas: \${schema.spec.replicas}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx, securityContext: {privileged: true}}]}
`;

function reportText(options: ScanOptions): string {
  return formatJson(scan({ today: '2026-01-01', ...options }));
}

/** The JSON report of a scan, and how many objects the scan moved to its `ObjectStore`. */
function scanned(options: ScanOptions): { text: string; resources: number; stored: number } {
  const put = jest.spyOn(ObjectStore.prototype, 'put');
  try {
    const text = reportText(options);
    const resources = (JSON.parse(text) as { summary: { resources: number } }).summary.resources;
    return { text, resources, stored: put.mock.calls.length };
  } finally {
    put.mockRestore();
  }
}

describe('scans that store their model', () => {
  const inputs: InputFile[] = [
    ...manifests(EXAMPLES).map((f) => ({ ...f, path: `examples/${f.path}` })),
    { path: 'edge/cases.yaml', text: EDGE_CASES },
    { path: 'edge/crlf.yaml', text: EDGE_CASES.replaceAll('\n', '\r\n') },
  ];

  test('report the same as scans that keep every object, examples and edge cases', () => {
    expect(inputs.length).toBeGreaterThan(10);
    const storing = scanned({ files: inputs, residentResources: 0 });
    const keeping = scanned({ files: inputs });
    expect(storing.text).toBe(keeping.text);
    // Every object but the two Pods whose numbers JSON cannot write (.inf, .nan, -0), which stay as they are.
    expect(storing.stored).toBe(storing.resources - 2);
    expect(keeping.stored).toBe(0);
    const stored = storing.text;
    // The edge cases are really in there, suppressions included.
    const findings = JSON.parse(stored).findings as { ruleId: string; file: string; suppressed?: unknown }[];
    expect(findings.some((f) => f.file === 'edge/cases.yaml' && f.ruleId === 'privileged-container')).toBe(
      true,
    );
    expect(findings.some((f) => f.file === 'edge/crlf.yaml' && f.suppressed)).toBe(true);
    expect(findings.some((f) => f.ruleId === 'unknown-suppression')).toBe(true);
  });

  test('report the same with config exemptions (the suppression pass reads the stored objects)', () => {
    const config = parseConfig(
      [
        'exemptions:',
        '- rules: [privileged-container]',
        '  namespace: edge',
        '  reason: test cluster',
        '- rules: [no-such-rule]',
        '  reason: typo',
      ].join('\n'),
      '.shiftdown.yaml',
    ).config;
    const storing = scanned({ files: inputs, config, residentResources: 0 });
    const keeping = scanned({ files: inputs, config });
    expect(storing.text).toBe(keeping.text);
    expect(storing.stored).toBe(storing.resources - 2);
    expect(keeping.stored).toBe(0);
    expect(storing.text).toContain('"source": "config:.shiftdown.yaml#0"');
  });

  test('report the same on the real-world corpus (the first 100 files)', () => {
    const corpus = fs.existsSync(CORPUS) ? manifests(CORPUS, 100) : [];
    expect(corpus.length).toBe(100);
    const storing = scanned({ files: corpus, residentResources: 0 });
    expect(storing.text).toBe(reportText({ files: corpus }));
    expect(storing.resources).toBe(502);
    expect(storing.stored).toBe(502);
  });

  test('switch to storing when a scan outgrows the limit it was not expected to reach (Lists)', () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      [
        '- apiVersion: apps/v1',
        '  kind: Deployment',
        `  metadata: {name: app-${i}, namespace: team}`,
        '  spec:',
        `    template: {spec: {containers: [{name: app, image: "app:${i}"}]}}`,
      ].join('\n'),
    );
    const list = { path: 'list.yaml', text: `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n` };
    // One document: the estimate (1) is below the limit, so the scan starts keeping objects; past the
    // 10th resource it stores the 11 read so far, then each one after (once each).
    const storing = scanned({ files: [list], residentResources: 10 });
    expect(storing.text).toBe(reportText({ files: [list] }));
    expect(storing.resources).toBe(30);
    expect(storing.stored).toBe(30);
    expect(scanned({ files: [list], residentResources: 30 }).stored).toBe(0);
  });
});
