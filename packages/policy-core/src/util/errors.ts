/** The first line of a (possibly multi-line, pretty-printed) message. */
export function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A thrown value as a one-line message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}
