import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createShiftdownCheckAction } from '../src/index.js';
import { CATALOG_INFO, HARDENED, RISKY, makeWorkspace } from './fixtures.js';

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
data:
  key: value: other
`;

/** A Deployment with only medium and low findings: score 86, grade B. */
const TYPICAL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: catalog }
  template:
    metadata:
      labels: { app: catalog }
    spec:
      containers:
        - name: catalog
          image: ghcr.io/example/catalog:1.4.2
          resources:
            requests: { cpu: 50m, memory: 64Mi }
`;

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
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

/** A Widget whose size has the wrong type for WIDGET_CRD (line 7). */
const WIDGET =
  'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: payments\nspec:\n  size: large\n';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

interface Run {
  workspace: string;
  error?: unknown;
  outputs: Record<string, unknown>;
  logs: { level: 'info' | 'warn' | 'error'; message: string }[];
}

/** Run the action's handler on a fresh workspace with these files, as the scaffolder would. */
async function run(
  files: Record<string, string>,
  input: Record<string, string | number> = {},
  options: { dryRun?: boolean; prepare?: (workspace: string) => void } = {},
): Promise<Run> {
  const workspace = makeWorkspace(files);
  cleanups.push(workspace.cleanup);
  options.prepare?.(workspace.path);
  // The task log, in order.
  const logs: Run['logs'] = [];
  const record = (level: 'info' | 'warn' | 'error') => (message: string) =>
    void logs.push({ level, message });
  const logger: LoggerService = {
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: () => undefined,
    child: () => logger,
  };
  const ctx = {
    ...createMockActionContext({ workspacePath: workspace.path, input, logger }),
    ...(options.dryRun && { isDryRun: true }),
  };
  let error: unknown;
  try {
    await createShiftdownCheckAction().handler(ctx);
  } catch (e) {
    error = e;
  }
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [name, value]),
  );
  return { workspace: workspace.path, error, outputs, logs };
}

