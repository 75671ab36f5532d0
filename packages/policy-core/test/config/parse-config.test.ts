import { parseConfig, validateConfigObject } from '../../src/config/parse-config.js';
import { didYouMean } from '../../src/util/did-you-mean.js';
import { configJsonSchema, configJsonSchemaText, CONFIG_SCHEMA } from '../../src/config/schema.js';

const PATH = '.shiftdown.yaml';

function errorsOf(text: string) {
  const result = parseConfig(text, PATH);
  expect(result.config).toBeUndefined();
  return result.errors;
}

describe('parseConfig: valid configs', () => {
  const full = [
    'profile: pss-restricted', // 1
    'pssVersion: v1.33', // 2
    'kubernetesVersion: "1.33"', // 3
    'failOn: medium', // 4
    'minScore: 80', // 5
    'rules:', // 6
    '  privileged-container: off', // 7
    '  host-namespaces: low', // 8
    'exemptions:', // 9
    '  - rule: privileged-container', // 10
    '    kind: DaemonSet', // 11
    '    namespace: kube-system', // 12
    '    name: "node-exporter-*"', // 13
    '    reason: Node exporter needs host access', // 14
    '    expires: 2026-06-30', // 15
    '  - rules: ["*"]', // 16
    '    file: "legacy/**"', // 17
    '    container: sidecar', // 18
    '    reason: Legacy manifests, tracked in OPS-42', // 19
    'include: ["deploy/**/*.yaml"]', // 20
    'exclude:', // 21
    '  - "**/test/**"', // 22
    'workloadKinds:', // 23
    '  - kind: Rollout', // 24
    '    group: argoproj.io', // 25
    '    podSpecPath: spec.template.spec', // 26
    '    podMetadataPath: spec.template.metadata', // 27
    'cloud: aws', // 28
    'namespaces:', // 29
    '  tenant-a: { tenancy: multi }', // 30
    '  payments: {}', // 31
    'customRules:', // 32
    '  - id: team-label', // 33
    '    title: Team label', // 34
    '    expression: "has(object.metadata.labels.team)"', // 35
    '',
  ].join('\n');

  it('accepts every key and normalises exemptions', () => {
    const { config, errors } = parseConfig(full, PATH);
    expect(errors).toEqual([]);
    expect(config).toEqual({
      path: PATH,
      profile: 'pss-restricted',
      pssVersion: 'v1.33',
      kubernetesVersion: '1.33',
      failOn: 'medium',
      minScore: 80,
      rules: { 'privileged-container': 'off', 'host-namespaces': 'low' },
      exemptions: [
        {
          rules: ['privileged-container'],
          kind: 'DaemonSet',
          namespace: 'kube-system',
          name: 'node-exporter-*',
          reason: 'Node exporter needs host access',
          expires: '2026-06-30',
          line: 10,
          column: 5,
        },
        {
          rules: ['*'],
          file: 'legacy/**',
          container: 'sidecar',
          reason: 'Legacy manifests, tracked in OPS-42',
          line: 16,
          column: 5,
        },
      ],
      include: ['deploy/**/*.yaml'],
      exclude: ['**/test/**'],
      workloadKinds: [
        {
          kind: 'Rollout',
          group: 'argoproj.io',
          podSpecPath: 'spec.template.spec',
          podMetadataPath: 'spec.template.metadata',
        },
      ],
      cloud: 'aws',
      namespaces: { 'tenant-a': { tenancy: 'multi' }, payments: {} },
      customRules: [{ id: 'team-label', title: 'Team label', expression: 'has(object.metadata.labels.team)' }],
    });
    expect(config!.exemptions![0]).not.toHaveProperty('rule');
  });

  it('treats an empty file, or one with only comments, as an empty config', () => {
    expect(parseConfig('', PATH)).toEqual({ config: { path: PATH }, errors: [] });
    expect(parseConfig('# nothing here yet\n\n', PATH)).toEqual({ config: { path: PATH }, errors: [] });
    expect(parseConfig('---\n', PATH)).toEqual({ config: { path: PATH }, errors: [] });
  });

  it('accepts `latest`, 1.N and v1.N versions and expiry dates written without quotes', () => {
    const { config, errors } = parseConfig(
      'pssVersion: latest\nkubernetesVersion: v1.34\nexemptions:\n- rule: "*"\n  reason: r\n  expires: 2030-01-31\n',
      PATH,
    );
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ pssVersion: 'latest', kubernetesVersion: 'v1.34' });
    expect(config!.exemptions).toEqual([
      { rules: ['*'], reason: 'r', expires: '2030-01-31', line: 4, column: 3 },
    ]);
  });

  it('records exemption lines through anchors and merge keys', () => {
    const text = [
      'exemptions:', // 1
      '  - &base', // 2
      '    rule: privileged-container', // 3
      '    reason: shared', // 4
      '  - <<: *base', // 5
      '    namespace: other', // 6
      '',
    ].join('\n');
    const { config, errors } = parseConfig(text, PATH);
    expect(errors).toEqual([]);
    expect(config!.exemptions!.map((e) => [e.rules, e.namespace, e.line])).toEqual([
      [['privileged-container'], undefined, 3],
      [['privileged-container'], 'other', 5],
    ]);
  });
});

