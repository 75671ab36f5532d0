import { ConfigReader } from '@backstage/config';
import { DEFAULT_SETTINGS, parseByteSize, readSettings } from '../src/config.js';

const read = (shiftdown: object) => readSettings(new ConfigReader({ shiftdown }));

describe('readSettings', () => {
  it('has documented defaults', () => {
    expect(readSettings(new ConfigReader({}))).toEqual({
      kinds: ['Component'],
      defaultManifestsPath: 'deploy/',
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      scanOnStartup: false,
      concurrency: 4,
      scanThreads: 1,
      enforceSettings: false,
      schemaValidation: 'embedded',
      maxBodyBytes: 5 * 1024 * 1024,
      maxBodySize: '5mb',
      maxHistoryEntries: 100,
    });
    expect(read({})).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every option', () => {
    expect(
      read({
        kinds: ['Component', 'Resource'],
        defaultManifestsPath: 'k8s/',
        schedule: { frequency: { minutes: 5 }, timeout: '3m', initialDelay: { seconds: 10 } },
        scanOnStartup: true,
        concurrency: 8,
        scanThreads: 0,
        profile: 'pss-restricted',
        pssVersion: 'v1.30',
        kubernetesVersion: '1.31',
        enforceSettings: true,
        schemaValidation: 'off',
        push: { maxBodySize: '512kb' },
        history: { maxEntries: 12 },
      }),
    ).toEqual({
      kinds: ['Component', 'Resource'],
      defaultManifestsPath: 'k8s/',
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 }, initialDelay: { seconds: 10 } },
      scanOnStartup: true,
      concurrency: 8,
      scanThreads: 0,
      profile: 'pss-restricted',
      pssVersion: 'v1.30',
      kubernetesVersion: '1.31',
      enforceSettings: true,
      schemaValidation: 'off',
      maxBodyBytes: 512 * 1024,
      maxBodySize: '512kb',
      maxHistoryEntries: 12,
    });
  });

  it.each([
    [{ kinds: [] }, 'Invalid config at shiftdown.kinds: list at least one entity kind'],
    [
      { profile: 'paranoid' },
      'Invalid config at shiftdown.profile: "paranoid" is not one of pss-baseline, pss-restricted, recommended, strict',
    ],
    [{ pssVersion: 'v2.1' }, 'Invalid config at shiftdown.pssVersion: "v2.1" is not latest or v1.N'],
    [{ kubernetesVersion: 'latest' }, 'Invalid config at shiftdown.kubernetesVersion: "latest" is not 1.N'],
    [
      { schemaValidation: 'kubeconform' },
      'Invalid config at shiftdown.schemaValidation: "kubeconform" is not embedded or off',
    ],
    [
      { push: { maxBodySize: 'lots' } },
      'Invalid config at shiftdown.push.maxBodySize: "lots" is not a size such as 5mb, 512kb or 1048576',
    ],
    [
      { history: { maxEntries: 0 } },
      'Invalid config at shiftdown.history.maxEntries: must be a positive integer',
    ],
    [{ concurrency: 0 }, 'Invalid config at shiftdown.concurrency: must be an integer from 1 to 64'],
    [{ scanThreads: -1 }, 'Invalid config at shiftdown.scanThreads: must be an integer from 0 to 64'],
    [{ scanThreads: 1.5 }, 'Invalid config at shiftdown.scanThreads: must be an integer from 0 to 64'],
  ])('refuses %j', (shiftdown, message) => {
    expect(() => read(shiftdown)).toThrow(message);
  });

  it('names the schedule key when the schedule is invalid', () => {
    expect(() => read({ schedule: { frequency: 'often', timeout: '1m' } })).toThrow(
      /^Invalid config at shiftdown\.schedule: /,
    );
  });
});

describe('parseByteSize', () => {
  it.each([
    ['5mb', 5242880],
    ['5MB', 5242880],
    ['512kb', 524288],
    ['1.5kb', 1536],
    ['1048576', 1048576],
    ['2 gb', 2147483648],
    ['0', undefined],
    ['5 megabytes', undefined],
    ['-1kb', undefined],
  ])('%s → %s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});