function messageOf(error: unknown): string {
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

const RISKY_FAILURE = [
  'Shiftdown policy check failed for k8s (score 66/100, grade D): 3 findings at or above high.',
  `- node-firewall-tamper (critical) k8s/deployment.yaml:19 — Container "web" runs privileged in a host-network pod: it can rewrite the node's iptables/nftables rules that enforce network policies and metadata-service blocks, and reach any address unfiltered. Fix: Run the workload on the pod network, or drop the privilege: remove \`privileged\` and NET_ADMIN, and keep node-level network agents in a system namespace under tight review. ${DOCS}/node-firewall-tamper.md`,
  `- privileged-container (critical) k8s/deployment.yaml:19 — Container "web" runs privileged: it has full access to the host. Fix: Remove \`privileged: true\` (or set it to \`false\`) and grant only the specific capability the container needs. ${DOCS}/privileged-container.md`,
  `- host-namespaces (high) k8s/deployment.yaml:14 — The pod sets hostNetwork: true: it shares the node network namespace: it can bind node ports, reach node-local services and sniff node traffic. Fix: Remove the host namespace fields (or set them to \`false\`) and expose the workload through a Service. ${DOCS}/host-namespaces.md`,
];

describe('shiftdown:check', () => {
  it('passes a hardened service and sets score, grade, findings and reportPath', async () => {
    const result = await run({ 'catalog-info.yaml': CATALOG_INFO, 'k8s/deployment.yaml': HARDENED });
    expect(result.error).toBeUndefined();
    expect(result.outputs).toEqual({
      score: 100,
      grade: 'A+',
      findings: 0,
      reportPath: '.shiftdown/report.json',
    });
    expect(result.logs.filter((l) => l.level !== 'info')).toEqual([]);
    expect(result.logs.map((l) => l.message)).toEqual([
      'Shiftdown scanned the workspace: 2 files, 5 resources: score 100/100 (A+); 0 critical, 0 high, 0 medium, 0 low, 0 info, 0 suppressed',
      'Shiftdown JSON report: .shiftdown/report.json',
      'Shiftdown policy check passed for the workspace',
    ]);
    const report = JSON.parse(readFileSync(join(result.workspace, '.shiftdown/report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ score: 100, grade: 'A+', files: 2, resources: 5, errors: 0 });
    expect(report.settings.schemaValidator).toBe('embedded (Kubernetes v1.36)');
    // The Backstage entity is read but is no Kubernetes object to validate: no schema-missing finding.
    expect(report.findings).toEqual([]);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ]);
  });

  it('fails a risky service with an InputError listing each violation with its fix and docs link', async () => {
    const result = await run({ 'k8s/deployment.yaml': RISKY }, { path: 'k8s' });
    expect(messageOf(result.error).split('\n')).toEqual(RISKY_FAILURE);
  });

  it('sets the outputs before it throws, and logs every finding with its location and docs link', async () => {
    const result = await run({ 'k8s/deployment.yaml': RISKY }, { path: 'k8s' });
    expect(result.error).toBeInstanceOf(InputError);
    expect(result.outputs).toEqual({
      score: 66,
      grade: 'D',
      findings: 13,
      reportPath: '.shiftdown/report.json',
    });
    const warnings = result.logs.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings).toHaveLength(13);
    expect(warnings).toContain(
      `[critical] privileged-container k8s/deployment.yaml:19:13 — Container "web" runs privileged: it has full access to the host. Docs: ${DOCS}/privileged-container.md`,
    );
    expect(warnings[0]).toBe(
      `[low] default-service-account k8s/deployment.yaml:13:5 — The pod runs as the namespace's "default" ServiceAccount (serviceAccountName is not set), which every pod without its own account shares: permissions granted to it and identities derived from it (SPIFFE IDs, cloud workload identity) apply to all of them. Docs: ${DOCS}/default-service-account.md`,
    );
    expect(result.logs.find((l) => l.message.startsWith('Shiftdown scanned'))?.message).toBe(
      'Shiftdown scanned k8s: 1 file, 1 resource: score 66/100 (D); 2 critical, 1 high, 6 medium, 4 low, 0 info, 0 suppressed',
    );
    // Every finding is in the report file too.
    const report = JSON.parse(readFileSync(join(result.workspace, '.shiftdown/report.json'), 'utf8'));
    expect(report.findings).toHaveLength(13);
  });

  it('behaves the same in a dry run (the template editor shows the real verdict)', async () => {
    const failing = await run({ 'k8s/deployment.yaml': RISKY }, { path: 'k8s' }, { dryRun: true });
    expect(messageOf(failing.error).split('\n')).toEqual(RISKY_FAILURE);
    const passing = await run({ 'k8s/deployment.yaml': HARDENED }, { path: 'k8s' }, { dryRun: true });
    expect(passing.error).toBeUndefined();
    expect(passing.outputs).toEqual({
      score: 100,
      grade: 'A+',
      findings: 0,
      reportPath: '.shiftdown/report.json',
    });
  });

  it('passes a failing service with failOn none, and fails it at critical only on the critical findings', async () => {
    const none = await run({ 'k8s/deployment.yaml': RISKY }, { failOn: 'none' });
    expect(none.error).toBeUndefined();
    expect(none.outputs.score).toBe(66);
    const critical = await run({ 'k8s/deployment.yaml': RISKY }, { failOn: 'critical' });
    const lines = messageOf(critical.error).split('\n');
    expect(lines[0]).toBe(
      'Shiftdown policy check failed for the workspace (score 66/100, grade D): 2 findings at or above critical.',
    );
    expect(lines.slice(1).map((l) => l.split(' — ')[0])).toEqual([
      '- node-firewall-tamper (critical) k8s/deployment.yaml:19',
      '- privileged-container (critical) k8s/deployment.yaml:19',
    ]);
  });

  it('rejects a path that does not exist', async () => {
    const result = await run({ 'k8s/deployment.yaml': HARDENED }, { path: 'manifests' });
    expect(messageOf(result.error)).toBe(
      'path "manifests" does not exist in the task workspace (check the path the fetch:template step renders into)',
    );
    expect(result.outputs).toEqual({});
  });

  it.each([
    ['../outside', 'path "../outside" is outside the task workspace: give a path relative to the workspace'],
    [
      'k8s/../../..',
      'path "k8s/../../.." is outside the task workspace: give a path relative to the workspace',
    ],
    ['/etc', 'path "/etc" is outside the task workspace: give a path relative to the workspace'],
  ])('rejects path %s, which escapes the workspace', async (path, message) => {
    const result = await run({ 'k8s/deployment.yaml': HARDENED }, { path });
    expect(messageOf(result.error)).toBe(message);
  });

  it('rejects a path that leaves the workspace through a symbolic link', async () => {
    const result = await run(
      { 'k8s/deployment.yaml': HARDENED },
      { path: 'linked' },
      {
        prepare: (workspace) => symlinkSync(join(workspace, '..'), join(workspace, 'linked')),
      },
    );
    expect(messageOf(result.error)).toBe(
      'path "linked" leads outside the task workspace through a symbolic link',
    );
  });

  it('rejects a path that cannot be examined, with the reason', async () => {
    const result = await run(
      { 'k8s/deployment.yaml': HARDENED },
      { path: 'loop' },
      { prepare: (workspace) => symlinkSync('loop', join(workspace, 'loop')) },
    );
    expect(messageOf(result.error)).toBe('cannot access loop: too many levels of symbolic links');
    expect(result.outputs).toEqual({});
  });

  it('rejects a reportPath outside the workspace', async () => {
    const result = await run({ 'k8s/deployment.yaml': HARDENED }, { reportPath: '../report.json' });
    expect(messageOf(result.error)).toBe(
      'reportPath "../report.json" is outside the task workspace: give a path relative to the workspace',
    );
  });

  it('lists a file that cannot be parsed as a located error, whatever failOn says', async () => {
    const result = await run(
      { 'k8s/broken.yaml': BROKEN, 'k8s/deployment.yaml': HARDENED },
      { path: 'k8s', failOn: 'none' },
    );
    expect(messageOf(result.error).split('\n')).toEqual([
      'Shiftdown policy check failed for k8s (score 86/100, grade B): 1 file could not be parsed.',
      `- parse-error (high) k8s/broken.yaml:6 — document 1: Nested mappings are not allowed in compact mappings. Fix: Fix the syntax at the reported line (indentation, unclosed brackets or quotes, tabs). ${DOCS}/parse-error.md`,
    ]);
    expect(result.outputs).toMatchObject({ findings: 1 });
    // With failOn high, the parse error is not counted a second time as a finding at or above high.
    const high = await run({ 'k8s/broken.yaml': BROKEN, 'k8s/deployment.yaml': HARDENED }, { path: 'k8s' });
    expect(messageOf(high.error).split('\n')[0]).toBe(
      'Shiftdown policy check failed for k8s (score 86/100, grade B): 1 file could not be parsed.',
    );
  });

  it('fails on minScore and lists the findings that cost score', async () => {
    const passing = await run({ 'k8s/deployment.yaml': TYPICAL }, { minScore: 89 });
    expect(passing.error).toBeUndefined();
    expect(passing.outputs).toEqual({
      score: 89,
      grade: 'B+',
      findings: 12,
      reportPath: '.shiftdown/report.json',
    });
    const failing = await run({ 'k8s/deployment.yaml': TYPICAL }, { minScore: 90 });
    const lines = messageOf(failing.error).split('\n');
    expect(lines[0]).toBe(
      'Shiftdown policy check failed for the workspace (score 89/100, grade B+): score 89 is below the minimum 90.',
    );
    // Most severe first, then by location; the info finding costs nothing and is not listed.
    expect(lines.slice(1).map((l) => l.split(' — ')[0])).toEqual([
      '- imds-reachable (medium) k8s/deployment.yaml:11',
      '- network-policy-missing (medium) k8s/deployment.yaml:11',
      '- network-policy-missing (medium) k8s/deployment.yaml:11',
      '- service-account-token-automount (medium) k8s/deployment.yaml:13',
      '- privilege-escalation-allowed (medium) k8s/deployment.yaml:15',
      '- run-as-non-root (medium) k8s/deployment.yaml:15',
      '- seccomp-profile-missing (medium) k8s/deployment.yaml:15',
      '- memory-limit-missing (medium) k8s/deployment.yaml:17',
      '- default-service-account (low) k8s/deployment.yaml:13',
      '- capabilities-not-dropped (low) k8s/deployment.yaml:15',
      '…and 1 more: every finding is in the task log and .shiftdown/report.json.',
    ]);
    expect(lines[4]).toBe(
      `- service-account-token-automount (medium) k8s/deployment.yaml:13 — The pod does not set automountServiceAccountToken: false and the namespace's "default" ServiceAccount is not in the scan, so Kubernetes mounts its API token into every container unless that ServiceAccount disables it: anyone who gets code execution in the pod can use it against the Kubernetes API with its RBAC permissions. Fix: Disable the automount on the ServiceAccount (it then applies to every pod using it) or on the pod. ${DOCS}/service-account-token-automount.md`,
    );
    // A long remediation is cut in the message; the docs link has all of it.
    expect(lines[1]).toMatch(
      / Fix: Select every pod with an egress policy .{100,}… https:\/\/github\.com\/shiftdown-dev\/shiftdown\/blob\/main\/docs\/rules\/imds-reachable\.md$/,
    );
  });

  it.each([
    ['B', undefined],
    ['B+', undefined],
    ['E', undefined],
    ['A-', 'grade B+ is below the minimum A-'],
    ['A', 'grade B+ is below the minimum A'],
  ])('minGrade %s on a grade B+ service', async (minGrade, reason) => {
    const result = await run({ 'k8s/deployment.yaml': TYPICAL }, { minGrade });
    if (reason === undefined) expect(result.error).toBeUndefined();
    else
      expect(messageOf(result.error).split('\n')[0]).toBe(
        `Shiftdown policy check failed for the workspace (score 89/100, grade B+): ${reason}.`,
      );
  });

  it('caps the list at ten violations and says how many more there are; the log has them all', async () => {
    const result = await run(
      { 'a/deployment.yaml': TYPICAL, 'b/deployment.yaml': TYPICAL.replace(/catalog/g, 'orders') },
      { failOn: 'low' },
    );
    const lines = messageOf(result.error).split('\n');
    expect(lines[0]).toBe(
      'Shiftdown policy check failed for the workspace (score 89/100, grade B+): 22 findings at or above low.',
    );
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('…and 12 more: every finding is in the task log and .shiftdown/report.json.');
    expect(result.logs.filter((l) => l.level === 'warn')).toHaveLength(24); // the two info findings too
  });

  it('honours the nearest .shiftdown.yaml inside the workspace (failOn, exclude), never one above it', async () => {
    const config = 'failOn: critical\nexclude:\n  - legacy\n';
    const result = await run({
      '.shiftdown.yaml': config,
      'k8s/deployment.yaml': TYPICAL,
      'legacy/deployment.yaml': RISKY,
    });
    expect(result.error).toBeUndefined();
    expect(result.logs[0]).toEqual({ level: 'info', message: 'Using Shiftdown config .shiftdown.yaml' });
    expect(result.outputs).toMatchObject({ score: 89, findings: 12 });
    // The config is read as the config only: not scanned as a manifest, so not reported as a skipped document.
    const report = JSON.parse(readFileSync(join(result.workspace, '.shiftdown/report.json'), 'utf8'));
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['k8s/deployment.yaml']);
    expect(result.logs.filter((l) => l.message.includes('skipped'))).toEqual([]);
    expect(result.logs.find((l) => l.message.startsWith('Shiftdown scanned'))?.message).toBe(
      'Shiftdown scanned the workspace: 1 file, 1 resource: score 89/100 (B+); 0 critical, 0 high, 8 medium, 3 low, 1 info, 0 suppressed',
    );

    const nested = await run(
      { 'k8s/.shiftdown.yml': 'minScore: 95\n', 'k8s/deployment.yaml': TYPICAL },
      { path: 'k8s' },
    );
    expect(messageOf(nested.error).split('\n')[0]).toBe(
      'Shiftdown policy check failed for k8s (score 89/100, grade B+): score 89 is below the minimum 95.',
    );

    const above = await run(
      { 'k8s/deployment.yaml': RISKY },
      { path: 'k8s' },
      {
        prepare: (workspace) => writeFileSync(join(workspace, '..', '.shiftdown.yaml'), 'failOn: none\n'),
      },
    );
    expect(messageOf(above.error).split('\n')[0]).toBe(
      'Shiftdown policy check failed for k8s (score 66/100, grade D): 3 findings at or above high.',
    );

    const inputWins = await run(
      { '.shiftdown.yaml': 'failOn: none\n', 'k8s/deployment.yaml': RISKY },
      { failOn: 'high' },
    );
    expect(messageOf(inputWins.error).split('\n')[0]).toBe(
      'Shiftdown policy check failed for the workspace (score 66/100, grade D): 3 findings at or above high.',
    );
  });

  it('logs suppressed findings with their reason and does not count them', async () => {
    const suppressed = TYPICAL.replace(
      '  template:\n    metadata:\n',
      '  template:\n    metadata:\n      annotations:\n        ignore.shiftdown.dev/memory-limit-missing: "sized by the VPA (OPS-12)"\n',
    );
    const result = await run({ 'k8s/deployment.yaml': suppressed });
    expect(result.error).toBeUndefined();
    expect(result.outputs).toMatchObject({ findings: 11 });
    expect(result.logs.filter((l) => l.message.includes('memory-limit-missing'))).toEqual([
      {
        level: 'info',
        message: `[medium] memory-limit-missing k8s/deployment.yaml:19:11 — Container "catalog" has no memory limit: it can use all of the node's memory, and under memory pressure the kernel or the kubelet kills other pods on the node to make room. Docs: ${DOCS}/memory-limit-missing.md (suppressed: sized by the VPA (OPS-12) [annotation:ignore.shiftdown.dev/memory-limit-missing (pod template)])`,
      },
    ]);
  });

  it('reports an invalid .shiftdown.yaml with located lines', async () => {
    const result = await run({ '.shiftdown.yaml': 'failOn: severe\n', 'k8s/deployment.yaml': HARDENED });
    expect(messageOf(result.error)).toMatch(
      /^invalid config file \.shiftdown\.yaml:\n\.shiftdown\.yaml:1:9: /,
    );
  });

  it('validates schemas with the embedded validator unless schemaValidation is off', async () => {
    const wrongType = HARDENED.replace('replicas: 3', 'replicas: three');
    const embedded = await run({ 'k8s/deployment.yaml': wrongType });
    expect(
      messageOf(embedded.error)
        .split('\n')
        .map((l) => l.split(' Fix: ')[0]),
    ).toEqual([
      'Shiftdown policy check failed for the workspace (score 86/100, grade B): 1 finding at or above high.',
      '- schema-invalid (high) k8s/deployment.yaml:14 — spec.replicas has the wrong type: expected integer, but got string "three".',
    ]);
    const off = await run({ 'k8s/deployment.yaml': wrongType }, { schemaValidation: 'off' });
    expect(off.error).toBeUndefined();
  });

  it("validates custom resources against the config's schema.crdPaths, inside the workspace only", async () => {
    const files = {
      '.shiftdown.yaml': 'schema:\n  validator: kubeconform\n  crdPaths: [crds]\n',
      'crds/widget.yaml': WIDGET_CRD,
      'k8s/deployment.yaml': HARDENED,
      'k8s/widget.yaml': WIDGET,
    };
    const withCrds = await run(files, { path: 'k8s' });
    expect(
      messageOf(withCrds.error)
        .split('\n')
        .map((l) => l.split(' Fix: ')[0]),
    ).toEqual([
      'Shiftdown policy check failed for k8s (score 86/100, grade B): 1 finding at or above high.',
      '- schema-invalid (high) k8s/widget.yaml:7 — spec.size has the wrong type: expected integer, but got string "large".',
    ]);
    expect(withCrds.logs.slice(0, 2)).toEqual([
      { level: 'info', message: 'Using Shiftdown config .shiftdown.yaml' },
      {
        level: 'info',
        message:
          '.shiftdown.yaml asks for schema validator "kubeconform": the scaffolder action validates with the embedded schemas',
      },
    ]);

    const { '.shiftdown.yaml': _config, ...withoutConfig } = files;
    const withoutCrds = await run(withoutConfig, { path: 'k8s' });
    expect(withoutCrds.error).toBeUndefined();
    expect(withoutCrds.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /^\[info\] schema-missing k8s\/widget\.yaml:2:1 — No schema for Widget example\.com\/v1: /,
      ),
    );

    const outside = await run(
      { ...files, '.shiftdown.yaml': 'schema:\n  crdPaths: [../crds]\n' },
      { path: 'k8s' },
    );
    expect(messageOf(outside.error)).toBe(
      '.shiftdown.yaml: schema.crdPaths ../crds is outside the task workspace',
    );
    const missing = await run(
      { ...files, '.shiftdown.yaml': 'schema:\n  crdPaths: [vendor/crds]\n' },
      { path: 'k8s' },
    );
    expect(messageOf(missing.error)).toBe(
      '.shiftdown.yaml: schema.crdPaths not found in the task workspace: vendor/crds',
    );
  });

  it('parses a schema.crdPaths file that the scan reads too only once, as a scanned file', async () => {
    const result = await run(
      {
        '.shiftdown.yaml': 'schema:\n  crdPaths: [k8s/crds]\n',
        // Its CRD is used for the scan; its broken second document is one parse error, not also a CRD warning.
        'k8s/crds/widget.yaml': `${WIDGET_CRD}---\nbroken: [\n`,
        'k8s/widget.yaml': WIDGET,
      },
      { path: 'k8s', failOn: 'none' },
    );
    expect(
      messageOf(result.error)
        .split('\n')
        .map((l) => l.split(' Fix: ')[0]),
    ).toEqual([
      'Shiftdown policy check failed for k8s (score 84/100, grade B): 1 file could not be parsed.',
      '- parse-error (high) k8s/crds/widget.yaml:23 — document 2: Flow sequence in block collection must be sufficiently indented and end with a ].',
      '- schema-invalid (high) k8s/widget.yaml:7 — spec.size has the wrong type: expected integer, but got string "large".',
    ]);
    expect(
      result.logs.filter((l) => l.message.includes('k8s/crds/widget.yaml')).map((l) => l.message),
    ).toEqual([
      expect.stringMatching(
        /^\[high\] parse-error k8s\/crds\/widget\.yaml:23:1 — document 2: Flow sequence /,
      ),
    ]);

    // Outside the scanned path, the file is read for its CRDs only: its error is a warning, the CRD is used.
    const apart = await run(
      {
        '.shiftdown.yaml': 'schema:\n  crdPaths: [crds]\n',
        'crds/widget.yaml': `${WIDGET_CRD}---\nbroken: [\n`,
        'k8s/widget.yaml': WIDGET,
      },
      { path: 'k8s' },
    );
    expect(
      messageOf(apart.error)
        .split('\n')
        .map((l) => l.split(' Fix: ')[0]),
    ).toEqual([
      'Shiftdown policy check failed for k8s (score 84/100, grade B): 1 finding at or above high.',
      '- schema-invalid (high) k8s/widget.yaml:7 — spec.size has the wrong type: expected integer, but got string "large".',
    ]);
    expect(apart.logs.filter((l) => l.message.includes('crds/widget.yaml'))).toEqual([
      {
        level: 'warn',
        message:
          'crds/widget.yaml:23:1: document 2: Flow sequence in block collection must be sufficiently indented and end with a ] (CRD file)',
      },
    ]);
  });

  it('fails when the path holds no Kubernetes manifests', async () => {
    const empty = await run({ 'README.md': '# hello\n' });
    expect(messageOf(empty.error)).toBe(
      'Shiftdown policy check failed for the workspace (score 100/100, grade A+): no manifests (*.yaml, *.yml, *.json) found.',
    );
    const entitiesOnly = await run({ 'catalog-info.yaml': CATALOG_INFO, 'mkdocs.yml': 'site_name: x\n' });
    expect(messageOf(entitiesOnly.error)).toBe(
      'Shiftdown policy check failed for the workspace (score 100/100, grade A+): no Kubernetes objects found in 2 files.',
    );
    // The log says why a file was not checked.
    expect(entitiesOnly.logs[0]).toEqual({
      level: 'info',
      message: 'mkdocs.yml:1 skipped: not a Kubernetes object: no apiVersion and kind',
    });
  });

  it('does not read a manifest that links outside the workspace, and fails on it', async () => {
    const result = await run(
      { 'k8s/deployment.yaml': HARDENED },
      {},
      {
        prepare: (workspace) => {
          writeFileSync(join(workspace, '..', 'secret.yaml'), RISKY);
          symlinkSync(join(workspace, '..', 'secret.yaml'), join(workspace, 'k8s', 'leak.yaml'));
        },
      },
    );
    expect(messageOf(result.error).split('\n')).toEqual([
      'Shiftdown policy check failed for the workspace (score 100/100, grade A+): 1 file could not be read.',
      '- k8s/leak.yaml — cannot read k8s/leak.yaml: symbolic link leads outside the task workspace; not read.',
    ]);
    expect(result.logs).toContainEqual({
      level: 'error',
      message: 'cannot read k8s/leak.yaml: symbolic link leads outside the task workspace; not read',
    });
  });

  it('writes the report where reportPath says, and does not scan a report left there by an earlier step', async () => {
    const result = await run(
      { 'k8s/deployment.yaml': HARDENED },
      { reportPath: 'reports/policy.json' },
      {
        prepare: (workspace) => {
          mkdirSync(join(workspace, 'reports'));
          writeFileSync(join(workspace, 'reports', 'policy.json'), '{"version": "1.0.0"}');
        },
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.outputs.reportPath).toBe('reports/policy.json');
    const report = JSON.parse(readFileSync(join(result.workspace, 'reports/policy.json'), 'utf8'));
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['k8s/deployment.yaml']);
    expect(existsSync(join(result.workspace, '.shiftdown'))).toBe(false);
  });

  it('rejects an invalid Pod Security Standards version', async () => {
    const result = await run({ 'k8s/deployment.yaml': HARDENED }, { pssVersion: 'v2' });
    expect(messageOf(result.error)).toBe('invalid Pod Security Standards version "v2" (use latest or v1.N)');
  });
});
