/**
 * Static Pod fixtures for the control-plane rule tests. Line numbers are fixed: the container item is on
 * line 8 (column 7) and the first flag on line 12 (column 11).
 */
export function staticPod(component: string, flags: readonly string[], name = component): string {
  return [
    'apiVersion: v1', // 1
    'kind: Pod', // 2
    'metadata:', // 3
    `  name: ${name}`, // 4
    '  namespace: kube-system', // 5
    'spec:', // 6
    '  containers:', // 7
    `    - name: ${name}`, // 8
    `      image: registry.k8s.io/${component}:v1.33.0`, // 9
    '      command:', // 10
    `        - ${component}`, // 11
    ...flags.map((f) => `        - ${f}`), // 12…
    '',
  ].join('\n');
}

/** A kube-apiserver static Pod with the given flags (first flag on line 12). */
export const apiserverPod = (...flags: string[]) => staticPod('kube-apiserver', flags);

/** The flags a kubeadm 1.33 control plane runs kube-apiserver with (no CIS extras). */
export const KUBEADM_APISERVER_FLAGS: readonly string[] = [
  '--advertise-address=10.0.0.10',
  '--allow-privileged=true',
  '--authorization-mode=Node,RBAC',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--enable-admission-plugins=NodeRestriction',
  '--enable-bootstrap-token-auth=true',
  '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
  '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
  '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
  '--etcd-servers=https://127.0.0.1:2379',
  '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
  '--secure-port=6443',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
  '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
  '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
];