describe('parseConfig: errors with exact positions', () => {
  it('points at an unknown key and suggests the closest one', () => {
    expect(errorsOf('profle: strict\n')).toEqual([
      { message: 'unknown key "profle" (did you mean "profile"?)', line: 1, column: 1 },
    ]);
    expect(errorsOf('rules: {}\n  \nfailon: high\n')).toEqual([
      { message: 'unknown key "failon" (did you mean "failOn"?)', line: 3, column: 1 },
    ]);
  });

  it('lists the allowed keys when nothing is close', () => {
    const [error] = errorsOf('cloud: aws\nbananas: 3\n');
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(error!.message).toMatch(
      /^unknown key "bananas" \(expected one of: profile, pssVersion, .*customRules, schema\)$/,
    );
  });

  it('points at an unknown key inside an exemption', () => {
    const text = [
      'exemptions:',
      '  - rule: privileged-container',
      '    resaon: typo',
      '    reason: ok',
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      { message: 'exemptions[0]: unknown key "resaon" (did you mean "reason"?)', line: 3, column: 5 },
    ]);
  });

  it('points at the value of an invalid rule setting', () => {
    const text = ['rules:', '  privileged-containr: error', ''].join('\n');
    expect(errorsOf(text)).toEqual([
      {
        message: 'rules.privileged-containr: must be one of off, critical, high, medium, low, info',
        line: 2,
        column: 24,
      },
    ]);
  });

  it('rejects rule ids that are not kebab-case, at the key', () => {
    expect(errorsOf('rules:\n  Privileged_Container: off\n')).toEqual([
      {
        message:
          'rules: "Privileged_Container" is not a valid rule id (lowercase kebab-case, e.g. privileged-container)',
        line: 2,
        column: 3,
      },
    ]);
  });

  it('points at the parent when a required key is missing', () => {
    const text = ['exemptions:', '  - rule: privileged-container', '    kind: Deployment', ''].join('\n');
    expect(errorsOf(text)).toEqual([{ message: 'exemptions[0]: "reason" is required', line: 2, column: 5 }]);
    const kinds = ['workloadKinds:', '  - kind: Rollout', ''].join('\n');
    expect(errorsOf(kinds)).toEqual([
      { message: 'workloadKinds[0]: "podSpecPath" is required', line: 2, column: 5 },
    ]);
  });

  it('needs exactly one of rules and rule', () => {
    const text = [
      'exemptions:', // 1
      '  - reason: nothing named', // 2
      '  - rule: a', // 3
      '    rules: [b]', // 4
      '    reason: both', // 5
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      {
        message: 'exemptions[0]: needs "rules" or "rule" (the rule ids it covers, or "*")',
        line: 2,
        column: 5,
      },
      { message: 'exemptions[1]: use either "rules" or "rule", not both', line: 3, column: 5 },
    ]);
  });

  it('rejects an empty reason and an empty rule list', () => {
    const text = ['exemptions:', '  - rules: []', '    reason: "  "', ''].join('\n');
    expect(errorsOf(text)).toEqual([
      { message: 'exemptions[0].rules: must not be empty', line: 2, column: 12 },
      { message: 'exemptions[0].reason: must not be empty', line: 3, column: 13 },
    ]);
  });

  it('checks expiry dates, rule ids in exemptions and versions', () => {
    const text = [
      'pssVersion: "1.2.3"', // 1
      'exemptions:', // 2
      '  - rules: [privileged container]', // 3
      '    reason: r', // 4
      '    expires: 31/12/2026', // 5
      '  - rule: "*"', // 6
      '    reason: r', // 7
      '    expires: 2026-02-30', // 8
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      {
        message: 'pssVersion: must be "latest" or a version v1.N (e.g. v1.33) (got "1.2.3")',
        line: 1,
        column: 13,
      },
      {
        message:
          'exemptions[0].rules[0]: must be a rule id (lowercase kebab-case, e.g. privileged-container) or "*" (got "privileged container")',
        line: 3,
        column: 13,
      },
      {
        message: 'exemptions[0].expires: must be a date YYYY-MM-DD (e.g. 2026-03-31) (got "31/12/2026")',
        line: 5,
        column: 14,
      },
      { message: 'exemptions[1].expires: 2026-02-30 is not a calendar date', line: 8, column: 14 },
    ]);
  });

  it('explains numbers where strings are needed, with the source text', () => {
    expect(errorsOf('kubernetesVersion: 1.30\n')).toEqual([
      {
        message: 'kubernetesVersion: must be a string (got the number 1.3); write it in quotes: "1.30"',
        line: 1,
        column: 20,
      },
    ]);
  });

  it('reports type, range and enum errors at the value, with suggestions', () => {
    const text = [
      'minScore: 120',
      'failOn: hihg',
      'profile: restricted',
      'include: "*.yaml"',
      'cloud:',
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      { message: 'minScore: must be at most 100 (got the number 120)', line: 1, column: 11 },
      {
        message: 'failOn: must be one of none, critical, high, medium, low, info (did you mean "high"?)',
        line: 2,
        column: 9,
      },
      {
        message:
          'profile: must be one of pss-baseline, pss-restricted, recommended, strict (did you mean "pss-restricted"?)',
        line: 3,
        column: 10,
      },
      { message: 'include: must be a list (got "*.yaml")', line: 4, column: 10 },
      // An empty value is reported at its key.
      { message: 'cloud: must be one of aws, azure, gcp (got nothing)', line: 5, column: 1 },
    ]);
  });

  it('reports every error at once, in source order', () => {
    const text = [
      'namespaces:',
      '  Team_A: {}',
      '  team-b: { tenancy: "", owner: x }',
      'profle: strict',
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      {
        message: 'namespaces: "Team_A" is not a valid namespace name (lowercase letters, digits and "-")',
        line: 2,
        column: 3,
      },
      { message: 'namespaces.team-b.tenancy: must be one of single, multi, untrusted', line: 3, column: 22 },
      { message: 'namespaces.team-b: unknown key "owner" (expected one of: tenancy)', line: 3, column: 26 },
      { message: 'unknown key "profle" (did you mean "profile"?)', line: 4, column: 1 },
    ]);
  });

  it('says when the file is not a mapping', () => {
    expect(errorsOf('- profile: strict\n')).toEqual([
      { message: 'the config must be a mapping (key: value) (got a list)', line: 1, column: 1 },
    ]);
  });

  it('locates YAML syntax errors', () => {
    expect(errorsOf('profile: strict\nrules: [a,\nb: 1\n')).toEqual([
      {
        message:
          'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        line: 3,
        column: 1,
      },
    ]);
    expect(errorsOf('exemptions:\n\t- rule: a\n')).toEqual([
      { message: 'invalid YAML: Tabs are not allowed as indentation', line: 2, column: 1 },
    ]);
  });

  it('locates duplicate keys', () => {
    expect(errorsOf('profile: strict\ncloud: aws\nprofile: recommended\n')).toEqual([
      { message: 'duplicate key "profile": each key may appear only once in a mapping', line: 3, column: 1 },
    ]);
  });

  it('rejects a second YAML document', () => {
    expect(errorsOf('profile: strict\n---\ncloud: aws\n')).toEqual([
      {
        message: 'the config file must contain one YAML document (remove the `---` and merge the documents)',
        line: 3,
        column: 1,
      },
    ]);
  });

  it('reports unknown rule ids in `rules` when the caller knows the rule ids', () => {
    const known = new Set(['privileged-container', 'host-namespaces']);
    const text = 'rules:\n  privileged-containr: off\n  host-namespaces: high\n';
    expect(parseConfig(text, PATH).errors).toEqual([]);
    expect(parseConfig(text, PATH, { knownRuleIds: known }).errors).toEqual([
      {
        message: 'rules: unknown rule "privileged-containr" (did you mean "privileged-container"?)',
        line: 2,
        column: 3,
      },
    ]);
  });
});

