/**
 * IPv4 and IPv6 addresses and CIDR blocks as 32/128-bit integers: parsing and containment. Pure and
 * total: malformed text gives `undefined`, never an exception.
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  value: bigint;
}

export interface Cidr {
  family: IpFamily;
  /** The network address (host bits cleared). */
  base: bigint;
  prefix: number;
}

const BITS: Readonly<Record<IpFamily, number>> = { 4: 32, 6: 128 };

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // An embedded IPv4 address is allowed as the last part (`::ffff:10.0.0.1`).
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** An IPv4 or IPv6 address; brackets (`[fd00:ec2::254]`) and zone ids (`%eth0`) are accepted. */
export function parseIp(raw: string): IpAddress | undefined {
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BITS[family];
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

/** `10.0.0.0/8`, `::/0`; a bare address is a host block (/32 or /128). Host bits are ignored. */
export function parseCidr(raw: string): Cidr | undefined {
  const text = raw.trim();
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return undefined;
  const bits = BITS[ip.family];
  let prefix = bits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  return { family: ip.family, base: ip.value & mask(ip.family, prefix), prefix };
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && (ip.value & mask(cidr.family, cidr.prefix)) === cidr.base;
}

/** `::ffff:0:0/96`: IPv4 addresses written as IPv6 (RFC 4291, section 2.5.5.2). */
const IPV4_MAPPED: Cidr = { family: 6, base: 0xffff00000000n, prefix: 96 };

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as the IPv4 address it stands for; any other as it is. */
export function unmapIpv4(ip: IpAddress): IpAddress {
  return cidrContains(IPV4_MAPPED, ip) ? { family: 4, value: ip.value & 0xffffffffn } : ip;
}

/** True when every address of `inner` is in `outer`. */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    outer.prefix <= inner.prefix &&
    (inner.base & mask(outer.family, outer.prefix)) === outer.base
  );
}

/** True for `0.0.0.0/0` and `::/0`. */
export function isWholeFamily(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}

/** True for a block of exactly one address (/32, /128). */
export function isHostBlock(cidr: Cidr): boolean {
  return cidr.prefix === BITS[cidr.family];
}
