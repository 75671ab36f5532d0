import type { Finding } from '../../src/types.js';
import { applySuppressions } from '../../src/suppress/apply.js';
import { parseConfig } from '../../src/config/parse-config.js';
import type { ShiftdownConfig } from '../../src/config/types.js';
import { fileFinding } from '../../src/engine/file-findings.js';
import { PARSE_ERROR } from '../../src/rules/builtin.js';
import { KNOWN_RULE_IDS, privilegedFindings, resourcesOf, yaml } from './helpers.js';

const TODAY = '2026-05-01';

/** A Deployment with two privileged containers (app on line 18, agent on line 22). */
function deployment(
  objectAnnotations: string[] = [],
  templateAnnotations: string[] = [],
  file = 'deploy/web.yaml',
) {
  const text = yaml(
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: web', // 4
    '  namespace: shop', // 5
    '  annotations:', // 6
    ...pad(
      objectAnnotations.map((a) => `    ${a}`),
      2,
      '    team: shop',
    ), // 7-8
    'spec:', // 9
    '  template:', // 10
    '    metadata:', // 11
    '      annotations:', // 12
    ...pad(
      templateAnnotations.map((a) => `        ${a}`),
      2,
      '        prometheus.io/scrape: "true"',
    ), // 13-14
    '    spec:', // 15
    '      containers:', // 16
    '      - name: app', // 17
    '        securityContext: {privileged: true}', // 18
    '      - name: agent', // 19
    '        image: agent:1', // 20
    '        securityContext:', // 21
    '          privileged: true', // 22
  );
  const [resource] = resourcesOf(text, file);
  return { resource: resource!, items: privilegedFindings(resource!) };
}

/** Keep line numbers fixed: fill up to `count` lines with a harmless annotation. */
function pad(lines: string[], count: number, filler: string): string[] {
  const out = [...lines];
  while (out.length < count) out.push(filler.replace(/^(\s*)([\w./-]+)/, `$1$2-${out.length}`));
  return out;
}

function apply(
  items: { finding: Finding; resource?: ReturnType<typeof deployment>['resource'] }[],
  config?: ShiftdownConfig,
  today = TODAY,
) {
  return applySuppressions(items, { knownRuleIds: KNOWN_RULE_IDS, today, ...(config && { config }) });
}

function config(text: string): ShiftdownConfig {
  const result = parseConfig(text, '.shiftdown.yaml');
  expect(result.errors).toEqual([]);
  return result.config!;
}

const suppressionOf = (findings: Finding[]) => findings.map((f) => [f.container, f.suppressed]);

