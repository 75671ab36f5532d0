import { readConfigFile } from '../../src/config/read-config.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readConfigFile', () => {
  it('decodes, validates and records the path', () => {
    expect(readConfigFile(utf8('\ufeffprofile: strict\n'), 'ops/.shiftdown.yaml')).toEqual({
      config: { profile: 'strict', path: 'ops/.shiftdown.yaml' },
    });
  });

  it('reads UTF-16 like the manifests', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'profile: strict\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readConfigFile(bytes, '.shiftdown.yaml').config?.profile).toBe('strict');
  });

  it('rejects a rule id the catalog does not have, located', () => {
    const result = readConfigFile(utf8('rules:\n  privileged-containr: off\n'), '.shiftdown.yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatch(/^\.shiftdown\.yaml:2:3: .*privileged-containr.*privileged-container/);
  });
});
