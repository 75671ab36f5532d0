/**
 * One model of control-plane component flags for both inputs the rules read:
 *   - static Pod manifests (or hosted control planes in Deployments/StatefulSets) whose container runs
 *     kube-apiserver, kube-controller-manager or kube-scheduler: flags come from `command` and `args`;
 *   - kubeadm `ClusterConfiguration` (kubeadm.k8s.io/v1beta3: `extraArgs` is a map; v1beta4: a list of
 *     `{name, value}`): flags are the user's extraArgs over the flags kubeadm itself sets.
 *
 * Flag semantics follow pflag as the components use it: `--flag=value` or `--flag value`; a repeated scalar
 * flag keeps its last value; a repeated string-slice flag (`--authorization-mode`,
 * `--enable-admission-plugins`, …) appends. Every value carries the exact path to report: the `command` or
 * `args` item, the extraArgs key or list item, or — when the flag is absent — the container (or the
 * kubeadm `extraArgs`) where it would be written.
 */
import type { Path } from '../../types.js';
import type { Resource } from '../../model/resource.js';
import type { ContainerView } from '../../model/workload.js';
import { isTemplatedText } from '../../model/image.js';
import { asArray, asObject, asString, isObject, isSet } from '../../model/values.js';

export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';

/**
 * The kinds the flag rules look at. Static control-plane pods are Pods; hosted control planes
 * (Kamaji, HyperShift, …) run them in Deployments or StatefulSets, self-hosted ones in DaemonSets.
 */
export const FLAG_INPUT_KINDS: readonly string[] = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ClusterConfiguration',
];

export const KUBEADM_GROUP = 'kubeadm.k8s.io';

/** Where a flag's effective value comes from. */
export type FlagSource = 'manifest' | 'kubeadm' | 'default';

export interface FlagValue {
  name: string;
  /** The effective raw value (a bare `--flag` is `true`). */
  value: string;
  /** The node to report: the flag as written, or where it would be written. */
  path: Path;
  source: FlagSource;
  /** The value holds a template placeholder (`${…}`, `{{…}}`, `$(VAR)`) and cannot be judged. */
  templated: boolean;
}

export interface FlagListItem {
  item: string;
  path: Path;
}

export interface FlagList {
  name: string;
  /** Items of every occurrence, in order (pflag string slices accumulate across repeats). */
  items: FlagListItem[];
  /** Path of the last occurrence, or where the flag would be written. */
  path: Path;
  source: FlagSource;
  templated: boolean;
}

export interface ComponentConfig {
  component: Component;
  /** `kube-apiserver (container "kube-apiserver")` or `kube-apiserver (kubeadm ClusterConfiguration)`. */
  subject: string;
  /** Where a missing flag is reported. */
  missingPath: Path;
  container?: ContainerView;
  /** True for a kubeadm ClusterConfiguration: absent flags take kubeadm's values, then the binary's. */
  kubeadm: boolean;
  /** Written in the manifest (not a default). */
  has(name: string): boolean;
  /** The effective value of a scalar flag (the last occurrence wins), or the given binary default. */
  flag(name: string, binaryDefault?: string): FlagValue | undefined;
  /** The effective items of a string-slice flag, or the given binary default. */
  list(name: string, binaryDefault?: readonly string[]): FlagList | undefined;
}

interface Occurrence {
  /** undefined for a bare `--flag`. */
  value: string | undefined;
  path: Path;
}

class FlagSet implements ComponentConfig {
  constructor(
    readonly component: Component,
    readonly subject: string,
    readonly missingPath: Path,
    readonly kubeadm: boolean,
    private readonly occurrences: ReadonlyMap<string, readonly Occurrence[]>,
    private readonly toolDefaults: Readonly<Record<string, string>>,
    readonly container?: ContainerView,
  ) {}

  has(name: string): boolean {
    return (this.occurrences.get(name)?.length ?? 0) > 0;
  }

  flag(name: string, binaryDefault?: string): FlagValue | undefined {
    const last = this.occurrences.get(name)?.at(-1);
    if (last) {
      const value = last.value ?? 'true';
      return { name, value, path: last.path, source: 'manifest', templated: isTemplatedText(value) };
    }
    const fallback = this.fallback(name, binaryDefault);
    return (
      fallback && {
        name,
        value: fallback.value,
        path: this.missingPath,
        source: fallback.source,
        templated: false,
      }
    );
  }

  list(name: string, binaryDefault?: readonly string[]): FlagList | undefined {
    const occurrences = this.occurrences.get(name) ?? [];
    if (occurrences.length > 0) {
      const items = occurrences.flatMap((o) =>
        splitList(o.value ?? '').map((item) => ({ item, path: o.path })),
      );
      const templated = occurrences.some((o) => isTemplatedText(o.value ?? ''));
      return { name, items, path: occurrences.at(-1)!.path, source: 'manifest', templated };
    }
    const fallback = this.fallback(name, binaryDefault?.join(','));
    if (!fallback) return undefined;
    const items = splitList(fallback.value).map((item) => ({ item, path: this.missingPath }));
    return { name, items, path: this.missingPath, source: fallback.source, templated: false };
  }