describe('annotations', () => {
  it('an object-level annotation suppresses the rule for every container', () => {
    const { items } = deployment([
      'ignore.shiftdown.dev/privileged-container: "node agent, reviewed in SEC-12"',
    ]);
    const { findings, extra } = apply(items);
    const suppressed = {
      reason: 'node agent, reviewed in SEC-12',
      source: 'annotation:ignore.shiftdown.dev/privileged-container',
    };
    expect(suppressionOf(findings)).toEqual([
      ['app', suppressed],
      ['agent', suppressed],
    ]);
    expect(extra).toEqual([]);
  });

  it('a pod-template annotation on a Deployment suppresses too, and says it came from the template', () => {
    const { items } = deployment([], ['ignore.shiftdown.dev/privileged-container: "needs /dev access"']);
    const { findings } = apply(items);
    expect(findings.map((f) => f.suppressed)).toEqual([
      {
        reason: 'needs /dev access',
        source: 'annotation:ignore.shiftdown.dev/privileged-container (pod template)',
      },
      {
        reason: 'needs /dev access',
        source: 'annotation:ignore.shiftdown.dev/privileged-container (pod template)',
      },
    ]);
  });

  it('a container-level annotation suppresses only that container', () => {
    const { items } = deployment([], ['ignore.shiftdown.dev/privileged-container.agent: "eBPF agent"']);
    const { findings, extra } = apply(items);
    expect(suppressionOf(findings)).toEqual([
      ['app', undefined],
      [
        'agent',
        {
          reason: 'eBPF agent',
          source: 'annotation:ignore.shiftdown.dev/privileged-container.agent (pod template)',
        },
      ],
    ]);
    expect(extra).toEqual([]);
  });

  it('an annotation for another container does nothing to this one', () => {
    const { resource } = deployment(['ignore.shiftdown.dev/privileged-container.app: "app only"']);
    const agentOnly = privilegedFindings(resource).filter((item) => item.finding.container === 'agent');
    const { findings, extra } = apply(agentOnly);
    expect(findings[0]!.suppressed).toBeUndefined();
    expect(extra).toEqual([]);
  });

  it('an annotation for another rule does nothing', () => {
    const { items } = deployment(['ignore.shiftdown.dev/host-namespaces: "hostNetwork for the CNI"']);
    expect(apply(items).findings.every((f) => f.suppressed === undefined)).toBe(true);
  });

  it('the most specific annotation gives the reason', () => {
    const { items } = deployment(
      ['ignore.shiftdown.dev/privileged-container: "object"'],
      [
        'ignore.shiftdown.dev/privileged-container: "template"',
        'ignore.shiftdown.dev/privileged-container.app: "container"',
      ],
    );
    expect(apply(items).findings.map((f) => f.suppressed?.reason)).toEqual(['container', 'object']);
  });

  it('an empty reason is recorded as such', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-container: ""']);
    expect(apply(items).findings[0]!.suppressed).toEqual({
      reason: '(no reason given)',
      source: 'annotation:ignore.shiftdown.dev/privileged-container',
    });
  });

  it('an unknown rule id is reported at the annotation, and suppresses nothing', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-containr: "typo"']);
    const { findings, extra } = apply(items);
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
    expect(extra).toHaveLength(1);
    expect(extra[0]).toMatchObject({
      ruleId: 'unknown-suppression',
      severity: 'low',
      category: 'validity',
      message:
        'Annotation "ignore.shiftdown.dev/privileged-containr" names an unknown rule "privileged-containr" ' +
        '(did you mean "privileged-container"?); it suppresses nothing.',
      file: 'deploy/web.yaml',
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 53,
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      field: 'metadata.annotations["ignore.shiftdown.dev/privileged-containr"]',
    });
    expect(extra[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a container the resource does not have is reported at the annotation', () => {
    const { items } = deployment(
      [],
      ['ignore.shiftdown.dev/privileged-container.agnet: "typo in the container"'],
    );
    const { findings, extra } = apply(items);
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
    expect(extra.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      [
        'unknown-suppression',
        13,
        9,
        'Annotation "ignore.shiftdown.dev/privileged-container.agnet" names container "agnet", which Deployment shop/web ' +
          'does not have (its containers: app, agent), so it suppresses nothing. Did you mean "agent"?',
      ],
    ]);
  });

  it('a misspelt prefix is reported', () => {
    const { items } = deployment(['ignore.shiftdown.io/privileged-container: "wrong domain"']);
    const { findings, extra } = apply(items);
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
    expect(extra.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      [
        'unknown-suppression',
        7,
        'Annotation "ignore.shiftdown.io/privileged-container" looks like a Shiftdown suppression but is not one; ' +
          'use "ignore.shiftdown.dev/privileged-container". It suppresses nothing.',
      ],
    ]);
  });

  it('checks annotations on resources without findings when given every resource', () => {
    const [service] = resourcesOf(
      yaml(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        '  annotations:',
        '    ignore.shiftdown.dev/no-such-rule: "x"',
      ),
      'deploy/svc.yaml',
    );
    const { extra } = applySuppressions([], {
      knownRuleIds: KNOWN_RULE_IDS,
      today: TODAY,
      resources: [service!],
    });
    expect(extra.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([
      ['unknown-suppression', 'deploy/svc.yaml', 6, 5],
    ]);
  });

  it('honours `rules: {unknown-suppression: off}` and severity overrides', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-containr: "typo"']);
    expect(apply(items, { rules: { 'unknown-suppression': 'off' } }).extra).toEqual([]);
    expect(apply(items, { rules: { 'unknown-suppression': 'high' } }).extra.map((f) => f.severity)).toEqual([
      'high',
    ]);
  });
});

