/**
 * The effective admission plugin set of a kube-apiserver: the binary's default-on plugins, plus
 * `--enable-admission-plugins`, minus `--disable-admission-plugins`; or exactly the deprecated
 * `--admission-control` list when that is used. kubeadm adds `--enable-admission-plugins=NodeRestriction`
 * unless extraArgs set the flag.
 */
import type { Path } from '../../types.js';
import type { ComponentConfig } from './common.js';

/** Default-on plugins among the ones the admission rules look at (kube-apiserver reference). */
const DEFAULT_ON = new Set(['NamespaceLifecycle', 'ServiceAccount']);

export interface PluginState {
  enabled: boolean;
  /** Where to report: the item that enables or disables it, or the flag that would have to list it. */
  path: Path;
  /** How the state came about, for messages. */
  reason: string;
}

export interface AdmissionView {
  /** False when a relevant flag is templated: nothing can be judged. */
  known: boolean;
  state(plugin: string): PluginState;
}

export function admissionView(config: ComponentConfig): AdmissionView {
  const legacy = config.list('admission-control');
  const enable = config.list('enable-admission-plugins');
  const disable = config.list('disable-admission-plugins');
  const known = ![legacy, enable, disable].some((l) => l?.templated);
  if (legacy) {
    return {
      known,
      state(plugin) {
        const item = legacy.items.find((i) => i.item === plugin);
        return item
          ? { enabled: true, path: item.path, reason: 'listed in --admission-control' }
          : {
              enabled: false,
              path: legacy.path,
              reason: 'missing from --admission-control (which replaces the defaults)',
            };
      },
    };
  }
  return {
    known,
    state(plugin) {
      const disabled = disable?.items.find((i) => i.item === plugin);
      if (disabled)
        return { enabled: false, path: disabled.path, reason: 'disabled by --disable-admission-plugins' };
      const enabled = enable?.items.find((i) => i.item === plugin);
      const origin = enable?.source === 'kubeadm' ? ' (set by kubeadm)' : '';
      if (enabled)
        return {
          enabled: true,
          path: enabled.path,
          reason: `enabled by --enable-admission-plugins${origin}`,
        };
      if (DEFAULT_ON.has(plugin))
        return { enabled: true, path: config.missingPath, reason: 'enabled by default' };
      const where = enable
        ? `not in --enable-admission-plugins${origin}`
        : 'not enabled (--enable-admission-plugins is unset)';
      return { enabled: false, path: enable?.path ?? config.missingPath, reason: where };
    },
  };
}

export const ADMISSION_CONTROLLERS_SOURCE = {
  title: 'Admission Control in Kubernetes',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/',
};
