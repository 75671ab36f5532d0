// Kubernetes decodes manifests with YAML 1.1 semantics (sigs.k8s.io/yaml on go-yaml v2): `yes`/`on`
// are booleans, `0644` is octal, and merge keys work. Parse the same way so we see what the API server
// sees. Warnings (e.g. unknown tags) are not printed: the core never writes to the console.
export const PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  uniqueKeys: true,
  keepSourceTokens: false,
  prettyErrors: false,
  logLevel: 'silent',
} as const;
