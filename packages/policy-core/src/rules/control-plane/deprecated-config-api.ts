import { defineRule } from '../rule.js';
import type { Path } from '../../types.js';
import { asObject, getPath } from '../../model/values.js';
import { apiGroup } from '../../model/workload.js';
import { KUBEADM_GROUP } from './common.js';
import { KUBEADM_CONFIG_REFERENCE } from './sources.js';

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

/**
 * API-010 (kubeadm part): kubeadm extraArgs of the other configuration version's shape. Removed and
 * deprecated API versions, flowcontrol included, are `api-version-removed` (validity rules).
 */
export default defineRule({
  meta: {
    id: 'deprecated-config-api',
    title: 'kubeadm extraArgs in the shape of another configuration version',
    severity: 'high',
    category: 'validity',
    description:
      "Reports kubeadm configuration (`kubeadm.k8s.io`) whose component flag fields have the other version's " +
      'shape: `apiServer`, `controllerManager`, `scheduler` and `etcd.local` `extraArgs` of a ClusterConfiguration, ' +
      'and `nodeRegistration.kubeletExtraArgs` of an InitConfiguration or JoinConfiguration, written as a map in ' +
      '`v1beta4` (which expects a list of `{name, value}` items) or as a list in `v1beta3` (which expects a map of ' +
      'flag: value). Fields that are absent, scalars (e.g. a templated string) or of the right shape, and other ' +
      'kubeadm versions, are not reported. Removed or deprecated API versions (flowcontrol betas included) are reported by ' +
      '`api-version-removed`.',
    rationale:
      'kubeadm decodes its configuration strictly: an extraArgs of the wrong shape stops `kubeadm init`, `join` or ' +
      '`upgrade` before any flag is applied. The mistake is easy to make when migrating to v1beta4 (Kubernetes ' +
      '1.31), which turned every extraArgs map into a list so that a flag can be repeated; hardening flags such as ' +
      '`profiling: "false"` copied from older examples then break the control plane bootstrap.',
    sources: [
      KUBEADM_CONFIG_REFERENCE,
      {
        title: 'kubeadm Configuration (v1beta3)',
        url: 'https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta3/',
      },
    ],
    remediation:
      'In kubeadm `v1beta4`, write extraArgs as a list of `{name, value}` items (`kubeadm config migrate` converts ' +
      'a v1beta3 file); in `v1beta3`, as a map:\n\n```yaml\n' +
      'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n' +
      '    - name: profiling\n      value: "false"\n```',
    tags: ['api-server', 'kubeadm'],
  },
  match: { kinds: ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration'] },
  check({ resource, report }) {
    const group = apiGroup(resource.apiVersion);
    const version = resource.apiVersion.slice(group.length + 1);
    if (group !== KUBEADM_GROUP || (version !== 'v1beta3' && version !== 'v1beta4')) return;
    for (const path of EXTRA_ARGS[resource.kind] ?? []) {
      const value = getPath(resource.object, path);
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
