/**
 * Decode file bytes to text the way kubectl does: UTF-8 by default, UTF-16 when a byte-order mark
 * says so. Invalid UTF-8 becomes U+FFFD, which the parser then reports as a binary file.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}
