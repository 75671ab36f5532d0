import rule from '../../../src/rules/reliability/ingress-backend-missing.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const SERVICES = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      app: web
    ports:
      - name: http
        port: 80
      - port: 8443
`;

const cases: RuleCase[] = [
  {
    name: 'passes when backends name existing Services and ports (by name or number)',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          defaultBackend:
            service:
              name: web
              port:
                number: 8443
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          name: http
                  - path: /static
                    pathType: Prefix
                    backend:
                      resource:
                        apiGroup: k8s.example.com
                        kind: StorageBucket
                        name: static
      `,
    expected: [],
  },
  {
    name: 'reports a missing Service and unknown ports, once per backend',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          rules:
            - http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 80
                  - path: /v2
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 80
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          name: https
                  - path: /admin
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 8080
      `,
    expected: [
      {
        line: 27,
        column: 17,
        severity: 'medium',
        message:
          'Ingress "web" routes to Service "api", which the scan does not define although it defines other Services in namespace "shop"',
      },
      {
        line: 43,
        column: 19,
        message:
          'Ingress "web" routes to port "https" of Service "web", which exposes 80 ("http"), 8443: the ingress controller cannot route',
      },
      { line: 50, column: 19, message: 'routes to port 8080 of Service "web"' },
    ],
  },
  {
    name: 'reads the older serviceName/servicePort backends',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: legacy
          namespace: shop
        spec:
          backend:
            serviceName: web
            servicePort: 443
          rules:
            - http:
                paths:
                  - path: /
                    backend:
                      serviceName: gone
                      servicePort: 80
      `,
    expected: [
      { line: 22, column: 5, message: 'routes to port 443 of Service "web"' },
      { line: 28, column: 15, message: 'routes to Service "gone"' },
    ],
  },
  {
    name: 'skips namespaces without Services in the scan and templated names',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: other
          namespace: other
        spec:
          defaultBackend:
            service:
              name: missing
              port:
                number: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: templated
          namespace: shop
        spec:
          defaultBackend:
            service:
              name: \${service}
              port:
                number: 80
      `,
    expected: [],
  },
  {
    name: 'accepts a port any same-named Service exposes, and Services without a namespace',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 9000
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ports:
            - port: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 9000
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 80
      `,
    expected: [],
  },
  {
    name: 'does not report a missing Service in a namespace with operator custom resources',
    yaml:
      SERVICES +
      '---\n' +
      yaml`
        apiVersion: ceph.rook.io/v1
        kind: CephCluster
        metadata:
          name: ceph
          namespace: shop
        spec: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: dashboard
          namespace: shop
        spec:
          defaultBackend:
            service:
              name: rook-ceph-mgr-dashboard
              port:
                name: http-dashboard
      `,
    expected: [],
  },
];

describe('ingress-backend-missing', () => {
  testRuleCases(rule, cases);
});