describe('config exemptions', () => {
  it('match by kind, namespace, name, file and container globs', () => {
    const { items } = deployment();
    const cases: [string, (string | undefined)[]][] = [
      ['kind: deployment\n    namespace: "sh*"\n    name: "w?b"', ['r', 'r']],
      ['file: "deploy/**/*.yaml"', ['r', 'r']],
      ['container: "ag*"', [undefined, 'r']],
      ['namespace: other', [undefined, undefined]],
      ['kind: StatefulSet', [undefined, undefined]],
      ['file: "charts/**"', [undefined, undefined]],
      ['namespace: ""', [undefined, undefined]],
    ];
    for (const [selectors, expected] of cases) {
      const cfg = config(`exemptions:\n  - rule: privileged-container\n    ${selectors}\n    reason: r\n`);
      expect([selectors, apply(items, cfg).findings.map((f) => f.suppressed?.reason)]).toEqual([
        selectors,
        expected,
      ]);
    }
  });

  it('marks findings with the reason, the source and the expiry', () => {
    const { items } = deployment();
    const cfg = config(
      yaml(
        'exemptions:', // 1
        '  - rule: host-namespaces', // 2
        '    reason: not this one', // 3
        '  - rules: [privileged-container]', // 4
        '    name: web', // 5
        '    reason: GPU driver installer', // 6
        '    expires: 2026-12-31', // 7
      ),
    );
    const { findings, extra } = apply(items, cfg);
    expect(findings[0]!.suppressed).toEqual({
      reason: 'GPU driver installer',
      source: 'config:.shiftdown.yaml#1',
      expires: '2026-12-31',
    });
    expect(extra).toEqual([]);
  });

  it('match resources without a namespace with namespace ""', () => {
    const [pod] = resourcesOf(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: debug}',
        'spec:',
        '  containers:',
        '  - name: sh',
        '    securityContext: {privileged: true}',
      ),
    );
    const items = privilegedFindings(pod!);
    const cfg = config(
      'exemptions:\n  - rule: "*"\n    namespace: ""\n    reason: cluster-admin debug pods\n',
    );
    expect(apply(items, cfg).findings[0]!.suppressed?.reason).toBe('cluster-admin debug pods');
  });

  it('an expired exemption does not apply and is reported where it is written', () => {
    const { items } = deployment();
    const cfg = config(
      yaml(
        'profile: recommended', // 1
        'exemptions:', // 2
        '  - rule: privileged-container', // 3
        '    reason: migration to the device plugin', // 4
        '    expires: 2026-04-30', // 5
      ),
    );
    const { findings, extra } = apply(items, cfg);
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
    expect(extra).toEqual([
      {
        ruleId: 'expired-exemption',
        severity: 'info',
        category: 'validity',
        message:
          'exemptions[0] (rules: privileged-container) expired on 2026-04-30 and no longer suppresses anything ' +
          '(it was granted because: "migration to the device plugin").',
        file: '.shiftdown.yaml',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 5,
        resource: { kind: 'Config', name: '.shiftdown.yaml' },
        field: 'exemptions[0]',
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });

  it('an exemption still applies on its expiry day', () => {
    const { items } = deployment();
    const cfg = config(
      'exemptions:\n  - rule: privileged-container\n    reason: r\n    expires: 2026-05-01\n',
    );
    const { findings, extra } = apply(items, cfg, '2026-05-01');
    expect(findings.map((f) => f.suppressed?.expires)).toEqual(['2026-05-01', '2026-05-01']);
    expect(extra).toEqual([]);
    expect(apply(items, cfg, '2026-05-02').extra.map((f) => f.ruleId)).toEqual(['expired-exemption']);
  });

  it('a later exemption applies when an earlier one has expired', () => {
    const { items } = deployment();
    const cfg = config(
      'exemptions:\n  - rule: privileged-container\n    reason: old\n    expires: 2025-01-01\n  - rule: privileged-container\n    reason: renewed\n',
    );
    expect(apply(items, cfg).findings.map((f) => f.suppressed?.source)).toEqual([
      'config:.shiftdown.yaml#1',
      'config:.shiftdown.yaml#1',
    ]);
  });

  it('an unknown rule id in an exemption is reported at the exemption', () => {
    const cfg = config(
      yaml(
        'cloud: aws',
        'exemptions:',
        '  - rules: [privileged-container, privileged-containr]',
        '    reason: r',
      ),
    );
    const { extra } = applySuppressions([], {
      config: cfg,
      knownRuleIds: KNOWN_RULE_IDS,
      today: TODAY,
      configPath: 'ops/.shiftdown.yaml',
    });
    expect(extra.map((f) => [f.ruleId, f.file, f.line, f.column, f.resource, f.message])).toEqual([
      [
        'unknown-suppression',
        'ops/.shiftdown.yaml',
        3,
        5,
        { kind: 'Config', name: 'ops/.shiftdown.yaml' },
        'exemptions[0] names an unknown rule "privileged-containr" (did you mean "privileged-container"?); it suppresses nothing for it.',
      ],
    ]);
  });

  it('an annotation wins over an exemption', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-container: "from the manifest"']);
    const cfg = config('exemptions:\n  - rule: "*"\n    reason: from the config\n');
    expect(apply(items, cfg).findings.map((f) => f.suppressed?.source)).toEqual([
      'annotation:ignore.shiftdown.dev/privileged-container',
      'annotation:ignore.shiftdown.dev/privileged-container',
    ]);
  });

  it('`*` does not cover parse errors or unknown suppressions; naming them does', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-containr: "typo"']);
    const parseError = fileFinding(
      PARSE_ERROR,
      'high',
      'deploy/broken.yaml',
      { line: 3, column: 1 },
      'invalid YAML',
    );
    const all = [...items, { finding: parseError }];

    const wildcard = apply(all, config('exemptions:\n  - rule: "*"\n    reason: everything\n'));
    expect(wildcard.findings.map((f) => [f.ruleId, f.suppressed?.reason])).toEqual([
      ['privileged-container', 'everything'],
      ['privileged-container', 'everything'],
      ['parse-error', undefined],
    ]);
    expect(wildcard.extra.map((f) => [f.ruleId, f.suppressed])).toEqual([['unknown-suppression', undefined]]);

    const named = apply(
      all,
      config('exemptions:\n  - rules: [parse-error, unknown-suppression]\n    reason: known\n'),
    );
    expect(named.findings.map((f) => f.suppressed?.reason)).toEqual([undefined, undefined, 'known']);
    expect(named.extra.map((f) => f.suppressed?.reason)).toEqual(['known']);
  });
});

