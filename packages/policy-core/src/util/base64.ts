/** Base64 decoding without Buffer/atob (the policy core is pure). */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decode standard base64 (whitespace ignored) into a string of byte values (Latin-1), or undefined when
 * the text is not valid base64. ASCII content (PEM blocks, tokens, passwords) decodes exactly.
 */
export function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const char of clean.replace(/=+$/, '')) {
    buffer = ((buffer << 6) | BASE64_ALPHABET.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
