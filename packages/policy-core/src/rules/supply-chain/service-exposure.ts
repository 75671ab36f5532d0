import type { JsonObject } from '../../model/values.js';
import { asArray, asObject, asString } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { KUBE_SCORE_CHECKS } from './common.js';
import { KUBE_LINTER_CHECKS } from '../shared/sources.js';

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const AWS_LBC_TYPES = new Set(['external', 'nlb-ip']);
const AWS_LBC_CLASS = 'service.k8s.aws/nlb';

/** Provider annotations that make a LoadBalancer Service internal: [annotation, predicate on its value]. */
const INTERNAL_ANNOTATIONS: readonly [string, (value: string) => boolean][] = [
  // AWS: in-tree provider (any value but "false") and the AWS Load Balancer Controller scheme.
  [
    'service.beta.kubernetes.io/aws-load-balancer-internal',
    (v) => v.trim() !== '' && v.toLowerCase() !== 'false',
  ],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v.toLowerCase() === 'internal'],
  // Azure (AKS and cloud-provider-azure).
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  // Google Cloud (current and legacy keys).
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  // Other providers listed in the Kubernetes Service documentation.
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v.toLowerCase() === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v.toLowerCase() === 'private'],
  [
    'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type',
    (v) => v.toLowerCase() === 'intranet',
  ],
];

const OPEN_RANGES = new Set(['0.0.0.0/0', '::/0']);

/** The annotation or field that makes the load balancer internal, or undefined. */
function internalMarker(annotations: JsonObject, spec: JsonObject): string | undefined {
  for (const [key, isInternal] of INTERNAL_ANNOTATIONS) {
    const value = asString(annotations[key]);
    if (value !== undefined && isInternal(value)) return key;
  }
  // The AWS Load Balancer Controller (v2.2+) provisions internal NLBs unless the scheme says internet-facing.
  const awsType = asString(annotations['service.beta.kubernetes.io/aws-load-balancer-type']);
  const managedByLbc =
    (awsType !== undefined && AWS_LBC_TYPES.has(awsType)) || spec.loadBalancerClass === AWS_LBC_CLASS;
  if (managedByLbc && annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'] === undefined) {
    return 'AWS Load Balancer Controller default scheme';
  }
  return undefined;
}