describe('validateConfigObject', () => {
  it('validates and normalises a config built in code', () => {
    expect(
      validateConfigObject({
        path: 'action-inputs',
        profile: 'strict',
        exemptions: [{ rule: 'privileged-container', reason: 'ok' }],
      }),
    ).toEqual({
      config: {
        path: 'action-inputs',
        profile: 'strict',
        exemptions: [{ rules: ['privileged-container'], reason: 'ok' }],
      },
      errors: [],
    });
    expect(validateConfigObject(undefined)).toEqual({ config: {}, errors: [] });
  });

  it('gives messages with paths', () => {
    const { config, errors } = validateConfigObject({
      failOn: 'hgh',
      exemptions: [{ rule: 'x' }],
      exlude: [],
    });
    expect(config).toBeUndefined();
    expect(errors).toEqual([
      { message: 'unknown key "exlude" (did you mean "exclude"?)', path: ['exlude'], target: 'key' },
      {
        message: 'failOn: must be one of none, critical, high, medium, low, info (did you mean "high"?)',
        path: ['failOn'],
        target: 'value',
      },
      { message: 'exemptions[0]: "reason" is required', path: ['exemptions', 0], target: 'key' },
    ]);
  });
});

describe('didYouMean', () => {
  it('suggests close matches only', () => {
    expect(didYouMean('profle', ['profile', 'rules'])).toBe('profile');
    expect(didYouMean('Profile', ['profile'])).toBe('profile');
    expect(didYouMean('privileged-containr', ['privileged-container', 'host-pid'])).toBe(
      'privileged-container',
    );
    expect(didYouMean('exmeptions', ['exemptions', 'exclude'])).toBe('exemptions');
    expect(didYouMean('banana', ['profile', 'rules'])).toBeUndefined();
  });
});

