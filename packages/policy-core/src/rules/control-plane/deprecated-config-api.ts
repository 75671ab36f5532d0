import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { asObject } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';
import { FLOWCONTROL_GROUP } from './apf.js';
import { KUBEADM_GROUP } from './common.js';
import { KUBEADM_CONFIG_REFERENCE } from './sources.js';

/** The minor release that stopped serving each old flowcontrol version (deprecation guide; v1alpha1: removed in 1.29). */
const REMOVED_IN: Readonly<Record<string, number>> = { v1alpha1: 29, v1beta1: 26, v1beta2: 29, v1beta3: 32 };

/** The most stable flowcontrol version a target serves: v1 from 1.29, v1beta3 from 1.26, v1beta2 from 1.23. */
function bestVersion(minor: number | undefined): string {
  if (minor === undefined || minor >= 29) return 'v1';
  if (minor >= 26) return 'v1beta3';
  return 'v1beta2';
}

/** kubeadm fields that hold component flags, by kind. */
const EXTRA_ARGS: Readonly<Record<string, readonly Path[]>> = {
  ClusterConfiguration: [
    ['apiServer', 'extraArgs'],
    ['controllerManager', 'extraArgs'],
    ['scheduler', 'extraArgs'],
    ['etcd', 'local', 'extraArgs'],
  ],
  InitConfiguration: [['nodeRegistration', 'kubeletExtraArgs']],
  JoinConfiguration: [['nodeRegistration', 'kubeletExtraArgs']],
};

function valueAt(object: unknown, path: Path): unknown {
  let current = object;
  for (const key of path) current = asObject(current)?.[key as string];
  return current;
}

/** API-010: flowcontrol API versions that are (or will be) no longer served; kubeadm extraArgs of the wrong shape. */
export default defineRule({
  meta: {
    id: 'deprecated-config-api',
    title: 'Removed flowcontrol API version or mis-shaped kubeadm extraArgs',
    severity: 'high',
    category: 'validity',
    description:
      'Reports FlowSchema and PriorityLevelConfiguration objects in `flowcontrol.apiserver.k8s.io/v1beta1` (no ' +
      'longer served from 1.26), `v1beta2` (1.29), `v1beta3` (1.32) or the alpha `v1alpha1` (removed in 1.29): high ' +
      'when the target Kubernetes version (`kubernetesVersion` setting) no longer serves it or is unknown; low when ' +
      'the target still serves it but a more stable version is available there (v1 from 1.29, v1beta3 from 1.26, ' +
      'v1beta2 from 1.23); nothing when the version is the best the target offers. Also reports kubeadm configuration (`kubeadm.k8s.io`) whose `extraArgs` / `kubeletExtraArgs` have the ' +
      "other version's shape: a map in `v1beta4` (which expects a list of `{name, value}`) or a list in `v1beta3` " +
      '(which expects a map) — kubeadm fails to decode the file (high).',
    rationale:
      'An apply with an API version the API server no longer serves fails with "no matches for kind", so a cluster ' +
      'upgrade silently drops the APF configuration that protects the API server, or breaks the deployment pipeline. ' +
      'kubeadm decodes its configuration strictly: an extraArgs of the wrong shape stops `kubeadm init`, `join` or ' +
      '`upgrade` before any flag is applied.',
    sources: [
      {
        title: 'Deprecated API Migration Guide: flow control resources',
        url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#flowcontrol-resources-v132',
      },
      KUBEADM_CONFIG_REFERENCE,
      {
        title: 'kubeadm Configuration (v1beta3)',
        url: 'https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/',
      },
    ],
    remediation:
      'Use `apiVersion: flowcontrol.apiserver.k8s.io/v1` (available since 1.29; in v1 `assuredConcurrencyShares` is ' +
      '`nominalConcurrencyShares`). In kubeadm v1beta4, write extraArgs as a list:\n\n```yaml\n' +
      'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n' +
      '    - name: profiling\n      value: "false"\n```',
    tags: ['api-server', 'deprecated-api'],
  },
  match: {
    kinds: [
      'FlowSchema',
      'PriorityLevelConfiguration',
      'ClusterConfiguration',
      'InitConfiguration',
      'JoinConfiguration',
    ],
  },
  check({ resource, settings, report }) {
    const group = apiGroup(resource.apiVersion);
    const version = resource.apiVersion.slice(group.length + 1);
    if (group === FLOWCONTROL_GROUP) {
      const removedIn = REMOVED_IN[version];
      if (removedIn === undefined) return;
      const target = settings.kubernetesVersion?.minor;
      const best = bestVersion(target);
      const replacement = `${FLOWCONTROL_GROUP}/${best}`;
      if (target !== undefined && target < removedIn) {
        if (best === version) return;
        report({
          message: `${resource.kind} "${resource.name ?? ''}" uses ${resource.apiVersion}, deprecated and no longer served from Kubernetes 1.${removedIn}: migrate to ${replacement}.`,
          path: ['apiVersion'],
          severity: 'low',
          key: 'flowcontrol',
        });
        return;
      }
      const when =
        target !== undefined ? `on the target Kubernetes 1.${target}` : `since Kubernetes 1.${removedIn}`;
      report({
        message: `${resource.kind} "${resource.name ?? ''}" uses ${resource.apiVersion}, which is not served ${when}: the apply fails; use ${replacement}.`,
        path: ['apiVersion'],
        key: 'flowcontrol',
      });
      return;
    }
    if (group !== KUBEADM_GROUP || (version !== 'v1beta3' && version !== 'v1beta4')) return;
    for (const path of EXTRA_ARGS[resource.kind] ?? []) {
      const value = valueAt(resource.object, path);
      const isList = Array.isArray(value);
      const isMap = asObject(value) !== undefined;
      if (version === 'v1beta4' ? !isMap : !isList) continue;
      const field = path.join('.');
      const expected = version === 'v1beta4' ? 'a list of {name, value} items' : 'a map of flag: value';
      report({
        message: `${resource.kind} ${resource.apiVersion} writes ${field} as ${isList ? 'a list' : 'a map'}, but this version expects ${expected}: kubeadm cannot decode the file.`,
        path,
        key: field,
      });
    }
  },
});
