import {
  cidrContains,
  cidrCovers,
  isHostBlock,
  isWholeFamily,
  parseCidr,
  parseIp,
  unmapIpv4,
} from '../../../src/rules/network/cidr.js';

describe('parseIp', () => {
  it.each([
    ['169.254.169.254', 4, 0xa9fea9fen],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['fd00:ec2::254', 6, 0xfd000ec2000000000000000000000254n],
    ['FD00:EC2::254', 6, 0xfd000ec2000000000000000000000254n],
    ['[fd00:ec2::254]', 6, 0xfd000ec2000000000000000000000254n],
    ['fe80::1%eth0', 6, 0xfe800000000000000000000000000001n],
    ['::ffff:10.0.0.1', 6, 0xffff0a000001n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
  ])('parses %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.2.3.x',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::',
    'gggg::',
    '1:2:3:4:5:6:7::8',
    '{{ .Values.ip }}',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('parseCidr and containment', () => {
  it.each([
    ['0.0.0.0/0', '169.254.169.254', true],
    ['169.254.0.0/16', '169.254.169.254', true],
    ['169.254.169.254/32', '169.254.169.254', true],
    ['169.254.169.254', '169.254.169.254', true],
    ['169.254.169.0/25', '169.254.169.254', false],
    ['10.0.0.0/8', '169.254.169.254', false],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['128.0.0.0/1', '169.254.169.254', true],
    ['::/0', 'fd00:ec2::254', true],
    ['fd00::/8', 'fd00:ec2::254', true],
    ['fd00:ec2::/64', 'fd00:ec2::254', true],
    ['fd00:ec2::/64', 'fd00:ec3::254', false],
    ['::/0', '169.254.169.254', false],
    ['0.0.0.0/0', 'fd00:ec2::254', false],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(cidrContains(parseCidr(cidr)!, parseIp(ip)!)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0.0/a', 'not-a-cidr', '10.0.0.0/'])(
    'rejects %j',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it('compares blocks', () => {
    expect(cidrCovers(parseCidr('0.0.0.0/0')!, parseCidr('169.254.0.0/16')!)).toBe(true);
    expect(cidrCovers(parseCidr('169.254.0.0/16')!, parseCidr('0.0.0.0/0')!)).toBe(false);
    expect(cidrCovers(parseCidr('169.254.0.0/16')!, parseCidr('169.254.169.254/32')!)).toBe(true);
    expect(cidrCovers(parseCidr('::/0')!, parseCidr('0.0.0.0/0')!)).toBe(false);
    expect(isWholeFamily(parseCidr('::/0')!)).toBe(true);
    expect(isWholeFamily(parseCidr('0.0.0.0/1')!)).toBe(false);
    expect(isHostBlock(parseCidr('fd00:ec2::254/128')!)).toBe(true);
    expect(isHostBlock(parseCidr('169.254.169.254')!)).toBe(true);
    expect(isHostBlock(parseCidr('169.254.169.254/31')!)).toBe(false);
  });
});

describe('unmapIpv4', () => {
  it.each([
    ['::ffff:169.254.169.254', { family: 4, value: 0xa9fea9fen }],
    ['::ffff:a9fe:a9fe', { family: 4, value: 0xa9fea9fen }],
    ['::FFFF:0.0.0.0', { family: 4, value: 0n }],
    ['10.0.0.1', { family: 4, value: 0x0a000001n }],
    // Not mapped: the IPv4-compatible (deprecated) and NAT64 forms, and other IPv6 addresses, stay IPv6.
    ['::169.254.169.254', { family: 6, value: 0xa9fea9fen }],
    ['64:ff9b::169.254.169.254', { family: 6, value: 0x0064ff9b0000000000000000a9fea9fen }],
    ['::fffe:a9fe:a9fe', { family: 6, value: 0xfffea9fea9fen }],
    ['fd00:ec2::254', { family: 6, value: 0xfd000ec2000000000000000000000254n }],
  ])('%s', (text, expected) => {
    expect(unmapIpv4(parseIp(text)!)).toEqual(expected);
  });
});
