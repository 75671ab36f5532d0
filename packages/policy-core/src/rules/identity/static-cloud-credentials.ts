import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import type { ResourceIndex } from '../../model/resource-index.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { containerLabel } from '../pss/common.js';
import { containerMounts, normalisePath, secretNamesOfVolume, volumesOf } from './common.js';
import { isUnder } from '../shared/host-path.js';

interface Provider {
  label: string;
  /** What replaces the static key. */
  alternative: string;
  /** Variables that carry the key material itself. */
  keys: readonly string[];
  /** Variables that name a credential file. */
  files: readonly string[];
  /** Last path segment of a well-known credentials directory. */
  directory?: string;
}

const PROVIDERS: readonly Provider[] = [
  {
    label: 'AWS',
    alternative: 'IAM Roles for Service Accounts (IRSA) or EKS Pod Identity',
    keys: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    files: ['AWS_SHARED_CREDENTIALS_FILE'],
    directory: '.aws',
  },
  {
    label: 'Azure',
    alternative: 'Microsoft Entra Workload ID (Azure Workload Identity)',
    keys: [
      'AZURE_CLIENT_SECRET',
      'ARM_CLIENT_SECRET',
      'AZURE_STORAGE_KEY',
      'AZURE_STORAGE_CONNECTION_STRING',
    ],
    files: ['AZURE_CLIENT_CERTIFICATE_PATH', 'ARM_CLIENT_CERTIFICATE_PATH'],
  },
  {
    label: 'Google Cloud',
    alternative: 'GKE Workload Identity Federation',
    keys: ['GOOGLE_CREDENTIALS', 'GOOGLE_CLOUD_KEYFILE_JSON', 'GOOGLE_APPLICATION_CREDENTIALS_JSON'],
    files: ['GOOGLE_APPLICATION_CREDENTIALS'],
  },
  {
    label: 'Alibaba Cloud',
    alternative: 'RRSA (RAM Roles for Service Accounts) on ACK',
    keys: ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
    files: [],
  },
];

interface Hit {
  provider: Provider;
  /** What carries the credential, e.g. `AWS_SECRET_ACCESS_KEY`. */
  what: string;
  /** Where it comes from, e.g. `Secret "aws"`. */
  from: string;
  path: Path;
}

const secretPhrase = (name: unknown) => `Secret "${asString(name) ?? '?'}"`;

/** Credentials in `env`: key variables from a secretKeyRef, file variables pointing into a Secret volume. */
function envHits(workload: Workload, container: ContainerView): Hit[] {
  const hits: Hit[] = [];
  asArray(container.spec.env).forEach((raw, index) => {
    const env = asObject(raw);
    const name = asString(env?.name);
    if (!env || name === undefined) return;
    const path: Path = [...container.path, 'env', index];
    const secretRef = asObject(asObject(env.valueFrom)?.secretKeyRef);
    for (const provider of PROVIDERS) {
      if (secretRef && provider.keys.includes(name)) {
        hits.push({ provider, what: name, from: secretPhrase(secretRef.name), path });
      }
      const file = asString(env.value);
      if (file !== undefined && provider.files.includes(name) && file.startsWith('/')) {
        const secret = secretBehind(workload, container, file);
        if (secret)
          hits.push({ provider, what: `${name} (file "${file}")`, from: secret, path: [...path, 'value'] });
      }
    }
  });
  return hits;
}

/** The Secret(s) of the volume mounted at the deepest mountPath containing `file`, when it is Secret-backed. */
function secretBehind(workload: Workload, container: ContainerView, file: string): string | undefined {
  let best: { depth: number; volume: string } | undefined;
  for (const mount of containerMounts(container)) {
    if (mount.mountPath === undefined) continue;
    const mountPath = normalisePath(mount.mountPath);
    if (!isUnder(file, mountPath)) continue;
    const depth = mountPath.length;
    const volume = asString(mount.spec.name);
    if (volume !== undefined && (!best || depth > best.depth)) best = { depth, volume };
  }
  if (!best) return undefined;
  const volume = volumesOf(workload).find((v) => v.name === best.volume);
  const names = volume && secretNamesOfVolume(volume.spec);
  return names ? names.map(secretPhrase).join(', ') : undefined;
}

/** Credentials through `envFrom` a Secret in the scan whose keys (with the prefix) are credential variables. */
function envFromHits(container: ContainerView, index: ResourceIndex, namespace: string | undefined): Hit[] {
  const hits: Hit[] = [];
  asArray(container.spec.envFrom).forEach((raw, i) => {
    const source = asObject(raw);
    const secretName = asString(asObject(source?.secretRef)?.name);
    if (!source || secretName === undefined) return;
    const secret = index.find('Secret', namespace, secretName);
    if (!secret) return;
    const prefix = asString(source.prefix) ?? '';
    const keys = [
      ...Object.keys(asObject(secret.object.data) ?? {}),
      ...Object.keys(asObject(secret.object.stringData) ?? {}),
    ];
    for (const provider of PROVIDERS) {
      const found = [...new Set(keys.map((k) => `${prefix}${k}`))].filter((k) => provider.keys.includes(k));
      if (found.length === 0) continue;
      const path: Path = [...container.path, 'envFrom', i, 'secretRef'];
      hits.push({ provider, what: found.join(', '), from: `${secretPhrase(secretName)} (envFrom)`, path });
    }
  });
  return hits;
}

