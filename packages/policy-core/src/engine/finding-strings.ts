/**
 * Compact strings for findings. A large scan keeps hundreds of thousands of findings until the report
 * is returned, and most of their text repeats: the same field path, the same message but for the
 * resource's name. Strings built by concatenation are also trees of fragments in V8 (a 16-digit
 * fingerprint made of two halves is three objects). These helpers keep one copy of what repeats and
 * make short built strings flat; the values do not change.
 */
import { StringPool } from '../model/string-pool.js';

/** The pools a scan shares between its findings. */
export interface FindingStrings {
  fields: StringPool;
}

export function findingStrings(): FindingStrings {
  return { fields: new StringPool(1 << 14) };
}

const codes: number[] = [];

/** The same characters as one flat string (for short strings built from pieces, e.g. fingerprints). */
export function flatString(text: string): string {
  if (text.length > 64) return text;
  codes.length = text.length;
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}

/**
 * Messages kept as templates around the name of the resource they are about: "The pods of Deployment
 * "web" can reach …" is the same template for every Deployment, so a large scan keeps one copy of it
 * and a number per finding, and builds each message again (equal to the original) when the report is
 * assembled. A message that does not contain the name is kept whole, once.
 */
export class MessageTemplates {
  readonly #templates: string[][] = [];
  readonly #ids = new Map<string, number>();

  /** The template of `message` with `name` taken out, as a number for `message`. */
  idOf(message: string, name: string | undefined): number {
    // A name of one character would cut messages into meaningless pieces; NUL separates them in keys.
    const templated =
      name !== undefined && name.length > 1 && message.includes(name) && !message.includes('\u0000');
    const key = templated ? `T${message.split(name).join('\u0000')}` : `W${message}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#templates.push(templated ? message.split(name) : [message]) - 1;
      this.#ids.set(key, id);
    }
    return id;
  }

  /** The message of template `id` for a resource named `name` (the name it was made with). */
  message(id: number, name: string | undefined): string {
    const pieces = this.#templates[id]!;
    let message = pieces[0]!;
    for (let i = 1; i < pieces.length; i++) message += name! + pieces[i]!;
    return message;
  }
}