describe('output', () => {
  it('keeps every finding, in order, and does not change the input', () => {
    const { items } = deployment([], ['ignore.shiftdown.dev/privileged-container.app: "x"']);
    const before = JSON.parse(JSON.stringify(items.map((i) => i.finding))) as Finding[];
    const { findings } = apply(items);
    expect(findings).toHaveLength(items.length);
    expect(findings.map((f) => ({ ...f, suppressed: undefined }))).toEqual(
      before.map((f) => ({ ...f, suppressed: undefined })),
    );
    expect(items.map((i) => i.finding)).toEqual(before);
    expect(findings[0]).toMatchObject({ container: 'app', line: 18, suppressed: { reason: 'x' } });
    expect(findings[1]).toMatchObject({ container: 'agent', line: 22 });
    expect(findings[1]!.suppressed).toBeUndefined();
  });

  it('keeps a suppression a finding already carries', () => {
    const { items } = deployment(['ignore.shiftdown.dev/privileged-container: "annotation"']);
    const marked = items.map((i) => ({
      ...i,
      finding: { ...i.finding, suppressed: { reason: 'baseline', source: 'baseline:x' } },
    }));
    expect(apply(marked).findings.map((f) => f.suppressed?.reason)).toEqual(['baseline', 'baseline']);
  });
});
