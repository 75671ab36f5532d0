import type { RuleSource } from '../../types.js';

export const KUBECONFORM_SOURCE: RuleSource = {
  title: 'kubeconform: a fast Kubernetes manifests validator',
  url: 'https://github.com/yannh/kubeconform',
};

export const KUBERNETES_API_CONVENTIONS: RuleSource = {
  title: 'Kubernetes API reference',
  url: 'https://kubernetes.io/docs/reference/kubernetes-api/',
};

export const DEPRECATION_GUIDE: RuleSource = {
  title: 'Kubernetes Deprecated API Migration Guide',
  url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
};

export const DEPRECATION_POLICY: RuleSource = {
  title: 'Kubernetes Deprecation Policy',
  url: 'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
};

export const ENDPOINTS_DEPRECATION: RuleSource = {
  title: 'Kubernetes v1.33: Continuing the transition from Endpoints to EndpointSlices',
  url: 'https://kubernetes.io/blog/2025/04/24/endpoints-deprecation/',
};

export const DRA_DOCS: RuleSource = {
  title: 'Dynamic Resource Allocation (resource.k8s.io/v1, GA in 1.34)',
  url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/',
};

export const HELM_MAPKUBEAPIS: RuleSource = {
  title: 'helm-mapkubeapis: deprecated and removed API mappings (config/Map.yaml)',
  url: 'https://github.com/helm/helm-mapkubeapis/blob/master/config/Map.yaml',
};

export const PLUTO: RuleSource = {
  title: 'Pluto (Fairwinds): find deprecated Kubernetes apiVersions',
  url: 'https://pluto.docs.fairwinds.com/',
};

export const KUBE_NO_TROUBLE: RuleSource = {
  title: 'kube-no-trouble (kubent): deprecated API checks',
  url: 'https://github.com/doitintl/kube-no-trouble',
};
