import { defineRule } from '../rule.js';
import { FLAG_INPUT_KINDS, componentConfigs, parseGoBool, showFlag } from './common.js';
import { CIS_KUBE_BENCH, KUBE_APISERVER_REFERENCE } from './sources.js';

/** API-002: anonymous requests and static token files on kube-apiserver. */
export default defineRule({
  meta: {
    id: 'apiserver-anonymous-auth',
    title: 'kube-apiserver accepts anonymous requests or a static token file',
    severity: 'medium',
    category: 'control-plane',
    description:
      'For kube-apiserver in a static Pod or a kubeadm `ClusterConfiguration`: reports `--anonymous-auth` that is not ' +
      '`false` — including when it is absent, since the default is `true` and kubeadm does not change it — unless a ' +
      'structured authentication file (`--authentication-config`) configures anonymous access instead (medium, ' +
      'CIS 1.2.1); and any `--token-auth-file` (high, CIS 1.2.2). Templated values are not judged.',
    rationale:
      'With anonymous authentication on, every request without credentials runs as `system:anonymous` in group ' +
      '`system:unauthenticated`; then a single careless binding (for example of `system:anonymous` to ' +
      '`cluster-admin`) hands the cluster to anyone who can reach port 6443. Restricting ' +
      'anonymous access to the health endpoints removes that blast radius. A static token file holds long-lived ' +
      'bearer tokens in clear text on the control-plane node; they cannot be revoked without restarting the API ' +
      'server and never expire (ATT&CK T1552.001, Credentials In Files).',
    sources: [
      KUBE_APISERVER_REFERENCE,
      {
        title: 'Authenticating: anonymous requests and anonymous authenticator configuration',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      },
      {
        title: 'KEP-4633: Only allow anonymous auth for configured endpoints',
        url: 'https://www.kubernetes.dev/resources/keps/4633/',
      },
      CIS_KUBE_BENCH,
    ],
    remediation:
      'Set `--anonymous-auth=false`, or — because kubelet liveness/readiness probes of the API server usually call ' +
      '`/livez` and `/readyz` without credentials — on Kubernetes 1.32+ (GA in 1.34) allow anonymous requests only ' +
      'for the health endpoints with `--authentication-config`. Remove `--token-auth-file` and use client ' +
      'certificates, OIDC or service account tokens.\n\n```yaml\napiVersion: apiserver.config.k8s.io/v1beta1\n' +
      'kind: AuthenticationConfiguration\nanonymous:\n  enabled: true\n  conditions:\n    - path: /livez\n' +
      '    - path: /readyz\n    - path: /healthz\n```',
    tags: ['api-server', 'cis-benchmark'],
  },
  match: { kinds: FLAG_INPUT_KINDS },
  // Only kube-apiserver configurations are evaluated (and scored); other Pods are not its business.
  appliesToResource: (resource) => componentConfigs(resource, 'kube-apiserver').length > 0,
  check({ resource, report }) {
    for (const config of componentConfigs(resource, 'kube-apiserver')) {
      const base = { container: config.container };
      const anonymous = config.flag('anonymous-auth', 'true');
      const structured = config.has('authentication-config') && !config.has('anonymous-auth');
      if (anonymous && !anonymous.templated && !structured && parseGoBool(anonymous.value) === true) {
        report({
          ...base,
          message:
            `${config.subject} runs with ${showFlag(anonymous)}: requests without credentials are served as ` +
            'system:anonymous, so any RBAC grant to system:unauthenticated or system:anonymous is open to the network.',
          path: anonymous.path,
          key: 'anonymous-auth',
        });
      }
      const tokens = config.flag('token-auth-file');
      if (tokens && !tokens.templated && tokens.value !== '') {
        report({
          ...base,
          message:
            `${config.subject} sets --token-auth-file=${tokens.value}: static bearer tokens live in clear text on the ` +
            'node, never expire and cannot be revoked without restarting the API server.',
          path: tokens.path,
          severity: 'high',
          key: 'token-auth-file',
        });
      }
    }
  },
});
