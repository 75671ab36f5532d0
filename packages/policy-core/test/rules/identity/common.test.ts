import { formatSeconds, normalisePath, parseGoDuration } from '../../../src/rules/identity/common.js';
import { isUnder } from '../../../src/rules/shared/host-path.js';

describe('identity common helpers', () => {
  it.each([
    ['1h', 3600],
    ['1h30m', 5400],
    ['90s', 90],
    ['1.5h', 5400],
    ['300ms', 0.3],
    ['-2m', -120],
    ['+5s', 5],
    ['0', 0],
    ['24h0m1s', 86401],
    ['.5m', 30],
  ] as const)('parses the Go duration %s', (text, seconds) => {
    expect(parseGoDuration(text)).toBeCloseTo(seconds, 6);
  });

  it.each(['', '7d', '3600', 'h', '1h 30m', '1x', '-', '1.h2'])('rejects %p', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it('formats seconds like Go durations', () => {
    expect([30, 3600, 5400, 86401, 172800].map(formatSeconds)).toEqual([
      '30s',
      '1h',
      '1h30m',
      '24h1s',
      '48h',
    ]);
  });

  it('compares paths by segment', () => {
    expect(normalisePath('//var/./run//spire/')).toBe('/var/run/spire');
    expect(normalisePath('/run/foo/../spire/./sockets')).toBe('/run/spire/sockets');
    expect(normalisePath('/../../run/spire')).toBe('/run/spire');
    expect(normalisePath('run/spire')).toBe('/run/spire');
    expect(isUnder('/var/run/x/../secrets/google/key.json', '/var/secrets/google')).toBe(false);
    expect(isUnder('/var/x/../secrets/google/key.json', '/var/secrets/google')).toBe(true);
    expect(isUnder('/var/secrets/google/key.json', '/var/secrets/google/')).toBe(true);
    expect(isUnder('/var/secrets-other/key.json', '/var/secrets')).toBe(false);
    expect(isUnder('/anything', '/')).toBe(true);
  });
});
