/** Every failure of the kubeconform runner and installer: one clear sentence, safe to print as is. */
export class KubeconformError extends Error {
  override readonly name = 'KubeconformError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** `text` cut to `max` characters (with an ellipsis), for quoting program output in messages. */
export function excerpt(text: string, max = 200): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max)}…`;
}