  private fallback(
    name: string,
    binaryDefault: string | undefined,
  ): { value: string; source: FlagSource } | undefined {
    const tool = this.toolDefaults[name];
    if (tool !== undefined) return { value: tool, source: 'kubeadm' };
    return binaryDefault === undefined ? undefined : { value: binaryDefault, source: 'default' };
  }
}

/** Comma-separated list items, trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Go's strconv.ParseBool, which pflag uses for boolean flags; undefined when it would fail. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** A decimal integer as Go's strconv.Atoi reads it; undefined otherwise. */
export function parseGoInt(value: string): number | undefined {
  return /^[+-]?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** `--profiling=true (the default)`: a flag and its value as a message shows it. */
export function showFlag(flag: FlagValue): string {
  const origin =
    flag.source === 'default' ? ' (the default)' : flag.source === 'kubeadm' ? ' (set by kubeadm)' : '';
  return `--${flag.name}=${flag.value}${origin}`;
}

// Boolean flags of the components that this group reads: `--flag value` does not consume `value` for them.
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth',
  'profiling',
  'service-account-lookup',
  'service-account-extend-token-expiration',
  'enable-priority-and-fairness',
  'use-service-account-credentials',
  'enable-bootstrap-token-auth',
  'allow-privileged',
  'leader-elect',
  'contention-profiling',
  'enable-aggregator-routing',
  'allocate-node-cidrs',
]);

const COMPONENTS: readonly Component[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

function basename(text: string): string {
  return text.slice(text.lastIndexOf('/') + 1);
}

function componentNamed(text: string | undefined): Component | undefined {
  if (text === undefined) return undefined;
  const base = basename(text.trim());
  return COMPONENTS.find((c) => base.endsWith(c));
}

/** Parse `--flag=value` / `--flag value` tokens into occurrences keyed by flag name. */
function parseTokens(tokens: readonly { text: string; path: Path }[], into: Map<string, Occurrence[]>): void {
  for (let i = 0; i < tokens.length; i++) {
    const { text, path } = tokens[i]!;
    if (!text.startsWith('--') || text.length <= 2) continue;
    const body = text.slice(2);
    const eq = body.indexOf('=');
    let name: string;
    let value: string | undefined;
    if (eq >= 0) {
      name = body.slice(0, eq);
      value = body.slice(eq + 1);
    } else {
      name = body;
      const next = tokens[i + 1];
      if (!BOOLEAN_FLAGS.has(name) && next && !next.text.startsWith('-')) {
        value = next.text;
        i++;
      }
    }
    const list = into.get(name);
    if (list) list.push({ value, path });
    else into.set(name, [{ value, path }]);
  }
}

/**
 * The control-plane component a container runs, with the tokens that hold its flags; undefined when the
 * container is not one, or when its flags cannot be read (a shell wrapper, no command and no args).
 */
function containerComponent(
  container: ContainerView,
): { component: Component; tokens: { text: string; path: Path }[] } | undefined {
  const command = asArray(container.spec.command);
  const args = asArray(container.spec.args);
  const tokensOf = (list: unknown[], key: 'command' | 'args', from: number) =>
    list
      .map((item, index) => ({ item, index }))
      .filter(({ index, item }) => index >= from && typeof item === 'string')
      .map(({ item, index }) => ({ text: item as string, path: [...container.path, key, index] }));
  const first = asString(command[0]);
  if (first !== undefined) {
    let component = componentNamed(first);
    let from = 1;
    // The old all-in-one hyperkube binary: `hyperkube kube-apiserver --flag …`.
    if (!component && basename(first) === 'hyperkube') {
      component = componentNamed(asString(command[1]));
      from = 2;
    }
    if (!component) return undefined;
    return { component, tokens: [...tokensOf(command, 'command', from), ...tokensOf(args, 'args', 0)] };
  }
  // No command: the image's entrypoint runs the binary; the flags are the args.
  const byName = componentNamed(container.name);
  if (!byName || command.length > 0 || args.length === 0) return undefined;
  return { component: byName, tokens: tokensOf(args, 'args', 0) };
}

/** Flags of the control-plane containers of a workload. */
function workloadConfigs(resource: Resource): ComponentConfig[] {
  const out: ComponentConfig[] = [];
  for (const container of resource.workload?.containers ?? []) {
    if (container.type === 'ephemeralContainer') continue;
    const found = containerComponent(container);
    if (!found) continue;
    const occurrences = new Map<string, Occurrence[]>();
    parseTokens(found.tokens, occurrences);
    const subject = `${found.component} (container "${container.name}")`;
    out.push(new FlagSet(found.component, subject, container.path, false, occurrences, {}, container));
  }
  return out;
}

const KUBEADM_SECTIONS: readonly [Component, string][] = [
  ['kube-apiserver', 'apiServer'],
  ['kube-controller-manager', 'controllerManager'],
  ['kube-scheduler', 'scheduler'],
];

/** kubeadm `extraArgs` in either shape (map in v1beta3, `{name, value}` list in v1beta4), as occurrences. */
export function extraArgsOccurrences(extraArgs: unknown, path: Path): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  const add = (name: string, value: string, at: Path) => {
    const list = out.get(name);
    if (list) list.push({ value, path: at });
    else out.set(name, [{ value, path: at }]);
  };
  if (Array.isArray(extraArgs)) {
    extraArgs.forEach((raw, index) => {
      const item = asObject(raw);
      const name = asString(item?.name);
      if (!item || name === undefined) return;
      const value = isSet(item.value) ? String(item.value) : '';
      add(name, value, isSet(item.value) ? [...path, index, 'value'] : [...path, index]);
    });
  } else if (isObject(extraArgs)) {
    for (const [name, value] of Object.entries(extraArgs))
      add(name, isSet(value) ? String(value) : '', [...path, name]);
  }
  return out;
}