/** A Secret volume mounted over a well-known credentials directory (`~/.aws`). */
function directoryHits(workload: Workload, container: ContainerView): Hit[] {
  const hits: Hit[] = [];
  for (const mount of containerMounts(container)) {
    const last = mount.mountPath === undefined ? undefined : normalisePath(mount.mountPath).split('/').pop();
    const provider = PROVIDERS.find((p) => p.directory !== undefined && p.directory === last);
    if (!provider) continue;
    const volume = volumesOf(workload).find((v) => v.name === mount.spec.name);
    const names = volume && secretNamesOfVolume(volume.spec);
    if (!names) continue;
    hits.push({
      provider,
      what: `credentials directory "${mount.mountPath}"`,
      from: names.map(secretPhrase).join(', '),
      path: [...mount.path, 'mountPath'],
    });
  }
  return hits;
}

/** ID-003's Secret-delivered half: long-lived cloud keys instead of workload identity. */
export default defineRule({
  meta: {
    id: 'static-cloud-credentials',
    title: 'Static cloud credentials from a Secret',
    severity: 'medium',
    category: 'identity',
    description:
      'A container receives long-lived cloud credentials from a Secret: an `env` variable with ' +
      '`valueFrom.secretKeyRef` named AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AZURE_CLIENT_SECRET, ' +
      'ARM_CLIENT_SECRET, AZURE_STORAGE_KEY, AZURE_STORAGE_CONNECTION_STRING, GOOGLE_CREDENTIALS, ' +
      'GOOGLE_CLOUD_KEYFILE_JSON, GOOGLE_APPLICATION_CREDENTIALS_JSON, ALIBABA_CLOUD_ACCESS_KEY_ID or ' +
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET (exact, case-sensitive names, as the SDKs read them); `envFrom` a Secret of ' +
      'the scan whose keys (with the prefix) have those names; GOOGLE_APPLICATION_CREDENTIALS, ' +
      'AWS_SHARED_CREDENTIALS_FILE, AZURE_CLIENT_CERTIFICATE_PATH or ARM_CLIENT_CERTIFICATE_PATH set to a path ' +
      'inside a mounted `secret` (or `projected` secret) volume (the deepest mount containing the path decides); or ' +
      'a Secret volume mounted over a `.aws` directory. One finding per container and cloud, listing every source, ' +
      'at the first matching `env` entry (else the `envFrom` entry, else the mount). Literal values are reported by ' +
      '`literal-secret-in-env`; `envFrom` Secrets that are not in the scan and key files from ConfigMaps (such as ' +
      'workload identity federation configs) are not reported.',
    rationale:
      'Access keys, client secrets and service account key files do not expire and work from anywhere: whoever ' +
      'reads the Secret (any subject with `get secrets` in the namespace, a backup, a GitOps repository), the ' +
      "container's environment (`/proc/<pid>/environ`, crash dumps, debug endpoints) or the mounted file can use " +
      'them outside the cluster until someone notices and rotates them (MITRE ATT&CK T1552.001, Unsecured ' +
      'Credentials: Credentials In Files; T1078.004, Valid Accounts: Cloud Accounts). Workload identity (IRSA or EKS Pod Identity, Azure Workload Identity, GKE ' +
      'Workload Identity Federation, ACK RRSA) gives pods short-lived, automatically rotated credentials bound to ' +
      'their ServiceAccount instead.',
    sources: [
      {
        title: 'Amazon EKS: IAM roles for service accounts',
        url: 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
      },
      {
        title: 'Amazon EKS Pod Identity',
        url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
      },
      {
        title: 'Azure Kubernetes Service: Microsoft Entra Workload ID',
        url: 'https://learn.microsoft.com/en-us/azure/aks/workload-identity-overview',
      },
      {
        title: 'GKE: Workload Identity Federation for GKE',
        url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity',
      },
      {
        title: 'Google Cloud: Best practices for managing service account keys',
        url: 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
      },
      {
        title: 'MITRE ATT&CK T1552.001: Credentials In Files',
        url: 'https://attack.mitre.org/techniques/T1552/001/',
      },
    ],
    remediation:
      'Delete the key and bind a cloud role to the ServiceAccount instead, e.g. on EKS with IRSA:\n\n' +
      '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: uploader\n  annotations:\n' +
      '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/uploader\n```\n\n' +
      'On AKS, annotate the ServiceAccount with `azure.workload.identity/client-id` and label the pod ' +
      '`azure.workload.identity/use: "true"`; on GKE, grant the IAM role to the Kubernetes ServiceAccount principal ' +
      '(or annotate it with `iam.gke.io/gcp-service-account`). The cloud SDKs pick up the projected token ' +
      'automatically; remove the credential variables and Secret volumes.',
    tags: ['workload-identity', 'secrets', 'cloud'],
  },
  match: { workloads: true },
  crossResource: true,
  check({ workload, resource, index, report }) {
    for (const container of workload.containers) {
      const hits = [
        ...envHits(workload, container),
        ...envFromHits(container, index, resource.namespace),
        ...directoryHits(workload, container),
      ];
      for (const provider of PROVIDERS) {
        const mine = hits.filter((hit) => hit.provider === provider);
        if (mine.length === 0) continue;
        const bySource = new Map<string, string[]>();
        for (const hit of mine) bySource.set(hit.from, [...(bySource.get(hit.from) ?? []), hit.what]);
        const parts = [...bySource].map(([from, whats]) => `${whats.join(', ')} from ${from}`);
        report({
          message:
            `${containerLabel(container)} gets long-lived ${provider.label} credentials from a Secret ` +
            `(${parts.join('; ')}): anyone who reads them can use them from anywhere until they are rotated; use ` +
            `${provider.alternative} instead.`,
          path: mine[0]!.path,
          container,
          key: provider.label,
        });
      }
    }
  },
});
