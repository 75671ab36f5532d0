import { KubeconformError, countStatuses, parseKubeconformOutput } from '../../src/runner/index.js';
import { readRecording } from './helpers.js';

const VALID_ENTRY = {
  filename: 'a.yaml',
  kind: 'Pod',
  name: 'p',
  version: 'v1',
  status: 'statusValid',
  msg: '',
};

function parseError(text: string): string {
  try {
    parseKubeconformOutput(text);
  } catch (error) {
    expect(error).toBeInstanceOf(KubeconformError);
    return (error as Error).message;
  }
  throw new Error('expected a KubeconformError');
}

describe('parseKubeconformOutput', () => {
  it('reads every field of the recorded output', () => {
    const { resources } = parseKubeconformOutput(readRecording('output.json.txt').stdout);
    expect(resources[1]).toEqual({
      filename: 'cm.json',
      kind: 'ConfigMap',
      name: 'j',
      version: 'v1',
      status: 'statusInvalid',
      msg: "problem validating schema. Check JSON formatting: jsonschema: '/data/k' does not validate with file://SCHEMAS/v1.36.0-standalone-strict/configmap-v1.json#/properties/data/additionalProperties/type: expected string or null, but got number",
      validationErrors: [{ path: '/data/k', msg: 'expected string or null, but got number' }],
    });
    expect(resources[5]).toEqual({
      filename: 'empty.yaml',
      kind: '',
      name: '',
      version: '',
      status: '',
      msg: '',
    });
    expect(resources.map((result) => result.status)).toEqual([
      'statusError',
      'statusInvalid',
      'statusError',
      'statusError',
      'statusError',
      '',
      'statusError',
      'statusError',
      'statusValid',
      'statusInvalid',
      'statusValid',
      'statusError',
      'statusValid',
      '',
      'statusValid',
      'statusInvalid',
      'statusInvalid',
      'statusError',
      'statusInvalid',
      'statusValid',
      'statusInvalid',
    ]);
  });

  it('accepts an empty run and null resources', () => {
    const empty = { valid: 0, invalid: 0, errors: 0, skipped: 0 };
    expect(
      parseKubeconformOutput('{"resources": [], "summary": {"valid":0,"invalid":0,"errors":0,"skipped":0}}'),
    ).toEqual({
      resources: [],
      summary: empty,
    });
    expect(parseKubeconformOutput('{"resources": null}')).toEqual({ resources: [], summary: empty });
  });

  it('computes the summary when the output has none, and defaults a missing name', () => {
    const { name: _name, ...withoutName } = VALID_ENTRY;
    const output = parseKubeconformOutput(
      JSON.stringify({
        resources: [withoutName, { ...VALID_ENTRY, status: 'statusSkipped' }, { ...VALID_ENTRY, status: '' }],
      }),
    );
    expect(output.resources[0]!.name).toBe('');
    expect(output.summary).toEqual({ valid: 1, invalid: 0, errors: 0, skipped: 1 });
  });

  it('quotes the start of output that is not JSON', () => {
    const garbage = `panic: ${'x'.repeat(300)}`;
    expect(parseError(garbage)).toBe(
      `kubeconform printed output that is not JSON: "panic: ${'x'.repeat(193)}…"`,
    );
    expect(parseError('  \n')).toBe('kubeconform printed no output.');
  });

  it.each([
    ['the top level is not an object', '[]'],
    ['"resources" is not an array', '{"resources": {}}'],
    ['resources[0] is not an object', '{"resources": [1]}'],
    ['resources[0].kind is not a string', JSON.stringify({ resources: [{ ...VALID_ENTRY, kind: 3 }] })],
    [
      'resources[1].name is not a string',
      JSON.stringify({ resources: [VALID_ENTRY, { ...VALID_ENTRY, name: null }] }),
    ],
    [
      'resources[0].status "VALID" is not a known status',
      JSON.stringify({ resources: [{ ...VALID_ENTRY, status: 'VALID' }] }),
    ],
    [
      'resources[0].validationErrors is not an array',
      JSON.stringify({ resources: [{ ...VALID_ENTRY, validationErrors: {} }] }),
    ],
    [
      'resources[0].validationErrors[0] is not {path, msg}',
      JSON.stringify({ resources: [{ ...VALID_ENTRY, validationErrors: [{ path: '/a' }] }] }),
    ],
    ['"summary" is not an object', '{"resources": [], "summary": []}'],
    [
      'summary.valid is not a count',
      '{"resources": [], "summary": {"valid": -1, "invalid": 0, "errors": 0, "skipped": 0}}',
    ],
    [
      'summary.skipped is not a count',
      '{"resources": [], "summary": {"valid": 0, "invalid": 0, "errors": 0}}',
    ],
  ])('rejects output whose %s', (what, text) => {
    expect(parseError(text)).toBe(`kubeconform printed JSON of an unexpected shape: ${what}.`);
  });

  it('counts statuses like kubeconform', () => {
    expect(
      countStatuses([
        { ...VALID_ENTRY, status: 'statusInvalid' },
        { ...VALID_ENTRY, status: 'statusError' },
        { ...VALID_ENTRY, status: 'statusError' },
      ] as const),
    ).toEqual({ valid: 0, invalid: 1, errors: 2, skipped: 0 });
  });
});