/** The flags kubeadm sets itself (cmd/kubeadm/app/phases/controlplane/manifests.go); extraArgs override them. */
function kubeadmDefaults(
  component: Component,
  config: Record<string, unknown>,
  userArgs: ReadonlyMap<string, unknown>,
): Record<string, string> {
  const pki = asString(config.certificatesDir) ?? '/etc/kubernetes/pki';
  switch (component) {
    case 'kube-apiserver': {
      const defaults: Record<string, string> = {
        'enable-admission-plugins': 'NodeRestriction',
        'service-account-key-file': `${pki}/sa.pub`,
        'service-account-signing-key-file': `${pki}/sa.key`,
        'client-ca-file': `${pki}/ca.crt`,
        'tls-cert-file': `${pki}/apiserver.crt`,
        'tls-private-key-file': `${pki}/apiserver.key`,
        'kubelet-client-certificate': `${pki}/apiserver-kubelet-client.crt`,
        'kubelet-client-key': `${pki}/apiserver-kubelet-client.key`,
        'enable-bootstrap-token-auth': 'true',
        'allow-privileged': 'true',
      };
      const external = asObject(asObject(config.etcd)?.external);
      if (external) {
        const ca = asString(external.caFile);
        const cert = asString(external.certFile);
        const key = asString(external.keyFile);
        if (ca) defaults['etcd-cafile'] = ca;
        if (cert && key) Object.assign(defaults, { 'etcd-certfile': cert, 'etcd-keyfile': key });
      } else {
        Object.assign(defaults, {
          'etcd-cafile': `${pki}/etcd/ca.crt`,
          'etcd-certfile': `${pki}/apiserver-etcd-client.crt`,
          'etcd-keyfile': `${pki}/apiserver-etcd-client.key`,
        });
      }
      // kubeadm sets Node,RBAC unless structured authorization (--authorization-config) is configured.
      if (!userArgs.has('authorization-config')) defaults['authorization-mode'] = 'Node,RBAC';
      return defaults;
    }
    case 'kube-controller-manager':
      return {
        'bind-address': '127.0.0.1',
        'use-service-account-credentials': 'true',
        'root-ca-file': `${pki}/ca.crt`,
        'service-account-private-key-file': `${pki}/sa.key`,
        'client-ca-file': `${pki}/ca.crt`,
        'leader-elect': 'true',
      };
    case 'kube-scheduler':
      return { 'bind-address': '127.0.0.1', 'leader-elect': 'true' };
  }
}

function kubeadmConfigs(resource: Resource): ComponentConfig[] {
  const config = resource.object;
  return KUBEADM_SECTIONS.map(([component, section]) => {
    const path: Path = [section, 'extraArgs'];
    const occurrences = extraArgsOccurrences(asObject(config[section])?.extraArgs, path);
    const subject = `${component} (kubeadm ClusterConfiguration ${section}.extraArgs)`;
    return new FlagSet(
      component,
      subject,
      path,
      true,
      occurrences,
      kubeadmDefaults(component, config, occurrences),
    );
  });
}

/** True for a kubeadm ClusterConfiguration. */
export function isKubeadmClusterConfiguration(resource: Resource): boolean {
  return resource.kind === 'ClusterConfiguration' && resource.apiVersion.startsWith(`${KUBEADM_GROUP}/`);
}

// Each flag rule asks twice per resource (appliesToResource, then check): parse the flags once.
const configsCache = new WeakMap<Resource, readonly ComponentConfig[]>();

/** Every control-plane component configured by a resource (static pod containers or kubeadm sections). */
export function componentConfigs(resource: Resource, component?: Component): readonly ComponentConfig[] {
  let all = configsCache.get(resource);
  if (!all) {
    all = isKubeadmClusterConfiguration(resource) ? kubeadmConfigs(resource) : workloadConfigs(resource);
    configsCache.set(resource, all);
  }
  return component ? all.filter((c) => c.component === component) : all;
}