/** NodePort, public LoadBalancer and externalIPs Services (Part A row 45). */
export default defineRule({
  meta: {
    id: 'service-exposure',
    title: 'Service exposed outside the cluster',
    severity: 'medium',
    category: 'network',
    description:
      'One finding per field of a Service. `spec.type: NodePort` (medium). `spec.type: LoadBalancer` (medium) ' +
      'when the load balancer is public: no `spec.loadBalancerSourceRanges` and no ' +
      '`service.beta.kubernetes.io/load-balancer-source-ranges` annotation, and no internal marker: AWS ' +
      '`service.beta.kubernetes.io/aws-load-balancer-internal` (not "false") or `aws-load-balancer-scheme: ' +
      'internal`, or a Service handled by the AWS Load Balancer Controller (`aws-load-balancer-type: external` / ' +
      '`nlb-ip`, or `loadBalancerClass: service.k8s.aws/nlb`) without a scheme, which it makes internal; Azure ' +
      '`service.beta.kubernetes.io/azure-load-balancer-internal: "true"`; Google Cloud ' +
      '`networking.gke.io/load-balancer-type: Internal` (or the legacy `cloud.google.com/load-balancer-type`); ' +
      'OCI, OpenStack, IBM Cloud and Alibaba Cloud internal annotations. A source range of `0.0.0.0/0` or `::/0` ' +
      'counts as no restriction and is reported on that entry. `spec.externalIPs` set (high): CVE-2020-8554.',
    rationale:
      'NodePort opens the port on every node address and bypasses ingress authentication; with the default ' +
      '`externalTrafficPolicy: Cluster` the client address is replaced by a node address, so NetworkPolicy ' +
      'rules that filter by source no longer see who connects. A LoadBalancer without source ranges is ' +
      'reachable from the whole internet: admin panels, databases and metrics endpoints exposed this way are ' +
      'found quickly by internet-wide scanners (MITRE ATT&CK T1133, External Remote Services). ' +
      '`externalIPs` lets whoever can create or edit a Service claim any IP address and intercept traffic from ' +
      'pods and nodes to it (CVE-2020-8554, a man-in-the-middle with no fix but restricting the field, e.g. with ' +
      'the DenyServiceExternalIPs admission plugin).',
    sources: [
      {
        title: 'Kubernetes: Service type NodePort',
        url: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
      },
      {
        title: 'Kubernetes: Service internal load balancer annotations',
        url: 'https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer',
      },
      {
        title: 'Kubernetes: Configure your cloud provider firewalls (loadBalancerSourceRanges)',
        url: 'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
      },
      {
        title: 'AWS Load Balancer Controller: Service annotations',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
      },
      {
        title: 'AKS: Use an internal load balancer',
        url: 'https://learn.microsoft.com/azure/aks/internal-lb',
      },
      {
        title: 'GKE: Create an internal load balancer',
        url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/internal-load-balancing',
      },
      {
        title: 'CVE-2020-8554: Man in the middle using LoadBalancer or ExternalIPs',
        url: 'https://github.com/kubernetes/kubernetes/issues/97076',
      },
      KUBE_SCORE_CHECKS,
      KUBE_LINTER_CHECKS,
    ],
    remediation:
      'Use a ClusterIP Service behind an Ingress or Gateway with authentication and TLS; if a load balancer is ' +
      'required, make it internal or restrict its source ranges; remove `externalIPs` (and enable the ' +
      'DenyServiceExternalIPs admission plugin):\n\n' +
      '```yaml\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n```',
    tags: ['network', 'exposure'],
  },
  match: { kinds: ['Service'] },
  check({ resource, report }) {
    const spec = asObject(resource.object.spec) ?? {};
    const annotations = asObject(resource.metadata.annotations) ?? {};
    const name = resource.name ?? '(unnamed)';
    if (spec.type === 'NodePort') {
      report({
        message: `Service "${name}" is of type NodePort: its ports are opened on every node's addresses, outside any ingress or load balancer controls.`,
        path: ['spec', 'type'],
        key: 'type',
      });
    } else if (spec.type === 'LoadBalancer' && !internalMarker(annotations, spec)) {
      const ranges = asArray(spec.loadBalancerSourceRanges);
      const annotated = asString(annotations[SOURCE_RANGES_ANNOTATION]);
      const openIndex = ranges.findIndex((r) => typeof r === 'string' && OPEN_RANGES.has(r.trim()));
      const annotatedOpen = annotated?.split(',').some((r) => OPEN_RANGES.has(r.trim())) ?? false;
      if (ranges.length === 0 && (annotated === undefined || annotated.trim() === '')) {
        report({
          message:
            `Service "${name}" is a public LoadBalancer: it has no loadBalancerSourceRanges and no internal ` +
            'load balancer annotation, so its ports are reachable from the internet.',
          path: ['spec', 'type'],
          key: 'type',
        });
      } else if (openIndex >= 0 || (ranges.length === 0 && annotatedOpen)) {
        report({
          message: `Service "${name}" is a LoadBalancer whose source ranges allow every address (0.0.0.0/0 or ::/0), so its ports are reachable from the internet.`,
          path:
            openIndex >= 0
              ? ['spec', 'loadBalancerSourceRanges', openIndex]
              : ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION],
          key: 'type',
        });
      }
    }
    const externalIPs = asArray(spec.externalIPs);
    if (externalIPs.length > 0) {
      report({
        message:
          `Service "${name}" sets externalIPs (${externalIPs.map(String).join(', ')}): traffic from pods and nodes ` +
          'to those addresses is captured by this Service (CVE-2020-8554).',
        path: ['spec', 'externalIPs'],
        key: 'externalIPs',
        severity: 'high',
      });
    }
  },
});