describe('config schema', () => {
  it('is draft-07 JSON with no additional properties at the top', () => {
    const schema = configJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual([
      'profile',
      'pssVersion',
      'kubernetesVersion',
      'failOn',
      'minScore',
      'rules',
      'exemptions',
      'include',
      'exclude',
      'workloadKinds',
      'cloud',
      'namespaces',
      'trustedRegistries',
      'sandboxRuntimeClasses',
      'systemNamespaces',
      'customRules',
      'schema',
    ]);
    expect(JSON.parse(configJsonSchemaText())).toEqual(schema);
    // A fresh copy each time: callers cannot change the schema the validator uses.
    (schema.properties as Record<string, unknown>).profile = {};
    expect(CONFIG_SCHEMA.properties.profile.enum).toContain('strict');
  });
});

describe('schema settings', () => {
  it('accepts every schema key and reports wrong values at their position', () => {
    const ok = parseConfig(
      'schema:\n  validator: kubeconform\n  kubeconformPath: bin/kubeconform\n  schemaLocations: [default]\n' +
        '  crdPaths: [crds]\n  skipKinds: [Secret]\n  ignoreMissingSchemas: true\n',
      '.shiftdown.yaml',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.config?.schema).toEqual({
      validator: 'kubeconform',
      kubeconformPath: 'bin/kubeconform',
      schemaLocations: ['default'],
      crdPaths: ['crds'],
      skipKinds: ['Secret'],
      ignoreMissingSchemas: true,
    });
    const bad = parseConfig('schema:\n  validator: strict\n  crdPath: [x]\n', '.shiftdown.yaml');
    expect(bad.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '2:14 schema.validator: must be one of auto, embedded, kubeconform, off',
      '3:3 schema: unknown key "crdPath" (did you mean "crdPaths"?)',
    ]);
  });
});
