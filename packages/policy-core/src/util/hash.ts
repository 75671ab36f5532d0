/**
 * FNV-1a, 64-bit, as 16 hex digits: a small, stable, dependency-free fingerprint hash. Each step XORs
 * one UTF-16 code unit into the hash and multiplies by the FNV prime 2^40 + 0x1b3 modulo 2^64. The
 * 64-bit value is kept as two 32-bit halves so that every intermediate product stays an exact double
 * (BigInt arithmetic gives the same digits but was the costliest part of building findings).
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64: lo·0x1b3 < 2^41 and hi·0x1b3 < 2^41, both exact.
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
