/** Sources several control-plane rules cite. */
import type { RuleSource } from '../../types.js';

export const KUBE_APISERVER_REFERENCE: RuleSource = {
  title: 'kube-apiserver command-line reference',
  url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
};

export const CIS_KUBE_BENCH: RuleSource = {
  title: 'kube-bench CIS Kubernetes Benchmark checks (cfg/cis-1.12/master.yaml)',
  url: 'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.12/master.yaml',
};

export const KUBEADM_CONFIG_REFERENCE: RuleSource = {
  title: 'kubeadm Configuration (v1beta4)',
  url: 'https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/',
};

export const APF_DOC: RuleSource = {
  title: 'API Priority and Fairness',
  url: 'https://kubernetes.io/docs/concepts/cluster-administration/flow-control/',
};

export const FLOW_SCHEMA_REFERENCE: RuleSource = {
  title: 'FlowSchema (flowcontrol.apiserver.k8s.io/v1) API reference',
  url: 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/flow-schema-v1/',
};

export const PRIORITY_LEVEL_REFERENCE: RuleSource = {
  title: 'PriorityLevelConfiguration (flowcontrol.apiserver.k8s.io/v1) API reference',
  url: 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/priority-level-configuration-v1/',
};

export const FLOWCONTROL_VALIDATION_SOURCE: RuleSource = {
  title:
    'FlowSchema and PriorityLevelConfiguration validation (kubernetes/kubernetes pkg/apis/flowcontrol/validation)',
  url: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/flowcontrol/validation/validation.go',
};

export const APF_BOOTSTRAP_SOURCE: RuleSource = {
  title:
    'APF bootstrap configuration (kubernetes/kubernetes apiserver/pkg/apis/flowcontrol/bootstrap/default.go)',
  url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap/default.go',
};
