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
    const pieces =
      name !== undefined && name.length > 1 && !message.includes('\u0000') ? message.split(name) : [message];
    const key = pieces.length > 1 ? `T${pieces.join('\u0000')}` : `W${message}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#templates.push(pieces) - 1;
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
