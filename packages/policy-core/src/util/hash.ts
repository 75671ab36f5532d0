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
  return hex64(hi, lo);
}

/**
 * The 16 lowercase hex digits of a 64-bit value given as two 32-bit halves, as one flat string built at
 * once (a string concatenated from pieces is a tree of fragments in V8; a scan keeps 100,000s of these).
 */
export function hex64(high: number, low: number): string {
  // prettier-ignore
  return String.fromCharCode(
    digit(high, 28), digit(high, 24), digit(high, 20), digit(high, 16), digit(high, 12), digit(high, 8), digit(high, 4), digit(high, 0),
    digit(low, 28), digit(low, 24), digit(low, 20), digit(low, 16), digit(low, 12), digit(low, 8), digit(low, 4), digit(low, 0),
  );
}

/** The character code of the hex digit of `value` at bit `shift`. */
function digit(value: number, shift: number): number {
  const nibble = (value >>> shift) & 0xf;
  return nibble < 10 ? 48 + nibble : 87 + nibble;
}
