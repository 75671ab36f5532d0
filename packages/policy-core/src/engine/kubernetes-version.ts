/** Parse `1.33`, `v1.33` or `1.33.2` into major/minor. */
export function parseKubernetesVersion(text: string): { major: number; minor: number } | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}
