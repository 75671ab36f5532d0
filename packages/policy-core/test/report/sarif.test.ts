import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Log, Result, Run } from 'sarif';
import type { Report } from '../../src/types.js';
import { artifactUri, formatSarif, pascalCase } from '../../src/report/sarif.js';
import { buildCleanReport, buildReport } from './fixture.js';

const schemaPath = path.join(
  path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')),
  'sarif-2.1.0.json',
);
const validateSarif = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(
  JSON.parse(readFileSync(schemaPath, 'utf8')) as object,
);

function sarif(report: Report, options = {}): { log: Log; run: Run; results: Result[] } {
  const log = JSON.parse(formatSarif(report, options)) as Log;
  const run = log.runs[0]!;
  return { log, run, results: run.results ?? [] };
}

function expectValid(log: Log): void {
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const DOCS = 'https://github.com/shiftdown-dev/shiftdown/blob/main/docs/rules';

describe('formatSarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(sarif(buildReport()).log);
    expectValid(sarif(buildCleanReport()).log);
  });

  it('the schema check can fail', () => {
    const { log } = sarif(buildReport());
    (log.runs[0]!.results![0] as { level: string }).level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('writes the log envelope and the driver', () => {
    const { log, run } = sarif(buildReport());
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('shiftdown');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://github.com/shiftdown-dev/shiftdown');
    expect(run.originalUriBaseIds?.['%SRCROOT%']).toBeDefined();
    expect(run.originalUriBaseIds).toEqual({
      '%SRCROOT%': { description: { text: 'The root of the scanned repository or directory.' } },
    });
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
  });

  it('keeps results: [] for a clean report', () => {
    const { run } = sarif(buildCleanReport());
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
    expect(run.invocations?.[0]?.toolExecutionNotifications).toEqual([]);
    expect(run.artifacts).toEqual([{ location: { uri: 'manifests/config.yaml', uriBaseId: '%SRCROOT%' } }]);
  });

  it('describes each rule once, sorted by id', () => {
    const { run } = sarif(buildReport());
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([
      'host-path-volume',
      'image-digest',
      'image-tag-latest',
      'missing-resource-limits',
      'privileged-container',
      'rbac-wildcard',
      'run-as-non-root',
    ]);
    expect(rules[4]).toEqual({
      id: 'privileged-container',
      name: 'PrivilegedContainer',
      shortDescription: { text: 'Privileged container' },
      fullDescription: { text: 'Flags containers that set securityContext.privileged to true.' },
      help: {
        text: 'Flags containers that set securityContext.privileged to true.\n\nRemediation: Remove `privileged: true`, or set it to false.',
        markdown: `Flags containers that set securityContext.privileged to true.\n\n**Remediation**\n\nRemove \`privileged: true\`, or set it to false.\n\n[Documentation](${DOCS}/privileged-container.md)`,
      },
      helpUri: `${DOCS}/privileged-container.md`,
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['isolation', 'security', 'baseline'],
        'security-severity': '9.5',
        precision: 'very-high',
        severity: 'critical',
        pss: { level: 'baseline', check: 'privileged', since: 'v1.0' },
      },
    });
    const bySeverity = Object.fromEntries(
      rules.map((r) => [r.id, [r.defaultConfiguration?.level, r.properties?.['security-severity']]]),
    );
    expect(bySeverity).toEqual({
      'host-path-volume': ['error', '8.0'],
      'image-digest': ['note', '0.0'],
      'image-tag-latest': ['warning', '5.5'],
      'missing-resource-limits': ['note', '3.0'],
      'privileged-container': ['error', '9.5'],
      'rbac-wildcard': ['error', '8.0'],
      'run-as-non-root': ['warning', '5.5'],
    });
    expect(rules.find((r) => r.id === 'rbac-wildcard')?.properties?.tags).toEqual(['rbac', 'security']);
    expect(rules.find((r) => r.id === 'run-as-non-root')?.properties?.tags).toEqual([
      'identity',
      'security',
      'restricted',
    ]);
  });

  it('emits one result per finding, in file and position order, with exact regions and levels', () => {
    const { results } = sarif(buildReport());
    expect(
      results.map((r) => {
        const loc = r.locations?.[0]?.physicalLocation;
        const region = loc?.region;
        return [
          r.ruleId,
          r.level,
          loc?.artifactLocation?.uri,
          region?.startLine,
          region?.startColumn,
          region?.endLine,
          region?.endColumn,
          r.partialFingerprints?.['shiftdown/v1'],
        ];
      }),
    ).toEqual([
      ['run-as-non-root', 'warning', 'manifests/api/deployment.yaml', 22, 11, 22, 20, '0b8d3c2a6e1f7a94'],
      ['image-tag-latest', 'warning', 'manifests/api/deployment.yaml', 23, 18, 23, 41, '7b9d1f3e5a0c2e46'],
      ['privileged-container', 'error', 'manifests/api/deployment.yaml', 31, 13, 31, 23, '9f2e4a1b7c3d5e60'],
      ['host-path-volume', 'error', 'manifests/api/deployment.yaml', 44, 11, 45, 37, '3a7f9c0d2b4e6f18'],
      ['rbac-wildcard', 'error', 'manifests/rbac.yaml', 8, 12, 8, 17, 'e1f3a5c7b9d02468'],
      ['missing-resource-limits', 'note', 'manifests/worker.yaml', 20, 15, 20, 22, 'c4e6a8b0d2f41357'],
      ['image-digest', 'note', 'manifests/worker.yaml', 21, 22, 21, 34, '5d1c0b7e9a2f4c61'],
    ]);
  });

  it('writes the whole result of a finding', () => {
    const { results } = sarif(buildReport());
    expect(results[2]).toEqual({
      ruleId: 'privileged-container',
      ruleIndex: 4,
      level: 'error',
      message: { text: 'Container "api" runs privileged: it has every capability and the host\'s devices' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'manifests/api/deployment.yaml', uriBaseId: '%SRCROOT%', index: 1 },
            region: { startLine: 31, startColumn: 13, endLine: 31, endColumn: 23 },
          },
          logicalLocations: [{ name: 'api', fullyQualifiedName: 'Deployment/prod/api', kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'shiftdown/v1': '9f2e4a1b7c3d5e60' },
      properties: {
        severity: 'critical',
        category: 'isolation',
        container: 'api',
        field: 'spec.template.spec.containers[0].securityContext.privileged',
      },
    });
    expect(results[4]?.locations?.[0]?.logicalLocations).toEqual([
      { name: 'ci-admin', fullyQualifiedName: 'ClusterRole/ci-admin', kind: 'resource' },
    ]);
  });

  it('keeps ruleIndex and artifact index consistent', () => {
    const { run, results } = sarif(buildReport());
    const rules = run.tool.driver.rules ?? [];
    const artifacts = run.artifacts ?? [];
    expect(results).toHaveLength(7);
    for (const result of results) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const location = result.locations![0]!.physicalLocation!.artifactLocation!;
      expect(artifacts[location.index!]?.location?.uri).toBe(location.uri);
    }
  });

  it('lists every file as an artifact, sorted by path', () => {
    const { run } = sarif(buildReport());
    expect(run.artifacts?.map((a) => a.location?.uri)).toEqual([
      'charts/web/templates/deployment.yaml',
      'manifests/api/deployment.yaml',
      'manifests/broken.yaml',
      'manifests/config.yaml',
      'manifests/rbac.yaml',
      'manifests/worker.yaml',
    ]);
  });

  it('lists files named only by a finding too, once per URI', () => {
    const report = buildReport();
    const first = report.findings[0]!;
    report.findings.push(
      { ...first, file: '.shiftdown.yaml', line: 3, endLine: 3, fingerprint: 'cfg' },
      { ...first, file: 'manifests\\worker.yaml', fingerprint: 'backslash' },
    );
    const { run, results } = sarif(report);
    const uris = run.artifacts?.map((a) => a.location?.uri);
    expect(uris).toEqual([
      '.shiftdown.yaml',
      'charts/web/templates/deployment.yaml',
      'manifests/api/deployment.yaml',
      'manifests/broken.yaml',
      'manifests/config.yaml',
      'manifests/rbac.yaml',
      'manifests/worker.yaml',
    ]);
    const config = results.find((r) => r.partialFingerprints?.['shiftdown/v1'] === 'cfg');
    expect(config?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: '.shiftdown.yaml',
      uriBaseId: '%SRCROOT%',
      index: 0,
    });
  });

  it('carries suppressions: inSource for annotations, external for config exemptions', () => {
    const report = buildReport();
    const { results } = sarif(report);
    expect(results.filter((r) => r.suppressions).map((r) => [r.ruleId, r.suppressions])).toEqual([
      [
        'run-as-non-root',
        [
          {
            kind: 'inSource',
            status: 'accepted',
            justification: 'legacy image needs root until ACME-142 ships',
            properties: { source: 'annotation:ignore.shiftdown.dev/run-as-non-root' },
          },
        ],
      ],
    ]);
    report.findings[2]!.suppressed = {
      reason: 'accepted risk',
      source: 'config:.shiftdown.yaml#0',
      expires: '2030-01-01',
    };
    const external = sarif(report).results.find((r) => r.ruleId === 'run-as-non-root');
    expect(external?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'accepted risk',
        properties: { source: 'config:.shiftdown.yaml#0', expires: '2030-01-01' },
      },
    ]);
  });

  it('reports file errors and skipped documents as located notifications', () => {
    const { run } = sarif(buildReport());
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'note',
            message: { text: 'document skipped: Helm template (contains {{ }}): render it first' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {
                    uri: 'charts/web/templates/deployment.yaml',
                    uriBaseId: '%SRCROOT%',
                    index: 0,
                  },
                  region: { startLine: 1 },
                },
              },
            ],
            descriptor: { id: 'skipped-document' },
          },
          {
            level: 'error',
            message: { text: 'unexpected end of flow sequence' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'manifests/broken.yaml', uriBaseId: '%SRCROOT%', index: 2 },
                  region: { startLine: 4, startColumn: 3 },
                },
              },
            ],
            descriptor: { id: 'input-error' },
          },
        ],
      },
    ]);
  });

  it('uses helpUriBase for the documentation links', () => {
    const { run } = sarif(buildReport(), { helpUriBase: 'https://docs.example.com/rules/' });
    const rule = run.tool.driver.rules?.find((r) => r.id === 'image-digest');
    expect(rule?.helpUri).toBe('https://docs.example.com/rules/image-digest.md');
    expect(rule?.help?.markdown).toContain('[Documentation](https://docs.example.com/rules/image-digest.md)');
  });

  it('describes a rule that the report does not summarise', () => {
    const report = buildReport();
    report.rules = report.rules.filter((r) => r.id !== 'rbac-wildcard');
    const { log, run, results } = sarif(report);
    expectValid(log);
    const result = results.find((r) => r.ruleId === 'rbac-wildcard')!;
    expect(run.tool.driver.rules?.[result.ruleIndex!]).toMatchObject({
      id: 'rbac-wildcard',
      name: 'RbacWildcard',
      helpUri: `${DOCS}/rbac-wildcard.md`,
      defaultConfiguration: { level: 'error' },
    });
  });

  it('is deterministic whatever the input order', () => {
    const a = buildReport();
    const b = buildReport();
    b.findings.reverse();
    b.rules.reverse();
    b.files.reverse();
    expect(formatSarif(b)).toBe(formatSarif(a));
  });

  it('turns paths into URIs', () => {
    expect(artifactUri('manifests\\win\\app.yaml')).toEqual({
      uri: 'manifests/win/app.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactUri('./k8s/my app#1.yaml')).toEqual({
      uri: 'k8s/my%20app%231.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactUri('a:b/c@d+e.yaml')).toEqual({ uri: 'a%3Ab/c@d+e.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactUri('/abs/path.yaml')).toEqual({ uri: 'file:///abs/path.yaml' });
    expect(artifactUri('C:\\work\\x.yaml')).toEqual({ uri: 'file:///C:/work/x.yaml' });

    const report = buildReport();
    for (const f of report.findings) f.file = f.file.replace(/\//g, '\\');
    const { log, results } = sarif(report);
    expectValid(log);
    expect(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      'manifests/api/deployment.yaml',
    );
  });

  it('PascalCases rule ids', () => {
    expect(pascalCase('privileged-container')).toBe('PrivilegedContainer');
    expect(pascalCase('pss-v1.25-seccomp')).toBe('PssV125Seccomp');
  });
});
